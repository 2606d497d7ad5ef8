"""The one headline rule that titles, extraction and furniture masking share (knowledge/text/headline.py)."""

from knowledge.extract.pipeline import headline_end
from knowledge.text.furniture import nonbody_ranges
from knowledge.text.headline import MAX_HEADLINE, first_line_headline, is_headline


def test_a_question_a_quoted_headline_and_a_headline_with_its_deck_are_headlines():
    assert is_headline("Who is Keith Kellogg?")
    assert is_headline('Union chief: "We are fighting for our future"')
    assert is_headline("Super PAC haul surges past $1B;")


def test_a_sentence_a_lead_in_and_an_overlong_line_are_not_headlines():
    assert not is_headline("The mayor denied the deal.")
    assert not is_headline("Stop the strike now!")
    assert not is_headline("The minister said:")
    assert not is_headline("In Minsk,")
    assert not is_headline("   ")
    assert is_headline("x" * (MAX_HEADLINE - 1)) and not is_headline("x" * MAX_HEADLINE)


def test_title_extraction_and_teaser_masking_answer_alike_for_one_line():
    for line in ("Who is Keith Kellogg?", "Kellogg denies agreeing to a truce", "The mayor denied the deal."):
        text = f"{line}\n\nThe envoy met the president on Monday."
        title = first_line_headline(text)
        assert (title == line) == (headline_end(text) == len(line)) == is_headline(line)
        teased = f"Body text here.\nRead next\n{line}\n"
        masked = any(
            text_range == (len("Body text here.\nRead next\n"), len("Body text here.\nRead next\n") + len(line))
            for text_range in nonbody_ranges(teased)
        )
        assert masked == is_headline(line)


def test_a_single_line_has_no_headline_above_a_body():
    assert first_line_headline("Kellogg denies agreeing to a truce") is None
