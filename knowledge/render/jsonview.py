"""JSON view: the briefing model itself, plus each claim in a schema.org ClaimReview-like shape."""

from __future__ import annotations

import json

from knowledge.brief.model import Briefing, ClaimLine


def claim_review(line: ClaimLine) -> dict:
    return {
        "@type": "Claim",
        "claimText": line.quote,
        "author": {"name": line.speaker, "entityId": line.speaker_entity_id},
        "stance": line.stance,
        "stanceLabel": line.stance_label,
        "via": line.via,
        "datePublished": line.date.isoformat() if line.date else None,
        "appearance": [
            {"url": c.url, "publisher": c.outlet, "document_id": c.document_id, "start": c.start, "end": c.end,
             "quote": c.quote}
            for c in line.citations
        ],
    }


def render_json(result) -> str:
    data = result.model_dump(mode="json")
    if isinstance(result, Briefing):
        lines = [l for m in result.matters for l in m.claims]
        lines += [side for p in result.disputes for side in (p.claim, p.denial)]
        data["claim_reviews"] = [claim_review(l) for l in lines]
    return json.dumps(data, ensure_ascii=False, indent=2)
