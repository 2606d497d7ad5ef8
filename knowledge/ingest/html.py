"""HTML pages → article text and metadata with trafilatura, which never fetches anything here."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urlsplit

import trafilatura

from knowledge.ingest.boilerplate import strip_boilerplate
from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput


def _date(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def from_html(html: str | bytes, url: Optional[str] = None, name: Optional[str] = None) -> DocumentInput:
    label = name or url or "page"
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise IngestError(f"{label}: could not parse the HTML ({exc.__class__.__name__})") from None
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = strip_boilerplate(data.get("text") or "")
    if len(text.split()) < 20:
        raise IngestError(f"{label}: no article text found")
    title = data.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    domain = urlsplit(url).hostname if url else data.get("hostname")
    return DocumentInput(
        text=text, url=url, title=title, outlet=data.get("sitename") or domain, outlet_domain=domain,
        author=data.get("author"), published_at=_date(data.get("date")), language=data.get("language") or "en",
        origin=url or name,
    )
