"""Global middleware: hand listeners their dependencies, and answer Slack's retries of handled events once.

Both are `Middleware` subclasses, not functions: Bolt builds a function middleware's arguments anew on every
request (it inspects the function and assembles a dict of everything it might ask for): for our two, about 8 % of
an acknowledgement's time in the serving process (cProfile of the ack path, benchmarks/README.md). A subclass is
handed the request as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.deps import Deps


class InjectDeps(Middleware):
    """`context["deps"]` for every listener."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def process(
        self,
        *,
        req: BoltRequest,
        resp: BoltResponse,
        next: Callable[[], BoltResponse],  # noqa: A002  (Bolt's keyword)
    ) -> BoltResponse | None:
        req.context["deps"] = self.deps
        return next()


class DropRetries(Middleware):
    """An event already claimed (a retry, or a duplicate delivery) is acknowledged and not handled again."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def process(
        self,
        *,
        req: BoltRequest,
        resp: BoltResponse,
        next: Callable[[], BoltResponse],  # noqa: A002  (Bolt's keyword)
    ) -> BoltResponse | None:
        body = req.body
        event_id = body.get("event_id") if isinstance(body, dict) and body.get("type") == "event_callback" else None
        if event_id:
            from knowledge.workspace.activity import claim_event

            deps = self.deps
            try:
                first = claim_event(deps.stores.get(), event_id, body.get("team_id"))
            except Exception as exc:
                if not deps.stores.report(exc):
                    raise
                # The store is unreachable: answer anyway (the answer will say so) rather than leave Slack
                # without an ack; Slack retries only what was not acknowledged, so no duplicate comes of it.
                first = True
            if not first:
                # Already answered (a retry, or a duplicate delivery): acknowledge, do nothing.
                return BoltResponse(status=200, body="")
        return next()


def register(app: App, deps: Deps) -> None:
    app.use(InjectDeps(deps))
    app.use(DropRetries(deps))
