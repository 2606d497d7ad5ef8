"""Topic resolution: what the user typed → an entity, a free-text subject, a question back, or "unknown".

Names are matched case- and accent-insensitively, through aliases (transliterations), surnames and fuzzy keys
(typos such as "kelog"). When two different entities fit about equally well the user is asked: a wrong
briefing delivered confidently is worse than one extra click.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from knowledge.brief.choices import dominant, is_junk, only_operators_or_function_words
from knowledge.names import name_key, phonetic_key
from knowledge.store import Store
from knowledge.store.aliases import alias_entity_ids, team_alias_entity
from knowledge.store.entities import (
    candidates,
    entity_ids_by_key,
    entity_ids_matching,
    get_entity,
    outlet_names,
    text_matches,
)
from knowledge.tuning import tuning


@dataclass
class Candidate:
    entity_id: str
    name: str
    type: str
    score: float
    mentions: int
    descriptions: list[str] = field(default_factory=list)


@dataclass
class Resolution:
    kind: str  # "entity" | "text" | "ambiguous" | "unknown"
    query: str
    entity: Candidate | None = None
    choices: list[Candidate] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    others: list[Candidate] = field(default_factory=list)  # namesakes outweighed by the entity chosen
    hint: str = ""


def _fts_terms(words: list[str]) -> list[str]:
    terms = []
    for w in words:
        clean = "".join(c for c in w if c.isalnum())
        if len(clean) >= 3:
            terms.append(f'"{clean[:4]}"*')
    return terms


def _score(query: str, name: str, aliases: list[str], type_: str = "PERSON", mentions: int = 0) -> float:
    """How well `query` names an entity (0-100). A last word alone names a person ("kellogg": Keith Kellogg); an
    organisation is called by its first word ("nippon": Nippon Steel, "cliffs": Cleveland-Cliffs, "delta": Delta Air
    Lines), not its last: "boeing" is not "Oregon Boeing", a one-off name that only ends in the word; and only an
    organisation named more than once (a headline the tagger read as a name, "Biden Blocks Steel Deal", is
    mentioned once). A place is named only in full."""
    qk, qp = name_key(query), phonetic_key(query)
    person = type_ == "PERSON"
    best = 0.0
    for variant in [name, *aliases]:
        vk, vp = name_key(variant), phonetic_key(variant)
        if not vk:
            continue
        if qk == vk:
            return 100.0
        last = vk.split()[-1]
        if person and (qk == last or qp == phonetic_key(last)):
            best = max(best, 97.0)  # a surname alone names the person
        if type_ == "ORG" and mentions > 1 and len(vk.split()) > 1 and qk in _head_words(variant):
            best = max(best, 97.0)  # the word a company goes by
        surname = fuzz.ratio(qp, phonetic_key(last)) - 4 if person else 0.0
        best = max(best, fuzz.ratio(qk, vk), fuzz.ratio(qp, vp) - 2, surname)
    return best


def _head_words(name: str) -> set[str]:
    """The words an organisation is called by alone: its first word, or either part of a hyphenated first word
    ("Cleveland-Cliffs", "Rolls-Royce")."""
    first = name.split()[0] if name.split() else ""
    return {name_key(part) for part in first.split("-") if name_key(part)}


def _candidates(store: Store, query: str) -> list[Candidate]:
    ids: set[str] = set(alias_entity_ids(store, name_key(query)))
    key = name_key(query)
    # the exact name, for names too short for the full-text terms below ("US", "UN")
    ids.update(entity_ids_by_key(store, key, 40))
    # Every typed word first (a full name narrows to a few entities), then any word (a typo in one of them).
    plain, phonetic = _fts_terms(key.split()), _fts_terms(phonetic_key(query).split())
    for match in (" AND ".join(plain), " AND ".join(phonetic), " OR ".join(plain + phonetic)):
        if not match:
            continue
        ids.update(entity_ids_matching(store, match, 40))
        if len(ids) >= 5:
            break
    out = []
    for row in candidates(store, ids):
        score = _score(query, row.name, row.aliases, row.type, row.mentions)
        out.append(
            Candidate(row.entity_id, row.name, row.type, score, row.mentions, json.loads(row.descriptions or "[]"))
        )
    return sorted(out, key=lambda c: (-c.score, -c.mentions, c.name))


def resolve_topic(store: Store, query: str, entity_id: str | None = None, team_id: str | None = None) -> Resolution:
    if team_id and not entity_id:
        entity_id = team_alias_entity(store, team_id, query)
    if entity_id:
        row = get_entity(store, entity_id)
        if row:
            return Resolution(
                "entity",
                query,
                Candidate(entity_id, row["name"], row["type"], 100, 0, json.loads(row["descriptions"] or "[]")),
            )
    cands = [c for c in _candidates(store, query) if c.mentions > 0]
    strong = [c for c in cands if c.score >= tuning().topic_min_score]
    if strong:
        top = strong[0]
        # An exact full-name match is only challenged by another exact or surname match ("kellogg": the person
        # Keith Kellogg and the company Kellogg); a fuzzy top match by anything about as close.
        floor = 97 if top.score >= 100 else top.score - tuning().topic_close
        rivals = [c for c in strong[1:] if c.score > floor - 0.001 and c.entity_id != top.entity_id]
        if rivals:
            return _choose(store, query, [top, *rivals])
        return Resolution("entity", query, entity=top)
    if only_operators_or_function_words(query):
        hint = f"“{query}” is a search operator or too common a word to name anything; type a name or subject."
        return Resolution("unknown", query, hint=hint)
    if text_matches(store, query):
        return Resolution("text", query)
    # Suggestions may be looser than matches: word order and partial overlaps count (WRatio).
    near = sorted(cands, key=lambda c: -max(c.score, fuzz.WRatio(name_key(query), name_key(c.name))))
    suggestions = [c.name for c in near if max(c.score, fuzz.WRatio(name_key(query), name_key(c.name))) >= 60][:3]
    return Resolution("unknown", query, suggestions=suggestions)


def _choose(store: Store, query: str, cands: list[Candidate]) -> Resolution:
    """Among equally good matches: drop page junk, take a clear majority (naming the others), else ask."""
    outlets = outlet_names(store)
    real = [c for c in cands if not is_junk(c.name, outlets)] or cands[:1]
    winner = dominant(real)
    if winner is not None:
        return Resolution("entity", query, entity=winner, others=[c for c in real if c is not winner][:3])
    return Resolution("ambiguous", query, choices=real[:8])
