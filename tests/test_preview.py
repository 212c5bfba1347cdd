"""The per-recipient preview: the copy's text, with what differs from the common edition marked."""

from __future__ import annotations

from concertation_tui.model import Edition, Meeting, VisibilityKind
from concertation_tui.services.preview import preview, preview_conflicts


def test_the_nurses_copy_marks_the_restricted_note_she_may_read(demo: Meeting) -> None:
    nurse = next(p for p in demo.participants if p.name == "Céline Renard")
    restricted = next(c for c in demo.contributions if c.visibility.kind is VisibilityKind.RESTRICTED)
    lines = preview(demo, nurse.id)
    marked = [line.text for line in lines if line.differs]
    assert any(restricted.text in text for text in marked)
    assert not any("Nadia" in text for text in marked)  # common content is not marked


def test_a_common_copy_marks_nothing_and_never_shows_oral_only(demo: Meeting) -> None:
    home_help = next(p for p in demo.participants if p.name == "Nadia El Amrani")
    oral = next(c for c in demo.contributions if c.visibility.kind is VisibilityKind.ORAL_ONLY)
    lines = preview(demo, home_help.id)
    assert not any(line.differs and "humeur" in line.text for line in lines)
    assert not any(oral.text in line.text for line in lines)
    assert any(line.style == "heading" for line in lines) and any(line.style == "table" for line in lines)


def test_the_letter_preview_speaks_to_the_person(demo: Meeting) -> None:
    lines = preview(demo, None, Edition.PERSON)
    text = "\n".join(line.text for line in lines)
    assert "vous" in text.lower() and "Monsieur Lambert" in text


def test_conflicts_are_named_above_the_preview(demo: Meeting) -> None:
    nurse = next(p for p in demo.participants if p.name == "Céline Renard")
    assert any("factures" in c.note.text for c in preview_conflicts(demo, nurse.id))
