"""The layers of the source tree: what may import what (read from the source, not from a run)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "concertation_tui"


def imported(path: Path) -> set[str]:
    """The absolute names of every module `path` imports, its relative imports resolved."""
    package = ".".join(("concertation_tui", *path.relative_to(SRC).with_suffix("").parts[:-1]))
    if path.name == "__init__.py":
        package = ".".join(("concertation_tui", *path.relative_to(SRC).parts[:-1]))
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            names.add(stem)
            names |= {f"{stem}.{alias.name}" for alias in node.names}
    return names


def layer(folder: str) -> list[Path]:
    return sorted((SRC / folder).rglob("*.py")) if folder else sorted(SRC.glob("*.py"))


def test_the_headless_floor_never_imports_textual_nor_the_interface() -> None:
    for path in [*layer("model"), *layer("services"), *layer("minute"), *layer("i18n"), *layer("")]:
        if path.name in ("cli.py",):
            continue  # the command line starts the interface, lazily
        for name in imported(path):
            assert not name.startswith(("textual", "concertation_tui.tui")), (path.name, name)


def test_the_model_imports_nothing_above_it() -> None:
    above = ("concertation_tui.services", "concertation_tui.store", "concertation_tui.minute", "concertation_tui.tui",
             "concertation_tui.cli", "concertation_tui.config")
    for path in layer("model"):
        for name in imported(path):
            assert not name.startswith(above), (path.name, name)


def test_services_never_import_the_command_line() -> None:
    for path in layer("services"):
        assert not any(name.startswith("concertation_tui.cli") for name in imported(path)), path.name


def test_no_model_record_is_built_in_the_interface() -> None:
    """Screens and dialogs change the meeting through model/ops.py: no record constructor under tui/."""
    import re

    from concertation_tui.model import meeting

    records = sorted(name for name, value in vars(meeting).items()
                     if isinstance(value, type) and issubclass(value, meeting.Record) and value is not meeting.Record)
    assert {"Contribution", "PersonView", "Action", "Meeting", "Visibility"} <= set(records)
    call = re.compile(r"(?<![\w.])(" + "|".join(records) + r")\(")
    found = [f"{path.relative_to(SRC)}:{n}: {line.strip()}"
             for path in layer("tui") for n, line in enumerate(path.read_text().splitlines(), start=1)
             if call.search(line) and not line.lstrip().startswith("#")]
    assert found == []


def test_the_interface_changes_the_meeting_through_named_operations_only() -> None:
    """No closure handed to change(): each change names its operation (`change(ops.add_step, ...)`)."""
    import re

    found = [f"{path.relative_to(SRC)}:{n}: {line.strip()}"
             for path in layer("tui") for n, line in enumerate(path.read_text().splitlines(), start=1)
             if "change(lambda" in line or re.search(r"def \w+\((m|meeting)(: Meeting)?\) -> None:", line)]
    assert found == []


def test_worker_threads_are_handed_the_language() -> None:
    """A thread worker has no running app in its context (Textual's private `active_app`): `tr`, `lbl` and
    the app's language are not read there; the language comes in as an argument (`tr_in(lang, ...)`)."""
    threaded = []

    def in_thread(call: ast.expr) -> bool:
        return isinstance(call, ast.Call) and any(k.arg == "thread" and getattr(k.value, "value", False)
                                                  for k in call.keywords)

    for path in layer("tui"):
        tree = ast.parse(path.read_text())
        # functions handed to run_worker(partial(f, ...), thread=True) run in a thread too
        handed = {call.args[0].args[0].id for call in ast.walk(tree)
                  if in_thread(call) and getattr(call.func, "attr", "") == "run_worker" and call.args
                  and isinstance(call.args[0], ast.Call) and getattr(call.args[0].func, "id", "") == "partial"
                  and isinstance(call.args[0].args[0], ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            runs_in_thread = any(in_thread(d) for d in node.decorator_list) or node.name in handed
            if runs_in_thread:
                threaded.append(node.name)
                says = any(isinstance(inner, ast.Call) and (getattr(inner.func, "id", "") == "tr_in"
                                                            or getattr(inner.func, "attr", "") == "sentence")
                           for inner in ast.walk(node))
                assert not says or "lang" in [a.arg for a in node.args.args], (path.name, node.name)
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name):
                        assert inner.func.id not in ("tr", "lbl", "current_lang"), (path.name, node.name)
                    if isinstance(inner, ast.Attribute) and inner.attr == "language":
                        raise AssertionError((path.name, node.name, "reads the app's language"))
    assert {"_save_in_thread", "_build", "_write"} <= set(threaded)


def test_the_interface_asks_the_app_through_its_protocol_not_by_probing() -> None:
    """`meeting_app(app)` (tui/host.py) instead of getattr/hasattr on the app: one typed place. The
    terminal driver meets the app at its own typed seam (driver.py `TerminalOwner`), never `app._driver`."""
    import re

    probe = re.compile(r"(getattr|hasattr)\((self\.|host\.|screen\.)?app\b")
    found = [f"{path.relative_to(SRC)}:{n}" for path in layer("tui") if path.name not in ("driver.py", "host.py")
             for n, line in enumerate(path.read_text().splitlines(), start=1)
             if probe.search(line) or re.search(r"\._driver\b|\"_driver\"", line)]
    assert found == []
    # nor state read off the app untyped (`self.app.language  # type: ignore`): the protocol declares it
    untyped = re.compile(r"\bapp\.(?!call_later|post_message)\w+.*type: ignore\[attr-defined\]")
    found = [f"{path.relative_to(SRC)}:{n}" for path in layer("tui") if path.name != "app.py"
             for n, line in enumerate(path.read_text().splitlines(), start=1) if untyped.search(line)]
    assert found == []


def test_dialog_results_are_typed() -> None:
    """A form's third button comes back as `Pressed` (dialogs/forms.py), not as a dict with a magic key."""
    found = [f"{path.relative_to(SRC)}:{n}" for path in layer("tui")
             for n, line in enumerate(path.read_text().splitlines(), start=1) if '"_button"' in line]
    assert found == []
