"""Captions, credits, teasers and lead-ins on shapes real pages give, each beside the article sentence of the same
look that must be kept (every text here is written for the test): a caption under its photo credit, a caption
glued to the lead, a long caption closed by its photographer's credit, a column teaser with a capitals byline,
embeds the page lost, a standfirst under a byline."""

from __future__ import annotations

from knowledge.text.furniture import MAX_LINE, furniture_ranges, no_response_ranges

HEAD = "Galen port stays shut"
LEAD = "The port of Galen stayed shut on Tuesday as dockers picketed the gates for a second day, union officials said."
AFTER = "Talks between the union and the owners are due to resume on Thursday in the city hall, the mayor said."


def _masked(text: str) -> list[str]:
    return [text[s:e].strip() for s, e, _ in furniture_ranges(text)]


def _page(*lines: str) -> str:
    return "\n\n".join((HEAD, *lines)) + "\n"


def test_a_dateline_written_with_a_minus_sign_is_masked_like_one_with_a_dash():
    text = _page("GALEN − Dockers at the port walked out on Monday after talks with the owners broke down.", AFTER)
    assert _masked(text) == ["GALEN −"]


def test_a_caption_under_its_photo_credit_in_the_present_tense_is_masked_a_lead_in_the_past_is_not():
    caption = "Port chief Ana Ruiz speaks to dockers at the gate of the depot in Galen."
    masked = _masked(_page("Tom Berg/AP Photo", caption, LEAD, AFTER))
    assert caption in masked and LEAD not in masked
    lead = "Port chief Ana Ruiz told dockers at the gate on Monday that the owners had refused to meet."
    assert lead not in _masked(_page("Tom Berg/AP Photo", lead, AFTER))


def test_a_dated_caption_glued_to_the_lead_under_a_credit_is_masked_alone():
    caption = "A union banner is seen outside the depot in Galen, Nord., on Sept. 16."
    lead = (
        "The owners of Galen's port sued the union today in a last attempt to end a strike that has shut the port "
        "for a month, after talks broke down last week over pay and the hiring of casual crews at the quays."
    )
    masked = _masked(_page("WIRE/TOM BERG/FILE PHOTO", f"{caption} {lead}", AFTER))
    assert caption in masked and not any("sued the union" in m for m in masked)


def test_a_caption_closed_by_its_agency_and_photographer_is_masked():
    caption = "A ferry sign is displayed at the quay in Galen, Nordland. AP/Tom Berg"
    assert caption in _masked(_page(LEAD, caption, AFTER))


def test_a_wire_caption_closed_by_the_day_and_then_the_place_is_masked_a_sentence_with_on_is_not():
    caption = "Ana Ruiz, chair of the port board, speaks during a press conference, March 4, 2025, in Galen."
    assert caption in _masked(_page(LEAD, caption, AFTER))
    told = "The board met the union, the mayor said, and will meet it again on March 4, 2025, in Galen."
    assert told not in _masked(_page(LEAD, told, AFTER))


def test_a_caption_longer_than_a_paragraph_closed_by_a_photographers_credit_is_masked():
    caption = (
        "Port chief Ana Ruiz speaks to dockers at the gate of the depot in Galen on Monday, March 3, 2025. "
        "Records show that the owners asked the city twice for police at the gates during the strike last winter, "
        "and that the city turned down both requests after the union complained to the council about the cost of "
        "the extra shifts and the damage the vans did to the quay.(Tom Berg/Galen Courier/Harbor Wire)"
    )
    assert len(caption) > MAX_LINE
    assert caption in _masked(_page(LEAD, caption, AFTER))
    said = (
        "Port chief Ana Ruiz spoke to dockers at the gate of the depot in Galen on Monday. Records show that the "
        "owners asked the city twice for police at the gates during the strike last winter, and that the city "
        "turned down both requests after the union complained to the council about the cost of the extra shifts "
        "(a cost the council put at two million crowns)."
    )
    assert said not in _masked(_page(LEAD, said, AFTER))


def test_a_column_teaser_with_its_writer_in_capitals_is_masked_a_sentence_quoting_a_person_is_not():
    teaser = "This strike is about more than pay, says ANA RUIZ – it shows what dockers can stop"
    assert teaser in _masked(_page(LEAD, AFTER, teaser))
    quoted = "The strike is about more than pay, says Ana Ruiz, who chairs the dockers' union in Galen"
    assert quoted not in _masked(_page(LEAD, quoted, AFTER))


def test_a_channel_invitation_and_a_pitch_closed_by_its_link_are_masked_an_invitation_in_a_story_is_not():
    channel = "Join our new verified Harbor Wire channel on Telegram and get the port news first!"
    pitch = "We are back in print. We hope you will read along. Learn more"
    masked = _masked(_page(channel, pitch, LEAD, AFTER))
    assert channel in masked and pitch in masked
    invite = "The union asked residents to join its march to the city hall on Saturday, the mayor said."
    assert invite not in _masked(_page(LEAD, invite, AFTER))


def test_a_company_name_line_ending_in_a_designator_is_masked_a_sentence_ending_in_one_is_not():
    label = "Galen Harbour Holdings Inc."
    masked = _masked(_page(label, LEAD, AFTER))
    assert label in masked and LEAD not in masked
    sentence = "The terminal was sold last year to Galen Harbour Holdings Inc."
    assert sentence not in _masked(_page(LEAD, sentence, AFTER))


def test_lead_ins_one_under_another_whose_embeds_were_lost_are_masked_one_followed_by_its_quote_is_kept():
    leads = [
        "Following the ruling, port chief Ana Ruiz released the following statement on social media:",
        "Union leader Tom Berg posted the following on social media today regarding the ruling:",
    ]
    masked = _masked(_page(LEAD, *leads, AFTER))
    assert all(lead in masked for lead in leads) and AFTER not in masked
    quoted = _masked(_page(LEAD, leads[1], "“We will be back at the gates on Monday,” he wrote.", AFTER))
    assert leads[1] not in quoted
    told = ["The mayor listed what the city asked of the owners:", "The union listed what it asked of the city:"]
    assert not any(t in _masked(_page(LEAD, *told, AFTER)) for t in told)


def test_a_standfirst_under_a_byline_below_the_repeated_headline_is_masked_when_a_caption_follows_it():
    standfirst = "The union criticised the owners' offer. Its chief said the strike would go on."
    caption = "Dockers picket the gates of the port in Galen, Nordland March 3, 2025."
    masked = _masked(_page("Harbor Wire", HEAD, "City Courier", standfirst, caption, LEAD, AFTER))
    assert standfirst in masked and caption in masked and LEAD not in masked


def test_a_short_lead_under_a_byline_below_the_repeated_headline_is_kept():
    lead = "Galen's port owners have filed two lawsuits against the dockers' union and its chief, Tom Berg."
    masked = _masked(_page("Harbor Wire", HEAD, "Written by Ana Ruiz", lead, AFTER))
    assert lead not in masked


def test_an_outlet_saying_it_asked_for_a_statement_is_no_response_an_actor_reaching_out_for_talks_is_news():
    asked = "The Ledger reached out to the port for a statement from its chief and will update this story."
    text = _page(LEAD, f"{asked} The union said it would picket again on Friday.", AFTER)
    assert [text[s:e] for s, e in no_response_ranges(text)] == [asked]
    talks = "The union reached out to the owners for talks on Monday, its leader said."
    assert no_response_ranges(_page(LEAD, talks, AFTER)) == []


def test_a_news_paragraph_with_a_read_more_link_glued_to_it_is_kept():
    glued = "The union said it would picket the gates again on Monday. Read more"
    assert glued not in _masked(_page(LEAD, glued, AFTER))
