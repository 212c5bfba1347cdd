"""SVG snapshots of every screen with the demo meeting, at 80x24 (SSH) and 160x45 (a projector).

The clock is fixed, so the timers and the "saved at" time are the same on every run. Textual is pinned
exactly (8.2.8): a minor release changes the snapshots. Update them, after looking at the report, with
`pytest tests/test_tui_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from test_tui_support import Clock, assert_steady_and_says, demo_file, settle

from concertation_tui.tui.app import ConcertationApp

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
SCREENS = {
    "launcher": None,
    "live": [],
    "prepare": ["f2"],
    "participants": ["f2", "2"],
    "open": ["f3"],
    "open-consent": ["f3", "d"],  # the consent domain by domain, taken with the person at the opening
    "actions": ["f5"],
    "close": ["f6"],
    "action-dialog": ["f5", "enter"],
    "private-time": ["f8"],
    "help": ["escape", "f1"],
}


# What each screen must say, whatever the size (the snapshot holds the rest).
MEANING: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "launcher": (("Réunions récentes", "23/11/2026", "Réunion de concertation autour de Monsieur", "n Nouvelle"), ()),
    "live": (("Point 4/4", "Tour de table", "Joseph Lambert", "Vous tapez : les mots de Monsieur Lambert"), ()),
    "prepare": (("Titre : Réunion de concertation autour de Monsieur Lambert", "Animation : Sophie Mertens"), ()),
    "participants": (("Joseph Lambert", "la personne", "Ordre : l'ordre du tour de table"), ()),
    "open": (("La question de la réunion", "Dr Marc Dubois", "excusé·e", "Accord de la personne"), ()),
    "open-consent": (("Accord de partage, domaine par domaine", "revenus et dettes : seulement avec Sophie Mertens",
                      "le curseur reste", "Fermer (Échap)"),
                     ()),
    "actions": (("Porter l'aide familiale", "2 à corriger"), ()),
    "close": (("Dernier mot", "Prochaine réunion", "Conclusion"), ()),
    "action-dialog": (("Modifier une action", "Porteur (une seule personne)"), ()),
    "private-time": (("Temps de travail sans la personne", "touche f8 pour revenir"), ("Lambert", "Tour de table")),
    "help": (("Touches", "Point suivant", "Noter"), ()),  # a page of its own at 80x24, a panel at 160x45
}


def keys_then_settle(keys: list[str], says: tuple[str, ...] = (), absent: tuple[str, ...] = ()):
    async def run(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            # each key's save done before the next: a save that lands while a dialog covers the step
            # leaves the top bar's width as it was (« enreg. » without its time), a race in a snapshot
            await settle(app, pilot)
        assert_steady_and_says(app, *says, absent=absent)

    return run


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, screen, size):
    keys = SCREENS[screen]
    path = demo_file()
    app = ConcertationApp(None if keys is None else path, clock=Clock())
    says, absent = MEANING[screen]
    assert snap_compare(app, terminal_size=SIZES[size], run_before=keys_then_settle(keys or [], says, absent))


def test_live_in_english_with_the_high_contrast_theme(snap_compare):
    app = ConcertationApp(demo_file(), lang="en", theme="high-contrast", clock=Clock())
    says = ("Item 4/4", "Round table", "You are typing: Monsieur Lambert's own words")
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then_settle([], says, ("Vous tapez",)))
