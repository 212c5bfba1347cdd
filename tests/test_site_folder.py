"""The organisation's folder: settings, templates and word lists for every user of the machine
(platformdirs' site config folder, moved here through XDG_CONFIG_DIRS), under the user's own, which win;
`concertation config` names where each value comes from and what is wrong, key by key."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn

from concertation_tui.cli import main
from concertation_tui.config import load_config
from concertation_tui.services.writing import hints

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "templates"
MARK = "MODELE-DE-L-ORGANISATION-7731"
CONTROLLER = "CPAS de Testville, rue Haute 1, 9999 Testville"
DPO = "dpo@cpas-testville.example"
AUTHORITY = "l'Autorité de protection des données de Testville"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def site_folder() -> Path:
    folder = Path(os.environ["XDG_CONFIG_DIRS"].split(os.pathsep)[0]) / "concertation-tui"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def organisation_setup(private_home: Path) -> Path:
    """A site folder with settings (one bad value, one unknown key), a minute template with a mark in its
    header, a meeting template and a word list; the user's own settings change one value."""
    site = site_folder()
    (site / "config.toml").write_text(
        'organisation = "CPAS de Testville"\n'
        'minute_due_days = "dix"\n'
        'colour = "red"\n'
        "[data_protection]\n"
        f'controller = "{CONTROLLER}"\n'
        f'contact = "{DPO}"\n'
        'legal_basis = "Mission d\'intérêt public"\n'
        'retention = "Cinq ans après la fin de l\'accompagnement"\n'
        f'authority = "{AUTHORITY}"\n',
        encoding="utf-8",
    )
    minute = site / "templates" / "minute"
    minute.mkdir(parents=True)
    with zipfile.ZipFile(SHIPPED / "minute" / "compte-rendu.docx") as original, \
            zipfile.ZipFile(minute / "compte-rendu.docx", "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/header1.xml":
                data = data.replace(b"{{organisation}}", f"{MARK} {{{{organisation}}}}".encode())
            copy.writestr(info.filename, data)
    meetings = site / "templates" / "meetings"
    meetings.mkdir(parents=True)
    template = json.loads((SHIPPED / "meetings" / "premiere-reunion.json").read_text(encoding="utf-8"))
    template["title"] = "Concertation selon le modèle de Testville"
    (meetings / "modele-testville.json").write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    (site / "judging-words.fr.txt").write_text("bougon|Un mot de Testville qui juge.\n", encoding="utf-8")
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "config.toml").write_text('minute_due_days = 10\n', encoding="utf-8")
    return site


def header_text(document) -> str:
    return " ".join(p.text for section in document.sections for p in section.header.paragraphs)


def body_text(document) -> str:
    lines = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p")))
    return "\n".join(lines).replace("\u00a0", " ").replace("\u202f", " ")


def test_the_minute_is_built_from_the_organisation_folder(tmp_path: Path, private_home: Path) -> None:
    organisation_setup(private_home)
    created = run("new", "--no-open", "--template", "modele-testville", "--person", "Jeanne Essai")
    assert created.exit_code == 0, created.output
    path = Path(created.output.strip().splitlines()[-1].split(": ", 1)[1])
    out = tmp_path / "cr.docx"
    result = run("minute", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert f"{MARK} CPAS de Testville" in header_text(document)  # its template, and its name from its settings
    text = body_text(document)
    assert "Concertation selon le modèle de Testville" in text  # the organisation's meeting template
    assert f"Responsable du traitement : {CONTROLLER}." in text
    assert f"Délégué à la protection des données : {DPO}." in text
    assert "Base légale : Mission d'intérêt public." in text
    assert "Conservation : Cinq ans après la fin de l'accompagnement." in text
    assert f"réclamation auprès de {AUTHORITY}." in text
    # the organisation's word list extends the shipped one
    assert [h.term for h in hints("Il est bougon ce matin.", lang="fr") if h.kind == "judging"] == ["bougon"]


def test_config_names_the_source_of_each_value_and_what_is_wrong(private_home: Path) -> None:
    site = organisation_setup(private_home)
    result = run("config")
    assert result.exit_code == 1, result.output  # something to correct
    lines = result.output.splitlines()

    def line_of(key: str) -> str:
        found = [line for line in lines if line.strip().startswith(f"{key} = ")]
        assert len(found) == 1, result.output
        return found[0]

    assert line_of("organisation").endswith(f"← {site / 'config.toml'}")
    assert '"CPAS de Testville"' in line_of("organisation")
    assert line_of("data_protection.controller").endswith(f"← {site / 'config.toml'}")
    assert line_of("minute_due_days") == f"  minute_due_days = 10    ← {private_home / 'config.toml'}"  # the user's wins
    assert line_of("theme").endswith("← valeur par défaut")
    assert f"compte rendu : {site / 'templates' / 'minute' / 'compte-rendu.docx'}" in result.output
    assert f"réunion « modele-testville » : {site / 'templates' / 'meetings' / 'modele-testville.json'}" in result.output
    assert "le réglage « colour » n'existe pas ; il est ignoré." in result.output
    assert "« minute_due_days » doit être un nombre de jours" in result.output
    assert "la valeur « dix » est ignorée." in result.output
    assert "Traceback" not in result.output and "ValueError" not in result.output


def test_a_bad_value_drops_that_key_only(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text('language = "en"\nminute_due_days = "abc"\ntheme = 3\n[keymap]\nprivate-time = "f9"\n')
    config = load_config(file)
    assert config.language == "en" and config.keymap == {"private-time": "f9"}
    assert config.minute_due_days == 7 and config.theme == ""
    assert [p.params["key"] for p in config.problems] == ["minute_due_days", "theme"]
    assert "minute_due_days" in config.problem and "ValueError" not in config.problem


def test_a_broken_file_is_named_with_its_line(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text('language = "fr"\norganisation = CPAS\n')
    config = load_config(file)
    assert config == load_config(tmp_path / "absent.toml").__class__(files=(file,), problems=config.problems)
    assert "ligne 2" in config.problem and "TOML" in config.problem


def test_without_any_folder_the_shipped_templates_serve(private_home: Path) -> None:
    result = run("config")
    assert result.exit_code == 0, result.output
    assert f"compte rendu : {SHIPPED / 'minute' / 'compte-rendu.docx'}" in result.output
    assert "Aucun problème" in result.output


def test_each_bad_key_or_value_is_named_and_the_rest_kept(tmp_path: Path) -> None:
    """The settings are a pydantic model: strict kinds, unknown keys refused, one sentence per problem."""
    file = tmp_path / "config.toml"
    file.write_text('language = "de"\norganisation = "  CPAS  "\nminute_due_days = true\ncolour = "red"\n'
                    '[data_protection]\ncontroller = 5\ncontact = "dpo@cpas.be"\nphone = "02"\n'
                    '[keymap]\nprivate-time = ""\n', encoding="utf-8")
    config = load_config(file)
    assert (config.language, config.organisation, config.minute_due_days) == ("", "CPAS", 7)
    assert config.data_protection.contact == "dpo@cpas.be" and config.data_protection.controller == ""
    assert config.keymap == {}
    said = {p.params["key"]: p.sentence("fr") for p in config.problems}
    assert list(said) == ["language", "minute_due_days", "colour", "data_protection.controller",
                          "data_protection.phone", "keymap"]
    assert "doit valoir l'un de fr, en, nl ; la valeur « de » est ignorée" in said["language"]
    assert "nombre de jours" in said["minute_due_days"] and "n'existe pas" in said["colour"]
    assert "texte entre guillemets" in said["data_protection.controller"]
    assert "n'existe pas" in said["data_protection.phone"] and "table de touches" in said["keymap"]
    assert config.sources["data_protection.contact"] == file and "data_protection.controller" not in config.sources


def test_the_settings_in_use_and_the_file_checks_name_the_same_keys() -> None:
    """config.py holds the settings in use as dataclasses; settings_file.py checks a file with pydantic.
    A key added to one and not the other would be refused in the file, or never read."""
    import dataclasses

    from concertation_tui import config, settings_file

    assert set(settings_file.FileSettings.model_fields) == {*config.SETTINGS, "data_protection"}
    assert set(settings_file.FileDataProtection.model_fields) == {f.name for f in dataclasses.fields(config.DataProtection)}
    in_use = {f.name for f in dataclasses.fields(config.Config)} - {"data_protection", "sources", "files", "problems"}
    assert in_use == set(config.SETTINGS)


def test_without_a_settings_file_pydantic_is_not_imported(tmp_path: Path) -> None:
    """Reading no settings costs nothing: the file's checks (pydantic) load only when a file exists."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from concertation_tui.config import load_config; "
            "c = load_config(Path(sys.argv[1])); print(c.minute_due_days, 'pydantic' in sys.modules)")
    absent = subprocess.run([sys.executable, "-c", code, str(tmp_path / "none.toml")],
                            capture_output=True, text=True, check=True)
    assert absent.stdout.split() == ["7", "False"]
    (tmp_path / "config.toml").write_text("minute_due_days = 3\n", encoding="utf-8")
    present = subprocess.run([sys.executable, "-c", code, str(tmp_path / "config.toml")],
                             capture_output=True, text=True, check=True)
    assert present.stdout.split() == ["3", "True"]


def test_reading_a_meeting_and_the_settings_never_starts_pythons_tokenizer(tmp_path: Path) -> None:
    """pydantic reads each validator's and default factory's signature; a builtin's (`str.strip`, `list`)
    is parsed from text with Python's tokenizer, whose first use costs a command a few ms. A meeting and
    a settings file are read with the program's own functions only."""
    import os
    import subprocess
    import sys

    (tmp_path / "config.toml").write_text('organisation = " CPAS "\n[data_protection]\ncontroller = "X"\n',
                                          encoding="utf-8")
    code = ("import sys, tokenize; from pathlib import Path\n"
            "from concertation_tui.config import load_config\n"
            "from concertation_tui.services.demo import demo_meeting\n"
            "from concertation_tui.store import load_meeting, serialize, write_private\n"
            "path = Path(sys.argv[1]) / 'm.json'; write_private(path, serialize(demo_meeting()))\n"
            "before = tokenize._compile.cache_info().currsize\n"
            "c = load_config(); load_meeting(path)\n"
            "print(repr(c.organisation), before, tokenize._compile.cache_info().currsize)")
    from concertation_tui import SCHEMA_DESCRIPTIONS_ENV

    env = {**os.environ, "CONCERTATION_HOME": str(tmp_path)}
    env.pop(SCHEMA_DESCRIPTIONS_ENV, None)  # set by an earlier test's `schema --from-model`: the model's source is read then
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env,
                          check=True)
    assert done.stdout.split() == ["'CPAS'", "0", "0"]
