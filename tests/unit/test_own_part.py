"""A wire copy's own passages: what it says that its original does not, found word by word."""

from __future__ import annotations

from knowledge.extract.analysis import Analysis, LocalClaim, LocalDispute, LocalEntity, LocalEvent, restricted
from knowledge.text.own_part import own_part
from tests.unit.test_copies import STORY

EXTRA = (
    "Later on Monday the shipping association said its members would ask the government to appoint a mediator "
    "before the end of the week."
)


def test_a_copy_that_only_repeats_its_original_has_no_own_part():
    edited = STORY.replace("walked out on Monday", "went on strike on Monday")
    assert not own_part("Advertisement\n\n" + edited, STORY, 8)


def test_the_paragraph_a_copy_adds_after_the_shared_story_is_its_own_part():
    copy = STORY + "\n\n" + EXTRA
    part = own_part(copy, STORY, 8)
    assert len(part.ranges) == 1
    start, end = part.ranges[0]
    assert copy[start:end] == EXTRA[: EXTRA.rindex("week") + 4]


def test_look_alike_letters_and_case_do_not_make_a_repeated_sentence_the_copys_own():
    iota = STORY.replace("i", "\u03b9").upper()
    assert not own_part(iota, STORY, 8)


def test_an_own_run_shorter_than_the_minimum_is_an_edit_not_a_passage():
    copy = STORY.replace("halting container traffic", "halting all container and bulk traffic")
    assert not own_part(copy, STORY, 8)
    assert own_part(copy, STORY, 2)


def test_holds_asks_whether_most_of_a_span_is_in_the_own_part():
    copy = STORY + "\n\n" + EXTRA
    part = own_part(copy, STORY, 8)
    at = copy.index("the shipping association")
    assert part.holds(at, at + 30)
    assert not part.holds(0, 40)
    assert not part.holds(at - 60, at + 10)


def _analysis() -> Analysis:
    ents = [
        LocalEntity("Maria Lindqvist", "PERSON", [(10, 25), (120, 128)]),
        LocalEntity("Varna", "GPE", [(60, 65)]),
        LocalEntity("Shipping Association", "ORG", [(130, 150)]),
    ]

    def claim(speaker: int, content: tuple[int, int], parent: int | None = None) -> LocalClaim:
        return LocalClaim(None, speaker, "said", "say", "assert", False, "indirect", None, content, content, parent)

    claims = [claim(0, (30, 50)), claim(2, (150, 180)), claim(0, (185, 200), parent=0), claim(2, (205, 220), 1)]
    events = [LocalEvent("strike", "walked out", (0, 40), actors=[0], place=1), LocalEvent("talks", "ask", (150, 170))]
    return Analysis(ents, events, claims, [LocalDispute(0, 1), LocalDispute(1, 3)])


def test_restricting_an_analysis_keeps_the_facts_of_the_kept_text_renumbered():
    out = restricted(_analysis(), lambda s, e: s >= 100)
    assert [c.content for c in out.claims] == [(150, 180), (185, 200), (205, 220)]
    assert [e.name for e in out.entities] == ["Maria Lindqvist", "Shipping Association"]
    assert out.entities[0].mentions == [(120, 128)]  # its mention in the dropped text is not counted twice
    assert [c.speaker_entity for c in out.claims] == [1, 0, 1]
    assert out.claims[1].parent is None  # its parent lies in the dropped text
    assert out.claims[2].parent == 0
    assert [(d.claim, d.other) for d in out.disputes] == [(0, 2)]
    assert [e.what for e in out.events] == ["talks"]


def test_restricting_to_nothing_leaves_no_facts():
    out = restricted(_analysis(), lambda s, e: False)
    assert (out.entities, out.claims, out.events, out.disputes) == ([], [], [], [])
