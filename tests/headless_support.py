"""Helpers of the headless tests (no test here): a template rewritten part by part, and the modules a
run of the command line loads."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_TEMPLATE = ROOT / "templates" / "minute" / "compte-rendu.docx"


def rewrite(source: Path, target: Path, *, add: dict[str, bytes] | None = None,
            replace: dict[str, bytes] | None = None) -> Path:
    """A copy of the .docx `source` with parts added or replaced."""
    add, replace = add or {}, replace or {}
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            copy.writestr(info.filename, replace.get(info.filename, original.read(info)))
        for name, data in add.items():
            copy.writestr(name, data)
    return target


def modules_loaded(home: Path, commands: list[list[str]], packages: tuple[str, ...], *,
                   must_succeed: bool = True) -> list[str]:
    """The modules of `packages` loaded after running each command line in a fresh Python (the data folder
    `home`). Each run ends without a crash; with `must_succeed`, with exit code 0 too."""
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from concertation_tui.cli import main\n"
        f"for args in {commands!r}:\n"
        "    result = CliRunner().invoke(main, args)\n"
        "    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)\n"
        f"    assert {not must_succeed!r} or result.exit_code == 0, (args, result.output)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {packages!r}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CONCERTATION_HOME": str(home)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return eval(out.stdout.strip())  # noqa: S307 - a list of module names printed by the probe above
