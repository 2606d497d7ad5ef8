"""`/brief feeds add|list|remove <url>`: the workspace's followed feeds."""

from __future__ import annotations

from bot.slack.messages import Reply, note
from bot.slack.mrkdwn import escape

USAGE = "Usage: `/brief feeds add <rss-url>`, `/brief feeds list`, `/brief feeds remove <rss-url>`"


def feeds(store, rest: str, team_id: str, user_id: str, deps=None) -> Reply:
    from knowledge.workspace.feedwatch import FeedError, add_feed, list_feeds, remove_feed

    verb, _, arg = rest.strip().partition(" ")
    verb, arg = verb.lower(), arg.strip().strip("<>").split("|")[0]
    if verb == "add" and arg:
        try:
            feed, created = add_feed(store, team_id, arg, user_id, fetcher=deps.fetcher_factory() if deps else None)
        except FeedError as exc:
            return note(f"Could not follow that feed: {escape(str(exc))}")
        if not created:
            return note(f"Already following {escape(feed['url'])}.")
        return note(f"Following {escape(feed['url'])}: new articles will be added every 15 minutes.")
    if verb == "list" and not arg:
        rows = list_feeds(store, team_id)
        if not rows:
            return note("No feeds followed yet. " + USAGE)
        lines = [
            f"• {escape(f['url'])}" + (f" — _failing: {escape(f['last_error'] or '')}_" if f["failures"] else "")
            for f in rows[:40]
        ]
        return note("*Followed feeds*\n" + "\n".join(lines))
    if verb == "remove" and arg:
        gone = remove_feed(store, team_id, arg)
        return note(f"Stopped following {escape(gone['url'])}." if gone else f"Not following {escape(arg)}.")
    return note(USAGE)
