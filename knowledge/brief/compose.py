"""Composing a briefing: gather rows, keep only verified citations, merge repeats, rank, cut to one screen.

Merging: many outlets report one event or one claim; those become one line carrying every citation, and the
number of independent outlets (syndicated copies count once) is a ranking signal. Ranking: recency first,
then corroboration and how central the topic is to the line; undated items come after dated ones.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from knowledge.brief import gather
from knowledge.brief.claim_groups import matters_of, merge_claims
from knowledge.brief.empty import outlet_note, why_empty
from knowledge.brief.event_dates import cited_first, dating_row
from knowledge.brief.event_groups import event_groups
from knowledge.brief.labels import date_label, stance_label
from knowledge.brief.members import attach_sentences, centrality, lede_members
from knowledge.brief.model import (
    Ambiguous,
    Briefing,
    BriefResult,
    Choice,
    CitationRef,
    ClaimLine,
    Development,
    DisputeLine,
    Identity,
    SourceSummary,
    Unknown,
)
from knowledge.brief.outline import members_of, model_prose, outline
from knowledge.brief.query import Query
from knowledge.brief.ranking import rank
from knowledge.brief.statements import claim_lead, shown_as_claim
from knowledge.brief.topic import Candidate, resolve_topic
from knowledge.store import Store
from knowledge.store.aliases import aliases_of
from knowledge.store.entities import entity_names, people_names
from knowledge.tuning import tuning

Row = dict[str, Any]  # a row the store read for a briefing (see knowledge.store.claims / events)
Copies = dict[str, list[str]]  # document id -> outlets that republished it


def _citation(row: Row) -> CitationRef | None:
    """The row's verified citation, built once per row (the details and the summary both cite it)."""
    if "_cite" not in row:
        published = row.get("published_at")
        row["_cite"] = (
            CitationRef(
                document_id=row["document_id"],
                start=row["start"],
                end=row["end"],
                quote=row["quote"],
                words=[(s, e) for s, e in json.loads(row["fragments"])] if row.get("fragments") else [],
                outlet=row.get("outlet"),
                source_id=row.get("source_id"),
                url=row.get("url") or None,
                title=row.get("title"),
                published_at=datetime.fromisoformat(published) if published else None,
            )
            if row.get("actual") == row.get("quote")
            else None
        )
    return row["_cite"]  # type: ignore[no-any-return]


def _verified(rows: list[Row]) -> list[CitationRef]:
    """Citations of rows that pass verification, each exact span once (two events may cite one sentence)."""
    seen: set[tuple[str, int, int]] = set()
    out: list[CitationRef] = []
    for cite in (_citation(r) for r in rows):
        if cite and (cite.document_id, cite.start, cite.end) not in seen:
            seen.add((cite.document_id, cite.start, cite.end))
            out.append(cite)
    return out


def _outlets(cites: list[CitationRef], copies: dict[str, list[str]]) -> tuple[list[str], int]:
    independent = list(dict.fromkeys(c.source_id or c.document_id for c in cites))
    names = list(dict.fromkeys(c.outlet or "unknown outlet" for c in cites))
    for c in cites:
        names += [o for o in copies.get(c.document_id, []) if o not in names]
    return names, len(independent)


def _event_date_label(row: Row, start: date | None) -> str:
    """The event's own date when the text gives one, else when it was reported."""
    if start is None and not row["date_unresolved"] and row.get("published_at"):
        return "reported " + date_label(date.fromisoformat(row["published_at"][:10]), None, "day", False, None)
    return date_label(
        start, gather.date_of(row["date_end"]), row["date_precision"], bool(row["date_unresolved"]), row["date_text"]
    )


def _recency_key(d: date | None) -> tuple[Any, ...]:
    return (d is not None, d or date.min)


def _developments(
    rows: list[Row], entity_id: str | None, copies: Copies, limit: int | None, dropped: list[int]
) -> list[Development]:
    lines = []
    for members in event_groups(rows):  # reports of one event (brief/event_groups)
        head = dating_row(members)  # the report whose words date the event (brief/event_dates), cited first
        cites = _verified(cited_first(members))
        dropped.append(sum(1 for m in members if _citation(m) is None))
        if not cites:
            continue
        outlets, independent = _outlets(cites, copies)
        start = gather.date_of(head["date_start"])
        central = centrality(bool(entity_id and entity_id in (head["actor_ids"] or "")))
        lines.append(
            (
                Development(
                    text=cites[0].quote,
                    trigger=head["trigger"],
                    date_start=start,
                    date_end=gather.date_of(head["date_end"]),
                    date_precision=head["date_precision"] or "unknown",
                    date_label=_event_date_label(head, start),
                    place=head["place_text"],
                    outlets=outlets,
                    independent_outlets=independent,
                    citations=cites,
                ),
                central,
                gather.date_of(head["sort_date"]),
            )
        )
    # Keep the best lines by recency, corroboration and relevance, then show them newest first.
    newest = max((t[2] for t in lines if t[2]), default=None)
    kept = sorted(lines, key=lambda t: -rank(t[2], newest, t[0].independent_outlets, t[1]))[:limit]
    kept.sort(key=lambda t: _recency_key(t[2]), reverse=True)
    return [t[0] for t in kept]


def _claim_line(members: list[Row], copies: Copies) -> ClaimLine | None:
    cites = _verified(members)
    if not cites:
        return None
    head = next(m for m in members if _citation(m))
    outlets, independent = _outlets(cites, copies)
    when = gather.date_of(head["sort_date"])
    spoken = _spoken(head, cites[0].quote)
    return ClaimLine(
        claim_ids=[m["id"] for m in members],
        speaker=head["speaker_name"] or "unnamed source",
        speaker_entity_id=head["speaker_entity_id"],
        stance=head["stance"],
        stance_label=stance_label(head["stance"], bool(head["negated"])),
        negated=bool(head["negated"]),
        cue=head["cue"],
        via=head["via"],
        quote=spoken,
        lead=claim_lead(head, spoken),
        date=when,
        date_label=date_label(when, when, "day" if when else "unknown", False, None),
        outlets=outlets,
        independent_outlets=independent,
        citations=cites,
    )


def _spoken(row: Row, quote: str) -> str:
    """The speaker's words: the pieces of a split quote joined by an ellipsis, without the "X said" between them;
    the pieces are sliced from the verified citation, so they are exact words too."""
    pieces = json.loads(row["fragments"]) if row.get("fragments") else None
    if not pieces:
        return quote
    base = row["start"]
    return " … ".join(quote[s - base : e - base] for s, e in pieces)


def compose(
    store: Store, query: Query, entity_id: str | None = None, now: datetime | None = None, team_id: str | None = None
) -> BriefResult:
    """`team_id` lets a workspace's own aliases steer topic resolution."""
    resolution = resolve_topic(store, query.topic, entity_id, team_id)
    if resolution.kind == "ambiguous":
        return Ambiguous(
            query=query.raw or query.topic,
            choices=[_choice(c) for c in resolution.choices],
        )
    if resolution.kind == "unknown":
        # how to add sources differs by channel (a slash command, a CLI command): each renderer says it
        return Unknown(
            query=query.topic,
            suggestions=resolution.suggestions,
            documents_in_store=store.document_count(),
            hint=resolution.hint,
        )
    limit = query.limit  # None: every item, ranked (JSON and --full hold everything; views page or cut)
    ent = resolution.entity
    eid = ent.entity_id if ent else None
    scope = gather.scope_for(query)
    dropped: list[int] = []
    event_rows = gather.event_rows(store, eid, query.topic, scope)
    claim_rows = gather.claim_rows(store, eid, query.topic, scope)
    disputes = gather.dispute_rows(store, [r["id"] for r in claim_rows])
    missing = {d[k] for d in disputes for k in ("claim_id", "other_claim_id")} - {r["id"] for r in claim_rows}
    claim_rows += gather.claims_by_id(store, sorted(missing))
    doc_ids = list({r["document_id"] for r in event_rows + claim_rows})
    copies = gather.copies_of(store, doc_ids)
    developments = _developments(event_rows, eid, copies, limit, dropped)

    by_id = {r["id"]: r for r in claim_rows}
    pairs: list[DisputeLine] = []
    in_dispute: set[str] = set()
    answering: set[str] = set()  # denials already shown: each answers one claim, while a claim may draw several
    for d in sorted(disputes, key=lambda d: -d["score"]):
        claim, denial = by_id.get(d["claim_id"]), by_id.get(d["other_claim_id"])
        if not claim or not denial or denial["id"] in in_dispute or claim["id"] in answering:
            continue
        left, right = _claim_line([claim], copies), _claim_line([denial], copies)
        dropped.append(int(left is None) + int(right is None))
        if left and right:
            pairs.append(DisputeLine(claim=left, denial=right))
            in_dispute |= {claim["id"], denial["id"]}
            answering.add(denial["id"])
    shown = [(by_id[i]["document_id"], by_id[i]["start"], by_id[i]["end"]) for i in in_dispute]
    rest = [
        r
        for r in claim_rows
        if r["id"] not in in_dispute
        and r["quote"]
        and len(r["quote"]) > 12
        and shown_as_claim(r)  # a named speaker and words that are a statement (brief/statements)
        and not any(r["document_id"] == d and r["start"] < e and s < r["end"] for d, s, e in shown)
    ]
    lines = []
    groups = merge_claims(rest)
    newest = max(filter(None, (gather.date_of(r["sort_date"]) for r in rest if r["sort_date"])), default=None)

    def group_rank(members: list[Row]) -> float:
        head = members[0]
        outlets = len({m["source_id"] or m["document_id"] for m in members})
        return rank(
            gather.date_of(head["sort_date"]),
            newest,
            outlets,
            tuning().speaker_relevance if head["speaker_entity_id"] == eid else tuning().about_relevance,
        )

    # Only the best groups become lines (with citations verified and models built): a screen, not the store.
    for members in sorted(groups, key=group_rank, reverse=True)[: limit * 2 if limit else None]:
        line = _claim_line(members, copies)
        dropped.append(sum(1 for m in members if _citation(m) is None))
        if line:
            lines.append(line)
    about = {r["id"]: set((r["about_ids"] or "").split("|")) - {""} for r in claim_rows}
    names = entity_names(store, {e for s in about.values() for e in s}, skip_type="NORP")  # "Russian" names no matter
    matters = matters_of(lines[:limit], names, about, eid)

    disputed = {d[k] for d in disputes for k in ("claim_id", "other_claim_id")}
    story = members_of(event_rows, claim_rows, eid, copies, _citation, _spoken, disputed)
    story += lede_members(store, event_rows + claim_rows, ent.name if ent else query.topic, eid, copies)
    people = people_names(store, {e for m in story for e in m.entities})
    topic = ent.name if ent else query.topic
    summary, _ = outline(story, disputes, people, topic, model_prose(people), lambda ms: attach_sentences(store, ms))

    identity = _identity(store, ent) if ent else None
    cites = [c for line in summary for c in line.citations]
    cites += [c for d in developments for c in d.citations] + [
        c for m in matters for line in m.claims for c in line.citations
    ]
    cites += [c for p in pairs for c in p.claim.citations + p.denial.citations]
    dated = [c.published_at.date() for c in cites if c.published_at]
    return Briefing(
        empty_reason=why_empty(store, query, eid, ent.name if ent else query.topic, shown=len(cites)),
        topic=ent.name if ent else query.topic,
        query=query.raw or query.topic,
        identity=identity,
        summary=summary,
        developments=developments,
        matters=matters,
        disputes=pairs[:limit],
        sources=_sources(cites, copies),
        date_from=min(dated) if dated else None,
        date_to=max(dated) if dated else None,
        undated_documents=len({c.document_id for c in cites if not c.published_at}),
        filters=query.filters(),
        dropped_unverified=sum(dropped),
        generated_at=now or datetime.now(UTC),
        note=outlet_note(store, query.outlet),
        alternatives=[_choice(c) for c in resolution.others],
    )


def _choice(c: Candidate) -> Choice:
    role = c.descriptions[0] if c.descriptions else None
    return Choice(entity_id=c.entity_id, name=c.name, type=c.type, role=role, mentions=c.mentions)


def _identity(store: Store, ent: Candidate) -> Identity:
    row, role = gather.identity_citation(store, ent.entity_id, ent.descriptions)
    cite = _citation(row) if row else None
    aliases = aliases_of(store, ent.entity_id, ordered=True)
    return Identity(
        entity_id=ent.entity_id,
        name=ent.name,
        type=ent.type,
        role=role if cite else None,
        aliases=[a for a in aliases if a != ent.name][:6],
        citations=[cite] if cite else [],
    )


def _sources(cites: list[CitationRef], copies: dict[str, list[str]]) -> list[SourceSummary]:
    docs: dict[str, set[str]] = {}
    for c in cites:
        docs.setdefault(c.outlet or "unknown outlet", set()).add(c.document_id)
    out = [SourceSummary(outlet=o, documents=len(ids)) for o, ids in docs.items()]
    for doc_id, outlets in copies.items():
        if any(c.document_id == doc_id for c in cites):
            for outlet in outlets:
                existing = next((s for s in out if s.outlet == outlet), None)
                if existing:
                    existing.copies += 1
                else:
                    out.append(SourceSummary(outlet=outlet, documents=0, copies=1))
    return sorted(out, key=lambda s: (-s.documents, s.outlet))
