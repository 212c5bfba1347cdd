"""Words for the person: how the letter says who someone is, what an action is, and « vous » everywhere.

The professionals write actions as bare infinitives about the person (« Veiller à ce que Monsieur
Lambert boive assez »); the letter speaks to the person (« Vous buvez assez… »). The rules here propose
that wording from the action: who carries it (the person: « Vous appelez… »; a partner: « Sophie
Mertens, votre assistante sociale, installe… »), the infinitive conjugated, the person's name turned
into « vous », and every name given a role the person knows. The facilitator reviews it in the
rereading and may write their own (`Action.person_wording`). No Textual, no docx.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from .conjugation import conjugate, is_infinitive, subjunctive_2p
from .words import _known, fold, lemma, lemmas
from ..model import Action, Meeting, Participant, ParticipantKind
from ..model.checks import carrier_name, is_collective

PERSONAL_ROLES = {
    "fr": ("assistant social", "assistante sociale", "assistant sociale", "infirmier", "infirmière", "médecin",
           "aide familiale", "aide-soignant", "aide-soignante", "éducateur", "éducatrice", "psychologue",
           "psychiatre", "kinésithérapeute", "kiné", "administrateur de biens", "administratrice de biens",
           "avocat", "avocate", "tuteur", "tutrice", "accompagnateur", "accompagnatrice", "conseiller",
           "conseillère", "logopède", "pharmacien", "pharmacienne", "agent de quartier", "référent", "référente"),
    "en": ("social worker", "nurse", "doctor", "gp", "home help", "care worker", "key worker", "psychologist",
           "psychiatrist", "physiotherapist", "lawyer", "support worker", "pharmacist", "keyworker"),
}
"""Roles that serve the person themself: « votre infirmière », not « infirmière de Soins à domicile »."""
SHORT_ROLE_WORDS = 4
"""A longer role is replaced by « de <organisation> » in a sentence: the sentence stays short."""
_POSSESSIVE = re.compile(r"^(?:son|sa|ses|le|la|les|l'|his|her|their|the|zijn|haar|hun|de|het)\s*", re.IGNORECASE)
YOUR = {"fr": "votre", "en": "your", "nl": "uw"}
"""The person's possessive in the letter (« vos » for a French plural is chosen where the noun is known)."""
YOU = {"fr": "vous", "en": "you", "nl": "u"}
"""The person, spoken to in the letter: the polite form in each language."""
AT = {"en": "at", "nl": "bij"}
"""Where a partner works, outside French (French chooses du/de la/de l' from the organisation's name)."""


def _ci(text: str) -> str:
    return re.escape(text).replace("\\ ", r"\s+")


@dataclass(frozen=True)
class Names:
    """The ways the meeting names the person, longest first, as one pattern."""

    pattern: re.Pattern | None
    feminine: bool


def person_names(meeting: Meeting) -> Names:
    """« Monsieur Lambert », « M. Lambert », « Joseph Lambert », « Joseph », « la personne »…"""
    person = meeting.person
    if person is None:
        return _person_names(None, "", "", ())
    others = tuple(first for p in meeting.participants if p.id != person.id and (first := _first_word(p.name)))
    # How the others are called: « Madame Dupuis » is Océane Dupuis's mother, never Océane
    taken = tuple(sorted({fold(form) for p in meeting.participants if p.id != person.id
                          for form in (p.name.strip(), p.addressed_as.strip()) if form}))
    return _person_names(person.id, person.name, person.addressed_as, others, taken)


@lru_cache(maxsize=4096)
def _first_word(name: str) -> str:
    """A name's first word, folded ('' for a blank name): asked of every participant for each sentence."""
    words = fold(name).split()
    return words[0] if words else ""


@lru_cache(maxsize=64)
def _person_names(person_id: str | None, name_: str, addressed_as: str, others: tuple[str, ...],
                  taken: tuple[str, ...] = ()) -> Names:
    """The pattern for one person, made once (the letter asks for it for each sentence)."""
    forms: set[str] = {"la personne accompagnée", "l'usager", "l'usagère", "le bénéficiaire", "la bénéficiaire",
                       "the person", "the service user"}
    feminine = False
    if person_id is not None:
        for name in (name_, addressed_as):
            name = name.strip()
            if not name:
                continue
            forms.add(name)
            words = name.split()
            if words and fold(words[0]).rstrip(".") in ("madame", "mme", "mrs", "ms", "miss"):
                feminine = True
            if len(words) >= 2:
                last = words[-1]
                for title in ("Monsieur", "M.", "Madame", "Mme", "Mr", "Mrs", "Ms", "Mr."):
                    forms.add(f"{title} {last}")
                first = words[0]
                if fold(first).rstrip(".") not in ("monsieur", "madame", "m", "mme", "mr", "mrs", "ms") and \
                        fold(first) not in others:
                    forms.add(first)  # their first name, when no one else in the meeting bears it
        if addressed_as.strip():
            title = fold(addressed_as.split()[0]).rstrip(".")
            if title in ("monsieur", "madame"):
                forms.add(addressed_as.split()[0])  # « Monsieur » alone
    forms = {form for form in forms if fold(form) not in taken}
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(_ci(f) for f in ordered) + r")(?![\w-])", re.IGNORECASE)
    return Names(pattern, feminine)


def mentions(text: str, meeting: Meeting) -> list[tuple[int, int]]:
    """Where `text` names the person in the third person (their own quoted words left out)."""
    names = person_names(meeting)
    if names.pattern is None:
        return []
    quoted = [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»|“[^”]*”", text)]
    return [(m.start(), m.end()) for m in names.pattern.finditer(text)
            if not any(a <= m.start() < b for a, b in quoted)]


# -- who someone is, for the person -----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _personal_core(role: str, lang: str) -> str:
    """Cached: `role_for_person` compares every participant's role with every other's."""
    folded = fold(role)
    for core in _cores_longest_first(lang):
        if folded == core or folded.startswith((core + " ", core + ",")):
            return role[: len(core)]
    return ""


def _same_role(core: str) -> str:
    """A role word with its feminine ending taken off: « assistante sociale » and « assistant social » are
    one role (two of them in a meeting are not both « votre assistant social »)."""
    return re.sub(r"e\b", "", re.sub(r"ière\b", "ier", re.sub(r"trice\b", "teur", fold(core))))


MEETING_ROLES = re.compile(
    r"^(?:anime|animateur|animatrice|préside|prend|rédige|écrit|secrétaire|facilitat|chairs?|takes|writes|"
    r"leidt|notulist|maakt)\b.*(?:réunion|concertation|séance|notes?|compte rendu|meeting|minutes?|verslag|overleg)?",
    re.IGNORECASE)
"""A part of a role that says what they do in this meeting (« anime la réunion », « prend les notes »):
the person knows them by their job, not by their task of the day."""


def job_of(participant: Participant) -> str:
    """Their role without what they do in this meeting: « assistante sociale, anime la réunion » ->
    « assistante sociale » (the letter names people by the job the person knows)."""
    parts = [part.strip() for part in participant.role.split(",")]
    kept = [part for part in parts if part and not MEETING_ROLES.match(part)]
    return ", ".join(kept)


@lru_cache(maxsize=8)
def _cores_longest_first(lang: str) -> tuple[str, ...]:
    return tuple(sorted(PERSONAL_ROLES.get(lang, ()), key=len, reverse=True))


def _of(organisation: str, lang: str) -> str:
    """« du CPAS de Fleurville », « de la mutuelle », « de l'hôpital », "at the hospital"."""
    org = organisation.split(",")[0].strip()
    if not org:
        return ""
    if lang != "fr":
        return f"{AT.get(lang, 'at')} {org}"
    first = org.split()[0]
    low = fold(first)
    if low[:1] in "aeiouyéèêh" and not first.isupper():
        return f"de l'{org[0].lower() + org[1:]}" if low in ("hôpital", "hopital", "association", "école") else f"d'{org}"
    if first.isupper() and len(first) > 1:  # an acronym: CPAS, CCAS, SAJ
        return f"du {org}"
    if low in ("centre", "service", "cabinet", "home", "planning", "foyer", "bureau", "département", "tribunal",
               "réseau", "club", "comité", "secrétariat", "syndicat", "groupe"):
        return f"du {org[0].lower() + org[1:]}" if low != "cabinet" else f"du {org}"
    if low in ("maison", "mutuelle", "résidence", "clinique", "mission", "commune", "ville", "société", "police",
               "mutualité", "fédération", "permanence"):
        return f"de la {org[0].lower() + org[1:]}"
    if low in ("soins", "services", "petits", "amis"):
        return f"des {org[0].lower() + org[1:]}"
    return f"de {org}"


def _network_link(meeting: Meeting, participant: Participant, lang: str) -> str:
    member = next((m for m in meeting.network if m.participant_id == participant.id), None)
    link = (member.link if member and member.link.strip() else participant.role).strip()
    names = person_names(meeting)
    if names.pattern is not None:
        link = re.sub(r"\s+(?:de|d'|of)\s*$", "", names.pattern.sub("", link)).strip()
        link = re.sub(r"\s+(?:de|d'|of)\s*$", "", link).strip()
    if not link:
        return ""
    if re.match(r"^(?:un|une|des|a|an)\s", link, re.IGNORECASE):
        return link
    core = _POSSESSIVE.sub("", link)
    if lang == "fr":
        return f"{'vos' if core.endswith('s') and not core.endswith(('fils', 'ss')) else 'votre'} {core}"
    return f"{YOUR.get(lang, 'your')} {core}"


def spoken_name(meeting: Meeting, participant: Participant) -> str:
    """How the person calls them: as they wish to be addressed, else their first name for the person's
    own network, else their name."""
    if participant.addressed_as.strip():
        return participant.addressed_as.strip()
    words = participant.name.split()
    if participant.kind is ParticipantKind.NETWORK and len(words) >= 2 and fold(words[0]).rstrip(".") not in (
            "dr", "m", "mme", "monsieur", "madame", "mr", "mrs", "ms"):
        return words[0]
    return participant.name.strip()


def role_for_person(meeting: Meeting, participant: Participant, lang: str, *, short: bool = True,
                    with_service: bool = True) -> str:
    """The role the person knows them by: « votre assistante sociale », « votre fille », « responsable des
    aides familiales », « du CPAS de Fleurville » (`short`: what a sentence can carry)."""
    if participant.kind is ParticipantKind.NETWORK:
        return _network_link(meeting, participant, lang)
    role = re.sub(r"\s+", " ", job_of(participant)).strip()
    if lang == "fr" and role and mentions(role, meeting):
        # « gestionnaire du logement d'Océane » -> « gestionnaire de votre logement »; a role the rules cannot
        # turn (« chargée du dossier Océane ») stays as written, and the letter's check points it out
        turned = to_you(role, meeting, lang, pronouns=False)
        if not re.search(r"(?<!pour )(?<!avec )(?<!chez )(?<!à )(?<!de )(?<!par )(?<!envers )\bvous\b", turned):
            role = turned
    core = _personal_core(role, lang)
    if core:
        same = [p for p in meeting.participants if p.kind is not ParticipantKind.NETWORK and p.id != participant.id
                and _same_role(_personal_core(p.role, lang)) == _same_role(core)]
        mine = participant.id in (meeting.reference_person_id, meeting.facilitator_id) or not same
        if mine:
            return f"{YOUR.get(lang, 'your')} {core}"
        return f"{core} {_of(participant.organisation, lang)}".strip()
    if role and (not short or len(role.split()) <= SHORT_ROLE_WORDS):
        where = _of(participant.organisation, lang) if with_service else ""
        if where and len(role.split()) <= 3 and len(role.split()) + len(where.split()) <= 7:
            return f"{role} {where}"  # « directrice de l'école communale de Jambes »
        return role
    return _of(participant.organisation, lang) or role


def who(meeting: Meeting, participant: Participant, lang: str, *, short: bool = True) -> str:
    """« Sophie Mertens, votre assistante sociale », « Isabelle, votre fille », « vous » for the person."""
    if participant.kind is ParticipantKind.PERSON:
        return YOU.get(lang, "you")
    role = role_for_person(meeting, participant, lang, short=short)
    name = spoken_name(meeting, participant)
    return f"{name}, {role}" if role else name


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern:
    """A participant's name as written, not followed by a comma or a bracket (their role said already)."""
    return re.compile(rf"(?<![\w-]){_ci(name)}(?![\w-])(?!\s*[,(])")


def with_roles(text: str, meeting: Meeting, lang: str, done: set[str]) -> str:
    """Every participant named in `text` followed by their role (when it is not said already)."""
    for p in sorted(meeting.participants, key=lambda p: len(p.name), reverse=True):
        if p.kind is ParticipantKind.PERSON or not p.name.strip() or p.id in done:
            continue
        if not _may_name(text, p):
            continue
        role = None  # worked out only for a participant the text names (it scans the whole meeting)
        for name in {p.name.strip(), spoken_name(meeting, p)}:
            match = _name_pattern(name).search(text)
            if match and role is None:
                role = role_for_person(meeting, p, lang, with_service=False)  # inside a sentence: the role alone
            if match and not role:
                break
            if match and fold(role) not in fold(text[match.end():match.end() + len(role) + 4]):
                end = match.end()
                rest = text[end:].lstrip()
                sep = "," if rest and (rest[0].isalnum() or rest[0] in "(«") else ""
                text = f"{text[:end]}, {role}{sep}{text[end:]}"
                done.add(p.id)
                break
    return text


def _may_name(text: str, participant: Participant) -> bool:
    """False when `text` cannot name `participant` in any way `with_roles` looks for: each of those
    names (the name, its first word, how they are addressed) starts with the first word of the name or
    of the address, written as is (the patterns are case-sensitive). A substring test instead of two
    regular expressions per participant and sentence: a letter of 400 actions among 550 participants
    had cost a second."""
    words = participant.name.split()
    if words and words[0] in text:
        return True
    address = participant.addressed_as.split()
    return bool(address) and address[0] in text


# -- « vous » --------------------------------------------------------------------------------------------


def _verb_of(word: str) -> str:
    """The infinitive of a conjugated verb, or '' when `word` is not one."""
    found = lemma(word, "fr")
    return found if is_infinitive(found) and fold(word) != found else ""


def to_you(text: str, meeting: Meeting, lang: str, *, possessives: bool = False, pronouns: bool = True) -> str:
    """`text` with the person in the second person: « chez Monsieur Lambert » -> « chez vous », « que
    Monsieur Lambert boive » -> « que vous buviez », « Monsieur Lambert appelle » -> « vous appelez »,
    « la demande de Monsieur Lambert » -> « votre demande ». Their own quoted words are left alone.
    With `possessives` (or when the person was named), « son/sa/ses » become « votre/vos ».
    With `pronouns` (the default), « il » or « elle » is the person where nobody else is named in the text
    (« …, si elle le souhaite » -> « si vous le souhaitez »); a partner's position about the person says
    « elle » of the partner and passes False."""
    names = person_names(meeting)
    if names.pattern is None or not text.strip():
        return text
    pronouns = pronouns and not _others_named(text, meeting)
    quoted = re.split(r"(«[^»]*»|“[^”]*”)", text)
    out = []
    for n, part in enumerate(quoted):
        out.append(part if n % 2 else _to_you(part, names.pattern, lang, possessives, pronouns))
    return "".join(out)


def _others_named(text: str, meeting: Meeting) -> bool:
    """Whether `text` names a participant other than the person (then « elle » may be them)."""
    person = meeting.person
    forms = tuple(sorted({fold(form) for p in meeting.participants if person is None or p.id != person.id
                          for form in (p.name.strip(), p.addressed_as.strip(), _first_word(p.name)) if form}))
    pattern = _any_of(forms)
    return pattern is not None and pattern.search(fold(text)) is not None


@lru_cache(maxsize=64)
def _any_of(forms: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for the other participants' names, made once per set of people (the letter asks it for
    each of its texts)."""
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                      + r")(?![\w-])")


def _subject_verb(word: str) -> str:
    """The infinitive of `word` read as the verb after its subject (« Océane garde », « elle paie »), or ''.

    After a subject the word is most likely a verb: a form simplemma reads as a noun (« garde », « paie »)
    is taken for the verb it can also be."""
    found = _verb_of(word)
    if found:
        return found
    folded = fold(word)
    for base in ("être", "avoir", "aller", "faire", "dire", "venir", "prendre", "mettre", "voir", "devoir",
                 "pouvoir", "vouloir", "savoir", "boire", "vivre", "suivre"):
        if folded == conjugate(base, "3s"):
            return base
    guesses = sorted(x for x in lemmas(word, "fr") if x != folded and is_infinitive(x) and x.endswith("er"))
    if guesses:
        return guesses[0]
    if folded.endswith("ie") and _known(folded[:-2] + "yer", "fr"):
        return folded[:-2] + "yer"  # paie -> payer
    return ""


_WISH = (r"(?:\bce|\bpour|\bafin|\bfaut|\bveut|\bvoudrait|\bsouhaite|\bsans|\bavant|\bbien|"
         r"\bvoulons|\bsouhaitons|\bimportant|\bnecessaire|\bnécessaire)\s*$")
"""Words after which « que » asks for the subjunctive (« veiller à ce que vous buviez »)."""


def _to_you(text: str, person: re.Pattern, lang: str, possessives: bool, pronouns: bool = True) -> str:
    p = person.pattern
    named = bool(person.search(text))
    if lang == "nl":
        # Dutch: the person becomes « u » (« van Monsieur Lambert » -> « van u »); « zijn » and « haar » are
        # left alone, being also a verb and a pronoun.
        return _capital(person.sub("u", text))
    if lang != "fr":
        text = re.sub(rf"{p}'s\b", "your", text, flags=re.IGNORECASE)
        text = re.sub(rf"\b(?:at|to)\s+{p}'s\s+home\b", "at your home", text, flags=re.IGNORECASE)
        text = person.sub("you", text)
        if possessives or named:
            text = re.sub(r"\b(?:his|her)\b", "your", text)
        return _capital(text)
    flags = re.IGNORECASE

    def inverted(m: re.Match) -> str:  # « Où Océane doit-elle vivre ? » -> « Où devez-vous vivre ? »
        verb = _subject_verb(m.group(1))
        return f"{conjugate(verb, '2p')}-vous" if verb else m.group(0)

    text = re.sub(rf"{p}\s+([^\W\d_]+)-(?:t-)?(?:elle|il)\b", inverted, text, flags=flags)
    text = re.sub(rf"\b(?:au domicile|à la maison|au logement)\s+(?:de\s+|d'){p}", "chez vous", text, flags=flags)

    def of_yours(m: re.Match) -> str:  # « du logement d'Océane » -> « de votre logement »
        article, noun = m.group(1).lower(), m.group(2)
        return {"du": "de votre", "des": "de vos", "au": "à votre", "aux": "à vos"}[article] + f" {noun}"

    text = re.sub(rf"\b(du|des|au|aux)\s+([^\W\d_][\w'-]*(?:\s+[\w'-]+){{0,4}}?)\s+(?:de\s+|d'){p}", of_yours,
                  text, flags=flags)
    text = re.sub(rf"\b(?:chez|avec|pour|sans|par|à|envers|vers)\s+{p}",
                  lambda m: m.group(0).split()[0] + " vous", text, flags=flags)

    def owned(m: re.Match) -> str:
        article, noun = m.group(1).lower(), m.group(2)
        return f"{'vos' if article == 'les' else 'votre'} {noun}"

    text = re.sub(rf"\b(le|la|les|l')\s*([^\W\d_][\w'-]*(?:\s+[\w'-]+){{0,4}}?)\s+(?:de\s+|d'){p}", owned, text,
                  flags=flags)

    def subjunctive(m: re.Match) -> str:
        neg, word = m.group(1) or "", m.group(2)
        verb = _verb_of(word)
        before = fold(text[max(0, m.start() - 30):m.start()])
        wish = re.search(r"(^|[.!?]\s*)$", before) is not None or re.search(_WISH, before) is not None
        form = (subjunctive_2p(verb) if wish else conjugate(verb, "2p")) if verb else word
        return f"{m.group(0)[:3].rstrip()} vous {neg}{form}".replace("qu' vous", "que vous")

    text = re.sub(rf"\bqu(?:e|')\s*{p}\s+(ne\s+|n')?([^\W\d_]+)", subjunctive, text, flags=flags)

    def subject(m: re.Match) -> str:
        neg, word = m.group(1) or "", m.group(2)
        verb = _subject_verb(word)
        if not verb:
            return m.group(0)  # not their verb: « de Madame Benali » is left to the rules below
        return f"vous {neg}{conjugate(verb, '2p')}"

    text = re.sub(rf"{p}\s+(ne\s+|n')?([^\W\d_]+)", subject, text, flags=flags)

    def object_(m: re.Match) -> str:  # « Qui accompagne Océane » -> « Qui vous accompagne »
        word = m.group(1)
        return f"vous {word}" if _verb_of(word) and fold(word) not in _NOT_VERBS else m.group(0)

    text = re.sub(rf"\b([^\W\d_]+)\s+{p}(?![\w-])", object_, text, flags=flags)
    text = re.sub(rf"\bde\s+{p}", "de vous", text, flags=flags)
    text = person.sub("vous", text)
    if pronouns:
        text = re.sub(r"\bchez (?:lui|elle)\b", "chez vous", text)
        if named:
            text = _pronoun_to_you(text)
    if possessives or named:
        text = re.sub(r"\bses\b", "vos", text)
        text = re.sub(r"\b(?:son|sa)\b", "votre", text)
        text = re.sub(r"\b(?:lui|elle)-même\b", "vous-même", text)
    text = re.sub(r"\bvous\s+n'(?=[aeiouyéè])", "vous n'", text)
    return _capital(text)


_NOT_VERBS = {"et", "ou", "mais", "donc", "car", "ni", "que", "qui", "dont", "comme", "si", "quand", "la", "le", "les",
              "de", "des", "du", "un", "une", "est"}
"""Words before the person's name that are never the verb they are the object of."""
_IMPERSONAL = {"falloir", "pleuvoir", "sembler", "paraître", "agir", "manquer", "rester", "suffire", "arriver"}
_IMPERSONAL_AFTER_EST = {"important", "necessaire", "nécessaire", "possible", "prevu", "prévu", "convenu", "decide",
                         "décidé", "question", "temps", "utile", "urgent", "difficile", "preferable", "préférable",
                         "entendu", "clair", "probable", "vrai", "impossible", "souhaitable"}
"""« il faut », « il reste », « il est important de »: « il » is nobody, never the person."""
_CLITIC = r"(?:le\s+|la\s+|les\s+|l'|en\s+|y\s+|lui\s+)?"


def _pronoun_to_you(text: str) -> str:
    """« il » or « elle » as the subject, in a text about the person that names nobody else: « si elle le
    souhaite » -> « si vous le souhaitez », « Elle reprend l'école » -> « Vous reprenez l'école »."""

    def said(m: re.Match) -> str:
        if not re.search(r"(?<![\w-])(?:vous|votre|vos)(?![\w-])", text[:m.start()], re.IGNORECASE):
            return m.group(0)  # « il » before the person is named is someone else: « Il dit que vous… »
        verb = _subject_verb(m.group("verb"))
        after = fold(text[m.end():m.end() + 30]).split()
        if not verb or verb in _IMPERSONAL or (m.group("clitic") or "").strip() == "y" and verb == "avoir" or (
                verb == "être" and after and after[0] in _IMPERSONAL_AFTER_EST):
            return m.group(0)  # « il faut », « il y a », « il est important de »: nobody
        lead, neg, clitic = m.group("lead"), m.group("neg") or "", m.group("clitic") or ""
        you = "Vous" if lead == "" or lead.rstrip()[-1:] in ".!?" else "vous"
        if lead.strip().lower() in ("s'", "si"):
            lead, you = m.group(0)[:2].replace("s'", "si") + " ", "vous"
        neg = "n'" if neg.strip() and re.match(r"[aeiouyéèêh]", clitic or conjugate(verb, "2p")) else neg
        return f"{lead}{you} {neg}{clitic}{conjugate(verb, '2p')}"

    pattern = (rf"(?P<lead>^|[.!?]\s+|\bsi\s+|\bs')(?:elle|il)\s+(?P<neg>ne\s+|n')?(?P<clitic>{_CLITIC})"
               rf"(?P<verb>[^\W\d_]+)")
    return re.sub(pattern, said, text, flags=re.IGNORECASE)


def _capital(text: str) -> str:
    """A sentence that now starts with « vous » starts with a capital."""
    return re.sub(r"(^|[.!?]\s+)(vous|you)\b", lambda m: m.group(1) + m.group(2).capitalize(), text)


# -- an action, for the person ------------------------------------------------------------------------------

_CLITICS = ("le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'")
_SPLIT = re.compile(r",\s+(?=(?:avec|sans|pour|dans|chez|afin|puis|et)\b)")


_PEOPLE: ContextVar[tuple[Meeting, str] | None] = ContextVar("wording_people", default=None)
_PROPOSED: dict[tuple[str, str, str], str] = {}
"""(people, action, lang) -> proposed wording, kept across checks: one changed action is worded again, not
all of them (the letter's readability check runs after every change)."""


@contextmanager
def people_fixed(meeting: Meeting) -> Iterator[str]:
    """While the caller reads `meeting` without changing its people (the letter is written from a copy),
    the actions' proposed wordings are remembered by the action's and the people's content. Yields the
    people's content, for the caller's own memo."""
    key = repr((meeting.person, meeting.participants, meeting.network, meeting.reference_person_id,
                meeting.facilitator_id))
    token = _PEOPLE.set((meeting, key))
    try:
        yield key
    finally:
        _PEOPLE.reset(token)


def propose(meeting: Meeting, action: Action, lang: str) -> str:
    """The action in the person's words, by rules: who does what, in short sentences."""
    fixed = _PEOPLE.get()
    if fixed is None or fixed[0] is not meeting:
        return _propose(meeting, action, lang)
    key = (fixed[1], repr(action), lang)
    found = _PROPOSED.get(key)
    if found is None:
        if len(_PROPOSED) > 4096:
            _PROPOSED.clear()
        found = _PROPOSED[key] = _propose(meeting, action, lang)
    return found


def _propose(meeting: Meeting, action: Action, lang: str) -> str:
    what = " ".join(action.what.split()).strip().rstrip(".")
    if not what:
        return ""
    person = meeting.person
    carrier = meeting.participant(action.carrier_id)
    label = carrier_name(meeting, action).strip()
    if carrier is not None and person is not None and carrier.id == person.id:
        subject, grammar = _capital(YOU.get(lang, "you")), "2p"
    elif carrier is not None:
        subject, grammar = who(meeting, carrier, lang), "3s"
    elif label and not is_collective(label):
        subject, grammar = label, "3s"
    else:
        subject, grammar = {"fr": "Nous", "nl": "We"}.get(lang, "We"), "1p"
    done = {carrier.id} if carrier is not None else set()
    if lang != "fr":
        return _propose_other(meeting, what, subject, grammar, done, lang)
    sentence, helped = _sentence_fr(meeting, what, subject, grammar, lang, done)
    helpers = [meeting.participant(pid) for pid in action.supporters]
    helpers = [h for h in helpers if h is not None and (person is None or h.id != person.id)]
    if helpers:
        names = [who(meeting, h, lang) for h in helpers]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]
        comma = "," if "," in joined else ""
        verb = "aide" if len(helpers) == 1 else "aident"
        if grammar == "2p":
            sentence += f" {joined}{comma} vous {verb}."
        elif carrier is not None:
            # a name ending with an initial (« Olivier T. ») ends the sentence with its own full stop
            sentence += _full_stop(f" {joined}{comma} {verb} {spoken_name(meeting, carrier)}")
        else:
            sentence += f" {joined}{comma} {verb} aussi."
    return sentence


def _full_stop(text: str) -> str:
    """The sentence closed by one full stop, never two (« … aide Olivier T. », not « T.. »)."""
    return text if text.endswith(".") else text + "."


def _sentence_fr(meeting: Meeting, what: str, subject: str, grammar: str, lang: str,
                 done: set[str]) -> tuple[str, bool]:
    words = what.split(" ")
    clitics: list[str] = []
    rest = words
    # « Se renseigner », « S'inscrire », « Lui apporter », « L'accompagner »
    while rest and (fold(rest[0]) in _CLITICS or re.match(r"^(?:l|s|m|t)'", fold(rest[0]))) and len(clitics) < 2:
        head = rest[0]
        if "'" in head and not fold(head) in ("l'", "s'"):
            clitics.append(head[: head.index("'") + 1])
            rest = [head[head.index("'") + 1:], *rest[1:]]
        else:
            clitics.append(head)
            rest = rest[1:]
    verb = rest[0] if rest else ""
    if not verb or not is_infinitive(fold(verb)) or lemma(verb, "fr") != fold(verb):
        # not an infinitive: the text as it stands, and who does it in a sentence of its own
        text = with_roles(to_you(what, meeting, lang, possessives=True), meeting, lang, done)
        text = text[:1].upper() + text[1:]
        doer = {"2p": "Vous vous en occupez.", "1p": "Nous devons encore décider qui s'en occupe."}.get(
            grammar, f"{subject}{',' if ',' in subject else ''} s'en occupe.")
        return f"{_stop(text)} {doer}", False
    body = " ".join(rest[1:])
    pronouns: list[str] = []
    for c in clitics:
        low = fold(c)
        if low in ("se", "s'"):
            pronouns.append({"2p": "vous", "1p": "nous"}.get(grammar, c.lower()))
        elif low == "lui":
            pronouns.append("vous")  # « lui apporter le journal »: the person, nearly always
        else:
            pronouns.append(c.lower())
    names = person_names(meeting)
    if names.pattern is not None and grammar != "2p":
        object_ = re.match(rf"^(?:à\s+)?(?:{names.pattern.pattern})(?=\s|$|,)", body, re.IGNORECASE)
        if object_:  # « Accompagner Monsieur Lambert chez le médecin » -> « … vous accompagne chez le médecin »
            pronouns.append("vous")
            body = body[object_.end():].lstrip()
    conjugated = conjugate(fold(verb), grammar)
    body = with_roles(to_you(body, meeting, lang, possessives=True), meeting, lang, done)
    body = re.sub(r"^Vous\b", "vous", body)
    body = _and_then(body, grammar)
    joined = " ".join(pronouns)
    joined = re.sub(r"\b(l'|s')\s+", r"\1", joined + " ")
    verb_phrase = f"{joined}{conjugated}" if joined.endswith("'") else (f"{joined.strip()} {conjugated}" if joined.strip() else conjugated)
    verb_phrase = re.sub(r"\b(le|la|se|me|te)\s+(?=[aeiouyéèêh])", lambda m: m.group(1)[0] + "'", verb_phrase)
    parts = _SPLIT.split(body, maxsplit=1)
    first = f"{subject} {verb_phrase} {parts[0]}".strip() if parts[0] else f"{subject} {verb_phrase}"
    if subject.endswith(")") or "," in subject and grammar == "3s":
        first = f"{subject}, {verb_phrase} {parts[0]}".strip()
    if _words(first) > LONG and grammar == "3s" and "," in subject:
        # « Sophie Mertens est votre assistante sociale. Elle rencontre… »: two short sentences
        name, role = subject.split(",", 1)
        pronoun = _pronoun(role)
        sentences = [_stop(f"{name} est {role.strip()}"), _stop(f"{pronoun or name} {verb_phrase} {parts[0]}".strip())]
        subject = pronoun or subject
    else:
        sentences = [_stop(first)]
    if len(parts) > 1:
        extra = parts[1].strip()
        without = re.match(r"^sans\s+((?:(?:la|le|les|l'|lui|leur|y|en)\s*)?)([^\W\d_]+)\b\s*(.*)$", extra)
        if without and is_infinitive(fold(without.group(2))) and lemma(without.group(2), "fr") == fold(without.group(2)):
            # « …, sans la retirer de la liste » -> « Julie Verhaegen ne la retire pas de la liste. »
            doer = subject.split(",")[0] if grammar == "3s" else subject
            doer = _pronoun(subject.split(",", 1)[1]) or doer if grammar == "3s" and "," in subject else doer
            clitic = without.group(1).strip()
            negation = "n'" if re.match(r"^[aeiouyéèêh]", (clitic or without.group(2)).lower()) else "ne "
            verb = conjugate(fold(without.group(2)), grammar)
            verb = f"{clitic}{verb}" if clitic.endswith("'") else (f"{clitic} {verb}" if clitic else verb)
            sentences.append(_stop(f"{doer} {negation}{verb} pas {without.group(3)}".replace("  ", " ")))
            return " ".join(sentences), True
        sentences.append(_stop(f"C'est {extra}" if fold(extra).startswith(("avec", "pour", "dans", "chez"))
                               else extra[:1].upper() + extra[1:]))
    return " ".join(sentences), True


def _and_then(body: str, grammar: str) -> str:
    """A second infinitive after « et » or « puis » conjugated like the first: « organise le retour en classe
    et fait le point », never « et faire le point »."""

    def conjugated(m: re.Match) -> str:
        reflexive, word = m.group(2), m.group(3)
        if not (is_infinitive(fold(word)) and lemma(word, "fr") == fold(word)):
            return m.group(0)
        verb = conjugate(fold(word), grammar)
        if reflexive:
            own = {"2p": "vous ", "1p": "nous "}.get(grammar, "s'" if re.match(r"[aeiouyéèêh]", verb) else "se ")
            verb = own + verb
        return f"{m.group(1)}{verb}"

    return re.sub(r"(\b(?:et|puis)\s+)(se\s+|s')?([^\W\d_]+)", conjugated, body)


@dataclass(frozen=True)
class _Phrasing:
    """How English and Dutch make a whole sentence of an action without conjugating its verb."""

    you: str
    we: str
    nobody_yet: str
    """Said after « we »: nobody carries it yet."""
    will: str
    possessives: bool
    """« your » for the person's « his/her » (English); Dutch leaves them as written."""


_PHRASINGS = {
    "en": _Phrasing("You", "We will", " We still have to decide who does it.", "will", possessives=True),
    # A Dutch action is written as an infinitive phrase with its verb last (« de thuishulp vijf ochtenden per
    # week regelen »): « gaat » before it makes a whole sentence without conjugating anything.
    "nl": _Phrasing("U gaat", "We gaan", " We moeten nog beslissen wie het doet.", "gaat", possessives=False),
}


def _propose_other(meeting: Meeting, what: str, subject: str, grammar: str, done: set[str], lang: str) -> str:
    phrasing = _PHRASINGS["nl" if lang == "nl" else "en"]
    body = with_roles(to_you(what, meeting, lang, possessives=phrasing.possessives), meeting, lang, done)
    body = body[:1].lower() + body[1:]
    if grammar == "2p":
        return _stop(f"{phrasing.you} {body}")
    if grammar == "1p":
        return _stop(f"{phrasing.we} {body}") + phrasing.nobody_yet
    return _stop(f"{subject}, {phrasing.will} {body}" if "," in subject else f"{subject} {phrasing.will} {body}")


FEMININE = ("assistante", "infirmière", "éducatrice", "conseillère", "accompagnatrice", "administratrice", "avocate",
             "directrice", "coordinatrice", "animatrice", "aide-soignante", "pharmacienne", "tutrice", "référente",
             "fille", "sœur", "soeur", "mère", "voisine", "amie", "tante", "cousine", "nièce", "belle-fille", "compagne",
             "femme", "épouse", "grand-mère", "marraine")
MASCULINE = ("assistant", "infirmier", "éducateur", "conseiller", "accompagnateur", "administrateur", "avocat",
             "directeur", "coordinateur", "animateur", "aide-soignant", "pharmacien", "tuteur", "référent", "fils",
             "frère", "père", "voisin", "ami", "oncle", "cousin", "neveu", "gendre", "compagnon", "mari", "époux",
             "grand-père", "parrain")


def _pronoun(role: str) -> str:
    """« Elle » or « Il » when the role says it (« votre assistante sociale », « votre fils »), else ''."""
    words = [w for w in fold(role).replace(",", " ").split() if w not in ("votre", "vos", "du", "de", "la", "le")]
    if not words:
        return ""
    if words[0] in FEMININE or words[0].endswith(("trice", "ière", "euse", "ienne")):
        return "Elle"
    if words[0] in MASCULINE or words[0].endswith(("teur", "ier", "eur", "ien")):
        return "Il"
    return ""


LONG = 15
"""Words a sentence of the letter holds at most (read aloud in one breath)."""


def _words(sentence: str) -> int:
    from .words import word_count

    return word_count(sentence)


def _stop(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…»" else text + "."


def wording(meeting: Meeting, action: Action, lang: str) -> str:
    """What the letter says of the action: the facilitator's wording, else the rules'."""
    return action.person_wording.strip() or propose(meeting, action, lang)
