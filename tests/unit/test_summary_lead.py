"""The lead story first: a development counted by every outlet that carries it, one line per development; and lines a
reader can take alone."""

from __future__ import annotations

from knowledge.brief.bodies import candidates, sentence_candidate
from knowledge.brief.sentences import Sentence, clause_cuts
from knowledge.brief.storylines import Member, group
from knowledge.brief.support import Echoes
from tests.unit.storyline_members import PEOPLE, member

BID = "Acme Freight withdrew its nine billion takeover bid for Brill Holdings after months without talks."


def _retelling(key: str, doc: str, outlet: str, day: int, month: int = 6) -> object:
    return member(
        key,
        "Brill Holdings shares rose after Acme Freight withdrew its nine billion takeover bid for Brill Holdings.",
        doc=doc,
        outlet=outlet,
        day=day,
        month=month,
    )


def _others() -> list:
    return [
        member(f"e:o{k}", f"Brill Holdings and Acme Freight of Lindenport met {k} times.", doc=f"o{k}", day=k + 1)
        for k in range(4)
    ]


def test_outlets_retelling_a_development_weeks_later_count_as_carrying_it_and_earlier_ones_do_not():
    news = member("e:bid", BID, doc="bid", outlet="ledger", day=2, month=5)
    earlier = member("e:before", BID, doc="before", outlet="echo", day=1, month=3)
    storylines = group([news, _retelling("e:r1", "r1", "wire", 1), _retelling("e:r2", "r2", "post", 9), earlier])
    storylines += group(_others())
    bid = next(s for s in storylines if any(m.key == "e:bid" for m in s.members))
    assert Echoes(storylines).sources(bid) == {"ledger", "wire", "post"}


def test_a_storyline_retelling_a_shown_one_within_days_is_the_same_news_and_weeks_later_is_not():
    news = group([member("e:bid", BID, doc="bid", outlet="ledger", day=2)])
    same_days = group([_retelling("e:r1", "r1", "wire", 4, month=5)])
    weeks_later = group([_retelling("e:r2", "r2", "post", 28, month=5)])
    echoes = Echoes(news + same_days + weeks_later + group(_others()))
    assert echoes.repeats(same_days[0], news)
    assert not echoes.repeats(weeks_later[0], news)


def test_a_sentence_opening_on_that_refers_back_and_is_no_line():
    m = member("e:x", "That move came after talks at the port of Lindenport stalled on Friday.", doc="x")
    assert sentence_candidate(m, {"lindenport"}) is None


def test_a_sentence_attributing_to_a_bare_pronoun_is_no_line():
    m = member(
        "c:x",
        "the tallies show the union won the vote",
        doc="x",
        kind="claim",
        speaker="her",
        speaker_name="her",
        stance="assert",
    )
    m.fields["cue"] = "According to"
    m.fields["speaker_text"] = "her"
    m.sentence = Sentence(0, 60, "According to her, the tallies show the union won the vote.", 3)
    assert sentence_candidate(m, {"union"}) is None


def test_a_long_sentence_may_be_cut_before_a_relative_clause_opened_by_a_preposition():
    text = "Berger held a long call with Lindqvist on Monday, in which he said the port would reopen soon"
    assert "Berger held a long call with Lindqvist on Monday" in clause_cuts(text)


def _quote(key: str, text: str, doc: str, outlet: str) -> Member:
    m = member(
        key,
        text,
        doc=doc,
        outlet=outlet,
        kind="claim",
        speaker="person:maria-lindqvist",
        speaker_name="Maria Lindqvist",
        stance="assert",
        entities=("person:maria-lindqvist",),
    )
    m.fields["kind"] = "direct"
    return m


def test_of_a_statements_sentences_the_frame_quotes_the_one_other_articles_quote():
    echoed = "We will stay out until the port pays what it owes"
    unique = "The committee met for eleven hours and could not recommend the offer to a single member"
    members = [
        _quote("c:a", f"{unique}. {echoed}.", "a", "ledger"),
        _quote("c:b", f"{echoed}.", "b", "wire"),
        _quote("c:c", f"{echoed}, and we mean it.", "c", "post"),
    ]
    storylines = group(members)
    assert len(storylines) == 1
    found = candidates(storylines[0], PEOPLE, {"lindqvist"})
    assert found, "the statement has candidate lines"
    assert not any(unique in c.body for c in found)
    assert found[0].body.startswith(f"Lindqvist says: “{echoed}")
