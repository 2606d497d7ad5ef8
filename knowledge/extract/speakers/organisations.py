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
  reach, is that organisation (or an anaphor already resolved to it): "It" continues the subject; a document as
  that subject ("The report was released on Monday. It said …") is continued in its own words ("the report"),
  which `documents` traces to its issuer; anything else stays as written;
- two different organisations that fit equally well in the nearest sentence leave the description as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.extract.parse.cues import NOUN_CUES
from knowledge.extract.parse.spans import doc_text
from knowledge.extract.speakers.documents import OWNED, SPOKEN_IN, brought_by
from knowledge.extract.speakers.heads import entity_of
from knowledge.extract.speakers.org_words import BODY_MEMBERS, NAME_KINDS, ORG_NOUNS
from knowledge.extract.speakers.person_words import PERSON_NOUNS, role_word
from knowledge.extract.speakers.places import NOWHERE, Places, before_name, compatible, modifiers, place_key
from knowledge.extract.speakers.reports import REPORTING
from knowledge.tuning import tuning

_WORD = re.compile(r"[\w.]+")
# The generic kind fits an organisation of any kind that is a business, and one whose kind is unknown.
GENERIC = "company"
# A description that fits an organisation of any kind ("the group").
ANY = "any"


@dataclass(frozen=True)
class OrgDescription:
    """A definite description of an organisation: its head noun and the kind that noun asks for."""

    noun: str
    kind: str
    places: Places = NOWHERE  # "the Japanese company": a candidate of another nationality is not meant
    plural: bool = False  # "the companies", "the two unions": organisations named together


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
    if kind in known or kind == ANY:
        return True
    if kind == GENERIC:
        return not known or "company" in known
    return False


def description(tok) -> OrgDescription | None:
    """ "The company", "the tech giant", "The Seattle-based planemaker" as the subject of a clause; not "the
    company's lawyer" (a person), not "the company Boeing" (a name follows), not "the head of the union"."""
    low = tok.lemma_.lower()
    members = BODY_MEMBERS.get(tok.lower_)  # "the justices": the court they sit on, one organisation
    kind = members or ORG_NOUNS.get(low) or ORG_NOUNS.get(tok.lower_)
    if kind is None or members is None and (tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNP", "NNS")):
        return None
    if tok.dep_ not in ("nsubj", "nsubjpass") and not according_to(tok) and not _owns_speaking_document(tok):
        return None
    det = tok.left_edge
    words = sum(
        not t.is_punct and tok.doc[max(t.i - 1, 0)].text != "-" and not (t.dep_ == "compound" and t.pos_ == "NOUN")
        for t in tok.doc[det.i : tok.i]
    )
    if det.lower_ != "the" or words > 3:
        # "the Laval-based company", "the 35-member body": a hyphenated word is one word; "the convenience store
        # operator": nouns compounded with the head are one description, not modifiers that narrow it
        return None
    places = modifiers(tok.doc[det.i + 1 : tok.i])
    if places is None:
        return None  # "the Boeing union", "the company's": another name says which organisation is meant
    if any(c.dep_ in ("appos", "prep", "relcl", "acl") and not _aside(c) for c in tok.children):
        return None  # "the union, IAM District 751,", "the company behind X": it names itself or restricts
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.ent_type_ in ("PERSON", "ORG"):
        return None
    return OrgDescription(noun=low, kind=kind, places=places, plural=tok.tag_ == "NNS" and members is None)


def _owns_speaking_document(tok) -> bool:
    """ "the company's statement said": the owner of a document that speaks stands where a subject would; so does
    the owner of a statement noun with its that-clause ("against the platform's claim that P": the platform said P)."""
    if tok.dep_ != "poss":
        return False
    head = tok.head.lemma_.lower()
    return head in OWNED and tok.head.dep_ in ("nsubj", "nsubjpass") or head in NOUN_CUES


def _reported_subject(t):
    """ "WSB reported that Acme responded. The company said …": an outlet passing a party's news on is not the
    story's actor; the subject of what it reports is the one the next sentence continues."""
    if t.head.lemma_.lower() not in REPORTING:
        return None
    clause = next((c for c in t.head.children if c.dep_ == "ccomp"), None)
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None


def _document(t) -> bool:
    """ "the letter", "the report", "the agency's appeal brief": a definite document as a subject (an owner's
    possessive counted as one word); `documents` names whoever issued it."""
    owner = next((c for c in t.children if c.dep_ == "poss" and c.i < t.i), None)
    start = owner.i if owner is not None else t.left_edge.i
    return t.lemma_.lower() in OWNED and t.left_edge.lower_ in ("the", "this", "that") and t.i - start <= 3


def _aside(clause) -> bool:
    """ "The group, which has 4,000 members, said": a relative clause set off by a comma describes, not restricts;
    "said the airline in its lawsuit": the document it spoke in is the channel, not which airline."""
    if clause.dep_ == "prep" and clause.lower_ == "in":
        return any(c.dep_ == "pobj" and c.lemma_.lower() in OWNED for c in clause.children)
    return clause.dep_ == "relcl" and clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","


def according_to(tok) -> bool:
    """ "according to the company": the description names a source as a subject would."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _inside(ents, tok, idx: int | None) -> bool:
    """Is `tok` part of a mention of entity `idx` (the parser reads "Nine & X" as two subjects joined by "&")?"""
    return idx is not None and entity_of(ents, tok) == idx


@dataclass(frozen=True)
class OrgSubject:
    """An organisation standing as an earlier main-clause subject: a named entity, or one in its own words."""

    entity: int | None
    text: str
    kinds: frozenset[str]


class OrgAnaphora:
    """The organisation half of the speaker resolver (`speakers._Resolver` mixes it in).

    News continues a story through its subjects: "Boeing said X. The company added Y." A description or "it" is
    taken to continue the latest main-clause subject before it that is an organisation of a fitting kind, walking
    back over subjects that are people or things ("the deal", "the report"); a subject the rules cannot read
    ("Seven & I", unknown to the tagger, or a country) stops the walk, and so does "X and Y" — as written is better
    than a guess. "it" continues only the very latest main-clause subject."""

    doc: Any
    ents: Any
    quotes: Any
    starts: list[int]
    body_start: int
    referents: dict[int, Any]
    org_kinds: dict[int, set[str]]
    org_places: dict[int, Places]  # organisation entity -> places the text gives it
    org_unnamed: dict[int, OrgSubject]  # token index of an unresolved description -> it, in its own words
    _documents: dict[int, str]  # token index of an "it" that stands for a document -> the document's words
    roles: dict[int, set[str]]  # person entity -> roles the text gives them, some tied to a name ("head@acme")

    sent_index: Callable[[Any], int]  # the resolver's
    _org_mention: Callable[..., None]  # the resolver's: records `tok` as a mention of an organisation

    def _org_kinds(self, idx: int, span) -> None:
        """ "Delta Air Lines", "Boeing, the planemaker,": the kinds the name or an appositive shows."""
        kinds = self.org_kinds.setdefault(idx, set())
        kinds |= name_kinds(self.ents.entities[idx].name)
        for desc in self.ents.entities[idx].descriptions:
            kinds |= {ORG_NOUNS[w] for w in desc.lower().split() if w in ORG_NOUNS}
        root = span.root
        appos = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        if root.dep_ == "compound" and root.head.i == span.end and root.head.pos_ == "NOUN":
            appos.append(root.head)  # "the Harbour Pilots' Guild union": the name modifies its kind
        kinds |= {ORG_NOUNS[t.lemma_.lower()] for t in appos if t.lemma_.lower() in ORG_NOUNS}
        found = before_name(span)
        for t in appos:  # "Halvard Foods, the Canadian retailer,"
            found = found | (modifiers(t.doc[t.left_edge.i : t.i]) or NOWHERE)
        self.org_places[idx] = self.org_places.get(idx, NOWHERE) | found

    def _main_subjects(self, tok, described: bool):
        """Main-clause subjects before `tok`, latest first, outside quotes and the headline, within reach. A
        description ("the company", "the union") reaches further than "it": it says what kind of organisation it
        continues, and the walk still takes only the latest subject of that kind, as a title takes the latest
        holder of its role; a story names its company in the lede and says "the company" a dozen sentences on."""
        reach = tuning().org_description_search_sentences if described else tuning().speaker_search_sentences
        first = self.starts[max(0, self.sent_index(tok) - reach)]
        for t in reversed(self.doc[max(first, 0) : tok.i]):
            if t.idx < self.body_start:
                return
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and self.quotes.at(t.idx) is None:
                yield _reported_subject(t) or t

    def _as_org(self, t) -> OrgSubject | str:
        """What a subject is for the walk: an organisation, "skip" (a person or a thing), or "stop"."""
        ref = self.referents.get(t.i)
        idx = ref.entity if ref is not None else entity_of(self.ents, t)
        if any(
            c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_) and not _inside(self.ents, c, idx)
            for c in t.children
        ):
            # "Apple and Google were sued": which one a later "the company" means is not shown; but the "&" of
            # one name ("Nine & X said") joins nothing
            return "stop"
        if idx is not None:
            kind = self.ents.entities[idx].type
            if kind == "ORG":
                return OrgSubject(idx, self.ents.entities[idx].name, frozenset(self.org_kinds.get(idx, set())))
            return "skip" if kind == "PERSON" else "stop"
        if ref is not None:
            return "skip"  # an unnamed person ("the spokesman")
        if t.i in self.org_unnamed:
            return self.org_unnamed[t.i]
        if t.pos_ == "PROPN":
            return "stop"  # a name the tagger did not recognise may well be the organisation meant
        owner = self._owner(t)
        return owner if owner is not None else "skip"

    def _owner(self, t) -> OrgSubject | None:
        """ "Acme's operations have suffered. The company said": a thing owned by an organisation keeps that
        organisation the topic (not a person the organisation has: "Acme's lawyer" is skipped as a person)."""
        if t.lemma_.lower() in PERSON_NOUNS or t.lower_ in PERSON_NOUNS:
            return None
        # "a lawsuit filed by Acme accused Brill": the document is Acme's, as "Acme's lawsuit" is
        found = [entity_of(self.ents, c) for c in t.children if c.dep_ == "poss"] + [brought_by(t, self.ents)]
        for idx in found:
            if idx is not None and self.ents.entities[idx].type == "ORG":
                return OrgSubject(idx, self.ents.entities[idx].name, frozenset(self.org_kinds.get(idx, set())))
        return None

    def _held_at_organisation(self, tok) -> str | None:
        """ "The chief executive of Acme Foods says": a title held at a named organisation asks for the person the
        article gives that role there ("Acme president and CEO Ana Ruiz"), as "the US president" asks for the
        president of a place: the role tied to a word of the organisation's name. None when it is no such title,
        or no one the article names holds that role there (the words then stay an unnamed person)."""
        det = tok.left_edge
        if det.lower_ != "the" or tok.i - det.i > 3 or tok.tag_ not in ("NN", "NNP") or self.quotes.at(tok.idx):
            return None
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        idx = entity_of(self.ents, obj) if obj is not None else None
        if idx is None or self.ents.entities[idx].type != "ORG":
            return None
        deputy = [t for t in self.doc[det.i + 1 : tok.i] if t.lower_ in PERSON_NOUNS]  # "the chief executive"
        role = role_word(deputy[0].lower_ if deputy else tok.lower_)
        ent = self.ents.entities[idx]
        wanted = sorted({f"{role}@{place_key(w)}" for v in (ent.name, *ent.variants) for w in v.split()})
        return next((r for r in wanted if any(r in held for held in self.roles.values())), None)

    def _in_body(self, idx: int) -> bool:
        """Named after the headline: a headline's telegraphic capitals ("Dock Workers Vote to Strike") are often
        no organisation at all."""
        return any(m[0] >= self.body_start for m in self.ents.entities[idx].mentions)

    def _sole(self, kind: str | None, places: Places) -> int | None:
        """ "The union said …" before any union is a subject: the one union the article names, wherever it does
        ("The union, the Guild of Harbour Pilots, said"); "the Canadian firm": the one organisation the article
        calls Canadian. A company is too common a kind to assume."""
        if kind is None:
            return None
        sole = {i for i, known in self.org_kinds.items() if kind != GENERIC and kind in known and self._in_body(i)}
        if len(sole) != 1 and places.nations:
            sole = {
                i
                for i, where in self.org_places.items()
                if where.nations & places.nations and fits(kind, self.org_kinds.get(i, set()))
            }
        return sole.pop() if len(sole) == 1 else None

    def _topic(self, kind: str | None, places: Places) -> int | None:
        """ "The company said" where no subject before it is a company: the organisation the article is about, if
        it fits, named after the headline far more often than any other that fits (`Tuning.org_topic_*`); a
        description that fits anything ("the group") asks for more than that, and gets nothing."""
        if kind is None or kind == ANY:
            return None
        counts = {
            i: sum(m[0] >= self.body_start for m in self.ents.entities[i].mentions)
            for i in self.org_kinds
            if fits(kind, self.org_kinds.get(i, set())) and compatible(places, self.org_places.get(i, NOWHERE))
        }
        ranked = sorted(counts.values(), reverse=True) + [0]
        top = max(counts, key=lambda i: counts[i], default=None)
        t = tuning()
        if top is None or ranked[0] < t.org_topic_min_mentions or ranked[0] < t.org_topic_ratio * ranked[1]:
            return None
        return top

    def _resolve_orgs(self, tok, kind: str, end: int) -> bool:
        """ "Acme and Nine & X said they were disappointed. The companies said": a plural description continues
        the latest main-clause subject that joins organisations of a fitting kind by "and", in its own words; one
        organisation alone is not what a plural means, and nothing else is guessed."""
        for t in self._main_subjects(tok, True):
            joined = self._joined_orgs(t)
            if joined is not None and all(fits(kind, self.org_kinds.get(i, set())) for i in joined):
                text = doc_text(self.doc)[t.left_edge.idx : self._joined_end(t)]
                self._org_mention(tok, None, text, end)
                return True
        return False

    def _joined_orgs(self, t) -> list[int] | None:
        """The organisations a subject joins by "and" ("Acme and Nine & X"), or None when it joins anything else."""
        parts = [t, *[c for c in t.subtree if c.dep_ == "conj" and c.head.i in (t.i, *[x.i for x in t.subtree])]]
        found = [entity_of(self.ents, p) for p in parts]
        if len(parts) < 2 or any(i is None or self.ents.entities[i].type != "ORG" for i in found):
            return None
        ids = [i for i in found if i is not None]
        if len(set(ids)) == 1 and " and " in self.ents.entities[ids[0]].name:
            return ids  # "Acme and Halvard" tagged as one name: still two organisations joined
        return ids if len(set(ids)) >= 2 else None

    def _joined_end(self, t) -> int:
        """Where the last organisation joined to subject `t` ends."""
        last = max((c for c in t.subtree if c.dep_ == "conj"), key=lambda c: c.i)
        return max((e for s, e, _ in self.ents._spans if s <= last.idx < e), default=last.idx + len(last.text))

    def _speaking_in_own(self, tok, kind: str | None) -> int | None:
        """ "In Acme's response, the company said": the organisation whose response, statement or filing the
        subject speaks in, named before it in its own clause, when it is of a fitting kind."""
        verb = tok.head
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < tok.i):
            for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in SPOKEN_IN):
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                idx = entity_of(self.ents, owner) if owner is not None else None
                if idx is not None and self.ents.entities[idx].type == "ORG":
                    return idx if kind is None or fits(kind, self.org_kinds.get(idx, set())) else None
        return None

    def _resolve_org(self, tok, kind: str | None, end: int, places: Places = NOWHERE) -> bool:
        """ "The company said", "It added": the organisation this subject continues, if the text shows one."""
        own = self._speaking_in_own(tok, kind) if tok.dep_ == "nsubj" else None
        if own is not None:
            self._org_mention(tok, own, self.ents.entities[own].name, end)
            return True
        for t in self._main_subjects(tok, kind is not None):
            found = self._as_org(t)
            if found == "stop":
                break
            if (
                isinstance(found, OrgSubject)
                and (kind is None or fits(kind, set(found.kinds)))
                and (found.entity is None or compatible(places, self.org_places.get(found.entity, NOWHERE)))
            ):
                self._org_mention(tok, found.entity, found.text, end)
                if found.entity is not None:  # "the Japanese company" said of it: it is Japanese from now on
                    self.org_places[found.entity] = self.org_places.get(found.entity, NOWHERE) | places
                return True
            if kind is None:
                # '"…," the letter said. It said': the letter goes on, and whoever issued it; "It alleges …. Also, it
                # asks …": an "it" that stood for a document still does
                words = self._documents.get(t.i) or (
                    doc_text(self.doc)[t.left_edge.idx : t.idx + len(t.text)] if _document(t) else None
                )
                if words is not None:
                    self._org_mention(tok, None, words, end)
                    self._documents[tok.i] = words
                    return True
                break  # "it" continues only the latest subject
        idx = self._sole(kind, places)
        idx = idx if idx is not None else self._topic(kind, places)
        if idx is not None:
            self._org_mention(tok, idx, self.ents.entities[idx].name, end)
            return True
        if kind is not None and tok.dep_ in ("nsubj", "nsubjpass"):
            # a first mention in its own words ("the state mining company"): later ones may continue it
            words = doc_text(self.doc)[tok.left_edge.idx : end]
            self.org_unnamed[tok.i] = OrgSubject(None, words, frozenset({kind}))
        return False
