"""The demo meeting: a realistic French concertation, so that a newcomer sees every part at once.

Monsieur Lambert, 84, lives alone since his wife died and fell at home in October. Around him: the
CPAS's home-help service, his GP (excused, written contribution), a home-nursing service and the
hospital's social service; his daughter and a neighbour he names. Two services are about to steer
him in opposite directions without knowing it (more help at home on one side, a care-home application
on the other). Names, places and numbers are invented. No I/O here.
"""

from __future__ import annotations

import datetime as dt

from ..model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Attendance,
    ConsentStatus,
    Contribution,
    Disagreement,
    Domain,
    DomainConsent,
    DomainSharing,
    ItemOutcome,
    ItemState,
    MapPlacement,
    MapSector,
    Meeting,
    Nature,
    NetworkMember,
    NextMeeting,
    OpenQuestion,
    Participant,
    ParticipantKind,
    PersonView,
    Phase,
    PictureKind,
    PictureLine,
    Position,
    Progress,
    ScaleRating,
    SharingConsent,
    Step,
    StepStatus,
    TieKind,
    TimeSpan,
    ViewAspect,
    Visibility,
    VisibilityKind,
)

DEMO_DATE = dt.date(2026, 11, 23)
"""The fixed day tests build the demo on (their sentences name it)."""
HELD_DAYS_AGO = 7
"""The program's demo is dated from today: its follow-up was held a week ago, the next one is ahead."""


def demo_day(today: dt.date | None = None) -> dt.date:
    """The day of the demo's first meeting, so that its follow-up (35 days later) was held a week ago:
    a minute is never issued before its meeting, and the demo's must not be either."""
    return (today or dt.date.today()) - dt.timedelta(days=35 + HELD_DAYS_AGO)


def day_words(day: dt.date, *, year: bool = False) -> str:
    """« 1er décembre », « 28 octobre 2026 »: the demo's dates are said from its day, so that a demo dated
    from today never tells of a fall after the meeting."""
    from babel.dates import format_date

    said = format_date(day, "d MMMM y" if year else "d MMMM", locale="fr_BE")
    return "1er" + said[1:] if day.day == 1 else said


def month_words(day: dt.date) -> str:
    """« septembre »."""
    from babel.dates import format_date

    return format_date(day, "MMMM", locale="fr_BE")


def demo_meeting(day: dt.date = DEMO_DATE) -> Meeting:
    """The demo meeting held on `day`, paused during its last agenda item."""
    tz = dt.datetime.now().astimezone().tzinfo

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)

    def later(days: int) -> dt.date:
        return day + dt.timedelta(days=days)

    person = Participant(
        name="Joseph Lambert", kind=ParticipantKind.PERSON, addressed_as="Monsieur Lambert",
        attendance=Attendance.PRESENT, receives_minute=True,
    )
    facilitator = Participant(
        name="Sophie Mertens", kind=ParticipantKind.FACILITATOR, organisation="CPAS de Fleurville, service social",
        role="assistante sociale référente", attendance=Attendance.PRESENT, contact="081 00 00 00",
    )
    home_help = Participant(
        name="Nadia El Amrani", organisation="CPAS de Fleurville, service d'aide aux familles et aux aînés",
        role="responsable des aides familiales", attendance=Attendance.PRESENT,
    )
    doctor = Participant(
        name="Dr Marc Dubois", organisation="Cabinet médical des Tilleuls", role="médecin généraliste",
        attendance=Attendance.EXCUSED, absence_reason="consultations", written_contribution=True,
    )
    nurse = Participant(
        name="Céline Renard", organisation="Soins à domicile Fleurville", role="infirmière à domicile",
        attendance=Attendance.PRESENT,
    )
    hospital = Participant(
        name="Julie Verhaegen", organisation="Centre hospitalier régional, service social",
        role="assistante sociale", attendance=Attendance.PRESENT,
    )
    daughter = Participant(
        name="Isabelle Lambert", kind=ParticipantKind.NETWORK, role="fille de Monsieur Lambert",
        attendance=Attendance.PRESENT,
    )
    neighbour = Participant(
        name="Georges Piron", kind=ParticipantKind.NETWORK, role="voisin", attendance=Attendance.PRESENT,
        receives_minute=False,
    )
    participants = [person, facilitator, home_help, doctor, nurse, hospital, daughter, neighbour]

    welcome = AgendaItem(
        title="Tour de table : ce que Monsieur Lambert souhaite", timebox_minutes=15, state=ItemState.DONE,
        clock=[TimeSpan(start=at(14, 5), end=at(14, 22))], domains=[Domain.SOCIAL_TIES],
    )
    home = AgendaItem(
        title="Vivre chez soi après la chute : aides et soins", timebox_minutes=25, state=ItemState.DONE,
        clock=[TimeSpan(start=at(14, 22), end=at(14, 55))], domains=[Domain.HOUSING, Domain.HEALTH],
    )
    money = AgendaItem(
        title="Les papiers et les factures", timebox_minutes=15, state=ItemState.DONE,
        clock=[TimeSpan(start=at(14, 55), end=at(15, 8))], domains=[Domain.INCOME_DEBTS, Domain.ADMINISTRATION],
    )
    next_steps = AgendaItem(
        title="Qui fait quoi d'ici la prochaine réunion", timebox_minutes=15, state=ItemState.PAUSED,
        clock=[TimeSpan(start=at(15, 8), end=at(15, 14))],
    )

    def said(item: AgendaItem, who: Participant, text: str, *domains: Domain, nature: Nature = Nature.FACT,
             visibility: Visibility | None = None, minute: int = 0) -> Contribution:
        return Contribution(
            item_id=item.id, speaker_id=who.id, text=text, domains=list(domains), nature=nature,
            visibility=visibility or Visibility(), at=item.clock[0].start + dt.timedelta(minutes=minute),
        )

    contributions = [
        said(welcome, daughter, "Je viens le mercredi après-midi et le week-end. Je travaille à temps plein "
             "à Liège, je ne peux pas venir plus souvent.", Domain.FAMILY_CHILDREN, minute=4),
        said(welcome, daughter, "Il y a des tensions anciennes avec mon frère, qui ne donne plus de nouvelles.",
             Domain.FAMILY_CHILDREN, visibility=Visibility(kind=VisibilityKind.ORAL_ONLY), minute=6),
        said(welcome, neighbour, "Je passe chaque matin vers 9 h pour lui apporter le journal. Je peux aussi "
             "faire ses courses le mardi.", Domain.SOCIAL_TIES, minute=9),
        said(home, home_help, "L'aide familiale vient actuellement deux matinées par semaine (ménage, courses). "
             f"Le service peut passer à cinq matinées dès le {day_words(later(8))}.", Domain.HOUSING, minute=2),
        said(home, nurse, "Passage infirmier chaque matin pour le soin de la plaie au genou et le pilulier. "
             "La plaie cicatrise bien.", Domain.HEALTH, minute=7),
        said(home, nurse, "Monsieur Lambert se déplace seul avec sa canne dans la maison ; l'escalier vers la "
             "chambre reste difficile le soir.", Domain.HEALTH, Domain.HOUSING, minute=9),
        said(home, hospital, "Pendant l'hospitalisation qui a suivi la chute du "
             f"{day_words(later(-26))}, une demande "
             "d'admission en maison de repos a été introduite avec Madame Lambert. Monsieur Lambert est "
             "sur la liste d'attente de la résidence Les Charmilles.", Domain.HOUSING, minute=13),
        said(home, hospital, "À mon avis, le retour à domicile reste fragile tant que les nuits ne sont pas "
             "sécurisées.", Domain.HOUSING, Domain.HEALTH, nature=Nature.ASSESSMENT, minute=15),
        said(home, doctor, "Contribution écrite : état général stable, tension artérielle à surveiller. "
             "Pas de contre-indication médicale au maintien à domicile avec des aides.", Domain.HEALTH, minute=18),
        said(home, doctor, "Traitement pour une humeur dépressive depuis le décès de son épouse, suivi au "
             "cabinet tous les mois.", Domain.MENTAL_HEALTH,
             visibility=Visibility(kind=VisibilityKind.RESTRICTED, recipients=[nurse.id]), minute=19),
        said(money, daughter, "Je m'occupe de son courrier et de la mutuelle, mais je n'ai pas accès à son compte.",
             Domain.ADMINISTRATION, minute=3),
        said(money, home_help, "Deux factures de l'aide familiale "
             f"({month_words(later(-61))} et {month_words(later(-31))}) ne sont pas encore "
             "payées, soit 340 euros.", Domain.INCOME_DEBTS, minute=6),
    ]

    def view(item: AgendaItem | None, text: str, aspect: ViewAspect = ViewAspect.GENERAL, minute: int = 0) -> PersonView:
        start = (item.clock[0].start if item else at(14, 5)) + dt.timedelta(minutes=minute)
        return PersonView(item_id=item.id if item else "", text=text, aspect=aspect, at=start)

    person_views = [
        view(welcome, "Je veux rester chez moi. C'est ma maison depuis cinquante ans. Je sais que je suis "
             "tombé, mais je ne veux pas aller dans un home.", minute=1),
        view(None, "Le matin ça va, je fais encore mon café tout seul. Georges passe tous les jours.",
             ViewAspect.GOING_WELL, minute=2),
        view(None, "J'ai peur de tomber la nuit quand je descends aux toilettes.", ViewAspect.WORRIES, minute=3),
        view(None, "Rester chez moi, et qu'on arrête de parler du home.", ViewAspect.WANTS, minute=3),
        view(None, "On pourrait mettre un lit en bas, dans le salon. Comme ça plus d'escalier la nuit.",
             ViewAspect.IDEAS, minute=4),
        view(home, "L'aide familiale, d'accord, si c'est toujours la même dame. Le home, je n'ai jamais dit oui.",
             minute=20),
        view(money, "Mon argent, c'est mon affaire. Isabelle peut m'aider pour les papiers, c'est tout.",
             minute=8),
    ]

    steps = [
        Step(carrier_id=home_help.id, domain=Domain.HOUSING, what="Aide familiale portée à cinq matinées par semaine",
             since=f"décision prévue le {day_words(later(8), year=True)}", status=StepStatus.PLANNED,
             item_id=home.id),
        Step(carrier_id=hospital.id, domain=Domain.HOUSING, what="Demande d'admission en maison de repos "
             "(liste d'attente, résidence Les Charmilles)", since=day_words(later(-24), year=True),
             status=StepStatus.WAITING,
             item_id=home.id),
        Step(carrier_id=nurse.id, domain=Domain.HEALTH, what="Soins infirmiers chaque matin (plaie, pilulier)",
             since=day_words(later(-18), year=True), status=StepStatus.ONGOING, item_id=home.id),
        Step(carrier_id=daughter.id, domain=Domain.ADMINISTRATION, what="Courrier et mutuelle",
             since="2025", status=StepStatus.ONGOING, item_id=money.id),
    ]

    picture = [
        PictureLine(kind=PictureKind.WORKING, text="Monsieur Lambert se lève, s'habille et prépare son "
                    "petit-déjeuner seul.", voice_id=nurse.id, domains=[Domain.HEALTH], item_id=home.id),
        PictureLine(kind=PictureKind.WORKING, text="Monsieur Lambert accepte l'aide familiale, si c'est toujours "
                    "la même personne.", voice_id=home_help.id, domains=[Domain.HOUSING], item_id=home.id),
        PictureLine(kind=PictureKind.WORRIES, text="Une nouvelle chute la nuit, seul dans l'escalier.",
                    voice_id=daughter.id, domains=[Domain.HEALTH, Domain.HOUSING], item_id=home.id),
        PictureLine(kind=PictureKind.WORRIES, text="Deux démarches opposées étaient en cours sans que chacun le "
                    "sache : plus d'aide à domicile et une entrée en maison de repos.", voice_id=facilitator.id,
                    domains=[Domain.HOUSING], item_id=home.id),
        PictureLine(kind=PictureKind.NEEDS, text="Que Monsieur Lambert puisse rester chez lui et passer ses nuits "
                    "en sécurité.", voice_id=person.id, domains=[Domain.HOUSING], item_id=home.id),
    ]

    question = "0 : je ne peux pas rester chez moi en sécurité ; 10 : tout est en place pour que je reste chez moi"
    scales = [
        ScaleRating(voice_id=person.id, value=7, question=question, comment="Il me faut juste un lit en bas.",
                    item_id=home.id),
        ScaleRating(voice_id=daughter.id, value=4, question=question, comment="Les nuits m'inquiètent.",
                    item_id=home.id),
        ScaleRating(voice_id=home_help.id, value=6, question=question, item_id=home.id),
        ScaleRating(voice_id=nurse.id, value=6, question=question, item_id=home.id),
    ]

    disagreements = [
        Disagreement(
            between=[hospital.id, home_help.id, person.id], domains=[Domain.HOUSING], item_id=home.id,
            about="Maintien à domicile avec des aides renforcées, ou entrée en maison de repos.",
            settled=False,
            positions=[
                Position(participant_id=person.id, view="Je reste chez moi. Le home, je n'ai jamais dit oui."),
                Position(participant_id=hospital.id, view="Garder la demande de maison de repos tant que les "
                         "nuits ne sont pas sécurisées."),
                Position(participant_id=home_help.id, view="Avec cinq matinées d'aide par semaine, il peut rester "
                         "chez lui."),
            ],
            resolution="La demande de maison de repos reste en attente, sans être retirée. Nous refaisons le point "
            "après un mois d'aide renforcée.",
        ),
    ]

    actions = [
        Action(what="Porter l'aide familiale à cinq matinées par semaine, avec la même aide familiale",
               carrier_id=home_help.id, supporters=[daughter.id], due=later(8), checker_id=facilitator.id,
               agreement=Agreement.AGREES, item_id=home.id, domains=[Domain.HOUSING], created_at=at(14, 40)),
        Action(what="Mettre la demande de maison de repos en attente, sans la retirer de la liste",
               carrier_id=hospital.id, due=later(3), checker_id=facilitator.id, agreement=Agreement.AGREES,
               person_words="D'accord qu'on la garde au cas où, mais je n'irai pas.", item_id=home.id,
               domains=[Domain.HOUSING], created_at=at(14, 48)),
        Action(what="Installer la télévigilance (bouton d'appel porté au poignet)", carrier_id=facilitator.id,
               supporters=[daughter.id], due=later(21), checker_id=facilitator.id, agreement=Agreement.WANTS_TIME,
               # written at the rereading, over the rules' proposal: he wants to try it before deciding
               person_wording="Sophie Mertens, votre assistante sociale, vous montre la télévigilance. Vous l'essayez "
               "avant de décider.",
               person_words="Je veux d'abord voir comment ça marche. Pas un collier qui sonne tout le temps.",
               item_id=home.id, domains=[Domain.HEALTH, Domain.HOUSING], created_at=at(14, 52)),
        Action(what="Installer un lit au rez-de-chaussée, dans le salon", carrier_id=daughter.id,
               carrier_agrees=True, supporters=[neighbour.id], due=later(14), agreement=Agreement.AGREES,
               item_id=home.id,
               person_words="C'était mon idée.", domains=[Domain.HOUSING], created_at=at(14, 53)),
        Action(what="Rencontrer le service de médiation de dettes du CPAS pour les deux factures",
               carrier_id=facilitator.id, due=later(30), agreement=Agreement.DISAGREES,
               person_words="Je payerai moi-même, je n'ai pas besoin d'un médiateur.", item_id=money.id,
               domains=[Domain.INCOME_DEBTS], created_at=at(15, 4)),
        Action(what="Évaluer la salle de bain (barre d'appui, rehausse-WC) avec l'ergothérapeute de la mutuelle",
               carrier_id=nurse.id, due=later(30), agreement=Agreement.NOT_ASKED, item_id=next_steps.id,
               domains=[Domain.HOUSING, Domain.HEALTH], created_at=at(15, 11)),
        Action(what="Veiller à ce que Monsieur Lambert boive assez pendant la journée", carrier_label="tout le monde",
               agreement=Agreement.NOT_ASKED, item_id=next_steps.id, domains=[Domain.HEALTH], created_at=at(15, 13)),
    ]

    network = [
        NetworkMember(name="Isabelle Lambert", link="sa fille", agrees_to_involve=True,
                      offer="Vient le mercredi et le week-end ; s'occupe du courrier et de la mutuelle.",
                      participant_id=daughter.id),
        NetworkMember(name="Georges Piron", link="son voisin", agrees_to_involve=True,
                      offer="Passe chaque matin ; fait les courses le mardi.", participant_id=neighbour.id),
        NetworkMember(name="Marcel", link="un ami du club de pétanque", agrees_to_involve=None,
                      offer="Pourrait l'emmener au club le jeudi."),
    ]

    isabelle, georges, marcel = network
    # Drawn with him at the opening: who counts for him, and how close (the hospital wants the nursing home).
    network_map = [
        MapPlacement(who_id=isabelle.id, sector=MapSector.FAMILY, ring=1, tie=TieKind.SUPPORTIVE),
        MapPlacement(who_id=georges.id, sector=MapSector.FRIENDS, ring=1, tie=TieKind.SUPPORTIVE),
        MapPlacement(who_id=marcel.id, sector=MapSector.WORK_SCHOOL, ring=3, tie=TieKind.FRAGILE),
        MapPlacement(who_id=home_help.id, sector=MapSector.SERVICES, ring=2, tie=TieKind.SUPPORTIVE),
        MapPlacement(who_id=nurse.id, sector=MapSector.SERVICES, ring=1, tie=TieKind.SUPPORTIVE),
        MapPlacement(who_id=doctor.id, sector=MapSector.SERVICES, ring=2, tie=TieKind.SUPPORTIVE),
        MapPlacement(who_id=facilitator.id, sector=MapSector.SERVICES, ring=3, tie=TieKind.FRAGILE),
        MapPlacement(who_id=hospital.id, sector=MapSector.SERVICES, ring=3, tie=TieKind.CONFLICTING),
    ]

    consent = SharingConsent(
        to_meeting=True,
        status=ConsentStatus.PARTIAL,
        scope="D'accord pour partager ce qui concerne le logement, l'aide, les soins, la famille et les papiers "
        "avec les participants ; "
        "sa santé mentale seulement avec son médecin et l'infirmière ; ses revenus seulement avec l'assistante "
        "sociale du CPAS.",
        domains=[
            DomainConsent(domain=Domain.HOUSING, sharing=DomainSharing.ALL),
            DomainConsent(domain=Domain.HEALTH, sharing=DomainSharing.ALL),
            DomainConsent(domain=Domain.SOCIAL_TIES, sharing=DomainSharing.ALL),
            DomainConsent(domain=Domain.FAMILY_CHILDREN, sharing=DomainSharing.ALL),
            DomainConsent(domain=Domain.ADMINISTRATION, sharing=DomainSharing.ALL),
            DomainConsent(domain=Domain.MENTAL_HEALTH, sharing=DomainSharing.NAMED, participants=[doctor.id, nurse.id]),
            DomainConsent(domain=Domain.INCOME_DEBTS, sharing=DomainSharing.NAMED, participants=[facilitator.id]),
        ],
        person_words="Je veux bien qu'on en parle, mais mes affaires d'argent ne regardent que l'assistante sociale.",
        date=day,
        # he chose who receives the detailed minute: everyone on the list (Georges gets none, as he asked)
        minute_readers=[facilitator.id, home_help.id, doctor.id, nurse.id, hospital.id, daughter.id],
        minute_decided_by=person.id,
    )

    return Meeting(
        title="Réunion de concertation autour de Monsieur Lambert",
        purpose="Comment Monsieur Lambert peut-il continuer à vivre chez lui en sécurité après sa chute ?",
        organisation="CPAS de Fleurville",
        date=day,
        start_time=dt.time(14, 0),
        end_time=dt.time(15, 30),
        place="CPAS de Fleurville, salle du conseil (rez-de-chaussée)",
        facilitator_id=facilitator.id,
        minute_taker_id=facilitator.id,
        participants=participants,
        reference_person_id=facilitator.id,
        between_meetings="Monsieur Lambert appelle Sophie Mertens au 081 00 00 00. Elle répond du lundi au vendredi, "
        "de 9 h à 12 h. La nuit, en cas d'urgence : le 112.",
        network=network,
        network_map=network_map,
        consent=consent,
        agenda=[welcome, home, money, next_steps],
        # every domain its items and notes speak of is ticked, as the preparation ticks an item's domains
        domains=[Domain.HOUSING, Domain.HEALTH, Domain.MENTAL_HEALTH, Domain.INCOME_DEBTS, Domain.ADMINISTRATION,
                 Domain.SOCIAL_TIES],
        clock=[TimeSpan(start=at(14, 5), end=at(15, 14))],
        contributions=contributions,
        person_views=person_views,
        steps=steps,
        picture=picture,
        scales=scales,
        disagreements=disagreements,
        open_questions=[
            OpenQuestion(text="Qui peut passer le soir, les jours où Isabelle ne vient pas ?", item_id=home.id),
        ],
        actions=actions,
        next_meeting=NextMeeting(
            date=later(35), time=dt.time(14, 0), place="Chez Monsieur Lambert, à sa demande",
            invitees=[p.id for p in participants if p is not neighbour], person_agrees=True,
        ),
        progress=Progress(phase=Phase.LIVE, item_id=next_steps.id),
        created_at=at(9, 30),
    )


def play_demo_follow_up(follow: Meeting) -> Meeting:
    """The demo's second meeting, held: `follow` is the follow-up carried from `demo_meeting()`.

    The carried actions are reviewed with Monsieur Lambert (done, in progress, not done, dropped with
    a reason), the scale has moved, and the meeting is closed with a third meeting planned.
    """
    day = follow.date or DEMO_DATE
    tz = dt.datetime.now().astimezone().tzinfo

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)

    by_name = {p.name: p for p in follow.participants}
    person, facilitator = follow.person, by_name["Sophie Mertens"]
    daughter, home_help, nurse = by_name["Isabelle Lambert"], by_name["Nadia El Amrani"], by_name["Céline Renard"]
    for participant in follow.participants:
        participant.attendance = Attendance.PRESENT
    by_name["Dr Marc Dubois"].attendance = Attendance.EXCUSED
    by_name["Dr Marc Dubois"].absence_reason = "consultations"
    by_name["Julie Verhaegen"].attendance = Attendance.EXCUSED
    by_name["Julie Verhaegen"].absence_reason = "Monsieur Lambert n'est plus hospitalisé ; elle a envoyé un mot."
    follow.consent.needs_confirmation = False
    follow.consent.date = day
    follow.consent.person_words = "C'est toujours pareil : mes affaires d'argent, seulement l'assistante sociale."

    reviews = {
        "Porter l'aide familiale": (ActionStatus.DONE, "",
                                    "La même dame vient tous les matins. Ça me fait de la compagnie."),
        "Mettre la demande de maison de repos": (ActionStatus.IN_PROGRESS, "",
                                                 "Qu'elle reste en attente, mais je n'irai pas."),
        "Installer la télévigilance": (ActionStatus.IN_PROGRESS, "", "Je l'ai essayé, ça va. Je le porte la nuit."),
        "Installer un lit": (ActionStatus.DONE, "", "Je dors en bas maintenant. Plus d'escalier la nuit."),
        "Rencontrer le service de médiation": (ActionStatus.DROPPED,
                                               "Monsieur Lambert a payé les deux factures lui-même.",
                                               "Je vous l'avais dit."),
        "Évaluer la salle de bain": (ActionStatus.NOT_DONE, "L'ergothérapeute n'a pas encore donné de date.", ""),
        "Veiller à ce que Monsieur Lambert boive": (ActionStatus.DROPPED,
                                                    "L'aide familiale s'en occupe maintenant.", ""),
    }
    for action in follow.actions:
        for start, (status, reason, words) in reviews.items():
            if action.what.startswith(start):
                action.status, action.status_reason, action.change_for_person = status, reason, words
                action.reviewed = True
        if action.what.startswith("Installer la télévigilance"):
            action.agreement = Agreement.AGREES
    for step in follow.steps:
        step.status = StepStatus.ONGOING if step.carrier_id != by_name["Julie Verhaegen"].id else StepStatus.WAITING

    review, *rest = follow.agenda
    for n, item in enumerate(follow.agenda):
        start = at(14, 0) + dt.timedelta(minutes=12 * n)
        item.state = ItemState.DONE
        item.clock = [TimeSpan(start=start, end=start + dt.timedelta(minutes=11))]
    follow.clock = [TimeSpan(start=at(14, 0), end=follow.agenda[-1].clock[0].end)]
    changed = next((i for i in rest if not i.carried_from), rest[0])
    first_day = follow.series.previous_date or day - dt.timedelta(days=35)
    five_mornings = first_day + dt.timedelta(days=8)  # as the first meeting said it would be
    follow.person_views = [
        PersonView(item_id=review.id, text="Ça va mieux depuis que je dors en bas. Je ne veux toujours pas du home.",
                   at=at(14, 5)),
        PersonView(text="Je voudrais retourner au club de pétanque le jeudi.", aspect=ViewAspect.WANTS, at=at(14, 20)),
    ]
    follow.contributions = [
        Contribution(item_id=changed.id, speaker_id=home_help.id, at=at(14, 15), domains=[Domain.HOUSING],
                     text="L'aide familiale vient cinq matinées par semaine depuis le "
                     f"{day_words(five_mornings)} ; elle veille "
                     "aussi à ce que Monsieur Lambert boive assez."),
        Contribution(item_id=changed.id, speaker_id=nurse.id, at=at(14, 17), domains=[Domain.HEALTH],
                     text="La plaie au genou est guérie ; le passage infirmier est réduit à trois fois par semaine."),
        Contribution(item_id=changed.id, speaker_id=daughter.id, at=at(14, 19), domains=[Domain.SOCIAL_TIES],
                     text="Je suis plus tranquille depuis le bouton d'appel."),
    ]
    question = "0 : je ne peux pas rester chez moi en sécurité ; 10 : tout est en place pour que je reste chez moi"
    follow.scales = [
        ScaleRating(voice_id=person.id, value=8, question=question, comment="Avec le lit en bas, ça va.",
                    item_id=changed.id),
        ScaleRating(voice_id=daughter.id, value=6, question=question, comment="Mieux depuis le bouton d'appel.",
                    item_id=changed.id),
        ScaleRating(voice_id=home_help.id, value=7, question=question, item_id=changed.id),
    ]
    follow.actions.append(
        Action(what="Reprendre contact avec Marcel pour aller au club de pétanque le jeudi", carrier_id=person.id,
               supporters=[daughter.id], due=day + dt.timedelta(days=21), agreement=Agreement.AGREES,
               person_words="C'est moi qui l'appelle.", item_id=changed.id, domains=[Domain.SOCIAL_TIES],
               created_at=at(14, 40)),
    )
    # His map has moved: Marcel is closer again (the club on Thursdays), the hospital no longer pushes.
    for place in follow.network_map:
        if place.who_id == next((n.id for n in follow.network if n.name == "Marcel"), ""):
            place.ring, place.tie = 2, TieKind.SUPPORTIVE
        if place.who_id == by_name["Julie Verhaegen"].id:
            place.tie = TieKind.FRAGILE
    evening = next((i for i in rest if i.carried_from), None)  # the question carried from the first meeting
    if evening is not None:
        evening.outcome = ItemOutcome.DECIDED
        follow.actions.append(
            Action(what="Passer le soir, les jours où Isabelle ne vient pas", carrier_id=by_name["Georges Piron"].id,
                   carrier_agrees=True, due=day + dt.timedelta(days=7), agreement=Agreement.AGREES,
                   person_words="Georges, oui, ça me va.", item_id=evening.id, domains=[Domain.SOCIAL_TIES],
                   created_at=at(14, 30)),
        )
    # written in short sentences: the letter tells him the answer in the facilitator's words
    follow.conclusion = ("Oui : Monsieur Lambert vit chez lui en sécurité. L'aide familiale vient chaque matin, le lit "
                         "est en bas et la télévigilance marche. On continue ainsi ; la demande de maison de repos "
                         "reste en attente.")
    follow.last_word = "Merci d'être venus chez moi. On continue comme ça."
    follow.next_meeting = NextMeeting(date=day + dt.timedelta(days=56), time=dt.time(14, 0),
                                      place="Au domicile de Monsieur Lambert", person_agrees=True,
                                      invitees=[facilitator.id, home_help.id, nurse.id, daughter.id, person.id])
    follow.progress = Progress(phase=Phase.CLOSE, item_id=follow.agenda[-1].id)
    return follow
