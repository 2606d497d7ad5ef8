"""A closing participle the parse hung inside what was said: "X warned whether the vote would be fair, saying P".

In English a participle clause that closes a sentence ("…, saying P", "…, adding P") goes with the sentence's
subject. The parse often hangs it on the nearest verb instead, inside the clause X's words are about, and the
participle then takes that inner clause's subject as its speaker: "the vote" says P, via X. A thing cannot say
anything, so when the participle's speaker stands inside the content of the claim it is nested in and is no one
who can speak (no entity, no person, organisation or document noun, no pronoun, no name), P is X's, as the
sentence says. A speaker who can speak is left as the parse read it: which of two parties a participle goes with
is then a guess.
"""

from __future__ import annotations

import dataclasses
import re

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.parse.cues import VERB_CUES
from knowledge.extract.speakers.documents import OWNED
from knowledge.extract.speakers.org_words import BODY_MEMBERS, ORG_NOUNS
from knowledge.extract.speakers.person_words import PERSON_NOUNS, PRONOUNS

_LAST_WORD = re.compile(r"([\w-]+)\W*$")
# pronouns beside the personal ones `anaphora` resolves: any of them may stand for a speaker
_OTHER_PRONOUNS = frozenset("it we i you who which that this these those one".split())


def _can_speak(speaker: str) -> bool:
    """Might the words name someone who speaks: a name, a pronoun, a person, an organisation or a document."""
    m = _LAST_WORD.search(speaker)
    if m is None:
        return True
    word = m.group(1)
    low = word.lower()
    singular = low[:-1] if low.endswith("s") else low
    return (
        not word.islower()
        or low in PRONOUNS
        or low in _OTHER_PRONOUNS
        or low in PERSON_NOUNS
        or low in BODY_MEMBERS
        or any(w in ORG_NOUNS or w in OWNED for w in (low, singular))
    )


def _participle(c: LocalClaim) -> bool:
    words = c.cue.split()
    return bool(words) and words[-1].lower().endswith("ing") and c.cue_lemma in VERB_CUES


def hung_participles(claims: list[LocalClaim], text: str) -> list[LocalClaim]:
    """The claims of a closing participle whose speaker is a thing inside the content of the claim they nest in,
    given that claim's speaker (and its channel); every other claim unchanged."""
    out = list(claims)
    for n, c in enumerate(out):
        if c.parent is None or not 0 <= c.parent < len(out) or c.speaker_entity is not None or not c.speaker:
            continue
        outer = out[c.parent]
        if not _participle(c) or not outer.speaker or _can_speak(c.speaker):
            continue
        if text.find(c.speaker, outer.content[0], outer.content[1]) < 0:
            continue  # the participle's subject is not inside what the outer speaker said
        out[n] = dataclasses.replace(c, speaker=outer.speaker, speaker_entity=outer.speaker_entity, via=outer.via)
    return out
