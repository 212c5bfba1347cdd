"""The person's network map: in the professional minute and the letter as a picture with alt text,
redacted per copy by the consent rule; the model's references; matplotlib kept to its own folder."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import docx
import pytest

from concertation_tui.services.demo import demo_meeting
from concertation_tui.minute import build_minute
from concertation_tui.minute.network_picture import alt_text, map_entries, render_png
from concertation_tui.minute.reader import visible_meeting
from concertation_tui.model import Edition, MapPlacement, Meeting, Visibility, VisibilityKind

SOMEONE = "une personne proche"


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def picture_of(data: bytes) -> tuple[list[str], list[bytes]]:
    """The alt texts of the document's pictures, and the picture files themselves."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pngs = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    document = docx.Document(io.BytesIO(data))
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    return alts, pngs


@pytest.fixture
def restricted(private_home) -> tuple[Meeting, str]:
    """The demo, with Marcel named only in the nurse's copy."""
    m = demo_meeting()
    nurse = next(p for p in m.participants if p.name == "Céline Renard")
    marcel = next(n for n in m.network if n.name == "Marcel")
    marcel.visibility = Visibility(kind=VisibilityKind.RESTRICTED, recipients=[nurse.id])
    return m, nurse.id


def test_the_demo_has_a_map_of_members_and_partners() -> None:
    m = demo_meeting()
    assert len(m.network_map) >= 6
    kinds = {p.who_id in {n.id for n in m.network} for p in m.network_map}
    assert kinds == {True, False}  # members of the person's network and partners alike


def test_professional_minute_and_letter_carry_the_map_as_a_picture(private_home) -> None:
    m = demo_meeting()
    for edition in (Edition.PROFESSIONAL, Edition.PERSON):
        data = build_minute(m, edition)
        alts, pngs = picture_of(data)
        assert len(pngs) == 1 and pngs[0].startswith(b"\x89PNG")
        assert b"matplotlib" not in pngs[0]  # no software named in the picture's metadata
        assert alts[0].startswith("Carte du réseau de Monsieur Lambert")
        assert "Isabelle Lambert (sa fille), très proche, lien soutenant" in alts[0]
        assert "Julie Verhaegen" in alts[0] and "lien conflictuel" in alts[0]
        words = "Marcel (un ami du club de pétanque)" if edition is Edition.PROFESSIONAL else "Marcel"
        assert f"{words}, plus loin, lien fragile" in text_of(data)  # the letter: short sentences


def test_a_member_restricted_from_a_copy_is_someone_close_there(restricted) -> None:
    m, nurse_id = restricted
    for data in (build_minute(m, Edition.PROFESSIONAL), build_minute(m, Edition.PERSON)):
        alts, _ = picture_of(data)
        text = text_of(data)
        assert "Marcel" not in alts[0] and "pétanque" not in alts[0]
        assert f"{SOMEONE}, plus loin, lien fragile" in alts[0]
        assert "Marcel" not in text and SOMEONE in text
    nurse_copy = build_minute(m, Edition.PROFESSIONAL, recipient_id=nurse_id)
    alts, _ = picture_of(nurse_copy)
    assert "Marcel (un ami du club de pétanque)" in alts[0] and "Marcel" in text_of(nurse_copy)


def test_an_oral_only_member_is_never_named_and_the_picture_is_drawn_from_the_copy(restricted) -> None:
    m, nurse_id = restricted
    marcel = next(n for n in m.network if n.name == "Marcel")
    marcel.visibility = Visibility(kind=VisibilityKind.ORAL_ONLY)
    for reader in (None, nurse_id, m.person.id):
        entries = map_entries(visible_meeting(m, reader))
        names = [e.name for e in entries]
        assert "Marcel" not in names and SOMEONE in names
        assert "Marcel" not in alt_text(entries, "Monsieur Lambert", "fr")


def test_no_map_no_picture_and_no_matplotlib(private_home) -> None:
    m = demo_meeting()
    m.network_map = []
    alts, pngs = picture_of(build_minute(m, Edition.PROFESSIONAL))
    assert alts == [] and pngs == []
    code = ("import sys; from concertation_tui.services.demo import demo_meeting; from concertation_tui.minute import "
            "build_minute; from concertation_tui.model import Edition; m = demo_meeting(); m.network_map = []; "
            "build_minute(m, Edition.PROFESSIONAL); print('matplotlib' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_matplotlib_keeps_to_the_programs_own_private_folder(private_home) -> None:
    m = demo_meeting()
    assert render_png(map_entries(m), "Monsieur Lambert", "fr").startswith(b"\x89PNG")
    import os

    folder = private_home / "cache" / "matplotlib"
    assert os.environ["MPLCONFIGDIR"] == str(folder)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_a_map_refers_to_members_or_participants_only() -> None:
    m = demo_meeting()
    data = m.model_dump(mode="json")
    data["network_map"].append(MapPlacement(who_id="nobody").model_dump(mode="json"))
    with pytest.raises(ValueError):
        Meeting.model_validate(data)


# -- across a series -------------------------------------------------------------------------------


def test_the_series_says_what_changed_on_the_map() -> None:
    from pathlib import Path

    from concertation_tui.services.demo import play_demo_follow_up
    from concertation_tui.services.network_changes import map_changes
    from concertation_tui.services.templates import new_follow_up

    first = demo_meeting()
    follow = new_follow_up(first, Path("premiere.json"))
    assert [p.model_dump() for p in follow.network_map] == [p.model_dump() for p in first.network_map]
    assert map_changes(first, follow, "fr") == []
    follow = play_demo_follow_up(follow)
    georges = next(n for n in follow.network if n.name == "Georges Piron")
    follow.network_map = [p for p in follow.network_map if p.who_id != georges.id]
    assert map_changes(first, follow, "fr") == [
        "Marcel : plus proche (proche), lien fragile → soutenant",
        "Julie Verhaegen : lien conflictuel → fragile",
        "Georges Piron : n'est plus sur la carte",
    ]
    assert first.network_map[2].ring == 3  # the first meeting's map is kept as it was


# -- the map view ------------------------------------------------------------------------------------


async def test_the_map_is_built_by_keyboard_and_saved(tmp_path, private_home) -> None:
    from concertation_tui import store
    from concertation_tui.model import MapSector, TieKind
    from concertation_tui.tui.app import ConcertationApp
    from concertation_tui.tui.screens.network_map import NetworkMapScreen

    m = demo_meeting()
    marcel = next(n for n in m.network if n.name == "Marcel")
    m.network_map = [p for p in m.network_map if p.who_id != marcel.id]
    path = store.create_meeting_file(m, tmp_path)
    app = ConcertationApp(path, lang="fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("shift+f2")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, NetworkMapScreen)
        table = screen.query_one("#map-table")
        table.keep_row(table.row_of(marcel.id))
        await pilot.press("s")  # onto the map (a member of the network: family first)
        await pilot.pause()
        await pilot.press("s", "s", "minus", "l", "l")  # work/school, further, fragile then conflicting
        await pilot.pause()
        place = next(p for p in app.meeting.network_map if p.who_id == marcel.id)
        assert (place.sector, place.ring, place.tie) == (MapSector.WORK_SCHOOL, 3, TieKind.CONFLICTING)
        await pilot.press("n", "n")  # only in the letter, then never written
        await pilot.pause()
        assert marcel.id and next(n for n in app.meeting.network if n.id == marcel.id).visibility.kind.value == "oral_only"
        box = str(screen.query_one("#map-work_school").render())
        assert "× Marcel (conflictuel)" in box
        table.keep_row(table.row_of(app.meeting.participants[1].id))
        before = [n.visibility for n in app.meeting.network]
        await pilot.press("n")  # a participant's name cannot be kept out of the minute
        await pilot.pause()
        assert [n.visibility for n in app.meeting.network] == before
        table.keep_row(table.row_of(marcel.id))
        await pilot.press("delete")
        await pilot.pause()
        assert all(p.who_id != marcel.id for p in app.meeting.network_map)
        await pilot.press("s")
        await pilot.pause()
        while app.save_pending:
            await pilot.pause(0.1)
        await pilot.press("shift+f2")  # the same key closes it
        await pilot.pause(0.3)
        assert not isinstance(app.screen, NetworkMapScreen)
    saved = store.load_meeting(path)
    assert any(p.who_id == marcel.id and p.sector is MapSector.FAMILY for p in saved.network_map)
    assert next(n for n in saved.network if n.id == marcel.id).visibility.kind.value == "oral_only"


def test_removing_someone_takes_them_off_the_map_and_the_file_still_loads(tmp_path) -> None:
    from concertation_tui import store
    from concertation_tui.model import Participant
    from concertation_tui.model.ops import remove_participant, remove_record

    m = demo_meeting()
    newcomer = Participant(name="Service ajouté puis retiré")
    m.participants.append(newcomer)
    m.network_map.append(MapPlacement(who_id=newcomer.id))
    marcel = next(n for n in m.network if n.name == "Marcel")
    georges = next(n for n in m.network if n.name == "Georges Piron")
    marcel.visibility = Visibility(kind=VisibilityKind.RESTRICTED, recipients=[newcomer.id])
    remove_participant(m, newcomer.id)
    remove_record(m, "network", georges.id)  # takes Georges off the map too
    path = store.create_meeting_file(m, tmp_path)
    saved = store.load_meeting(path)  # no reference left to either: the file loads
    assert {p.who_id for p in saved.network_map}.isdisjoint({newcomer.id, georges.id})
    assert next(n for n in saved.network if n.id == marcel.id).visibility.recipients == []
