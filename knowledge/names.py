"""Name keys that let different spellings of one name meet: case, accents, punctuation and the usual
Latin transliterations of Cyrillic names (Tsikhanouski / Tikhanovsky, Zelensky / Zelenskyy, Kyiv / Kiev).

`name_key` is for exact lookups (alias table); `phonetic_key` is coarser and only ever used with a fuzzy score.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "gen",
    "lt",
    "col",
    "sen",
    "rep",
    "gov",
    "president",
    "prime",
    "minister",
    "secretary",
    "envoy",
    "special",
    "ambassador",
    "general",
    "lieutenant",
    "retired",
    "former",
    "u.s",
    "us",
}
# Ordered rewrites: longer patterns first so "kh" is handled before "h" rules apply.
_TRANSLIT = [
    (r"sch", "sh"),
    (r"kh", "h"),
    (r"zh", "j"),
    (r"ch", "c"),
    (r"ts", "t"),
    (r"tz", "t"),
    (r"ck", "k"),
    (r"ou(?=[sk])", "ov"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"yy\b", "y"),
    (r"iy\b", "y"),
    (r"ii\b", "y"),
    (r"i\b", "y"),
    (r"ie", "e"),
    (r"ei", "e"),
    (r"ey", "e"),
    (r"ia", "a"),
    (r"ya", "a"),
    (r"yu", "u"),
    (r"iu", "u"),
    (r"j", "y"),
    (r"(.)\1", r"\1"),
    (r"y", "i"),
]


# Letters that Unicode does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "ı": "i",
    }
)


def strip_accents(text: str) -> str:
    text = text.translate(_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_DOTTED_INITIAL = re.compile(r"\b([a-z])\.(?=[a-z]\b)")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name. Dotted initials are joined, so "U.S." and "US",
    "J.D. Vance" and "JD Vance" have one key (stored keys are recomputed by migration m008)."""
    text = strip_accents(name).casefold().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = _DOTTED_INITIAL.sub(r"\1", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


@functools.lru_cache(maxsize=65536)
def phonetic_key(name: str) -> str:
    key = name_key(name)
    for pattern, repl in _TRANSLIT:
        key = re.sub(pattern, repl, key)
    return key


def strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def surname(name: str) -> str:
    parts = name_key(name).split()
    return parts[-1] if parts else ""
