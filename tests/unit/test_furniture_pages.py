"""Page furniture on the shapes real news pages give (every text here is written for the test, none is copied):
each rule's own example, then the layouts no single line shows — a repeated headline and its standfirst, a caption
above its credit, a teaser printed twice, an author box, a transcript, a text wrapped at a fixed width."""

from __future__ import annotations

import pytest

from knowledge.text.furniture import furniture_ranges, mask, no_response_ranges, nonbody_ranges
from knowledge.text.furniture_lines import LINE
from knowledge.text.furniture_rules import INLINE, START, Rule


def _masked(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in furniture_ranges(text)]


@pytest.mark.parametrize("rule", LINE, ids=lambda r: r.example[:40])
def test_each_line_rule_masks_its_example_line(rule: Rule):
    text = f"Port reopens\n\nThe port reopened on Monday after a week of talks, officials said.\n{rule.example}\n"
    assert rule.example in _masked(text)


@pytest.mark.parametrize("rule", START + INLINE, ids=lambda r: r.example[:40])
def test_each_start_and_inline_rule_masks_only_its_part(rule: Rule):
    text = f"Port reopens\n\n{rule.example}"
    assert [m.strip() for m in _masked(text)] == [rule.masks.strip()]


def test_a_rule_without_a_known_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kind"):
        Rule("sidebar", "line", "x", "x")


def test_the_repeated_headline_and_the_standfirst_under_it_are_masked_the_lead_is_not():
    text = (
        "Dockers end strike at Galen after pay deal\n\nNews\n\nDockers end strike at Galen after pay deal\n\n"
        "The union said the deal gave its members a 6% rise over two years.\n\nAna Ruiz\n\n"
        "GALEN: Dockers at the port of Galen voted on Monday to end a month-long strike, the union said, after "
        "the owners raised their offer.\n"
    )
    masked = _masked(text)
    assert "The union said the deal gave its members a 6% rise over two years." in masked
    assert "GALEN: " in masked and not any("voted on Monday" in m for m in masked)


def test_a_standfirst_glued_after_a_date_marker_and_the_headline_goes_with_them():
    text = (
        "Galen port owners refuse union talks\n\n date 2025-03-07 Galen port owners refuse union talks The owners "
        "said they would not meet the union until the strike ends. The union called this a lockout in all but "
        "name and vowed to picket the gates every day until then.\n\nGalen:\n\n"
        "The owners of Galen's port said on Friday they would not negotiate with striking dockers while the gates "
        "stayed closed.\n"
    )
    masked = "".join(_masked(text))
    assert "would not meet the union" in masked and "Galen:" in masked
    assert "would not negotiate" not in masked


def test_the_first_paragraph_under_a_repeated_headline_is_kept_when_it_is_the_lead():
    lead = (
        "Dockers at the port of Galen voted on Monday to end a month-long strike after the owners raised their pay "
        "offer to 6% over two years, union officials told reporters at the gates."
    )
    text = f"Dockers end strike at Galen after pay deal\n\nDockers end strike at Galen after pay deal\n\n{lead}\n\nMore text follows here.\n"
    assert lead not in "".join(_masked(text))


def test_a_caption_above_its_photo_credit_is_masked_a_paragraph_above_a_hat_tip_is_not():
    caption = "Dockers picket the gates of the port in Galen on Monday."
    text = f"Port strike\n\nThe strike began a month ago.\n\n{caption}\n(Ana Ruiz/AP)\n\nTalks resume on Friday.\n"
    assert caption in _masked(text)
    body = "The union's leader told a radio station that the owners had not called."
    assert body not in _masked(f"Port strike\n\n{body}\n\nh/t Harbour Radio.\n")


def test_a_caption_shown_twice_and_a_paragraph_printed_twice_lose_their_extra_copies():
    caption = "FILE PHOTO: A ferry leaves the port of Galen, March 3, 2025. REUTERS/Ana Ruiz/File Photo"
    lead = "GALEN (AP) — The owners of Galen's port reaffirmed on Thursday that they want to sell it to a rival."
    text = f"Port sale\n\n{caption}\n{lead}\n\nSome text.\n\n{caption}\n\n{lead}\n\nThe sale needs approval.\n"
    masked = _masked(text)
    assert masked.count(caption) == 2 and lead in masked
    last = text.rindex("The owners of Galen's port")
    assert not any(s <= last < e for s, e, _ in furniture_ranges(text)), "the copy in the story stays"


def test_an_author_box_at_the_end_is_masked_to_the_last_line():
    text = (
        "Port strike\n\nDockers walked out on Monday.\n\nAbout the Author\n\nAna Ruiz\nSenior Editor, Harbour Weekly\n\n"
        "Ana Ruiz covers ports and shipping. She joined Harbour Weekly in 2019 after ten years at a daily paper.\n"
    )
    masked = "".join(_masked(text))
    assert "joined Harbour Weekly" in masked and "Dockers walked out" not in masked


def test_a_transcripts_speaker_labels_and_a_headlines_colon_are_kept():
    text = (
        "Ruiz: Port 'Must Reopen Now'\n\nRuiz spoke to the host on Sunday about the strike at the port and what it "
        "costs the town every day.\n\nHOST: Will the port reopen this week?\n\nRUIZ: It must reopen now.\n"
    )
    assert nonbody_ranges(text) == []


def test_short_lines_of_a_text_wrapped_at_a_fixed_width_or_cut_off_are_kept():
    text = (
        "Port sale\n\n“We\nare continuing to pursue a friendly deal with the owners,” the chairman told\n"
        "reporters in Galen. The port has more than 2,000 workers and more than\n"
        "80 cranes. In 2023, the port\n"
    )
    assert nonbody_ranges(text) == []


def test_a_sub_headline_between_paragraphs_is_masked():
    text = "Port strike\n\nDockers walked out on Monday.\n\nWhat the owners offered\n\nThe owners offered 4%.\n"
    assert _masked(text) == ["What the owners offered"]


def test_a_dash_inside_a_word_is_no_dateline():
    for text in ("Port talks\n\nUS-Iran talks resumed in Galen on Monday.", "Talks\n\nIndeed, AFL-\nCIO leaders met."):
        assert nonbody_ranges(text) == []


def test_no_response_is_not_masked_for_the_parser_but_reported_for_extraction():
    sentence = "Galen Ports did not immediately respond to a request for comment."
    text = f"Port strike\n\nDockers walked out on Monday, the union said. {sentence}\n"
    assert nonbody_ranges(text) == []
    ((s, e),) = no_response_ranges(text)
    assert text[s:e] == sentence


def test_a_party_that_has_not_answered_a_proposal_is_news_not_furniture():
    text = "Port strike\n\nThe owners have not responded to the union's proposal, which expires on Friday.\n"
    assert no_response_ranges(text) == [] and nonbody_ranges(text) == []


def test_a_ticker_inside_a_sentence_is_blanked_and_every_offset_holds():
    text = "Port sale\n\nGalen Ports (GLP.N), opens new tab said on Monday it would sell the port."
    masked = mask(text)
    assert len(masked) == len(text) and "GLP" not in masked and "opens new tab" not in masked
    assert masked.index("said on Monday") == text.index("said on Monday")


def test_a_caption_printed_again_with_its_agency_glued_at_the_end_is_masked_both_times():
    caption = "The harbour master of Galen reads the port's notice to the dockers on Friday"
    text = f"Port reopens\n\n{caption}\n{caption} AFP\n\nThe port of Galen reopened on Monday after a week of talks.\n"
    masked = _masked(text)
    assert caption in masked and f"{caption} AFP" in masked
    assert not any("reopened on Monday" in m for m in masked)


def test_a_pointer_to_what_follows_closing_a_paragraph_is_masked_the_paragraph_is_not():
    text = "Port talks fail\n\nThe port owners withdrew their offer on Monday. Keep reading for the full statement.\n"
    assert _masked(text) == ["Keep reading for the full statement."]


def test_a_caption_between_the_headline_and_a_wire_credit_is_masked_the_wire_lead_is_not():
    caption = "A ferry at the port of Galen, Nordland, on Monday, May 5, 2025. The port's owner wants to sell it."
    lead = "(Harbor Wire) -- The owners of Galen's port said on Monday they would sell it to a larger rival."
    text = f"Port owner wants to sell\n\n date 2025-05-06 {caption}\n\n{lead}\n\nThe sale needs approval.\n"
    masked = _masked(text)
    assert any(caption in m for m in masked)
    assert "The owners of Galen's port said on Monday they would sell it to a larger rival." in mask(text)


def test_a_paragraph_above_a_wire_credit_deep_in_the_story_is_kept():
    text = (
        "Port owner wants to sell\n\nThe owners of Galen's port said on Monday they would sell it.\n\n"
        "The dockers' union said it would fight the sale.\n\nThe town council met on Tuesday.\n\n"
        "Its members voted to ask for talks.\n\n(Harbor Wire) -- A second buyer came forward on Wednesday.\n"
    )
    assert "The dockers' union said it would fight the sale." in mask(text)


def test_teaser_headlines_closing_the_page_are_masked_a_question_among_them_too():
    question = "Why did the harbour master of Galen quit: what went wrong at the port?"
    text = (
        "Port reopens\n\nThe port of Galen reopened on Monday after a week of talks, officials said.\n\n"
        f"{question}\n\nTram fares rise again across the northern towns\n\nFerry sa\n"
    )
    assert question in _masked(text)


def test_a_question_closing_an_article_is_kept():
    question = "Will the port of Galen reopen before the summer season starts?"
    text = (
        f"Port talks\n\nThe owners and the union met on Monday but agreed on nothing, officials said.\n\n{question}\n"
    )
    assert question in mask(text)


def test_another_storys_teaser_above_the_lead_is_masked_a_standfirst_of_this_story_is_not():
    lead = (
        "Galen Ports says it remains committed to buying the Varna terminal after its owner turned down the offer on "
        "Friday, and will keep talking to the terminal's board."
    )
    teaser = (
        "Mayor faces growing calls to resign over tram contract\n"
        "Mayor Tomas Berger will face growing calls from his own council this week to resign over the tram contract."
    )
    text = f"Galen Ports still wants Varna terminal, outlines its case\n\n{teaser}\n{lead}\n"
    masked = _masked(text)
    assert teaser.split("\n") == masked[:2] and lead not in masked
    own = "Talks with the Varna owner resume\nGalen Ports will resume talks with the Varna terminal's owner next week."
    kept = f"Galen Ports still wants Varna terminal, outlines its case\n\n{own}\n{lead}\n"
    assert own.split("\n")[1] not in _masked(kept)


def test_a_trade_papers_closing_ranking_tag_is_masked_a_ranking_someone_reports_is_not():
    body = "The retailer said on Monday it would open 40 stores next year, most of them on the coast."
    tag = "Galen Foods Inc. is No. 3 on the 2025 Shop News Top 100 report. Harbor Mart ranks No. 9 on the list."
    assert tag in _masked(f"Galen Foods to open 40 stores\n\n{body}\n\n{tag}\n")
    told = "Galen Foods is No. 3 in the market, the chain's chief told analysts, citing the latest industry report."
    assert told not in _masked(f"Galen Foods to open 40 stores\n\n{body}\n\n{told}\n")


def test_a_sale_pitch_line_is_masked_a_sentence_about_a_discount_is_not():
    body = "The retailer said on Monday it would open 40 stores next year, most of them on the coast."
    pitch = "⭐ Smart savers know when to buy! Up to 40% off HarborPlus before the WINTER SALE"
    news = "Shops in Galen offered up to 40% off winter coats as sales slowed, the traders' guild said."
    masked = _masked(f"Retailer opens stores\n\n{pitch}\n\n{body}\n\n{news}\n")
    assert pitch in masked and news not in masked
