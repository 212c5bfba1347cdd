"""The data and settings folders: worked out in paths.py on Linux, and always platformdirs' answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ENVIRONMENTS = {
    "plain": {"HOME": "/home/ana"},
    "home with a trailing slash": {"HOME": "/home/ana/"},
    "home is the root": {"HOME": "/"},
    "XDG folders set": {"HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana", "XDG_CONFIG_HOME": "/cfg/ana/",
                        "XDG_CONFIG_DIRS": "/etc/org:/opt/conf/"},
    "XDG folders relative or empty": {"HOME": "/home/ana", "XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "",
                                      "XDG_CONFIG_DIRS": "rel:/etc/org::"},
    "XDG_CONFIG_DIRS of relative entries only": {"HOME": "/home/ana", "XDG_CONFIG_DIRS": "a:b"},
    "relative HOME": {"HOME": "ana"},
    "no HOME": {},
    "Android's variables": {"HOME": "/home/ana", "ANDROID_DATA": "/data", "ANDROID_ROOT": "/system"},
}

PROBE = (
    "import json, platformdirs\n"
    "from concertation_tui import paths\n"
    "name = paths.APP_NAME\n"
    "print(json.dumps([\n"
    "    [paths.user_data_dir(), paths.user_config_dir(), paths.site_config_dirs()],\n"
    "    [platformdirs.user_data_dir(name, appauthor=False), platformdirs.user_config_dir(name, appauthor=False),\n"
    "     [e for e in platformdirs.site_config_dir(name, appauthor=False, multipath=True).split(':') if e]],\n"
    "]))\n"
)


@pytest.mark.skipif(sys.platform != "linux", reason="the folders are worked out in paths.py on Linux only")
@pytest.mark.parametrize("case", sorted(ENVIRONMENTS))
def test_the_folders_are_platformdirs_answer(case: str) -> None:
    kept = {name: value for name, value in os.environ.items()
            if name in ("PATH", "PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE", "LANG", "LC_ALL")}
    env = {**kept, **ENVIRONMENTS[case], "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    import json

    ours, theirs = json.loads(done.stdout)
    assert ours == theirs


def test_no_command_imports_platformdirs_on_linux_with_a_home(tmp_path: Path) -> None:
    from concertation_tui import paths

    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    env.pop(paths.HOME_ENV, None)
    code = ("import sys\nfrom concertation_tui import paths, resources, config\n"
            "paths.home(); config.load_config(); resources.site_dirs()\n"
            "print('platformdirs' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ("False" if sys.platform == "linux" else "True")
