"""A pronoun inside someone's quotation is no speaker: '"They want their profits," he said' is his claim.

The parse reads a speech verb inside a quotation ("They want …", "they would have seen …") as a report of its own,
with the quoted pronoun as its source; a briefing then prints "They" as the speaker, though the words are the quoted
person's. The rules follow what the text shows:
- when the quoted report sits inside another claim (its parent: "“…they would have seen it,” according to X"),
  its words are the parent's, and it is dropped (the parent is then no mere carrier of it);
- when nothing encloses it but the quotation opens its paragraph right after a paragraph whose last claim is a
  speaker's, the quotation continues that speaker ("X also said A. ¶ “They want …”"), as a reader takes it;
- otherwise it stays as written.
"""

from __future__ import annotations

import dataclasses

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.parse.spans import QuoteIndex
from knowledge.extract.speakers.person_words import PRONOUNS

# The pronouns a quotation speaks of others or of its speaker's side by.
_QUOTED = frozenset(PRONOUNS) | {"we", "i", "you", "it"}


def _quoted_pronoun(c: LocalClaim, text: str, quotes: QuoteIndex) -> tuple[int, int] | None:
    """The quotation the claim's source sits in, when that source is a bare pronoun named no one."""
    if c.speaker is None or c.speaker_entity is not None or c.speaker.lower() not in _QUOTED:
        return None
    at = text.find(c.speaker, c.context[0], c.context[1] + 1)
    if at < 0:
        return None
    found = quotes.at(at)
    if found is not None:
        return found
    # a quotation that opens its paragraph and is not closed before the pronoun (a page cut it, or it runs on into
    # the next paragraph, as quotations do): the pairing of marks cannot see it
    para = text.rfind("\n", 0, at) + 1
    opening = text[para:at].lstrip()
    if opening[:1] in ("“", '"') and not any(mark in opening[1:] for mark in ("”", '"')):
        end = text.find("\n", at)
        return para + text[para:at].index(opening[0]), len(text) if end < 0 else end
    return None


def quoted_sources(claims: list[LocalClaim], text: str) -> tuple[list[LocalClaim], set[int]]:
    """The claims with a quoted pronoun as source re-pointed at the quotation's speaker where the text shows one,
    and the indices of those whose words are their parent's (to drop)."""
    quotes = QuoteIndex(text)
    drop: set[int] = set()
    out = list(claims)
    for n, c in enumerate(claims):
        quote = _quoted_pronoun(c, text, quotes)
        if quote is None:
            continue
        if c.parent is not None:
            drop.add(n)
            continue
        para = text.rfind("\n", 0, quote[0]) + 1
        if text[para : quote[0]].strip():
            continue  # the quotation does not open its paragraph
        before = [d for d in claims if d.context[1] <= para and d.speaker]
        last = max(before, key=lambda d: d.context[1], default=None)
        previous = text.rfind("\n", 0, max(para - 1, 0)) + 1
        while last is not None and previous > 0 and not text[previous:para].strip():
            previous = text.rfind("\n", 0, previous - 1) + 1  # blank lines between paragraphs
        if last is None or last.context[0] < previous or _quoted_pronoun(last, text, quotes) is not None:
            continue
        out[n] = dataclasses.replace(c, speaker=last.speaker, speaker_entity=last.speaker_entity, via=last.via)
    return out, drop
