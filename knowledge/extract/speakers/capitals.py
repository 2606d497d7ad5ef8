"""A capital speaking for its country: "New Delhi said", "Islamabad denied", "Moscow warned".

News names a government by its seat. Shown as the city, the speaker reads as a place; the claim belongs with the
country's other statements ("India said ..."), so a capital that speaks is stored as the country entity the
article names, the way an organisation is stored as its entity (the words as written stay the claim's speaker
text). When the article never names the country, the capital stays (as written is better than a guess); a city
that is no seat of government is never touched.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from knowledge.extract.entities import DocEntities


@cache
def _countries_of() -> dict[str, frozenset[str]]:
    """capital (lower case) -> the names an article may give its country (lower case)."""
    text = resources.files("knowledge.extract.speakers").joinpath("capitals.txt").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        capital, names = line.split("\t")
        out[capital.strip().lower()] = frozenset(n.strip().lower() for n in names.split("|"))
    return out


def government_seat(ents: DocEntities, idx: int | None) -> int | None:
    """The country entity a speaking capital stands for, else `idx` unchanged."""
    if idx is None:
        return None
    ent = ents.entities[idx]
    if ent.type not in ("GPE", "ORG", "LOC"):  # the tagger takes a speaking capital for an organisation too
        return idx
    names = {n.lower() for n in [ent.name, *ent.variants]}
    countries = {c for n in names for c in _countries_of().get(n, ())}
    if not countries or names & countries:  # "Singapore" is its own capital
        return idx
    found = [
        i
        for i, e in enumerate(ents.entities)
        if i != idx and e.type == "GPE" and {n.lower() for n in [e.name, *e.variants]} & countries
    ]
    return found[0] if len(found) == 1 else idx
