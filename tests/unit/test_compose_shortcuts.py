"""The shortcuts that keep a briefing cheap find what the plain walk finds: event reports grouped through a
(trigger, day) index join the same group as when every earlier head is tried in turn, echoes found through a
shared-words bitmask are the pairs whose weighed overlap reaches the share, and claims join the first group alike
enough."""

from __future__ import annotations

import random
from typing import Any

from knowledge.brief.claim_groups import merge_claims
from knowledge.brief.event_dates import rows_may_be_one_day
from knowledge.brief.event_groups import event_groups
from knowledge.brief.same_news import Weights, overlap
from knowledge.brief.storylines import Storyline
from knowledge.brief.support import Echoes
from knowledge.text.wellformed import form_problems
from knowledge.tuning import tuning
from tests.unit.storyline_members import member

ACTORS = ["person:ilse-varga", "person:tomas-berger", "org:harbor-board"]


def _event(n: int, *, trigger: str = "meet", day: int | None = 5, actors: tuple[str, ...] = (), text: str = "") -> dict:
    """A stored event row of the ferry talks: `day` of May 2025 (None: undated), stated in its words as `text`."""
    return {
        "id": f"e{n}",
        "document_id": f"d{n}",
        "start": 0,
        "trigger": trigger,
        "actor_ids": "|".join(actors),
        "date_start": f"2025-05-{day:02d}" if day else None,
        "date_text": text or ("yesterday" if day else None),
        "date_precision": "day" if day else None,
        "date_unresolved": 0,
    }


def _walked(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The plain walk: every earlier head of the trigger in the order opened, the first that passes taken."""
    heads: list[tuple[dict, set[str], list[dict]]] = []
    by_sentence: dict[tuple, list[dict]] = {}
    for row in rows:
        members = by_sentence.get((row["document_id"], row["start"]))
        actors = set(row["actor_ids"].split("|")) - {""}
        if members is None:
            for head, head_actors, group in heads:
                if head["trigger"] == row["trigger"] and (actors & head_actors or not actors):
                    if rows_may_be_one_day(head, row):
                        members = group
                        break
        if members is None:
            members = []
            heads.append((row, actors, members))
        members.append(row)
        by_sentence[(row["document_id"], row["start"])] = members
    return [group for _, _, group in heads]


def _ids(groups: list[list[dict[str, Any]]]) -> list[list[str]]:
    return [[r["id"] for r in g] for g in groups]


def test_a_report_a_day_later_in_relative_words_joins_the_meeting_and_one_a_week_later_opens_its_own():
    rows = [
        _event(1, day=5, actors=(ACTORS[0],)),
        _event(2, day=6, actors=(ACTORS[0], ACTORS[1])),
        _event(3, day=12, actors=(ACTORS[0],)),
    ]
    assert _ids(event_groups(rows)) == [["e1", "e2"], ["e3"]]


def test_an_undated_report_joins_the_first_meeting_of_its_trigger_whatever_its_day():
    rows = [_event(1, day=20, actors=(ACTORS[0],)), _event(2, day=3, actors=(ACTORS[0],)), _event(3, day=None)]
    assert _ids(event_groups(rows)) == [["e1", "e3"], ["e2"]]


def test_a_report_sharing_no_actor_with_a_meeting_that_day_opens_its_own_group():
    rows = [_event(1, day=5, actors=(ACTORS[0],)), _event(2, day=5, actors=(ACTORS[2],))]
    assert _ids(event_groups(rows)) == [["e1"], ["e2"]]


def test_event_groups_through_the_day_index_are_the_groups_of_the_walk_over_every_head():
    rng = random.Random(7)
    rows = []
    for n in range(300):
        day = rng.choice([None, *range(1, 29)])
        actors = tuple(rng.sample(ACTORS, rng.randint(0, 2)))
        text = rng.choice(["yesterday", "May 5", "on Friday"]) if day else ""
        rows.append(_event(n, trigger=rng.choice(["meet", "sign"]), day=day, actors=actors, text=text))
    rows += [dict(rows[5], id="e-again")]  # a second event from a sentence already grouped
    expected = _ids(_walked(rows))
    assert len(expected) > 10
    assert _ids(event_groups(rows)) == expected


def test_echoes_found_through_shared_word_bits_are_the_pairs_whose_weighed_overlap_reaches_the_share():
    texts = [
        "The harbor board voted to reject the ferry operator's offer for the Lindenport terminal",
        "Lindenport's harbor board rejected the ferry operator offer for the terminal on Monday",
        "The ferry operator said it would raise its offer for the Lindenport terminal next week",
        "Dockworkers in Lindenport walked off the job over pay and pensions",
        "Striking dockworkers in Lindenport demanded pay rises and pension guarantees",
        "Varga met Berger",
    ]
    members = [member(f"e:{n}", t, doc=f"d{n}", outlet="ledger" if n % 2 else "wire") for n, t in enumerate(texts)]
    storylines = [Storyline(f"st-{n}", [m]) for n, m in enumerate(members)]
    weights = Weights(members)
    expected = {m.key: set() for m in members}
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if overlap(a, b, weights) >= tuning().echo_share:
                expected[a.key].add(b.key)
                expected[b.key].add(a.key)
    assert any(expected.values())
    assert Echoes(storylines).echoing == expected


def test_a_claim_alike_to_two_earlier_claims_joins_the_first_of_them():
    said = {"speaker_name": "Ilse Varga", "stance": "assert"}
    rows = [
        {"id": "c1", "quote": "the ferry talks will resume on Monday in Lindenport", **said},
        {"id": "c2", "quote": "the ferry talks will resume on Monday", **said},
        {"id": "c3", "quote": "the ferry talks will resume on Monday in Lindenport harbor", **said},
        {"id": "c4", "quote": "pensions are not on the table", **said},
    ]
    assert [[r["id"] for r in g] for g in merge_claims(rows)] == [["c1", "c2", "c3"], ["c4"]]


def test_form_problems_gives_each_caller_its_own_list_to_extend():
    first = form_problems("the of ferry")
    assert first
    first.append("a caller's own finding")
    assert "a caller's own finding" not in form_problems("the of ferry")
