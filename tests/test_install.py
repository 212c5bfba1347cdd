"""Installed as an administrator installs it: the wheel built from this checkout, into a fresh venv outside
it, used from another folder, and by an ordinary user who owns neither the install nor the checkout.

The venv lives in a folder beside the checkout (not in /tmp, which may be noexec; CONCERTATION_INSTALL_DIR
moves it), made readable by every account as /opt would be, and removed at the end. Building the wheel asks
pip's index for the build backend (hatchling), as any `pip wheel` does.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.i18n import t

try:
    from tmux_session import Tmux, tmux_available
except ImportError:  # tests/ made a package
    from tests.tmux_session import Tmux, tmux_available

# One worker builds and installs once for both tests (`--dist loadgroup`, see pyproject.toml).
pytestmark = [pytest.mark.install, pytest.mark.xdist_group("install")]

CHECKOUT = Path(__file__).resolve().parents[1]
PACKAGE = "concertation_tui"
TYPED = "Apport d'un compte ordinaire 5309"


@dataclass
class Install:
    folder: Path
    wheel: Path
    venv: Path

    @property
    def program(self) -> Path:
        return self.venv / "bin" / "concertation"


def as_administrator(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Run with umask 022, as `sudo` on a server often does not: what is installed is readable by all."""
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=600,
                          preexec_fn=lambda: os.umask(0o022), **kwargs)


def base_python() -> str:
    """The interpreter the venv is made from: $CONCERTATION_INSTALL_PYTHON, else the system's (what an
    administrator uses, and what other accounts can run), else this one."""
    candidates = [os.environ.get("CONCERTATION_INSTALL_PYTHON"), "/usr/bin/python3",
                  getattr(sys, "_base_executable", None), sys.executable]
    probe = "import sys, venv, ensurepip; assert sys.version_info >= (3, 11)"
    for candidate in filter(None, candidates):
        if Path(candidate).exists() and subprocess.run([candidate, "-c", probe], capture_output=True).returncode == 0:
            return candidate
    return sys.executable


@pytest.fixture(scope="module")
def installed() -> Install:
    base = Path(os.environ.get("CONCERTATION_INSTALL_DIR") or CHECKOUT.parent)
    folder = Path(tempfile.mkdtemp(prefix=".concertation-install-", dir=base))
    folder.chmod(0o755)
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
        as_administrator([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder / "dist"),
                          str(CHECKOUT)], env=env)
        [wheel] = (folder / "dist").glob("concertation_tui-*.whl")
        venv = folder / "opt-concertation"
        as_administrator([base_python(), "-m", "venv", str(venv)], env=env)
        as_administrator([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], env=env,
                         cwd=folder)
        yield Install(folder, wheel, venv)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shipped_files() -> list[str]:
    """What the program needs at run time from the repository's templates/ and the package's data/."""
    templates = CHECKOUT / "templates"
    wanted = [*templates.glob("meetings/*.json"), *templates.glob("minute/*.docx")]
    names = [f"{PACKAGE}/_templates/{path.relative_to(templates)}" for path in wanted]
    names += [f"{PACKAGE}/data/{path.name}" for path in (CHECKOUT / "src" / PACKAGE / "data").glob("*.txt")]
    assert len(names) >= 7
    return sorted(names)


def test_the_wheel_carries_every_template_readable_by_all(installed: Install) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    missing = [name for name in shipped_files() if name not in infos]
    assert not missing, f"not in the wheel: {missing}"
    assert f"{PACKAGE}/tui/app.tcss" in infos
    # The catalogues travel compiled (hatch_build.py), one per language, without their .po sources.
    from concertation_tui.i18n import LANGUAGES
    assert all(f"{PACKAGE}/i18n/locale/{lang}.mo" in infos for lang in LANGUAGES), sorted(infos)
    assert not [name for name in infos if name.endswith((".po", ".pot"))]
    unreadable = [name for name, info in infos.items() if (info.external_attr >> 16) & 0o444 != 0o444]
    assert not unreadable, f"files not readable by every account: {unreadable}"
    site = next(installed.venv.glob(f"lib/python*/site-packages/{PACKAGE}"))
    closed = [p for p in site.rglob("*") if (p.stat().st_mode & 0o005 if p.is_dir() else p.stat().st_mode & 0o004) == 0]
    assert not closed, f"installed files other accounts cannot read: {closed[:5]}"


def test_every_command_works_from_another_folder(installed: Install) -> None:
    elsewhere = installed.folder / "elsewhere"
    home = installed.folder / "root-home"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CONCERTATION_TEMPLATES")}
    env.update(CONCERTATION_HOME=str(home), HOME=str(home), XDG_CONFIG_DIRS=str(installed.folder / "no-site"))

    def run(*args: str) -> str:
        done = subprocess.run([str(installed.program), *args], cwd=elsewhere, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    where = subprocess.run([str(installed.venv / "bin" / "python"), "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(installed.venv)), where  # the installed copy, not the checkout

    created = Path(run("new", "--no-open", "--person", "Awa Test").strip().splitlines()[-1].split(": ", 1)[1])
    demo = Path(run("demo", "--no-open").strip().splitlines()[-1].split(": ", 1)[1])
    for path in (created, demo):
        assert path.parent == home / "meetings" and path.stat().st_mode & 0o777 == 0o600
        assert t("cli.check_ok", "fr", file=path) in run("check", str(path))
    minute = Path(run("minute", str(demo), "-o", str(elsewhere) + "/").strip().splitlines()[-1].split(": ", 1)[1])
    assert minute.parent == elsewhere and minute.suffix == ".docx" and zipfile.is_zipfile(minute)
    run("issue", str(demo), "-o", str(elsewhere / "issued"), "--consent-reason", "Essai d'installation")
    assert len(list((elsewhere / "issued").rglob("*.docx"))) >= 2
    assert "premiere-reunion" in run("config")
    assert '"$schema"' in run("schema") or '"title"' in run("schema")


def can_reach(user: str, path: Path) -> bool:
    return subprocess.run(["runuser", "-u", user, "--", "test", "-x", str(path)], capture_output=True).returncode == 0


def test_an_ordinary_user_runs_a_meeting_in_tmux(installed: Install) -> None:
    """The administrator installed it; `nobody`, with a home of their own, writes a meeting and runs it."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs root and runuser to act as another user")
    if not tmux_available():
        pytest.skip("tmux is not installed")
    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody' on this machine")
    if not can_reach("nobody", installed.program):
        pytest.skip(f"{installed.folder} is not reachable by other accounts (set CONCERTATION_INSTALL_DIR)")
    home = installed.folder / "nobody-home"
    home.mkdir(mode=0o700)
    os.chown(home, user.pw_uid, user.pw_gid)
    data = home / "concertation"
    as_user = ["runuser", "-u", "nobody", "--", "env", f"HOME={home}", f"CONCERTATION_HOME={data}",
               f"XDG_CONFIG_DIRS={installed.folder / 'no-site'}", str(installed.program)]
    done = subprocess.run([*as_user, "demo", "--no-open"], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, cwd="/")
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip().splitlines()[-1].split(": ", 1)[1])
    assert path.stat().st_uid == user.pw_uid and path.stat().st_mode & 0o777 == 0o600
    assert (data / "meetings").stat().st_mode & 0o777 == 0o700

    placeholder = t("tui.live.note_placeholder", "fr")
    doctor_dir = installed.folder / "tmux-doctor"
    doctor_dir.mkdir()
    with Tmux(doctor_dir, "doctor") as tmux:  # what this account's terminal gives: nothing blocks
        tmux.start([*as_user, "doctor"], env={}, cwd=Path("/"))
        tmux.wait_dead(timeout=30)
        report, status = tmux.everything(), tmux.exit_status()
    assert status == "0", report
    # the report wraps between words to the terminal's width, a no-break space before « : » (doctor.py)
    said = " ".join(report.replace("\xa0", " ").split())
    assert t("setup.doctor.nothing_blocks", "fr") in said
    assert f"Dossier des réunions : {data}, à vous seul." in said
    screen_dir = installed.folder / "tmux"
    screen_dir.mkdir()
    with Tmux(screen_dir, "install") as tmux:
        tmux.start([*as_user, "open", str(path)], env={}, cwd=Path("/"))
        tmux.wait_for(placeholder, timeout=30)
        tmux.type(TYPED)
        tmux.wait_for(TYPED)
        tmux.send("Enter")
        tmux.wait_for_all(placeholder, TYPED)
        tmux.send("C-q")
        tmux.wait_dead(timeout=15)
        status = tmux.exit_status()
    assert status == "0", status
    meeting = store.load_meeting(path)
    assert TYPED in [c.text for c in meeting.contributions] + [v.text for v in meeting.person_views]
    assert path.stat().st_uid == user.pw_uid and path.stat().st_mode & 0o777 == 0o600
    assert "Traceback" not in tmux.recorded()
