"""The well-formedness check and the sentence finder every summary line goes through."""

from __future__ import annotations

import pytest

from knowledge.brief.sentences import clause_cuts, is_furniture, lede_sentences, sentence_around
from knowledge.text.wellformed import coordinated_past, form_problems


@pytest.mark.parametrize(
    "fragment",
    [
        "Novak was absent from’s talks in Vienna and’s meetings in Graz",  # words deleted before a possessive
        "the meeting as a",  # cut after an article
        "gratitude for the hospitality and the dinner",  # a noun phrase, no verb
        "that the council improperly accessed its servers and",  # cut after a conjunction
        "Berger says the fares ''are too high",  # two apostrophes for a quote mark
        "Berger says “the fares are too high",  # an unclosed quote
        "The of Harbour Affairs has criticised the port's owners",  # a page lost the article's noun
        "Officials said a and the other crews would return on Monday",  # an article with nothing after it
        "Berger says: “So we said, ‘Well, let’s work together on the fares, and maybe",  # ‘ cut before its ’
    ],
)
def test_a_fragment_fails_the_check(fragment):
    assert form_problems(fragment)


def test_a_lede_read_again_is_the_same_and_a_caller_changing_its_list_does_not_change_the_next_read():
    text = "Galen port reopens\n\nThe port of Galen reopened on Monday, its owners said. Ships queued outside."
    first = lede_sentences(text, "Galen port reopens", most=3)
    assert first, "the article has sentences"
    first.clear()
    again = lede_sentences(text, "Galen port reopens", most=3)
    assert [s.text for s in again] == [s.text for s in lede_sentences(text + " ", "Galen port reopens", most=3)]
    assert [s.text for s in again if s.index == 0] == ["The port of Galen reopened on Monday, its owners said."]


@pytest.mark.parametrize(
    "line",
    [
        "The port authority has closed the northern quay to container ships, citing storm damage",
        "Berger says the fares are too high",
        "Lindqvist claims to have met the minister twice",
        "Analysts expect the strike to last a week",
        "It’s time to renegotiate the contract",
        "The minister of trade said a to-do list was on the table",  # "a to-do" is a noun, "of trade" follows one
        "Plan A and Plan B were both rejected by the union",  # a capital "A" names a plan
        "Berger said the crews’ ‘final offer’ was rejected on Monday",  # a closed single quote, an apostrophe
        "Harbour Lines and Quay Freight sued the port authority on Friday",  # a short regular past: "sued"
        "Two dockers died in the fire at the northern quay",
    ],
)
def test_a_sentence_or_a_framed_clause_passes(line):
    assert not form_problems(line, infinitive=True), form_problems(line, infinitive=True)


def test_the_sentence_around_a_span_drops_the_dateline_and_knows_the_lede():
    text = "Port strike ends\nLINDENPORT (Harbor Wire) - The dockers' union ended its strike on Friday. Talks go on."
    at = text.index("ended")
    found = sentence_around(text, 0, at, at + 5, title="Port strike ends")
    assert found is not None
    assert found.text == "The dockers' union ended its strike on Friday."
    assert text[found.start : found.end] == found.text
    assert found.index == 0
    title = sentence_around(text, 0, 0, 4, title="Port strike ends")
    assert title is not None and title.index == -1


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Gov. J. Berger of the U.S. Navy said the quay would reopen. He left."
    found = sentence_around(text, 0, 30, 40)
    assert found is not None and found.text == "Gov. J. Berger of the U.S. Navy said the quay would reopen."


def test_a_long_sentence_is_cut_only_between_clauses():
    text = "The union accepted the offer on Friday, and the first ships were unloaded within hours"
    assert clause_cuts(text) == ["The union accepted the offer on Friday"]
    assert clause_cuts("If the offer stands, the union will accept it") == []


def test_a_page_date_stamp_or_a_share_prompt_is_furniture_not_a_line():
    assert is_furniture("The Wire reports date 2025-05-07 Dockers voted to end the strike")
    assert is_furniture("Share this article")
    assert not is_furniture("Dockers voted on 7 May to end the strike")


def test_a_lede_opening_on_a_page_date_stamp_and_a_dateline_is_quoted_without_them():
    text = "date 2025-05-07 LINDENPORT (AP) — The dockers' union ended its strike on Friday. Talks go on."
    found = sentence_around(text, 0, text.index("ended"), text.index("ended") + 5)
    assert found is not None and found.text == "The dockers' union ended its strike on Friday."
    assert found.index == 0


def test_a_credit_in_brackets_closing_a_sentence_is_not_quoted():
    text = "The port reopened on Monday. (Reporting by Nora Feld; Editing by Piet Ahlers)"
    found = sentence_around(text, 0, 4, 8)
    assert found is not None and found.text == "The port reopened on Monday."


@pytest.mark.parametrize("dash", ["―", "−"])  # a horizontal bar; a minus sign, as some outlets' pages print it
def test_a_dateline_before_a_horizontal_bar_or_a_minus_sign_is_not_quoted(dash):
    text = f"LINDENPORT {dash} The dockers' union ended its strike on Friday. Talks go on."
    found = sentence_around(text, 0, text.index("ended"), text.index("ended") + 5)
    assert found is not None and found.text == "The dockers' union ended its strike on Friday."


def test_the_lede_under_a_repeated_headline_and_its_standfirst_is_the_stories_first_sentence():
    headline = "Galen port reopens after a week of talks"
    standfirst = "The port of Galen reopened on Monday after talks with the dockers' union"
    lead = "The port of Galen reopened on Monday after a week of talks between its owners and the dockers' union ended."
    text = f"{headline}\n\n{headline}\n{standfirst}\n\n- Updated May 5, 2025 8:22 AM\n{lead} Ships queued outside.\n"
    found = lede_sentences(text, headline, most=3)
    assert found, "the article has sentences"
    body = [s for s in found if s.index is not None and s.index >= 0]
    assert body[0].text == lead and body[0].index == 0
    assert text[body[0].start : body[0].end] == body[0].text


def test_a_lede_sentence_cut_by_the_end_of_the_window_read_is_left_out_not_quoted_cut():
    headline = "Galen port reopens"
    lead = "The port of Galen reopened on Monday after a week of talks, its owners said."
    second = "Dockers' leader Ana Voss on Tuesday said her union has the votes it needs to end the strike for good."
    text = f"{headline}\n\n{lead} {second}"
    window = text[: text.index("has the votes") + len("has")]  # the read stops inside the second sentence
    found = lede_sentences(window, headline, most=3, whole=False)
    assert found, "the lede ends inside the window"
    assert [s.text for s in found if s.index is not None and s.index >= 0] == [lead]
    assert [s.text for s in lede_sentences(text, headline, most=3) if s.index == 1] == [second]


@pytest.mark.parametrize(
    "line",
    [
        "Harbor chief Ana Voss claimed credit for ending a near-strike at the nuclear-armed northern quay",
        "Port officials warned of a long and costly stoppage at the northern quay",
        'Port officials say him of "crimes connected with the strike."; Voss denies it',
    ],
)
def test_a_noun_phrase_under_a_reporting_verb_is_no_statement(line):
    assert any("no clause" in p for p in form_problems(line))


@pytest.mark.parametrize(
    "line",
    [
        "“We will reopen the quay,” Voss said on Monday",
        "It was, Voss said, the worst week the port has had",
        "Voss said on Monday that the port would reopen",
        "The union told members in a letter that the vote was set for Friday",
        "The port board said the offer by the Galen carrier grossly undervalues the quay",
    ],
)
def test_a_reporting_verb_with_a_clause_or_a_quote_passes(line):
    assert not form_problems(line)


def test_a_participle_after_a_possessive_and_an_adverb_is_no_verb_a_past_tense_after_a_name_is():
    assert form_problems("The latest example: Galen Foods' newly unsealed complaint against its former partner")
    assert not form_problems("Galen Foods' lawyers filed the complaint against its former partner")


def test_cannot_is_a_finite_verb():
    assert not form_problems("The board cannot accept the count")


def test_a_line_pointing_back_at_the_article_it_came_from_is_not_well_formed():
    assert form_problems("This follows the council blocking the port operator's offer for the quay on Friday")
    assert form_problems("The move comes nearly a year after Norvik first offered to buy the operator")
    assert form_problems("2025 - Norvik and Quayline sued the council on Monday over the ruling")
    assert not form_problems("This year the council blocked the port operator's offer for the quay")
    assert not form_problems("The council blocked the port operator's offer for the quay on Friday")
    assert form_problems("Such a letter comes as the port's efforts were criticised", opening=False)
    assert not form_problems("the council blocked the offer a year after the move", opening=False)


def test_a_key_points_box_gives_its_items_as_sentences_without_their_bullet_marks():
    from knowledge.brief.sentences import sentences_of

    window = (
        "Key points\n• Halvard filed an appeal on Monday.\n- The court ruled on Friday.\nPrices rose 5 - 6 percent."
    )
    texts = [s.text for s in sentences_of(window, 0)]
    assert "Halvard filed an appeal on Monday." in texts
    assert "The court ruled on Friday." in texts
    assert "Prices rose 5 - 6 percent." in texts  # a dash inside a sentence is no list mark
    assert not any(t.startswith(("•", "- ")) for t in texts)


def test_a_bracket_opened_and_never_closed_is_no_line():
    assert form_problems("Voss called for rallies to review the result this Tuesday (30")
    assert not form_problems("Voss called for rallies to review the result this Tuesday (30)")
    assert form_problems("The council met) on Friday to vote on the port")


def test_a_clause_a_frame_wraps_must_not_open_on_its_verb():
    assert form_problems("makes the links for other payments unusable", opening=False)
    assert form_problems("was leaving the port authority at the end of May", opening=False)
    assert not form_problems("the fee makes the links for other payments unusable", opening=False)
    assert not form_problems("plans for a second terminal are on hold", opening=False)


def test_a_sentence_about_the_statement_before_it_cannot_be_read_alone():
    assert form_problems("The statement primarily seems to concern an article in the Harbor Ledger")
    assert not form_problems("The union's statement concerned an article in the Harbor Ledger")


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        ("the request for an injunction and ruled in favour of the operators", True),
        ("the motion but later withdrew it", True),
        ("the charges and met the mayor", True),
        ("the request for an injunction and a hearing", False),
        ("the ruling and its reasons", False),
    ],
)
def test_a_second_past_verb_joined_to_an_object_is_found(words, joined):
    assert coordinated_past(words) is joined


def test_a_past_verb_joined_inside_a_reported_clause_is_the_clause_s_own():
    assert coordinated_past("the operators had written the report and left the port") is False


@pytest.mark.parametrize(
    ("words", "refused"),
    [
        ("what it called an attempt by the owners to make the port's cranes free for every shipper", True),
        ("what the union described as a campaign of intimidation against its stewards", True),
        ("what he called a witch hunt was over and the harbour board should apologise", False),
    ],
)
def test_a_speaker_s_label_for_a_noun_phrase_is_no_statement(words, refused):
    problems = form_problems(words, opening=False)
    assert any("label" in p for p in problems) is refused


def test_a_date_alone_before_a_dash_is_a_dateline_and_not_quoted():
    text = "January 9, 2025 - The dockers' union and the port owners sued the harbour board on Monday. Talks go on."
    found = sentence_around(text, 0, text.index("sued"), text.index("sued") + 4)
    assert (
        found is not None and found.text == "The dockers' union and the port owners sued the harbour board on Monday."
    )


def test_a_text_that_stops_inside_a_word_is_no_line():
    assert form_problems("the harbour master promised that, as costly as these d", opening=False)
    assert not form_problems("The harbour master promised that the quay would open again by May", opening=False)
