"""Slack mrkdwn safety: stored and user text can never ping a channel, mention someone or forge a link.

Slack treats `<...>` as control sequences (`<!channel>`, `<@U123>`, `<https://x|label>`), so `&`, `<` and `>`
are always escaped; bare `@channel`/`@here`/`@everyone` get an invisible word joiner so they stay inert.
Links are only ever built by `link` from a source's own http(s) URL.

Length limits apply to the *escaped* text, and cutting escaped text could split `&amp;` in half, so the helpers
here (`fit`, `split_escaped`) cut the raw text and then escape, shrinking until the escaped form fits.
"""

from __future__ import annotations

import re

from knowledge.render.urls import safe_url as safe_url

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.I)
_JOINER = "\u2060"


def escape(text: str | None) -> str:
    """Make any text inert in mrkdwn (and in plain_text, where `&lt;` etc. are harmless)."""
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: "@" + _JOINER + m.group(1), text)


def link(url: str | None, label: str) -> str:
    """`<url|label>` for an http(s) URL, else just the escaped label; the label can't end the link early."""
    safe_label = escape((label or "").replace("|", "/")) or "link"
    if safe_url(url):
        return f"<{url}|{safe_label}>"
    return safe_label


def truncate_words(text: str | None, limit: int) -> str:
    """Shorten to at most `limit` chars, at a word boundary when one is near, marking the cut with "…"."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[: max(limit, 0)]
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    cut = cut.rstrip(" ,;:")
    return (cut or text[: limit - 1]) + "…"


def fit(text: str | None, limit: int) -> str:
    """Escaped text of at most `limit` chars, shortened at a word boundary before escaping."""
    n = limit
    while True:
        out = escape(truncate_words(text, n))
        if len(out) <= limit or n <= 1:
            return out if len(out) <= limit else ""
        n = max(1, n - max(1, (len(out) - limit + 3) // 4))


def split_escaped(text: str | None, limit: int) -> list[str]:
    """Split long text into escaped pieces of at most `limit` chars each, at whitespace where possible.

    Used where a citation must be shown in full (the Sources view) but one text object can't hold it.
    """
    text = " ".join((text or "").split())
    pieces: list[str] = []
    pos = 0
    while pos < len(text):
        window = text[pos : pos + limit]
        while len(escape(window)) > limit:
            window = window[: max(1, len(window) - max(1, (len(escape(window)) - limit + 3) // 4))]
        if pos + len(window) < len(text) and " " in window[len(window) // 2 :]:
            window = window[: window.rfind(" ")]
        pieces.append(escape(window.strip()))
        pos += len(window)
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return [p for p in pieces if p]
