"""Read a gettext .po file, write and read the compiled .mo file.

Stand-alone on purpose (standard library only, no package-relative import): the wheel's build hook
(`hatch_build.py`) loads this file by path to compile the catalogues, where neither this package nor
Babel is installed, and the running program uses it to recompile a catalogue whose .po was edited.

Every message is identified by its context (msgctxt), which is the catalogue key used in the code
(`t("tui.live.said_count", ...)`); the msgid is the French source sentence. A .mo file maps
"key\\x04french" to the translation; `read_mo` gives back {key: (form, form, ...)}.
"""

from __future__ import annotations

import struct

MO_MAGIC = 0x950412DE
CONTEXT_SEPARATOR = "\x04"
# The .mo header carries the digest of the .po it was compiled from: a .mo that does not match its .po
# (the .po was edited since) is recompiled instead of silently winning.
DIGEST_HEADER = "X-Source-Digest"


class Entry:
    """One message of a .po file. (A plain class: dataclasses would cost the program's start-up more
    than all its sentences.)"""

    def __init__(self) -> None:
        self.context: str | None = None
        self.msgid = ""
        self.msgid_plural: str | None = None
        self.msgstr: dict[int, str] = {}
        self.fuzzy = False

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(self.msgstr[i] for i in sorted(self.msgstr))


def digest(po_bytes: bytes) -> str:
    """A fingerprint of a .po file's bytes, to notice an edit (not a security measure: zlib's CRC costs
    the start-up a tenth of what hashlib does)."""
    import zlib

    return f"crc32-{zlib.crc32(po_bytes):08x}-{len(po_bytes)}"


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text: str, where: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"line {where}: a quoted string was expected")
    out, chars, i = [], text[1:-1], 0
    while i < len(chars):
        char = chars[i]
        if char == "\\" and i + 1 < len(chars):
            out.append(_ESCAPES.get(chars[i + 1], chars[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file (the header is the entry whose msgid is empty). Obsolete entries
    (`#~`) are left out; fuzzy ones are kept with `fuzzy=True` (the compiler leaves them out)."""
    entries: list[Entry] = []
    entry = Entry()
    seen_msgid = False
    target: tuple[str, int] | None = None  # which field a continuation line extends

    def finish() -> None:
        nonlocal entry, seen_msgid, target
        if seen_msgid:
            entries.append(entry)
        entry, seen_msgid, target = Entry(), False, None

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if seen_msgid and target and target[0] == "msgstr":
                finish()
            if line.startswith("#,") and "fuzzy" in (flag.strip() for flag in line[2:].split(",")):
                entry.fuzzy = True
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"line {number}: a string outside of any field")
            name, index = target
            value = _unquote(line, number)
            if name == "msgctxt":
                entry.context = (entry.context or "") + value
            elif name == "msgid":
                entry.msgid += value
            elif name == "msgid_plural":
                entry.msgid_plural = (entry.msgid_plural or "") + value
            else:
                entry.msgstr[index] += value
            continue
        if keyword == "msgctxt":
            if seen_msgid:
                finish()
            entry.context, target = _unquote(rest, number), ("msgctxt", 0)
        elif keyword == "msgid":
            if seen_msgid:
                finish()
            entry.msgid, seen_msgid, target = _unquote(rest, number), True, ("msgid", 0)
        elif keyword == "msgid_plural":
            entry.msgid_plural, target = _unquote(rest, number), ("msgid_plural", 0)
        elif keyword == "msgstr":
            entry.msgstr[0], target = _unquote(rest, number), ("msgstr", 0)
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            index = int(keyword[7:-1])
            entry.msgstr[index], target = _unquote(rest, number), ("msgstr", index)
        else:
            raise ValueError(f"line {number}: unexpected {keyword!r}")
    finish()
    return entries


def compile_po(po_bytes: bytes) -> bytes:
    """The .mo file of a .po file: every translated, non-fuzzy message, and the header with the
    digest of the .po added."""
    entries = parse_po(po_bytes.decode("utf-8"))
    pairs: dict[str, str] = {}
    for entry in entries:
        if entry.msgid == "" and entry.context is None:
            header = [line for line in entry.msgstr.get(0, "").split("\n")
                      if line and not line.startswith(DIGEST_HEADER + ":")]
            header.append(f"{DIGEST_HEADER}: {digest(po_bytes)}")
            pairs[""] = "\n".join(header) + "\n"
            continue
        if entry.fuzzy or not all(entry.forms) or not entry.forms:
            continue  # untranslated or to be checked: the program falls back to French
        source = entry.msgid if entry.msgid_plural is None else entry.msgid + "\0" + entry.msgid_plural
        if entry.context is not None:
            source = entry.context + CONTEXT_SEPARATOR + source
        pairs[source] = "\0".join(entry.forms)
    return _write_mo(pairs)


def _write_mo(pairs: dict[str, str]) -> bytes:
    keys = sorted(pairs)  # the format asks for sorted originals (binary search)
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    table_o, table_t, blob = [], [], bytearray()
    for chunk, table in ((ids, table_o), (strs, table_t)):
        for item in chunk:
            table.append((len(item), data_at + len(blob)))
            blob += item + b"\0"
    out = bytearray(struct.pack("<7I", MO_MAGIC, 0, count, originals_at, translations_at, 0, 0))
    for length, offset in table_o + table_t:
        out += struct.pack("<2I", length, offset)
    return bytes(out + blob)


def _tables(data: bytes) -> tuple[str, int, tuple[int, ...], tuple[int, ...]]:
    order = "<" if struct.unpack_from("<I", data)[0] == MO_MAGIC else ">"
    _, _, count, originals_at, translations_at = struct.unpack_from(order + "5I", data)
    originals = struct.unpack_from(f"{order}{2 * count}I", data, originals_at)
    translations = struct.unpack_from(f"{order}{2 * count}I", data, translations_at)
    return order, count, originals, translations


def _parse_header(text: str) -> dict[str, str]:
    headers = {}
    for line in text.split("\n"):
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip()] = value.strip()
    return headers


def mo_header(data: bytes) -> dict[str, str]:
    """The header fields of a .mo file alone (its first message: the empty msgid sorts first)."""
    _, count, originals, translations = _tables(data)
    if count and originals[0] == 0:
        length, offset = translations[0], translations[1]
        return _parse_header(data[offset:offset + length].decode("utf-8"))
    return {}


def read_mo(data: bytes) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The header fields and the messages of a .mo file: {key (the context): forms}. Messages with no
    context are keyed by their msgid."""
    _, count, originals, translations = _tables(data)
    headers: dict[str, str] = {}
    messages: dict[str, tuple[str, ...]] = {}
    for i in range(0, 2 * count, 2):
        olen, ooff = originals[i], originals[i + 1]
        tlen, toff = translations[i], translations[i + 1]
        translated = data[toff:toff + tlen].decode("utf-8")
        if not olen:
            headers = _parse_header(translated)
            continue
        original = data[ooff:ooff + olen].decode("utf-8")
        context, sep, _ = original.partition(CONTEXT_SEPARATOR)
        messages[context if sep else original.split("\0")[0]] = tuple(translated.split("\0"))
    return headers, messages
