"""Shared fixtures: every test gets its own data folder, never the user's and never /tmp directly."""

from __future__ import annotations

import pytest

from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import Meeting


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Point CONCERTATION_HOME at the test's folder, in French, with no Textual debugging variables.

    The organisation's folder (platformdirs' site config folder, read through XDG_CONFIG_DIRS) is an
    empty folder of the test too: a real /etc/xdg/concertation-tui on the machine changes nothing."""
    home = tmp_path / "home"
    monkeypatch.setenv("CONCERTATION_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    monkeypatch.delenv("CONCERTATION_LANG", raising=False)
    return home


@pytest.fixture
def demo() -> Meeting:
    return demo_meeting()
