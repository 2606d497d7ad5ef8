"""Signed viewer links: what a link covers, and that any change to it, or its age, makes the server refuse it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from knowledge.brief.model import CitationRef
from knowledge.config import get_settings
from knowledge.render import links
from knowledge.render.links import DAY, MAX_ALSO, Linker, LinkError, Signer, Span

KEY = Signer(b"k" * 32)
NOW = 1_750_000_000.0  # 15 Jun 2025, 15:06 UTC


def cite(doc: str = "a" * 20, start: int = 10, end: int = 42) -> CitationRef:
    return CitationRef(document_id=doc, start=start, end=end, quote="x" * (end - start))


def read(url: str, signer: Signer = KEY, now: float = NOW):
    parts = urlsplit(url)
    return signer.read_view(parts.path, parts.query, now)


def linker(**kw) -> Linker:
    return Linker("https://bot.example.org", KEY, clock=lambda: NOW, **kw)


def test_a_link_reads_back_as_the_span_its_other_reports_and_its_expiry():
    url = linker().view_url(cite(), [cite(), cite("b" * 20, 5, 9), cite("c" * 20, 1, 2)])
    link = read(url)
    assert link is not None
    assert link.span == Span("a" * 20, 10, 42)
    assert link.also == (Span("b" * 20, 5, 9), Span("c" * 20, 1, 2))  # the cited document itself is not "also"
    assert url.endswith("#cited") and url.startswith("https://bot.example.org/view/" + "a" * 20 + "?")


def test_a_link_lives_thirty_days_from_the_next_midnight_and_is_the_same_all_day():
    url = linker().view_url(cite())
    link = read(url)
    assert link is not None and link.expires == (int(NOW) // DAY + 1) * DAY + 30 * DAY
    later = Linker("https://bot.example.org", KEY, clock=lambda: NOW + 3600)
    assert later.view_url(cite()) == url
    assert read(url, now=link.expires) is not None
    assert read(url, now=link.expires + 1) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda u: u.replace("a" * 20, "a" * 19 + "b"),  # another document
        lambda u: u.replace("span=10-42", "span=10-43"),  # a wider span
        lambda u: u.replace("span=10-42", "span=0-42"),
        lambda u: u.replace("exp=", "exp=1"),  # a later expiry
        lambda u: u.replace("also=" + "b" * 20, "also=" + "d" * 20),  # another "other report"
        lambda u: u.replace("&also=" + "b" * 20 + ".5-9", ""),  # the list dropped
        lambda u: u.replace("sig=", "sig=A")[:-1],  # another signature of the right length
        lambda u: u.split("&sig=")[0],  # no signature
        lambda u: u + "&sig=AAAAAAAAAAAAAAAAAAAAAA",  # two signatures
        lambda u: u + "&x=1",  # an unknown parameter
    ],
)
def test_any_change_to_a_link_is_refused(change):
    url = linker().view_url(cite(), [cite("b" * 20, 5, 9)]).removesuffix("#cited")
    assert read(url) is not None
    assert read(change(url)) is None


def test_a_link_signed_with_another_key_is_refused():
    url = Linker("https://bot.example.org", Signer(b"z" * 32), clock=lambda: NOW).view_url(cite())
    assert read(url) is None


def test_ids_cannot_be_enumerated_a_valid_signature_covers_one_document_only():
    url = linker().view_url(cite("0" * 20))
    for n in range(1, 16):
        assert read(url.replace("0" * 20, "0" * 19 + f"{n:x}")) is None


def test_a_link_names_at_most_four_other_reports_one_span_each():
    others = [cite(f"{n:020x}", n, n + 5) for n in range(1, 9)] + [cite(f"{1:020x}", 50, 60)]
    link = read(linker().view_url(cite(), others))
    assert link is not None and len(link.also) == MAX_ALSO
    assert len({s.document_id for s in link.also}) == MAX_ALSO


def test_a_page_links_onward_with_its_own_expiry_never_a_later_one():
    fixed = Linker("", KEY, expires=int(NOW) + 60)
    link = read(fixed.view_url(cite()))
    assert link is not None and link.expires == int(NOW) + 60
    assert fixed.view_url(cite()).startswith("/view/")


def test_a_topic_link_covers_its_query_and_entity():
    url = linker().topic_url("kellogg  since:30d", "person:keith-kellogg", "png")
    parts = urlsplit(url)
    assert parts.path == "/view/chart.png"
    link = KEY.read_topic(parts.query, NOW)
    assert link is not None and (link.query, link.entity_id) == ("kellogg since:30d", "person:keith-kellogg")
    assert KEY.read_topic(parts.query.replace("kellogg", "witkoff"), NOW) is None
    assert KEY.read_topic(parts.query.replace("keith-kellogg", "other"), NOW) is None
    assert KEY.read_topic(parts.query, link.expires + 1) is None


@pytest.fixture
def settings_env(monkeypatch):
    def use(**env):
        for name in ("BRIEFBOT_PUBLIC_URL", "BRIEFBOT_LINK_SECRET", "BRIEFBOT_LINK_DAYS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    yield use
    get_settings.cache_clear()


def test_without_a_public_url_citations_link_to_the_article_itself(settings_env):
    settings_env()
    c = cite().model_copy(update={"url": "https://news.example/a"})
    assert links.current() is None
    assert links.href(c) == "https://news.example/a"
    assert links.href(c.model_copy(update={"url": "javascript:alert(1)"})) is None


def test_a_public_url_without_a_key_is_refused_with_the_setting_named(settings_env):
    settings_env(BRIEFBOT_PUBLIC_URL="https://bot.example.org")
    with pytest.raises(LinkError, match="BRIEFBOT_LINK_SECRET is not set"):
        links.linker_from_settings()
    assert links.current() is None  # views fall back to article links rather than fail mid-reply


def test_a_short_key_or_a_public_url_that_is_not_plain_http_is_refused(settings_env):
    settings_env(BRIEFBOT_PUBLIC_URL="https://bot.example.org", BRIEFBOT_LINK_SECRET="short")
    with pytest.raises(LinkError, match="too short"):
        links.linker_from_settings()
    settings_env(BRIEFBOT_PUBLIC_URL="javascript:alert(1)", BRIEFBOT_LINK_SECRET="s" * 40)
    with pytest.raises(LinkError, match="BRIEFBOT_PUBLIC_URL"):
        links.linker_from_settings()


def test_the_settings_give_links_under_the_public_url_valid_for_the_configured_days(settings_env):
    settings_env(
        BRIEFBOT_PUBLIC_URL="https://bot.example.org/brief/", BRIEFBOT_LINK_SECRET="s" * 40, BRIEFBOT_LINK_DAYS="7"
    )
    made = links.linker_from_settings()
    assert made is not None and made.days == 7
    url = links.href(cite())
    assert url is not None and url.startswith("https://bot.example.org/brief/view/")
    signer = links.signer_from_settings()
    parts = urlsplit(url)
    link = signer.read_view(parts.path.removeprefix("/brief"), parts.query, NOW) if signer else None
    assert link is not None and link.span == Span("a" * 20, 10, 42)


def test_a_link_whose_other_reports_are_malformed_is_refused_even_when_signed():
    exp = str((int(NOW) // DAY + 2) * DAY)
    for also in ("zz.1-2", "a" * 20 + ".1-2,", "a" * 20 + ".1-2\nx", "a" * 20 + ".2-1"):
        sig = KEY.sign("view", "b" * 20, "1-5", also, exp)
        query = f"span=1-5&also={also}&exp={exp}&sig={sig}".replace("\n", "%0A")
        assert KEY.read_view("/view/" + "b" * 20, query, NOW) is None, also
