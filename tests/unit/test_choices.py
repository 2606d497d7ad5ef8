"""Which candidates are worth asking about, and when one clearly wins."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.brief.choices import dominant, is_junk, only_operators_or_function_words


@dataclass
class C:
    name: str
    mentions: int


def test_page_junk_is_recognised():
    for junk in ("kellogg", "Kellogg's", "June 21", "Saturday", "2025", "Read more", "Getty Images", "the envoy"):
        assert is_junk(junk), junk
    assert is_junk("Harbor Ledger", outlets=["Harbor Ledger"])


def test_real_names_are_not_junk():
    for name in ("Keith Kellogg", "Kellogg", "WHO", "U.S.", "Kellogg Company", "June Carter", "May Berger"):
        assert not is_junk(name), name


def test_a_clear_majority_of_mentions_wins_and_a_close_race_does_not():
    assert dominant([C("Keith Kellogg", 40), C("Kellogg", 6)]).name == "Keith Kellogg"
    assert dominant([C("Anna Novak", 5), C("Tomas Novak", 4)]) is None
    assert dominant([C("Anna Novak", 2), C("Tomas Novak", 0)]) is None  # two mentions are no majority


def test_operator_and_function_words_alone_are_no_topic():
    assert only_operators_or_function_words("OR")
    assert only_operators_or_function_words("and not")
    assert not only_operators_or_function_words("Kellogg OR Witkoff")
