"""One HTTP response as data (status, headers, body bytes), with the security headers every viewer page carries."""

from __future__ import annotations

from dataclasses import dataclass, field

# Pages carry no script at all and load only the app's own stylesheet and images.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# A chart opened on its own: matplotlib's SVG styles itself with one <style> element; still no script.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass(frozen=True)
class WebResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @classmethod
    def make(
        cls, status: int, body: bytes, content_type: str, *, csp: str = PAGE_CSP, cache: str = "private, no-store"
    ) -> WebResponse:
        headers = {"Content-Type": content_type, "Content-Security-Policy": csp, "Cache-Control": cache}
        return cls(status, headers | SECURITY_HEADERS, body)
