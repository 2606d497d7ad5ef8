"""Organisations named again by a description or by "it": "the company said", "the tech giant said", "It added".

Real coverage of companies, unions and ministries names the organisation once and then speaks of "the company",
"the planemaker", "the union" or "it"; left as written, a briefing prints "It (claim): …". The rules follow only
what the text shows, as for people (`speakers`):
- a definite description ("the company", "the cybersecurity firm", "the union") that is the subject of a clause
  stands for the latest organisation of a fitting kind named before it, searched from the nearest sentence back.
  The kind is read from the organisation's own name ("Delta Air Lines" is an airline, "IAM District 751" a union,
  "Ministry of Defence" a government body) or from a description the text gives it ("Boeing, the planemaker");
  an organisation whose name says nothing fits the generic kind only ("the company"), never "the union";
- "it" as the subject of a speech verb stands for an organisation only when the latest subject before it, within
  reach, is that organisation (or an anaphor already resolved to it): "It" continues the subject, and anything
  else ("The report was released on Monday. It said …") stays as written;
- two different organisations that fit equally well in the nearest sentence leave the description as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.extract.heads import entity_of
from knowledge.tuning import tuning

# What a description noun says about the organisation it stands for. "company" is the generic kind: a
# description of that kind fits any organisation whose kind the text does not show.
ORG_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        """company firm group corporation business giant conglomerate maker manufacturer retailer startup
        airline carrier planemaker automaker carmaker chipmaker drugmaker bank lender insurer operator provider
        developer publisher platform brand supplier contractor utility exchange owner producer""".split(),
        "company",
    ),
    **dict.fromkeys("union guild federation".split(), "union"),
    **dict.fromkeys(
        """ministry government administration agency department regulator authority commission office embassy
        council committee cabinet parliament legislature military army navy police""".split(),
        "government",
    ),
    **dict.fromkeys("party campaign".split(), "party"),
    **dict.fromkeys("court tribunal".split(), "court"),
    **dict.fromkeys("newspaper broadcaster network outlet".split(), "media"),
    **dict.fromkeys("alliance coalition bloc organisation organization foundation association".split(), "body"),
}
# Words inside an organisation's name that show its kind ("Delta Air Lines Inc.", "Ministry of Defence").
NAME_KINDS: dict[str, str] = {
    **dict.fromkeys(
        """inc inc. corp corp. co co. ltd ltd. llc plc holdings airlines airways motors technologies
        pharmaceuticals""".split(),
        "company",
    ),
    **dict.fromkeys("workers teamsters brotherhood machinists".split(), "union"),
}
_WORD = re.compile(r"[\w.]+")
# The generic kind fits an organisation of any kind that is a business, and one whose kind is unknown.
GENERIC = "company"


@dataclass(frozen=True)
class OrgDescription:
    """A definite description of an organisation: its head noun and the kind that noun asks for."""

    noun: str
    kind: str


def name_kinds(name: str) -> set[str]:
    """The kinds an organisation's own name shows: "Delta Air Lines" → {company} (an airline is a company)."""
    kinds: set[str] = set()
    words = [w.lower() for w in _WORD.findall(name)]
    for w in words:
        kind = NAME_KINDS.get(w) or ORG_NOUNS.get(w)
        if kind:
            kinds.add(kind)
    if " ".join(words[-2:]) == "air lines":
        kinds.add("company")
    return kinds


def fits(kind: str, known: set[str]) -> bool:
    """Does an organisation with the kinds `known` (empty: the text does not say) fit a description of `kind`?"""
    if kind in known:
        return True
    if kind == GENERIC:
        return not known or "company" in known
    return False


def description(tok) -> OrgDescription | None:
    """ "The company", "the tech giant", "The Seattle-based planemaker" as the subject of a clause; not "the
    company's lawyer" (a person), not "the company Boeing" (a name follows), not "the head of the union"."""
    low = tok.lemma_.lower()
    kind = ORG_NOUNS.get(low) or ORG_NOUNS.get(tok.lower_)
    if kind is None or tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNP") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    det = tok.left_edge
    if det.lower_ != "the" or tok.i - det.i > 3:
        return None
    between = tok.doc[det.i : tok.i]
    if any(t.ent_type_ in ("PERSON", "ORG") or t.lower_ in ("’s", "'s") or t.pos_ == "PROPN" for t in between):
        return None  # "the Boeing union", "the union's": a new description, not an anaphor
    if any(c.dep_ in ("appos", "prep", "relcl", "acl") for c in tok.children):
        return None  # "the union, IAM District 751,", "the company behind X": it names itself or restricts
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.ent_type_ in ("PERSON", "ORG"):
        return None
    return OrgDescription(noun=low, kind=kind)


class OrgAnaphora:
    """The organisation half of the speaker resolver (`speakers._Resolver` mixes it in): it reads the resolver's
    mentions, referents and sentence starts, and records what it resolves through `_org_mention`."""

    doc: Any
    ents: Any
    quotes: Any
    starts: list[int]
    body_start: int
    mentions: list[Any]
    referents: dict[int, Any]
    org_kinds: dict[int, set[str]]

    sent_index: Callable[[Any], int]  # the resolver's
    _coordinated: Callable[[Any, Any], bool]  # the resolver's: two entities joined by "and" in one phrase
    _org_mention: Callable[..., None]  # the resolver's: records `tok` as a mention of `m`'s entity

    def _org_kinds(self, idx: int, span) -> None:
        """ "Delta Air Lines", "Boeing, the planemaker,": the kinds the name or an appositive shows."""
        kinds = self.org_kinds.setdefault(idx, set())
        kinds |= name_kinds(self.ents.entities[idx].name)
        for desc in self.ents.entities[idx].descriptions:
            kinds |= {ORG_NOUNS[w] for w in desc.lower().split() if w in ORG_NOUNS}
        root = span.root
        appos = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        kinds |= {ORG_NOUNS[t.lemma_.lower()] for t in appos if t.lemma_.lower() in ORG_NOUNS}

    def _org_candidates(self, tok, kind: str | None) -> list[Any]:
        """Organisation mentions before `tok` that fit `kind` (None: any), nearest sentence first."""
        here, limit = self.sent_index(tok), tuning().speaker_search_sentences
        by_sent: dict[int, list[Any]] = {}
        for m in self.mentions:
            if m.end > tok.idx or here - m.sent > limit or m.start < self.body_start:
                continue
            if m.entity is None:
                known = {m.org_kind} if m.org_kind else None  # an unnamed organisation, or a person
            else:
                known = self.org_kinds.get(m.entity, set()) if self.ents.entities[m.entity].type == "ORG" else None
            if known is not None and (kind is None or fits(kind, known)):
                by_sent.setdefault(m.sent, []).append(m)
        return by_sent[max(by_sent)] if by_sent else []

    def _resolve_org(self, tok, kind: str, end: int) -> bool:
        """ "The company said": the latest fitting organisation; two that fit equally leave it as written."""
        ok = self._org_candidates(tok, kind)
        if not ok:
            self._org_mention(tok, None, end, kind)  # a first mention in its own words: later ones may mean it
            return False
        top = max((m.subject, self._main_clause(m)) for m in ok)
        best = [m for m in ok if (m.subject, self._main_clause(m)) == top]
        if len({m.entity if m.entity is not None else m.text for m in best}) != 1:
            return False
        pick = max(best, key=lambda m: m.start)
        if any(self._coordinated(pick, m) for m in ok):
            return False  # "Apple and Google were sued. The company said": the text does not say which
        self._org_mention(tok, pick, end)
        return True

    def _main_clause(self, m) -> bool:
        """Is the mention the subject of its sentence's main verb ("X said Y had refused": X, not Y)?"""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        while tok.dep_ in ("compound", "flat", "appos", "amod") and tok.head.i != tok.i:
            tok = tok.head
        return tok.head.dep_ == "ROOT"

    def _resolve_it(self, tok, end: int) -> None:
        """ "It added": the organisation that is the latest subject before it, and only that."""
        first = self.starts[max(0, self.sent_index(tok) - tuning().speaker_search_sentences)]
        for t in reversed(self.doc[first : tok.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ != "ROOT" or self.quotes.at(t.idx) is not None:
                continue  # only a main clause's subject: "X said Y had refused. It added" is X
            ref = self.referents.get(t.i)
            idx = ref.entity if ref is not None else entity_of(self.ents, t)
            if idx is None or self.ents.entities[idx].type != "ORG":
                return
            named = [m for m in self.mentions if m.entity == idx and m.end <= tok.idx]
            if named:
                self._org_mention(tok, max(named, key=lambda m: m.start), end)
            return
