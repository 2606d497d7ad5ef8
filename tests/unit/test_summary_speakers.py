"""Who a summary line names and with which verb: namesakes by full name, object-taking cues by their own verb,
one speaker's separate points as separate storylines."""

from __future__ import annotations

from knowledge.brief.storylines import group
from knowledge.brief.summary import summarize
from tests.unit.storyline_members import member

NAMESAKES = {"person:marta-field": "Marta Field", "person:derek-field": "Derek Field"}


def _claim(key, text, speaker, name, *, doc="a", start=0, cue_lemma="say", stance="assert", day=5):
    return member(
        key,
        text,
        doc=doc,
        kind="claim",
        start=start,
        speaker=speaker,
        speaker_name=name,
        stance=stance,
        cue_lemma=cue_lemma,
        day=day,
    )


def test_a_speaker_who_shares_a_surname_with_another_person_in_the_briefing_is_named_in_full():
    derek = _claim("c:d", "that his company would resume sailings to the river port", "person:derek-field", "Field")
    marta = _claim("c:m", "that the ceasefire was largely holding", "person:marta-field", "Field", doc="b", day=6)
    texts = [line.text for line in summarize(group([derek, marta]), NAMESAKES, "ceasefire")]
    assert any(t.startswith("Derek Field says his company would resume sailings") for t in texts), texts
    assert any(t.startswith("Marta Field says the ceasefire was largely holding") for t in texts), texts


def test_a_cue_whose_content_is_its_object_keeps_its_own_verb():
    praise = _claim(
        "c:p",
        "Marta Field for getting the two delegations into one room",
        "person:ravi-anand",
        "He",
        cue_lemma="praise",
        stance="support",
    )
    people = {"person:ravi-anand": "Ravi Anand", "person:marta-field": "Marta Field"}
    (line,) = summarize(group([praise]), people, "Ravi Anand")
    assert line.text.startswith("Anand praises Marta Field for getting the two delegations into one room"), line.text


def test_a_reported_sentence_opening_with_an_article_reads_in_lower_case_after_the_verb():
    claim = _claim("c:a", "A 30-day ceasefire will start at midnight on Wednesday", "person:marta-field", "Field")
    (line,) = summarize(group([claim]), {"person:marta-field": "Marta Field"}, "Marta Field")
    assert line.text.startswith("Field says a 30-day ceasefire will start at midnight"), line.text


def test_one_speaker_making_two_different_points_in_one_article_gives_two_storylines():
    start = _claim("c:1", "that the truce would take effect at midnight on Wednesday", "person:marta-field", "Field")
    swap = _claim(
        "c:2", "that the prisoner exchange of detainees would follow soon", "person:marta-field", "Field", start=90
    )
    assert len(group([start, swap])) == 2


def test_a_description_resolved_to_an_organisation_is_printed_as_the_organisation_s_name():
    claim = _claim("c:o", "that the withdrawal was regrettable", "org:orvel", "Orvel Holdings")
    claim.fields["speaker_text"] = "The Japanese company"
    (line,) = summarize(group([claim]), {}, "Orvel Holdings")
    assert line.text.startswith("Orvel Holdings says the withdrawal was regrettable"), line.text


def test_a_description_that_names_no_entity_is_printed_as_written():
    claim = _claim("c:u", "that members would walk out", "the union", "the union")
    (line,) = summarize(group([claim]), {}, "strike")
    assert line.text.startswith("The union says members would walk out"), line.text


def test_a_cue_whose_content_is_an_infinitive_keeps_its_own_verb():
    """ "Norvik agreed to pay for Quayline's shares", stored as an acknowledgement: "Norvik acknowledges to pay …" is
    no English; the cue's own verb reads right."""
    agreed = _claim(
        "c:a",
        "to pay for Quayline's shares at a premium",
        "org:norvik",
        "Norvik",
        cue_lemma="agree",
        stance="acknowledge",
    )
    (line,) = summarize(group([agreed]), {}, "Norvik")
    assert line.text.startswith("Norvik agrees to pay for Quayline's shares"), line.text


def test_a_speech_verb_with_a_person_as_its_object_keeps_its_own_verb_never_says():
    accused = _claim(
        "c:a",
        "Halvard Airways of ignoring the court's order on fees",
        "org:norvik",
        "Norvik",
        cue_lemma="accuse",
        stance="criticize",
    )
    (line,) = summarize(group([accused]), {}, "Norvik")
    assert line.text.startswith("Norvik accuses Halvard Airways of ignoring the court's order"), line.text
    urged = _claim(
        "c:u", "the port board to reopen the gates", "org:union", "The union", cue_lemma="urge", stance="demand"
    )
    (line,) = summarize(group([urged]), {}, "union")
    assert "urges the port board to reopen the gates" in line.text, line.text


def test_a_lede_is_not_cut_after_a_verb_that_only_points_to_the_clause_after_it():
    from knowledge.brief.sentences import clause_cuts

    assert clause_cuts("The order, issued on May 19 by Judge Ana Ruiz, came after Halvard refused to comply.") == []
    assert clause_cuts("The strike follows months of talks that broke down in May.") == []
    assert clause_cuts("India has decided to withdraw its envoy after Canada named him.") == [
        "India has decided to withdraw its envoy"
    ]
