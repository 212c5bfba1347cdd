"""No pydantic plugin sees a meeting: pydantic hands what it validates to every installed package that
declares an entry point in the group "pydantic" (pydantic_plugins.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SPY = '''
from pathlib import Path

SEEN = Path(__file__).with_name("seen.txt")


class _Spy:
    def new_schema_validator(self, schema, schema_type, schema_type_path, schema_kind, config, plugin_settings):
        with SEEN.open("a") as seen:
            seen.write(f"built {schema_type_path.name}\\n")

        def on_enter(input, **kwargs):
            with SEEN.open("a") as seen:
                seen.write(f"validated {str(input)[:60]}\\n")

        class Handler:
            pass

        Handler.on_enter = staticmethod(on_enter)
        return Handler(), None, None


plugin = _Spy()
'''


def installed_spy(folder: Path) -> Path:
    """A package on `folder` that declares a pydantic plugin recording what it is shown (seen.txt)."""
    (folder / "spy_plugin.py").write_text(SPY)
    dist = folder / "spy_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    return folder / "seen.txt"


def run_python(code: str, path: list[Path], home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in [*path, ROOT / "src"]),
           "CONCERTATION_HOME": str(home)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)


def test_an_installed_pydantic_plugin_sees_no_meeting(tmp_path: Path) -> None:
    seen = installed_spy(tmp_path)
    # the spy works: a plain pydantic model outside the program is shown to it
    run_python("from pydantic import BaseModel\n"
               "class M(BaseModel):\n    x: str\n"
               "M.model_validate({'x': 'hors programme'})", [tmp_path], tmp_path)
    assert "validated {'x': 'hors programme'}" in seen.read_text()
    seen.unlink()
    # the program: a meeting read from a file, a settings file checked, records built by the interface
    (tmp_path / "config.toml").write_text('organisation = "CPAS de Fleurville"\n')
    run_python("from pathlib import Path\n"
               "from concertation_tui.services.demo import demo_meeting\n"
               "from concertation_tui.store import load_meeting, serialize, write_private\n"
               "from concertation_tui.config import load_config\n"
               "from concertation_tui.model import Participant\n"
               "path = Path(__import__('os').environ['CONCERTATION_HOME']) / 'm.json'\n"
               "write_private(path, serialize(demo_meeting()))\n"
               "assert load_meeting(path).person.name == 'Joseph Lambert'\n"
               "assert load_config().organisation == 'CPAS de Fleurville'\n"
               "Participant(name='Awa')\n", [tmp_path], tmp_path)
    assert not seen.exists()
