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
        assert str(app.screen.query_one("#yes").label) == "Supprimer (o)"
