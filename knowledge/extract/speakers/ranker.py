"""A learned choice of whom "he", "she" or "they" stands for (mention ranking), as an alternative to the rules.

The rules (`anaphora`) take, in the nearest sentence that has a compatible person, the speaker, else the latest
subject, else the latest mention. The ranker keeps all of the rules' evidence — who is a candidate (people and
organisations named outside quotes, unnamed people, anaphors already resolved), the gender and number the text
shows, and the hard constraints: a candidate of another number or of a gender the text shows is never offered —
and replaces only the choice among the compatible candidates within reach by a logistic regression over features
of each candidate (sentence distance, recency, speaker and subject role, whether it was the last speaker, how often
it was named, whether the pronoun follows a quote). The best candidate is taken when its probability reaches the
model's threshold; otherwise the pronoun stays as written, as with the rules.

Which resolver runs is a setting (`BRIEFBOT_RESOLVER`, "learned" by default: it made fewer wrong and more right
choices than the rules on every PolNeAR dev figure, and the same on our real-news set); `benchmarks/resolver.py`
compares them and `benchmarks/train_resolver.py` trains the weights (`model/resolver_model.json`, see
`model/MODEL.md`).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from knowledge.extract.entities import DocEntities
from knowledge.extract.parse.spans import doc_text
from knowledge.extract.speakers.anaphora import PAIR, _Mention, _Resolver
from knowledge.extract.speakers.binding import main_subject, own_clause
from knowledge.extract.speakers.person_words import PRONOUNS
from knowledge.tuning import tuning

RESOLVERS = ("rules", "learned")
MODEL_FILE = "resolver_model.json"
_CLOSING = "\"”’'"


@dataclass(frozen=True)
class RankerModel:
    """Weights of the candidate scorer (feature name -> weight), its bias and the probability a choice needs (per
    pronoun where the training chose one: a wrong "they" costs more often than it pays)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    thresholds: dict[str, float] = field(default_factory=dict)

    def threshold_for(self, pronoun: str) -> float:
        return self.thresholds.get(pronoun.lower(), self.threshold)

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: str | None = None) -> RankerModel:
        if path is None:
            raw = resources.files("knowledge.extract.model").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
        data = json.loads(raw)
        thresholds = {k: float(v) for k, v in data.get("thresholds", {}).items()}
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), thresholds)


@dataclass
class PronounCandidates:
    """One pronoun's compatible candidates with their features (recorded for training)."""

    start: int  # character offset of the pronoun
    candidates: list[_Mention]
    features: list[dict[str, float]] = field(default_factory=list)
    chosen: _Mention | None = None  # the rules' choice


def _key(m: _Mention) -> object:
    return m.entity if m.entity is not None else m.text


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


class RankedResolver(_Resolver):
    """The rules' resolver whose choice among a pronoun's compatible candidates is made by a `RankerModel`;
    with `record` set it makes the rules' choice and records every pronoun's candidates and features."""

    def __init__(
        self,
        doc,
        ents: DocEntities,
        *,
        body_start: int = 0,
        model: RankerModel | None = None,
        record: list[PronounCandidates] | None = None,
    ):
        super().__init__(doc, ents, body_start=body_start)
        self.model, self.record = model, record

    def _candidates(self, tok, number: str, gender: str | None) -> list[_Mention]:
        """The compatible mentions within reach, less everyone named inside what the pronoun governs ("Trump was
        told X, he said": "he" is not Trump, wherever else Trump is named)."""
        here, clause = self.sent_index(tok), own_clause(tok)
        limit = tuning().speaker_search_sentences
        before = [m for m in self.mentions if m.end <= tok.idx and here - m.sent <= limit]
        bound = {_key(m) for m in before if m.sent == here and self._inside(m, clause)}  # a clause is in its sentence
        return [m for m in before if _key(m) not in bound and self._compatible(m, number, gender, None)]

    def _pick(self, tok, number: str, gender: str | None, role: str | None) -> _Mention | None:
        if role is not None or (self.model is None and self.record is None):
            return super()._pick(tok, number, gender, role)
        cands = self._candidates(tok, number, gender)
        if not cands:
            return None
        feats = candidate_features(self, tok, cands, gender)
        if self.record is not None:
            chosen = super()._pick(tok, number, gender, role)
            self.record.append(PronounCandidates(tok.idx, cands, feats, chosen))
            return chosen
        assert self.model is not None
        scores = [self.model.probability(f) for f in feats]
        best = cands[max(range(len(cands)), key=lambda i: (scores[i], cands[i].start))]
        if max(scores) < self.model.threshold_for(tok.lower_):
            # no rival to rank: the one compatible person in reach stays the rules' choice ("A spokesman said …
            # '…,' he said"); the threshold is for choosing between rivals the text does not settle
            # (a family, "the Brandts", is one such person for "they"; an organisation is not)
            person = cands[0].entity is not None and self.ents.entities[cands[0].entity].type == "PERSON"
            alone = len({_key(m) for m in cands}) == 1 and (cands[0].number == "sg" or person)
            rules = super()._pick(tok, number, gender, role)
            if alone:
                return rules
            # "X and Y told reporters they …": a pair named together, whose only rivals are people nobody names,
            # is the plural's one named candidate, as the lone person is the singular's
            named = {_key(m) for m in cands if m.entity is not None or PAIR in m.roles}
            return rules if rules is not None and PAIR in rules.roles and named == {_key(rules)} else None
        if any(self._coordinated(best, m) and not self._fits_better(best, m, gender) for m in cands):
            return None  # "X and Y appeared together. He said": the text does not say which, as for the rules
        return best


def candidate_features(r: _Resolver, tok, cands: list[_Mention], gender: str | None) -> list[dict[str, float]]:
    """Features of each candidate for the pronoun `tok` (all binary but the two counts)."""
    text = doc_text(r.doc)
    here = r.sent_index(tok)
    before = [m for m in r.mentions if m.end <= tok.idx]
    speakers = [m for m in before if m.subject == 2]
    subjects = [m for m in before if m.subject >= 1]
    last_speaker = _key(max(speakers, key=lambda m: m.start)) if speakers else None
    last_subject = _key(max(subjects, key=lambda m: m.start)) if subjects else None
    recency = {id(m): n for n, m in enumerate(sorted(cands, key=lambda m: -m.start))}
    order: dict[object, int] = {}
    for m in sorted(cands, key=lambda m: -m.start):
        order.setdefault(_key(m), len(order))
    counts = Counter(_key(m) for m in before)
    lead = text[max(0, tok.idx - 3) : tok.idx].strip()
    after_quote = bool(lead) and (lead[-1] in _CLOSING or lead.endswith(("”,", '",', "’,")))
    low = tok.lower_
    out = []
    for m in cands:
        kind = "unnamed" if m.entity is None else r.ents.entities[m.entity].type.lower()
        g = m.gender if m.entity is None else r.gender.get(m.entity)
        dist = here - m.sent
        is_speaker = _key(m) == last_speaker
        f = {
            f"dist={_bucket(dist, 3)}": 1.0,
            f"rank={_bucket(recency[id(m)], 4)}": 1.0,
            f"entity_rank={_bucket(order[_key(m)], 3)}": 1.0,
            f"subject={m.subject}": 1.0,
            f"dist={_bucket(dist, 2)}&subject={m.subject}": 1.0,
            f"kind={kind}": 1.0,
            f"{low}&kind={kind}": 1.0,
            "main_subject": float(main_subject(r.doc, m.start, m.end)),
            "last_speaker": float(is_speaker),
            "last_subject": float(_key(m) == last_subject),
            "after_quote&last_speaker": float(after_quote and is_speaker),
            "gender_shown": float(gender is not None and g == gender),
            "anaphor": float(text[m.start : m.end].lower() in PRONOUNS),
            "headline": float(m.start < r.body_start),
            "alone_in_reach": float(len(order) == 1),
            "coordinated": float(any(r._coordinated(m, o) for o in cands if o.sent == m.sent)),
            "log_mentions": math.log1p(counts[_key(m)]),
            "dist": min(dist, 6) / 6,
        }
        out.append({k: v for k, v in f.items() if v})
    return out


def use_resolver(name: str) -> None:
    """Switch the resolver for this process and the worker processes it starts (they read the environment)."""
    from knowledge.config import get_settings

    if name not in RESOLVERS:
        raise ValueError(f"unknown resolver {name!r}; choose one of {', '.join(RESOLVERS)}")
    os.environ["BRIEFBOT_RESOLVER"] = name
    get_settings.cache_clear()


_model: RankerModel | None = None


def make_resolver(doc, ents: DocEntities, *, body_start: int = 0) -> _Resolver:
    """The resolver `resolver_name` names, for `anaphora.resolve_document`."""
    global _model
    from knowledge.config import get_settings

    if get_settings().briefbot_resolver == "rules":
        return _Resolver(doc, ents, body_start=body_start)
    if _model is None:
        _model = RankerModel.load()
    return RankedResolver(doc, ents, body_start=body_start, model=_model)
