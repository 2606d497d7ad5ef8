"""The real-news benchmark's scoring rules (benchmarks/realnews_*.py), on spans and lines made up here."""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))

from realnews_gold import (  # noqa: E402
    GoldAttribution,
    LineMap,
    covers,
    is_name,
    read_ann,
    same_speaker,
    sentence_units,
)
from realnews_score import Briefings, Shown, line_speaker, verbatim  # noqa: E402
from realnews_set import RealSet, SetIndex, disputes, facts  # noqa: E402


def test_offsets_follow_the_lines_ingestion_keeps_and_lines_it_drops_map_nowhere():
    original = "Title.\n\nAdvertisement\nBerg said the strike would go on.  \n\n\n\nRuiz left."
    stored = "Title\n\nBerg said the strike would go on.\n\nRuiz left."
    lines = LineMap(original, stored)
    start = original.index("the strike")
    mapped = lines.span(start, start + len("the strike would go on"))
    assert mapped is not None and stored[mapped[0] : mapped[1]] == "the strike would go on"
    ruiz = original.index("Ruiz")
    assert stored[lines.span(ruiz, ruiz + 4)[0] :].startswith("Ruiz")
    assert lines.span(original.index("Advertisement"), original.index("Advertisement") + 5) is None


def test_a_citation_covers_gold_content_only_when_most_of_each_is_in_the_other():
    assert covers((10, 50), [(12, 48)])
    assert not covers((0, 200), [(12, 48)])  # a paragraph around a short claim
    assert not covers((40, 60), [(10, 50)])
    assert covers((10, 30), [(10, 20), (22, 31)])  # a quote split around its cue


def test_one_sentence_of_a_gold_content_running_over_several_sentences_is_covered_by_its_citation():
    text = (
        'Dr. Ames said the dam was safe. "We checked it twice. Mr. Obi agreed with us," she said. Rain fell all night.'
    )
    start = text.index("the dam")
    content = [(start, text.index(" she said") - 1)]
    units = sentence_units(content, text)
    assert [text[a:b] for unit in units for a, b in unit] == [
        "the dam was safe.",
        '"We checked it twice.',
        "Mr. Obi agreed with us,",
    ]  # a title ("Mr.") ends no sentence
    second = (text.index("We checked"), text.index("twice.") + 5)
    assert covers(second, content, units=units)  # one whole sentence of the three
    assert not covers(second, content)  # under the whole-content rule alone it is a third of the gold
    half = (text.index("Obi"), text.index("with us"))
    assert not covers(half, content, units=units)  # less than half of its sentence
    assert covers((second[0], text.index("Rain")), content, units=units)  # two of its sentences and the cue
    assert not covers((text.index("Obi"), len(text)), content, units=units)  # most of what it cites is not gold
    assert not covers((start, start + 7), [(start, text.index("safe") + 4)], units=[])  # one sentence: as before


def test_an_organisations_initials_and_its_full_name_are_one_speaker_and_other_capitals_are_not():
    assert same_speaker("HWU", "Harbour Workers' Union")
    assert same_speaker("Harbour Workers' Union", "H.W.U.")
    assert same_speaker("Ministry of Harbour Affairs", "MHA")
    assert not same_speaker("HWU", "Harbour Shipping Group")
    assert not same_speaker("HWU", "HWB")


def test_speakers_agree_on_the_head_of_a_name_and_not_otherwise():
    assert same_speaker("Donald Trump", "Trump")
    assert same_speaker("Rep. Jim Jordan (R-Ohio), an oversight panel member,", "Jim Jordan")
    assert same_speaker("Indian government", "India")
    assert same_speaker("Seven & i Holdings", "Seven & i")
    assert not same_speaker("Donald Trump", "Tim Kaine")
    assert not same_speaker("Boeing", "the company")
    assert not same_speaker("Hillary Clinton", None)


def test_a_source_is_a_name_when_it_names_someone_not_a_pronoun_or_a_description():
    assert is_name("Hillary Clinton") and is_name("the Clinton campaign")
    assert not is_name("he") and not is_name("officials") and not is_name("a spokesman") and not is_name(None)


def test_brat_attributions_are_read_with_their_discontinuous_content(tmp_path):
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 0 4\tBerg\nT2\tCue 5 9\tsaid\nT3\tContent 10 20;25 30\tthe strike go on\n"
        "T4\tAttribution 5 9\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 40 50\tno source\nT6\tAttribution-no-source 35 39\tsaid\nE2\tAttribution-no-source:T6 Content:T5\n"
    )
    assert read_ann(ann) == [([(10, 20), (25, 30)], [(0, 4)], "Berg"), ([(40, 50)], None, None)]


def _line(topic: str, text: str, doc: str = "d1", span=(0, 10)) -> Shown:
    return Shown(topic, text, "Berg", [(doc, span)], "summary")


def test_a_fact_counts_when_every_key_of_one_alternative_is_in_one_summary_line():
    real = RealSet(
        stories=[
            {
                "actors": [
                    {
                        "query": "berg",
                        "facts": [
                            {"id": "f1", "text": "", "keys": [["2,400", "walked out"], ["2400"]]},
                            {"id": "f2", "text": "", "keys": [["third week"]]},
                        ],
                    }
                ]
            }
        ]
    )
    b = Briefings(
        summary_text={"berg": ["About 2,400 workers WALKED OUT in March"], "other": ["third week"]},
        full_text={"berg": ["The strike goes into a third week"]},
    )
    total, in_summary, in_full, missing = facts(real, b)
    assert (total, in_summary, in_full) == (2, 1, 2) and missing == ["[berg] f2: "]


def test_an_annotated_dispute_shown_is_right_and_any_other_shown_pair_is_wrong():
    g1 = GoldAttribution("d1", [(0, 10)], "Berg", True, "a/c1")
    g2 = GoldAttribution("d2", [(5, 25)], "Lindqvist", True, "b/c1")
    g3 = GoldAttribution("d2", [(40, 60)], "Ruiz", True, "b/c2")
    idx = SetIndex(gold={"d1": [g1], "d2": [g2, g3]})
    real = RealSet(disputes=[{"claim": "a/c1", "rebuttal": "b/c1"}])
    shown = Briefings(
        disputes=[
            (_line("t", "wages cut", "d2", (5, 25)), _line("t", "never cut", "d1", (0, 10))),  # either order
            (_line("t", "wages cut", "d1", (0, 10)), _line("t", "unrelated", "d2", (40, 60))),
        ]
    )
    assert disputes(real, shown, idx)[:3] == (1, 1, 1)


def test_a_split_quote_shown_as_one_side_shows_each_annotated_claim_a_piece_of_it_holds():
    small = GoldAttribution("d1", [(0, 10)], "Berg", True, "a/c1")  # '"A," Berg said. "B."': A annotated apart
    big = GoldAttribution("d1", [(30, 60)], "Berg", True, "a/c2")
    answer = GoldAttribution("d2", [(0, 20)], "Ruiz", True, "b/c1")
    other = GoldAttribution("d2", [(40, 60)], "Ruiz", True, "b/c2")
    idx = SetIndex(gold={"d1": [small, big], "d2": [answer, other]})
    real = RealSet(disputes=[{"claim": "a/c1", "rebuttal": "b/c1"}])
    split = Shown("t", "A … B", "Berg", [("d1", (0, 60))], "claim", [[(0, 10), (30, 60)]])
    shown = Briefings(
        disputes=[
            (split, _line("t", "not so", "d2", (0, 20))),
            (split, _line("t", "unrelated", "d2", (40, 60))),  # neither piece's claim is annotated with it
        ]
    )
    assert disputes(real, shown, idx)[:3] == (1, 1, 1)


def test_a_summary_lines_speaker_is_the_words_before_its_cue():
    from realnews_score import line_speaker

    assert line_speaker("Lukashenko says Kellogg agreed to explore an offer (2 outlets, 22 Jun)") == "Lukashenko"
    assert line_speaker("Hillary Clinton (claim): “the issue of tax reform” (4 Oct)") == "Hillary Clinton"
    assert line_speaker("The White House confirmed: “Witkoff will go”") == "The White House confirmed"
    assert line_speaker("Clinton recalls a bill that failed") == "Clinton"
    assert line_speaker("Kellogg met Lukashenko in Minsk") == ""


def test_accents_and_possessives_do_not_make_two_speakers():
    assert same_speaker("Edmundo González", "Edmundo Gonzalez")
    assert same_speaker("Edmundo Gonzalez", "González’s")


def test_a_summary_line_that_is_a_sources_own_sentence_is_known_from_one_written_as_a_frame():
    text = "Port strike\n\nIn a statement on the talks, Berger said the dockers would return on Monday."
    sentence = "In a statement on the talks, Berger said the dockers would return on Monday"
    own = Shown("berger", sentence + " (2 outlets, 3 May)", None, [("d1", (13, 90))], "summary", body=sentence)
    frame = Shown(
        "berger",
        "Berger says the dockers will return",
        None,
        [("d1", (13, 90))],
        "summary",
        body="Berger says the dockers will return",
    )
    assert verbatim(own, {"d1": text}.get)
    assert not verbatim(frame, {"d1": text}.get)
    assert not verbatim(own, {"d2": text}.get)  # only the documents it cites count
    assert not same_speaker("Berger", line_speaker(own.text))  # why: a frame's reading misses the sentence's speaker
    assert same_speaker("Berger", own.body)


def test_a_split_quote_cites_its_pieces_so_the_cue_between_them_is_not_counted_as_cited():
    # '"A," said X, a long description of X. "B"': the span runs over the cue, the words are the two pieces
    assert not covers((0, 200), [(0, 40), (150, 200)])
    assert covers((0, 200), [(0, 40), (150, 200)], words=[(0, 40), (150, 200)])
    assert not covers((0, 200), [(0, 40)], words=[(0, 40), (150, 200)])  # gold holds one piece of a long pair


def test_a_speaker_shown_as_the_gold_source_phrase_at_another_extent_agrees():
    assert same_speaker("Nearly all harbour pilots", "all harbour pilots")
    assert same_speaker("A senior adviser, Lena Ortiz,", "Lena Ortiz")
    assert same_speaker("The radio spot, titled “Tides,”", "The radio spot, titled “Tides")
    assert same_speaker("One survey", "survey")
    assert not same_speaker("One survey of pilots", "survey")
    assert not same_speaker("The harbour board", "they")
    assert not same_speaker("The harbour board", "Nearly all harbour pilots")
    assert not same_speaker("Norvik and Quayline", "Quayline")  # one of two joint speakers is half the source


def test_a_dispute_annotated_in_a_copy_counts_when_shown_from_the_original_at_the_same_words():
    own = GoldAttribution("orig", [(0, 10)], "Berg", True, "a/c1")
    in_copy = [
        GoldAttribution("orig", [(0, 10)], "Berg", True, "copy/c1"),
        GoldAttribution("orig", [(40, 60)], "Ruiz", True, "copy/c2"),
    ]
    idx = SetIndex(gold={"orig": [own]}, in_original={"copy": in_copy})
    real = RealSet(disputes=[{"claim": "copy/c1", "rebuttal": "copy/c2"}])
    shown = Briefings(disputes=[(_line("t", "wages cut", "orig", (0, 10)), _line("t", "never", "orig", (40, 60)))])
    assert disputes(real, shown, idx)[:3] == (1, 1, 0)


def test_a_citation_holding_several_annotated_quotes_of_one_speaker_is_backed_but_not_when_it_runs_into_narration():
    from realnews_gold import covers_with_siblings

    first, second, third = [(0, 40)], [(45, 90)], [(95, 130)]
    assert covers_with_siblings([(0, 130)], first, [second, third])  # three paragraphs cited as one quote
    assert not covers_with_siblings([(0, 130)], first, [])  # the rest is no annotated speech
    assert not covers_with_siblings([(0, 300)], first, [second, third])  # run on into narration


def test_a_copys_words_are_found_in_its_original_through_small_edits_and_not_when_the_copy_adds_them():
    from realnews_misses import in_copy_original

    original = "Workers rejected the deal with 94.6 percent of the vote, said Ana Ruiz, the union's head."
    found = in_copy_original(original, "Workers rejected the deal with 94.6% of the vote")
    assert found is not None and original[found[0] : found[1]].startswith("Workers rejected the deal")
    assert in_copy_original(original, "The company said it would return to the table next week") is None


def _row(start, end, fragments=None):
    import json

    return {"start": start, "end": end, "fragments": json.dumps(fragments) if fragments else None}


def test_an_annotated_claim_is_found_by_a_split_quotes_piece_by_several_stored_claims_or_a_shared_one():
    from realnews_misses import _match

    gold = GoldAttribution("d", [(100, 140)], "Ruiz", True)
    other = GoldAttribution("d", [(150, 190)], "Ruiz", True)
    assert _match(gold, [_row(100, 260, [[100, 140], [160, 260]])], [gold])[0] == "piece of a split quote"
    assert _match(gold, [_row(100, 112), _row(113, 126), _row(127, 140)], [gold])[0] == "split"
    assert _match(gold, [_row(100, 190)], [gold, other])[0] == "shared"
    assert _match(gold, [_row(60, 190)], [gold]) is None  # a stored span that overruns into narration


def test_a_stored_claim_reaching_far_past_the_annotated_words_is_a_wrong_span_not_a_find():
    from realnews_misses import _match

    gold = GoldAttribution("d", [(100, 120)], "Ruiz", True)
    assert _match(gold, [_row(90, 200)], [gold]) is None
    assert _match(gold, [_row(100, 121)], [gold])[0] == "covered"


def test_a_copy_that_swaps_in_lookalike_letters_is_still_found_in_its_original():
    from realnews_misses import in_copy_original

    original = "The airline said it would sue the vendor for its failings."
    copy = "The aιrlιne saιd ιt would sue the vendor for ιts faιlιngs."  # Greek iota for every "i"
    assert in_copy_original(original, copy[4:40]) == (4, 40)


def test_of_two_stored_claims_holding_the_annotated_words_the_tighter_one_is_read():
    from realnews_misses import _match

    gold = GoldAttribution("d", [(130, 170)], "Ruiz", True)
    report = {**_row(100, 172), "speaker": "the deputy mayor"}  # "the deputy mayor said Ruiz told X that P"
    inner = {**_row(125, 172), "speaker": "Ruiz"}
    found = _match(gold, [report, inner], [gold])
    assert found is not None and found[0] == "covered"
    assert found[1][0]["speaker"] == "Ruiz"
