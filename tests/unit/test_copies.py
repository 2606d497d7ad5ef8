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


def test_a_syndicators_credit_at_the_head_names_the_outlet_whose_story_it_carries():
    assert named_source(" date 2025-05-05 (NEWSHUB- Quay Post) The ministry said on Monday ...") == "Quay Post"
    assert named_source("(WIREFEED - Bay Echo) Dockers walked out.") == "Bay Echo"
    # a party label or a ticker is no credit, and a credit far into the story is not read
    assert named_source("Senator Vale (R-Texas) said the port would reopen.") is None
    assert named_source("Dockers walked out. " + "The strike went on. " * 40 + "(NEWSHUB- Quay Post)") is None


def test_a_syndicated_copy_published_earlier_leaves_the_original_to_the_outlet_it_credits():
    """A syndicator's copy can carry an earlier date than the outlet's own page (time zones, a later update of the
    page); the credit, with the outlet's words run together in its domain, still names the original."""
    outlet = Copy("d-mint", STORY, "Quaypost", "quaypost.example", datetime(2025, 5, 6, 9, tzinfo=UTC))
    syndicated = Copy(
        "d-syn",
        "(NEWSHUB- Quay Post) " + STORY,
        "NEWSHUB (Quay Post)",
        "newshub.example",
        datetime(2025, 5, 5, 22, tzinfo=UTC),
    )
    assert choose_original([syndicated, outlet]).id == "d-mint"


def test_copy_groups_put_each_story_once_with_its_original_first():
    a = Copy("a", "By Anna Novak\n" + STORY, "Harbor Ledger", None, datetime(2025, 5, 5, 9, tzinfo=UTC))
    b = Copy("b", STORY + "\nShare this article", "Bay Echo", None, datetime(2025, 5, 5, 7, tzinfo=UTC))
    c = Copy("c", "A different story about grain prices in Varna, told in other words entirely.", "Quay Post")
    groups = copy_groups([a, b, c])
    assert sorted([g[0].id for g in groups]) == ["b", "c"]
    assert [len(g) for g in sorted(groups, key=len)] == [1, 2]


WIRE = (
    "Dockers at the port of Galen voted on Thursday to end a month-long strike after the owners raised their pay "
    "offer to six percent over two years, union officials said. The vote ends the longest stoppage at the port in "
    "three decades, which had left container ships waiting at anchor and forced exporters to send goods by road. "
    "Union leader Dario Mendes said members had backed the deal by a wide margin but warned that the owners' plans "
    "to automate the cranes remained a sore point. The owners said in a statement that work would resume on Friday "
    "morning and that the backlog of ships should clear within ten days. Exporters welcomed the end of the strike, "
    "saying it had cost them millions in diverted freight and spoiled produce, and called on both sides to agree a "
    "longer deal before the contract runs out again in two years."
)


def test_a_site_carrying_the_first_paragraphs_and_a_teaser_of_a_wire_story_is_its_copy():
    excerpt = "Galen strike over\n\n" + WIRE[: WIRE.index(" The owners said")] + "\n\nRead more: Ports across the coast"
    assert copy_score(excerpt, "Dockers vote to end Galen port strike\n\n" + WIRE) > 0.9  # containment, not resemblance
    assert is_copy(excerpt, "Dockers vote to end Galen port strike\n\n" + WIRE)


def test_two_reports_of_one_event_quoting_the_same_statement_are_not_copies():
    own = (
        "Galen's dockers are going back to work. After a month on the picket line, members of the dockers' union "
        "accepted a pay rise of six percent, their leader told a rally outside the gates on Thursday evening. "
        "Dario Mendes said members had backed the deal by a wide margin but warned that the owners' plans to "
        "automate the cranes remained a sore point. Shipping agents expect the first vessels to berth this weekend, "
        "and the harbour master said pilots had been called back from leave to guide the queue of ships inside."
    )
    assert not is_copy("Strike ends\n\n" + own, "Dockers vote to end strike\n\n" + WIRE)


def test_one_headline_and_a_few_shared_sentences_within_days_make_a_copy_but_not_months_apart():
    head = "Galen dockers vote to end month-long strike after pay deal\n\n"
    first = WIRE[: WIRE.index(" Union leader")]
    second = WIRE[WIRE.index("The vote ends") : WIRE.index(" Exporters welcomed")]
    a = Copy("a", head + first, published_at=datetime(2025, 3, 7, tzinfo=UTC))
    b = Copy("b", head + second, published_at=datetime(2025, 3, 7, 15, tzinfo=UTC))
    assert copy_score(a.text, b.text) < 0.45 and is_copy(a, b)
    later = Copy("c", b.text, published_at=datetime(2025, 7, 1, tzinfo=UTC))
    assert not is_copy(a, later)


def test_on_the_same_day_the_copy_that_credits_the_wire_is_the_original_else_the_clearly_fuller_one():
    day = datetime(2025, 3, 7, tzinfo=UTC)
    credited = Copy("x", "GALEN (AP) — " + WIRE, published_at=day, ingested_at=datetime(2025, 3, 9, tzinfo=UTC))
    plain = Copy("y", WIRE + "\n\nSign up for our newsletter", published_at=day, ingested_at=day)
    assert choose_original([plain, credited]).id == "x"
    trimmed = Copy("t", WIRE[: WIRE.index(" Exporters")], published_at=day, ingested_at=day)
    full = Copy("f", WIRE, published_at=day, ingested_at=datetime(2025, 3, 9, tzinfo=UTC))
    assert choose_original([trimmed, full]).id == "f"
    edited = Copy(
        "e", WIRE.replace("six percent", "6%"), published_at=day, ingested_at=datetime(2025, 3, 10, tzinfo=UTC)
    )
    assert choose_original([edited, full]).id == "f"  # a light edit: the first ingested


def test_among_same_day_copies_crediting_the_wire_the_one_carrying_its_byline_and_photo_credits_is_the_original():
    day = datetime(2025, 3, 7, tzinfo=UTC)
    feed = Copy(
        "feed",
        "Galen dockers end strike\n\nNORA FELD, Associated Press\n"
        "Dockers leave the gate of the Galen port on Thursday. (AP Photo/Piet Ahlers)\n\n"
        "GALEN (AP) — " + WIRE[: WIRE.index(" Union leader")],
        published_at=day,
        ingested_at=day,
    )
    paywall = (
        "To continue reading, please subscribe:\nWeekly plan\n$2 a week for the first year of your subscription to "
        "the Harbour Courier, billed every four weeks, with the e-paper and the puzzles included, cancel any time\n"
    )
    reposted = Copy(
        "repost",
        "Galen dockers end strike\n\n" + paywall + "GALEN (AP) — " + WIRE[: WIRE.index(" Exporters welcomed")],
        published_at=day,
        ingested_at=datetime(2025, 3, 6, tzinfo=UTC),  # stored first: says nothing of who wrote it
    )
    assert is_copy(feed, reposted)
    assert choose_original([reposted, feed]).id == "feed"
    assert choose_original([feed, reposted]).id == "feed"


def test_with_no_credit_and_no_date_the_copy_keeping_the_wires_own_reporting_is_the_original():
    told = WIRE.replace("union officials said.", "union officials told Reuters.")
    kept = Copy("kept", "Galen strike ends\n\n" + told)
    trimmed = Copy("trimmed", "Galen port strike is over\n\n" + WIRE, ingested_at=datetime(2025, 3, 6, tzinfo=UTC))
    assert is_copy(kept, trimmed)
    assert choose_original([trimmed, kept]).id == "kept"


def test_a_copy_with_look_alike_letters_swapped_in_is_still_a_copy():
    """Scraper sites put a Greek iota for every Latin i so the copy stops matching; words wholly in another
    script keep their letters."""
    from knowledge.text.shingles import words

    swapped = STORY.replace("i", "ι")
    assert is_copy(STORY, swapped)
    assert words("Δελφοί flιghts") == ["δελφοί", "flights"]
