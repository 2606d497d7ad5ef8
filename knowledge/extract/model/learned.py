"""The learned cue model: logistic weights trained on PolNeAR's train split, shipped as one JSON file.

It makes the decision the rules cannot make from the parse alone — whether a verb is acting as a cue here — with
lexicalised context the 58-article scorer (`rules_scorer`) could not afford, while the rules keep giving every cue its
source, content, stance, channel and negation. Inference is a dictionary lookup per candidate, so it costs nothing
next to the parse. `benchmarks/train_tagger.py` rebuilds the file; MODEL.md beside it says how it was trained.
"""

from __future__ import annotations

import json
from importlib import resources

from knowledge.extract.model.candidates import verb_candidate
from knowledge.extract.model.decision import CueDecision, logistic
from knowledge.extract.model.features import verb_features
from knowledge.extract.model.rules_scorer import CueScorer
from knowledge.extract.model.span_edits import cue_variants, variants
from knowledge.extract.parse import cues as lex
from knowledge.extract.parse.roles import negated, quoted_as

MODEL_FILE = "attribution_model.json"
FORMAT = 1
EXTRACTORS = ("learned", "rules")
REBUILD = (
    "rebuild it with `python benchmarks/train_tagger.py /path/to/polnear/train /path/to/polnear/dev` "
    "(needs `pip install -e '.[train]'`), or use the rules-only extractor (BRIEFBOT_EXTRACTOR=rules, "
    "or --extractor rules)"
)


def rules_decide(tok) -> bool:
    """Constructions briefings depend on, where the rules' decision stands over the model's (together they cost
    0.1-0.2 F1 on dev, where PolNeAR marks fewer of them than a reader wants): "was quoted as saying", refusing to
    comment ("did not respond", "declined to say"), a report inside a report ("claimed that the rebels said"),
    a report with a placeholder "it", a verb carrying an "according to", and a verb whose object ends at a colon ("didn't mince words:", where the colon is the cue)."""
    lemma = tok.lemma_.lower()
    if quoted_as(tok) is not None:
        return True
    if lemma in lex.COMMENT_VERBS | lex.DISCLOSE_VERBS and (negated(tok) or tok.head.lemma_ == "decline"):
        return True
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.VERB_CUES and lemma in lex.VERB_CUES:
        return True
    if lemma == "agree" and any(c.dep_ == "xcomp" for c in tok.children):
        return True  # "agreed to reopen it": done or promised, as the rules read it
    if any(c.lower_ == "according" for c in tok.children):
        return True  # "X plans to ..., according to Y": the reporting chain's rules decide who says what
    if any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in tok.children):
        return True  # "It is widely believed that ...": a report with nobody as its speaker
    doc = tok.doc
    return any(c.dep_ == "dobj" and c.i + 1 < len(doc) and doc[c.i + 1].text == ":" for c in tok.children)


PERSONAL = {"him", "her", "them", "me", "us"}
_rules: list[CueScorer] = []


def _rules_scorer() -> CueScorer:
    if not _rules:
        _rules.append(CueScorer.load())
    return _rules[0]


def _likeliest(weights: dict[str, float], threshold: float, unchanged, options):
    """The option (name, features, result) the weights find likeliest, if at least `threshold`; else `unchanged`.
    Ties go to the later option, as the edit models were selected with."""
    best, chosen = threshold, unchanged
    for _name, names, result in options:
        p = logistic(weights, names)
        if p >= best:
            best, chosen = p, result
    return chosen


class ModelFileError(RuntimeError):
    """The shipped model file is missing or unreadable; the message names the file and how to rebuild it."""


class LearnedModel:
    """The learned `CueDecision`: weights over `features.verb_features` deciding cues, and optionally weights
    over `span_edits.variants` deciding one boundary edit of each content span."""

    def __init__(
        self,
        weights: dict[str, float],
        threshold: float,
        meta: dict | None = None,
        content: dict[str, float] | None = None,
        content_threshold: float = 0.5,
        cue_edits: dict[str, float] | None = None,
        cue_edit_threshold: float = 0.5,
    ):
        self.weights, self.threshold, self.meta = weights, threshold, meta or {}
        self.content, self.content_threshold = content or {}, content_threshold
        self.cue_edits, self.cue_edit_threshold = cue_edits or {}, cue_edit_threshold
        self.broad = bool(self.meta.get("broad_candidates"))
        self.agree = bool(self.meta.get("rules_agree", True))

    def probability(self, tok, in_lexicon: bool, in_quote: bool = False, extra=()) -> float:
        return logistic(self.weights, verb_features(tok, in_lexicon, in_quote) + list(extra))

    def accept(self, tok, in_lexicon: bool, in_quote: bool = False, extra=()) -> bool:
        if tok.lemma_.lower() == "agree" and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            return False  # "agreed on a proposal" is something done; "agreed that ..." is said
        if rules_decide(tok):
            return _rules_scorer().accept(tok, in_lexicon, in_quote, extra)
        if self.probability(tok, in_lexicon, in_quote, extra) < self.threshold:
            return False
        # a verb outside the lexicon with an object ("released X", "chose him as envoy") is a claim only if the
        # rules' scorer agrees: a wrong one is a made-up line in a briefing
        if in_lexicon or not self.agree or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            return True
        person = any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in PERSONAL) for c in tok.children)
        return not person or _rules_scorer().accept(tok, False, in_quote, extra)

    def candidate(self, tok) -> bool | None:
        """`attribution.verb_candidate`, and, when the model was trained with them, verbs the rules skip for want
        of a clause or an object ("railed against", "looked at") as candidates outside the lexicon (False)."""
        in_lex = verb_candidate(tok)
        return other_verb(tok) if in_lex is None and self.broad else in_lex

    def refine_cue(self, doc, cue: list, content: set[int]) -> list:
        """The cue with the words after it annotators would take in ("expressed concern", "spoke out"), if the
        model thinks that likelier than not."""
        head = next((t for t in cue if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
        if not self.cue_edits or head is None or rules_decide(head):
            return cue
        return _likeliest(self.cue_edits, self.cue_edit_threshold, cue, cue_variants(doc, cue, content))

    def refine_content(self, doc, cue, content: set[int]) -> set[int]:
        """The content with the most probable boundary edit applied, if the model thinks it likelier than not."""
        head = next((t for t in cue if t.pos_ in ("VERB", "AUX")), None)
        if not self.content or head is None:
            return content
        return _likeliest(self.content, self.content_threshold, content, variants(doc, head, content))

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "threshold": self.threshold,
            "meta": self.meta,
            "weights": self.weights,
            "content": {"threshold": self.content_threshold, "weights": self.content},
            "cue_edits": {"threshold": self.cue_edit_threshold, "weights": self.cue_edits},
        }

    @classmethod
    def from_json(cls, data, where: str) -> LearnedModel:
        if not isinstance(data, dict):
            raise ModelFileError(f"attribution model {where} is corrupt (not a JSON object); {REBUILD}")
        if data.get("format") != FORMAT:
            raise ModelFileError(
                f"attribution model {where} has format {data.get('format')!r}, this code reads {FORMAT}; {REBUILD}"
            )
        try:
            weights = {str(k): float(w) for k, w in data["weights"].items()}
            threshold = float(data["threshold"])
            content = data.get("content") or {"weights": {}, "threshold": 0.5}
            content_weights = {str(k): float(w) for k, w in content["weights"].items()}
            content_threshold = float(content["threshold"])
            cue_edits = data.get("cue_edits") or {"weights": {}, "threshold": 0.5}
            cue_edit_weights = {str(k): float(w) for k, w in cue_edits["weights"].items()}
            cue_edit_threshold = float(cue_edits["threshold"])
            meta = dict(data.get("meta") or {})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelFileError(f"attribution model {where} is corrupt ({exc!r}); {REBUILD}") from exc
        if len(weights) < 2 or not all(0.0 < t < 1.0 for t in (threshold, content_threshold, cue_edit_threshold)):
            raise ModelFileError(f"attribution model {where} holds no usable weights; {REBUILD}")
        return cls(weights, threshold, meta, content_weights, content_threshold, cue_edit_weights, cue_edit_threshold)


def other_verb(tok) -> bool | None:
    """A verb outside the lexicon with a preposition or particle the rules could read content from."""
    if tok.pos_ != "VERB" or tok.dep_ in ("aux", "auxpass") or tok.lemma_.lower() in lex.VERB_CUES:
        return None  # lexicon verbs the rules leave out ("what he called", "than feared") stay out
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "than":
        return None
    if tok.lemma_.lower() == "quote" or any(d.lower_ == "what" and d.head.lemma_ in lex.NAMING for d in tok.subtree):
        return None  # "was quoted as saying" (the saying is the cue), "voted on what the mayor called X" (a label)
    # "chose him as envoy": an "as" phrase gives a role, not what was said
    return False if any(c.dep_ in ("prep", "prt") and c.i > tok.i and c.lower_ != "as" for c in tok.children) else None


def load_model(path=None) -> LearnedModel:
    """Read the shipped model (or `path`); any failure names the file and the command that rebuilds it."""
    where = str(path) if path is not None else f"knowledge/extract/model/{MODEL_FILE}"
    try:
        if path is None:
            raw = resources.files("knowledge.extract.model").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
    except FileNotFoundError as exc:
        raise ModelFileError(f"attribution model {where} is missing; {REBUILD}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelFileError(f"attribution model {where} cannot be read ({exc}); {REBUILD}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"attribution model {where} is corrupt (not JSON: {exc}); {REBUILD}") from exc
    return LearnedModel.from_json(data, where)


def scorer_for(extractor: str | None = None) -> CueDecision:
    """The cue decision behind an extractor name (None: the configured one, BRIEFBOT_EXTRACTOR): the learned
    model, or the rules' lexicon with the small scorer."""
    if extractor is None:
        from knowledge.config import get_settings

        extractor = get_settings().briefbot_extractor
    if extractor == "learned":
        return load_model()
    if extractor == "rules":
        return CueScorer.load()
    raise ValueError(f"unknown extractor {extractor!r}; choose one of {', '.join(EXTRACTORS)}")


def use_extractor(extractor: str) -> None:
    """Switch the extractor for this process and the worker processes it starts (they read the environment)."""
    import os

    from knowledge.config import get_settings

    if extractor not in EXTRACTORS:
        raise ValueError(f"unknown extractor {extractor!r}; choose one of {', '.join(EXTRACTORS)}")
    os.environ["BRIEFBOT_EXTRACTOR"] = extractor
    get_settings.cache_clear()
    reset_scorer()


def prepare(extractor: str | None = None) -> CueDecision:
    """Switch to `extractor` (None: keep the configured one) and load its cue decision, raising ModelFileError now
    rather than inside a worker process halfway through a batch."""
    if extractor is not None:
        use_extractor(extractor)
    return get_scorer()


_scorer: CueDecision | None = None


def get_scorer() -> CueDecision:
    """The configured extractor's cue decision (learned by default, or the rules'), loaded once per process."""
    global _scorer
    if _scorer is None:
        _scorer = scorer_for()
    return _scorer


def reset_scorer() -> None:
    """Forget the loaded cue decision, so the next extraction reads the setting (and the model file) again."""
    set_scorer(None)


def set_scorer(scorer: CueDecision | None) -> None:
    """Extract with `scorer` in this process: training scores a model it has not written yet, and records the
    rules' spans through a stand-in that decides as the model does."""
    global _scorer
    _scorer = scorer


def done_not_said(tok) -> bool:
    """A verb outside the cue lexicon with no clause of its own ("voted to end the strike", "introduced limits")
    that the rules' scorer does not take for a cue: PolNeAR marks some such verbs, so `attribute` keeps them, but as
    a briefing line it would put words in someone's mouth, so it never becomes a claim."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in lex.VERB_CUES:
        return False
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return not _rules_scorer().accept(tok, False)
