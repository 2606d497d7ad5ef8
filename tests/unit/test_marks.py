"""A trimmed span never leaves a quotation mark unpaired."""

from knowledge.extract.parse.marks import balance


def cut(text, words):
    s = text.index(words)
    return text[slice(*balance(text, s, s + len(words)))]


def test_a_quote_closing_the_span_keeps_its_closing_mark():
    assert cut("The talks had been “constructive and fast”, she said.", "had been “constructive and fast") == (
        "had been “constructive and fast”"
    )


def test_a_quote_opening_before_the_span_gets_its_opening_mark():
    assert cut("He called it “a plan that works” on Monday.", "a plan that works”") == "“a plan that works”"


def test_a_balanced_span_is_left_alone():
    assert cut("She said “yes” and left.", "said “yes” and left") == "said “yes” and left"


def test_straight_quotes_are_balanced_too():
    assert cut('The aim was "a fair deal" for all.', 'was "a fair deal') == 'was "a fair deal"'
