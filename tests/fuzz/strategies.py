"""Hypothesis strategies for hostile input: arbitrary Unicode (lone surrogates included, which JSON's `\\ud800`
escapes deliver), arbitrary bytes, and near-valid structures (filters, markup, feeds, metadata) that reach further
into the code than noise does."""

from __future__ import annotations

import json

import yaml
from hypothesis import strategies as st

# Lone surrogates are not valid text but do arrive: JSON payloads may carry "\ud800", and a CLI argument that is not
# UTF-8 reaches Python as surrogate escapes.
any_char = st.one_of(st.characters(), st.characters(categories=["Cs"]))
any_text = st.text(any_char, max_size=300)
WORDS = [
    "kellogg",
    "Keith Kellogg",
    "witkoff",
    "Lukashenko",
    "minsk",
    "ceasefire",
    "the",
    "US",
    "who",
    "said",
    '"',
    "'",
    "\\",
    "“",
    "&amp;",
    "&lt;",
    "<@U123>",
    "<http://x.example|x>",
    "--always",
    "=",
    "->",
    "→",
    "*",
    "NEAR",
    "OR",
    "AND",
    "NOT",
    "(",
    ")",
    "^",
    "-",
    ":",
    "\x00",
    "\u200b",
    "\ufeff",
]
FILTER_KEYS = ["since", "limit", "from", "since", "limit", "SINCE", "Limit", "until", "http", "a", "ab1", "é", ""]
FILTER_VALUES = st.one_of(
    st.sampled_from(["7d", "2w", "3m", "1y", "0d", "2025-06-01", "2025-02-30", "0001-01-01", "9999-12-31", "5"]),
    st.sampled_from(["50", "51", "0", "-1", "²", "٣", "１０", "99999999999999999999d", "1" * 40 + "y", "//x", ""]),
    st.integers(-(10**30), 10**30).map(str),
    # numbers in any script, with an optional unit: "٣" is a digit int() reads, "²" one it does not
    st.builds(
        lambda n, unit: n + unit,
        st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=3),
        st.sampled_from(["", "d", "w", "m", "y"]),
    ),
    any_text.map(lambda t: t[:20]),
)
filter_word = st.builds(lambda k, v: f"{k}:{v}", st.sampled_from(FILTER_KEYS), FILTER_VALUES)
word = st.one_of(
    st.sampled_from(WORDS),
    filter_word,
    filter_word,
    st.text(any_char, min_size=1, max_size=12),
)
phrase = st.lists(word, max_size=12).map(" ".join)
huge = st.builds(lambda s, n: s * n, st.text(any_char, min_size=1, max_size=8), st.integers(100, 3_000))
query_text = st.one_of(any_text, phrase, phrase, huge)

# ---- command texts (subscribe, alias, feeds) ------------------------------------------------------------------

TIMES = st.one_of(
    st.sampled_from(["08:30", "8:30", "8am", "7pm", "12am", "13pm", "24:00", "8.30", "08:60", "0", "99:99"]),
    st.text("0123456789:apm.", max_size=8),
)
ZONES = st.one_of(
    st.sampled_from(
        [
            "Europe/Berlin",
            "UTC",
            "America/New_York",
            "Mars/Olympus",
            "../../etc/passwd",
            "Europe/",
            ".",
            "US",
            "America",
        ]
    ),
    st.text(any_char, max_size=20),
)
URLS = st.one_of(
    st.sampled_from(
        [
            "https://feeds.example.org/rss",
            "<https://news.example.com/a|a>",
            "http://127.0.0.1:9/rss",
            "http://[::1]/",
            "ftp://x.example/",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.org/",
            "http://a..b/",
            "https://" + "a" * 300 + ".example/",
        ]
    ),
    any_text.map(lambda t: "https://" + t[:60]),
)
command_word = st.one_of(
    word,
    st.sampled_from(["at", "tz", "AT", "Tz"]),
    TIMES,
    ZONES,
    st.sampled_from(["add", "list", "remove", "help"]),
    URLS,
)
command_text = st.one_of(
    st.builds(
        lambda verb, rest: f"{verb} {rest}",
        st.sampled_from(["subscribe", "follow", "unsubscribe", "alias", "feeds", "add", "subscriptions", "sources"]),
        st.one_of(st.lists(command_word, max_size=10).map(" ".join), any_text, huge),
    ),
    any_text,
)

# ---- files -----------------------------------------------------------------------------------------------------

SENTENCES = [
    "Maria Lindqvist said on Monday that the quay in Gdansk would reopen in June.",
    "Ola Berg denied that the union had agreed to a pay rise, according to the Harbour Gazette.",
    "The port authority warned that costs will rise next year.",
    "Ana Ruiz met Ola Berg in Riga on 3 March 2025.",
    "“We will not sign,” Ruiz told reporters.",
]
article_text = st.lists(st.one_of(st.sampled_from(SENTENCES), any_text), min_size=1, max_size=6).map("\n\n".join)
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "ascii"]


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="surrogatepass" if codec.startswith("utf") else "replace")


encoded_text = st.builds(_encode, article_text, st.sampled_from(CODECS))


@st.composite
def spliced(draw, base=encoded_text):
    """Valid text with random bytes put in (a truncated download, a stray Latin-1 byte, a NUL)."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


file_bytes = st.one_of(st.binary(max_size=3000), encoded_text, spliced())

# ---- HTML ------------------------------------------------------------------------------------------------------

CHARSETS = [
    "utf-8",
    "UTF-8",
    "utf-16",
    "utf-32",
    "latin-1",
    "windows-1252",
    "shift_jis",
    "utf-7",
    "x-unknown",
    "rot13",
    "base64",
    "punycode",
    "idna",
    "unicode_escape",
    "raw_unicode_escape",
    "zlib",
    "",
]
TAGS = ["p", "div", "article", "h1", "span", "script", "style", "title", "nav", "footer", "a", "br", "table", "td"]


@st.composite
def html_pages(draw) -> bytes:
    parts = ["<!DOCTYPE html>" if draw(st.booleans()) else "", "<html><head>"]
    if draw(st.booleans()):
        parts.append(f'<meta charset="{draw(st.sampled_from(CHARSETS))}">')
    if draw(st.booleans()):
        parts.append(f"<title>{draw(any_text)}</title>")
    for key in draw(st.lists(st.sampled_from(["article:published_time", "og:site_name", "author", "og:title"]))):
        value = draw(st.one_of(any_text, st.sampled_from(["2025-05-05", "9999-99-99", "0000-00-00T25:00"])))
        parts.append(f'<meta property="{key}" content="{value}">')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        close = draw(st.sampled_from([f"</{tag}>", "", "</p></div>"]))
        parts.append(f"<{tag}>{draw(article_text)}{close}")
    if draw(st.booleans()):
        parts.append("</body></html>")
    page = "".join(parts)
    cut = draw(st.integers(0, len(page)))
    page = page[:cut] if draw(st.integers(0, 9)) == 0 else page
    return _encode(page, draw(st.sampled_from(CODECS)))


html_bytes = st.one_of(st.binary(max_size=3000), html_pages(), spliced(html_pages()))

# ---- feeds -----------------------------------------------------------------------------------------------------

LINKS = st.one_of(
    st.sampled_from(
        [
            "https://wire.example/a",
            "/relative/path",
            "javascript:alert(1)",
            "",
            "mailto:x@y",
            "https://",
            "//x.example/",
        ]
    ),
    any_text.map(lambda t: t[:80]),
)
DATES = st.one_of(
    st.sampled_from(
        [
            "Mon, 05 May 2025 10:00:00 GMT",
            "Mon, 99 Foo 99999 99:99:99",
            "2025-05-05T10:00:00Z",
            "9999-12-31T23:59:59-12:00",
            "0001-01-01T00:00:00+14:00",
            "Sat, 31 Dec 9999 23:59:59 -1200",
        ]
    ),
    any_text.map(lambda t: t[:40]),
)


def _x(text: str) -> str:
    """Text as XML character data; some inputs keep a raw '<' or '&' on purpose (`feed_docs` decides)."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_docs(draw) -> bytes:
    atom = draw(st.booleans())
    escape = _x if draw(st.integers(0, 4)) else (lambda t: t)
    items = []
    for _ in range(draw(st.integers(0, 6))):
        link, title, date = draw(LINKS), draw(any_text), draw(DATES)
        if atom:
            items.append(
                f'<entry><title>{escape(title)}</title><link href="{_x(link)}"/><updated>{date}</updated></entry>'
            )
        else:
            items.append(
                f"<item><title>{escape(title)}</title><link>{escape(link)}</link><pubDate>{date}</pubDate></item>"
            )
    body = "".join(items)
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{body}</feed>'
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
    if draw(st.integers(0, 5)) == 0:
        doc = doc[: draw(st.integers(0, len(doc)))]
    return _encode(doc, draw(st.sampled_from(CODECS)))


feed_bytes = st.one_of(st.binary(max_size=2000), feed_docs(), spliced(feed_docs()))

# ---- metadata: JSON sidecars and YAML front matter -------------------------------------------------------------

META_KEYS = ["url", "title", "outlet", "outlet_domain", "author", "published_at", "language", "other"]
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text, DATES),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(any_text, inner, max_size=4)),
    max_leaves=12,
)
meta_dicts = st.dictionaries(st.sampled_from(META_KEYS), json_values, max_size=6)


def _dump_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=True).encode("utf-8", errors="surrogatepass")


def _dump_ascii_json(value) -> bytes:
    """Non-ASCII as escapes, which is how a lone surrogate gets through UTF-8 decoding: "\\ud851"."""
    return json.dumps(value, allow_nan=True).encode("ascii")


sidecar_bytes = st.one_of(
    meta_dicts.map(_dump_json),
    meta_dicts.map(_dump_ascii_json),
    json_values.map(_dump_json),
    st.binary(max_size=500),
    st.integers(1, 5_000).map(lambda n: b"[" * n),
    st.integers(1, 5_000).map(lambda n: b'{"title": ' * n),
)
YAML_SNIPPETS = [
    "published_at: 2025-02-30",
    "published_at: 2025-05-05 25:61:00",
    "published_at: 9999-12-31 23:00:00 -05:00",
    "published_at: 0001-01-01 01:00:00 +05:00",
    "published_at: 2025-05-05T10:00:00Z",
    "title: !!binary aGVsbG8=",
    "title: !!python/object:os.system {}",
    "a: &a [1, 2, 3]\nb: [*a, *a, *a]",
    "title: *undefined",
    "title: [unclosed",
    "outlet: {a: b}",
    "language: 12",
    'title: "Quay \\uD851 reopens"',
    "? [complex, key]\n: value",
]


def _dump_yaml(meta: dict) -> str:
    try:
        return yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return "title: x\n"


front_matter_text = st.one_of(
    meta_dicts.map(_dump_yaml),
    st.lists(st.sampled_from(YAML_SNIPPETS), min_size=1, max_size=4).map("\n".join),
    st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(META_KEYS), any_text),
    st.integers(1, 3_000).map(lambda n: "title: " + "[" * n),
    st.integers(1, 3_000).map(lambda n: "title: " + "- " * n),
)

CONTENT_TYPES = [
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=utf-16",
    "text/html; charset=x-unknown",
    "text/html; charset=rot13",
    "text/html; charset=raw_unicode_escape",
    "text/html; charset=utf-7",
    "text/plain",
    "text/plain; charset=latin-1",
    "application/pdf",
    "",
]
served_pages = st.tuples(st.one_of(html_bytes, file_bytes), st.sampled_from(CONTENT_TYPES))
