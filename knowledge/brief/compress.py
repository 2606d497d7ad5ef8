"""Sentence compression for summary lines: the same words, fewer of them.

Only deletions, never rewording: titles in front of names ("Belarusian leader Alexander Lukashenko"), appositives
and relative clauses between commas (", Trump's envoy for the Middle East,"), a trailing phrase hung on the clause
(", the most senior American visit in years"), time words the date label already gives ("on Saturday"), a leading
"that". Full names of known people become surnames. Because nothing is added, every word left is a word of the
cited span, which is what the grounding check then confirms.
"""

from __future__ import annotations

import re

from knowledge.brief.query import FUNCTION_WORDS

MIN_WORDS = 4  # a compression that leaves fewer words has cut away the clause itself
MAX_CHARS = 150  # a summary line's body; longer compressions are cut at a clause boundary

ROLE_WORDS = (
    "envoy|leader|dictator|president|minister|analyst|official|spokesman|spokeswoman|spokesperson|secretary|ambassador|"
    "adviser|advisor|chancellor|premier|senator|governor|director|commander|diplomat|negotiator|blogger|activist|"
    "figure|representative|lawmaker|mayor|candidate|aide|chief|general|head|founder|chairman|chair|journalist|"
    "reporter|correspondent|politician|prosecutor|judge|commissioner|tycoon|billionaire"
)
TITLE_WORDS = (
    "President|Minister|Secretary|Senator|Governor|Chancellor|Ambassador|Envoy|Director|Premier|Commander|Mayor|"
    "Judge|Prosecutor|Chairman|Chairwoman|Commissioner|"
    "Spokesman|Spokeswoman|Representative|Rep\\.|Sen\\.|Gov\\.|Gen\\.|Lt\\.|Col\\.|Dr\\.|Mr\\.|Mrs\\.|Ms\\."
)
_MODIFIER = r"(?:[A-Z][\w.'’-]*|special|former|retired|senior|top|deputy|foreign|prime|vice|political|opposition|jailed|freed|exiled|acting|chief|national|security|state|defence|defense|interior|finance|trade)"
# "U.S. special envoy Keith Kellogg" -> "Keith Kellogg": a title phrase ending in a role word, right before a name.
_TITLE = re.compile(
    rf"(?<![\w'’])(?:(?:the|a|an)\s+)?(?:{_MODIFIER}\s+){{0,4}}(?:{ROLE_WORDS}|{TITLE_WORDS})\s+(?=[A-Z][a-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_TIME = re.compile(
    rf"\s*\b(?:(?:on|late|early|by)\s+(?:late\s+|early\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?"
    rf"|(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s+\d{{4}})?"
    r"|(?:late\s+|early\s+|earlier\s+|later\s+)?(?:this|last|next)\s+(?:week|month|year|weekend)"
    r"|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
# ", who ... ," / ", Trump's envoy for the Middle East," between commas, when the clause goes on in lowercase.
_INNER = re.compile(r",\s+(?:who|which|whose|whom|[^,;:“”\"]{2,120}?)\s*,\s+(?=(?!and\b|or\b|but\b)[a-z])")
_DASHED = re.compile(r"\s*[—–]\s*[^—–]{2,120}?\s*[—–]\s*")  # "aid to Kyiv—something Russia claims ...—and"
_RELATIVE = re.compile(r",\s+(?:who|which|whose|whom)\b[^,;]*,\s+")
# ", rejecting ..." / ", the most senior ..." / ", according to ..." at the end of the clause.
_TRAILING = re.compile(
    r",\s+(?:[a-z]+ing\b|the\s+most\b|the\s+first\b|a\s+|an\s+|who\b|which\b|where\b|according\s+to\b|"
    r"days\s+after\b|hours\s+after\b|weeks\s+after\b|as\s+well\b).*$"
)
_LEADING = re.compile(r"^(?:that|whether)\s+", re.I)
_CLAUSE_CUT = re.compile(r"(?:,\s+(?:and|but|while|as)\s+|;\s+|,\s+)")


_PAST = set("met told said saw took made gave left sent spoke led held let put beat won hit found".split())


def _untitled(m: re.Match[str]) -> str:
    """Delete a title only where it starts a noun phrase: at the start, or after a verb or a function word. After
    a noun ("union leader Maria Lindqvist") it is part of a longer description and stays."""
    before = m.string[: m.start()].rstrip()
    word = before.rsplit(" ", 1)[-1] if before else ""
    if not word or not word[-1:].isalpha() or not word.islower():
        return "" if not word or not word[-1:].isalnum() else str(m.group(0))
    if word in FUNCTION_WORDS or word in _PAST or word.endswith(("ed", "es", "s")):
        return ""
    return str(m.group(0))


def _shorten_names(text: str, people: list[str]) -> str:
    """Full names of known people become surnames ("Alexander Lukashenko" -> "Lukashenko"), longest first; a
    plain substring test first, so the many people of a topic cost next to nothing when absent."""
    present = sorted((n for n in people if " " in n and n in text), key=len, reverse=True)
    # a surname two known people share stays a full name: "Field" alone would not say which (checked only for the
    # few names present, so the many people of a topic cost next to nothing)
    present = [n for n in present if not any(o != n and o.endswith(" " + n.split()[-1]) for o in people)]
    for name in present:  # str.find, not a regex per name: names differ per topic and would thrash re's cache
        surname, out, pos = name.split()[-1], [], 0
        while (at := text.find(name, pos)) >= 0:
            end = at + len(name)
            bounded = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            out.append(text[pos:at] + (surname if bounded else name))
            pos = end
        text = "".join(out) + text[pos:]
    return text


def compress(text: str, people: list[str] | None = None, max_chars: int = MAX_CHARS) -> str:
    """A shorter form of `text` made only by deleting words (see the module docstring)."""
    out = " ".join(text.split()).rstrip(" .")
    out = _LEADING.sub("", out)
    out = _keep_clause(out, _DASHED.sub(" ", out))
    out = _keep_clause(out, _RELATIVE.sub(" ", out))
    previous = None
    while previous != out:
        previous = out
        out = _keep_clause(out, _INNER.sub(" ", out, count=1))
    out = _keep_clause(out, _TRAILING.sub("", out))
    out = _TITLE.sub(_untitled, out)
    out = _TIME.sub("", out)
    out = _shorten_names(out, people or [])
    out = re.sub(r"\s+([,;:.])", r"\1", re.sub(r"\s{2,}", " ", out)).strip(" ,;")
    return _cut(out, max_chars) if len(out) > max_chars else out


def _keep_clause(before: str, after: str) -> str:
    """A deletion that leaves too little (a bare name: "Tikhanovsky, a blogger who ..., was arrested") is undone,
    and so is one that takes a number or year with it ("in 2020"): later words may lean on it ("that year")."""
    if len(after.split()) < MIN_WORDS:
        return before
    digits = sum(map(str.isdigit, before)) - sum(map(str.isdigit, after))
    return before if digits else after


def _cut(text: str, limit: int) -> str:
    """The longest leading run of whole clauses within `limit`, else whole words."""
    best = ""
    for m in _CLAUSE_CUT.finditer(text):
        if m.start() > limit:
            break
        if m.start() >= limit // 3:
            best = text[: m.start()]
    if best:
        return best
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
