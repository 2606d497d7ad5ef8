"""A cue as the rules find it in the parse: its roles as token indices, typed, so the passes that fold and refine
candidates read them by name (`cand.content`) rather than by position in a tuple."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.extract.parse.spans import Frag


@dataclass
class CueCandidate:
    """A cue with its source, content and channel, before the learned decisions refine its spans and they become
    character fragments of an `Attribution`."""

    cue: list  # the cue's tokens (spaCy Tokens), in order
    source: set[int]  # token indices
    content: set[int]  # token indices
    lemma: str
    stance: str
    negated: bool
    via: Frag | None  # the channel's character span ("according to NBC", "told Reuters")
