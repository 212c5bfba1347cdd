"""`concertation doctor`: each thing the terminal and the account give, each problem with its fix,
exit 1 when something blocks; headless (no Textual)."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
import zipfile
from pathlib import Path

from click.testing import CliRunner

from concertation_tui import store
from concertation_tui.cli import main
from concertation_tui.services.demo import demo_meeting
from concertation_tui.services.doctor import Level, check_data_folder, check_keys, diagnose
from headless_support import modules_loaded

ROOT = Path(__file__).resolve().parents[1]


def program() -> list[str]:
    script = Path(sys.executable).parent / "concertation"
    return [str(script)] if script.exists() else [sys.executable, "-m", "concertation_tui.cli"]


def doctor_in_a_terminal(columns: int, rows: int, *args: str, **env: str) -> tuple[int, str]:
    """Run `concertation doctor` with a pty of `columns` x `rows` as stdin, stdout and stderr."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **env}
    for name in ("COLORTERM", "NO_COLOR", "VTE_VERSION", "TMUX", "SSH_CONNECTION"):
        if name not in env:
            environment.pop(name, None)
    process = subprocess.Popen([*program(), *args, "doctor"], stdin=follower, stdout=follower, stderr=follower,
                               env=environment, start_new_session=True)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    code = process.wait(timeout=20)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def keys_of(findings) -> dict[str, Level]:
    return {f.key: f.level for f in findings}


def test_in_a_good_terminal_nothing_blocks(private_home: Path) -> None:
    code, out = doctor_in_a_terminal(100, 30)
    out = words_of(out)
    assert code == 0, out
    assert "Terminal xterm-256color : 256 couleurs." in out
    assert "Taille : 100 colonnes sur 30 lignes." in out
    assert "Langue du système : UTF-8" in out
    assert "Modèle du compte rendu : " in out and "vérifié" in out
    assert "Rien ne bloque" in out
    assert "[bloque]" not in out


def test_a_small_terminal_blocks_with_its_fix(private_home: Path) -> None:
    code, out = doctor_in_a_terminal(70, 20)
    out = words_of(out)
    assert code == 1, out
    assert "Taille : 70 colonnes sur 20 lignes ; il en faut au moins 80 sur 24." in out
    assert "agrandissez la fenêtre" in out
    assert "Point qui bloque : 1. Corrigez-le" in out


def test_english_and_16_colours(private_home: Path) -> None:
    code, out = doctor_in_a_terminal(80, 24, "--lang", "en", TERM="linux")
    out = words_of(out)
    assert code == 0, out
    assert "Terminal linux: 16 colours only" in out
    assert "The Linux console does not tell ctrl+PgUp" in out and 'next-item = "alt+down"' in out
    assert "Nothing blocks" in out


def test_without_a_terminal_it_says_so_and_exits_1(private_home: Path) -> None:
    result = subprocess.run([*program(), "doctor"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            env={**os.environ, "TERM": "xterm-256color"}, timeout=20)
    assert result.returncode == 1
    assert "ne tourne pas dans un terminal" in result.stdout
    assert "ssh -t" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr


def test_keys_the_terminal_or_tmux_take_unless_moved() -> None:
    env = {"VTE_VERSION": "7200", "TMUX": "/tmp/tmux-1000/default,1,0", "TERM": "screen-256color"}
    assert keys_of(check_keys(env, {})) == {"f10_vte": Level.WARN, "ctrl_page_tmux": Level.WARN}
    assert keys_of(check_keys(env, {"coordination": "ctrl+t", "next-item": "alt+down"})) == {"keys": Level.OK}
    putty = {"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22", "TERM": "xterm"}
    assert keys_of(check_keys(putty, {})) == {"ctrl_page_putty": Level.WARN}


def test_the_data_folder_and_its_modes(private_home: Path) -> None:
    assert keys_of(check_data_folder()) == {"data_new": Level.OK}
    path = store.create_meeting_file(demo_meeting())
    assert keys_of(check_data_folder()) == {"data": Level.OK}
    private_home.chmod(0o755)
    path.chmod(0o644)
    findings = check_data_folder()
    assert keys_of(findings) == {"data_mode": Level.WARN, "data_files_mode": Level.WARN}
    assert [f.fix("fr") for f in findings] == [f"chmod 700 {private_home}", f"chmod 600 {path.parent}/*.json"]


def test_a_broken_organisation_template_blocks(private_home: Path) -> None:
    site = Path(os.environ["XDG_CONFIG_DIRS"]) / "concertation-tui" / "templates" / "minute"
    site.mkdir(parents=True)
    (site / "compte-rendu.docx").write_bytes(b"not a zip")
    findings = [f for f in diagnose("fr") if f.key.startswith("minute_template")]
    assert [(f.key, f.level) for f in findings] == [("minute_template_bad", Level.BLOCK)]
    assert str(site / "compte-rendu.docx") in findings[0].fix("fr")
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1 and "Le modèle du compte rendu ne peut pas servir" in result.output


def test_doctor_and_config_do_not_import_textual(private_home: Path) -> None:
    assert modules_loaded(private_home, [["doctor"], ["config"]], ("textual",), must_succeed=False) == []


def test_a_template_that_passes_the_zip_checks_but_does_not_load_blocks(private_home: Path) -> None:
    site = Path(os.environ["XDG_CONFIG_DIRS"]) / "concertation-tui" / "templates" / "minute"
    site.mkdir(parents=True)
    main_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(site / "compte-rendu.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", f'<Types><Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>')
        archive.writestr("word/document.xml", "<w:document")
    findings = [f for f in diagnose("fr") if f.key.startswith("minute_template")]
    assert [(f.key, f.level) for f in findings] == [("minute_template_bad", Level.BLOCK)]
    # The template's own checks name the broken part (malformed XML) before python-docx is tried.
    assert "word/document.xml" in findings[0].sentence("fr")


def test_an_organisation_folder_others_can_change_is_named(private_home: Path) -> None:
    site = Path(os.environ["XDG_CONFIG_DIRS"]) / "concertation-tui"
    site.mkdir(parents=True)
    (site / "config.toml").write_text('organisation = "CPAS"\n')
    (site / "config.toml").chmod(0o644)
    site.chmod(0o755)
    assert [f.key for f in diagnose("fr") if f.key.startswith(("settings", "site"))] == ["settings"]
    (site / "config.toml").chmod(0o666)
    findings = [f for f in diagnose("fr") if f.key == "site_writable"]
    assert len(findings) == 1 and findings[0].level is Level.WARN
    assert findings[0].fix("fr") == f"l'administrateur : chmod -R go-w {site}"


def words_of(out: str) -> str:
    """The report as one line of words (it is wrapped to the terminal's width; no-break spaces kept)."""
    return " ".join(out.replace("\u00a0", " ").split())


def test_putty_s_function_keys_are_named_with_what_to_do() -> None:
    """The tester's PuTTY: shift+F2 arrived as F12 and shift+F8 sent nothing, and doctor said nothing."""
    for term in ("putty", "putty-256color"):
        found = keys_of(check_keys({"TERM": term}, {}))
        assert found == {"ctrl_page_putty": Level.WARN, "putty_function_keys": Level.WARN}, term
    moved = {"network-map": "f11", "room-screen": "ctrl+r", "next-item": "alt+down"}
    assert keys_of(check_keys({"TERM": "putty"}, moved)) == {"keys": Level.OK}
    assert "putty_function_keys" not in keys_of(check_keys({"TERM": "xterm-256color"}, {}))


def test_the_report_is_wrapped_between_words_to_the_terminal_s_width(private_home: Path) -> None:
    code, out = doctor_in_a_terminal(60, 30, TERM="putty")
    said = words_of(out)
    assert "shift+F2 (la carte du réseau) arrive comme F12 (la relecture)" in said
    assert "shift+F8 (l'écran de la salle) n'envoie rien" in said
    assert "ctrl+p ouvre toutes les commandes" in said and "Function keys and keypad : Xterm R6" in said
    lines = out.rstrip("\n").split("\n")
    # no line longer than the terminal (but one holding a single word longer than a line: a path)
    assert [line for line in lines if len(line) > 60 and len(line.split()) > 1] == []
    assert not any(line.lstrip().startswith(("»", ":", ";", "?")) for line in lines)
    code, english = doctor_in_a_terminal(60, 30, "--lang", "en", TERM="putty-256color")
    assert "PuTTY (TERM=putty-256color): with its default keyboard, shift+F2" in words_of(english)
