"""spaCy's attribute ruler with the same patterns and the same result, at a fraction of the cost.

The English model's `attribute_ruler` holds ~180 patterns (its old tag map, the pronoun and auxiliary rules), and
spaCy's Matcher tries every one of them on every token: ~30 ms an article, as much as the tagger and parser
together. Most are one token tested for equality on its tag, lower-case form or dependency ("TAG NN → NOUN",
"TAG PRP, LOWER she → Case=Nom|Gender=Fem …"): those are looked up in a dict keyed on the token's values. The
rest (regexes, exclusions, two-token patterns) go through spaCy's Matcher, but only those whose first token could
occur in the document ("gon" "na" needs a "gon"). Every match is then applied exactly as spaCy does it: sorted by
pattern order, so later patterns still win.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.attrs import DEP, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

KEYED = ("TAG", "LOWER", "DEP")  # the attributes of a key, in this order; 0 where a pattern does not test one
Key = tuple[int, int, int]
Shape = tuple[bool, bool, bool]  # which of KEYED a pattern tests


def _accepted(value: object) -> list[str] | None:
    """The strings a pattern value accepts when it is plain equality or membership ("NN", {"IN": [...]})."""
    accepted = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
    if isinstance(value, dict) and set(value) != {"IN"}:
        return None
    if not isinstance(accepted, list) or not all(isinstance(v, str) and v for v in accepted):
        return None  # "" is an unset attribute's hash (0), the same as "not tested" in the keys
    return accepted


def equality_keys(alternatives: list[list[dict]], index: int) -> list[Key] | None:
    """The keys of a pattern that tests one token only for equality of TAG, LOWER and/or DEP, or None for a
    pattern the Matcher must run (other attributes, operators, regexes, several tokens or alternatives)."""
    if len(alternatives) != 1 or len(alternatives[0]) != 1 or index not in (0, -1):
        return None
    token = alternatives[0][0]
    if not token or not set(token) <= set(KEYED):
        return None
    values = [[0] if name not in token else _accepted(token[name]) for name in KEYED]
    if any(v is None for v in values):
        return None
    hashed = [[v if v == 0 else get_string_id(v) for v in vs] for vs in values]  # type: ignore[union-attr]
    return [(t, w, d) for t in hashed[0] for w in hashed[1] for d in hashed[2]]


class Needs:
    """What a document must hold for a pattern's first token to match anywhere in it (a necessary condition
    only: the Matcher still decides). `None` sets mean no requirement."""

    def __init__(self, alternatives: list[list[dict]]) -> None:
        self.any_of: list[tuple[dict[str, set[int]], list[re.Pattern]] | None] = []
        for alt in alternatives:
            first = alt[0] if alt else {}
            if not first or "OP" in first:  # an optional first token: anything may start the match
                self.any_of.append(None)
                continue
            sets = {name: {get_string_id(v) for v in vals} for name in KEYED if (vals := _accepted(first.get(name)))}
            lower = first.get("LOWER")
            regexes = [re.compile(lower["REGEX"])] if isinstance(lower, dict) and set(lower) == {"REGEX"} else []
            self.any_of.append((sets, regexes))

    def met(self, present: dict[str, set[int]], lowers: list[str]) -> bool:
        for need in self.any_of:
            if need is None:
                return True
            sets, regexes = need
            if all(present[name] & values for name, values in sets.items()) and all(
                any(r.search(w) for w in lowers) for r in regexes
            ):
                return True
        return False


class IndexedAttributeRuler(AttributeRuler):
    """Keeps spaCy's own patterns, matcher and serialisation (`patterns`, `to_disk` see every pattern); only
    `match` is faster. The index is rebuilt after patterns change."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._reset()

    def _reset(self) -> None:
        self._lookup: dict[Key, list[int]] | None = None
        self._shapes: list[Shape] = []
        self._rest: list[tuple[int, Needs]] = []
        self._matchers: dict[frozenset[int], Matcher] = {}

    def clear(self) -> None:
        super().clear()
        self._reset()

    def adopt(self, stock: AttributeRuler) -> None:
        """Take over the model's own ruler: its patterns."""
        self.add_patterns(stock.patterns)

    def add(self, patterns, attrs, index=0) -> None:
        super().add(patterns, attrs, index)
        self._reset()

    def _index(self) -> dict[Key, list[int]]:
        if self._lookup is None:
            lookup: dict[Key, list[int]] = defaultdict(list)
            for attr_id in range(len(self.attrs)):
                alternatives = self.matcher.get(str(attr_id))[1]
                keys = equality_keys(alternatives, self.indices[attr_id])
                if keys is None:
                    self._rest.append((attr_id, Needs(alternatives)))
                for k in keys or []:
                    lookup[k].append(attr_id)
            self._shapes = sorted({(t != 0, w != 0, d != 0) for t, w, d in lookup})
            self._lookup = dict(lookup)
        return self._lookup

    def _matcher(self, attr_ids: frozenset[int]) -> Matcher:
        """A Matcher holding only these patterns; documents mostly need the same few, so it is kept."""
        if attr_ids not in self._matchers:
            m = Matcher(self.vocab, validate=self.validate)
            for attr_id in sorted(attr_ids):
                m.add(str(attr_id), self.matcher.get(str(attr_id))[1])
            self._matchers[attr_ids] = m
        return self._matchers[attr_ids]

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        lookup = self._index()
        strings = self.vocab.strings
        columns = doc.to_array([TAG, LOWER, DEP]).T.tolist()
        zeros = [0] * len(doc)
        matches = []
        for shape in self._shapes:
            keys = zip(*(col if tested else zeros for col, tested in zip(columns, shape)))
            for i, key in enumerate(keys):
                for attr_id in lookup.get(key, ()):
                    matches.append((attr_id, strings[str(attr_id)], i, i + 1))
        present = {name: set(col) for name, col in zip(KEYED, columns)}
        lowers = [strings[h] for h in present["LOWER"]]
        needed = frozenset(attr_id for attr_id, needs in self._rest if needs.met(present, lowers))
        if needed:
            found = self._matcher(needed)(doc, allow_missing=True, as_spans=False)
            matches += [(int(strings[m]), m, s, e) for m, s, e in found]
        matches.sort()  # spaCy's order: by pattern, so a later pattern's attributes overwrite an earlier one's
        return matches


@Language.factory("briefbot_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)
