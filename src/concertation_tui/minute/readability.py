"""The letter's readability check: what to rewrite before the letter goes to the person.

It reads the letter exactly as the person will (`letter.letter_blocks`), sentence by sentence, the
person's own quoted words left out (they are theirs): a sentence over 15 words (read aloud in one
breath), the person named in the third person (« Monsieur Lambert » where the letter says « vous »),
an acronym the glossary does not explain. Each problem names the record its words come from (an
action, a disagreement, an open question, the text « who to call »), so the rereading shows it there.
No Textual here, and no python-docx (the words are read without a document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..language_tools.acronyms import explained_in_brackets
from ..language_tools.glossary import terms
from ..language_tools.words import fold, sentences, word_count
from ..model import Meeting
from ..model.checks import Finding, Level
from ..language_tools.wording import mentions, people_fixed

LONGEST = 15
"""Words a sentence of the letter may hold."""
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{2,}(?![\w-])")
TARGETS = {"action": "action", "status_reason": "action", "disagreement": "note",
           "question": "question", "participant": "participant"}
"""Which record a readiness finding points to, for a problem found in words from `source`."""


@dataclass(frozen=True)
class Problem:
    code: str
    """long_sentence, third_person or unexplained."""
    source: tuple[str, str]
    """(kind, id) of the record the words come from (see `letter.Block.source`)."""
    sentence: str
    words: int = 0
    term: str = ""

    def finding(self) -> Finding:
        """The problem as a readiness finding (a warning), pointing to its record."""
        kind, record = self.source
        target = TARGETS.get(kind, "letter")
        short = self.sentence if len(self.sentence) <= 90 else self.sentence[:89] + "…"
        return Finding(f"letter_{self.code}", Level.WARNING, target, record if target != "letter" else "",
                       {"words": self.words, "sentence": short, "term": self.term})


def letter_problems(meeting: Meeting) -> list[Problem]:
    """What to rewrite in the letter to the person of `meeting` (empty: nothing)."""
    if meeting.person is None:
        return []
    from .context import Context
    from .letter import CHECKED, letter_blocks
    from .reader import visible_meeting
    from .text import language

    lang = language(meeting)
    visible = visible_meeting(meeting, meeting.person.id, lang=lang)
    with people_fixed(visible) as people:
        blocks = letter_blocks(Context(visible, None))  # type: ignore[arg-type]  # no document: words only
    known = frozenset(fold(name) for term in terms(lang) for name in term.names)
    # an acronym the letter explains itself, « l'agence immobilière sociale (AIS) », is explained
    known |= {fold(acronym) for block in blocks for acronym in explained_in_brackets(block.text)}
    pronoun = _their_pronoun(visible, lang)
    reworded = {a.id for a in visible.actions if a.person_wording.strip()}
    found: list[Problem] = []
    for block in blocks:
        if block.kind not in (*CHECKED, "explain"):
            continue
        key = (block.kind, block.source, block.text, people, known, pronoun, _written_by_hand(block, reworded))
        problems = _CHECKED.get(key)
        if problems is None:
            if len(_CHECKED) > 8192:
                _CHECKED.clear()
            problems = _CHECKED[key] = _block_problems(block, visible, known, pronoun, key[-1])
        found.extend(problems)
    return found


_CHECKED: dict[tuple, list[Problem]] = {}
"""A block's problems by what they are read from (its words and source, the people, the glossary): after a
change, only the blocks whose words changed are read again."""


def _block_problems(block, visible: Meeting, known: frozenset[str], pronoun: str, by_hand: bool) -> list[Problem]:
    found: list[Problem] = []
    text = _QUOTED.sub("", block.text)
    for said in sentences(text):
        count = word_count(said)
        if count > LONGEST:
            found.append(Problem("long_sentence", block.source, said, count))
        for start, end in ([] if block.source[0] == "greeting" else mentions(said, visible)):
            found.append(Problem("third_person", block.source, said, term=said[start:end]))
        if pronoun and by_hand:
            for match in re.finditer(rf"(?<![\w-]){pronoun}(?![\w-])", said, re.IGNORECASE):
                found.append(Problem("third_person", block.source, said, term=match.group()))
        for acronym in _ACRONYM.findall(said):
            if fold(acronym) not in known:
                found.append(Problem("unexplained", block.source, said, term=acronym))
    return found


def _their_pronoun(meeting: Meeting, lang: str) -> str:
    """« elle » for Madame Benali, « il » for Monsieur Lambert (« she », « he »); '' when not said."""
    person = meeting.person
    title = fold((person.addressed_as or "").split(" ")[0]).rstrip(".") if person and person.addressed_as else ""
    if title in ("madame", "mme", "mrs", "ms", "miss", "mevrouw", "mevr"):
        return {"fr": "elle", "nl": "zij"}.get(lang, "she")
    if title in ("monsieur", "m", "mr", "meneer", "mijnheer", "dhr"):
        return {"fr": "il", "nl": "hij"}.get(lang, "he")
    return ""


def _written_by_hand(block, reworded: set[str]) -> bool:
    """Words the facilitator wrote (the text « who to call », an agreement, a question, a reason, a wording
    they rewrote): there « elle » is most likely the person. The rules' own sentences use the pronoun of
    the partner they name."""
    kind, record = block.source
    if kind == "action":
        return record in reworded  # `reworded`: the ids of the actions whose wording they rewrote
    return kind in ("between_meetings", "disagreement", "question", "status_reason", "next_place")


def letter_findings(meeting: Meeting) -> list[Finding]:
    """The letter's problems as readiness findings (warnings), one per problem."""
    return [problem.finding() for problem in letter_problems(meeting)]
