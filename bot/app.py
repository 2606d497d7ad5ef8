"""Wiring only: settings → WebClient (with retry handlers) → Bolt App → middleware and listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from slack_bolt import App
from slack_sdk import WebClient

from bot import listeners, middleware
from bot.composer import WorkerProcesses
from bot.delivery import retry_handlers
from bot.deps import Deps
from bot.durable import Inflight
from bot.settings import SlackSettings
from bot.slack.payloads import CheckPayloads
from knowledge.store.threads import ThreadStores


def make_client(settings: SlackSettings, token: str | None = None) -> WebClient:
    return WebClient(
        token=token if token is not None else settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=settings.slack_timeout,
        retry_handlers=retry_handlers(settings.slack_retries),
    )


def default_fetcher_factory():
    from knowledge.ingest.fetch import Fetcher

    return Fetcher()


def create_app(
    settings: SlackSettings,
    db_path: str | Path,
    fetcher_factory: Callable[[], object] = default_fetcher_factory,
    socket_mode: bool = False,
) -> tuple[App, Deps]:
    logging.getLogger("slack_bolt").setLevel(logging.WARNING)
    deps = Deps(stores=ThreadStores(db_path), fetcher_factory=fetcher_factory, slack_retries=settings.slack_retries)
    # The payload check runs right after the signature check: before authorization, Bolt's matchers and ours.
    kwargs: dict = {
        # Every listener acks and hands its work to `deps.work` (our pool), so over HTTP the listener runs in the
        # request's own thread: the ack goes out as soon as it returns, with no hop to Bolt's 5-thread listener
        # pool and no 10 ms polling for the ack (p50 12 ms → see benchmarks/README.md).
        "process_before_response": not socket_mode,
        "client": make_client(settings),
        "before_authorize": CheckPayloads(),
    }
    if not socket_mode or settings.slack_signing_secret:
        kwargs["signing_secret"] = settings.slack_signing_secret
    if settings.oauth:
        from bot.oauth import oauth_settings

        kwargs["oauth_settings"] = oauth_settings(settings, db_path)
        kwargs["client"] = make_client(settings, token="")
    else:
        kwargs["token"] = settings.slack_bot_token
    if socket_mode and not settings.slack_signing_secret:
        kwargs["request_verification_enabled"] = False  # Socket Mode frames are authenticated by the app token
    app = App(**kwargs)  # checks the token with Slack: no compose process is started for an app that cannot run
    if settings.briefbot_compose_processes:
        deps.composer = WorkerProcesses(db_path, settings.briefbot_compose_processes)
    middleware.register(app, deps)
    listeners.register(app)
    deps.inflight = Inflight(deps, settings.briefbot_work_lease, app.client, listeners.ANSWERS)
    deps.inflight.start()
    return app, deps
