"""Reference: a plain python-docx script writing the same text and tables as the professional minute,
with no template, no styles of ours, no filtering. What any minute writer pays at least."""

from __future__ import annotations

import io

from concertation_tui.model import Meeting


def plain_docx(meeting: Meeting) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(meeting.title, 0)
    document.add_paragraph(meeting.purpose)
    document.add_heading("Participants", 1)
    for p in meeting.participants:
        document.add_paragraph(f"{p.name}, {p.organisation}, {p.role}", style="List Bullet")
    for item in meeting.agenda:
        document.add_heading(item.title, 1)
        for c in meeting.contributions_on(item.id):
            document.add_paragraph(f"{meeting.name_of(c.speaker_id)} : {c.text}")
        for v in meeting.person_views:
            if v.item_id == item.id:
                document.add_paragraph(v.text)
    document.add_heading("Actions", 1)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["Action", "Porteur", "Échéance", "Accord", "Statut"], strict=True):
        cell.text = text
    for a in meeting.actions:
        row = table.add_row().cells
        for cell, text in zip(row, [a.what, meeting.name_of(a.carrier_id), str(a.due or ""), a.agreement.value,
                                    a.status.value], strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def markdown(meeting: Meeting) -> str:
    """The same content as Markdown, for pandoc."""
    lines = [f"# {meeting.title}", "", meeting.purpose, "", "## Participants", ""]
    lines += [f"- {p.name}, {p.organisation}, {p.role}" for p in meeting.participants]
    for item in meeting.agenda:
        lines += ["", f"## {item.title}", ""]
        lines += [f"{meeting.name_of(c.speaker_id)} : {c.text}\n" for c in meeting.contributions_on(item.id)]
        lines += [f"{v.text}\n" for v in meeting.person_views if v.item_id == item.id]
    lines += ["", "## Actions", "", "| Action | Porteur | Échéance | Accord | Statut |", "|---|---|---|---|---|"]
    for a in meeting.actions:
        cells = [a.what, meeting.name_of(a.carrier_id), str(a.due or ""), a.agreement.value, a.status.value]
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines) + "\n"
