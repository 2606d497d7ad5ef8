"""What a user typed (after `/brief`, after an @-mention, in a DM) → which operation → the messages to send.

One router for every entry point, so `/brief kellogg`, `@briefbot kellogg` and a DM saying `kellogg` answer the
same. It only parses and renders; every operation is a `knowledge` function.
"""

from __future__ import annotations

import re

from bot.briefings import AskedBy, BriefingJob, ResponseUrl
from bot.commands.feeds import feeds
from bot.composer import InProcess
from bot.slack import blocks as kit
from bot.slack.messages import Reply as Reply
from bot.slack.messages import note as note
from bot.slack.mrkdwn import escape
from knowledge.ingest import service
from knowledge.store import Store
from knowledge.text.characters import has_half_pair

_ALIAS = re.compile(r"^(?P<variant>.+?)\s*(?:=|->|→)\s*(?P<name>.+)$")
_SLACK_ENTITY = re.compile(r"&(amp|lt|gt);")
_TIME_LIKE = re.compile(r"^\d")  # "at 8:30", "at 7pm", and "at 8.30" too, so a bad time is an error, not a topic
_ALWAYS = {"--always", "-always", "--post-empty", "-post-empty"}
SUBSCRIBE_USAGE = "Usage: `/brief subscribe <topic> [at 08:30] [tz Europe/Berlin] [--always]`"


def slack_text(text: str) -> str:
    """Slack sends what users type with `&`, `<` and `>` as HTML entities; read it as typed (one pass, so a typed
    "&lt;" stays "&lt;")."""
    return _SLACK_ENTITY.sub(lambda m: {"amp": "&", "lt": "<", "gt": ">"}[m.group(1)], text)


def subscribe_args(rest: str) -> tuple[str, str | None, str | None, bool]:
    """(topic, at, tz, always) from "kellogg at 8:30 tz Europe/Berlin --always", options in any order; "at" and
    "tz" count as options only before a time or a zone name, so a topic may still contain the word "at"."""
    words, topic, at, tz, always = rest.split(), [], None, None, False
    i = 0
    while i < len(words):
        w, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if w.lower() == "at" and _TIME_LIKE.match(nxt):
            at, i = nxt, i + 2
        elif w.lower() == "tz" and nxt:
            tz, i = nxt, i + 2
        elif w.lower() in _ALWAYS:
            always, i = True, i + 1
        else:
            topic.append(w)
            i += 1
    return " ".join(topic), at, tz, always


def route(
    store: Store,
    text: str,
    team_id: str,
    user_id: str,
    channel_id: str,
    deps=None,
    user_tz: str | None = None,
    respond_to: ResponseUrl | None = None,
) -> Reply:
    """The reply to `text`. `respond_to`: a briefing is posted there by whoever composes it (`Reply.delivered`)
    and recorded among the recent briefings (`Reply.recorded`, with `text` as typed); the other answers are
    returned for the caller to post."""
    asked = AskedBy(team_id, user_id, channel_id, text) if respond_to is not None else None
    text = " ".join(slack_text(text or "").split())
    if has_half_pair(text):
        return note("Could not read that: the text has a broken character in it (half of a Unicode pair).")
    word, _, rest = text.partition(" ")
    verb = word.lower()
    if verb in ("", "help", "?", "-h", "--help"):
        return Reply([kit.help_message()])
    if verb == "add":
        return add_url(store, rest.strip().strip("<>").split("|")[0], deps)
    if verb == "sources" and not rest:
        return sources(store)
    if verb == "alias":
        return alias(store, rest, team_id, user_id)
    if verb in ("subscribe", "follow"):
        return subscribe(store, rest, team_id, user_id, channel_id, user_tz)
    if verb in ("unsubscribe", "unfollow"):
        return unsubscribe(store, rest, team_id, channel_id)
    if verb == "subscriptions" and not rest:
        return subscriptions(store, team_id, channel_id)
    if verb == "feeds":
        return feeds(store, rest, team_id, user_id, deps)
    return brief(store, text, deps, team_id=team_id, respond_to=respond_to, asked_by=asked)


def _compose(store: Store, job: BriefingJob, deps) -> Reply:
    """The app's composer (`Deps.composer`: worker processes under `briefbot serve`); in this thread without the
    app's dependencies (a test calling the router directly)."""
    composer = deps.composer if deps is not None else InProcess()
    return composer.reply(job, store)


def brief(
    store: Store,
    text: str,
    deps=None,
    entity_id: str | None = None,
    ephemeral: bool = True,
    team_id: str | None = None,
    respond_to: ResponseUrl | None = None,
    asked_by: AskedBy | None = None,
) -> Reply:
    return _compose(store, BriefingJob("summary", text, entity_id, ephemeral, team_id, respond_to, asked_by), deps)


def sources_reply(store: Store, text: str, entity_id: str | None = None, deps=None) -> Reply:
    return _compose(store, BriefingJob("sources", text, entity_id), deps)


def details_reply(store: Store, text: str, entity_id: str | None = None, deps=None) -> Reply:
    """Everything behind a summary: developments, disputes, claims with their quotes."""
    return _compose(store, BriefingJob("details", text, entity_id), deps)


def add_url(store: Store, url: str, deps) -> Reply:
    from knowledge.ingest.errors import IngestError

    if not url:
        return note("Usage: `/brief add <url>` — an http(s) link to a news article.")
    fetcher = deps.fetcher_factory() if deps else None
    try:
        report = service.ingest_urls(store, [url], fetcher=fetcher)
    except IngestError as exc:
        return note(f"Could not add that link: {escape(str(exc))}")
    if report.skipped:
        return note(f"Could not add that link: {escape(report.skipped[0].reason)}")
    result = report.results[0]
    summary = service.document_summary(store, result.document_id)
    title = escape(summary["title"] or url)
    if result.status == "exists":
        return note(f"Already in the store: *{title}* — nothing changed.")
    if result.status == "duplicate":
        return note(f"Stored *{title}* as a copy of an article already in the store (counted once).")
    people = ", ".join(escape(n) for n in summary["entities"][:6]) or "no named entities"
    return note(
        f"Added *{title}* ({escape(summary['outlet'] or 'unknown outlet')}, {summary['date'] or 'date unknown'}): "
        f"{summary['claims']} claims, {summary['events']} events, {summary['disputes']} disputes. Mentions: {people}."
    )


def sources(store: Store) -> Reply:
    rows = store.sources()
    if not rows:
        return note("No sources yet. Add one with `/brief add <url>` or follow a feed with `/brief feeds add <url>`.")
    lines = [
        f"• *{escape(r['name'])}* — {r['documents']} articles"
        + (f" ({r['duplicates']} copies)" if r["duplicates"] else "")
        + f", {(r['first'] or 'date unknown')[:10]} → {(r['last'] or 'date unknown')[:10]}"
        for r in rows[:40]
    ]
    return note("*Sources in the store*\n" + "\n".join(lines))


def alias(store: Store, rest: str, team_id: str, user_id: str) -> Reply:
    """Aliases typed in Slack belong to the workspace; `briefbot alias add` sets global ones."""
    from knowledge.workspace.aliases import AliasError, add_team_alias

    m = _ALIAS.match(rest.strip())
    if not m:
        return note("Usage: `/brief alias <variant> = <name>`, e.g. `/brief alias Tikhanovsky = Siarhei Tsikhanouski`")
    try:
        added = add_team_alias(store, team_id, m["variant"].strip(), m["name"].strip(), user_id)
        return note("Alias added: " + escape(added))
    except AliasError as exc:
        return note(f"Could not add that alias: {escape(str(exc))}")


def subscribe(
    store: Store,
    rest: str,
    team_id: str,
    user_id: str,
    channel_id: str,
    user_tz: str | None,
    entity_id: str | None = None,
) -> Reply:
    """`entity_id` comes from a Follow button on a briefing the user already disambiguated."""
    from knowledge.brief.topic import resolve_topic
    from knowledge.workspace.subscriptions import SubscriptionError
    from knowledge.workspace.subscriptions import subscribe as do_subscribe

    topic, at, tz, always = subscribe_args(rest)
    if not topic:
        return note(SUBSCRIBE_USAGE)
    try:
        sub, created = do_subscribe(
            store,
            team_id,
            channel_id,
            topic,
            at=at,
            tz=tz,
            default_tz=user_tz,
            created_by=user_id,
            post_empty=True if always else None,
            entity_id=entity_id,
        )
    except SubscriptionError as exc:
        return note(f"Could not subscribe: {escape(str(exc))}")
    when = f"at {sub.at_time} ({escape(sub.tz)})"
    if created:
        text = f"Subscribed this channel to a daily digest on *{escape(sub.topic)}* {when}."
        if resolve_topic(store, sub.topic, sub.entity_id, team_id).kind == "unknown":
            text += " No article mentions it yet; digests start once one does."
    elif at or tz or always:
        text = f"Updated this channel's daily digest on *{escape(sub.topic)}*: {when}."
    else:
        text = f"This channel already follows *{escape(sub.topic)}*; its daily digest is {when}."
    return Reply(note(text).messages, ephemeral=not (created or at or tz or always))


def unsubscribe(store: Store, rest: str, team_id: str, channel_id: str) -> Reply:
    from knowledge.workspace.subscriptions import unsubscribe as do_unsubscribe

    if not rest.strip():
        return note("Usage: `/brief unsubscribe <topic>`")
    gone = do_unsubscribe(store, team_id, channel_id, rest.strip())  # workspace aliases resolve too
    if gone is None:
        return note(f"This channel does not follow *{escape(rest.strip())}*. See `/brief subscriptions`.")
    return note(f"Unsubscribed this channel from *{escape(gone.topic)}*.")


def subscriptions(store: Store, team_id: str, channel_id: str) -> Reply:
    from knowledge.workspace.subscriptions import list_subscriptions

    subs = list_subscriptions(store, team_id)
    if not subs:
        return note("No channel follows a topic yet. Try `/brief subscribe kellogg at 08:30`.")
    lines = []
    for s in subs:
        if s.channel_id == channel_id:
            where = "this channel"
        else:
            where = f"<#{s.channel_id}>" if re.fullmatch(r"[CGD][A-Z0-9]{2,}", s.channel_id) else escape(s.channel_id)
        state = "" if s.status == "active" else f" — _paused: {escape(s.paused_reason or 'paused')}_"
        lines.append(f"• *{escape(s.topic)}* in {where} at {s.at_time} ({escape(s.tz)}){state}")
    return note("*Subscriptions in this workspace*\n" + "\n".join(lines))
