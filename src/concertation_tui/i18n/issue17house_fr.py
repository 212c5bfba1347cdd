"""Sentences added by the house work of issue 17 (references, settings, workers), in French."""

STRINGS: dict[str, str] = {
    "tui.ref.issued_copies": "{count} envoi(s) du compte rendu",
    "tui.ref.minute_readers": "le choix de qui reçoit le compte rendu détaillé",
    "problem.unknown_participant": "ce champ désigne un participant qui n'existe pas dans la réunion (fichier abîmé ou modifié à la main)",
    "problem.unknown_item": "ce champ désigne un point de l'ordre du jour qui n'existe pas dans la réunion (fichier abîmé ou modifié à la main)",
}
