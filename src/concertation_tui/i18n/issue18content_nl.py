"""Words of issue 18's content half: the facilitator in the round, the minute-taker, what the excused
send, the file number, counts that lead somewhere (Dutch, as spoken in Brussels and Flanders)."""

STRINGS: dict[str, str] = {
    # live step: the round table
    "tui.live.facilitator_row": "leidt",
    "tui.live.excused_row": "verontschuldigd, voor te lezen",
    "tui.live.speaker_excused": "Voor te lezen: wat {name} stuurde, verontschuldigd (ctrl+n: volgende)",
    "tui.live.excused_message": "Bericht: ",
    "tui.live.excused_written": "Schriftelijke bijdrage: ",
    # opening: what the excused sent, beside their attendance
    "tui.open.message_mark": "bericht",
    "tui.excused.title": "Wat {name} stuurde",
    # forms and the details tab
    "tui.participant.field_written_text": "Tekst van de schriftelijke bijdrage",
    "tui.participant.field_excused_message": "Bericht om voor te lezen in het overleg",
    "tui.meeting.field_minute_taker": "Verslaggever (schrijft het verslag)",
    "tui.meeting.field_file_number": "Dossiernummer (voor de bestandsnamen)",
    # checks
    "check.file_number_unsafe": "Het dossiernummer \"{number}\" kan niet in een bestandsnaam: alleen letters, cijfers, spaties, \"/\", \"-\", \"_\" en \".\", hoogstens 40, te beginnen met een letter of cijfer.",
    "check.file_number_names_person": "Het dossiernummer bevat de naam van de persoon: het komt in bestandsnamen, die nooit zeggen wie het is. Kies een nummer.",
    "check.no_minute_taker": "Niemand is aangeduid als verslaggever: het verslag moet het zeggen (Voorbereiden, Gegevens, toets e).",
    "check.written_without_text": "{name} stuurde een schriftelijke bijdrage waarvan de tekst niet ingevuld is: het verslag kan ze niet opnemen (Openen, toets w).",
    "check.message_not_excused": "{name} is niet verontschuldigd: het bericht wordt niet voorgelezen en niet geschreven.",
    # minute
    "minute.pro.info.file_number": "Dossiernummer",
    "minute.pro.participants.takes_minute": "schrijft het verslag",
    "minute.pro.participants.message_read": "bericht voorgelezen in het overleg",
    "minute.pro.participants.message": "Bericht voorgelezen in het overleg: {text}",
    "minute.pro.participants.written_text": "Schriftelijke bijdrage: {text}",
    "minute.pro.contributions.written_heading": "Wat de verontschuldigde deelnemers stuurden",
    # the list of meetings
    "cli.list.issued": "verslag verstuurd (v{version}, {date})",
    "cli.list.corrections": "{count} correctie(s)",
    "cli.list.draft": "bezig: {phase}",
    # notes to reread
    "tui.reread_list.title": "Notities om na te lezen",
    "tui.reread_list.hint": "Enter: naar de notitie · Escape: sluiten",
    # the prepare step
    "tui.prepare.participants_order_note": "Volgorde: de volgorde van de rondvraag (⇧↑ ⇧↓ of < > om ze te wijzigen). Standaard: de persoon, het netwerk, de partners, dan wie het overleg leidt.",
    "tui.prepare.minute_taker": "Verslaggever",
    "tui.prepare.file_number": "Dossiernummer",
    # the opening step at 80 columns: the keys in the titles
    "tui.open.purpose_title_keys": "De vraag van het overleg (o: wijzigen)",
    "tui.open.consent_title_keys": "Toestemming van de persoon (c: noteren · d: per domein)",
    "tui.open.attendance_title_count": "Aanwezigheid ({count} te noteren): p aanwezig · e verontschuldigd · a afwezig · r reden · w schriftelijk",
    "tui.open.written_short": "schriftelijk",
    # the coordination view
    "coordination.settled": "{domain}: opgelost tussen {names}: {how}",
    "coordination.no_domain": "{count} open actie(s) zonder levensdomein: de coördinatie kan ze niet plaatsen. Geef ze een domein (Acties, Enter).",
    "tui.coordination_view.settled_mark": "opgelost",
    # the notes to reread
    "tui.reread.flagged_list": "{count} notitie(s) om na te lezen (l: welke · n: de volgende)",
    "tui.key.reread_flagged_list": "Welke nalezen",
    "tui.tip.reread_flagged_list": "De lijst van notities om na te lezen: Enter gaat naar de notitie.",
    # a carried question's title beyond the consent
    "minute.common.carried_item": "Vraag overgedragen van het vorige overleg (details gedeeld met de betrokkenen)",
    # the close step at 80 columns: the keys in the titles
    "tui.close.narrow_word": "Laatste woord (l: noteren · r: reden)",
    "tui.close.narrow_questions": "Open vragen (q · Enter)",
    "tui.close.narrow_next": "Volgend overleg (n: wijzigen)",
    "tui.close.narrow_distribution": "Krijgt het verslag (spatie)",
    "tui.close.narrow_checks": "Aandachtspunten (Enter: erheen)",
    "tui.close.narrow_minute": "Verslag (g: schrijven)",
    "tui.close.narrow_checks_count": "Aandacht: {errors} te verbeteren · {total} (Enter)",
    "minute.pro.info.minute_taken_by": "Verslag opgesteld door",
}
