#!/usr/bin/env python3
"""Merge the sentences still kept as Python dicts into the gettext catalogues, then delete the dicts.

    .venv/bin/python tools/i18n_import_dicts.py            # merge, write the .po files, delete the modules
    .venv/bin/python tools/i18n_import_dicts.py --dry-run  # say what would change, touch nothing
    .venv/bin/python tools/i18n_import_dicts.py --keep     # merge but keep the modules

Input: every module `src/concertation_tui/i18n/<area>_<lang>.py` (or `<lang>.py`) that defines
`STRINGS: dict[str, str | tuple[str, ...]] = {...}`, for a language of the catalogues (fr, en, nl, or one
that has a .po file). A tuple value is a message with plural forms, in the order of the language's
Plural-Forms (fr, en, nl: singular, plural); its count is the `count` parameter.

Output: `src/concertation_tui/i18n/locale/<lang>.po` and `messages.pot`. Each message's context (msgctxt)
is the key used in the code; its msgid is the French sentence. Every translation already in a .po file is
kept; a module's value for a key and language replaces the one in the .po (it is reported). When the
French sentence of a key changes, the other languages keep their translation marked fuzzy (to be checked:
the program uses French for it until a translator clears the mark).

At the end the script lists the keys that still lack a language. It is safe to run again: with no module
left it only reports. Exit status 1 if a key has no French sentence anywhere (nothing is written then).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "src" / "concertation_tui" / "i18n"
LOCALE = I18N / "locale"
SOURCE = "fr"
DOMAIN = "concertation"
# Languages the program speaks, with the locale written in their .po header. Another language is added by
# putting its <lang>.po (made from messages.pot) in the locale folder.
LOCALES = {"fr": "fr_BE", "en": "en_GB", "nl": "nl_BE"}
# French keeps the classic gettext rule (0 and 1 singular) rather than CLDR's third form for millions.
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);", "en": "nplurals=2; plural=(n != 1);",
                "nl": "nplurals=2; plural=(n != 1);"}
MODULE_NAME = re.compile(r"^(?:(?P<area>[a-z0-9]+)_)?(?P<lang>[a-z]{2})\.py$")
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")

HEADER_COMMENT = """\
# Sentences of concertation-tui, the program that runs a réunion de concertation and writes its minute.
# Each message's context (msgctxt) is the key the program asks for; its msgid is the French sentence.
# {name} placeholders are filled by the program: keep them as they are (they may move in the sentence).
# A plural message is chosen by its {count}.
#"""

Value = tuple[str, ...]  # one form, or the plural forms


def languages() -> list[str]:
    found = {p.stem for p in LOCALE.glob("*.po")} | set(LOCALES)
    return [SOURCE] + sorted(found - {SOURCE})


def dict_modules(langs: list[str]) -> list[tuple[Path, str]]:
    """The dict modules to import, the base ones (`fr.py`) first, then by area."""
    found = []
    for path in I18N.glob("*.py"):
        match = MODULE_NAME.match(path.name)
        if match and match["lang"] in langs:
            found.append((match["area"] or "", path, match["lang"]))
    return [(path, lang) for _, path, lang in sorted(found, key=lambda f: (f[0], f[2] != SOURCE, f[2]))]


def read_strings(path: Path) -> dict[str, Value]:
    """The STRINGS dict of a module, read without running it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == "STRINGS" and node.value is not None:
            raw = ast.literal_eval(node.value)
            out: dict[str, Value] = {}
            for key, value in raw.items():
                forms = (value,) if isinstance(value, str) else tuple(value)
                if not forms or not all(isinstance(f, str) for f in forms):
                    raise SystemExit(f"{path.name}: {key!r} is neither a sentence nor a tuple of sentences")
                out[key] = forms
            return out
    raise SystemExit(f"{path.name}: no STRINGS dict")


def new_catalog(lang: str) -> Catalog:
    now = dt.datetime.now(dt.timezone.utc)
    catalog = Catalog(locale=LOCALES.get(lang, lang), domain=DOMAIN, header_comment=HEADER_COMMENT,
                      project="concertation-tui", version="1", copyright_holder="the concertation-tui authors",
                      msgid_bugs_address="-", creation_date=now, revision_date=now,
                      last_translator="concertation-tui", language_team="concertation-tui", fuzzy=False)
    set_plural_forms(catalog, lang)
    return catalog


def set_plural_forms(catalog: Catalog, lang: str) -> None:
    if lang in PLURAL_FORMS:
        headers = [(k, v) for k, v in catalog.mime_headers if k.lower() != "plural-forms"]
        catalog.mime_headers = [*headers, ("Plural-Forms", PLURAL_FORMS[lang])]


def load(lang: str) -> Catalog:
    path = LOCALE / f"{lang}.po"
    if not path.exists():
        return new_catalog(lang)
    with path.open("rb") as f:
        catalog = read_po(f, locale=LOCALES.get(lang, lang), domain=DOMAIN)
    set_plural_forms(catalog, lang)
    return catalog


def by_key(catalog: Catalog) -> dict[str, object]:
    return {m.context: m for m in catalog if m.id and m.context}


def source_id(forms: Value) -> str | tuple[str, str]:
    return forms[0] if len(forms) == 1 else (forms[0], forms[1])


def flags_for(forms: Value) -> set[str]:
    # Translators' tools check the {name} placeholders of a message flagged python-brace-format.
    return {"python-brace-format"} if any(PLACEHOLDER.search(f) for f in forms) else set()


def merge(dry_run: bool, keep: bool) -> int:
    langs = languages()
    modules = dict_modules(langs)
    incoming: dict[str, dict[str, Value]] = {lang: {} for lang in langs}
    order: list[str] = []
    for path, lang in modules:
        for key, forms in read_strings(path).items():
            if key not in incoming[lang] and key not in order:
                order.append(key)
            incoming[lang][key] = forms
    catalogs = {lang: load(lang) for lang in langs}
    existing = {lang: by_key(catalogs[lang]) for lang in langs}

    # The French sentence of every key: the module's, else the .po's.
    french: dict[str, Value] = {}
    for key, message in existing[SOURCE].items():
        french[key] = tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
    french.update(incoming[SOURCE])
    orphans = sorted(k for lang in langs for k in incoming[lang] if k not in french)
    if orphans:
        print("No French sentence for:", ", ".join(orphans), file=sys.stderr)
        return 1

    report: list[str] = []
    for lang in langs:
        catalog, known = catalogs[lang], existing[lang]
        changed = False
        keys = [k for k in known] + [k for k in order if k not in known]
        for key in keys:
            if key not in french:
                continue  # a message of the .po only: kept as it is
            forms = french[key]
            msgid = source_id(forms)
            old = known.get(key)
            given = incoming[lang].get(key)
            if lang == SOURCE:
                given = forms
            if old is not None and old.id == msgid and given is None:
                continue
            if old is not None:
                previous = old.string
                old_id = old.id
                catalog.delete(old.id, context=key)
            else:
                previous, old_id = None, None
            if given is not None:
                string = given[0] if isinstance(msgid, str) else tuple(given)
                if isinstance(msgid, tuple) and len(given) == 1:
                    string = (given[0],) * catalog.num_plurals  # a module gave one form for a plural message
                fuzzy = False
                if old is not None and any(previous if isinstance(previous, (tuple, list)) else [previous]) and previous != string and lang != SOURCE:
                    report.append(f"{lang}: {key}: translation replaced by the module's")
            else:
                string = previous if previous is not None else ("" if isinstance(msgid, str) else ("",) * catalog.num_plurals)
                if isinstance(msgid, tuple) and isinstance(string, str):
                    string = (string,) + ("",) * (catalog.num_plurals - 1)
                if isinstance(msgid, str) and isinstance(string, (tuple, list)):
                    string = string[0]
                fuzzy = bool(old_id is not None and old_id != msgid and any(string if isinstance(string, tuple) else [string]))
            message = catalog.add(msgid, string, context=key, flags=flags_for(forms) | ({"fuzzy"} if fuzzy else set()),
                                  previous_id=(old_id if fuzzy and old_id else ()))
            message.flags.discard("python-format")  # our placeholders are {name}, never %s
            changed = True
        if changed:
            catalog.revision_date = dt.datetime.now(dt.timezone.utc)
            keep_order(catalog, keys)
        catalogs[lang] = catalog

    missing = {lang: lacking(catalogs[lang], french) for lang in langs}
    if dry_run:
        for path, lang in modules:
            print(f"would import {path.relative_to(ROOT)} ({lang})")
    else:
        LOCALE.mkdir(parents=True, exist_ok=True)
        for lang in langs:
            write(catalogs[lang], LOCALE / f"{lang}.po", include_previous=True)
        write(template(catalogs[SOURCE]), LOCALE / "messages.pot", include_previous=False)
        for path, lang in modules:
            print(f"imported {path.relative_to(ROOT)} ({lang})")
            if not keep:
                path.unlink()
        still_named = names_still_imported([p for p, _ in modules]) if not keep else []
        if still_named:
            print("Remove these deleted modules from i18n/__init__.py:", ", ".join(still_named))
    for line in report:
        print(line)
    print(f"{len(french)} messages; {sum(1 for f in french.values() if len(f) > 1)} with plural forms.")
    for lang in langs:
        if missing[lang]:
            print(f"{lang}: {len(missing[lang])} key(s) lack a translation or wait for a check (fuzzy): "
                  + ", ".join(missing[lang]))
    return 0


def keep_order(catalog: Catalog, keys: list[str]) -> None:
    """A replaced message stays where it was in the file (Babel appends it), so a diff shows the change alone."""
    position = {key: i for i, key in enumerate(keys)}
    ordered = sorted(catalog._messages.items(), key=lambda item: position.get(item[1].context, len(position)))
    catalog._messages.clear()
    catalog._messages.update(ordered)


def lacking(catalog: Catalog, french: dict[str, Value]) -> list[str]:
    known = by_key(catalog)
    out = []
    for key in french:
        message = known.get(key)
        strings = message.string if message is not None else ""
        strings = strings if isinstance(strings, (list, tuple)) else [strings]
        if message is None or message.fuzzy or not all(strings):
            out.append(key)
    return out


def template(source: Catalog) -> Catalog:
    pot = new_catalog(SOURCE)
    pot.locale = None
    pot.creation_date = source.creation_date
    for message in source:
        if message.id:
            empty = "" if isinstance(message.id, str) else ("", "")
            added = pot.add(message.id, empty, context=message.context, flags=set(message.flags) - {"fuzzy"})
            added.flags.discard("python-format")
    return pot


def write(catalog: Catalog, path: Path, include_previous: bool) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=include_previous, ignore_obsolete=True)
    data = buffer.getvalue()
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def names_still_imported(deleted: list[Path]) -> list[str]:
    """The deleted modules `i18n/__init__.py` still imports (a merge may have brought the import back)."""
    tree = ast.parse((I18N / "__init__.py").read_text(encoding="utf-8"))
    imported = {alias.name.rpartition(".")[2] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    imported |= {node.module.rpartition(".")[2] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    return [p.stem for p in deleted if p.stem in imported]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")
    parser.add_argument("--keep", action="store_true", help="do not delete the imported modules")
    args = parser.parse_args(argv)
    return merge(args.dry_run, args.keep)


if __name__ == "__main__":
    sys.exit(main())
