"""Facts of a wire copy's own passages (`text.own_part`): what a copy says that its original does not.

A copy repeats its original, whose facts are stored once; the copy's own passages (the paragraphs past the
original's excerpt, a reaction the re-posting site gathered) are extracted from the copy, so they are neither
lost nor counted twice. Used wherever a copy's facts are written: on ingest, when a stored article is demoted to a
copy of a newer-found original, and on re-extraction.
"""

from __future__ import annotations

from knowledge.extract.analysis import Analysis, restricted
from knowledge.store import Store
from knowledge.text.own_part import OwnPart, own_part
from knowledge.tuning import tuning


def copy_part(text: str, original_text: str) -> OwnPart:
    """The passages of a copy's `text` that its original's text does not hold, by the tuned minimum length."""
    return own_part(text, original_text, tuning().own_part_min_words)


def own_part_of(store: Store, text: str, original_id: str) -> OwnPart:
    """The passages of `text` that the stored original `original_id` does not hold."""
    return copy_part(text, store.copy_of(original_id).text)


def own_analysis(analysis: Analysis, part: OwnPart) -> Analysis:
    """What of a copy's analysis lies in its own passages (nothing when it has none)."""
    return restricted(analysis, part.holds) if part else Analysis(failures=list(analysis.failures))
