"""The meeting of issue 18's layout rule: eight participants (the person, the facilitator, four partners
one of them excused with a written contribution and a message, two of the person's network) and ten
agenda items with their life domains. No test here."""

from __future__ import annotations

from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import AgendaItem, Attendance, Domain, Meeting

EXTRA_ITEMS = [
    ("Les rendez-vous médicaux du mois", [Domain.HEALTH, Domain.MOBILITY]),
    ("Le budget et le compteur d'eau", [Domain.INCOME_DEBTS, Domain.HOUSING]),
    ("Les visites de la famille", [Domain.FAMILY_CHILDREN, Domain.SOCIAL_TIES]),
    ("Le transport vers l'hôpital de jour", [Domain.MOBILITY, Domain.HEALTH]),
    ("Le dossier à la mutualité", [Domain.ADMINISTRATION]),
    ("Les activités au centre de quartier", [Domain.SOCIAL_TIES]),
]


def meeting_8x10() -> Meeting:
    m = demo_meeting()
    m.file_number = "D2026-0412"
    for title, domains in EXTRA_ITEMS:
        m.agenda.insert(len(m.agenda) - 1, AgendaItem(title=title, timebox_minutes=5, domains=domains))
    doctor = next(p for p in m.participants if p.attendance is Attendance.EXCUSED)
    doctor.written_text = "La kinésithérapie à domicile peut reprendre dès la semaine prochaine."
    doctor.excused_message = "Je reste joignable le mardi matin au cabinet."
    doctor.written_item_ids = [m.agenda[0].id, m.agenda[-1].id]  # about the round and who does what
    assert len(m.participants) == 8 and len(m.agenda) == 10
    return m
