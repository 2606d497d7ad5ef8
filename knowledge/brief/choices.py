"""Which candidates for a typed topic are worth asking about, and when one of them clearly wins.

Asking "which Kellogg?" is right for real namesakes (the envoy and the cereal company, each in many articles),
wrong when one person holds most of the mentions, and never right for page junk that entity recognition picked
up from web pages: a single lowercase word, a fragment ("Kellogg's"), a date, an outlet's own name or furniture
("Reuters", "Getty Images", "Read more"). Pure functions; `knowledge.brief.topic` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from knowledge.brief.query import FUNCTION_WORDS
from knowledge.names import name_key

DOMINANT_SHARE = 2 / 3  # of all the candidates' mentions
DOMINANT_RATIO = 2.0  # times the runner-up's mentions
DOMINANT_MIN = 3  # mentions: one article is no majority
# Words typed as a topic that full-text search would read as operators; as topics they are only words.
OPERATOR_WORDS = {"or", "and", "not", "near"}
FURNITURE = set(
    """ap|ap photo|afp|afp photo|getty|getty images|reuters|reuters photo|bloomberg|associated press|photo|image|
    images|video|newsletter|subscribe|sign up|log in|read more|related|advertisement|copyright|privacy policy|
    terms of use|cookie policy|share|comments|follow us""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_MONTHS = "january february march april may june july august september october november december".split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


class Named(Protocol):
    name: str
    mentions: int


def is_junk(name: str, outlets: Iterable[str] = ()) -> bool:
    """Whether a candidate's name is page junk rather than something a reader could mean."""
    text = " ".join((name or "").split())
    key = name_key(text)
    words = key.split()
    if not words or len(key) < 2:
        return True
    if len(words) == 1 and text[:1].islower():
        return True  # "kellogg", "envoy": a word, not a name
    if text[:1].islower() or re.search(r"['’]s?$", text) or text.endswith(("-", ",", ":")):
        return True  # a fragment: "the Kellogg", "Kellogg's"
    if all(w in _MONTHS or w in _DAYS or re.fullmatch(r"\d+(?:st|nd|rd|th)?", w) for w in words):
        return True  # "June 21", "Saturday", "2025" (but "June Carter" is a name)
    if all(w.isdigit() for w in words) or all(w in FUNCTION_WORDS for w in words):
        return True
    furniture = FURNITURE | {name_key(o) for o in outlets if o}
    return key in furniture or len(words) > 6


N = TypeVar("N", bound=Named)


def dominant(candidates: Sequence[N]) -> N | None:
    """The candidate holding the clear majority of mentions, if one does."""
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    ranked = sorted(candidates, key=lambda c: -c.mentions)
    top, runner = ranked[0], ranked[1]
    total = sum(c.mentions for c in ranked)
    if top.mentions >= DOMINANT_MIN and top.mentions >= DOMINANT_SHARE * total:
        if top.mentions >= DOMINANT_RATIO * max(runner.mentions, 1):
            return top
    return None


def only_operators_or_function_words(topic: str) -> bool:
    """ "OR", "and not": words every article has, or search operators; never a text topic on their own."""
    words = re.findall(r"\w+", topic.casefold())
    return bool(words) and all(w in OPERATOR_WORDS or w in FUNCTION_WORDS for w in words)
