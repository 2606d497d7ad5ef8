"""Block Kit for the bot's own surfaces (App Home); briefings are rendered by `knowledge.render`."""

from __future__ import annotations

from bot.slack.mrkdwn import escape


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def home_view(subscriptions: list, recent: list[dict], documents: int) -> dict:
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": "briefbot"}},
        _section(
            "Type `/brief &lt;topic&gt;` anywhere, mention me (`@briefbot kellogg`) or DM me a topic to get a short, "
            "cited briefing: who, what happened, who claimed what and through whom.\n"
            "Filters: `since:7d`, `since:2025-06-01`, `from:&lt;outlet&gt;`, `limit:5`. More: `/brief help`."
        ),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"{documents} articles in the store"}]},
        {"type": "divider"},
        {"type": "header", "text": {"type": "plain_text", "text": "Followed topics"}},
    ]
    if subscriptions:
        for sub in subscriptions[:20]:
            state = "" if sub.status == "active" else f" — _paused: {escape(sub.paused_reason or 'paused')}_"
            where = (
                f"<#{sub.channel_id}>"
                if sub.channel_id[:1] in "CGD" and sub.channel_id.isalnum()
                else escape(sub.channel_id)
            )
            blocks.append(
                _section(f"*{escape(sub.topic)}* in {where}, daily at {sub.at_time} ({escape(sub.tz)}){state}")
            )
    else:
        blocks.append(_section("Nothing yet. In a channel: `/brief subscribe kellogg at 08:30 tz Europe/Berlin`."))
    blocks += [{"type": "divider"}, {"type": "header", "text": {"type": "plain_text", "text": "Recent briefings"}}]
    if recent:
        lines = [
            f"• `{escape(r['query'])}` → *{escape(r['topic'])}* ({r['at'][:16].replace('T', ' ')} UTC)" for r in recent
        ]
        blocks.append(_section("\n".join(lines)))
    else:
        blocks.append(_section("No briefings yet — try `/brief kellogg`."))
    return {"type": "home", "blocks": blocks[:100]}
