"""Wheel build hook: compile the gettext catalogues (locale/<lang>.po -> <lang>.mo) into the wheel.

The .mo files are never committed (.gitignore): the wheel carries the ones compiled here from the .po
files of the checkout, so what is installed always matches the sentences reviewed in the repository.
An editable install gets them compiled beside the .po (the program also recompiles one whose .po changed).
The compiler is the package's own `catalogue_files.py`, loaded by path: the build needs nothing beyond
hatchling and the standard library.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src/concertation_tui/i18n/locale")
INSTALLED = "concertation_tui/i18n/locale"


def _compiler(root: Path):
    spec = importlib.util.spec_from_file_location("_catalogue_files", root / LOCALE.parent / "catalogue_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        root = Path(self.root)
        files = _compiler(root)
        pos = sorted((root / LOCALE).glob("*.po"))
        if not pos:
            raise RuntimeError(f"no .po file in {LOCALE}")
        out = root / LOCALE if version == "editable" else root / "build" / "i18n-mo"
        out.mkdir(parents=True, exist_ok=True)
        for po in pos:
            mo = out / f"{po.stem}.mo"
            mo.write_bytes(files.compile_po(po.read_bytes()))
            if version != "editable":
                build_data["force_include"][str(mo)] = f"{INSTALLED}/{po.stem}.mo"
