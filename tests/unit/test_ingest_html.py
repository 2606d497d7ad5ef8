"""HTML pages: the article text and its metadata are extracted, page furniture is not, and nothing is fetched."""

import pytest

from knowledge.ingest.errors import IngestError
from knowledge.ingest.html import from_html

PARAGRAPHS = [
    "The new quay in Lindenport opened on Monday after two years of building work, the port authority said.",
    "Ferries from the islands will berth there from June, cutting the crossing by twenty minutes each way.",
    "Local traders welcomed the opening but warned that parking near the harbour remains far too scarce.",
]
PAGE = f"""<!doctype html><html lang="en"><head>
<title>Quay opens in Lindenport | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Mira Holt">
<meta property="article:published_time" content="2025-05-05T08:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Quay opens in Lindenport</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<p>Share this article</p>
</article>
<footer>© Harbour Gazette. All rights reserved. Cookie settings.</footer>
</body></html>"""


def test_the_article_text_and_metadata_are_extracted():
    doc = from_html(PAGE, url="https://www.gazette.example/quay")
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert doc.title == "Quay opens in Lindenport" and doc.text.startswith(doc.title)
    assert doc.author == "Mira Holt" and doc.outlet == "Harbour Gazette"
    assert doc.outlet_domain == "gazette.example" and doc.url == "https://www.gazette.example/quay"
    assert doc.published_at is not None and doc.published_at.date().isoformat() == "2025-05-05"


def test_the_publication_time_of_day_is_kept_when_the_page_gives_it():
    doc = from_html(PAGE.replace("08:00:00+00:00", "09:30:00+02:00"), url="https://gazette.example/quay")
    assert doc.published_at.isoformat() == "2025-05-05T09:30:00+02:00"


def test_short_paragraphs_and_paragraphs_in_divs_are_not_lost():
    short = ["He declined to comment.", "“Not yet,” she said.", "The vote is on Friday."]
    body = "".join(f"<div>{p}</div>" if i % 2 else f"<p>{p}</p>" for i, p in enumerate(PARAGRAPHS + short))
    page = (
        f"<html><head><title>Quay opens</title></head><body><div id='menu'><a href='/'>Home</a></div>"
        f"<div class='content'><h1>Quay opens</h1>{body}</div></body></html>"
    )
    text = from_html(page).text
    for paragraph in PARAGRAPHS + short:
        assert paragraph in text


def test_navigation_and_sharing_furniture_are_not_in_the_text():
    text = from_html(PAGE, url="https://gazette.example/quay").text
    assert "Share this article" not in text and "Sport" not in text and "All rights reserved" not in text


def test_bytes_are_accepted_and_decoded():
    doc = from_html(PAGE.replace("opened", "öpened").encode("utf-8"))
    assert "öpened" in doc.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><p>Subscribe</p></body></html>",
    ],
)
def test_a_page_without_article_text_is_an_error(html):
    with pytest.raises(IngestError, match="no article text found"):
        from_html(html, url="https://gazette.example/empty")


def test_nothing_is_fetched(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("from_html must not touch the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert from_html(PAGE, url="https://gazette.example/quay").title


def test_a_declared_charset_is_used_only_when_it_is_a_text_encoding_that_reads_the_bytes_as_text():
    from knowledge.ingest.html import decode_declared

    assert decode_declared("Grüße".encode("utf-16"), "utf-16") == "Grüße"
    assert decode_declared(b"Gr\xfc\xdfe", "latin-1") == "Grüße"
    for data, charset in ((b"abc", "rot13"), (b"abc", "base64"), (b"<p>", "punycode"), (b"x", "no-such-charset")):
        assert decode_declared(data, charset) is None, charset
    assert decode_declared(b"\\ud800 half a pair", "raw_unicode_escape") is None
