"""Plain language for the letter to the person: lemmas and sentences (`words`), verbs conjugated for « vous »
(`conjugation`), the glossary of technical words (`glossary`), each action worded for the person (`wording`).

Headless: no Textual, no I/O beyond reading the shipped and the organisation's word lists.
"""
