"""Organisations the text names in ways the tagger or the walk back missed: a name written again untagged, a name
with "&" in it, a description that names itself by apposition, "according to the company", a thing the
organisation owns as the subject, and the one union an article names."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.extract.nlp import load_nlp
from knowledge.extract.pipeline import analyze_doc
from tests.claim_speakers import speakers_by_opening as speakers


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_a_name_with_an_ampersand_is_one_subject_so_it_after_it_is_that_company(nlp):
    text = "Nine & x noted that regulators would require a sale, but it said Halvard Foods had no plan."
    assert speakers(nlp, text)["Halvard Foods had"] == "Nine & x"


def test_the_company_after_a_name_with_an_ampersand_is_that_company(nlp):
    text = (
        'There is no guarantee that either proposal will be accepted, Nine & x noted. "No decision has been '
        'made," the company said.'
    )
    assert speakers(nlp, text)["No decision has"] == "Nine & x"


def test_an_organisation_name_the_tagger_missed_the_second_time_is_still_that_organisation(nlp):
    from knowledge.extract.entities import find_entities

    text = "Investors cheered when Kestrel Air bought Eight & u Holdings. Eight & u said in a statement that it was pleased."
    ents = find_entities(nlp(text))
    second = text.rindex("Eight & u")
    found = ents.at(second, second + len("Eight & u"))
    assert found is not None and ents.entities[found].name == "Eight & u"


def test_a_description_that_names_itself_by_apposition_is_the_organisation_named(nlp):
    text = (
        "Halvard Foods said it withdrew its offer. The union, the Guild of Harbour Pilots and Dock Workers, "
        "said on Tuesday that Halvard Foods refused to raise wages."
    )
    assert speakers(nlp, text)["that Halvard Foods"] == "Guild of Harbour Pilots and Dock Workers"


def test_according_to_the_company_is_the_company_named_before(nlp):
    text = (
        "Halvard Foods said it withdrew its offer. The average pay of its dockers is $75,000 and will rise to "
        "$90,000 under the new deal, according to the company."
    )
    assert speakers(nlp, text)["The average pay"] == "Halvard Foods"


def test_the_company_after_a_subject_an_organisation_owns_is_the_owner(nlp):
    text = (
        "Halvard Foods raised its offer for all of Norvik Data. Norvik Data has yet to respond. "
        "Halvard Foods’s daily operations have faced headwinds this year. "
        "The company reported earnings of 74 cents a share, below estimates."
    )
    assert speakers(nlp, text)["earnings of 74"] == "Halvard Foods"


def test_the_union_before_any_union_is_a_subject_is_the_one_union_the_article_names(nlp):
    text = (
        "Halvard Foods said it withdrew its offer after talks with the dockers broke down. "
        "The union said Halvard Foods refused to raise wages. "
        "The union, the Guild of Harbour Pilots and Dock Workers, said on Tuesday that the offer was an insult."
    )
    assert speakers(nlp, text)["Halvard Foods refused"] == "Guild of Harbour Pilots and Dock Workers"


def test_a_capitalised_headline_phrase_is_not_the_one_union_a_later_description_means(nlp):
    text = (
        "Dock Workers Vote to Strike\n\nThe harbour district of the Guild of Harbour Pilots voted to strike. "
        "Halvard Foods did not comment. The union said wages had not risen in ten years."
    )
    assert speakers(nlp, text)["wages had not"] == "The union"


def test_the_letter_said_is_the_one_who_wrote_the_letter_with_the_letter_as_channel(nlp):
    text = (
        "The special committee of Nine & X said the claims of Halvard Foods were misleading as it rejected them "
        'in a letter issued Tuesday. "We engaged in good faith," the letter said.'
    )
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    last = max(a.claims, key=lambda c: c.content[0])
    assert last.speaker == "The special committee of Nine & X"
    assert last.via == "the letter"


def test_the_statement_added_is_the_person_who_spoke_in_a_statement(nlp):
    text = (
        'Ana Ruiz said she had been pressured, she said in a statement. "A document signed under duress is '
        'worthless," the statement added.'
    )
    assert speakers(nlp, text)["A document signed"] == "Ana Ruiz"


def test_a_letter_named_too_long_before_stays_as_written(nlp):
    text = (
        "Ana Ruiz said in a letter that she would resign. Nine & X said it was sorry to lose her. Nine & X will "
        "not comment further. The board met on Monday. It voted twice. Prices fell. Shares rose. Ana Ruiz went "
        'home. "I am tired," the letter said.'
    )
    assert speakers(nlp, text)["I am tired"] == "the letter"


def test_according_to_a_statement_the_organisation_it_reports_on_is_the_speaker(nlp):
    text = (
        "Halvard Foods did not comment. According to a statement, the Harbour Workers Union is looking for "
        "higher wages after ten years of stagnant pay."
    )
    a = analyze_doc(nlp(text), datetime(2025, 5, 7))
    claim = next(c for c in a.claims if c.cue_lemma == "according to")
    assert a.entities[claim.speaker_entity].name == "Harbour Workers Union"
    assert claim.via == "a statement"


def test_according_to_a_report_the_subject_of_the_report_is_not_its_author(nlp):
    text = "According to a report, Halvard Foods lost $50 million a day during the strike."
    assert speakers(nlp, text)["Halvard Foods lost"] == "a report"


def test_a_name_that_adds_the_organisations_people_is_not_the_organisation():
    from knowledge.extract.entities import DocEntities

    ents = DocEntities()
    workers = ents.add("Kestrel Workers", "ORG", 0, 15)
    assert ents.add("Kestrel", "ORG", 30, 37) != workers


def test_a_description_with_a_nationality_continues_the_organisation_of_that_nationality(nlp):
    text = (
        "Canadian retailer Halvard Foods has withdrawn its offer. The Canadian firm said Norvik Data refused to talk."
    )
    assert speakers(nlp, text)["Norvik Data refused"] == "Halvard Foods"


def test_a_description_with_a_nationality_skips_an_organisation_the_text_gives_another(nlp):
    text = (
        "Canadian retailer Halvard Foods made an offer for Norvik Data. Norvik Data rejected the offer. "
        "Halvard Foods said it was disappointed. The Japanese company said the offer was too low."
    )
    assert speakers(nlp, text)["the offer was"] == "Norvik Data"


def test_a_city_based_description_continues_the_organisation_named_before(nlp):
    text = (
        "Halvard Foods said in its letter that buyers had come forward. "
        "The Laval-based company also said in its letter that there was a lack of engagement."
    )
    assert speakers(nlp, text)["that there was"] == "Halvard Foods"


def test_a_nationality_description_is_the_one_organisation_the_article_gives_that_nationality(nlp):
    text = "Canadian retailer Halvard Foods drops bid for Norvik Data\n\nThe Canadian firm said Norvik Data refused to talk."
    assert speakers(nlp, text)["Norvik Data refused"] == "Halvard Foods"


def test_a_nationality_two_organisations_share_leaves_the_description_as_written(nlp):
    text = (
        "Canadian retailer Halvard Foods and Canadian grocer Alder Markets bid for Norvik Data\n\n"
        "The Canadian firm said Norvik Data refused to talk."
    )
    assert speakers(nlp, text)["Norvik Data refused"] == "The Canadian firm"


def test_nationality_words_and_countries_share_a_key():
    from knowledge.extract.speakers.places import place_key

    assert place_key("Japanese") == place_key("Japan")
    assert place_key("Canadian") == place_key("Canada")
    assert place_key("French") == place_key("France")
    assert place_key("U.S.") == place_key("American")
    assert place_key("Japanese") != place_key("Canadian")


def test_a_title_with_a_country_is_the_person_the_article_gave_that_title_in_that_country(nlp):
    text = (
        "Prime Minister Ana Ruiz spoke to US President Tom Vance on Tuesday. "
        "“I stopped the war,” the US president said."
    )
    assert speakers(nlp, text)["I stopped the"] == "Tom Vance"


def test_a_title_with_a_nationality_is_the_holder_of_that_nationality_not_the_other_envoy(nlp):
    text = "Russian envoy Ivan Petrov met US envoy Tom Vance. “We made progress,” the Russian envoy said."
    assert speakers(nlp, text)["We made progress"] == "Ivan Petrov"


def test_a_title_with_a_country_nobody_holds_stays_as_written(nlp):
    text = "US envoy Tom Vance met the press in Vilnius. “We made progress,” the Russian envoy said."
    assert speakers(nlp, text)["We made progress"] == "the Russian envoy"


def test_initials_in_brackets_after_a_name_are_that_organisation_everywhere_in_the_article(nlp):
    text = (
        "CNE said the vote was fair. The National Electoral Council (CNE) later published results. "
        "The CNE said Ana Ruiz had won 51% of the vote."
    )
    assert speakers(nlp, text)["Ana Ruiz had"] == "National Electoral Council"
    assert speakers(nlp, text)["the vote was"] == "National Electoral Council"


def test_initials_after_a_possessive_name_are_that_organisation(nlp):
    from knowledge.extract.entities import find_entities

    text = "The Organization of Coastal States’ (OCS) observers said the count was flawed. The OCS said it could not agree."
    ents = find_entities(nlp(text))
    at = text.rindex("OCS")
    found = ents.at(at, at + 3)
    assert found is not None and ents.entities[found].name == "Organization of Coastal States"


def test_roles_tied_to_places_are_not_tied_again():
    from knowledge.extract.speakers.places import qualified

    once = qualified({"president"}, "US President")
    assert "president@us" in once
    assert not any(r.count("@") > 1 for r in qualified({"president"} | once, "United States President"))
