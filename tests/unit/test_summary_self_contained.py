"""A summary line can be read alone and says what its source says: no teaser that reports nothing, no quoted
"they" or joint "we" whose referent stayed in the article, no clause without its subject, no words pinned on a
speaker who is named inside them, no sentence whose speaker is a description of someone unnamed, and the date
the line's own sentence gives its event."""

from __future__ import annotations

from datetime import date

from knowledge.brief.bodies import claim_body, sentence_candidate
from knowledge.brief.readable import is_teaser, points_outside
from knowledge.brief.sentences import Sentence
from knowledge.brief.storylines import group
from knowledge.brief.summary import summarize
from tests.unit.storyline_members import PEOPLE, member


def _lede(text: str):
    m = member("l:1", text, doc="d1")
    m.sentence = Sentence(0, len(text), text, 0)
    return m


def _said(text: str, *, speaker="person:tomas-berger", name="Tomas Berger", stance="assert", kind="indirect", **kw):
    m = member("c:1", text, doc="d2", kind="claim", speaker=speaker, speaker_name=name, stance=stance, **kw)
    m.fields["kind"] = kind
    return m


def test_a_short_opening_that_reports_nothing_is_a_teaser_and_no_line():
    assert is_teaser("The harbour board isn’t making the dockers’ lives easy.")
    assert is_teaser("Lindenport is facing a long winter on the quays.")
    assert sentence_candidate(_lede("Lindenport is facing a long winter on the quays."), {"lindenport"}) is None


def test_a_short_lede_that_reports_what_happened_is_a_line():
    assert not is_teaser("The harbour board has shut the door on the dockers.")
    assert not is_teaser("The dockers rejected the offer.")
    assert not is_teaser("The union says it will strike on Monday.")
    assert not is_teaser("The harbour board is firing back at the dockers' union.")
    assert sentence_candidate(_lede("The harbour board has shut the door on the Lindenport dockers."), {"lindenport"})


def test_a_quoted_sentence_whose_subject_points_back_at_the_article_is_not_framed():
    assert points_outside("They work for the shipping lobby and wrote the report before they came")
    assert points_outside("It ultimately comes down to me")
    assert not points_outside("It is clear that the port will reopen")
    assert not points_outside("It (the harbour board) is targeting the union's stewards")
    assert not points_outside("We have the tally sheets in our hands")
    quote = "They work for the shipping lobby and wrote the report before they came to Lindenport"
    assert claim_body(_said(quote, kind="direct"), PEOPLE) is None


def test_a_quoted_we_that_joins_the_speaker_to_someone_unnamed_is_not_framed():
    assert points_outside("It is my hope that we will settle many questions together")
    assert points_outside("We both want the port open")
    assert not points_outside("We will work together with the harbour board")
    assert claim_body(_said("We will settle many questions together, starting today", kind="direct"), PEOPLE) is None


def test_reported_words_that_open_on_their_verb_are_no_clause_to_frame():
    # "… a fee, which the union said makes the contract unusable": the words kept have lost their subject
    assert claim_body(_said("makes the new contract for the dockers unusable"), PEOPLE) is None
    assert claim_body(_said("the fee makes the new contract for the dockers unusable"), PEOPLE) == (
        "Berger says the fee makes the new contract for the dockers unusable"
    )


def test_a_call_keeps_its_that_and_its_verb():
    m = _said("that the board show the court the rule under which it may ignore the order", stance="demand")
    m.fields["cue_lemma"] = "demand"
    assert (
        claim_body(m, PEOPLE)
        == "Berger demands that the board show the court the rule under which it may ignore the order"
    )


def test_words_naming_their_own_speaker_are_not_framed_as_theirs():
    # a person read out of a headline ("Board Pressures Berger") has the surname of the party the words are about
    words = "the harbour board must explain why Berger ignored the court's order on the quays"
    assert claim_body(_said(words), PEOPLE) is None


def test_a_sentence_whose_speaker_is_only_a_description_is_left_to_the_frame():
    text = "The veteran insinuated that the inspectors had changed their report after the vote."
    m = _said("that the inspectors had changed their report after the vote")
    m.fields["speaker_text"] = "The veteran"
    m.fields["cue"] = "insinuated"
    m.sentence = Sentence(0, len(text), text, 3)
    assert sentence_candidate(m, {"berger"}) is None
    named = "The union insinuated that Berger’s inspectors had changed their report after the vote."
    m.sentence = Sentence(0, len(named), named, 3)
    assert sentence_candidate(m, {"berger"}) is not None


def test_a_line_is_dated_by_the_day_its_own_sentence_gives_its_event():
    text = "Today (May 7), the harbour court of Lindenport ruled to uphold the ban on night shifts at the port."
    m = member("e:1", text, doc="d1", day=8, trigger="uphold")
    m.when = date(2025, 5, 2)  # another report's "Friday" resolved a week off, as a misread date can be
    m.sentence = Sentence(0, len(text), text, 0)
    lines = summarize(group([m], []), PEOPLE, "Lindenport")
    assert lines and lines[0].text.endswith("(7 May)")
    assert lines[0].date_label == "7 May 2025"


def test_a_line_giving_one_speakers_words_cites_that_speaker_not_the_other_side():
    from knowledge.brief.storylines import Storyline
    from knowledge.brief.summary import line_for

    own = _said("the union will go on with the strike until the harbour board returns to the table")
    other = member(
        "c:2",
        "the union had walked away from the talks without any sincere engagement",
        doc="d3",
        kind="claim",
        start=200,
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="assert",
    )
    line = line_for(Storyline("s1", [own, other]), PEOPLE, {"berger"}, 2025)
    assert line is not None and line.body.startswith("Berger says the union will go on")
    assert [c.document_id for c in line.citations] == ["d2"]


def test_a_sentence_that_opens_on_a_link_to_the_one_before_is_no_line():
    for text in (
        "However, the harbour board can now appeal the ruling to the higher court.",
        "To that end, Judge Varga noted that the dockers had offered to return to work.",
        "In response, the union filed a second complaint with the labour court.",
        "Specifically, the dockers' lawyers claim that the harbour board's offer was a sham.",
        "In fact, the harbour board had offered the dockers a raise in March.",
    ):
        assert sentence_candidate(_lede(text), {"harbour"}) is None, text


def test_a_sentence_that_merely_starts_with_a_similar_word_is_still_a_line():
    for text in (
        "Then-Mayor Ilse Varga closed the northern quay to container ships on Monday.",
        "So far, four ships have left the anchorage since the dockers walked out.",
        "Stillwater Port reopened its northern quay to container ships on Monday.",
        "Indeedle Shipping reopened its northern quay to container ships on Monday.",
    ):
        assert sentence_candidate(_lede(text), {"quay"}) is not None, text
