"""Page furniture left in a stored text is found and masked without moving any offset; article text never is."""

from __future__ import annotations

import pytest

from knowledge.text.furniture import mask, nonbody_ranges

FURNITURE = [
    "Updated 14:32 GMT",
    "Last updated: 2 hours ago",
    "Published 3 March 2025, 09:10",
    "By Nora Feld",
    "By Nora Feld and Piet Ahlers, City Wire",
    "Photo: Workers lay tracks on Market Street (Reuters)",
    "Image caption, Commuters wait at the central stop",
    "Image source, Getty Images",
    "The mayor at the depot on Friday. (AP Photo/Jane Roe)",
    "Ana Cruz at the council on Tuesday. Jane Roe/Reuters",
    "Advertisement",
    "Story continues below advertisement",
    "Read more: Brandt said the old depot would close.",
    "Read next: Tram fares rise again",
    "Related: The council votes on the budget.",
    "Share | Tweet | Email",
    "Share on Facebook",
    "Subscribe to our newsletter",
    "5 min read",
]
BODY = [
    "By the end of the week, the talks had resumed.",
    "By Friday, Kellogg had left the city.",
    "Dudakov told Reuters.",
    "The mayor said she would wait (Reuters).",
    "The photo shows the mayor at the depot, officials said.",
    "Share prices fell by 3% on Monday after the announcement.",
    '"Read more books," the librarian said.',
    "The ferry figures for the first quarter reached the desk of AFP.",
    "The port authority sent its figures to AP.",
    "The union said it would keep reading for the rest of the offer before it votes.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_furniture_line_is_marked_non_body(line):
    text = f"The council met on Monday.\n{line}\nThe vote was close."
    ((s, e),) = nonbody_ranges(text)
    assert text[s:e] == line


@pytest.mark.parametrize("line", BODY)
def test_an_article_sentence_that_looks_like_furniture_is_kept(line):
    assert nonbody_ranges(f"The council met on Monday.\n{line}\nThe vote was close.") == []


def test_a_time_stamp_glued_to_the_first_sentence_is_masked_alone():
    text = "Updated 14:32 GMT The council voted on Monday."
    ((s, e),) = nonbody_ranges(text)
    assert text[e:].startswith("The council")


def test_masking_keeps_every_offset_and_line_break():
    text = "Top line\nPhoto: A quay (Reuters)\nAdvertisement\nThe vote was close."
    masked = mask(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert masked.endswith("The vote was close.") and "Photo" not in masked and "Advert" not in masked
