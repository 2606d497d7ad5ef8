"""Operator commands for scheduled work: subscriptions, `digest` (run once, for cron), and feeds."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import typer
from rich.table import Table

from bot.cli import app, console, fail, open_store, state

feeds_app = typer.Typer(help="RSS/Atom feeds polled for new articles.", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")
CHANNEL = re.compile(r"^[CGD][A-Z0-9]{2,}$")
TEAM = re.compile(r"^[TE][A-Z0-9]{2,}$")  # a workspace (T…) or an Enterprise Grid organisation (E…)


def _slack_client():
    from bot.app import make_client
    from bot.settings import SettingsError, load_settings
    from knowledge.render.links import LinkError, linker_from_settings

    try:
        settings = load_settings(post_only=True)
        linker_from_settings()  # digests link to the viewer: a public URL without a usable key is an error here
    except (SettingsError, LinkError) as exc:
        raise fail(str(exc)) from None
    return make_client(settings)


def _team(team: str | None) -> str:
    """The workspace id given, checked; else asked from Slack, which needs the bot token, so every other argument
    is checked before this is called."""
    if team:
        if not TEAM.match(team):
            raise fail(f"--team {team!r} is not a Slack workspace id (like T0123ABCD)") from None
        return team
    from slack_sdk.errors import SlackApiError

    try:
        return _slack_client().auth_test()["team_id"]
    except (SlackApiError, OSError) as exc:
        raise fail(f"could not ask Slack which workspace this is ({exc}); pass --team T…") from None


LOCAL_TEAM = "local"  # feeds added from the CLI with no Slack app configured belong to no workspace


def _feed_team(team: str | None) -> str:
    """For feeds, which work without Slack: the workspace given, else Slack's answer when a bot token is set, else
    the local one (its feeds are polled into the store like any other; Slack's `/brief feeds` lists only its own)."""
    if team:
        return _team(team)
    from bot.settings import SlackSettings

    return _team(None) if SlackSettings().slack_bot_token else LOCAL_TEAM


def print_json(rows: object) -> None:
    """`--json` output of the list commands: one JSON document on stdout, for scripts."""
    import json
    import sys

    sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False, indent=2) + "\n")


def _now(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise fail(f"--now {value!r} is not an ISO time such as 2025-06-24T07:00:00+00:00") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@app.command()
def subscribe(
    topic: str,
    channel: str = typer.Option(..., "--channel", help="Slack channel id, e.g. C0123ABCD."),
    at: str | None = typer.Option(None, "--at", help="Local time HH:MM (default 08:00)."),
    tz: str | None = typer.Option(None, "--tz", help="IANA time zone (default UTC)."),
    team: str | None = typer.Option(None, "--team", help="Workspace id (default: asked from Slack)."),
    post_empty: bool = typer.Option(False, "--post-empty", help="Post a one-line note when nothing is new."),
) -> None:
    """Subscribe a channel to a daily digest on TOPIC."""
    from knowledge.workspace.subscriptions import SubscriptionError, check_request
    from knowledge.workspace.subscriptions import subscribe as do_subscribe

    if not CHANNEL.match(channel):
        raise fail(f"--channel {channel!r} is not a Slack channel id (like C0123ABCD)") from None
    try:
        check_request(topic, at, tz)
    except SubscriptionError as exc:
        raise fail(str(exc)) from None
    team_id = _team(team)
    with open_store() as store:
        try:
            sub, created = do_subscribe(
                store, team_id, channel, topic, at=at, tz=tz, post_empty=True if post_empty else None
            )
        except SubscriptionError as exc:
            raise fail(str(exc)) from None
    verb = "subscribed" if created else "updated"
    console.print(f"{verb}: {sub.topic} → {sub.channel_id} daily at {sub.at_time} {sub.tz}", highlight=False)


@app.command()
def unsubscribe(
    topic: str, channel: str = typer.Option(..., "--channel"), team: str | None = typer.Option(None, "--team")
) -> None:
    """Stop a channel's digest on TOPIC."""
    from knowledge.workspace.subscriptions import unsubscribe as do_unsubscribe

    if not CHANNEL.match(channel):
        raise fail(f"--channel {channel!r} is not a Slack channel id (like C0123ABCD)") from None
    team_id = _team(team)
    with open_store() as store:
        gone = do_unsubscribe(store, team_id, channel, topic)
    if gone is None:
        raise fail(f"{channel} does not follow {topic!r}") from None
    console.print(f"unsubscribed {channel} from {gone.topic}", highlight=False)


@app.command()
def subscriptions(
    team: str | None = typer.Option(None, "--team", help="Only this workspace."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List subscriptions."""
    from knowledge.workspace.subscriptions import list_subscriptions

    with open_store() as store:
        subs = list_subscriptions(store, team)
    if as_json:
        from dataclasses import asdict, is_dataclass

        print_json([asdict(s) if is_dataclass(s) else dict(s) for s in subs])
        return
    table = Table("team", "channel", "topic", "at", "zone", "status", "last sent")
    for s in subs:
        table.add_row(
            s.team_id,
            s.channel_id,
            s.topic,
            s.at_time,
            s.tz,
            s.status + (f" ({s.paused_reason})" if s.paused_reason else ""),
            (s.last_sent_at or "never")[:16],
        )
    console.print(table)


@app.command()
def digest(
    now: str | None = typer.Option(None, "--now", help="Pretend it is this ISO time (default: now)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only list what is due."),
) -> None:
    """Send every digest that is due, once, and exit (for cron / Kubernetes CronJobs)."""
    from bot.digests import run_digests
    from bot.scheduling import digest_client
    from knowledge.config import get_settings
    from knowledge.store.threads import ThreadStores

    when = _now(now)
    stores = ThreadStores(state.db_path or get_settings().briefbot_db)
    try:
        client = None if dry_run else digest_client(_slack_client())
        run = run_digests(stores, client, when, dry_run=dry_run)
    finally:
        stores.close_all()
    if dry_run:
        for line in run.planned or [_nothing_due()]:
            console.print(line, highlight=False, soft_wrap=True)
        return
    console.print(
        f"{run.sent} sent, {run.recovered} recovered, {run.empty} with nothing new, "
        f"{run.deferred} deferred, {run.paused} paused, {run.failed} failed",
        highlight=False,
    )
    if run.leased:
        until = max(str(r["next_attempt_at"]) for r in run.leased)
        console.print(
            f"{len(run.leased)} digests are held by another digest run (or one that crashed) until {until}; "
            "this run left them alone: run again after that",
            highlight=False,
        )
    if run.failed or run.leased:
        raise typer.Exit(1)


def _nothing_due() -> str:
    """Why a dry run lists nothing, so an empty answer is never a puzzle."""
    from knowledge.workspace.subscriptions import list_subscriptions

    with open_store() as store:
        subs = list_subscriptions(store, None)
    active = [s for s in subs if s.status == "active"]
    if not subs:
        return "nothing due: no subscriptions yet (briefbot subscribe TOPIC --channel C0123ABCD, or /brief subscribe)"
    times = ", ".join(sorted({f"{s.at_time} {s.tz}" for s in active})[:5]) or "none active"
    return f"nothing due now: {len(active)} active subscription(s) of {len(subs)}, each once a day at {times}"


@feeds_app.command("add")
def feeds_add(url: str, team: str | None = typer.Option(None, "--team")) -> None:
    """Follow a feed; it is polled every 15 minutes by `serve` (or `feeds poll`)."""
    from knowledge.workspace.feedwatch import FeedError, add_checked_feed, check_feed_url

    try:
        url = check_feed_url(url)
    except FeedError as exc:
        raise fail(str(exc)) from None
    team_id = _feed_team(team)
    with open_store() as store:
        feed, created = add_checked_feed(store, team_id, url)
    console.print(("added " if created else "already followed: ") + feed["url"], highlight=False)


@feeds_app.command("list")
def feeds_list(
    team: str | None = typer.Option(None, "--team"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List followed feeds and their polling state."""
    from knowledge.workspace.feedwatch import list_feeds

    with open_store() as store:
        rows = list_feeds(store, team)
    if as_json:
        print_json([dict(r) for r in rows])
        return
    table = Table("id", "team", "url", "next poll", "failures", "last error")
    for f in rows:
        table.add_row(
            str(f["id"]),
            f["team_id"],
            f["url"],
            (f["next_poll_at"] or "")[:16],
            str(f["failures"] or 0),
            f["last_error"] or "",
        )
    console.print(table)


@feeds_app.command("remove")
def feeds_remove(url: str, team: str | None = typer.Option(None, "--team")) -> None:
    """Stop following a feed (by URL or id); without --team, whichever workspace follows it (no Slack needed)."""
    from knowledge.workspace.feedwatch import list_feeds, remove_feed

    with open_store() as store:
        if team:
            gone = remove_feed(store, _team(team), url)
        else:
            teams = sorted({f["team_id"] for f in list_feeds(store, None) if url in (f["url"], str(f["id"]))})
            if len(teams) > 1:
                raise fail(f"{url!r} is followed by several workspaces ({', '.join(teams)}); pass --team") from None
            gone = remove_feed(store, teams[0], url) if teams else None
    if gone is None:
        raise fail(f"no followed feed {url!r}") from None
    console.print(f"removed {gone['url']}", highlight=False)


@feeds_app.command("poll")
def feeds_poll(now: str | None = typer.Option(None, "--now")) -> None:
    """Poll every feed that is due, once, and exit."""
    from knowledge.ingest.fetch import Fetcher
    from knowledge.workspace.feedwatch import poll_due

    with open_store() as store:
        results = poll_due(store, Fetcher(), _now(now))
    for r in results:
        detail = r.error or f"{r.stored} new articles" + (f", {len(r.skipped)} problems" if r.skipped else "")
        console.print(f"{r.status:13} {r.url}  {detail}", highlight=False)
        for reason in r.skipped:
            console.print(f"              {reason}", highlight=False, soft_wrap=True)
    if any(r.status == "error" for r in results):
        raise typer.Exit(1)  # like `digest --now`: a cron job or a script must see that a feed failed
