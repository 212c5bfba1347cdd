"""Words of issue 18's content half: the facilitator in the round, the minute-taker, what the excused
send, the file number, counts that lead somewhere (English)."""

STRINGS: dict[str, str] = {
    # live step: the round table
    "tui.live.facilitator_row": "chairs",
    "tui.live.excused_row": "excused, to read",
    "tui.live.speaker_excused": "To read: what {name} sent, excused (ctrl+n: next)",
    "tui.live.excused_message": "Message: ",
    "tui.live.excused_written": "Written contribution: ",
    # opening: what the excused sent, beside their attendance
    "tui.open.message_mark": "message",
    "tui.excused.title": "What {name} sent",
    # forms and the details tab
    "tui.participant.field_written_text": "Text of the written contribution",
    "tui.participant.field_excused_message": "Message to read in the meeting",
    "tui.meeting.field_minute_taker": "Minute-taker (writes the minute)",
    "tui.meeting.field_file_number": "File number (used in file names)",
    # checks
    "check.file_number_unsafe": "The file number \"{number}\" cannot go into a file name: letters, digits, spaces, \"/\", \"-\", \"_\" and \".\" only, 40 at most, starting with a letter or a digit.",
    "check.file_number_names_person": "The file number holds the person's name: it goes into file names, which never say who they are. Choose a number.",
    "check.no_minute_taker": "Nobody is named as minute-taker: the minute must say who (Prepare, Details, key e).",
    "check.written_without_text": "{name} sent a written contribution whose text is not entered: the minute cannot include it (Open, key w).",
    "check.message_not_excused": "{name} is not excused: their message to read will be neither read nor written.",
    # minute
    "minute.pro.info.file_number": "File number",
    "minute.pro.participants.takes_minute": "takes the minute",
    "minute.pro.participants.message_read": "message read in the meeting",
    "minute.pro.participants.message": "Message read in the meeting: {text}",
    "minute.pro.participants.written_text": "Written contribution: {text}",
    "minute.pro.contributions.written_heading": "What the excused participants sent",
    # the list of meetings
    "cli.list.issued": "minute issued (v{version}, {date})",
    "cli.list.corrections": "{count} correction(s)",
    "cli.list.draft": "in progress: {phase}",
    # notes to reread
    "tui.reread_list.title": "Notes to reread",
    "tui.reread_list.hint": "Enter: go to the note · Escape: close",
    # the prepare step
    "tui.prepare.participants_order_note": "Order: the round table's order (⇧↑ ⇧↓ or < > to change it). By default: the person, their network, partners, then the facilitator.",
    "tui.prepare.minute_taker": "Minute-taker",
    "tui.prepare.file_number": "File number",
    # the opening step at 80 columns: the keys in the titles
    "tui.open.purpose_title_keys": "The meeting's question (o: change it)",
    "tui.open.consent_title_keys": "The person's consent (c: record · d: domain by domain)",
    "tui.open.attendance_title_count": "Attendance ({count} to record): p present · e excused · a absent · r reason · w written",
    "tui.open.written_short": "written sent",
    # the coordination view
    "coordination.settled": "{domain}: settled between {names}: {how}",
    "coordination.no_domain": "{count} open action(s) with no life domain: coordination cannot place them. Give them a domain (Actions, Enter).",
    "tui.coordination_view.settled_mark": "settled",
    # the notes to reread
    "tui.reread.flagged_list": "{count} note(s) to reread (l: which · n: the next)",
    "tui.key.reread_flagged_list": "Which to reread",
    "tui.tip.reread_flagged_list": "The list of notes to reread: Enter goes to the note.",
    # a carried question's title beyond the consent
    "minute.common.carried_item": "Question carried over from the previous meeting (detail shared with those concerned)",
    # the close step at 80 columns: the keys in the titles
    "tui.close.narrow_word": "Last word (l: record · r: reason)",
    "tui.close.narrow_questions": "Open questions (q · Enter)",
    "tui.close.narrow_next": "Next meeting (n: change)",
    "tui.close.narrow_distribution": "Receives the minute (space)",
    "tui.close.narrow_checks": "Checks (Enter: go there)",
    "tui.close.narrow_minute": "Minute (g: write it)",
    "tui.close.narrow_checks_count": "Checks: {errors} to fix · {total} (Enter)",
    "minute.pro.info.minute_taken_by": "Minute taken by",
}
