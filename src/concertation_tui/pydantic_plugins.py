"""pydantic without plugins: the meeting's data reaches no third-party code through pydantic.

pydantic hands what each model validates to the plugins installed beside it: any installed package
declaring an entry point in the group "pydantic" (an observability tool records every input, for
instance). A meeting file holds a person's sensitive data, so no such plugin may see it, whatever else
gets installed on the office's machine. Looking them up is not free either: importing
`importlib.metadata` and reading every installed package's entry points cost each command that reads
a meeting about 25 ms at start-up (pydantic does it when it builds the first validator).

pydantic's own switch, the PYDANTIC_DISABLE_PLUGINS variable, still imports `importlib.metadata` and is
inherited by every program this one starts; instead, the lookup pydantic calls (`get_plugins` in its
`pydantic.plugin._loader`, read again each time it builds a validator) finds none. The modules that
define pydantic models (model/meeting.py, settings_file.py) call `refuse_plugins()` before the first
one; the commands that build none (`list`, `schema`) do not even see pydantic's name. Imports nothing.
"""

from __future__ import annotations

import sys
import types

LOADER = "pydantic.plugin._loader"
"""pydantic's module that finds the plugins (its `_schema_validator` imports `get_plugins` from it)."""


def no_plugins() -> tuple[()]:
    """What pydantic's plugin lookup answers here: none."""
    return ()


def refuse_plugins() -> None:
    """Make pydantic find no plugin, before or after pydantic itself is imported (idempotent)."""
    loader = sys.modules.get(LOADER)
    if loader is None:  # pydantic's loader not imported yet (the usual case): it never will be
        loader = types.ModuleType(LOADER, "concertation_tui.pydantic_plugins: pydantic finds no plugin here.")
        sys.modules[LOADER] = loader
    loader.get_plugins = no_plugins  # type: ignore[attr-defined]
