"""HTML pages → article text and metadata with trafilatura, which never fetches anything here."""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import trafilatura

from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput
from knowledge.text.boilerplate import strip_boilerplate
from knowledge.text.characters import has_half_pair

# With a time of day when the page gives one (article:published_time), not only the day, which is the default.
DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
MIN_ARTICLE_WORDS = 10  # less than this is a menu, a cookie wall or an error page, not an article
# trafilatura is asked to favour recall: its precision mode drops short paragraphs and paragraphs in <div>s, and a
# lost sentence of the article costs more than a stray line, which `strip_boilerplate` mostly removes anyway.


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_declared(data: bytes, charset: str) -> str | None:
    """`data` read in the charset a page or a server declares, or None where that cannot be trusted: an unknown
    name, a codec that is not a text encoding ("rot13", "base64"), bytes it refuses (punycode raises a plain
    UnicodeError), or text with half a UTF-16 pair ("raw_unicode_escape" and "utf-7" can make one), which no store
    can hold."""
    try:
        if not codecs.lookup(charset)._is_text_encoding:
            return None
        text = data.decode(charset)
    except (LookupError, UnicodeError, ValueError):
        return None
    return None if has_half_pair(text) else text


def _decode(html: bytes) -> str:
    """The page's declared charset (a <meta> near the top) first, then UTF-8, then cp1252 for old pages."""
    declared = _META_CHARSET.search(html[:4096])
    encodings = [declared.group(1).decode("ascii")] if declared else []
    for encoding in (*encodings, "utf-8-sig", "cp1252"):
        text = decode_declared(html, encoding)
        if text is not None:
            return text
    return html.decode("utf-8", errors="replace")


def from_html(
    html: str | bytes, url: str | None = None, name: str | None = None, origin: str | None = None
) -> DocumentInput:
    """Main text (headline first), title, author, date, site name and host of one HTML page.

    `name` labels error messages (a file name reads better than a path); `origin` (a path) is the error's source
    and the document's origin when the page did not come from `url`.
    """
    label = name or url or "page"
    source = origin or url or name
    if isinstance(html, bytes):
        html = _decode(html)
    if not html.strip():
        raise IngestError(f"{label}: no article text found (the page is empty)", source)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise IngestError(f"{label}: could not parse the HTML ({exc.__class__.__name__})", source) from None
    data = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    text = strip_boilerplate(data.get("text") or "")
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(f"{label}: no article text found", source)
    title = (data.get("title") or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # like a pasted article: the headline is part of the stored text
    domain = (urlsplit(url).hostname if url else None) or data.get("hostname")  # the URL, not what the page claims
    if domain:
        domain = domain.lower().removeprefix("www.")
    return DocumentInput(
        text=text,
        url=url,
        title=title,
        outlet=data.get("sitename") or domain,
        outlet_domain=domain,
        author=data.get("author"),
        published_at=_date(data.get("date")),
        language=data.get("language") or "en",
        origin=origin or url or name,
    )
