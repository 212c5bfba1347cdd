"""Headless services: what the program does with meetings beyond editing one (issuing the minute and
the letter, previews of each copy, the series of meetings, templates, the writing helper, the demo,
the launcher's index, the doctor's checks, the text shown for dates, clocks and statuses).

Built on model/, store, minute/ and i18n; never imports Textual. The interface (tui/) and the
command line (cli.py) call them.
"""
