"""A module imported when first used: what a screen needs only once a key asks for it (its forms, say)
stays out of the program's start."""

from __future__ import annotations

import importlib
from typing import Any


class Later:
    """Stands for the module `name` (relative to `package`); the first attribute read imports it.

    Python's own import lock makes it safe from any thread (the warm-up thread imports the same modules)."""

    def __init__(self, name: str, package: str | None = None) -> None:
        self._name = name
        self._package = package

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name, self._package), attribute)
