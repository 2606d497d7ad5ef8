"""A person named again by a description: "the Acme founder", "Acme's billionaire CEO, who …", "the billionaire".

News varies its words for the person a story is about ("Musk sued. Last year, the carmaker's founder …"). Left as
written, a briefing prints the description as the speaker although the text names the person. The rules follow
only what the text shows:
- a role at a named organisation ("the Acme founder", "Acme's CEO") is the person the article gives that role
  there ("Acme CEO Ana Ruiz"), wherever it does;
- when nobody holds it, or for an epithet with no organisation ("the billionaire", `EPITHETS`), it is the one person
  named in its own sentence before it or the sentence before (`Tuning.epithet_search_sentences`), outside quotes:
  two people there leave it as written, and so does a person the text gives that role at another organisation or
  a gender the noun does not have.
Other titles ("the mayor", "the spokesman") are `anaphora`'s: a bare role may well be somebody new.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from knowledge.extract.speakers.heads import Referent, _Mention, entity_of
from knowledge.extract.speakers.person_words import GENDERED, PERSON_NOUNS, elect_role, role_word
from knowledge.extract.speakers.places import place_key
from knowledge.tuning import tuning

# Words for a person that are no role anyone is given, only a way to name someone the story is about again.
EPITHETS = frozenset("billionaire tycoon mogul magnate entrepreneur".split())


class EpithetAnaphora:
    """The person-description half of the speaker resolver (`anaphora._Resolver` mixes it in)."""

    doc: Any
    ents: Any
    quotes: Any
    roles: dict[int, set[str]]
    gender: dict[int, str | None]
    referents: dict[int, Referent]
    mentions: list[_Mention]
    sent_index: Callable[[Any], int]
    _resolve: Callable[..., None]  # the resolver's: the latest holder of a role, or the one the text gives it

    def _epithet_org(self, tok) -> int | None | bool:
        """The organisation a person description names (its index), None for a bare epithet, False for neither."""
        det = tok.left_edge
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss:
            idx = entity_of(self.ents, poss[0])
            return idx if idx is not None and self.ents.entities[idx].type == "ORG" else False
        if det.lower_ != "the" or tok.i - det.i > 3:
            return False
        orgs = {entity_of(self.ents, t) for t in self.doc[det.i + 1 : tok.i] if t.pos_ == "PROPN"}
        if not orgs:
            return None if tok.lower_ in EPITHETS else False
        idx = orgs.pop()
        return idx if not orgs and idx is not None and self.ents.entities[idx].type == "ORG" else False

    def _resolve_epithet(self, tok) -> bool:
        low = tok.lower_
        if tok.tag_ not in ("NN", "NNP") or (low not in PERSON_NOUNS and low not in EPITHETS) or tok.ent_type_:
            return False
        if tok.dep_ not in ("nsubj", "nsubjpass") or self.quotes.at(tok.idx) is not None:
            return False
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
            return False  # "Arland's envoy, Sven Daal, blamed …": the description comes with its name
        org = self._epithet_org(tok)
        if org is False:
            return False
        role = role_word(low)
        wanted = set()
        if isinstance(org, int):
            ent = self.ents.entities[org]
            wanted = {f"{role}@{place_key(w)}" for v in (ent.name, *ent.variants) for w in v.split()}
        holders = {i for i, r in self.roles.items() if r & wanted}
        idx = holders.pop() if len(holders) == 1 else None if holders else self._lone_person(tok, role, wanted)
        if idx is None:
            return False
        self.referents[tok.i] = Referent(idx, self.ents.entities[idx].name)
        end = tok.idx + len(tok.text)
        mention = _Mention(tok.left_edge.idx, end, self.sent_index(tok), 1, "sg", idx, self.ents.entities[idx].name)
        self.mentions.append(mention)
        return True

    def _lone_person(self, tok, role: str, wanted: set[str]) -> int | None:
        here = self.sent_index(tok)
        near = {
            m.entity
            for m in self.mentions
            if m.entity is not None
            and m.end <= tok.idx
            and here - m.sent <= tuning().epithet_search_sentences
            and self.ents.entities[m.entity].type == "PERSON"
        }
        if len(near) != 1:
            return None
        idx = near.pop()
        if idx is None or self._shares_surname(idx):
            return None  # "Trump" where the article names two Trumps: which one a bare surname is, is a guess
        elsewhere = {r for r in self.roles.get(idx, set()) if r.startswith(f"{role}@")}
        if wanted and elsewhere and not elsewhere & wanted:
            return None  # "Acme CEO Ana Ruiz … the Brill CEO said": another company's head
        shown = GENDERED.get(tok.lower_, (None,))[0]
        if shown is not None and self.gender.get(idx) not in (None, shown):
            return None
        return idx

    def _shares_surname(self, idx: int) -> bool:
        last = self.ents.entities[idx].name.split()[-1].lower()
        return any(
            i != idx and e.type == "PERSON" and e.name.split()[-1].lower() == last
            for i, e in enumerate(self.ents.entities)
        )

    def _elect_title(self, tok) -> str | None:
        """ "The president-elect" as a subject: its role ("president-elect"), read over the hyphen the tokenizer
        splits it at; None for anything else."""
        if tok.lower_ != "elect" or tok.i < 3 or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        det, noun, hyphen = self.doc[tok.i - 3], self.doc[tok.i - 2], self.doc[tok.i - 1]
        if det.lower_ != "the" or hyphen.text != "-" or self.quotes.at(tok.idx) is not None:
            return None
        return elect_role(f"{noun.lower_}-elect")
