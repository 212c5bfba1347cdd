"""The three meeting sizes the benchmarks run on: the demo, a large meeting and a very large one.

large: 15 participants, 10 agenda items, 8 contributions per participant (120), 40 actions;
very large: ten times each of those. Text lengths are those of real notes (one to three sentences).
"""

from __future__ import annotations

import datetime as dt
import random

from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import (
    Action,
    AgendaItem,
    Agreement,
    Attendance,
    Contribution,
    Domain,
    Meeting,
    Participant,
    ParticipantKind,
    PersonView,
    Phase,
    Progress,
)

SENTENCES = [
    "L'aide familiale vient deux matinées par semaine pour le ménage et les courses.",
    "Le passage infirmier du matin se passe bien ; la plaie cicatrise.",
    "Une demande d'allocation a été introduite en octobre, la réponse est attendue.",
    "La personne dit se sentir seule le soir et aimerait voir plus souvent sa famille.",
    "Le propriétaire a envoyé un courrier au sujet des arriérés de loyer.",
    "Un rendez-vous est pris chez le médecin traitant pour le renouvellement du traitement.",
]


def large_meeting(scale: int = 1, seed: int = 1) -> Meeting:
    rng = random.Random(seed)
    person = Participant(name="Personne accompagnée", kind=ParticipantKind.PERSON, attendance=Attendance.PRESENT)
    others = [
        Participant(name=f"Partenaire {n}", organisation=f"Service {n}", role="assistant·e social·e",
                    kind=ParticipantKind.NETWORK if n % 5 == 0 else ParticipantKind.PARTNER,
                    attendance=Attendance.PRESENT)
        for n in range(1, 15 * scale)
    ]
    participants = [person, *others]
    items = [AgendaItem(title=f"Point {n} : {rng.choice(SENTENCES)[:40]}", timebox_minutes=10)
             for n in range(1, 10 * scale + 1)]
    contributions = [
        Contribution(item_id=rng.choice(items).id, speaker_id=p.id, text=" ".join(rng.sample(SENTENCES, 2)),
                     domains=[rng.choice(list(Domain))])
        for p in others for _ in range(8)
    ]
    views = [PersonView(item_id=item.id, text=rng.choice(SENTENCES)) for item in items]
    actions = [
        Action(what=rng.choice(SENTENCES)[:60], carrier_id=rng.choice(others).id,
               due=dt.date(2026, 12, 1) + dt.timedelta(days=n % 30), agreement=rng.choice(list(Agreement)),
               item_id=rng.choice(items).id, domains=[rng.choice(list(Domain))])
        for n in range(40 * scale)
    ]
    return Meeting(
        title=f"Réunion de concertation (taille x{scale})", purpose="Mesurer.", date=dt.date(2026, 11, 23),
        participants=participants, agenda=items, contributions=contributions, person_views=views, actions=actions,
        progress=Progress(phase=Phase.LIVE, item_id=items[0].id),
    )


SIZES = {
    "demo": demo_meeting,
    "large": lambda: large_meeting(1),
    "very large": lambda: large_meeting(10),
}
