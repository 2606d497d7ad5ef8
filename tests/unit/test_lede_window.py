"""An article's start read for its lede ends where a line ends, so page furniture is judged on whole lines: a
standfirst above a caption the window would cut in two is still furniture, not the lede (texts written for the test)."""

from __future__ import annotations

from knowledge.brief.members import LEDE_CHARS, LEDE_LINE_CHARS, lede_window
from knowledge.brief.sentences import lede_sentences

HEAD = "Galen port owners reject the union's offer"
STANDFIRST = "The owners criticised the union's offer. Their chief said the strike would cost the city dear."
CAPTION = (
    "Port chief Ana Ruiz takes part in a hearing of the city council on the future of the port in Galen, Nordland "
    "March 3, 2025."
)
LEAD = "The owners of Galen's port turned down the dockers' latest offer on Tuesday, union officials said."


def _page(pad: int) -> str:
    lines = [HEAD, "", HEAD, "", "City Courier" + " " * pad, "", STANDFIRST, "", CAPTION, "", LEAD, "", LEAD * 5]
    return "\n".join(lines)


def test_the_lede_window_ends_where_the_line_it_would_cut_ends_and_the_standfirst_above_it_is_no_lede():
    text = _page(LEDE_CHARS - len(_page(0).split(CAPTION)[0]) - 60)  # the caption line runs across LEDE_CHARS
    assert text.index(CAPTION) < LEDE_CHARS < text.index(CAPTION) + len(CAPTION)
    window, whole = lede_window(text[: LEDE_CHARS + LEDE_LINE_CHARS])
    assert window.endswith(CAPTION) and whole
    found = [s.text for s in lede_sentences(window, HEAD, most=3, whole=whole)]
    assert not any(STANDFIRST.startswith(s) or CAPTION.startswith(s) for s in found)


def test_a_window_whose_line_runs_on_past_the_read_is_cut_as_before_and_not_whole():
    read = "x" * (LEDE_CHARS + LEDE_LINE_CHARS)
    assert lede_window(read) == (read[:LEDE_CHARS], False)
    assert lede_window("Short article.\nIt ends here.") == ("Short article.\nIt ends here.", True)
