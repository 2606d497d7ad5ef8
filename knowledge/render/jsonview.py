"""JSON view: the briefing model itself, plus each claim in a schema.org Claim/ClaimReview-like shape.

`claim_reviews` lets fact-checking tools consume who-said-what without knowing our model: one entry per claim
line, both sides of every dispute included, each with the exact spans (appearances) it was built from.
"""

from __future__ import annotations

import json
from typing import Any

from knowledge.brief.model import Briefing, CitationRef, ClaimLine
from knowledge.render.links import Linker, current


def claim_review(line: ClaimLine) -> dict:
    published = line.date.isoformat() if line.date else None
    if published is None:
        dated = sorted(c.published_at for c in line.citations if c.published_at)
        published = dated[0].date().isoformat() if dated else None
    return {
        "@type": "Claim",
        "claimText": line.quote,
        "author": {"name": line.speaker, "entityId": line.speaker_entity_id},
        "stance": line.stance,
        "stanceLabel": line.stance_label,
        "negated": line.negated,
        "via": line.via,
        "datePublished": published,
        "appearance": [
            {
                "url": c.url,
                "publisher": c.outlet,
                "document_id": c.document_id,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
            }
            for c in line.citations
        ],
    }


def claim_lines(b: Briefing) -> list[ClaimLine]:
    """Every claim line: grouped claims first, then claim and denial of each dispute."""
    lines = [line for m in b.matters for line in m.claims]
    return lines + [side for p in b.disputes for side in (p.claim, p.denial)]


def _link_all(linker: Linker, cites: list[CitationRef], out: list[dict[str, Any]]) -> None:
    """`view_url` on each citation's JSON, the line's other citations named as its other reports."""
    for c, d in zip(cites, out):
        d["view_url"] = linker.view_url(c, cites)


def add_view_urls(b: Briefing, data: dict[str, Any], linker: Linker) -> None:
    """Every citation of the dumped briefing `data` (and every claim review's appearance) gets its viewer link."""
    if b.identity:
        _link_all(linker, b.identity.citations, data["identity"]["citations"])
    for line, d in zip(b.summary, data["summary"]):
        _link_all(linker, line.citations, d["citations"])
    for dev, d in zip(b.developments, data["developments"]):
        _link_all(linker, dev.citations, d["citations"])
    for matter, dm in zip(b.matters, data["matters"]):
        for claim, d in zip(matter.claims, dm["claims"]):
            _link_all(linker, claim.citations, d["citations"])
    for pair, d in zip(b.disputes, data["disputes"]):
        _link_all(linker, pair.claim.citations, d["claim"]["citations"])
        _link_all(linker, pair.denial.citations, d["denial"]["citations"])
    for claim_line, review in zip(claim_lines(b), data.get("claim_reviews", [])):
        _link_all(linker, claim_line.citations, review["appearance"])


def render_json(result) -> str:
    data = result.model_dump(mode="json")
    if isinstance(result, Briefing):
        data["claim_reviews"] = [claim_review(line) for line in claim_lines(result)]
        linker = current()
        if linker is not None:
            add_view_urls(result, data, linker)
            data["topic_url"] = linker.topic_url(result.query, result.identity.entity_id if result.identity else None)
            data["chart_url"] = linker.topic_url(
                result.query, result.identity.entity_id if result.identity else None, "png"
            )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
