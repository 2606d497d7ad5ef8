"""Page furniture that only a page's layout shows, on shapes met on real pages (every text written for the test):
a press release's title-case sub-headline, another story's headline linked between paragraphs, a caption above a
photographer's credit joined by a dash, a caption closed by a bare agency name, a standfirst glued to the page's
date marker that the lead repeats."""

from __future__ import annotations

from knowledge.text.furniture import furniture_ranges

LEAD = "The port of Galen stayed shut on Tuesday as dockers picketed the gates for a second day, union officials said."
AFTER = "Talks between the union and the owners are due to resume on Thursday in the city hall, the mayor said."


def _masked(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in furniture_ranges(text)]


def test_a_long_title_case_sub_headline_of_a_press_release_is_masked():
    sub = (
        "Union President and Chief Negotiator Ana Ruiz Targeted by Threats and Harassment, Including Local Paper "
        "Printing Her Home Address, Putting Her Family at Risk"
    )
    masked = _masked(f"Joint Statement on the Port Talks\n\n{LEAD}\n\n{sub}\n\n{AFTER}\n")
    assert sub in masked and LEAD not in masked and AFTER not in masked


def test_another_storys_headline_linked_between_paragraphs_is_masked():
    link = "Port owner says it will sell the terminal if the strike goes on past the winter"
    masked = _masked(f"Galen port stays shut\n{LEAD}\n{link}\n{AFTER}\n")
    assert link in masked and LEAD not in masked


def test_a_long_line_without_a_stop_inside_a_paragraph_run_is_kept_when_it_carries_on_below():
    piece = "The port of Galen stayed shut on Tuesday as dockers picketed the gates for a second day and"
    text = f"Galen port stays shut\n{LEAD}\n{piece}\nunion officials said the owners had not called.\n"
    assert piece not in _masked(text)


def test_a_caption_above_a_photographers_dash_credit_is_masked_with_it():
    caption = "Port chief Ana Ruiz fears the strike will cost the city its biggest customer this winter."
    credit = "Tom Berg—Getty Images for City Wire"
    masked = _masked(f"Galen port stays shut\n\n{LEAD}\n\nAna Ruiz\n{caption}\n{credit}\n\n{AFTER}\n")
    assert caption in masked and credit in masked and AFTER not in masked


def test_a_caption_closed_by_a_bare_agency_name_is_masked_a_sentence_naming_the_agency_is_not():
    caption = "Port chief Ana Ruiz was named in a lawsuit filed last week by the owners. Getty"
    masked = _masked(f"Galen port stays shut\n\n{LEAD}\n\n{caption}\n\n{AFTER}\n")
    assert caption in masked
    told = "The owners filed the lawsuit last week, the port's lawyers told Reuters."
    assert told not in _masked(f"Galen port stays shut\n\n{LEAD}\n\n{told}\n\n{AFTER}\n")


def test_a_standfirst_glued_to_the_date_marker_that_the_lead_repeats_is_masked_the_lead_is_not():
    standfirst = "The owners of Galen's port on Monday formally ended their offer to the union."
    lead = "The owners of Galen's port on Monday formally ended their offer to the union and sued its leaders, saying they broke the truce."
    masked = "".join(_masked(f"Port owners sue union\n\n date 2025-03-07 {standfirst}\n\n{lead}\n\n{AFTER}\n"))
    assert standfirst in masked and "sued its leaders" not in masked


def test_a_standfirst_glued_to_the_date_marker_that_the_lead_does_not_repeat_is_kept():
    standfirst = "The owners of Galen's port said they withdrew their offer after talks broke down."
    text = f"Port owners withdraw offer\n\n date 2025-03-07 {standfirst}\n\n{LEAD}\n\n{AFTER}\n"
    assert "withdrew their offer" not in "".join(_masked(text))


def test_a_writers_bio_under_the_byline_is_masked_a_sentence_about_a_reporter_in_the_news_is_not():
    bio = "Ana Ruiz is a senior reporter for City Wire, where she covers ports, shipping and trade."
    assert bio in _masked(f"Galen port stays shut\n\nBy Ana Ruiz\n\n{bio}\n\n{LEAD}\n")
    news = "Tom Berg is a reporter for City Wire who was detained at the port on Monday, his editor said."
    assert news not in _masked(f"Galen port stays shut\n\n{LEAD}\n\n{news}\n\n{AFTER}\n")


def test_a_bare_ticker_after_a_company_name_is_masked_an_acronym_being_introduced_is_not():
    text = (
        "Grocers clash\n\nGalen Foods Co. (GLN) on Tuesday sued Harbor Mart (HRB), saying the National Port Council "
        "(NPC) and the Consejo Nacional de Puertos (CNP) had backed its case.\n"
    )
    masked = [m.strip() for m in _masked(text)]
    assert masked == ["(GLN)", "(HRB)"]


def test_bracketed_capitals_the_story_uses_again_are_a_short_name_not_a_ticker():
    text = "Grocers clash\n\nGalen Foods (GFX) sued on Tuesday. GFX said the rival broke the deal.\n"
    assert _masked(text) == []


def test_a_wire_photos_caption_is_masked_a_sentence_closing_on_a_weekday_and_date_is_not():
    caption = "Dockers take part in a rally at the port of Galen, Nordland May 2, 2025."
    judged = "The owners' offer lapsed, and this is the Harbour Brief for Monday, May 5, 2025."
    masked = _masked(f"Galen port stays shut\n\n{LEAD}\n\n{caption}\n\n{judged}\n\n{AFTER}\n")
    assert caption in masked and judged not in masked


def test_a_bare_wire_ticker_is_masked_initials_with_stops_are_not():
    text = "Grocers clash\n\nGalen Foods GLF.N said J.T. Berg of the U.S. unit would leave.\n"
    assert [m.strip() for m in _masked(text)] == ["GLF.N"]


def test_a_live_blogs_time_stamped_entry_headline_in_title_case_is_kept():
    entry = "9:12PM Harbour Chief Says The Port Will Reopen Before The Winter Storms Arrive"
    assert entry not in "".join(_masked(f"Port talks, live\n\n{LEAD}\n\n{entry}\n\n{AFTER}\n"))


def test_a_caption_with_a_gallery_slug_before_its_file_photo_label_is_masked_a_sentence_about_a_file_photo_is_not():
    caption = "Port strike fallout FILE PHOTO: Dockers picket the Galen gates on Monday. (Ana Berg/City Wire)"
    masked = _masked(f"Galen port stays shut\n\n{LEAD}\n\n{caption}\n\n{AFTER}\n")
    assert caption in masked and LEAD not in masked
    told = "The union posted a file photo: dockers at the gates, the mayor said on Monday."
    assert told not in _masked(f"Galen port stays shut\n\n{LEAD}\n\n{told}\n\n{AFTER}\n")
