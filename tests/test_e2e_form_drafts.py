"""End to end: the real program in tmux, a form typed into without pauses, a hang-up mid-burst.

The tester's case: F9 (the person's own words), her words typed, then `kill -HUP`. What was typed must
be in the meeting file (`progress.form_draft`), every character, and reopening must bring the form back
with it.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.i18n import t

try:
    from test_e2e_faults import open_live, type_for
    from test_e2e_tmux import HOME_ENV, program
    from tmux_session import Tmux, tmux_available, wait_gone
except ImportError:  # tests/ made a package
    from tests.test_e2e_faults import open_live, type_for
    from tests.test_e2e_tmux import HOME_ENV, program
    from tests.tmux_session import Tmux, tmux_available, wait_gone

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")


def form_text(path: Path, name: str) -> str | None:
    draft = store.load_meeting(path).progress.form_draft
    if draft is None:
        return None
    return next((f.value for f in draft.fields if f.name == name), None)


@pytest.mark.parametrize("fault", ["SIGHUP", "SIGTERM", "kill-server"])
def test_the_persons_words_typed_in_f9_survive_a_hangup_mid_burst(tmp_path: Path, private_home: Path,
                                                                    fault: str) -> None:
    with Tmux(tmp_path, f"form-{fault.lower()}") as tmux:
        pid, path = open_live(tmux, private_home)
        tmux.send("F9")
        tmux.wait_for(t("tui.view.field_text", "fr"), timeout=30)
        sent = type_for(tmux, 3.0)
        if fault == "kill-server":
            tmux.kill_server()  # what a dropped SSH link does to the terminal
        else:
            os.kill(pid, getattr(signal, fault))  # mid-burst: right after a key, no pause
        assert wait_gone(pid, 15.0), f"still running after {fault}"
    typed = sent[-1][1]
    kept = form_text(path, "text")
    assert kept is not None, f"the form was not kept on {fault}"
    assert kept == typed, f"{len(typed) - len(kept)} of {len(typed)} characters lost on {fault}"
    # Reopened: the same form, with every word.
    with Tmux(tmp_path, f"form-{fault.lower()}-again") as tmux:
        pid = tmux.start([*program(), "open", str(path)], env={HOME_ENV: str(private_home), "HOME": str(private_home)})
        tmux.wait_for(t("tui.view.field_text", "fr"), timeout=30)
        tmux.wait_for(typed[:30], timeout=10)  # the start of the words, back in the form
        tmux.send("Enter")  # saved on purpose: recorded, the draft gone
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and store.load_meeting(path).progress.form_draft is not None:
            time.sleep(0.2)
        os.kill(pid, signal.SIGTERM)
        assert wait_gone(pid, 15.0)
    saved = store.load_meeting(path)
    assert saved.progress.form_draft is None
    assert saved.person_views[-1].text == typed.strip()
