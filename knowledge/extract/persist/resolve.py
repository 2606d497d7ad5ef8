"""Cross-document entity resolution: many spellings in many articles, one canonical entity.

Order of evidence, strongest first: an alias (shipped transliterations or added by a user) → an entity with the
same normalized name → an organisation another article spelt otherwise ("Delta Air Lines Inc." / "Delta"), or by
its dotted initials ("U.N." / "United Nations") → a fuzzy match on the transliteration key among entities of the
same type → a surname that belongs to exactly one known person → a shorter form ("Singh Nijjar") of exactly one
person's fuller name. Only then is a new entity created. Types must agree, so a cereal company
never absorbs a person who shares its name.
"""

from __future__ import annotations

import json
import re

from rapidfuzz import fuzz

from knowledge.extract.analysis import LocalEntity
from knowledge.models import slugify
from knowledge.names import fuller_group_name, name_key, org_key, part_of_name, phonetic_key, surname
from knowledge.store import Store
from knowledge.store.aliases import add_extracted, alias_by_key, aliases_of, merge_entities
from knowledge.store.entities import (
    candidates,
    create_entity,
    entity_by_key,
    fuzzy_entities,
    get_entity,
    update_entity,
)
from knowledge.tuning import tuning


def entity_id_for(name: str, type_: str) -> str:
    return f"{type_.lower()}:{slugify(name)}"


class Resolver:
    def __init__(self, store: Store):
        self.store = store
        # entities found to be another one while a document is written: merged by `finish`, once the document's
        # mentions and claims are stored, so none of them points at an entity that is gone
        self._merges: dict[str, str] = {}

    def finish(self) -> None:
        """Carry out the merges this document's names called for (`_absorb`, `_absorb_short_forms`)."""
        for source, target in self._merges.items():
            while target in self._merges and self._merges[target] != source:
                target = self._merges[target]
            if source != target and get_entity(self.store, source) is not None:
                merge_entities(self.store, source, target)
        self._merges.clear()

    def _sharing_surname(self, name: str, type_: str) -> list[tuple[str, str]]:
        """(id, name) of known entities of `type_` whose search text starts like `name`'s surname."""
        last = surname(name)
        return fuzzy_entities(self.store, _fts_term(phonetic_key(last)[:4]), type_, 50) if last else []

    def _fuzzy(self, name: str, type_: str) -> str | None:
        last = surname(name)
        if not last:
            return None
        target = phonetic_key(name)
        rows = self._sharing_surname(name, type_)
        best: str | None = None
        best_score: float = tuning().entity_fuzzy
        for eid, other in rows:
            score = fuzz.ratio(target, phonetic_key(other))
            if len(name.split()) == 1 and phonetic_key(surname(other)) == phonetic_key(last):
                # a surname alone is its person; a group's one word only the group named more fully with it
                # ("Steelworkers", "United Steelworkers"), never a span that joined two actors ("Fred Meyer and X")
                if type_ == "PERSON" or fuller_group_name(name, other):
                    score = max(score, 95)
            if score >= best_score:
                best, best_score = eid, score
        return best

    def resolve(self, ent: LocalEntity) -> str:
        full_name = len(name_key(ent.name).split()) >= 2 and ent.type == "PERSON"
        for variant in [name_key(v) for v in [ent.name, *ent.variants]]:
            alias = alias_by_key(self.store, variant)
            if alias and full_name and len(variant.split()) < 2 and alias["origin"] == "extracted":
                # "Field", read in another article as Marta Field's surname, says nothing about Derek Field:
                # a bare surname learnt from text never outweighs the full name this article gives
                continue
            if alias:
                if alias["entity_id"]:
                    return str(alias["entity_id"])
                found = entity_by_key(self.store, name_key(alias["target"]), ent.type)
                return found or self._create(alias["target"], ent.type)
        found = entity_by_key(self.store, name_key(ent.name), ent.type) or self._same_org(ent)
        found = found or self._fuzzy(ent.name, ent.type) or self._fuller_person(ent)
        return found or self._create(ent.name, ent.type)

    def _fuller_person(self, ent: LocalEntity) -> str | None:
        """The one person another article named more fully ("Hardeep Singh Nijjar" there, "Singh Nijjar" here);
        None when two known people have fuller names this one could be short for."""
        if ent.type != "PERSON" or len(name_key(ent.name).split()) < 2:
            return None  # a bare surname is `_fuzzy`'s
        fuller = {eid for eid, other in self._sharing_surname(ent.name, "PERSON") if part_of_name(ent.name, other)}
        return fuller.pop() if len(fuller) == 1 else None

    def _absorb_short_forms(self, eid: str, name: str) -> None:
        """Entities earlier articles made of a shorter form of this person's name ("Trudeau", "Singh Nijjar":
        an excerpt that starts after the first mention) are this person, when this is the only known person that
        form could be short for: they are merged into this one, so ingestion order does not split an actor."""
        people = [(other_id, other) for other_id, other in self._sharing_surname(name, "PERSON") if other_id != eid]
        for other_id, other in people:
            if not part_of_name(other, name):
                continue
            if not any(i != other_id and part_of_name(other, o) for i, o in people):  # no rival fuller name
                self._merge_pair(other_id, other, eid)

    def _merge_pair(self, short_id: str, short: str, full_id: str) -> None:
        """Which of two entities of one person survives: the one earlier articles named more often, keeping
        the name readers have seen ("Jeb Bush", not a tagger's "Floridians Jeb Bush"); a bare surname always
        gives way to the full name."""
        seen = {row.entity_id: row.mentions for row in candidates(self.store, [short_id, full_id])}
        if len(name_key(short).split()) >= 2 and seen.get(short_id, 0) > seen.get(full_id, 0):
            self._merges[full_id] = short_id
        else:
            self._merges[short_id] = full_id

    def _same_org(self, ent: LocalEntity) -> str | None:
        """An organisation another article spelt otherwise ("Delta" there, "Delta Air Lines Inc." here): the key
        its spellings share (`names.org_key`), only ever to another organisation."""
        if ent.type != "ORG":
            return None
        keys = [org_key(v) for v in [ent.name, *ent.variants]]
        keys += [k for v in [ent.name, *ent.variants] for k in _initials_keys(v, looking=True)]
        for key in dict.fromkeys(keys):
            alias = alias_by_key(self.store, key)
            if alias and alias["entity_id"]:
                row = get_entity(self.store, str(alias["entity_id"]))
                if row is not None and row["type"] == "ORG":
                    return str(alias["entity_id"])
        return None

    def _absorb(self, short: str, eid: str) -> None:
        """This article defines `short` as the organisation `eid` ("Ministry of External Affairs (MEA)"): an entity
        an earlier article made of the bare short form ("the MEA said", never defined there) is the same actor, so
        it is merged into this one. Only an organisation named exactly so: a short form that became a longer
        name elsewhere is not this text's to decide."""
        alias = alias_by_key(self.store, name_key(short))
        other = str(alias["entity_id"]) if alias and alias["entity_id"] else None
        if other is None or other == eid:
            return
        row = get_entity(self.store, other)
        if row is not None and row["type"] == "ORG" and row["name"] == short:
            self._merges[other] = eid

    def _create(self, name: str, type_: str) -> str:
        eid = entity_id_for(name, type_)
        create_entity(
            self.store,
            {
                "id": eid,
                "name": name,
                "name_key": name_key(name),
                "type": type_,
                "descriptions": "[]",
                "search_text": _search_text(name, []),
            },
        )
        return eid

    def record(self, eid: str, ent: LocalEntity) -> None:
        """Remember the variants and roles this document used for the entity."""
        row = get_entity(self.store, eid)
        assert row is not None, eid
        descriptions = json.loads(row["descriptions"] or "[]")
        for desc in ent.descriptions:
            if desc not in descriptions:
                descriptions.append(desc)
        name = row["name"]
        if ent.type == "PERSON" and len(name_key(name).split()) == 1 and part_of_name(name, ent.name):
            name = ent.name  # a bare surname gives way to the full name; a two-word name readers know stays
        elif ent.type != "PERSON" and fuller_group_name(name, ent.name):
            name = ent.name  # a fuller spelling of a place's or group's name (never "ConventionFacts.gop" for "GOP")
        elif ent.type == "ORG" and (
            name in ent.acronyms  # "MEA" before, "Ministry of External Affairs (MEA)" here
            or (_DOTTED.match(name) and _initials_keys(name, looking=True) == _initials_keys(ent.name))
        ):
            name = ent.name  # "United Nations" after "U.N.": the name the initials stand for
        for short in ent.acronyms:
            self._absorb(short, eid)
        if ent.type == "PERSON" and len(name_key(name).split()) >= 2:
            self._absorb_short_forms(eid, name)
        for key, variant in _alias_keys(ent).items():
            add_extracted(
                self.store, {"key": key, "alias": variant, "target": name, "entity_id": eid, "origin": "extracted"}
            )
        variants = aliases_of(self.store, eid)
        update_entity(
            self.store,
            eid,
            {
                "name": name,
                "name_key": name_key(name),
                "descriptions": json.dumps(descriptions[:20], ensure_ascii=False),
                "search_text": _search_text(name, variants),
            },
        )


# "U.N.", "E.U.": initials written with dots abbreviate a name; bare capitals ("BA", "AP") are as often a ticker or
# a credit, and two-letter tickers collide with other names' initials, so only dotted initials are matched.
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,5}$|^(?:[A-Z]\.){1,4}[A-Z]$")
_MINOR = frozenset("of and the for on in at to de".split())


def _initials_keys(name: str, looking: bool = False) -> list[str]:
    """Alias keys that join an organisation's dotted initials and its full name across articles: a name files
    itself under its initials ("United Nations" → "initials un") and dotted initials under "dotted un"; `looking`
    gives the key of the other form, the one to look up."""
    if _DOTTED.match(name):
        letters = name.replace(".", "").lower()
        return [f"initials {letters}" if looking else f"dotted {letters}"]
    words = [w for w in re.findall(r"[\w’'&-]+", name) if w.lower() not in _MINOR]
    if not 2 <= len(words) <= 5 or not all(w[0].isupper() for w in words):
        return []
    letters = "".join(w[0] for w in words).lower()
    return [f"dotted {letters}" if looking else f"initials {letters}"]


def _alias_keys(ent: LocalEntity) -> dict[str, str]:
    """The spelling each key of an entity is stored under, the same on every run: a spelling's own key first
    ("Delta" under "delta"), then an organisation's shared key (`names.org_key`: "delta" for "Delta Air Lines
    Inc." too) to the first spelling in the document's order, its name first. The spellings were once walked as a
    set, so which of them a shared key kept changed with the interpreter's string hashing from run to run."""
    spellings = list(dict.fromkeys([ent.name, *ent.variants]))
    pairs = [(name_key(v), v) for v in spellings]
    if ent.type == "ORG":
        pairs += [(org_key(v), v) for v in spellings]
        pairs += [(k, v) for v in spellings for k in _initials_keys(v)]
    out: dict[str, str] = {}
    for key, variant in pairs:
        out.setdefault(key, variant)
    return out


def _search_text(name: str, variants: list[str]) -> str:
    keys = {name_key(name), phonetic_key(name)} | {name_key(v) for v in variants} | {phonetic_key(v) for v in variants}
    return " ".join(sorted(k for k in keys if k))


def _fts_term(prefix: str) -> str:
    cleaned = "".join(c for c in prefix if c.isalnum())
    return f"{cleaned}*" if cleaned else '""'
