"""The learned cue model: it loads safely, it can be switched off for the rules, and it keeps what briefings need."""

from __future__ import annotations

import json
import re

import pytest

from knowledge.config import get_settings
from knowledge.extract.attribution.relations import find_attributions
from knowledge.extract.model import learned as span_model
from knowledge.extract.model.learned import LearnedModel, ModelFileError, load_model, use_extractor
from knowledge.extract.model.rules_scorer import CueScorer
from knowledge.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(autouse=True)
def default_extractor(monkeypatch):
    """Each test starts from the configured default and leaves no switched extractor behind."""
    monkeypatch.delenv("BRIEFBOT_EXTRACTOR", raising=False)
    get_settings.cache_clear()
    span_model.reset_scorer()
    yield
    monkeypatch.delenv("BRIEFBOT_EXTRACTOR", raising=False)
    get_settings.cache_clear()
    span_model.reset_scorer()


def claims(nlp, text):
    doc = nlp(text)
    return [
        {
            "source": " | ".join(text[s:e] for s, e in a.source),
            "cue": " | ".join(text[s:e] for s, e in a.cue),
            "content": " | ".join(text[s:e] for s, e in a.content),
            "stance": a.stance,
            "negated": a.negated,
            "via": text[a.via[0] : a.via[1]] if a.via else None,
        }
        for a in find_attributions(doc)
    ]


def test_a_missing_model_file_is_named_with_the_command_that_rebuilds_it(tmp_path):
    path = tmp_path / "attribution_model.json"
    with pytest.raises(ModelFileError, match="attribution_model.json is missing") as err:
        load_model(path)
    assert "benchmarks/train_tagger.py" in str(err.value) and "BRIEFBOT_EXTRACTOR=rules" in str(err.value)


@pytest.mark.parametrize(
    "body, reason",
    [
        ("{ truncated", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"format": 99, "threshold": 0.5, "weights": {"a": 1}}), "format 99"),
        (json.dumps({"format": 1, "threshold": 0.5, "weights": ["lemma=say"]}), "corrupt"),
        (json.dumps({"format": 1, "threshold": 0.5, "weights": {"lemma=say": "heavy", "b": 1}}), "corrupt"),
        (json.dumps({"format": 1, "threshold": 7, "weights": {"lemma=say": 1.0, "__bias__": 0.0}}), "no usable"),
    ],
)
def test_a_corrupt_model_file_is_named_with_what_is_wrong_and_how_to_rebuild_it(tmp_path, body, reason):
    path = tmp_path / "model.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ModelFileError, match=reason) as err:
        load_model(path)
    assert str(path) in str(err.value) and "train_tagger.py" in str(err.value)


def test_extraction_with_a_missing_shipped_model_fails_with_the_file_name_not_a_stack_of_key_errors(monkeypatch, nlp):
    monkeypatch.setattr(span_model, "MODEL_FILE", "no_such_model.json")
    with pytest.raises(ModelFileError, match="knowledge/extract/model/no_such_model.json is missing"):
        find_attributions(nlp("The mayor said the bridge would reopen."))


def test_the_shipped_model_holds_feature_weights_and_how_it_was_trained_but_no_text():
    model = load_model()
    assert model.meta["train_articles"] == 840 and 0 < model.threshold < 1
    assert len(model.weights) > 1000
    # feature names are flags or "kind=value[|value]" over single tokens: no name holds two words in a row
    assert not [name for name in model.weights if re.search(r"\w\s+\w", name)]


def test_the_learned_model_is_the_default_and_the_rules_are_one_setting_away(monkeypatch):
    assert isinstance(span_model.get_scorer(), LearnedModel)
    monkeypatch.setenv("BRIEFBOT_EXTRACTOR", "rules")
    get_settings.cache_clear()
    span_model.reset_scorer()
    assert isinstance(span_model.get_scorer(), CueScorer)


def test_an_unknown_extractor_name_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="choose one of learned, rules"):
        use_extractor("neural")


@pytest.mark.parametrize("extractor", ["learned", "rules"])
def test_both_extractors_read_a_plain_report_with_its_speaker_and_clause(nlp, extractor):
    use_extractor(extractor)
    (c,) = claims(nlp, "The harbour master said on Tuesday that the ferry would resume sailing in May.")
    assert (c["source"], c["cue"]) == ("The harbour master", "said")
    assert c["content"] == "that the ferry would resume sailing in May"


@pytest.mark.parametrize("extractor", ["learned", "rules"])
def test_both_extractors_keep_the_stance_the_negation_and_the_channel(nlp, extractor):
    use_extractor(extractor)
    (denial,) = claims(nlp, "The company denied that its drivers had been underpaid.")
    assert (denial["stance"], denial["negated"]) == ("deny", False)
    (refusal,) = claims(nlp, "Councillor Ana Ruiz did not confirm that the depot would close.")
    assert refusal["negated"] and refusal["content"] == "that the depot would close"
    (told,) = claims(nlp, "“We are out of money,” the treasurer told the Valley Courier.")
    assert (told["source"], told["via"], told["content"]) == (
        "the treasurer",
        "the Valley Courier",
        "We are out of money",
    )


def test_the_learned_model_tells_a_verb_of_saying_from_the_same_verb_doing_something_else(nlp):
    use_extractor("learned")
    assert claims(nlp, "The ferry company added two boats to the winter timetable.") == []
    (c,) = claims(nlp, "The ferry company added that two more boats would join the fleet.")
    assert (c["source"], c["cue"]) == ("The ferry company", "added")


def _edits(nlp, text, verb_word):
    from knowledge.extract.model.span_edits import variants
    from knowledge.extract.parse.roles import content_tokens, subject

    doc = nlp(text)
    verb = next(t for t in doc if t.text == verb_word)
    content = content_tokens(verb, subject(verb))
    return doc, {name: doc[min(idxs) : max(idxs) + 1].text for name, _, idxs in variants(doc, verb, content)}


def test_an_addressee_opening_the_content_can_be_dropped_with_or_without_its_preposition(nlp):
    _, edits = _edits(nlp, "The union urged the mayor to publish the audit.", "urged")
    assert edits["drop_object"] == "to publish the audit"
    assert edits["drop_object_and_word"] == "publish the audit"


def test_a_content_can_lose_its_that_or_its_trailing_aside_or_run_to_the_end_of_the_sentence(nlp):
    _, edits = _edits(nlp, "The mayor said that the quay would reopen in May, and the ferry would follow.", "said")
    assert edits["drop_mark"] == "the quay would reopen in May"
    assert edits["extend_end"] == "that the quay would reopen in May, and the ferry would follow"
    _, edits = _edits(nlp, "The mayor said the quay would reopen in May, ahead of the festival.", "said")
    assert edits["drop_tail"] == "the quay would reopen in May"
    assert "extend_end" not in edits  # the content already reaches the end of the sentence


def test_no_edit_moves_a_relative_aside_or_a_second_cue_of_the_same_speaker(nlp):
    _, edits = _edits(nlp, "The mayor said that the quay would reopen, which surprised the traders.", "said")
    assert "drop_tail" not in edits
    _, edits = _edits(nlp, "The mayor denied that the quay would close, rejecting a report by the Ledger.", "denied")
    assert "drop_tail" not in edits


def test_every_edit_feature_is_named_for_its_edit_so_edits_learn_apart(nlp):
    from knowledge.extract.model.span_edits import variants

    doc = nlp("The union urged the mayor to publish the audit.")
    verb = doc[2]
    for name, feats, _ in variants(doc, verb, {t.i for t in doc[3:9]}):
        assert all(f == name or f.startswith(name + "|") for f in feats)


def test_agreeing_on_something_is_not_a_claim_but_agreeing_that_is(nlp):
    use_extractor("learned")
    assert claims(nlp, "The two delegations agreed on a plan for the harbour.") == []
    assert claims(nlp, "The two delegations met on Monday and agreed to reopen the harbour.") == []
    (c,) = claims(nlp, "The two delegations agreed that the harbour should reopen.")
    assert (c["source"], c["cue"], c["stance"]) == ("The two delegations", "agreed", "acknowledge")


def test_a_verb_outside_the_lexicon_acting_on_a_person_needs_the_rules_to_agree_before_it_is_a_claim(nlp):
    use_extractor("learned")
    assert claims(nlp, "The authorities released Tomas Brandt, a jailed ferry captain, on Friday.") == []
    assert claims(nlp, "The council chose her as harbour master after the vote.") == []


def test_a_verb_outside_the_lexicon_that_reports_a_deed_never_becomes_a_claim(nlp):
    from knowledge.extract.entities import find_entities
    from knowledge.extract.speakers.claims import to_claims

    text = (
        "Dockers at the port of Kelby voted on Tuesday to end a month-long strike. "
        "The harbour board introduced limits on night shifts. "
        "Union steward Femi Adebayo said the deal secured a 6% rise."
    )
    doc = nlp(text)
    found = to_claims(text, find_attributions(doc), find_entities(doc), doc)
    assert [text[c.content[0] : c.content[1]] for c in found] == ["the deal secured a 6% rise"]


def test_a_view_an_outlet_reports_stays_a_claim_even_with_a_verb_outside_the_lexicon(nlp):
    from knowledge.extract.entities import find_entities
    from knowledge.extract.speakers.claims import to_claims

    text = "According to the Daily Courier, harbour officials see the new tariff as a threat to the port."
    doc = nlp(text)
    found = to_claims(text, find_attributions(doc), find_entities(doc), doc)
    assert [(c.speaker, c.via) for c in found] == [("harbour officials", "the Daily Courier")]
