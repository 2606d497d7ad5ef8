"""Wire copies: detected on the body despite page furniture and light edits; the original is the named source or
the earliest published, never simply the first ingested."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.text.copies import Copy, choose_original, copy_groups, copy_score, is_copy, named_source

STORY = (
    "Dockers at the port of Lindenport walked out on Monday after talks on a new pay deal collapsed, halting "
    "container traffic at the busiest harbour on the coast. The union's leader, Maria Lindqvist, said the strike "
    "would last until the port authority returned to the table with a better offer. Mayor Tomas Berger urged both "
    "sides to resume talks and warned that shipping lines were already diverting vessels to Varna. Port officials "
    "said four ships had left the anchorage overnight and that perishable cargo was being moved by road."
)


def _repost(extra_top: str, extra_bottom: str, edit: tuple[str, str] = ("", "")) -> str:
    return f"{extra_top}\n\n{STORY.replace(*edit) if edit[0] else STORY}\n\n{extra_bottom}"


def test_agency_reposts_with_different_page_furniture_are_copies():
    a = _repost("By Anna Novak, Harbor Ledger", "Read more: port news\nShare this article")
    b = _repost(
        "Editor's note: this story was first published by the Harbor Ledger.",
        "Sign up for our newsletter\nAdvertisement",
        ("walked out on Monday", "went on strike on Monday"),
    )
    assert copy_score(a, b) > 0.6
    assert is_copy(a, b)


def test_two_different_stories_on_the_same_subject_are_not_copies():
    other = (
        "The port authority of Lindenport offered dockers a seven percent raise on Thursday, a day after the union "
        "rejected a smaller offer. Maria Lindqvist said members would vote on the proposal next week, while Mayor "
        "Tomas Berger called the offer fair and said he hoped ships would return to the harbour before the summer "
        "season. Shipping lines said they would keep routing vessels through Varna until the vote."
    )
    assert not is_copy(STORY, other)


def test_the_outlet_a_copy_names_as_its_source_is_the_original_even_if_ingested_later():
    ledger = Copy(
        "d-ledger",
        STORY,
        "Harbor Ledger",
        "harborledger.example",
        datetime(2025, 5, 5, 12, tzinfo=UTC),
        datetime(2025, 5, 6, tzinfo=UTC),
    )
    repost = Copy(
        "d-repost",
        "Editor's note: this story was first published by the Harbor Ledger.\n" + STORY,
        "Northgate Daily",
        None,
        datetime(2025, 5, 5, 8, tzinfo=UTC),
        datetime(2025, 5, 5, tzinfo=UTC),
    )
    assert choose_original([repost, ledger]).id == "d-ledger"


def test_without_a_named_source_the_earliest_published_is_the_original_not_the_first_ingested():
    early = Copy("b", STORY, "Quay Post", None, datetime(2025, 5, 5, 6, tzinfo=UTC), datetime(2025, 5, 9, tzinfo=UTC))
    late = Copy("a", STORY, "Bay Echo", None, datetime(2025, 5, 5, 9, 30, tzinfo=UTC), datetime(2025, 5, 5, tzinfo=UTC))
    undated = Copy("c", STORY, "Northern Wire", None, None, datetime(2025, 5, 1, tzinfo=UTC))
    assert choose_original([late, undated, early]).id == "b"


def test_named_sources_are_read_from_common_credit_lines():
    assert named_source("This article was originally published in The Quay Post.\nText") == "Quay Post"
    assert named_source("(AFP) — Dockers walked out") == "AFP"
    assert named_source("Dockers walked out.\nRepublished with permission from Bay Echo") == "Bay Echo"
    assert named_source("Dockers walked out.") is None


def test_copy_groups_put_each_story_once_with_its_original_first():
    a = Copy("a", "By Anna Novak\n" + STORY, "Harbor Ledger", None, datetime(2025, 5, 5, 9, tzinfo=UTC))
    b = Copy("b", STORY + "\nShare this article", "Bay Echo", None, datetime(2025, 5, 5, 7, tzinfo=UTC))
    c = Copy("c", "A different story about grain prices in Varna, told in other words entirely.", "Quay Post")
    groups = copy_groups([a, b, c])
    assert sorted([g[0].id for g in groups]) == ["b", "c"]
    assert [len(g) for g in sorted(groups, key=len)] == [1, 2]
