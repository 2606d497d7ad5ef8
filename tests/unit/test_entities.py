"""Entities of one article: cleaned names, surname coreference, titles kept as descriptions."""

import pytest

from knowledge.extract.entities import clean_name, find_entities
from knowledge.extract.nlp import load_nlp
from knowledge.extract.speakers.anaphora import resolve_document


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def people(nlp, text):
    doc = nlp(text)
    ents = find_entities(doc)
    resolve_document(doc, ents)  # pronouns and titles join people as they do in the pipeline
    return {e.name: e for e in ents.entities if e.type == "PERSON"}


def test_a_surname_later_in_the_article_joins_the_full_name(nlp):
    text = (
        "Harbour commissioner Maria Lindqvist opened the new quay on Monday. "
        "Lindqvist said the quay would double the port's capacity. Critics said Lindqvist moved too fast."
    )
    found = people(nlp, text)
    assert list(found) == ["Maria Lindqvist"]
    assert len(found["Maria Lindqvist"].mentions) == 3


def test_a_title_in_front_of_a_name_becomes_a_description_not_part_of_the_name(nlp):
    found = people(nlp, "Belarusian opposition leader Pavel Sevruk was freed on Friday after two years in jail.")
    assert "Pavel Sevruk" in found
    assert found["Pavel Sevruk"].descriptions == ["Belarusian opposition leader"]


def test_a_surname_the_model_calls_an_organisation_is_the_person_when_the_article_names_them(nlp):
    text = (
        "Retired general Keith Harlow visited the front on Tuesday. Harlow was not invited to the talks. "
        "Moscow said Harlow was too close to Kyiv."
    )
    ents = find_entities(nlp(text))
    harlows = [e for e in ents.entities if "Harlow" in e.name]
    assert len(harlows) == 1 and harlows[0].type == "PERSON" and len(harlows[0].mentions) == 3


def test_capitals_are_places_not_people(nlp):
    ents = find_entities(nlp("Kyiv rejected the offer, and Minsk stayed silent."))
    types = {e.name: e.type for e in ents.entities}
    assert types.get("Kyiv") == "GPE" and types.get("Minsk") == "GPE"


def test_mention_offsets_slice_back_to_the_names(nlp):
    text = "“We are ready,” said the envoy, Keith Harlow’s deputy Ana Ruiz, in Warsaw."
    ents = find_entities(nlp(text))
    assert {"Keith Harlow", "Ana Ruiz"} <= {e.name for e in ents.entities}
    for ent in ents.entities:
        assert ent.mentions
        for s, e in ent.mentions:
            assert text[s:e] in ent.variants


def test_clean_name_drops_articles_possessives_and_titles_but_keeps_abbreviations():
    assert clean_name("the Kremlin’s") == "Kremlin"
    assert clean_name("President Ana Ruiz") == "Ana Ruiz"
    assert clean_name("U.S.") == "U.S."


def test_a_definite_role_noun_joins_the_only_person_described_with_that_role(nlp):
    text = (
        "Harbour chief Maria Lindqvist opened the quay on Monday. Union leader Ola Berg was not invited. "
        "The chief said the quay would double capacity."
    )
    found = people(nlp, text)
    lindqvist = found["Maria Lindqvist"]
    assert [text[s:e] for s, e in lindqvist.mentions] == ["Maria Lindqvist", "The chief"]
    assert "The chief" not in lindqvist.variants  # a role is a mention, never an alias of the name


def test_a_role_shared_by_two_people_links_to_neither(nlp):
    text = "Port envoy Maria Lindqvist met rail envoy Ola Berg in Gdansk. The envoy said nothing afterwards."
    found = people(nlp, text)
    assert all("The envoy" not in [text[s:e] for s, e in ent.mentions] for ent in found.values())


def mentions(text, ent):
    return [text[s:e] for s, e in ent.mentions]


def test_a_subject_pronoun_joins_the_only_person_named_just_before_it(nlp):
    text = "Harbour commissioner Maria Lindqvist toured the new quay in Gdansk. She said it would open in June."
    found = people(nlp, text)
    assert mentions(text, found["Maria Lindqvist"]) == ["Maria Lindqvist", "She"]
    assert "She" not in found["Maria Lindqvist"].variants  # a mention, never an alias


def test_a_pronoun_after_two_people_joins_the_subject_of_the_sentence_before(nlp):
    text = "Ola Berg met Maria Lindqvist at the harbour office on Monday. He said the talks on the quay were useful."
    found = people(nlp, text)
    assert "He" in mentions(text, found["Ola Berg"]) and "He" not in mentions(text, found["Maria Lindqvist"])


def test_a_pronoun_whose_gender_the_text_rules_out_skips_that_person(nlp):
    text = (
        "Mr Ola Berg met Maria Lindqvist at the harbour office on Monday. She said the talks on the quay were useful."
    )
    found = people(nlp, text)
    assert "She" in mentions(text, found["Maria Lindqvist"]) and "She" not in mentions(text, found["Ola Berg"])


def test_a_participle_opening_the_sentence_is_not_part_of_the_name_it_precedes(nlp):
    found = people(
        nlp, "Describing Marek Halvorsen as a man of peace, Prime Minister Tarun Bedi said the talks helped."
    )
    assert "Marek Halvorsen" in found and not any(name.startswith("Describing") for name in found)


def test_a_department_the_tagger_glued_to_a_secretarys_name_is_not_part_of_the_person(nlp):
    found = people(
        nlp, "Secretary of Transportation Pete Halvorsen announced Tuesday that the department will investigate."
    )
    assert "Pete Halvorsen" in found


def test_an_organisation_named_after_a_person_stays_an_organisation(nlp):
    found = people(nlp, "The Marcus Center said it was unable to verify the results of the vote in the port city.")
    assert not any("Center" in name for name in found), found


def _tagged(doc, words: str, label: str = "ORG"):
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    return (span.text, label, span.start_char, span.end_char, span)


def test_a_span_over_two_companies_joined_by_and_is_split_when_the_second_stands_alone(nlp):
    from knowledge.extract.name_parts import conjoined_names

    doc = nlp("Chains including Harlow's Pine Market and Brandt's Green Basket would merge. Later, Brandt said no.")
    found = conjoined_names(doc, [_tagged(doc, "Pine Market and Brandt")])
    assert [c[0] for c in found] == ["Pine Market", "Brandt"]


def test_a_name_with_and_inside_whose_parts_never_stand_alone_stays_whole(nlp):
    from knowledge.extract.name_parts import conjoined_names

    doc = nlp("The Tariffs and Ports Commission ruled. The Tariffs and Ports Commission met. Ports reopened.")
    found = conjoined_names(doc, [_tagged(doc, "Tariffs and Ports Commission")])
    assert [c[0] for c in found] == ["Tariffs and Ports Commission"]
    doc = nlp("Staff of Lorne and Young met. Young people left.")  # a sentence's first word is no sign
    assert [c[0] for c in conjoined_names(doc, [_tagged(doc, "Lorne and Young")])] == ["Lorne and Young"]
