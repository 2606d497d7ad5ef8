"""Where an organisation is from, as the text says it: "the Japanese company", "Canadian retailer Halvard Foods",
"the Laval-based firm". A description modified by a place may still continue the organisation named before it,
but not one the text gives another nationality: "Halvard Foods, the Canadian retailer, bought Nine & X. The
Japanese company said …" is not Halvard Foods. Nationalities (a tagged nationality word, "Japanese") are compared
as countries; other places ("Laval-based", "Quebec") may be a city inside one, so they never rule a candidate out.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.extract.speakers.org_words import DEMONYMS

# tokens a noun phrase before a name may hold besides places: "Canadian convenience store operator Halvard Foods"
_PHRASE = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
# entity types that are amounts, not names: "the 35-member body", "the second company" name no organisation
_AMOUNTS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"})


def place_key(word: str) -> str:
    """A country or a nationality word as one key: "Japanese" and "Japan" → "japan"."""
    low = word.lower().strip(".")
    return DEMONYMS.get(low, low[:5])


@dataclass(frozen=True)
class Places:
    nations: frozenset[str] = frozenset()  # countries, from nationality words
    others: frozenset[str] = frozenset()  # cities, regions, "X-based"

    def __or__(self, other: Places) -> Places:
        return Places(self.nations | other.nations, self.others | other.others)


NOWHERE = Places()


def _based(tok) -> bool:
    """ "Laval-based": the place before "-based"."""
    doc = tok.doc
    if tok.lower_.endswith("-based") and len(tok.text) > len("-based"):
        return True  # "Id.-based", one token
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == "based"


def modifiers(tokens) -> Places | None:
    """The places among the words between a description's article and its noun ("the Japanese retail giant"),
    or None when another name stands there ("the Boeing union", "the company's"): that says which organisation
    is meant in a way the place rules cannot check."""
    nations, others = set(), set()
    # "the Boise, Idaho-based grocer": every name up to "-based" is the place, however the tagger labelled it
    based = max((t.i for t in tokens if _based(t) or t.lower_.endswith("-based")), default=-1)
    for t in tokens:
        if t.lower_ in ("’s", "'s"):
            return None
        if t.i <= based:
            if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "ORG"):
                others.add(place_key(t.text.split("-")[0]))
            continue
        if t.ent_type_ in _AMOUNTS or t.ent_type_ == "ORG" and _tagged_with_head(t, tokens.end):
            continue
        if t.ent_type_ == "NORP":
            nations.add(place_key(t.text))
        elif t.ent_type_ in ("GPE", "LOC") or _based(t):
            others.add(place_key(t.text))
        elif t.ent_type_ or t.pos_ == "PROPN":
            if not (t.text == "-" or t.lower_ == "based"):
                return None
    return Places(frozenset(nations), frozenset(others))


def _tagged_with_head(tok, head: int) -> bool:
    """ "the Quebec company" tagged as one organisation: the word is part of the description the tagger read as a
    name (the tag runs on over the description's noun), not another organisation's name."""
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return end > head


def before_name(span) -> Places:
    """Places in the words right before a name, back to the article or a preposition: "Canadian convenience
    store operator Halvard Foods", "Quebec-based Halvard Foods"."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 6 and (doc[i].pos_ in _PHRASE or doc[i].text == "-" or doc[i].lower_ == "based"):
        i -= 1
    found = modifiers(doc[i + 1 : span.start])
    return found if found is not None else NOWHERE


def compatible(wanted: Places, known: Places) -> bool:
    """A description's places against what the text says of a candidate: only two different nationalities clash."""
    return not (wanted.nations and known.nations and not wanted.nations & known.nations)


def _keys(words: str) -> set[str]:
    """Place keys of every word and pair of words ("United States President" → us, …)."""
    toks = [w.strip(",;:’'") for w in words.split()]
    return {place_key(w) for w in toks} | {place_key(f"{a} {b}") for a, b in zip(toks, toks[1:])}


def qualified(roles: set[str], description: str) -> set[str]:
    """Roles a person's description gives, each also tied to the places it names: "US President" makes its
    holder a "president" and a "president@us", which "the US president" asks for."""
    return {f"{r}@{k}" for r in roles if "@" not in r for k in _keys(description)}


def qualify(role: str, places: Places | None) -> str:
    """The role a place-modified title asks for: "the US president" → "president@us"; unmodified as it is."""
    keys = sorted((places.nations | places.others) if places is not None else ())
    return f"{role}@{keys[0]}" if keys else role
