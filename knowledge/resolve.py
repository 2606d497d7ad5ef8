"""Cross-document entity resolution: many spellings in many articles, one canonical entity.

Order of evidence, strongest first: an alias (shipped transliterations or added by a user) → an entity with the
same normalized name → a fuzzy match on the transliteration key among entities of the same type → a surname that
belongs to exactly one known person. Only then is a new entity created. Types must agree, so a cereal company
never absorbs a person who shares its name.
"""

from __future__ import annotations

import json

from rapidfuzz import fuzz

from knowledge.extract.analysis import LocalEntity
from knowledge.models import slugify
from knowledge.names import name_key, phonetic_key, surname
from knowledge.store import Store

FUZZY = 90


def entity_id_for(name: str, type_: str) -> str:
    return f"{type_.lower()}:{slugify(name)}"


class Resolver:
    def __init__(self, store: Store):
        self.db = store.db

    def _alias(self, variant: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM aliases WHERE key = ?", [name_key(variant)]))
        return rows[0] if rows else None

    def _by_key(self, key: str, type_: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM entities WHERE name_key = ? AND type = ? LIMIT 1", [key, type_]
        ).fetchone()
        return row[0] if row else None

    def _fuzzy(self, name: str, type_: str) -> str | None:
        last = surname(name)
        if not last:
            return None
        target = phonetic_key(name)
        rows = self.db.execute(
            "SELECT e.id, e.name FROM entities_fts f JOIN entities e ON e.rowid = f.rowid "
            "WHERE entities_fts MATCH ? AND e.type = ? LIMIT 50",
            [_fts_term(phonetic_key(last)[:4]), type_],
        ).fetchall()
        best, best_score = None, FUZZY
        for eid, other in rows:
            score = fuzz.ratio(target, phonetic_key(other))
            if len(name.split()) == 1 and phonetic_key(surname(other)) == phonetic_key(last):
                score = max(score, 95)
            if score >= best_score:
                best, best_score = eid, score
        return best

    def resolve(self, ent: LocalEntity) -> str:
        for variant in [ent.name, *ent.variants]:
            alias = self._alias(variant)
            if alias:
                if alias["entity_id"]:
                    return alias["entity_id"]
                found = self._by_key(name_key(alias["target"]), ent.type)
                return found or self._create(alias["target"], ent.type)
        found = self._by_key(name_key(ent.name), ent.type) or self._fuzzy(ent.name, ent.type)
        return found or self._create(ent.name, ent.type)

    def _create(self, name: str, type_: str) -> str:
        eid = entity_id_for(name, type_)
        self.db["entities"].insert(
            {
                "id": eid,
                "name": name,
                "name_key": name_key(name),
                "type": type_,
                "descriptions": "[]",
                "search_text": _search_text(name, []),
            },
            pk="id",
            ignore=True,
        )
        # Any alias that points at this name by target now knows its entity.
        self.db.execute("UPDATE aliases SET entity_id = ? WHERE entity_id IS NULL AND target = ?", [eid, name])
        return eid

    def record(self, eid: str, ent: LocalEntity) -> None:
        """Remember the variants and roles this document used for the entity."""
        row = self.db["entities"].get(eid)
        descriptions = json.loads(row["descriptions"] or "[]")
        for desc in ent.descriptions:
            if desc not in descriptions:
                descriptions.append(desc)
        name = row["name"]
        if len(ent.name.split()) > len(name.split()) and surname(ent.name) == surname(name):
            name = ent.name  # a fuller form of the same name becomes canonical
        for variant in {ent.name, *ent.variants}:
            self.db["aliases"].insert(
                {"key": name_key(variant), "alias": variant, "target": name, "entity_id": eid, "origin": "extracted"},
                pk="key",
                ignore=True,
            )
        variants = [r[0] for r in self.db.execute("SELECT alias FROM aliases WHERE entity_id = ?", [eid])]
        self.db["entities"].update(
            eid,
            {
                "name": name,
                "name_key": name_key(name),
                "descriptions": json.dumps(descriptions[:20], ensure_ascii=False),
                "search_text": _search_text(name, variants),
            },
        )


def _search_text(name: str, variants: list[str]) -> str:
    keys = {name_key(name), phonetic_key(name)} | {name_key(v) for v in variants} | {phonetic_key(v) for v in variants}
    return " ".join(sorted(k for k in keys if k))


def _fts_term(prefix: str) -> str:
    cleaned = "".join(c for c in prefix if c.isalnum())
    return f"{cleaned}*" if cleaned else '""'
