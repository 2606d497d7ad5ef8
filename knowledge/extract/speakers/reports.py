"""An outlet's report of what a party says: "CNN reports that Acme alleges …", "X announced …, WSB reported".

The outlet only passes the words on; a reader needs the party who said them, with the outlet as the way they came
(`via`), as an annotator names them. The rules follow what the text shows:
- when the parse found the inner saying as a claim of its own, nested in the report, the inner claim has the
  outlet as its channel already and the report stays the outlet's: PolNeAR's annotators give the outlet the report,
  and dropping it cost four of its name speakers;
- when it did not (a saying verb with a noun-phrase object, "Acme alleges negligence"), a report the outlet opens
  ("CNN reports that …"; not one trailing its words, "X welcomed the news …, CNN reported", which PolNeAR gives the
  outlet) whose content is a clause headed by a saying verb with an object and a named subject (an entity, or a
  description or pronoun `anaphora` resolved) is that subject's claim of the verb's object, via the outlet; a
  participle the parse hung on that clause and gave the outlet's name ("…, stating that …") follows it.
Only reporting cues pass words on this way: "X said that Acme alleges …" is X's own account and stays X's.
"""

from __future__ import annotations

import dataclasses

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.cues import VERB_CUES
from knowledge.extract.parse.spans import doc_text
from knowledge.extract.speakers.heads import entity_of

# Cue lemmas by which one party passes on what another says.
REPORTING = frozenset({"report"})


def _leads(report: LocalClaim, doc) -> bool:
    """ "CNN reports that …": the outlet and its verb open the report. A report trailing its words ("Trump welcomed
    the news …, CNN reported") is the outlet's, as PolNeAR's annotators read it."""
    at = doc_text(doc).find(report.speaker or "", report.context[0], report.context[1])
    return 0 <= at < report.content[0]


def _inner_saying(outer: LocalClaim, ents: DocEntities, doc):
    """(subject words, entity, saying verb) when the report's content is a clause headed by a saying verb whose
    subject the text names (a place stands for its government: "Arland alleges"); else None."""
    span = doc.char_span(*outer.content, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in VERB_CUES or verb.lemma_.lower() in REPORTING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ in ("dobj", "obj", "ccomp") for c in verb.children):
        return None  # "Acme responded to the inquiry": nothing said is reported
    ref = ents.referents.get(subject.i)
    idx = ref.entity if ref is not None else entity_of(ents, subject)
    if idx is None:
        return None
    words = doc_text(doc)[subject.left_edge.idx : subject.right_edge.idx + len(subject.right_edge.text)]
    return words, idx, verb


def passed_on(claims: list[LocalClaim], ents: DocEntities, doc) -> list[LocalClaim]:
    """The claims with reported sayings given to their speakers."""
    if doc is None:
        return claims
    out = list(claims)
    for n, c in enumerate(claims):
        if c.cue_lemma not in REPORTING or not c.speaker or not _leads(c, doc):
            continue
        if any(d.parent == n and d.speaker != c.speaker for d in claims):
            continue  # the parse found the inner saying: it has the outlet as its channel (`_reporters_as_channels`)
        found = _inner_saying(c, ents, doc)
        if found is None:
            continue
        words, idx, verb = found
        start = verb.idx + len(verb.text)
        while start < c.content[1] and doc_text(doc)[start].isspace():
            start += 1
        lemma = verb.lemma_.lower()
        out[n] = dataclasses.replace(
            c,
            speaker=words,
            speaker_entity=idx,
            via=c.speaker,
            cue=verb.text,
            cue_lemma=lemma,
            stance=VERB_CUES[lemma],
            content=(start, c.content[1]) if start < c.content[1] and not c.fragments else c.content,
        )
        for i, d in enumerate(claims):  # "…, stating that …": the parse gave the participle the outlet
            if d.parent == n and d.speaker == c.speaker and d.speaker_entity == c.speaker_entity:
                out[i] = dataclasses.replace(d, speaker=words, speaker_entity=idx, via=c.speaker)
    return out
