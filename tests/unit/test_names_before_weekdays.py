"""A name never runs on into the day after it: wire copy writes "Minister Ana Ruiz Tuesday denied …" without "on"."""

from __future__ import annotations

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            'ISLAMABAD: Describing the envoy as "a friend of peace", Pakistan Prime Minister Shehbaz Sharif Friday '
            "said his country would nominate him.",
            "Shehbaz Sharif",
        ),
        (
            'UNITED NATIONS: Calling the deal "a new dawn", Afghan Prime Minister Rahim Qadir Friday said his country '
            "would sign it next month.",
            "Rahim Qadir",
        ),
        ("Finance Minister Ana Ruiz Tuesday denied the report.", "Ana Ruiz"),
        ("Opposition leader Maria Lopez Monday rejected the count.", "Maria Lopez"),
        ("Foreign Minister Jan Novak Wednesday told reporters the talks would go on.", "Jan Novak"),
    ],
)
def test_a_weekday_right_after_a_name_is_not_part_of_the_name(nlp, sentence, name):
    people = [e.name for e in find_entities(nlp(sentence)).entities if e.type == "PERSON"]
    assert people == [name]


def test_a_third_name_part_still_joins_a_two_word_name(nlp):
    people = [e.name for e in find_entities(nlp("Maria Corina Machado said the vote was stolen.")).entities]
    assert people == ["Maria Corina Machado"]
