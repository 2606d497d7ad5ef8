"""The learned decisions of attribution, as one interface with two implementations.

The rules read source, content, stance, channel and negation off the parse; four decisions they cannot make from
the parse alone are delegated: which verbs are candidates at all, whether a candidate is acting as a cue here, and
how far a cue and its content reach. `rules_scorer.CueScorer` (the cue lexicon with a small scorer, spans as the
rules draw them) and `learned.LearnedModel` (trained on PolNeAR, with boundary edits) both implement
`CueDecision`; training scripts stand in a recorder that implements it too. Extraction calls the interface and
never asks which implementation it has.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import repeat
from typing import Any, Protocol

Token = Any  # a spaCy Token; spaCy ships no type information
Doc = Any  # a spaCy Doc


class CueDecision(Protocol):
    def candidate(self, tok: Token) -> bool | None:
        """None when `tok` cannot be a verb cue; else whether the lexicon knows it (`accept` decides the rest).
        Only verbs and auxiliaries can be: extraction asks no other word (`attribution.scan`)."""
        ...

    def accept(self, tok: Token, in_lexicon: bool, in_quote: bool = False, extra: Iterable[str] = ()) -> bool:
        """Whether the candidate verb is acting as an attribution cue in this sentence."""
        ...

    def refine_cue(self, doc: Doc, cue: list[Token], content: set[int]) -> list[Token]:
        """The cue's tokens, possibly extended by words annotators take in ("expressed concern")."""
        ...

    def refine_content(self, doc: Doc, cue: list[Token], content: set[int]) -> set[int]:
        """The content's token indices, possibly with one boundary edit applied."""
        ...


def logistic(weights: dict[str, float], names: Iterable[str]) -> float:
    """P(yes) of a sparse binary feature vector under logistic weights (bias `__bias__`), clipped so that no
    weight file can overflow `exp`. Both implementations score with it."""
    z = weights.get("__bias__", 0.0) + sum(map(weights.get, names, repeat(0.0)))  # ~40 % faster than a generator
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
