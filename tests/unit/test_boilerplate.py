"""Page furniture is cut from plain text, and article text never is."""

from knowledge.ingest.boilerplate import strip_boilerplate

BODY = ("Lindenport Council Delays Ferry Repairs\n\nThe council voted on Monday to delay repairs to the old ferry "
        "terminal until the autumn, citing a shortfall in the maintenance budget.\n\nCommuters will keep using the "
        "temporary pier, which officials said would remain open through the summer season.")


def test_a_trailing_share_and_prev_next_block_with_teaser_headlines_is_removed():
    text = BODY + ("\n\nShare this article\nShareable URL\nPrev Post\n\nTram fares rise again in the capital\n\n"
                   "Next Post\n\nMuseum reopens after flood damage\n\nLeave a Reply\n\nYour email address will not be "
                   "published. Required fields are marked *\n\nRead next")
    assert strip_boilerplate(text) == BODY


def test_navigation_glued_to_the_lead_is_removed_but_the_sentence_is_kept():
    assert strip_boilerplate("Read nextThe council voted on Monday.") == "The council voted on Monday."
    assert strip_boilerplate("Read next: The council voted.") == "The council voted."


def test_a_paragraph_after_a_marker_like_line_means_nothing_is_cut():
    text = BODY + "\n\nRead more\n\n" + ("The mayor later said that residents would be consulted before any final "
                                         "decision is taken on the future of the terminal and its staff.")
    assert strip_boilerplate(text) == text


def test_the_word_share_inside_an_article_is_kept():
    text = "Officials did not share the report with the press on Friday, the union said."
    assert strip_boilerplate(text) == text


def test_whitespace_and_line_endings_are_normalized():
    assert strip_boilerplate("  First line.  \r\n\r\n\r\n\r\nSecond line.\r\n") == "First line.\n\nSecond line."
