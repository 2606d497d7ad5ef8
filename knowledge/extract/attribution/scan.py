"""The words of a document worth asking whether they are cues, found from its token arrays.

`relations._candidates` tries every way a word can open an attribution: "according to", a claim noun ("the claim
that ..."), a third-person verb the tagger read as a plural noun ("'...,' the lawsuit states."), and a verb the cue
model weighs (`CueDecision.candidate`: verbs and auxiliaries only). Any other word is skipped by each of those tests
in turn, yet a loop over the whole Doc built a spaCy Token for each (~700 an article) and read four of its attributes
in Python. The shapes the tests start from are read off one array per attribute here, so only the few words that
pass them (about a fifth) are built and tested; the tests themselves stay where they are and decide.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG

from knowledge.extract.parse import cues as lex

_CUE_POS = ("VERB", "AUX")  # what `CueDecision.candidate` may take at all


def _ids(doc, names) -> set[int]:
    strings = doc.vocab.strings
    return {strings[n] for n in names if n in strings}


def cue_scan(doc) -> list:
    """The tokens, in document order, that may start an attribution: "according", a noun whose lemma is a claim
    noun, a plural-noun tag (the misread verb), or a verb or auxiliary; every other token is one no cue rule takes."""
    if not len(doc):
        return []
    arrays = doc.to_array([LOWER, POS, TAG, LEMMA]).tolist()
    strings = doc.vocab.strings
    verbs, according = _ids(doc, _CUE_POS), _ids(doc, ["according"])
    noun, plural = _ids(doc, ["NOUN"]), _ids(doc, ["NNS"])
    lemmas = {row[3] for row in arrays}
    claim_nouns = {i for i in lemmas if strings[i].lower() in lex.NOUN_CUES}
    return [
        doc[i]
        for i, (low, pos, tag, lemma) in enumerate(arrays)
        if pos in verbs or tag in plural or low in according or (pos in noun and lemma in claim_nouns)
    ]


def colons(doc) -> list:
    """The colon tokens, in document order ('X didn't mince words: "..."' may open a quote at one)."""
    colon = _ids(doc, [":"])
    return [doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in colon] if len(doc) else []
