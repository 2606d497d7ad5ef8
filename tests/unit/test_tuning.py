"""Thresholds and weights as one settings object: defaults in one place, overridable per test and per deployment."""

from __future__ import annotations

import pydantic
import pytest

from knowledge.text import dedup
from knowledge.tuning import Tuning, tuned, tuning

ORIGINAL = (
    "The harbour board voted on Tuesday to keep the night ferry running through the winter, after traders on both "
    "banks said the late crossing carried most of their weekend custom and a survey of riders backed them."
)
EDITED = ORIGINAL.replace("on Tuesday", "late on Tuesday") + " The board meets again in March."


def test_a_value_changed_inside_tuned_is_in_force_there_and_restored_after_it():
    default = tuning().same_claim
    with tuned(same_claim=default + 5) as t:
        assert t.same_claim == tuning().same_claim == default + 5
    assert tuning().same_claim == default


def test_a_stricter_jaccard_floor_stops_a_lightly_edited_copy_counting_as_similar():
    a, b = dedup.shingles(ORIGINAL), dedup.shingles(EDITED)
    assert dedup.similarity(a, b) >= tuning().near_duplicate
    with tuned(min_jaccard=0.99):
        assert dedup.similarity(a, b) == 0.0


def test_a_misspelt_tuning_name_is_an_error_not_silently_ignored():
    with pytest.raises(pydantic.ValidationError), tuned(same_clam=90):
        pass


def test_a_deployment_overrides_a_value_through_the_environment(monkeypatch):
    monkeypatch.setenv("BRIEFBOT_TUNING_TOPIC_CLOSE", "5")
    assert Tuning().topic_close == 5
