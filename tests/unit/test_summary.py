"""Summary lines: one per top storyline, a whole source sentence or a frame around a whole clause, cited,
well formed and grounded; a storyline with no such line is left out."""

from __future__ import annotations

from datetime import date

from knowledge.brief.storylines import group
from knowledge.brief.summary import span_label, summarize
from knowledge.text.wellformed import form_problems
from tests.unit.storyline_members import PEOPLE, member, strike_story


def _summary(**kw):
    members, disputes = strike_story()
    return summarize(group(members, disputes), PEOPLE, "Maria Lindqvist", **kw)


def test_a_dispute_reads_as_who_says_what_and_who_denies_it():
    lines = _summary()
    assert lines[0].text == (
        "Berger says the union had agreed to a pay offer worth nine percent; Lindqvist denies it (2 outlets, 7–8 May)"
    )
    assert {c.document_id for c in lines[0].citations} == {"d3", "d4"}
    assert lines[0].origin == "extractive"


def test_a_rebuttal_by_verdict_reads_as_disputing_the_claim_never_as_saying_it():
    members, disputes = strike_story()
    verdict = member(
        "c:2",
        "Berger's claims were entirely false",
        doc="d4",
        day=8,
        kind="claim",
        start=40,
        entities=("person:maria-lindqvist", "person:tomas-berger"),
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="assert",
    )
    members = [verdict if m.key == "c:2" else m for m in members]
    lines = summarize(group(members, disputes), PEOPLE, "Maria Lindqvist")
    assert lines[0].text.startswith(
        "Berger says the union had agreed to a pay offer worth nine percent; Lindqvist disputes it"
    )


def test_an_event_line_is_its_whole_sentence_and_counts_outlets_with_copies_once():
    strike = next(line for line in _summary() if "strike at the port" in line.text)
    assert strike.text == (
        "Dockers' union leader Maria Lindqvist called a strike at the port of Lindenport on Monday, halting container "
        "traffic (3 outlets, 2 original, 5 May)"
    )
    assert strike.outlets == ["Harbor Ledger", "Northern Wire", "Bay Echo"]
    assert strike.independent_outlets == 2
    assert len({c.document_id for c in strike.citations}) == 2


def test_the_summary_has_at_most_five_lines_each_well_formed():
    lines = _summary()
    assert 3 <= len(lines) <= 5
    assert all(not form_problems(line.body) for line in lines), [line.body for line in lines]


def test_a_plural_unnamed_speaker_gets_a_plural_verb():
    analysts = next(line for line in _summary() if "analysts" in line.text)
    assert analysts.text.startswith("Shipping analysts predict the strike will cost")


def test_the_summary_stays_within_its_character_budget():
    lines = _summary(budget=250)
    assert sum(len(line.text) for line in lines) <= 250
    assert lines


def test_a_storyline_whose_only_words_are_a_noun_phrase_is_left_out_not_shown_as_a_fragment():
    said = "Mayor Tomas Berger said the quay would reopen within a week."
    event = member("e:x", said, doc="dx", trigger="reopen", entities=("person:tomas-berger",))
    thanks = member(
        "c:y",
        "gratitude for the hospitality and the meeting",
        doc="dy",
        kind="claim",
        day=9,
        speaker="person:tomas-berger",
        speaker_name="Tomas Berger",
        stance="assert",
        cue_lemma="express",
    )
    lines = summarize(group([event, thanks]), PEOPLE, "Tomas Berger")
    assert [line.body for line in lines] == ["Mayor Tomas Berger said the quay would reopen within a week"]


def test_two_storylines_that_read_the_same_get_one_line():
    a = member("e:a", "Novak opened the new grain terminal in Lindenport.", doc="a", trigger="open", day=1)
    b = member(
        "e:b",
        "Novak opened the new grain terminal in Lindenport.",
        doc="b",
        outlet="wire",
        trigger="inaugurate",
        day=20,
    )
    assert len(summarize(group([a, b]), PEOPLE, "Novak")) == 1


def test_a_sentence_cut_off_where_the_page_ends_is_never_a_summary_line():
    whole = member("e:a", "Novak opened the new grain terminal in Lindenport.", doc="a", trigger="open", day=1)
    cut = member("e:b", "Novak reported a record loss at the port due in part to ad", doc="b", trigger="report", day=2)
    trailing = member("e:c", "Novak said the terminal would double the port's grain exports …", doc="c", day=3)
    lines = summarize(group([whole]) + group([cut]) + group([trailing]), PEOPLE, "Novak")
    assert lines, "the whole sentence makes a line"
    assert all("due in part to ad" not in ln.text and "…" not in ln.text for ln in lines)


def test_date_spans_read_briefly_and_name_the_year_only_when_it_differs():
    assert span_label(date(2025, 6, 22), date(2025, 6, 24), 2025) == "22–24 Jun"
    assert span_label(date(2025, 3, 14), date(2025, 7, 2), 2025) == "14 Mar–2 Jul"
    assert span_label(date(2024, 12, 30), date(2024, 12, 30), 2025) == "30 Dec 2024"
    assert span_label(date(2020, 1, 1), date(2020, 1, 1), 2025, "year") == "2020"


def test_a_date_range_across_a_new_year_names_both_years():
    from knowledge.brief.labels import date_label

    assert span_label(date(2024, 8, 5), date(2025, 5, 23), 2025) == "5 Aug 2024–23 May 2025"
    assert span_label(date(2024, 12, 30), date(2025, 1, 2), 2025) == "30 Dec 2024–2 Jan 2025"
    assert date_label(date(2024, 8, 5), date(2025, 5, 23), "day", False, None) == "5 Aug 2024–23 May 2025"
    assert date_label(date(2025, 8, 5), date(2025, 8, 9), "day", False, None) == "5 Aug–9 Aug 2025"


def _points(doc: str, day: int, *texts: str) -> list:
    return [
        member(f"e:{doc}{i}", text, doc=doc, outlet="ledger", day=day, start=100 * i, trigger=f"t{doc}{i}")
        for i, text in enumerate(texts)
    ]


def test_one_article_gives_one_line_while_another_articles_story_waits():
    newest = _points("a", 9, "The council approved the harbour budget on Tuesday.", "Cranes arrived at the quay.")
    older = _points("b", 2, "Dockers ended their strike at the port of Lindenport.")
    lines = summarize(group(newest + older), PEOPLE, "Lindenport", max_lines=2)
    assert lines
    assert {c.document_id for line in lines for c in line.citations} == {"a", "b"}


def test_one_articles_further_points_take_the_places_no_other_story_wants():
    points = _points(
        "a",
        9,
        "The council approved the harbour budget on Tuesday.",
        "Cranes arrived at the quay on a barge.",
        "Dockers ended their strike at the port.",
    )
    assert len(summarize(group(points), PEOPLE, "Lindenport")) == 3


def test_a_long_direct_quote_is_framed_by_its_leading_whole_clauses_and_mr_does_not_end_a_sentence():
    quote = (
        "We are weighing every offer before us as we consider proposals from Mr. Berger and Harbor Holdings, "
        "from the union, as well as the port's own plan to raise the value of its quays for every shareholder"
    )
    said = member(
        "c:q",
        quote,
        doc="dq",
        kind="claim",
        speaker="person:tomas-berger",
        speaker_name="Tomas Berger",
        stance="assert",
    )
    said.fields["kind"] = "direct"
    lines = summarize(group([said]), PEOPLE, "Tomas Berger")
    assert [line.body for line in lines] == [
        "Berger says: “We are weighing every offer before us as we consider proposals from Mr. Berger and Harbor "
        "Holdings, from the union”"
    ]
