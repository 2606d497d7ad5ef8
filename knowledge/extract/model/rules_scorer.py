"""A linear scorer deciding whether a verb is acting as an attribution cue in this sentence.

The lexicon alone fires on "show a film" and misses "X fumed that ..."; a handful of parse features weighed by a
logistic model trained on annotated news fixes most of both. The weights are a small JSON file shipped with the
package, so inference is a dictionary lookup per candidate and costs nothing next to the parse.
"""

from __future__ import annotations

import json
from importlib import resources

from knowledge.extract.model.candidates import verb_candidate
from knowledge.extract.model.decision import logistic
from knowledge.extract.parse.spans import doc_text, quoted_sentence

WEIGHTS_FILE = "cue_weights.json"
SPEECH_SUBJ = {"PERSON", "ORG", "NORP", "GPE"}
PRONOUNS = {"he", "she", "they", "i", "we", "you", "it"}


def features(tok, in_lexicon: bool, in_quote: bool = False) -> list[str]:
    """Sparse binary features of a candidate cue verb; names are stable because the weights are keyed by them."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    f = [f"lemma={lemma}", f"dep={tok.dep_}", f"tag={tok.tag_}", f"lex={in_lexicon}", f"quoted={in_quote}"]
    f.append(f"lemma_quoted={lemma}|{in_quote}")
    f += [
        f"child={d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "neg", "aux", "advmod", "prep", "dative", "mark")
    ]
    f.append(f"lemma_dep={lemma}|{tok.dep_}")
    if subj is not None:
        kind = "pron" if subj.lower_ in PRONOUNS else subj.ent_type_ or subj.pos_
        f.append(f"subj={kind}")
        f.append(f"subj_lemma={subj.lemma_.lower()}")
        f.append(f"subj_side={'before' if subj.i < tok.i else 'after'}")
        f.append(f"lemma_subj={lemma}|{kind}")
        if subj.lower_ in ("who", "that", "which"):
            f.append("subj=rel")
    else:
        f.append("subj=none")
    for c in kids:
        if c.dep_ in ("ccomp", "xcomp"):
            f.append(f"comp={c.dep_}|{'after' if c.i > tok.i else 'before'}")
            f.append(f"lemma_comp={lemma}|{c.dep_}")
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                f.append("comp_that")
            if c.tag_ == "TO" or any(m.tag_ == "TO" for m in c.children):
                f.append("comp_to")
            if any(m.dep_ in ("nsubj", "nsubjpass", "expl") for m in c.children):
                f.append("comp_finite")
            f.append(f"comp_pos={c.pos_}")
    text = doc_text(tok.doc)
    near = text[max(0, tok.idx - 40) : tok.idx + len(tok) + 4]
    if any(q in near for q in ("”", '"', "''")):
        f.append("quote_near")
    nxt = tok.doc[tok.i + 1].text if tok.i + 1 < len(tok.doc) else ""
    prv = tok.doc[tok.i - 1].text if tok.i > 0 else ""
    f.append(f"next={nxt.lower() if not nxt.isalpha() else 'w'}")
    f.append(f"prev={prv.lower() if not prv.isalpha() else 'w'}")
    return f + _context(tok)


def _context(tok) -> list[str]:
    """Where the verb sits: the main verb of a sentence that holds quotation marks is a speech verb far more often
    than a verb in a subordinate clause of a sentence without any (chosen by CV: depth and head features were not)."""
    return [f"root={tok.dep_ == 'ROOT'}", f"sent_quote={quoted_sentence(tok)}"]


class CueScorer:
    """The rules' `CueDecision`: the lexicon's candidates, a small logistic scorer over parse features, and spans
    exactly as the rules draw them."""

    def __init__(self, weights: dict[str, float] | None, threshold: float = 0.5):
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def load(cls) -> CueScorer:
        try:
            raw = resources.files("knowledge.extract.model").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
        except (FileNotFoundError, OSError):
            return cls(None)
        data = json.loads(raw)
        return cls(data["weights"], data.get("threshold", 0.5))

    def probability(self, tok, in_lexicon: bool, in_quote: bool = False, extra=()) -> float:
        return logistic(self.weights or {}, features(tok, in_lexicon, in_quote) + list(extra))

    def accept(self, tok, in_lexicon: bool, in_quote: bool = False, extra=()) -> bool:
        """Without weights, trust the lexicon; with them, let the model overrule it either way."""
        if self.weights is None:
            return in_lexicon
        return self.probability(tok, in_lexicon, in_quote, extra) >= self.threshold

    def candidate(self, tok) -> bool | None:
        return verb_candidate(tok)

    def refine_cue(self, doc, cue: list, content: set[int]) -> list:
        """The rules' cue extent stands (the learned model's `refine_cue` may extend it)."""
        return cue

    def refine_content(self, doc, cue: list, content: set[int]) -> set[int]:
        return content
