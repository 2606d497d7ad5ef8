"""Page furniture is cut from plain text, and article text never is."""

import pytest

from knowledge.text.boilerplate import normalize, strip_boilerplate

BODY = (
    "Lindenport Council Delays Ferry Repairs\n\nThe council voted on Monday to delay repairs to the old ferry "
    "terminal until the autumn, citing a shortfall in the maintenance budget.\n\nCommuters will keep using the "
    "temporary pier, which officials said would remain open through the summer season."
)
LAST = "The mayor later said residents would be consulted before any final decision on the terminal."


def test_a_trailing_share_and_prev_next_block_with_teaser_headlines_is_removed():
    text = BODY + (
        "\n\nShare this article\nShareable URL\nPrev Post\n\nTram fares rise again in the capital\n\n"
        "Next Post\n\nMuseum reopens after flood damage\n\nLeave a Reply\n\nYour email address will not be "
        "published. Required fields are marked *\n\nRead next"
    )
    assert strip_boilerplate(text) == BODY


@pytest.mark.parametrize(
    "block",
    [
        "Read more\nTram fares rise again in the capital\nMuseum reopens after flood damage",
        "Related articles\n\nTram fares rise again\n\nIs the old bridge safe to cross?",
        "Related: Tram fares rise again in the capital",
        "Subscribe to our newsletter\nSign up\nEmail address",
        "Previous Post\nTram fares rise\nLeave a Comment",
        "Advertisement",
        "We use cookies to improve your experience.\nAccept all cookies",
    ],
)
def test_each_kind_of_trailing_furniture_is_removed(block):
    assert strip_boilerplate(BODY + "\n\n" + block) == BODY


def test_a_prev_next_teaser_headline_is_removed_even_when_it_ends_with_a_period():
    text = BODY + "\n\nShare this article\nNext Post\n\nCouncil approves budget.\n\nLeave a Reply"
    assert strip_boilerplate(text) == BODY


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to give you the best experience on our website.",
        "By continuing to use this site you agree to our use of cookies.",
        "Manage consent preferences",
        "Reject all",
        "We value your privacy",
        "Read more: Tram fares rise again in the capital",
        "RELATED: Museum reopens after flood damage",
    ],
)
def test_cookie_consent_and_story_link_lines_are_dropped_wherever_they_stand(line):
    assert strip_boilerplate(BODY + "\n\n" + line + "\n\n" + LAST) == BODY + "\n\n" + LAST


@pytest.mark.parametrize(
    "line",
    [
        "By using the app, riders agree to its privacy policy, which the union called unreadable.",
        "Read more: the full report runs to 400 pages, the clerk said.",
        "The ferry company said it would accept all applications submitted before the deadline.",
    ],
)
def test_sentences_that_only_mention_cookies_consent_or_reading_more_are_kept(line):
    text = BODY + "\n\n" + line + "\n\n" + LAST
    assert strip_boilerplate(text) == text


def test_a_paragraph_after_a_marker_like_line_means_nothing_is_cut():
    text = BODY + "\n\nRead more\n\n" + LAST
    assert strip_boilerplate(text) == text


def test_a_short_final_sentence_after_a_marker_is_kept():
    text = BODY + "\n\nRelated\n\nThe vote is on Friday."
    assert strip_boilerplate(text) == text


def test_an_advertisement_slot_inside_the_article_is_dropped_and_the_paragraphs_around_it_kept():
    assert strip_boilerplate(BODY + "\n\nAdvertisement\n\n" + LAST) == BODY + "\n\n" + LAST


@pytest.mark.parametrize(
    "text",
    [
        "Officials did not share the report with the press on Friday, the union said.",
        BODY + "\n\nShare prices fell by 3% after the vote, and analysts expect a further fall this week.",
        BODY + "\n\nShare this article with anyone who still relies on the ferry, the campaign group urged on Monday.",
    ],
)
def test_the_word_share_inside_an_article_is_kept(text):
    assert strip_boilerplate(text) == normalize(text)


@pytest.mark.parametrize(
    "glued, kept",
    [
        ("Read nextThe council voted on Monday.", "The council voted on Monday."),
        ("Read nextU.S. Special Envoy Anna Berg arrived on Monday.", "U.S. Special Envoy Anna Berg arrived on Monday."),
        ("Read next: The council voted.", "The council voted."),
        ("Read next The council voted.", "The council voted."),
        ("Read more about the vote below, the clerk said.", "Read more about the vote below, the clerk said."),
        ("Read More Books, Library Urges\n\nThe library said.", "Read More Books, Library Urges\n\nThe library said."),
        ("Read more\n\nThe council voted.", "The council voted."),
    ],
)
def test_navigation_glued_to_the_lead_is_removed_but_the_sentence_is_kept(glued, kept):
    assert strip_boilerplate(glued) == kept


def test_navigation_glued_to_the_last_sentence_is_removed():
    assert strip_boilerplate(BODY + "Read next") == BODY


def test_whitespace_and_line_endings_are_normalized():
    assert strip_boilerplate("  First line.  \r\n\r\n\r\n\r\nSecond line.\r\n") == "First line.\n\nSecond line."


def test_unicode_is_normalized_to_nfc():
    assert strip_boilerplate("Cafe\u0301 owners met.") == "Caf\u00e9 owners met."
