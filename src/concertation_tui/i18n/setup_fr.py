"""Strings of installing and setting up: no terminal, the settings (`config`), the check-up (`doctor`) (fr)."""

STRINGS: dict[str, str] = {
    # -- no terminal, no interface -------------------------------------------------------------------
    "setup.no_terminal": "L'interface a besoin d'un terminal (clavier et écran) : lancez cette commande dans un terminal, pas depuis un script ni avec une redirection.",
    "setup.no_terminal_written": "Le fichier est écrit, mais l'interface a besoin d'un terminal : ouvrez-le dans un terminal avec « concertation open {file} ».",
    # -- the settings (`concertation config`) ----------------------------------------------------------
    "setup.config.unreadable": "{file} : ce fichier ne peut pas être lu (droits d'accès) ; il est ignoré.",
    "setup.config.not_utf8": "{file} : ce fichier n'est pas écrit en UTF-8 ; il est ignoré. Enregistrez-le en UTF-8.",
    "setup.config.syntax": "{file}, ligne {line} : cette ligne n'est pas du TOML valide ; tout le fichier est ignoré tant qu'elle n'est pas corrigée.",
    "setup.config.unknown_key": "{file} : le réglage « {key} » n'existe pas ; il est ignoré.",
    "setup.config.expect_text": "{file} : « {key} » doit être un texte entre guillemets ; la valeur {value} est ignorée.",
    "setup.config.expect_choice": "{file} : « {key} » doit valoir l'un de {choices} ; la valeur « {value} » est ignorée.",
    "setup.config.expect_days": "{file} : « {key} » doit être un nombre de jours entre 1 et {limit}, sans guillemets ; la valeur « {value} » est ignorée.",
    "setup.config.expect_keymap": "{file} : « {key} » doit être une table de touches (identifiant = \"touche\") ; elle est ignorée.",
    "setup.config.header": "Réglages (du moins au plus important : ceux de l'utilisateur l'emportent) :",
    "setup.config.file_read": "  {file}",
    "setup.config.file_absent": "  {file} (absent)",
    "setup.config.settings": "Valeurs :",
    "setup.config.default": "valeur par défaut",
    "setup.config.empty": "(vide)",
    "setup.config.templates": "Modèles :",
    "setup.config.minute_template": "  compte rendu : {file}",
    "setup.config.meeting_template": "  réunion « {name} » : {file}",
    "setup.config.word_lists": "Listes de mots : {folders}",
    "setup.config.problems": "À corriger :",
    "setup.config.no_problem": "Aucun problème dans les fichiers de réglages.",
}
