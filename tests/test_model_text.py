"""The save's fast check never lets through a text that cleaning would change."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.model.text import MAX_ID, MAX_SHORT, clean_document, needs_cleaning

FIELDS = st.sampled_from(["text", "name", "title", "speaker_id", "id", "what", "place", "reason"])
TEXTS = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x250), min_size=MAX_ID - 2, max_size=MAX_ID + 3),
    st.text(alphabet='ab"\\\n\té', min_size=MAX_SHORT - 3, max_size=MAX_SHORT + 3),
)
DOCUMENTS = st.recursive(
    TEXTS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(FIELDS, inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(FIELDS, DOCUMENTS, min_size=1, max_size=4))
def test_no_text_that_cleaning_changes_passes_the_fast_check(document) -> None:
    _, changed = clean_document(document)
    for ascii_only in (False, True):
        text = json.dumps(document, indent=2, ensure_ascii=ascii_only)
        if changed:
            assert needs_cleaning(text), text[:200]


def test_a_pasted_control_character_is_still_cleaned_at_save() -> None:
    meeting = demo_meeting()
    meeting.contributions[0].text = "collé\x0c ici" + "z" * 30_000  # assigned, as the interface does
    saved = json.loads(store.serialize(meeting))
    text = saved["contributions"][0]["text"]
    assert text.startswith("collé ici") and len(text) == 20_000
    assert not needs_cleaning(store.serialize(demo_meeting()).decode())  # the usual save: fast path
