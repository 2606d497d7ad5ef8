"""Gold attributions for the real-news benchmark, in the offsets of the text briefbot stored.

Ingestion cleans a text (page furniture lines removed, spaces trimmed, blank lines folded), so offsets into the
file an annotator saw are mapped into the stored text line by line: a line kept by ingestion keeps its characters,
a removed line maps nowhere. Two sources of gold share one shape (`GoldAttribution`):
- PolNeAR's brat standoff files (`polnear_gold`), offsets into the corpus text;
- our own set's claims (`realnews_set`), whose content is an exact substring of the article.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

Span = tuple[int, int]

PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that", "this", "these",
    "those", "his", "their", "its",
}  # fmt: skip
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "the", "former", "jr", "sr"}


@dataclass
class GoldAttribution:
    """One annotated attribution: who (`source`, as written, or the annotated speaker), the content spans."""

    document_id: str
    content: list[Span]
    source: str | None  # the words naming the speaker ("Donald Trump", "he"), or the annotated speaker's name
    source_is_name: bool
    label: str = ""  # where it comes from, for listings ("dev/nyt_2016-…" or "boeing-strike-01/c3")
    speaker_kind: str | None = None  # our set: person | organisation | unnamed
    extra: dict = field(default_factory=dict)
    # a content running over several sentences, split into its sentences (`sentence_units`); empty: one unit
    units: list[list[Span]] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return (min(s for s, _ in self.content), max(e for _, e in self.content))


class LineMap:
    """Offsets of an original text mapped into its stored (cleaned) version, line by line."""

    def __init__(self, original: str, stored: str):
        self.starts: list[int] = []  # original line starts
        self.targets: list[tuple[int, int, int] | None] = []  # (original start, length, stored start) or None
        stored_lines = _lines(stored)
        j = 0
        for start, line in _lines(original):
            key = unicodedata.normalize("NFC", line).strip()
            self.starts.append(start)
            target = None
            if key:
                for k in range(j, min(j + 40, len(stored_lines))):
                    s_start, s_line = stored_lines[k]
                    if s_line.strip() == key:
                        lead = len(line) - len(line.lstrip())
                        s_lead = len(s_line) - len(s_line.lstrip())
                        target = (start + lead, len(key), s_start + s_lead)
                        j = k + 1
                        break
            self.targets.append(target)

    def offset(self, o: int, end: bool = False) -> int | None:
        """Where original offset `o` is in the stored text (None: on a line ingestion dropped or changed)."""
        i = bisect_right(self.starts, o - 1 if end else o) - 1
        target = self.targets[i] if i >= 0 else None
        if target is None:
            return None
        o_start, length, s_start = target
        rel = min(max(o - o_start, 0), length)
        return s_start + rel

    def span(self, s: int, e: int) -> Span | None:
        a, b = self.offset(s), self.offset(e, end=True)
        return (a, b) if a is not None and b is not None and b > a else None


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def is_name(words: str | None) -> bool:
    """Whether a source phrase names someone ("Donald Trump", "the Clinton campaign"), not a pronoun or a
    description ("officials", "a spokesman")."""
    if not words:
        return False
    tokens = re.findall(r"[\w’'.-]+", words)
    if not tokens or len(tokens) > 8 or all(t.lower() in PRONOUNS for t in tokens):
        return False
    return any(t[0].isupper() and t.lower().strip(".") not in TITLES for t in tokens)


def _fold(word: str) -> str:
    """Lower case without accents or a possessive: "González’s" → "gonzalez"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return re.sub(r"['’]s?$", "", bare).strip(".").lower()


def _name_words(words: str) -> list[str]:
    """The capitalised words of a name phrase, before any apposition, parenthesis, "of" place or second name
    ("Rep. Jim Jordan (R-Ohio), an oversight panel member" → jim, jordan; "former Gov. Jeb Bush of Florida" →
    jeb, bush; "Jeb Bush and Gov. Rick Scott" → jeb, bush), titles and possessives dropped, lower-cased."""
    core = re.split(r"[,(]|\s[-–—]\s|\s(?:of|and|who)\s", words, maxsplit=1)[0]
    caps = [t for t in re.findall(r"[\w’'.&-]+", core) if t[0].isupper() and t.lower().strip(".") not in TITLES]
    return [_fold(t) for t in caps]


def head_name(words: str) -> str:
    """The last capitalised word of a name phrase: the surname or the organisation's last name word
    ("Trump campaign manager Kellyanne Conway" → "conway", "Hillary Clinton’s" → "clinton")."""
    caps = _name_words(words)
    return caps[-1] if caps else _fold((words.split() or [""])[-1])


def _alike(a: str, b: str) -> bool:
    """The same name word, or one a demonym of the other ("india" / "indian")."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)))


_MINOR = frozenset("of and the for on in at to de".split())


def initials(name: str) -> str:
    """The letters an organisation's name is shortened to ("International Longshoremen's Association" → "ila",
    "U.N." → "un"); "" for a name that is not all capitalised words."""
    if re.fullmatch(r"(?:[A-Z]\.?){2,6}", name.strip()):
        return name.replace(".", "").strip().lower()
    words = [w for w in re.findall(r"[\w’'&-]+", name) if w.lower() not in _MINOR]
    if not 2 <= len(words) <= 6 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


def same_speaker(gold: str, speaker: str | None) -> bool:
    """A shown speaker agrees with a gold name when it holds the gold name's head word ("Trump" for "Donald
    Trump"), when it is a one-word name found in the gold name ("Seven" for "Seven & i Holdings"), or when one is
    the other's initials ("ILA" / "International Longshoremen's Association": one actor, as either side may
    write it)."""
    if not speaker:
        return False
    if same_mention(gold, speaker):
        return True
    short = [n for n in (gold, speaker) if re.fullmatch(r"(?:[A-Z]\.?){2,6}", n.strip())]
    if len(short) == 1 and initials(gold) and initials(gold) == initials(speaker):
        return True
    words = [_fold(w) for w in re.findall(r"[\w’'.&-]+", speaker)]
    head = head_name(gold)
    if any(_alike(head, w) for w in words):
        return True
    shown = _name_words(speaker)
    return len(shown) == 1 and any(_alike(shown[0], g) for g in _name_words(gold))


def _words(phrase: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w’'&-]+", phrase)]


def same_mention(gold: str, speaker: str) -> bool:
    """The shown speaker is the gold source phrase at another extent: its words run inside the gold phrase ("all
    analysts" in "Virtually all analysts", "John Weaver" in "A top strategist, John Weaver,", a title cut at its
    closing quote mark). One word must be the phrase's last ("poll" in "One poll"), not any word of it ("Trump"
    in "Trump's lawyer" stays for `same_speaker`'s name rules)."""
    g, s = _words(gold), _words(speaker)
    if not s or all(w in PRONOUNS for w in s):
        return False
    if "and" in g and "and" not in s:
        return False  # "Albertsons" is half of "Kroger and Albertsons", not that source at another extent
    starts = [i for i in range(len(g) - len(s) + 1) if g[i : i + len(s)] == s]
    return bool(starts) and (len(s) >= 2 or starts[-1] == len(g) - 1)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def union_overlap(span: Span, pieces: list[Span]) -> int:
    """Characters of `span` inside any of `pieces` (each character counted once, however many pieces hold it)."""
    cut = sorted((max(s, span[0]), min(e, span[1])) for s, e in pieces if s < span[1] and e > span[0])
    total, reach = 0, span[0]
    for s, e in cut:
        s = max(s, reach)
        if e > s:
            total, reach = total + e - s, e
    return total


def covers_with_siblings(
    cited: list[Span], content: list[Span], siblings: list[list[Span]], share: float = 0.5
) -> bool:
    """A citation holding this gold content and others of the same speaker ('"A." / "B." / "C."' shown as one
    quote, annotated as three): at least `share` of this content is cited, and at least `share` of the cited
    characters are annotated content (this one's or a sibling's). Text that no annotation holds still counts
    against it, so a quote run on into narration is not backed."""
    gold_len = sum(e - s for s, e in content)
    held = sum(overlap(c, piece) for c in cited for piece in content)
    annotated = [piece for sib in [content, *siblings] for piece in sib]
    in_gold = sum(union_overlap(c, annotated) for c in cited)
    return gold_len > 0 and held >= share * gold_len and in_gold >= share * sum(e - s for s, e in cited)


def covers(
    citation: Span,
    content: list[Span],
    share: float = 0.5,
    words: list[Span] | None = None,
    units: list[list[Span]] | None = None,
) -> bool:
    """A citation covers a gold content when most of each is in the other: at least `share` of the gold content's
    characters are cited, and at least `share` of the cited characters are gold content. A split quote's citation
    names its `words` (the pieces around the "she said"): those are the characters it cites.

    A gold content of several sentences (`units`, PolNeAR's convention: one speaker's run of quoted sentences is
    one content) is also covered by a citation of some of its sentences, each at least `share` cited, when at
    least `share` of the cited characters are in those sentences: the same rule, one sentence as the gold."""
    cited = words or [citation]
    cited_len = sum(e - s for s, e in cited)

    def most_of_each(gold: list[Span]) -> bool:
        shared = sum(overlap(c, piece) for c in cited for piece in gold)
        gold_len = sum(e - s for s, e in gold)
        return gold_len > 0 and shared >= share * gold_len and shared >= share * cited_len

    if most_of_each(content):
        return True
    if not units or len(units) < 2:
        return False
    taken = [piece for unit in units if most_of_each_unit(cited, unit, share) for piece in unit]
    return bool(taken) and most_of_each(taken)


def most_of_each_unit(cited: list[Span], unit: list[Span], share: float) -> bool:
    """At least `share` of a sentence of the gold content is cited."""
    length = sum(e - s for s, e in unit)
    return length > 0 and sum(overlap(c, piece) for c in cited for piece in unit) >= share * length


# a sentence ends at . ? ! (after a small letter, a digit or a closing bracket, so "U.S. Senate" goes on, and not
# after a title: "Mr. Trump"), closing quote marks and space, before a capital or an opening quote
_TITLES = frozenset("mr mrs ms dr st jr sr sen rep gov gen lt col sgt capt prof rev vs no ft mt".split())
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%])[.?!](?:[\"”’']|'')*\s+(?=(?:[\"“‘']|``)?[A-Z])|[.?!](?:[\"”’']|'')+\s+")


def sentence_units(content: list[Span], text: str) -> list[list[Span]]:
    """The content's pieces cut at sentence ends and grouped by sentence: one unit per sentence it runs over
    (the pieces of a quote split around "she said" inside one sentence stay one unit)."""
    if not content:
        return []
    lo, hi = min(s for s, _ in content), max(e for _, e in content)
    ends = [
        m.end()
        for m in _SENTENCE_END.finditer(text, lo, hi)
        if text[max(0, m.start() - 5) : m.start()].split()[-1:]
        not in ([t] for t in _TITLES | {t.title() for t in _TITLES})
    ]
    groups: dict[int, list[Span]] = {}
    for s, e in sorted(content):
        cuts = [s] + [x for x in ends if s < x < e] + [e]
        for a, b in zip(cuts, cuts[1:]):
            b = len(text[a:b].rstrip()) + a
            if b > a:
                groups.setdefault(bisect_right(ends, a), []).append((a, b))
    return [groups[k] for k in sorted(groups)]


# ---- PolNeAR ---------------------------------------------------------------------------------------------------


def read_ann(path: Path) -> list[tuple[list[Span], list[Span] | None, str | None]]:
    """(content spans, source spans, source text) of each attribution in a brat file (original offsets)."""
    spans: dict[str, tuple[str, list[Span], str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, where = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in where.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in pieces], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:] if ":" in arg))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""))
        out.append((content[1], source[1] if source else None, source[2] if source else None))
    return out


def polnear_gold(document_id: str, label: str, ann: Path, lines: LineMap, stored: str = "") -> list[GoldAttribution]:
    """Each attribution of a brat file in the stored text's offsets; with the `stored` text, a content of several
    sentences also as its sentences (`covers`)."""
    out = []
    for content, _source_spans, source_text in read_ann(ann):
        mapped = [m for m in (lines.span(s, e) for s, e in content) if m is not None]
        if mapped:
            units = sentence_units(mapped, stored) if stored else []
            out.append(GoldAttribution(document_id, mapped, source_text, is_name(source_text), label, units=units))
    return out
