"""Sentences fit the names put into them: French elision, no double full stop."""

from concertation_tui.i18n import t


def test_de_is_elided_before_a_vowel_and_kept_before_a_consonant() -> None:
    assert t("tui.live.speaker", "fr", name="Ana R.") == "Vous tapez : l'apport d'Ana R. (ctrl+n : suivant)"
    assert t("tui.live.speaker", "fr", name="Émile") == "Vous tapez : l'apport d'Émile (ctrl+n : suivant)"
    assert t("tui.live.speaker", "fr", name="Sophie") == "Vous tapez : l'apport de Sophie (ctrl+n : suivant)"
    assert "what Ana R. brings" in t("tui.live.speaker", "en", name="Ana R.")  # English: as it was


def test_a_name_ending_with_a_full_stop_takes_the_sentence_s_own() -> None:
    sentence = t("minute.pro.frame.readers", "fr", person="Mme D.", names="Julie D.")
    assert sentence == "Mme D. a décidé qui reçoit ce compte rendu détaillé : Julie D."
    assert t("minute.pro.frame.readers", "fr", person="Mme D.", names="Julie") .endswith("Julie.")


async def test_a_removal_shows_the_key_that_confirms_it() -> None:
    from concertation_tui.tui.dialogs.forms import Confirm
    from textual.app import App

    class Host(App):
        pass

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(Confirm("Retirer", "Retirer ce point ?", yes="Supprimer"))
        await pilot.pause()
        assert str(app.screen.query_one("#yes").label) == "Supprimer"  # no letter answers it: Enter on it


# -- issue 18: one place for elision and quotation marks, for the interface and the minute -------------


def test_que_is_elided_before_a_vowel_too() -> None:
    sentence = t("minute.pro.privacy.purpose", "fr", person="Isabelle D.")
    assert "qu'Isabelle D." in sentence and "que Isabelle" not in sentence


def test_a_name_chosen_with_quotation_marks_is_quoted_once() -> None:
    assert t("tui.prepare.addressed_as", "fr", name="« Jo »") == "appelée « Jo »"
    assert t("tui.prepare.addressed_as", "fr", name="Jo") == "appelée « Jo »"


def test_a_quotation_inside_a_quotation_takes_the_inner_marks() -> None:
    sentence = t("check.action_collective_carrier", "fr", what="Voir « le réseau »", carrier="tous")
    assert sentence.startswith("L'action « Voir “le réseau” » est portée par « tous »")
    assert sentence.count("«") == 2


def test_the_interface_and_the_minute_quote_the_same_way() -> None:
    from concertation_tui.i18n import quoted
    from concertation_tui.minute.text import quote

    said = "« Il a dit « non » hier »"
    assert quoted(said, "fr") == "« Il a dit “non” hier »"
    assert quote(said, "fr").replace("\u00a0", " ") == quoted(said, "fr")
    assert quoted("He said “no”", "en") == "“He said ‘no’”"
