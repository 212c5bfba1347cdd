"""The gettext catalogues: read and compiled as translators' tools do, kept fresh, complete and consistent."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from concertation_tui import i18n
from concertation_tui.i18n import catalogue_files as files

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "concertation_tui" / "i18n" / "locale"
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def babel_catalog(lang: str):
    with (LOCALE / f"{lang}.po").open("rb") as f:
        return read_po(f)


@pytest.fixture
def private_locale(tmp_path, monkeypatch):
    """A copy of the catalogues the test may edit; the program reads them from there."""
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "LOCALE", str(folder))
    monkeypatch.setattr(i18n, "_CATALOGUES", {})
    return folder


def test_every_language_has_a_po_file_and_the_template_exists() -> None:
    assert sorted(p.stem for p in LOCALE.glob("*.po")) == sorted(i18n.LANGUAGES)
    assert (LOCALE / "messages.pot").exists()


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_our_reader_reads_every_po_file_as_babel_does(lang: str) -> None:
    ours = {e.context: e for e in files.parse_po((LOCALE / f"{lang}.po").read_text(encoding="utf-8")) if e.context}
    theirs = {m.context: m for m in babel_catalog(lang) if m.id}
    assert ours.keys() == theirs.keys()
    for key, message in theirs.items():
        entry = ours[key]
        assert (entry.msgid if entry.msgid_plural is None else (entry.msgid, entry.msgid_plural)) == message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert entry.forms == tuple(strings), key
        assert entry.fuzzy == message.fuzzy, key


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_babel_finds_no_error_in_any_catalogue(lang: str) -> None:
    catalog = babel_catalog(lang)
    assert catalog.num_plurals == 2
    problems = [(message.context, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert not problems


def test_a_po_file_with_escapes_plural_forms_and_fuzzy_entries_compiles_as_msgfmt_would() -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgctxt "a"\nmsgid "Dit « \\"oui\\" »\\n"\nmsgstr ""\n"Said \\"yes\\"\\n"\n\n'
        'msgctxt "b"\nmsgid "{count} note"\nmsgid_plural "{count} notes"\nmsgstr[0] "{count} note"\nmsgstr[1] "{count} notes"\n\n'
        '#, fuzzy\nmsgctxt "c"\nmsgid "vieux"\nmsgstr "old"\n\n'
        'msgctxt "d"\nmsgid "vide"\nmsgstr ""\n\n'
        '#~ msgctxt "e"\n#~ msgid "obsolète"\n#~ msgstr "obsolete"\n'
    ).encode()
    headers, messages = files.read_mo(files.compile_po(po))
    assert messages == {"a": ('Said "yes"\n',), "b": ("{count} note", "{count} notes")}
    assert headers["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert headers[files.DIGEST_HEADER] == files.digest(po)


def test_an_edited_po_wins_over_a_stale_mo(private_locale: Path) -> None:
    assert i18n.t("tui.minutes", "en", n=5) == "5 min"
    assert (private_locale / "en.mo").exists()  # compiled on first use and kept
    po = private_locale / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "{n} min"', 'msgstr "{n} minutes"', 1),
                  encoding="utf-8")
    i18n._CATALOGUES.clear()  # a new start of the program
    assert i18n.t("tui.minutes", "en", n=5) == "5 minutes"
    assert files.mo_header((private_locale / "en.mo").read_bytes())[files.DIGEST_HEADER] == files.digest(po.read_bytes())


def test_an_installed_program_reads_the_mo_alone(private_locale: Path) -> None:
    i18n.t("tui.minutes", "en", n=5)
    (private_locale / "en.po").unlink()
    i18n._CATALOGUES.clear()
    assert i18n.t("tui.minutes", "en", n=5) == "5 min"


def test_a_read_only_checkout_still_compiles_in_memory(private_locale: Path, monkeypatch) -> None:
    def refuse(*args):
        raise PermissionError("read-only")

    monkeypatch.setattr(i18n.os, "replace", refuse)
    assert i18n.t("tui.minutes", "en", n=5) == "5 min"
    assert sorted(p.name for p in private_locale.iterdir() if not p.name.endswith((".po", ".pot"))) == []


def test_a_message_marked_fuzzy_falls_back_to_french(private_locale: Path) -> None:
    po = private_locale / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgctxt "tui.minutes"', '#, fuzzy\nmsgctxt "tui.minutes"', 1),
                  encoding="utf-8")
    assert i18n.t("tui.minutes", "en", n=5) == i18n.t("tui.minutes", "fr", n=5)


def test_french_elision_and_no_double_full_stop_still_hold() -> None:
    assert i18n.t("minute.pro.copy_for", "fr", name="Mme A.").startswith("Copie de Mme A. Elle")
    assert i18n.t("minute.pro.copy_for", "fr", name="Anne").startswith("Copie d'Anne. Elle")
    assert i18n.resolve_language("nl_BE") == "nl" and i18n.resolve_language("de") == "fr"


# Both look at the package's folder, where the first writes a module for a moment: one worker runs them.
@pytest.mark.xdist_group("i18n-package-folder")
def test_a_dict_module_not_merged_yet_is_still_found(tmp_path, monkeypatch) -> None:
    """A branch merged after the conversion brings `<area>_<lang>.py`: its keys work until the importer runs."""
    package = Path(i18n.__file__).parent
    module = package / "zzlatebranch_en.py"
    module.write_text('STRINGS: dict[str, str] = {"zz.late": "Late {name}"}\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "_LEFTOVERS", {})
    try:
        assert i18n.leftover_modules("en") == ["zzlatebranch_en"]
        assert i18n.t("zz.late", "en", name="Ana") == "Late Ana"
    finally:
        module.unlink()


@pytest.mark.xdist_group("i18n-package-folder")
def test_no_dict_module_is_left_to_merge() -> None:
    """Run `tools/i18n_import_dicts.py` after merging a branch that added `<area>_<lang>.py` modules."""
    assert not [name for lang in i18n.LANGUAGES for name in i18n.leftover_modules(lang)]


def test_placeholders_are_the_same_in_every_language() -> None:
    french = i18n.catalogue("fr").messages
    for lang in i18n.LANGUAGES:
        for key, forms in i18n.catalogue(lang).messages.items():
            expected = set(PLACEHOLDER.findall(french[key][-1])) | set(PLACEHOLDER.findall(french[key][0]))
            for form in forms:
                found = set(PLACEHOLDER.findall(form))
                # A singular may leave the count out (« une note »); nothing else may be missing or added.
                assert found <= expected and expected - found <= {i18n.COUNT}, (lang, key, form)
            assert set(PLACEHOLDER.findall(forms[-1])) == expected, (lang, key)


# -- what the code asks for, extracted by Babel -----------------------------------------------------------

# The functions that take a catalogue key, and the prefix each puts before it.
KEY_FUNCTIONS = {"t": "", "tr": "tui.", "s": "minute."}


def used_keys() -> set[str]:
    import contextlib
    import io

    from babel.messages.extract import extract_from_dir

    found = set()
    with contextlib.redirect_stderr(io.StringIO()):  # f-string keys (t(f"check.{code}")) are skipped, each said
        for function, prefix in KEY_FUNCTIONS.items():
            for _, _, message, _, _ in extract_from_dir(ROOT / "src" / "concertation_tui", method_map=[("**.py", "python")],
                                                       keywords={function: None}):
                if isinstance(message, str) and re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+|[a-z_]+", message):
                    found.add(prefix + message)
    return found


def test_every_key_the_code_asks_for_exists_in_french() -> None:
    used = used_keys()
    assert len(used) > 500
    def exists(key: str) -> bool:
        # `t("a" if x else "b")` comes out of Babel as "ab": two keys, each must exist.
        return bool(i18n.forms(key, "fr")) or any(
            i18n.forms(key[:cut], "fr") and any(i18n.forms(p + key[cut:], "fr") for p in KEY_FUNCTIONS.values())
            for cut in range(1, len(key)))

    missing = sorted(k for k in used if not exists(k))
    assert not missing


# -- counts and plural forms ------------------------------------------------------------------------------

HEDGE = re.compile(r"[^\W\d_]\((s|x|e|es|en|n|nen|e?s)\)")  # « note(s) », « copie(s) », « actie(s) », « dag(en) »

# Messages that show a count without a noun that would agree with it.
COUNT_WITHOUT_AGREEMENT = {
    "minute.template.too_many_parts",  # « ({count}, au plus {limit}) »
    "tui.live.waiting",                 # « {count} pas encore parlé »
    "tui.live.restricted_count",        # « restreint à {count} »
    "tui.reread.revised",               # « ({count}) »
    "tui.coordination_view.cell_steps", # « d{count} »
    "tui.coordination_view.cell_actions",
    "minute.record.actions",            # « Actions décidées : {count} » (a label, then the number)
    "minute.record.reviewed",
}


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_no_message_hedges_a_plural_with_brackets(lang: str) -> None:
    hedged = [(key, form) for key, forms in i18n.catalogue(lang).messages.items() for form in forms
              if HEDGE.search(form)]
    assert not hedged


def test_every_message_that_shows_a_count_has_plural_forms() -> None:
    for key, forms in i18n.catalogue("fr").messages.items():
        if "{count}" in forms[-1] and key not in COUNT_WITHOUT_AGREEMENT:
            assert len(forms) == 2, f"{key} shows a count: give it a singular and a plural"


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("fr", 0, "0 note · Entrée : modifier"), ("fr", 1, "1 note · Entrée : modifier"),
    ("fr", 2, "2 notes · Entrée : modifier"), ("en", 0, "0 notes · Enter: edit"),
    ("en", 1, "1 note · Enter: edit"), ("en", 3, "3 notes · Enter: edit"),
])
def test_the_count_picks_the_form(lang: str, count: int, expected: str) -> None:
    assert i18n.t("tui.live.said_count", lang, count=count) == expected


def test_a_plural_message_asked_without_its_count_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        i18n.t("tui.live.said_count", "fr")


# -- every language complete ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_message_exists_in_every_language(lang: str) -> None:
    """A message missing (or fuzzy, waiting for a check) in a .po would show French to that language."""
    french = i18n.catalogue("fr").messages
    own = i18n.catalogue(lang).messages
    assert sorted(set(french) - set(own)) == []
    assert sorted(set(own) - set(french)) == []
    for key, forms in french.items():
        assert len(own[key]) == len(forms), f"{lang}: {key} has {len(own[key])} forms, French {len(forms)}"
        assert all(form.strip() for form in own[key]), (lang, key)


def test_the_wrong_count_of_forms_is_found(private_locale: Path) -> None:
    """The check above can fail: a Dutch plural message with one form left empty is not compiled."""
    po = private_locale / "nl.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('msgctxt "tui.live.said_count"')
    end = text.index("\n\n", start)
    entry = text[start:end]
    po.write_text(text.replace(entry, entry.replace('msgstr[1] "{count} notities · Enter: wijzigen"', 'msgstr[1] ""')),
                  encoding="utf-8")
    assert "tui.live.said_count" not in i18n.catalogue("nl").messages
    assert i18n.t("tui.live.said_count", "nl", count=2) == "2 notes · Entrée : modifier"  # French, not a gap


@pytest.mark.parametrize(("count", "expected"), [(0, "0 notities"), (1, "1 notitie"), (2, "2 notities")])
def test_dutch_plural_forms(count: int, expected: str) -> None:
    assert i18n.t("tui.count.notes", "nl", count=count) == expected


def test_the_model_and_the_settings_know_dutch() -> None:
    from concertation_tui import settings_file
    from concertation_tui.model.enums import Language

    assert Language("nl") is Language.NL and i18n.label(Language.NL, "nl") == "Nederlands"
    assert settings_file.FileSettings.model_validate({"language": "nl"}).language == "nl"
    assert sorted(i18n.DEFAULT_LOCALES) == sorted(i18n.LANGUAGES)


def test_dutch_writing_hints_have_their_word_lists() -> None:
    from concertation_tui.services.writing import entries, hints

    phrases = {(e.category, e.phrase) for e in entries("nl")}
    assert ("character", "lui") in phrases and ("third_party", "zus") in phrases
    assert {h.category for h in hints("Hij is lui en zijn zus drinkt.", None, "nl")} >= {"character", "third_party"}


def test_a_refused_removal_agrees_with_how_many_records_hold_the_participant() -> None:
    one = i18n.t("tui.participant.remove_refused", "fr", name="Ana", refs="1 apport au tour de table", count=1)
    three = i18n.t("tui.participant.remove_refused", "fr", name="Ana", refs="3 apports au tour de table", count=3)
    assert "1 apport au tour de table le ou la concerne." in one and "cette note" in one
    assert "3 apports au tour de table le ou la concernent." in three


async def test_in_dutch_j_says_yes_and_the_button_shows_it() -> None:
    from textual.app import App

    from concertation_tui.tui.dialogs.forms import Confirm

    class Host(App):
        language = "nl"

    answers = []
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(Confirm("Verwijderen", "Dit punt verwijderen?"), answers.append)
        await pilot.pause()
        assert str(app.screen.query_one("#yes").label) == "Ja"
        await pilot.press("left", "enter")
        await pilot.pause()
    assert answers == [True]
