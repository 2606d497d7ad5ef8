"""One's own claim said again: "the police repeated its claim that …", "Vance reiterated his claim that …".

A statement noun with a that-clause is a claim of whoever the noun belongs to ("Trump's claim that P": Trump's,
`attribution.responses.noun_cue`). When the owner is a possessive pronoun, the parse leaves "its" or "his" as the
speaker, and a briefing prints "its (claim): P". A verb by which a party says its own claim again or holds to it
(`RENEWING`) binds the pronoun to that verb's subject: "X reiterated its claim that P" is X saying P, as "X
reiterated that P" is. Any other verb leaves the pronoun as written: "X rejected his claim that P" is somebody
else's claim, and who he is the text must show (`anaphora`). The pronoun must fit the subject: "its" an
organisation or a place, "his" and "her" a person; anything else stays as written.
"""

from __future__ import annotations

import dataclasses

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.cues import NOUN_CUES

# Verbs by which a party says its own claim again or holds to it (cue lemmas).
RENEWING = frozenset("repeat reiterate renew restate maintain defend insist stand stick double press back".split())
# What each possessive pronoun may stand for: the entity types it fits (None: a speaker the text left unnamed).
_FITS: dict[str, frozenset[str | None]] = {
    "its": frozenset({"ORG", "GPE", None}),
    "his": frozenset({"PERSON", None}),
    "her": frozenset({"PERSON", None}),
    "their": frozenset({"ORG", "GPE", "PERSON", None}),
}
# Unnamed speakers a possessive cannot be told apart from: another pronoun the text did not resolve
_UNRESOLVED = frozenset("he she it they his her its their".split())


def renewed_claims(claims: list[LocalClaim], ents: DocEntities) -> list[LocalClaim]:
    """The claims whose speaker is a possessive pronoun on a statement noun, under a renewing verb of a claim whose
    speaker the pronoun fits, given that speaker (and its channel); every other claim unchanged."""
    out = list(claims)
    for n, c in enumerate(out):
        pronoun = (c.speaker or "").strip().lower()
        if pronoun not in _FITS or c.cue_lemma not in NOUN_CUES or c.parent is None or not 0 <= c.parent < len(out):
            continue
        outer = out[c.parent]
        if outer.cue_lemma not in RENEWING or not outer.speaker:
            continue
        if outer.speaker_entity is None and outer.speaker.strip().lower() in _UNRESOLVED:
            continue  # "It repeated its claim": nothing to give the pronoun
        kind = ents.entities[outer.speaker_entity].type if outer.speaker_entity is not None else None
        if kind not in _FITS[pronoun]:
            continue
        out[n] = dataclasses.replace(c, speaker=outer.speaker, speaker_entity=outer.speaker_entity, via=outer.via)
    return out
