"""Cross-document entities: aliases, transliterations, fuzzy matches, type agreement, user aliases that merge."""

from __future__ import annotations

from knowledge.extract.analysis import Analysis, LocalEntity
from knowledge.extract.persist.writer import write_analysis
from knowledge.models import DocumentInput
from knowledge.workspace.aliases import add_alias


def put(store, text: str, *entities: tuple[str, str]):
    """Store `text` with the given (name, type) entities, each mentioned where it first occurs in the text."""
    with store.db.atomic():
        doc = store.insert_document(DocumentInput(text=text, outlet="Test Wire"), [], None)
        local = []
        for name, type_ in entities:
            start = text.index(name)
            local.append(LocalEntity(name=name, type=type_, mentions=[(start, start + len(name))], variants=[name]))
        write_analysis(store, doc, Analysis(entities=local))
    return doc


def entity_names(store):
    return sorted(r["name"] for r in store.db.query("SELECT name FROM entities"))


def test_a_shipped_transliteration_alias_joins_two_spellings(store):
    put(store, "Siarhei Tsikhanouski was freed.", ("Siarhei Tsikhanouski", "PERSON"))
    put(store, "Sergei Tikhanovsky spoke in Vilnius.", ("Sergei Tikhanovsky", "PERSON"))
    assert entity_names(store) == ["Siarhei Tsikhanouski"]
    assert store.db["mentions"].count == 2


def test_an_unknown_transliteration_is_matched_by_its_phonetic_key(store):
    put(store, "Volodymyr Zelenskyy met aides.", ("Volodymyr Zelenskyy", "PERSON"))
    put(store, "Volodimir Zelenskiy met aides.", ("Volodimir Zelenskiy", "PERSON"))
    assert len(entity_names(store)) == 1


def test_a_surname_alone_in_another_article_joins_the_only_person_with_that_surname(store):
    put(store, "Maria Lindqvist opened the quay.", ("Maria Lindqvist", "PERSON"))
    put(store, "Lindqvist defended the budget.", ("Lindqvist", "PERSON"))
    assert entity_names(store) == ["Maria Lindqvist"]


def test_a_company_never_absorbs_a_person_with_the_same_name(store):
    put(store, "Keith Harlow was barred.", ("Keith Harlow", "PERSON"))
    put(store, "Harlow Foods raised prices.", ("Harlow", "ORG"))
    assert sorted(r["type"] for r in store.db.query("SELECT type FROM entities")) == ["ORG", "PERSON"]


def test_a_user_alias_merges_two_entities_and_moves_their_mentions(store):
    put(store, "Ana Ruiz spoke.", ("Ana Ruiz", "PERSON"))
    put(store, "Anita Ruiz-Vega spoke.", ("Anita Ruiz-Vega", "PERSON"))
    message = add_alias(store, "Anita Ruiz-Vega", "Ana Ruiz")
    assert "merged" in message
    assert entity_names(store) == ["Ana Ruiz"]
    assert store.db["mentions"].count == 2


def test_a_user_alias_added_before_any_article_applies_when_the_name_first_appears(store):
    add_alias(store, "Sevruk", "Pavel Sevruk")
    put(store, "Sevruk was freed.", ("Sevruk", "PERSON"))
    assert entity_names(store) == ["Pavel Sevruk"]


def test_re_extracting_a_document_replaces_its_facts_instead_of_adding_to_them(store):
    doc = put(store, "Ana Ruiz spoke.", ("Ana Ruiz", "PERSON"))
    with store.db.atomic():
        write_analysis(store, doc, Analysis(entities=[LocalEntity("Ana Ruiz", "PERSON", [(0, 8)], ["Ana Ruiz"])]))
    assert store.db["mentions"].count == 1


def test_an_alias_with_a_name_too_long_to_be_one_is_refused_and_nothing_is_stored(store):
    import pytest

    from knowledge.workspace.aliases import AliasError, add_alias, add_team_alias

    before = store.stats()["aliases"]
    with pytest.raises(AliasError, match="at most 200 characters"):
        add_alias(store, "Tiki" * 60, "Siarhei Tsikhanouski")
    with pytest.raises(AliasError, match="at most 200 characters"):
        add_team_alias(store, "T1", "Tiki", "x" * 201)
    assert store.stats()["aliases"] == before


def test_dotted_initials_in_one_article_join_the_name_they_stand_for_in_another(store):
    put(store, "The Allied Riverine Commission met in Oslo.", ("Allied Riverine Commission", "ORG"))
    put(store, "An A.R.C. report said the dams leak.", ("A.R.C.", "ORG"))
    assert entity_names(store) == ["Allied Riverine Commission"]


def test_the_full_name_after_its_dotted_initials_joins_them_and_names_the_entity(store):
    put(store, "An A.R.C. report said the dams leak.", ("A.R.C.", "ORG"))
    put(store, "The Allied Riverine Commission met in Oslo.", ("Allied Riverine Commission", "ORG"))
    assert entity_names(store) == ["Allied Riverine Commission"]


def test_bare_capitals_that_match_another_names_initials_stay_apart(store):
    put(store, "Bramble Aviation cut its forecast.", ("Bramble Aviation", "ORG"))
    put(store, "Kestrel (BA) shares fell.", ("BA", "ORG"))
    assert entity_names(store) == ["BA", "Bramble Aviation"]


def _aliases(store) -> dict[str, str]:
    return {r["key"]: r["alias"] for r in store.db.query("SELECT key, alias FROM aliases WHERE origin = 'extracted'")}


def _put_spellings(store, text: str, name: str, variants: list[str]) -> None:
    with store.db.atomic():
        doc = store.insert_document(DocumentInput(text=text, outlet="Test Wire"), [], None)
        start = text.index(name)
        ent = LocalEntity(name=name, type="ORG", mentions=[(start, start + len(name))], variants=variants)
        write_analysis(store, doc, Analysis(entities=[ent]))


def test_a_key_an_organisations_spellings_share_keeps_its_own_spelling_else_the_name_on_every_run(store):
    _put_spellings(
        store,
        "Halvard Holdings said profits rose.",
        "Halvard Holdings",
        ["Halvard Inc.", "Halvard Corp.", "Halvard", "Halvard Group"],
    )
    _put_spellings(
        store, "Brennick Holdings cut jobs.", "Brennick Holdings", ["Brennick Corp.", "Brennick Group", "Brennick Ltd"]
    )
    _put_spellings(
        store, "Ostrava Group Ltd. grew.", "Ostrava Group Ltd.", ["Ostrava Corp.", "Ostrava Inc.", "Ostrava Co."]
    )
    aliases = _aliases(store)
    assert aliases["halvard"] == "Halvard"  # written so in the article: its own key
    assert aliases["halvard inc"] == "Halvard Inc."
    assert aliases["brennick"] == "Brennick Holdings"  # shared only: the entity's name
    assert aliases["ostrava"] == "Ostrava Group Ltd."


def _put_defined(store, text: str, name: str, short: str) -> None:
    with store.db.atomic():
        doc = store.insert_document(DocumentInput(text=text, outlet="Test Wire"), [], None)
        start, at = text.index(name), text.index(short)
        ent = LocalEntity(
            name=name, type="ORG", mentions=[(start, start + len(name)), (at, at + len(short))], acronyms=[short]
        )
        ent.variants = [name, short]
        write_analysis(store, doc, Analysis(entities=[ent]))


def test_a_short_form_one_article_defines_joins_the_entity_an_earlier_article_made_of_it(store):
    put(store, "The MHA said the ferries would stop.", ("MHA", "ORG"))
    _put_defined(
        store, "The Ministry of Harbour Affairs (MHA) said the ferries stop.", "Ministry of Harbour Affairs", "MHA"
    )
    put(store, "Later the MHA said they would run again.", ("MHA", "ORG"))
    assert entity_names(store) == ["Ministry of Harbour Affairs"]
    assert store.db["mentions"].count == 4


def test_a_short_form_never_defined_stays_its_own_organisation(store):
    put(store, "The MHA said the ferries would stop.", ("MHA", "ORG"))
    put(store, "The Ministry of Harbour Affairs said the ferries stop.", ("Ministry of Harbour Affairs", "ORG"))
    assert entity_names(store) == ["MHA", "Ministry of Harbour Affairs"]


def test_a_surname_stored_first_joins_the_full_name_a_later_article_gives(store):
    """Ingestion order says nothing about who is who: an excerpt that starts after the first mention names only
    the surname, and the full name arriving later must not leave it a person of its own."""
    put(store, "Lindqvist defended the budget.", ("Lindqvist", "PERSON"))
    put(store, "Maria Lindqvist opened the quay.", ("Maria Lindqvist", "PERSON"))
    assert entity_names(store) == ["Maria Lindqvist"]
    assert store.db["mentions"].count == 2


def test_a_shorter_form_of_a_full_name_is_that_person_whichever_article_came_first(store):
    put(store, "Tarun Singh Bedi was named.", ("Tarun Singh Bedi", "PERSON"))
    put(store, "Singh Bedi denied it.", ("Singh Bedi", "PERSON"))
    put(store, "Tarun Bedi left for Delhi.", ("Tarun Bedi", "PERSON"))
    assert entity_names(store) == ["Tarun Singh Bedi"]
    put(store, "Ravi Kumar Anand spoke.", ("Ravi Kumar Anand", "PERSON"))
    put(store, "Kumar Anand arrived.", ("Kumar Anand", "PERSON"))
    assert entity_names(store) == ["Ravi Kumar Anand", "Tarun Singh Bedi"]


def test_a_short_form_two_full_names_share_stays_apart_from_both(store):
    put(store, "Lindqvist defended the budget.", ("Lindqvist", "PERSON"))
    put(store, "Maria Lindqvist opened the quay.", ("Maria Lindqvist", "PERSON"))
    put(store, "Erik Lindqvist closed it.", ("Erik Lindqvist", "PERSON"))
    assert entity_names(store) == ["Erik Lindqvist", "Maria Lindqvist"]
    put(store, "Lindqvist spoke again.", ("Lindqvist", "PERSON"))
    put(store, "Ana Marta Soler spoke.", ("Ana Marta Soler", "PERSON"))
    put(store, "Ana Luisa Soler spoke.", ("Ana Luisa Soler", "PERSON"))
    put(store, "Ana Soler answered.", ("Ana Soler", "PERSON"))
    assert sum(1 for n in entity_names(store) if n.endswith("Soler")) == 3


def test_a_document_naming_a_person_both_ways_after_a_short_form_was_stored_keeps_every_mention(store):
    put(store, "Lindqvist defended the budget.", ("Lindqvist", "PERSON"))
    put(
        store,
        "Lindqvist spoke. Maria Lindqvist opened the quay.",
        ("Lindqvist", "PERSON"),
        ("Maria Lindqvist", "PERSON"),
    )
    assert entity_names(store) == ["Maria Lindqvist"]
    assert store.db["mentions"].count == 3


def test_a_longer_name_seen_once_joins_the_person_articles_named_more_often_under_that_name(store):
    """A tagger's "Floridians Jeb Bush"-shaped span must not rename a person every article calls by two words."""
    for n in range(3):
        put(store, f"Tarun Bedi spoke on day {n}.", ("Tarun Bedi", "PERSON"))
    put(store, "Delhiites Tarun Bedi cheered.", ("Delhiites Tarun Bedi", "PERSON"))
    assert entity_names(store) == ["Tarun Bedi"]
    assert store.db["mentions"].count == 4
    put(store, "Delhiites Tarun Bedi cheered again.", ("Delhiites Tarun Bedi", "PERSON"))
    assert entity_names(store) == ["Tarun Bedi"]


def test_a_web_address_ending_in_an_organisations_name_does_not_rename_it(store):
    put(store, "The GOP met in Ohio.", ("GOP", "ORG"))
    put(store, "PortFacts.gop is a tool for voters, the GOP said.", ("PortFacts.gop", "ORG"))
    assert "GOP" in entity_names(store)


def test_a_company_named_alone_does_not_join_a_span_that_joined_it_to_another_company(store):
    put(store, "Chains such as Pine Market and Brandt merged.", ("Pine Market and Brandt", "ORG"))
    put(store, "Brandt said the merger was dead.", ("Brandt", "ORG"))
    assert entity_names(store) == ["Brandt", "Pine Market and Brandt"]


def test_a_groups_one_word_name_joins_its_fuller_name_from_another_article(store):
    put(store, "The United Dockworkers voted on Monday.", ("United Dockworkers", "ORG"))
    put(store, "Dockworkers walked out at dawn.", ("Dockworkers", "ORG"))
    assert entity_names(store) == ["United Dockworkers"]
