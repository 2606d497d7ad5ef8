"""Daily digest messages: a short top-level post (headline, the summary of what is new, counts) and the details
for its thread.

The channel sees one compact post per topic per day; the full briefing goes into the thread under it, so a busy
topic never floods the channel. The details are `briefing_messages` without the actions block, because the
thread's messages are shared by everyone and Follow/Share buttons there would act for whoever clicks.
"""

from __future__ import annotations

import re

from bot.slack.blocks import _context, _section, briefing_messages
from bot.slack.mrkdwn import fit
from bot.slack.summary import fitting_bullets
from knowledge.brief.model import Briefing

LATE = "(late: sent after downtime)"
TOP_ROOM = 1300  # visible characters of summary in the channel post; headline and counts take the rest


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _headlines(b: Briefing) -> list[str]:
    """Without a summary: up to three items, the newest developments first, then a dispute, then claims."""
    heads = [f"• *{fit(d.date_label, 60)}* — {fit(d.text, 160)}" for d in b.developments[:2]]
    heads += [
        f"• Disputed: *{fit(p.claim.speaker, 80)}* ↔ *{fit(p.denial.speaker, 80)}* — “{fit(p.claim.quote, 120)}”"
        for p in b.disputes[:1]
    ]
    claims = [
        f"• *{fit(line.speaker, 80)}* ({fit(line.stance_label, 40)}): {line.said(fit(line.quote, 120), lambda lead: fit(lead, 40))}"
        for m in b.matters
        for line in m.claims
    ]
    return (heads + claims)[:3]


def digest_messages(b: Briefing | None, topic: str, late: bool, local_date: str) -> tuple[dict, list[dict]]:
    """(top-level post, thread messages); with nothing new, one line and no thread."""
    late_note = f" {LATE}" if late else ""
    if b is None:
        line = f"Nothing new on {fit(topic, 200)} since the last digest.{late_note}"
        return {"text": line, "blocks": [_section(line)]}, []
    headline = f"Daily digest: {fit(topic, 200)} — {fit(local_date, 40)}{late_note}"
    claims = sum(len(m.claims) for m in b.matters)
    counts = (
        f"{_plural(len(b.developments), 'new development')}, {_plural(claims, 'claim')}, "
        f"{_plural(len(b.disputes), 'dispute')} from {_plural(len(b.sources), 'outlet')}"
    )
    # What is new since the last digest, in the same summary form as a briefing's first message.
    heads = [fitting_bullets(b, TOP_ROOM)] if b.summary else _headlines(b)
    top = {
        "text": f"{headline}: {counts}",
        "blocks": [
            _section(f"*{headline}*" + ("\n" + "\n".join(heads) if heads else "")),
            _context([counts, "details and sources in the thread"]),
        ],
    }
    return top, briefing_messages(b, actions=False)


REASONS = {
    "channel_not_found": "the channel could not be found (it may have been deleted)",
    "not_in_channel": "briefbot is not a member of the channel",
    "is_archived": "the channel was archived",
    "channel_is_archived": "the channel was archived",
    "invalid_auth": "Slack no longer accepts briefbot's token (ask an admin to reinstall the app)",
    "token_revoked": "briefbot's token was revoked (ask an admin to reinstall the app)",
    "missing_scope": "briefbot lacks a permission it needs (ask an admin to reinstall the app)",
}


def paused_notice(topic: str, channel_id: str, error: str) -> dict:
    """A DM to the subscription's creator: which digest stopped, why, and the two steps to resume it."""
    why = REASONS.get(error, f"Slack refused the post ({fit(error, 100) or 'unknown error'})")
    channel = f"<#{channel_id}>" if re.fullmatch(r"[CGD][A-Z0-9]{2,}", channel_id or "") else fit(channel_id, 40)
    t = fit(topic, 200)
    text = (
        f"The daily digest on *{t}* for {channel} is paused: {why}.\n"
        f"To resume: invite briefbot to the channel (`/invite @briefbot`), then run `/brief subscribe {t}` "
        f"there again."
    )
    return {"text": f"Digest on {t} paused: {why}", "blocks": [_section(text)]}
