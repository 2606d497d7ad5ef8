"""Who "he", "she", "they", "the spokesman", "who" and a bare surname are: the nearest compatible person before.

A briefing that pins a quote on the wrong person is worse than one that says "a spokesman", so the rules only
follow what the text itself shows. Candidates are the people named earlier (named entities) and the unnamed ones
("a ministry spokesman", "two officials"), outside quotation marks (a speaker is rarely named inside his own
quote). A candidate must agree in number and in gender as the text shows it — an honorific ("Ms Holt"), a
gendered role noun ("spokeswoman"), a pronoun already resolved to that person — and an unknown gender agrees with
both. A title ("the envoy") needs a person the article gave that role: a title before the name ("Foreign Minister
Ana Cruz"), an appositive ("Tom Vance, the ministry's spokesman") or a relative clause ("Tom Vance, who runs the
press office" makes him its head, chief or director). Sentences are searched from the nearest back; within one
sentence a speaker comes first (a speaker goes on: "X said A. She added B"), then the latest subject, then the
latest other mention. Two people joined by "and" ("X and Y appeared together. He said") leave a pronoun as
written unless the text has shown which one it fits; an unresolved title ("The mayor denied ...") stays a candidate
in its own words, so the next "she" cannot skip back past it. The topic of a briefing is never a default: what
finds no compatible candidate stays as written. coreferee (the spaCy coreference component) was compared and cannot be installed with the pinned
model (see benchmarks/README.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.cues import VERB_CUES
from knowledge.extract.parse.spans import SENT_KEY, QuoteIndex, doc_text, sentence
from knowledge.extract.speakers.binding import main_subject, own_clause
from knowledge.extract.speakers.epithets import EpithetAnaphora
from knowledge.extract.speakers.heads import Referent, _Mention, entity_of, title_chain
from knowledge.extract.speakers.organisations import OrgAnaphora, OrgSubject, according_to, description
from knowledge.extract.speakers.person_words import (
    GENDERED,
    HONORIFICS,
    OBJECT_PRONOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    RELATIVE_ROLES,
    elect_role,
    given_genders,
    role_word,
)
from knowledge.extract.speakers.places import Places, modifiers, qualified, qualify
from knowledge.tuning import tuning

PAIR = "pair"  # the role of "X and Y" named together, which "both" asks for
_JOINED = re.compile(r"^,?\s+(?:and|or)\s+[^.;:!?]*$")
_POSSESSIVE = re.compile(r"^,?\s+and\s+(his|her)\s", re.I)


class _Resolver(OrgAnaphora, EpithetAnaphora):
    def __init__(self, doc, ents: DocEntities, *, body_start: int = 0):
        self.doc, self.ents = doc, ents
        self.body_start = body_start  # where the headline ends: its telegraphic words name no antecedent
        self.quotes = QuoteIndex(doc_text(doc))
        sentence(doc[0])  # fills the per-Doc cache of sentence starts that `sent_index` reads
        self.starts: list[int] = doc.user_data[SENT_KEY]
        self.gender: dict[int, str | None] = {}  # entity -> "m" / "f" / None (conflicting evidence)
        self.roles: dict[int, set[str]] = {}
        self.org_kinds: dict[int, set[str]] = {}  # organisation entity -> kinds its name or the text shows
        self.org_places: dict[int, Places] = {}  # organisation entity -> places the text gives it
        self.org_unnamed: dict[int, OrgSubject] = {}
        self._documents: dict[int, str] = {}
        self.mentions: list[_Mention] = []
        self.referents: dict[int, Referent] = {}  # anaphor token index -> what it stands for

    def sent_index(self, tok) -> int:
        return bisect_right(self.starts, tok.i) - 1

    # --- evidence -------------------------------------------------------------------------------------------

    def _set_gender(self, idx: int, g: str | None) -> None:
        if g is None:
            return
        if idx not in self.gender:
            self.gender[idx] = g
        elif self.gender[idx] != g:
            self.gender[idx] = None  # two signals disagree: the text does not settle it

    def _named(self) -> None:
        doc, ents = self.doc, self.ents
        for s, e, idx in sorted(ents._spans):
            ent = ents.entities[idx]
            if ent.type not in ("PERSON", "ORG"):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span) or span[0].lower_ in PRONOUNS or span[0].lower_ == "the":
                continue
            root = span.root
            if ent.type == "PERSON":
                first = span[0].lower_ if len(span) >= 2 else None
                if first is not None and first in given_genders():
                    self._set_gender(idx, given_genders()[first])  # weak: any signal against it unsets it
                for desc in ent.descriptions:
                    for w in desc.split():
                        self._role(idx, w)
                    self.roles.setdefault(idx, set()).update(qualified(self.roles.get(idx, set()), desc))
                prev = doc[span.start - 1] if span.start > 0 else None
                if prev is not None and prev.lower_ in HONORIFICS:
                    self._set_gender(idx, HONORIFICS[prev.lower_])
                self._appositive_roles(idx, span)
                chain = title_chain(span)  # "Acme president and CEO Ana Ruiz": her roles there
                for w in chain.split():
                    self._role(idx, w)
                self.roles.setdefault(idx, set()).update(qualified(self.roles.get(idx, set()), chain))
            if ent.type == "ORG":
                self._org_kinds(idx, span)
            # "the Daggetts": a family named by its surname in the plural is "they"
            family = (
                ent.type == "PERSON"
                and span[-1].lower_.endswith("s")
                and span.start > 0
                and doc[span.start - 1].lower_ == "the"
            )
            number = "pl" if ent.type == "ORG" or family else "sg"
            if self.quotes.at(s) is not None:
                continue
            self.mentions.append(_Mention(s, e, self.sent_index(root), _is_subject(root), number, idx, ent.name))
        self._coordinations()

    def _between(self, a: _Mention, b: _Mention) -> str | None:
        """The words joining two people in one phrase by "and" ("X and Finance Minister Y", "X, and his
        counterpart, Y"), or None when a verb, a clause or a sentence stands between them."""
        first, second = (a, b) if a.start < b.start else (b, a)
        if first.sent != second.sent or first.end > second.start:
            return None
        between = doc_text(self.doc)[first.end : second.start]
        if not _JOINED.match(between) or len(between.split()) > 6:
            return None
        span = self.doc.char_span(first.end, second.start, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span):
            return None
        return between

    def _coordinations(self) -> None:
        """ "X, and his counterpart, Y": the possessive shows the gender of the person named first. "X and Y" as a
        subject is also one plural candidate in its own words, for a later "they" or "both"."""
        people = [m for m in self.mentions if m.entity is not None and self.ents.entities[m.entity].type == "PERSON"]
        for a, b in zip(people, people[1:]):
            between = self._between(a, b)
            g = _POSSESSIVE.match(between) if between else None
            if g and a.entity is not None:
                self._set_gender(a.entity, "m" if g.group(1).lower() == "his" else "f")
            if between is not None and (a.subject or b.subject) and a.entity != b.entity:
                level = max(a.subject, b.subject)
                pair = _Mention(a.start, b.end, a.sent, level, "pl", None, doc_text(self.doc)[a.start : b.end])
                pair.roles = {PAIR}
                self.mentions.append(pair)

    def _coordinated(self, a: _Mention, b: _Mention) -> bool:
        """Two different people joined by "and" in one phrase: "X and Y appeared together. He said" names
        neither."""
        if a.entity is None or b.entity is None or a.entity == b.entity:
            return False
        return self._between(a, b) is not None

    def _fits_better(self, a: _Mention, b: _Mention, gender: str | None) -> bool:
        """The text shows `a` has the pronoun's gender and does not show `b`'s ("X, and his counterpart, Y")."""
        if gender is None or a.entity is None or b.entity is None:
            return False
        return self.gender.get(a.entity) == gender and self.gender.get(b.entity) is None

    def _role(self, idx: int, word: str) -> None:
        low = word.lower().strip(",.")
        if low in GENDERED:
            self._set_gender(idx, GENDERED[low][0])
        if low in PERSON_NOUNS:
            self.roles.setdefault(idx, set()).add(role_word(low))
        elif elect_role(low) is not None:  # "President-elect Ana Ruiz": the role she is about to take, its own
            self.roles.setdefault(idx, set()).add(str(elect_role(low)))

    def _appositive_roles(self, idx: int, span) -> None:
        """ "Tom Vance, the ministry's spokesman," / "the ministry's spokesman, Tom Vance," / "Tom Vance, who runs
        the press office,": roles the writer gives the person right at the name."""
        root = span.root
        for child in root.children:
            if child.dep_ == "appos":
                self._role(idx, child.text)
            elif child.dep_ == "relcl" and child.i > root.i:
                rel = child.lemma_.lower()
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in child.children):
                    for w in RELATIVE_ROLES.get(rel, ()):
                        self.roles.setdefault(idx, set()).add(w)
                    for c in child.children:
                        if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in PERSON_NOUNS:
                            self._role(idx, c.text)  # "who is the mayor's deputy"
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            self._role(idx, root.head.text)
        for t in span:  # a title inside the entity's span ("Deputy Minister Tom Vance")
            if t.lower_ in PERSON_NOUNS:
                self._role(idx, t.text)

    def _org_mention(self, tok, entity: int | None, text: str, end: int) -> None:
        """`tok` stands for an organisation: an entity, or one named only in its own words ("the state mining
        company"); either way the next anaphor finds it (number "org": never a person's pronoun)."""
        self.referents[tok.i] = Referent(entity, text)
        number = "pl" if entity is not None else "org"
        self.mentions.append(
            _Mention(tok.left_edge.idx, end, self.sent_index(tok), _is_subject(tok), number, entity, text)
        )

    def _person_at(self, tok) -> bool:
        idx = entity_of(self.ents, tok)
        return idx is not None and self.ents.entities[idx].type == "PERSON"

    def _unnamed(self, tok) -> None:
        """A person noun that no name stands beside: "a ministry spokesman", "two officials", "the aide"."""
        if tok.ent_type_ == "PERSON" or tok.dep_ in ("compound", "poss"):
            return  # "the deputy minister", "farmers' leader X": a modifier, not somebody of its own
        if any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or self._person_at(c)) for c in tok.children):
            return  # "the ministry's spokesman, Tom Vance": a description of a named person
        if tok.dep_ == "appos" and (tok.head.ent_type_ == "PERSON" or tok.head.pos_ == "PROPN"):
            return  # "Marcus Hale, the special envoy": his description
        det = tok.left_edge
        if (
            self.quotes.at(tok.idx) is not None
            or det.lower_ == "the"
            and not any(c.dep_ == "prep" for c in tok.children)
        ):
            return  # "the spokesman": an anaphor, resolved as a title, not somebody new
        start, end = det.idx, tok.idx + len(tok.text)
        for c in tok.children:  # "a spokesman for the ministry"
            if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in ("for", "of", "at", "in", "from"):
                end = c.right_edge.idx + len(c.right_edge.text)
        comma = doc_text(self.doc).find(",", tok.idx, end)
        end = comma if comma > 0 else end  # "an official in Kyiv, who asked not to be named,": not part of who
        inside = self.ents.at(start, end)
        if inside is not None and self.ents.entities[inside].type == "PERSON":
            return
        number = "pl" if tok.tag_ in ("NNS", "NNPS") else "sg"
        text = doc_text(self.doc)[start:end]
        m = _Mention(start, end, self.sent_index(tok), _is_subject(tok), number, None, text)
        m.roles, m.gender = {role_word(tok.lemma_)}, GENDERED.get(tok.lemma_.lower(), (None,))[0]
        self.mentions.append(m)

    # --- resolution -----------------------------------------------------------------------------------------

    def _compatible(self, m: _Mention, number: str, gender: str | None, role: str | None) -> bool:
        if m.number != number:
            return False
        if m.entity is not None and self.ents.entities[m.entity].type == "ORG":
            return number == "pl" and role is None
        g = m.gender if m.entity is None else self.gender.get(m.entity)
        if gender is not None and g is not None and g != gender:
            return False
        if role is not None:
            roles = m.roles if m.entity is None else self.roles.get(m.entity, set())
            return role in roles
        return True

    def _pick(self, tok, number: str, gender: str | None, role: str | None) -> _Mention | None:
        here = self.sent_index(tok)
        limit = None if role and role != PAIR else tuning().speaker_search_sentences
        by_sent: dict[int, list[_Mention]] = {}
        clause = own_clause(tok)
        for m in self.mentions:
            if m.end <= tok.idx and (limit is None or here - m.sent <= limit) and not self._inside(m, clause):
                by_sent.setdefault(m.sent, []).append(m)
        for n in sorted(by_sent, reverse=True):
            ok = [m for m in by_sent[n] if self._compatible(m, number, gender, role)]
            if not ok:
                continue
            if role is not None:
                # a title: the latest holder of the role, unless two people hold it in that sentence ("envoy X met
                # envoy Y. The envoy said": the text does not say which)
                holders = {m.entity if m.entity is not None else m.text for m in ok}
                return max(ok, key=lambda m: m.start) if len(holders) == 1 else None
            # a speaker goes on speaking ("X said A. She added B"); then the latest subject, then the latest mention
            best = max(ok, key=lambda m: (m.subject, main_subject(self.doc, m.start, m.end), m.start))
            if any(self._coordinated(best, m) and not self._fits_better(best, m, gender) for m in ok):
                return None  # "X and Y appeared together. He said": the text does not say which
            return best
        return None

    def _inside(self, m: _Mention, tokens: frozenset[int]) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand") if tokens else None
        return span is not None and len(span) > 0 and span.root.i in tokens

    def _resolve(self, tok, number: str, gender: str | None, role: str | None, end: int) -> None:
        m = self._pick(tok, number, gender, role)
        if (m is None or m.entity is None) and role is not None and number == "sg":  # not "the two ministers"
            # the one person the article gives that role, named later ("The envoy ... X"), also when an unnamed
            # mention of the role came first ("blocked by a federal judge. The judge agreed … Judge Ana Ruiz")
            holders = {i for i, r in self.roles.items() if role in r}
            idx = holders.pop() if len(holders) == 1 else None
            if idx is not None and (gender is None or self.gender.get(idx) in (None, gender)):
                m = _Mention(tok.idx, end, self.sent_index(tok), 0, "sg", idx, self.ents.entities[idx].name)
        if m is None:
            if role is not None and _is_subject(tok):
                # "The mayor denied A. She also denied B": an unresolved title is still the person the next
                # pronoun means, so it stays a candidate in its own words rather than letting "she" skip back
                words = doc_text(self.doc)[tok.left_edge.idx : end]
                ref = _Mention(tok.left_edge.idx, end, self.sent_index(tok), _is_subject(tok), number, None, words)
                ref.roles, ref.gender = {role}, gender
                self.mentions.append(ref)
            return
        self.referents[tok.i] = Referent(m.entity, m.text)
        if m.entity is not None and gender is not None:
            self._set_gender(m.entity, gender)
        # the anaphor is now a mention of the same person, for the next anaphor to find
        ref = _Mention(tok.left_edge.idx, end, self.sent_index(tok), _is_subject(tok), m.number, m.entity, m.text)
        ref.roles, ref.gender = m.roles, m.gender or gender
        self.mentions.append(ref)

    def run(self) -> dict[int, Referent]:
        self._named()
        for tok in self.doc:  # one pass: an unnamed person is a candidate for every anaphor after it
            low = tok.lower_
            org = description(tok) if self.quotes.at(tok.idx) is None else None
            if org is not None and org.plural and self._resolve_orgs(tok, org.kind, tok.idx + len(tok.text)):
                continue
            if (
                org is not None
                and not org.plural
                and self._resolve_org(tok, org.kind, tok.idx + len(tok.text), org.places)
            ):
                continue
            if low == "it" and tok.dep_ in ("nsubj", "nsubjpass") and self.quotes.at(tok.idx) is None:
                if tok.head.lemma_.lower() in VERB_CUES:
                    self._resolve_org(tok, None, tok.idx + len(tok.text))
                continue
            if self._resolve_epithet(tok):  # "the Acme founder", "Acme's CEO", "the billionaire"
                continue
            elect = self._elect_title(tok)
            if elect is not None:  # "the president-elect said": the one person the text gives that role
                self._resolve(tok, "sg", None, elect, tok.idx + len(tok.text))
                continue
            person_noun = _role_noun(tok) and (low in PERSON_NOUNS or tok.lemma_.lower() in PERSON_NOUNS)
            according = low in OBJECT_PRONOUNS and according_to(tok)  # "according to her"
            if not person_noun and low not in PRONOUNS and not according:
                continue
            held = self._held_at_organisation(tok) if person_noun else None  # "the chief executive of Acme"
            if person_noun and held is None:
                self._unnamed(tok)
            end = tok.idx + len(tok.text)
            subj = low in PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass")
            if (subj or according) and self.quotes.at(tok.idx) is None:
                number, gender = PRONOUNS[OBJECT_PRONOUNS.get(low, low)]
                self._resolve(tok, number, gender, PAIR if low == "both" else None, end)
            elif held is not None:
                self._resolve(tok, "sg", GENDERED.get(low, (None,))[0], held, end)
            elif self._is_title(tok):
                word = tok.lemma_.lower() if tok.tag_ == "NNS" else low
                number = "pl" if tok.tag_ == "NNS" else "sg"
                # "the deputy minister" is a deputy: a person noun before the head says which role is meant
                deputy = [t for t in self.doc[tok.left_edge.i : tok.i] if t.lower_ in PERSON_NOUNS]
                role = role_word(deputy[0].lower_) if deputy else role_word(word)
                role = qualify(role, modifiers(self.doc[tok.left_edge.i + 1 : tok.i]))  # "the US president"
                self._resolve(tok, number, GENDERED.get(low, (None,))[0], role, end)
        return self.referents

    def _is_title(self, tok) -> bool:
        """ "The spokesman", "the retired general": a definite role noun standing alone, not before a name."""
        low = tok.lower_
        if not _role_noun(tok) or (low not in PERSON_NOUNS and tok.lemma_.lower() not in PERSON_NOUNS):
            return False
        det = tok.left_edge
        if det.lower_ != "the" or tok.i - det.i > 3 or self.quotes.at(tok.idx) is not None:
            return False
        if modifiers(self.doc[det.i + 1 : tok.i]) is None:
            return False  # "the ministry's spokesman" is a new description; "the US president" asks for a place
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.dep_ == "prep" and nxt.head.i == tok.i):
            return False  # "the envoy Keith Kellogg", "the head of the office"
        return not any(c.dep_ == "appos" for c in tok.children)


def _role_noun(tok) -> bool:
    """A common noun, or one capitalised as a title is ("the US President said") and no part of a name."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_)


def _is_subject(tok) -> int:
    while tok.dep_ in ("compound", "flat", "appos", "amod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    return 2 if tok.head.lemma_.lower() in VERB_CUES else 1


def resolve_document(
    doc, ents: DocEntities, *, body_start: int = 0, make: Callable[..., _Resolver] = _Resolver
) -> dict[int, Referent]:
    """Referents of every subject pronoun and title in the document, by the anaphor's token index; anaphors that
    resolve to an entity also become mentions of it (variant=False: "he" is never an alias). `make`: the resolver
    (the rules, or `ranker.make_resolver` for the one the setting names)."""
    resolver = make(doc, ents, body_start=body_start)
    referents = resolver.run()
    for i, ref in referents.items():
        if ref.entity is not None:
            tok = doc[i]
            start = tok.idx if tok.lower_ in PRONOUNS else tok.left_edge.idx
            end = tok.idx + len(tok.text)
            if ents.at(start, end) is None:
                ents.link(ref.entity, doc_text(doc)[start:end], start, end, variant=False)
    ents.referents = referents
    ents.genders = resolver.gender
    ents.roles = resolver.roles
    return referents
