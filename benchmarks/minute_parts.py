"""Every part of every edition of the minute, written out to compare two versions of the builder.

    .venv/bin/python benchmarks/minute_parts.py DIR [TEMPLATE.docx]

For the demo (French, English, fr_FR, and with awkward text: tabs, line breaks, & < >, emoji), the
large and the very large meeting: the common professional edition, each recipient's copy and the
letter; each .docx part in DIR/<meeting>.<edition>/ (creation and modification times removed), with
the lines the preview reads. Run it before and after a change to the builder, then `diff -r`: a
change meant to be invisible (speed) must leave no difference. Not part of the test suite.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from sizes import SIZES  # noqa: E402

from concertation_tui.minute import build_minute  # noqa: E402
from concertation_tui.model import Edition, Language, Meeting  # noqa: E402
from concertation_tui.model.sharing import professional_copies  # noqa: E402
from concertation_tui.services.preview import document_lines  # noqa: E402

STAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
AWKWARD = " a\tb\nc\r\nd & <e> \"f\" 'g'  h  \u00a0i : j ? 9 h 30 n° 2 « k » 😀 "


def meetings():
    for name, build in SIZES.items():
        meeting = build()
        yield name, meeting
        if name != "demo":
            continue
        yield "demo-en", meeting.model_copy(update={"language": Language.EN, "locale": "en_GB"})
        yield "demo-fr_FR", meeting.model_copy(update={"locale": "fr_FR"})
        data = meeting.model_dump(mode="json")
        for contribution in data["contributions"]:
            contribution["text"] += AWKWARD
        for action in data["actions"]:
            action["what"] += AWKWARD
            action["person_words"] = AWKWARD
        for participant in data["participants"]:
            participant["name"] += " & Co <x>\t"
            participant["organisation"] += AWKWARD
        data["title"] += AWKWARD
        yield "demo-awkward", Meeting.model_validate(data)
        data["language"], data["locale"] = "en", "en_GB"
        yield "demo-awkward-en", Meeting.model_validate(data)


def editions(meeting: Meeting):
    yield "professional", Edition.PROFESSIONAL, None
    for n, copy in enumerate(professional_copies(meeting)):
        if not copy.is_common:
            yield f"copy{n}", Edition.PROFESSIONAL, copy.recipient_ids[0]
    yield "letter", Edition.PERSON, None


def dump(out: Path, template: Path | None = None) -> None:
    for name, meeting in meetings():
        for edition_name, edition, recipient_id in editions(meeting):
            data = build_minute(meeting, edition, recipient_id=recipient_id, template=template)
            folder = out / f"{name}.{edition_name}"
            folder.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = [info.filename for info in archive.infolist()]
                for part in names:
                    (folder / part.replace("/", "__")).write_bytes(STAMPS.sub(b"", archive.read(part)))
            (folder / "_parts.json").write_text(json.dumps(names))
            (folder / "_lines.txt").write_text("\n".join(f"{line.style}\t{line.text}" for line in document_lines(data)))
            print(folder.name)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dump(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
