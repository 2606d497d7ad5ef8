"""Daily digest messages: a short top-level post (headlines, counts, disputes) and the details for its thread."""

from __future__ import annotations

from typing import Optional

from knowledge.brief.model import Briefing
from knowledge.render.blocks import _context, _section, briefing_messages
from knowledge.render.mrkdwn import escape, truncate_words


def digest_messages(b: Optional[Briefing], topic: str, late: bool, local_date: str) -> tuple[dict, list[dict]]:
    late_note = " _(late: sent after downtime)_" if late else ""
    title = f"*Daily digest: {escape(topic)}* — {local_date}{late_note}"
    if b is None:
        text = f"Nothing new on {escape(topic)} since the last digest."
        return {"text": text + (" (late)" if late else ""), "blocks": [_section(f"{title}\n{text}")]}, []
    claims = sum(len(m.claims) for m in b.matters)
    counts = (f"{len(b.developments)} new developments, {claims} claims, {len(b.disputes)} disputes "
              f"from {len(b.sources)} outlets")
    heads = [f"• {escape(truncate_words(d.text, 160))}" for d in b.developments[:2]]
    heads += [f"• Disputed: *{escape(p.claim.speaker)}* ↔ *{escape(p.denial.speaker)}*" for p in b.disputes[:1]]
    if len(heads) < 3:
        heads += [f"• *{escape(line.speaker)}* ({escape(line.stance_label)}): “{escape(truncate_words(line.quote, 120))}”"
                  for m in b.matters for line in m.claims][: 3 - len(heads)]
    top = {"text": f"Daily digest: {escape(topic)} — {counts}" + (" (late)" if late else ""),
           "blocks": [_section(title + "\n" + "\n".join(heads)), _context([counts + " · details and sources in the thread"])]}
    return top, briefing_messages(b, actions=False)


REASONS = {
    "channel_not_found": "the channel no longer exists",
    "not_in_channel": "briefbot is not a member of the channel",
    "is_archived": "the channel was archived",
    "channel_is_archived": "the channel was archived",
}


def paused_notice(topic: str, channel_id: str, error: str) -> dict:
    why = REASONS.get(error, escape(error))
    channel = f"<#{channel_id}>" if channel_id[:1] in "CGD" and channel_id.isalnum() else escape(channel_id)
    text = (f"The daily digest on *{escape(topic)}* for {channel} is paused: {why}. To resume, invite briefbot to "
            f"the channel and run `/brief subscribe {escape(topic)}` there again.")
    return {"text": f"Digest on {escape(topic)} paused", "blocks": [_section(text)]}
