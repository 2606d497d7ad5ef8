"""JSON view: the briefing model itself, plus each claim in a schema.org Claim/ClaimReview-like shape.

`claim_reviews` lets fact-checking tools consume who-said-what without knowing our model: one entry per claim
line, both sides of every dispute included, each with the exact spans (appearances) it was built from.
"""

from __future__ import annotations

import json

from knowledge.brief.model import Briefing, ClaimLine


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


def render_json(result) -> str:
    data = result.model_dump(mode="json")
    if isinstance(result, Briefing):
        data["claim_reviews"] = [claim_review(line) for line in claim_lines(result)]
        # every item of each section is here, in ranked order; the totals say so without counting
        data["totals"] = {
            "developments": len(result.developments),
            "claims": sum(len(m.claims) for m in result.matters),
            "disputes": len(result.disputes),
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
