"""The person's series: grouping, action histories and the scale across meetings in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from concertation_tui.services.demo import demo_meeting, play_demo_follow_up
from concertation_tui.model import ActionStatus, ScaleRating
from concertation_tui.services.series import action_histories, group_by_series, scale_chart, series_meetings
from concertation_tui.store import create_meeting_file, list_meetings, meetings_dir
from concertation_tui.services.templates import new_follow_up


def three_meetings():
    first = demo_meeting()
    first_path = create_meeting_file(first)
    second = play_demo_follow_up(new_follow_up(first, first_path))
    second_path = create_meeting_file(second)
    third = new_follow_up(second, second_path)
    third.scales = [ScaleRating(voice_id=first.person.id, value=9, question="q")]
    create_meeting_file(third)
    other = demo_meeting()  # another person's series
    other.date = other.date.replace(year=2025)
    create_meeting_file(other)
    return first, second, third


def test_meetings_are_grouped_by_series_newest_first() -> None:
    first, second, third = three_meetings()
    groups = group_by_series(list_meetings(meetings_dir()))
    assert [[s.number for s in group] for group in groups] == [[3, 2, 1], [1]]


def test_the_scale_across_three_meetings_is_drawn_with_text() -> None:
    first, second, third = three_meetings()
    meetings = [m for _, m in series_meetings(third, meetings_dir())]
    assert [m.series.number for m in meetings] == [1, 2, 3]
    chart = scale_chart(meetings, "fr", width=80)
    person_line = next(line for line in chart.splitlines() if line.startswith("Joseph Lambert"))
    assert "n°1 ███████░░░  7" in person_line and "n°2 ████████░░  8" in person_line
    assert "n°3 █████████░  9" in person_line and person_line.endswith("↑")
    assert max(len(line) for line in chart.splitlines()[1:]) <= 80


def test_a_narrow_chart_keeps_the_most_recent_meetings() -> None:
    first, second, third = three_meetings()
    meetings = [m for _, m in series_meetings(third, meetings_dir())]
    chart = scale_chart(meetings, "fr", width=40)
    person_line = next(line for line in chart.splitlines() if line.startswith("Joseph Lambert"))
    assert "n°3" in person_line and "n°1" not in person_line


@pytest.mark.parametrize("width", [40, 60, 72, 76, 80, 120])
def test_no_line_of_the_chart_is_wider_than_asked(width: int) -> None:
    first, second, third = three_meetings()
    meetings = [m for _, m in series_meetings(third, meetings_dir())]
    chart = scale_chart(meetings, "fr", width=width)
    assert max(len(line) for line in chart.splitlines()[1:]) <= width


def test_each_action_is_followed_across_the_series() -> None:
    first, second, third = three_meetings()
    meetings = [m for _, m in series_meetings(third, meetings_dir())]
    histories = {h.what[:20]: h for h in action_histories(meetings)}
    assert [s for _, _, s in histories["Installer la télévig"].statuses] == [
        ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS]
    assert [s for _, _, s in histories["Porter l'aide famili"].statuses] == [ActionStatus.PLANNED, ActionStatus.DONE]


def test_a_series_without_scale_says_so(tmp_path: Path) -> None:
    meeting = demo_meeting()
    meeting.scales = []
    assert "Aucune échelle" in scale_chart([meeting], "fr")
