"""The claim list of a briefing shows claims that say who said what: a named or described speaker, and words that
are a statement (brief/statements). Rows are shaped as the store returns them."""

from __future__ import annotations

from knowledge.brief.statements import is_statement, names_speaker, shown_as_claim


def row(quote: str, speaker="Mara Quill", entity: str | None = "e1", kind="indirect", lemma="say", stance="assert"):
    return {
        "quote": quote,
        "speaker": speaker,
        "speaker_entity_id": entity,
        "kind": kind,
        "cue_lemma": lemma,
        "stance": stance,
    }


def test_a_clause_said_by_a_named_speaker_is_listed():
    assert shown_as_claim(row("the harbour toll would double by spring"))


def test_a_claim_whose_source_the_extractor_did_not_find_is_not_listed():
    assert not names_speaker(row("the harbour toll would double by spring", speaker=None, entity=None))
    assert not shown_as_claim(row("the harbour toll would double by spring", speaker=None, entity=None))


def test_a_bare_pronoun_left_unresolved_is_no_speaker_but_one_resolved_to_a_person_is():
    for pronoun in ("he", "They", "her", "his"):
        assert not names_speaker(row("the toll is unfair", speaker=pronoun, entity=None)), pronoun
    assert names_speaker(row("the toll is unfair", speaker="he", entity="e7"))


def test_an_anonymous_speaker_described_in_words_keeps_the_line():
    assert names_speaker(row("the toll is unfair", speaker="two dock officials", entity=None))
    assert names_speaker(row("the toll is unfair", speaker="a port spokeswoman", entity=None))


def test_a_noun_phrase_is_no_claim_speculation_or_question():
    # "Quill mentioned her council record": an act the writer describes, not words Quill said
    assert not is_statement(row("her council record", lemma="mention"))
    assert not shown_as_claim(row("the ferry schedule of next year", lemma="predict", stance="forecast"))
    assert not shown_as_claim(row("the budget of the harbour board", lemma="ask", stance="question"))


def test_a_stance_aimed_at_a_thing_keeps_its_noun_phrase():
    # "Quill criticized the new ferry timetable": the label (criticism) says what was done to it
    assert is_statement(row("the new ferry timetable", lemma="criticize", stance="criticize"))
    assert is_statement(row("an inquiry into the toll increase", lemma="call", stance="demand"))
    assert is_statement(row("the report of a secret deal", lemma="deny", stance="deny"))


def test_a_direct_quote_and_a_promise_to_act_are_statements():
    assert is_statement(row("“a total disgrace”", kind="direct"))
    assert is_statement(row("to appeal the ruling before the winter session", lemma="vow"))
    assert not is_statement(row("to the harbour board", lemma="write"))


def test_what_a_speaker_announces_or_confirms_is_a_statement_even_as_a_noun_phrase():
    assert is_statement(row("a full and immediate truce between the two river towns", lemma="announce"))
    assert is_statement(row("the talks with the ferry union", lemma="confirm"))


def test_words_that_are_no_clause_are_shown_after_the_cue_as_the_source_wrote_it():
    from knowledge.brief.statements import claim_lead

    row = {"cue": "accused", "cue_lemma": "accuse", "stance": "criticize", "kind": "indirect"}
    assert claim_lead(row, "Halvard Group of breach of duty") == "accused"
    row = {"cue": "overwhelmingly rejected", "cue_lemma": "reject", "stance": "deny", "kind": "indirect"}
    assert claim_lead(row, "a new four-year contract") == "overwhelmingly rejected"


def test_a_participle_cue_is_shown_in_its_present_form():
    from knowledge.brief.statements import claim_lead

    row = {"cue": "blaming", "cue_lemma": "blame", "stance": "criticize", "kind": "indirect"}
    assert claim_lead(row, "the port authority for the delays") == "blames"


def test_a_call_or_support_keeps_its_cue_even_when_a_clause_follows_its_object():
    from knowledge.brief.statements import claim_lead

    row = {"cue": "urged", "cue_lemma": "urge", "stance": "demand", "kind": "indirect"}
    assert claim_lead(row, "residents, who marched on Monday, to stay home") == "urged"


def test_a_clause_a_direct_quote_or_a_plain_speech_verb_needs_no_cue_before_the_words():
    from knowledge.brief.statements import claim_lead

    said = {"cue": "said", "cue_lemma": "say", "stance": "assert", "kind": "indirect"}
    assert claim_lead(said, "the talks would resume on Friday") == ""
    assert claim_lead(said, "a ceasefire by Friday") == ""
    direct = {"cue": "accused", "cue_lemma": "accuse", "stance": "criticize", "kind": "direct"}
    assert claim_lead(direct, "They lied to us") == ""
    claimed = {"cue": "claimed", "cue_lemma": "claim", "stance": "assert", "kind": "indirect"}
    assert claim_lead(claimed, "the vote was rigged") == ""


def test_a_claim_line_shows_its_lead_before_the_quote_and_escapes_only_the_lead_it_adds():
    from knowledge.brief.model import ClaimLine

    line = ClaimLine(
        claim_ids=["c1"], speaker="Mara Quill", stance="criticize", stance_label="criticism", cue="accused",
        quote="Halvard Group of breach of duty", lead="accused", citations=[],
    )  # fmt: skip
    assert line.said() == "accused “Halvard Group of breach of duty”"
    assert line.said("Halvard Group…", str.upper) == "ACCUSED “Halvard Group…”"
    assert line.model_copy(update={"lead": ""}).said() == "“Halvard Group of breach of duty”"
