"""Five lines tell five things: a second telling of a shown event, in other words, gives way to the next different
thing (maximal marginal relevance over the lines' content units, less the topic's own words)."""

from __future__ import annotations

from knowledge.brief.redundancy import Rarity, redundancy, units
from knowledge.brief.storylines import Storyline, content_words, group
from knowledge.brief.summary import _Pool, summarize
from knowledge.tuning import tuned
from tests.unit.storyline_members import PEOPLE, member

RULING = "A judge in Lindenport on Tuesday rejected the dockers' union bid to block the container terminal sale."
DENIED = "Judge Ana Ruiz refused an injunction against the terminal sale, ruling for the harbour board."
ASKED = "Last month the union applied for an injunction to stop the container terminal sale."
PROMISE = "The Lindenport port authority promised to keep every dockworker's job for ten years after the handover."


def _tellings() -> list[Storyline]:
    """Three reports of one ruling in three outlets' words (each its own storyline), and an older, different fact."""
    return [
        *group([member("e:1", RULING, doc="a", outlet="ledger", day=11)]),
        *group([member("e:2", DENIED, doc="b", outlet="wire", day=11)]),
        *group([member("e:3", ASKED, doc="c", outlet="post", day=11)]),
        *group([member("e:4", PROMISE, doc="d", outlet="echo", day=8)]),
    ]


def test_a_name_and_its_initials_are_one_unit_and_the_topic_is_no_unit():
    long = units("The Federal Trade Commission sued Lindenport for $9 billion", content_words("Lindenport"))
    short = units("The FTC sued Lindenport", content_words("Lindenport"))
    assert "ftc" in long and "ftc" in short
    assert "lindenport" not in long
    assert "9" in long  # figures count


def test_nothing_chosen_is_no_redundancy_and_the_same_line_is_all_redundant():
    rarity = Rarity.of([])
    line = units(RULING)
    assert redundancy(line, [], rarity) == 0.0
    assert redundancy(line, [line], rarity) == 1.0
    assert 0.0 < redundancy(units(DENIED), [line], rarity) < 1.0


def test_a_rarer_shared_word_makes_a_line_more_redundant_than_a_common_one():
    everywhere = [member(f"e:{n}", f"The dockers' union met on day {n}.", doc=f"d{n}") for n in range(4)]
    rarity = Rarity.of(everywhere)
    chosen = [units("The union rejected the offer"), units("The terminal rejected the offer")]
    line = units("The union and the terminal")
    assert redundancy(line, chosen[:1], rarity) < redundancy(line, chosen[1:], rarity)


def test_a_second_telling_of_the_shown_ruling_gives_way_to_a_different_fact():
    with tuned(summary_redundancy_weight=1.0):
        lines = summarize(_tellings(), PEOPLE, "Lindenport", max_lines=3)
    bodies = [line.body for line in lines]
    assert len(bodies) == 3
    assert any("ten years" in b for b in bodies), bodies


def test_with_no_weight_for_redundancy_the_summary_follows_rank_alone():
    with tuned(summary_redundancy_weight=0.0, line_redundancy_weight=0.0):
        lines = summarize(_tellings(), PEOPLE, "Lindenport", max_lines=3)
    bodies = [line.body for line in lines]
    assert len(bodies) == 3
    assert not any("ten years" in b for b in bodies), bodies


def test_of_a_storylines_lines_the_one_that_tells_something_new_is_taken():
    told = member("e:1", RULING, doc="a", outlet="ledger", day=11)
    new = member("e:2", PROMISE, doc="b", outlet="wire", day=11)
    story = Storyline("s1", [told, new])
    pool = _Pool(PEOPLE, {"lindenport"}, 2025)
    first = pool.line(story)
    assert first is not None
    shown = units(first.body, content_words("Lindenport"))
    other = pool.line(story, lambda body: 10.0 * redundancy(units(body), [shown], Rarity.of([])))
    assert other is not None and other.body != first.body


def test_a_later_development_in_the_same_words_is_no_second_telling():
    accepted = (
        "Lindenport's dockers ended their seven-week walkout on Friday after accepting a raised wage package from the "
        "harbour employers."
    )
    rejected = "Dockers in Lindenport rejected the wage package of the harbour employers and walked out."
    mediator = "The harbour board hired a mediator from the capital to run the Lindenport talks."
    storylines = [
        *group([member("e:1", accepted, doc="a", outlet="ledger", day=20)]),
        *group([member("e:2", rejected, doc="b", outlet="wire", day=2)]),
        *group([member("e:3", mediator, doc="c", outlet="post", day=1)]),
    ]
    with tuned(summary_redundancy_weight=2.0, line_redundancy_weight=2.0, summary_redundancy_days=4):
        lines = summarize(storylines, PEOPLE, "Lindenport", max_lines=2)
    bodies = [line.body for line in lines]
    assert len(bodies) == 2
    assert any("rejected" in b for b in bodies), bodies
