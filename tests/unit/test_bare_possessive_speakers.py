"""A possessive written as a bare apostrophe after a name in -s ("Hastings’ board") stays in the speaker's
phrase: the parser often reads the apostrophe as a closing quote and hangs the name elsewhere."""

from __future__ import annotations

from knowledge.extract.pipeline import analyze_texts


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in next(iter(analyze_texts([(text, None)]))).claims]


def test_a_bare_apostrophe_possessor_stays_in_the_speaker_phrase():
    text = (
        "The airline sued on Monday as Hastings’ hand-picked transport board declared the landing rights null and void."
    )
    assert _speakers(text) == ["Hastings’ hand-picked transport board"]


def test_a_closing_quote_after_a_name_is_not_a_possessive():
    text = "‘We will not give an inch to the Philippines’ the minister said on Tuesday."
    speakers = _speakers(text)
    assert speakers, "the quote is a claim"
    assert all("Philippines" not in (s or "") for s in speakers)
