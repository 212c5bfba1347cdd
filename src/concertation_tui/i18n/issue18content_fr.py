"""Words of issue 18's content half: the facilitator in the round, the minute-taker, what the excused
send, the file number, counts that lead somewhere (French)."""

STRINGS: dict[str, str] = {
    # live step: the round table
    "tui.live.facilitator_row": "anime",
    "tui.live.excused_row": "excusé·e, à lire",
    "tui.live.speaker_excused": "À lire : ce qu'a envoyé {name}, excusé·e (ctrl+n : suivant)",
    "tui.live.excused_message": "Message : ",
    "tui.live.excused_written": "Contribution écrite : ",
    # opening: what the excused sent, beside their attendance
    "tui.open.message_mark": "message",
    "tui.excused.title": "Ce qu'a envoyé {name}",
    # forms and the details tab
    "tui.participant.field_written_text": "Texte de la contribution écrite",
    "tui.participant.field_excused_message": "Message à lire en réunion",
    "tui.meeting.field_minute_taker": "Prise de notes (rédige le compte rendu)",
    "tui.meeting.field_file_number": "N° de dossier (sert aux noms de fichiers)",
    # checks
    "check.file_number_unsafe": "Le n° de dossier « {number} » ne peut servir de nom de fichier : lettres, chiffres, espaces, « / », « - », « _ » et « . » seulement, 40 au plus, en commençant par une lettre ou un chiffre.",
    "check.file_number_names_person": "Le n° de dossier contient le nom de la personne : il sert aux noms de fichiers, qui ne disent jamais qui elle est. Choisissez un numéro.",
    "check.no_minute_taker": "Personne n'est nommé pour la prise de notes : le compte rendu doit le dire (Préparer, Détails, touche e).",
    "check.written_without_text": "{name} a envoyé une contribution écrite dont le texte n'est pas noté : le compte rendu ne pourra pas la reprendre (Ouvrir, touche w).",
    "check.message_not_excused": "{name} n'est pas excusé·e : son message à lire ne sera ni lu ni écrit.",
    # minute
    "minute.pro.info.file_number": "N° de dossier",
    "minute.pro.participants.takes_minute": "prend les notes",
    "minute.pro.participants.message_read": "message lu en réunion",
    "minute.pro.participants.message": "Message lu en réunion : {text}",
    "minute.pro.participants.written_text": "Contribution écrite : {text}",
    "minute.pro.contributions.written_heading": "Ce qu'ont envoyé les personnes excusées",
    # the list of meetings
    "cli.list.issued": "compte rendu émis (v{version}, le {date})",
    "cli.list.corrections": "{count} correction(s)",
    "cli.list.draft": "en préparation : {phase}",
    # notes to reread
    "tui.reread_list.title": "Notes à relire",
    "tui.reread_list.hint": "Entrée : aller à la note · Échap : fermer",
    # the prepare step
    "tui.prepare.participants_order_note": "Ordre : l'ordre du tour de table (⇧↑ ⇧↓ ou < > pour le changer). Par défaut : la personne, son réseau, les partenaires, puis l'animation.",
    "tui.prepare.minute_taker": "Prise de notes",
    "tui.prepare.file_number": "N° de dossier",
    # the opening step at 80 columns: the keys in the titles
    "tui.open.purpose_title_keys": "La question de la réunion (o : la modifier)",
    "tui.open.consent_title_keys": "Accord de la personne (c : noter · d : domaine par domaine)",
    "tui.open.attendance_title_count": "Présences ({count} à noter) : p présent·e · e excusé·e · a absent·e · r raison · w écrit",
    "tui.open.written_short": "écrit reçu",
    # the coordination view
    "coordination.settled": "{domain} : réglé entre {names} : {how}",
    "coordination.no_domain": "{count} action(s) ouverte(s) sans domaine de vie : la coordination ne peut pas les situer. Donnez-leur un domaine (Actions, Entrée).",
    "tui.coordination_view.settled_mark": "réglé",
    # the notes to reread
    "tui.reread.flagged_list": "{count} note(s) à relire (l : lesquelles · n : la suivante)",
    "tui.key.reread_flagged_list": "Lesquelles relire",
    "tui.tip.reread_flagged_list": "La liste des notes à relire : Entrée va à la note.",
    # a carried question's title beyond the consent
    "minute.common.carried_item": "Question reportée de la réunion précédente (détail partagé avec les personnes concernées)",
    # the close step at 80 columns: the keys in the titles
    "tui.close.narrow_word": "Dernier mot (l : noter · r : raison)",
    "tui.close.narrow_questions": "Questions ouvertes (q · Entrée)",
    "tui.close.narrow_next": "Prochaine réunion (n : modifier)",
    "tui.close.narrow_distribution": "Reçoit le compte rendu (espace)",
    "tui.close.narrow_checks": "Vigilance (Entrée : y aller)",
    "tui.close.narrow_minute": "Compte rendu (g : l'écrire)",
    "tui.close.narrow_checks_count": "Vigilance : {errors} à corriger · {total} (Entrée)",
    "minute.pro.info.minute_taken_by": "Prise de notes",
}
