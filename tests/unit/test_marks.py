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


def test_a_curly_opener_closed_by_a_straight_mark_is_one_pair_and_the_span_keeps_both():
    """Pages mix marks ('on “no hard proof" against'): the pair is a quote, as the quote finder reads it."""
    text = 'The port slammed his remarks on “no hard proof" against the union. He called it "cavalier".'
    span = 'his remarks on “no hard proof" against the union'
    assert cut(text, span) == span
    mixed = 'She called the plan "a costly mistake” on Monday.'
    assert cut(mixed, 'the plan "a costly mistake” on Monday') == 'the plan "a costly mistake” on Monday'


def test_a_mixed_pair_cut_by_the_span_is_completed_with_its_own_closer():
    text = 'The port slammed his remarks on “no hard proof" against the union.'
    assert cut(text, "his remarks on “no hard proof") == 'his remarks on “no hard proof"'


def test_straight_quotes_nested_in_a_curly_quote_pair_among_themselves():
    text = 'She wrote: “He said "no" to the plan twice,” and left.'
    assert cut(text, 'He said "no" to the plan twice') == 'He said "no" to the plan twice'
