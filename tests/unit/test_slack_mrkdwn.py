"""mrkdwn helpers: text can never become a ping, mention or link, and length limits hold after escaping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.slack.mrkdwn import escape, fit, link, split_escaped, truncate_words


def test_escape_turns_slack_control_characters_into_entities():
    assert escape("a & b <!channel> <@U1> x > y") == "a &amp; b &lt;!channel&gt; &lt;@U1&gt; x &gt; y"


def test_escape_neutralises_bare_broadcast_mentions_with_a_word_joiner():
    out = escape("hey @channel, @HERE and @everyone")
    assert out == "hey @\u2060channel, @\u2060HERE and @\u2060everyone"
    assert escape("mail bob@example.com or @chanel") == "mail bob@example.com or @chanel"


def test_escape_treats_none_as_empty_text():
    assert escape(None) == ""


def test_link_builds_a_slack_link_only_for_http_urls():
    assert link("https://courier.example/a?x=1", "Coastal Courier") == "<https://courier.example/a?x=1|Coastal Courier>"
    assert link("javascript:alert(1)", "Click") == "Click"
    assert link(None, "Radio <Nordvik>") == "Radio &lt;Nordvik&gt;"


def test_link_labels_and_urls_cannot_break_out_of_the_link():
    assert link("https://a.example/x", "a|b <c>") == "<https://a.example/x|a/b &lt;c&gt;>"
    assert link("https://evil.example|click", "Courier") == "Courier"
    assert link("https://a.example/x y", "Courier") == "Courier"


def test_truncate_words_cuts_at_a_word_boundary_with_an_ellipsis():
    assert truncate_words("the quay will reopen in June", 100) == "the quay will reopen in June"
    assert truncate_words("the quay will reopen in June", 16) == "the quay will…"
    assert truncate_words("x" * 50, 10) == "x" * 9 + "…"
    assert truncate_words("anything", 1) == "…"


def test_fit_bounds_the_escaped_length_without_splitting_an_entity():
    out = fit("&" * 100, 42)
    assert len(out) <= 42 and out.endswith("…") and out[:-1].replace("&amp;", "") == ""


def test_split_escaped_keeps_every_character_across_pieces():
    pieces = split_escaped("word " * 3000, 500)
    assert all(len(p) <= 500 for p in pieces)
    assert " ".join(pieces).split() == ["word"] * 3000


@given(st.text(alphabet=st.sampled_from(list("<>&|*_~@ abc\n")), max_size=300), st.integers(min_value=1, max_value=80))
def test_fitted_text_is_never_longer_than_asked_and_never_has_a_raw_angle_bracket(text, limit):
    out = fit(text, limit)
    assert len(out) <= limit and "<" not in out and ">" not in out


@given(st.text(max_size=2000), st.integers(min_value=20, max_value=400))
def test_split_pieces_are_escaped_and_within_the_limit(text, limit):
    pieces = split_escaped(text, limit)
    assert all(0 < len(p) <= limit and "<" not in p for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(escape(" ".join(text.split())).split())
