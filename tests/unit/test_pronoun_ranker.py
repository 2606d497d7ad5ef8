"""The learned pronoun resolver (speakers/ranker): chosen by a setting, held to the rules' hard constraints, and
choosing among the compatible candidates by the shipped weights."""

from __future__ import annotations

import pytest

from knowledge.config import get_settings
from knowledge.extract.entities import find_entities
from knowledge.extract.nlp import load_nlp
from knowledge.extract.parse.spans import caches
from knowledge.extract.speakers.anaphora import _Resolver
from knowledge.extract.speakers.ranker import (
    RESOLVERS,
    PronounCandidates,
    RankedResolver,
    RankerModel,
    make_resolver,
    use_resolver,
)
from tests.claim_speakers import speakers_by_opening


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture
def resolver(monkeypatch):
    """Switch resolvers inside one test; the environment and the settings cache are put back afterwards. The
    variable is set through monkeypatch before `use_resolver` sets it again, so what monkeypatch restores is the
    value from before the test (recording it afterwards left "rules" set for every later test in the run)."""

    def switch(name: str) -> None:
        if name in RESOLVERS:
            monkeypatch.setenv("BRIEFBOT_RESOLVER", name)
        use_resolver(name)  # an unknown name raises here

    monkeypatch.delenv("BRIEFBOT_RESOLVER", raising=False)
    get_settings.cache_clear()
    yield switch
    get_settings.cache_clear()


PASSING_MENTION = (
    "Senator Ruth Calloway visited a school in Dover on Monday. "
    '"Every child deserves this," Calloway said. '
    "The tour ended with a lunch for a retired teacher. "
    "She said the state would pay for ten more libraries."
)


def test_the_setting_names_the_rules_or_the_learned_resolver(nlp, resolver):
    doc = nlp("Anna Berg spoke. She said it was over.")
    with caches(doc):
        ents = find_entities(doc)
        resolver("learned")
        assert isinstance(make_resolver(doc, ents), RankedResolver)
        resolver("rules")
        made = make_resolver(doc, ents)
        assert type(made) is _Resolver
    with pytest.raises(ValueError):
        resolver("oracle")


def test_the_shipped_ranker_model_has_weights_and_a_threshold():
    model = RankerModel.load()
    assert model.weights and 0.0 <= model.threshold < 1.0
    assert 0.0 < model.probability({"last_speaker": 1.0}) < 1.0


def test_the_learned_resolver_takes_the_last_speaker_over_a_person_mentioned_in_passing(nlp, resolver):
    resolver("rules")
    assert speakers_by_opening(nlp, PASSING_MENTION)["the state would"] == "a retired teacher"
    resolver("learned")
    assert speakers_by_opening(nlp, PASSING_MENTION)["the state would"] == "Ruth Calloway"


def test_the_learned_resolver_never_crosses_a_gender_the_text_shows(nlp, resolver):
    text = (
        "Mayor Daniel Ortiz said the bridge would open in June. "
        '"We are on schedule," Ortiz said. '
        "He toured the site with Ms. Holt, the chief engineer. "
        "She said the load tests were complete."
    )
    resolver("learned")
    assert speakers_by_opening(nlp, text)["the load tests"] == "Holt"


def test_recording_keeps_the_rules_choice_and_offers_only_compatible_candidates(nlp):
    text = (
        "Mayor Daniel Ortiz opened the bridge with Ms. Holt on Monday. "
        "She said the tests were complete. He said traffic would start on Friday."
    )
    doc = nlp(text)
    record: list[PronounCandidates] = []
    with caches(doc):
        ents = find_entities(doc)
        referents = RankedResolver(doc, ents, record=record).run()
    assert [text[r.start : r.start + 3] for r in record] == ["She", "He "]
    for r in record:
        assert r.candidates and len(r.features) == len(r.candidates)
        token = doc.char_span(r.start, r.start + 1, alignment_mode="expand").start
        assert r.chosen is not None and referents[token].entity == r.chosen.entity
    names = [{ents.entities[m.entity].name for m in r.candidates if m.entity is not None} for r in record]
    assert "Daniel Ortiz" not in names[0] and "Holt" not in names[1]


def _unsure_choice(nlp, text: str) -> str | None:
    """The referent of the last pronoun under a model that never reaches its threshold."""
    unsure = RankerModel({}, 0.0, 0.99)
    doc = nlp(text)
    with caches(doc):
        ents = find_entities(doc)
        referents = RankedResolver(doc, ents, model=unsure).run()
    last = max(i for i, t in enumerate(doc) if t.lower_ in ("he", "she"))
    return referents[last].text if last in referents else None


def test_an_unsure_model_keeps_the_one_person_in_reach_and_leaves_rivals_as_written(nlp):
    one = (
        "The harbour board was fined on Monday for dredging without a permit. A spokesman said the board would "
        'appeal. "We followed the advice we were given," he said.'
    )
    assert _unsure_choice(nlp, one) == "A spokesman"
    rivals = "Tom Vance met Peter Holm on Monday. Vance said talks went well. He said more would follow."
    assert _unsure_choice(nlp, rivals) is None
