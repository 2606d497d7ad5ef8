"""Grouping a briefing's claims: reports of one claim become one line, and lines on one matter one section.

Both compare words by token-set similarity (rapidfuzz) against each group's first report, in the order the
rows come, so a report joins the first group alike enough (`Tuning.same_claim`, `Tuning.same_matter`).
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from knowledge.brief.model import ClaimLine, Matter
from knowledge.tuning import tuning

Row = dict[str, Any]  # a claim row the store read for a briefing (knowledge.store.claims)


def merge_claims(rows: list[Row]) -> list[list[Row]]:
    """Reports of one claim: same speaker, same stance, nearly the same words. Compared only within a
    (speaker, stance) bucket, so the cost stays small when a topic has hundreds of claims."""
    buckets: dict[tuple[Any, ...], tuple[list[list[Row]], list[str]]] = {}  # groups, and each one's first words
    order: list[list[Row]] = []
    for row in rows:
        key = ((row["speaker_name"] or "").lower(), row["stance"])
        groups, heads = buckets.setdefault(key, ([], []))
        first = _first_alike(row["quote"], heads, tuning().same_claim)
        if first is not None:
            groups[first].append(row)
        else:
            groups.append([row])
            heads.append(row["quote"])
            order.append(groups[-1])
    return order


def _first_alike(text: str, heads: list[str], cutoff: float) -> int | None:
    """The first of `heads` whose token-set similarity to `text` reaches `cutoff` (given to rapidfuzz too, which
    then stops scoring a pair as soon as it cannot reach it)."""
    for index, head in enumerate(heads):
        if fuzz.token_set_ratio(head, text, score_cutoff=cutoff) >= cutoff:
            return index
    return None


def matters_of(
    lines: list[ClaimLine], names: dict[str, str], about: dict[str, set[str]], topic_id: str | None
) -> list[Matter]:
    """The claim lines in sections by what they are about: lines alike enough share a cluster, and a section is
    labelled by the (at most two) entities its claims are most often about; clusters with one label merge."""
    clusters: list[list[ClaimLine]] = []
    heads: list[str] = []
    for line in lines:
        first = _first_alike(line.quote, heads, tuning().same_matter)
        if first is not None:
            clusters[first].append(line)
        else:
            clusters.append([line])
            heads.append(line.quote)
    matters: list[Matter] = []
    for cluster in clusters:
        shared: dict[str, int] = {}
        for line in cluster:
            for eid in (about.get(line.claim_ids[0], set()) - {topic_id}) & names.keys():
                shared[eid] = shared.get(eid, 0) + 1
        top = sorted(shared, key=lambda e: (-shared[e], names.get(e, e)))[:2]  # ties by name: same label every run
        label = "On " + " and ".join(names.get(e, e) for e in top) if top else "Other claims"
        same = next((m for m in matters if m.label == label), None)
        if same:
            same.claims.extend(cluster)
        else:
            matters.append(Matter(label=label, claims=cluster))
    return matters
