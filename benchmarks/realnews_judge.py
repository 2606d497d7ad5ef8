"""The real-news benchmark's judge: whether a summary line reads as a complete sentence, or as a fragment a reader
has to repair. It parses each line with spaCy, so it is independent of the product's own lexical check
(`knowledge.text.wellformed`, which every summary line passes before it is shown): the benchmark does not grade the
product with the product's rule.

Summary lines are compressed from stored spans by deletion; a deletion in the wrong place leaves a fragment ("The
senator says the plan for the", "Clinton's campaign's"), and a span cut at its edges leaves a line that starts
mid-sentence or opens a quote it never closes. The checks are structural, so they hold for any topic:

- every clause (the line split at ";") has a finite verb, and what a reporting verb introduces ("X says …") has
  one of its own unless it is a short object ("denies it", "says so");
- no possessive without its noun ("… against Trump's." / "their, and");
- quotes balanced (curly pairs in order, straight ones even, every opening single quote closed);
- no function word where the line was cut (before "…", ";", a final stop or the end);
- it does not start mid-sentence (a lower-case first word).

The finite-verb check needs part-of-speech tags, so it parses with the extraction pipeline's spaCy model; the
others are lexical. The briefing itself can call `sentence_problems` on a candidate line before choosing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# "(2 outlets, 22–24 Jun)", "(3 outlets, 2 original, 14 Mar)", "(date unknown)": the tail a summary line carries
_TAIL = re.compile(r"\s*\((?:[^()]*\b(?:outlets?|original|unknown)\b[^()]*|[^()]*\d[^()]*)\)\s*$")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
# reporting verbs whose complement is a clause: what follows them must read as one
_REPORTING = {"say", "claim", "argue", "insist", "warn", "tell", "add", "note", "suggest", "contend", "allege"}
_SHORT_OBJECTS = {"it", "so", "this", "that", "yes", "no", "nothing", "otherwise", "them", "him", "her"}
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with without about into onto over under than as and or but nor if "
    "because while whereas although though that which who whom whose what where when whether "
    "is are was were be been being am has have had will would shall should can could may might must "
    "their its our your my".split()
)
# a name's "'s" with nothing after it; a possessive determiner followed by no noun ("his" and "her" also stand alone)
_POSSESSIVE = re.compile(
    r"\b\w+['’]s(?=\s*(?:$|[,;:.!?…]|\)(?!\s+[a-z])))"
    r"|\b(?:their|its|our|your|my|whose)(?=\s*(?:$|[,;:.!?)…]|(?:and|or|but|of|to|in|on|for|with|that|the|a|an)\b))",
    re.I,
)
_PREPOSITIONS = {"for", "of", "about", "with", "like", "to", "on", "in", "at", "by", "from", "than", "after", "before"}
# where a line can have been cut: an ellipsis, a semicolon, or an end without a sentence's final stop ("… the",
# "… the,"); a quoted question ending "… what the platform is?”" is whole
_CUT = re.compile(r"(\w+)\W*?(?:…|\.\.\.|;|[,:]?$)")
_WHOLE_END = re.compile(r"[.?!][\"”’']*$")


@dataclass(frozen=True)
class Problem:
    kind: str  # "no finite verb" | "dangling possessive" | "unbalanced quotes" | "function word at a cut" | ...
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


def body_of(line: str) -> str:
    """The line without the "(2 outlets, 14 Mar)" tail the briefing adds."""
    return _TAIL.sub("", line).strip()


def sentence_problems(line: str, nlp: Any = None) -> list[Problem]:
    """What keeps `line` from reading as a complete sentence (empty: nothing). `nlp` is a spaCy pipeline (the
    extraction pipeline's by default); pass the one you have to avoid loading it."""
    text = body_of(line)
    if not text:
        return [Problem("empty", "no words")]
    problems = _lexical(text)
    if nlp is None:
        from knowledge.extract.nlp import load_nlp

        nlp = load_nlp()
    problems += _verbs(nlp(text))
    return problems


def _lexical(text: str) -> list[Problem]:
    problems = []
    first = next((ch for ch in text if ch.isalpha()), "")
    if first.islower():
        problems.append(Problem("starts mid-sentence", text.split()[0]))
    for m in _POSSESSIVE.finditer(text):
        problems.append(Problem("dangling possessive", m.group(0)))
    quotes = unbalanced_quotes(text)
    if quotes:
        problems.append(Problem("unbalanced quotes", quotes))
    for m in _CUT.finditer(text):
        if m.end() == len(text) and _WHOLE_END.search(text) and not text.endswith(("…", "...")):
            continue
        word = m.group(1).lower()
        before = text[: m.start()].split()
        # "for that", "like that": a demonstrative closing a phrase; "said that" / "the plan that": a cut
        if word == "that" and before and before[-1].lower() in _PREPOSITIONS:
            continue
        if word in FUNCTION_WORDS:
            problems.append(Problem("function word at a cut", m.group(0).strip()))
    return problems


def unbalanced_quotes(text: str) -> str:
    """What is wrong with the quote marks ("" when nothing): curly doubles must pair in order, straight doubles
    come in twos, and every opening single quote is closed (a closing ’ between letters is an apostrophe)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                return "” without “"
            depth -= 1
    if depth:
        return "“ never closed"
    if text.count('"') % 2:
        return 'odd number of "'
    closing = [i for i, ch in enumerate(text) if ch == "’" and not (0 < i < len(text) - 1 and text[i + 1].isalpha())]
    opening = [i for i, ch in enumerate(text) if ch == "‘"]
    if any(not any(c > o for c in closing) for o in opening):
        return "‘ never closed"
    return ""


def _verbs(doc: Any) -> list[Problem]:
    problems = []
    for clause in _clauses(doc):
        words = [t for t in clause if not t.is_punct]
        if not words:
            continue
        if not any(_finite(t) for t in words) and not _imperative(words):
            problems.append(Problem("no finite verb", " ".join(t.text for t in words[:6])))
            continue
        for n, tok in enumerate(words):
            if _finite(tok) and tok.lemma_.lower() in _REPORTING:
                if _attribution_tail(clause, tok):
                    break  # '“We will win,” said Voss', '…, he said on Monday': the reported words came first
                reported = words[n + 1 :]
                if reported and reported[0].lower_ == "that":
                    reported = reported[1:]
                short = len(reported) <= 2 and all(t.lower_ in _SHORT_OBJECTS for t in reported)
                if reported and not short and not any(_finite(t) for t in reported) and not _imperative(reported):
                    said = " ".join(t.text for t in reported[:6])
                    problems.append(Problem("no finite verb", f"in what is reported: {said}"))
                break
    return problems


def _finite(tok: Any) -> bool:
    """A finite verb by its tag, or a past participle the tagger gave a sentence's root with an active subject and
    no auxiliary ("Mr Roe, the president, and his son, EVP, dismissed the report"): a participle cannot head a
    clause alone, so the tag is the tagger's slip for a past tense."""
    if tok.tag_ in _FINITE:
        return True
    deps = {c.dep_ for c in tok.children}
    return tok.tag_ == "VBN" and tok.dep_ == "ROOT" and "nsubj" in deps and not deps & {"aux", "auxpass", "nsubjpass"}


def _attribution_tail(clause: list[Any], verb: Any) -> bool:
    """The reporting verb closes a statement already made: a closing quote or a comma stands right before the verb
    and its subject ('“…,” said Voss', '“…,” Voss said sarcastically', '…, he said on Monday'), with a finite
    verb of the statement before that mark."""
    at = next(i for i, t in enumerate(clause) if t.i == verb.i)
    for back in range(at - 1, max(-1, at - 5), -1):
        t = clause[back]
        if t.text in (",", "”", '"', "''"):
            return any(_finite(x) for x in clause[:back])
        if t.pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
            return False
    return False


def _imperative(words: list[Any]) -> bool:
    """ "Make America great again": a sentence that opens with a capitalised base-form verb (an order, a slogan);
    a lower-case one ("do nothing to boost …") is what is left of a cut clause."""
    return bool(words) and words[0].tag_ == "VB" and words[0].text[:1].isupper()


def _clauses(doc: Any) -> list[list[Any]]:
    out: list[list[Any]] = [[]]
    for tok in doc:
        if tok.text == ";":
            out.append([])
        else:
            out[-1].append(tok)
    return out


def is_complete_sentence(line: str, nlp: Any = None) -> bool:
    return not sentence_problems(line, nlp)
