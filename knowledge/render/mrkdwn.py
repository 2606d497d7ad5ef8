"""Slack mrkdwn safety: stored and user text can never ping a channel, mention someone or forge a link.

Slack treats `<...>` as control sequences (`<!channel>`, `<@U123>`, `<https://x|label>`), so `&`, `<` and `>`
are always escaped; bare `@channel`/`@here`/`@everyone` get an invisible word joiner so they stay inert.
Links are only ever built by `link` from a source's own http(s) URL.
"""

from __future__ import annotations

import re

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.I)
_JOINER = "\u2060"


def escape(text: str) -> str:
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub(lambda m: "@" + _JOINER + m.group(1), text)


def link(url: str | None, label: str) -> str:
    safe_label = escape(label.replace("|", "/"))
    if url and re.match(r"^https?://[^\s<>|]+$", url):
        return f"<{url}|{safe_label}>"
    return safe_label


def truncate_words(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"
