"""Sentences added by the house work of issue 17 (references, settings, workers), in Dutch (Belgium)."""

STRINGS: dict[str, str] = {
    "tui.ref.issued_copies": "{count} verzonden verslag(en)",
    "tui.ref.minute_readers": "de keuze wie het uitgebreide verslag krijgt",
    "problem.unknown_participant": "dit veld noemt een deelnemer die niet in het overleg staat (beschadigd of met de hand aangepast bestand)",
    "problem.unknown_item": "dit veld noemt een agendapunt dat niet in het overleg staat (beschadigd of met de hand aangepast bestand)",
}
