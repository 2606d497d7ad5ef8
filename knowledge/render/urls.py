"""Which stored URLs may become links in any view: plain http(s) only, nothing that could break out of markup."""

from __future__ import annotations

import re

_SAFE_URL = re.compile(r"^https?://[^\s<>|\"`]+$", re.I)


def safe_url(url: str | None) -> bool:
    """Only plain http(s) URLs become links: no `javascript:`, no `|`, `<`, `>` or spaces to break out of `<…>`."""
    return bool(url) and len(url or "") <= 2000 and bool(_SAFE_URL.match(url or ""))
