"""From a briefing's rows to its summary: members, storylines, lines, and (when configured) model prose.

Kept apart from `compose` so the briefing's other sections and its summary can change independently; both read
the same verified rows, so a summary line never cites anything the details could not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from knowledge.brief import llm
from knowledge.brief.members import claim_member, event_member
from knowledge.brief.model import CitationRef, SummaryLine
from knowledge.brief.storylines import Member, Storyline, group
from knowledge.brief.summary import summarize
from knowledge.tuning import tuning

Rewrite = Callable[[list[SummaryLine], dict[str, Storyline]], list[SummaryLine]]
MIN_QUOTE = 12  # a claim shorter than this is a fragment, not a statement (compose skips them too)


def members_of(
    event_rows: list[dict[str, Any]],
    claim_rows: list[dict[str, Any]],
    topic_id: str | None,
    copies: dict[str, list[str]],
    cite: Callable[[dict[str, Any]], CitationRef | None],
    spoken: Callable[[dict[str, Any], str], str],
    disputed: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Member]:
    """Verified rows as members (`summary_rows` of each kind taken `in_turn` from the newest articles, and every
    claim of a dispute), each stored row once."""
    out: list[Member] = []
    seen: set[str] = set()
    n = tuning().summary_rows
    claim_rows, event_rows = in_turn(claim_rows), in_turn(event_rows)
    claim_rows = claim_rows[:n] + [r for r in claim_rows[n:] if r["id"] in disputed]
    for row in event_rows[:n]:
        c = cite(row)
        if c and row["id"] not in seen:
            seen.add(row["id"])
            out.append(event_member(row, c, topic_id, copies))
    for row in claim_rows:
        c = cite(row)
        if c and row["id"] not in seen and row.get("quote") and len(row["quote"]) > MIN_QUOTE:
            seen.add(row["id"])
            out.append(claim_member(row, c, spoken(row, c.quote), topic_id, copies))
    return out


def in_turn(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` (newest first) reordered so that each article gives one row in turn: the first row of every article
    (newest article first), then the second of each, and so on, each article's rows in text order (its opening
    first). The summary reads the first `summary_rows`: taking them newest first let one long recent article fill
    them all, and the news that earlier articles led with never reached the summary."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["document_id"], []).append(row)
    queues = [sorted(doc_rows, key=lambda r: r["start"]) for doc_rows in by_doc.values()]
    depth = max((len(q) for q in queues), default=0)
    return [q[k] for k in range(depth) for q in queues if k < len(q)]


def outline(
    members: list[Member],
    disputes: list[dict[str, Any]],
    people: dict[str, str],
    topic: str,
    rewrite: Rewrite | None = None,
    attach: Callable[[list[Member]], None] | None = None,
) -> tuple[list[SummaryLine], list[Storyline]]:
    """(summary lines, storylines); `disputes` as the store gives them, best-scored first."""
    pairs = [(f"c:{d['claim_id']}", f"c:{d['other_claim_id']}") for d in sorted(disputes, key=lambda d: -d["score"])]
    storylines = group(members, pairs)
    lines = summarize(storylines, people, topic, attach=attach)
    if rewrite is not None:
        lines = rewrite(lines, {s.id: s for s in storylines})
    return lines, storylines


def model_prose(people: dict[str, str]) -> Rewrite | None:
    """The optional LLM rewrite of summary lines, when BRIEFBOT_LLM_URL and BRIEFBOT_LLM_MODEL are set."""
    config = llm.config_from_settings()
    if config is None:
        return None
    return lambda lines, storylines: llm.rewrite(lines, storylines, people, config)
