"""Topic resolution: typos, transliterations, free text, ambiguity asked not guessed, unknown explained."""

from __future__ import annotations

from knowledge.brief.compose import compose
from knowledge.brief.query import parse_query
from knowledge.extract.analysis import Analysis, LocalEntity
from knowledge.extract.persist.writer import write_analysis
from knowledge.models import DocumentInput


def put(store, text, *entities):
    with store.transaction():
        doc = store.insert_document(DocumentInput(text=text, outlet="Wire"), [], None)
        ents = [LocalEntity(n, t, [(text.index(n), text.index(n) + len(n))], [n]) for n, t in entities]
        write_analysis(store, doc, Analysis(entities=ents))


def test_a_name_shared_by_a_person_and_a_company_is_asked_not_guessed(store):
    put(store, "Keith Kellogg met officials in Kyiv.", ("Keith Kellogg", "PERSON"))
    put(store, "Kellogg raised cereal prices again.", ("Kellogg", "ORG"))
    result = compose(store, parse_query("kellogg"))
    assert result.kind == "ambiguous"
    assert {c.type for c in result.choices} == {"PERSON", "ORG"}
    assert compose(store, parse_query("keith kellogg")).kind == "briefing"


def test_typos_and_case_and_accents_still_find_the_entity(store, demo_store):
    for query in ("kelog", "KELLOGG", "Lukashénko"):
        result = compose(demo_store, parse_query(query))
        assert result.kind == "briefing", query


def test_a_two_letter_initialism_finds_its_dotted_spelling(store):
    put(store, "U.S. envoys arrived in Geneva on Monday.", ("U.S.", "GPE"))
    for query in ("US", "us", "U.S."):
        result = compose(store, parse_query(query))
        assert result.kind == "briefing" and result.topic == "U.S.", query


def test_a_free_text_subject_gets_a_briefing_from_matching_claims(demo_store):
    result = compose(demo_store, parse_query("ceasefire"))
    assert result.kind == "briefing" and (result.matters or result.developments)


def test_an_unknown_topic_says_nothing_is_known_and_how_to_add_sources(demo_store):
    result = compose(demo_store, parse_query("zzzz"))
    assert result.kind == "unknown" and result.documents_in_store == 14
    from bot.slack.render import render

    text, blocks = render(result, "text"), render(result, "blocks")
    assert text.count("Add sources with") == 1 and "/brief add" not in text  # the CLI's own way, said once
    assert "/brief add" in blocks and "briefbot ingest" not in blocks  # Slack's


def test_an_unknown_name_close_to_a_known_one_gets_it_as_a_suggestion(demo_store):
    result = compose(demo_store, parse_query("Dudakovitch Malevsky"))
    assert result.kind == "unknown" and "Malek Dudakov" in result.suggestions


def test_a_misspelt_outlet_filter_says_no_outlet_matches_and_lists_the_stored_ones(demo_store):
    result = compose(demo_store, parse_query("kellogg from:nowhere"))
    assert result.kind == "briefing" and not result.developments and not result.matters
    assert result.note.startswith("No outlet in the store matches from:nowhere.") and "Harbor Ledger" in result.note
    assert compose(demo_store, parse_query('kellogg from:"Harbor Ledger"')).note is None


def test_a_split_quote_is_shown_as_the_speakers_words_and_cited_as_the_whole_passage(store):
    from knowledge.ingest.service import ingest

    text = (
        "Port chief Erik Ostrow spoke after the vote.\n\n“The audit will clear us,” Ostrow told the Courier. "
        "“We have nothing to hide.”"
    )
    ingest(store, [("a", DocumentInput(text=text, outlet="Wire"))])
    result = compose(store, parse_query("ostrow"))
    line = next(x for m in result.matters for x in m.claims if "audit" in x.quote)
    assert line.quote == "The audit will clear us … We have nothing to hide"
    cite = line.citations[0]
    assert text[cite.start : cite.end] == cite.quote and "Ostrow told the Courier" in cite.quote


def test_a_bare_surname_goes_to_the_person_with_the_clear_majority_and_names_the_others(store):
    for n in range(4):
        put(store, f"Keith Kellogg met officials in Kyiv, report {n}.", ("Keith Kellogg", "PERSON"))
    put(store, "Kellogg raised cereal prices again.", ("Kellogg", "ORG"))
    result = compose(store, parse_query("kellogg"))
    assert result.kind == "briefing" and result.topic == "Keith Kellogg"
    assert [c.name for c in result.alternatives] == ["Kellogg"]
    assert "Also matching “kellogg”: Kellogg (org, 1 mention)" in result.also_line()
    from knowledge.render import render

    assert render(result, "text").count("Also matching") == 1


def test_page_junk_is_never_offered_as_a_choice(store):
    put(store, "Keith Kellogg met officials in Kyiv.", ("Keith Kellogg", "PERSON"))
    put(store, "Photo: kellogg at the ministry.", ("kellogg", "ORG"))
    put(store, "Kellogg's visit, in pictures.", ("Kellogg's", "ORG"))
    put(store, "Read more from Reuters.", ("Reuters", "ORG"))
    result = compose(store, parse_query("kellogg"))
    assert result.kind == "briefing" and result.topic == "Keith Kellogg"
    assert result.alternatives == []


def test_real_namesakes_with_comparable_mentions_are_still_asked_about(store):
    for n in range(3):
        put(store, f"Anna Novak opened quay {n} in Lindenport.", ("Anna Novak", "PERSON"))
        put(store, f"Tomas Novak won race {n} in Varna.", ("Tomas Novak", "PERSON"))
    result = compose(store, parse_query("novak"))
    assert result.kind == "ambiguous"
    assert {c.name for c in result.choices} == {"Anna Novak", "Tomas Novak"}


def test_search_operator_words_typed_as_a_topic_are_words_not_operators(demo_store):
    for word in ("OR", "AND", "NOT", "NEAR"):
        result = compose(demo_store, parse_query(word))
        assert result.kind == "unknown", word
        assert "search operator" in result.hint
    both = compose(demo_store, parse_query("ceasefire OR drone"))
    assert both.kind != "briefing" or all("ceasefire or drone" in d.text.lower() for d in both.developments)


def test_a_text_topic_matches_events_on_whole_words_only(demo_store):
    result = compose(demo_store, parse_query("ceasefire"))
    assert result.kind == "briefing"
    assert all("ceasefire" in d.text.lower() for d in result.developments)


def test_a_word_that_only_ends_a_one_off_organisations_name_does_not_take_the_topic(store):
    put(store, "Galen Harbor Workers voted on Monday.", ("Galen Harbor Workers", "ORG"))
    put(store, "Galen Harbor Workers met again on Tuesday.", ("Galen Harbor Workers", "ORG"))
    put(store, "Officials of Nordland Galen spoke briefly.", ("Nordland Galen", "ORG"))
    result = compose(store, parse_query("galen"))
    assert result.kind != "briefing" or result.topic != "Nordland Galen"


def test_a_company_is_briefed_by_the_word_it_goes_by_over_a_barely_mentioned_place_of_that_name(store):
    for n in range(4):
        put(store, f"Varda Steel raised output at plant {n}.", ("Varda Steel", "ORG"))
    put(store, "Varda is an old name for the region.", ("Varda", "GPE"))
    result = compose(store, parse_query("varda"))
    assert result.kind == "briefing" and result.topic == "Varda Steel"
    assert [c.name for c in result.alternatives] == ["Varda"]


def test_a_hyphenated_company_is_found_by_either_part_of_its_name(store):
    for n in range(3):
        put(store, f"Tarn-Hollis cut its forecast for quarter {n}.", ("Tarn-Hollis", "ORG"))
    for query in ("hollis", "tarn"):
        result = compose(store, parse_query(query))
        assert result.kind == "briefing" and result.topic == "Tarn-Hollis", query
