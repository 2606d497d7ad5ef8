"""The training script's own passes, on a two-sentence corpus written here: a refactor once left the script
recording nothing (its stand-in model was installed where extraction no longer looked), so retraining silently
failed or shipped edit models learned from no examples."""

from __future__ import annotations

import pathlib
import sys

import pytest

from knowledge.extract.model import learned as span_model
from knowledge.extract.nlp import load_nlp

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))

import train_tagger  # noqa: E402

TEXT = "The union urged the mayor to publish the audit. The mayor said that the quay would reopen in May."


def _ann(text: str) -> str:
    """Brat lines for the two relations, the way PolNeAR marks them: the addressee outside the first content."""

    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    rows = [("The union", "urged", "to publish the audit"), ("The mayor", "said", "the quay would reopen in May")]
    lines, t = [], 0
    for e, (source, cue, content) in enumerate(rows, start=1):
        ids = []
        for role, words in (("Source", source), ("Cue", cue), ("Content", content)):
            s, end = at(words)
            t += 1
            ids.append(f"{role}:T{t}")
            lines.append(f"T{t}\t{role} {s} {end}\t{text[s:end]}")
        lines.append(f"E{e}\t{' '.join(ids)}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def doc():
    return load_nlp()(TEXT)


@pytest.fixture(autouse=True)
def no_scorer_left_behind():
    span_model.reset_scorer()
    yield
    span_model.reset_scorer()


def test_every_candidate_verb_becomes_a_cue_example_labelled_by_the_annotation(doc):
    X, y = train_tagger.examples([doc], [_ann(TEXT)], broad=True)
    assert len(X) == len(y) >= 2 and sum(y) == 2  # "urged" and "said" are annotated cues


def test_the_content_edits_are_recorded_through_the_extractor_with_the_annotated_one_marked_right(doc):
    model = span_model.load_model()
    X, y = train_tagger.edit_examples(model, [doc], [_ann(TEXT)], "content")
    assert X and sum(y) >= 2  # "drop the addressee" for urged, "drop that" for said
    right = {name for features, label in zip(X, y) if label for name in features if "|" not in name}
    assert {"drop_object", "drop_mark"} <= right


def test_recording_the_edits_leaves_the_configured_extractor_in_place(doc):
    model = span_model.load_model()
    train_tagger.edit_examples(model, [doc], [_ann(TEXT)], "cue")
    assert isinstance(span_model.get_scorer(), span_model.LearnedModel)
