"""Strings of installing and setting up: no terminal, the settings (`config`), the check-up (`doctor`) (fr)."""

STRINGS: dict[str, str] = {
    # -- no terminal, no interface -------------------------------------------------------------------
    "setup.no_terminal": "L'interface a besoin d'un terminal (clavier et écran) : lancez cette commande dans un terminal, pas depuis un script ni avec une redirection.",
    "setup.no_terminal_written": "Le fichier est écrit, mais l'interface a besoin d'un terminal : ouvrez-le dans un terminal avec « concertation open {file} ».",
}
