"""The attribution record every pass reads and writes: its own module so the passes that refine attributions
(`responses`, and `relations` that finds them) share the type without importing each other."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.extract.parse.spans import Frag


@dataclass(frozen=True)
class Attribution:
    """Character offsets into `doc.text`; spans are trimmed of edge punctuation so they read as highlighted."""

    cue: tuple[Frag, ...]
    content: tuple[Frag, ...]
    source: tuple[Frag, ...]
    stance: str
    negated: bool
    via: Frag | None
    parent: int | None
    kind: str
    cue_lemma: str
