"""spaCy's attribute ruler with the same patterns and the same result, at a fraction of the cost.

The English model's `attribute_ruler` holds ~180 patterns (its old tag map, the pronoun and auxiliary rules), and
spaCy's Matcher tries every one of them on every token: ~30 ms an article, as much as the tagger and parser
together. Most are one token tested for equality on its tag, lower-case form or dependency ("TAG NN → NOUN",
"TAG PRP, LOWER she → Case=Nom|Gender=Fem …"): those are looked up in a dict keyed on the token's values. Other
one-token patterns (exclusions such as "DEP aux, TAG not TO", alternatives, spaces) are tested over the document
as arrays. The rest (regexes, two-token patterns) go through spaCy's Matcher, but only those whose first token
could occur in the document ("gon" "na" needs a "gon"). Every match is then applied as spaCy applies it, in
pattern order, so later patterns still win, but written as one array per attribute (`set_annotations`).
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

KEYED = ("TAG", "LOWER", "DEP")  # the attributes of a key, in this order; 0 where a pattern does not test one
Key = tuple[int, int, int]
# the token attributes a pattern may set that `set_annotations` writes as arrays; any other (NORM, "_") goes
# through spaCy's own per-match setter
WRITTEN = (LEMMA, POS, TAG, DEP, MORPH)
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


# one-token tests the ruler evaluates over the document as arrays: attribute -> its column in `match`'s array
MASKED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
Test = tuple[int, bool, list[int]]  # (column, True for membership / False for exclusion, accepted values)


def token_tests(alternatives: list[list[dict]], index: int) -> list[list[Test]] | None:
    """Per alternative, the tests of a pattern whose alternatives are each one token tested by equality,
    membership ("IN") or exclusion ("NOT_IN") of TAG, LOWER, DEP, or by IS_SPACE, as spaCy's Matcher reads them
    (a string by its hash, "" as an unset attribute); None for a pattern the Matcher must run."""
    if index not in (0, -1) or not alternatives or any(len(alt) != 1 for alt in alternatives):
        return None
    out: list[list[Test]] = []
    for (token,) in alternatives:
        if not token or not set(token) <= set(MASKED):
            return None
        tests: list[Test] = []
        for name, value in token.items():
            column = MASKED[name]
            if name == "IS_SPACE":
                if not isinstance(value, bool):
                    return None
                tests.append((column, True, [int(value)]))
            elif isinstance(value, str):
                tests.append((column, True, [get_string_id(value)]))
            elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
                (op, values), *_ = value.items()
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    return None
                tests.append((column, op == "IN", [get_string_id(v) for v in values]))
            else:
                return None
        out.append(tests)
    return out


def passing(tests: list[list[Test]], columns: numpy.ndarray) -> numpy.ndarray:
    """The indices of the tokens (rows of `columns`) that pass every test of at least one alternative."""
    passed = numpy.zeros(len(columns), dtype=bool)
    for alternative in tests:
        ok = numpy.ones(len(columns), dtype=bool)
        for column, member, values in alternative:
            inside = numpy.isin(columns[:, column], numpy.array(values, dtype=numpy.uint64))
            ok &= inside if member else ~inside
        passed |= ok
    return numpy.flatnonzero(passed)


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
        self._masked: list[tuple[int, list[list[Test]]]] = []
        self._matchers: dict[frozenset[int], Matcher] = {}
        self._writes: list[list[tuple[int, int]] | None] | None = None

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
                tests = token_tests(alternatives, self.indices[attr_id]) if keys is None else None
                if tests is not None:
                    self._masked.append((attr_id, tests))
                elif keys is None:
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
        array = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).reshape(len(doc), len(MASKED))
        columns = array[:, :3].T.tolist()
        zeros = [0] * len(doc)
        matches = []
        for attr_id, tests in self._masked:
            match_id = strings[str(attr_id)]
            matches += [(attr_id, match_id, i, i + 1) for i in passing(tests, array).tolist()]
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

    def _columns(self) -> list[list[tuple[int, int]] | None]:
        """Per pattern, what it sets as (column of WRITTEN, value), or None if it sets anything else."""
        if self._writes is None:
            self._writes = [
                [(WRITTEN.index(a), v) for a, v in attrs.items()] if set(attrs) <= set(WRITTEN) else None
                for attrs in self.attrs
            ]
        return self._writes

    def set_annotations(self, doc: Doc, matches) -> None:
        """spaCy's setter builds a Span and two Tokens per match and sets each attribute through them (~700
        matches an article); here the last value each pattern order leaves on a token is written as one array
        per attribute, so a later pattern still wins. Patterns setting other attributes, or whose token index
        falls outside the match (spaCy's error), go through spaCy's setter."""
        writes = self._columns()
        final: dict[tuple[int, int], int] = {}
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            at = start + index if index >= 0 else end + index
            columns = writes[attr_id]
            if columns is None or not start <= at < end:
                super().set_annotations(doc, matches)
                return
            for column, value in columns:
                final[(at, column)] = value
        if not final:
            return
        used = sorted({column for _, column in final})
        attrs = [WRITTEN[c] for c in used]
        values = doc.to_array(attrs).reshape(len(doc), len(attrs))
        position = {c: n for n, c in enumerate(used)}
        for (at, column), value in final.items():
            values[at, position[column]] = value
        doc.from_array(attrs, values)  # type: ignore[arg-type]  # to_array's uint64 array, as spaCy reads it


@Language.factory("briefbot_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)
