"""Global middleware: hand listeners their dependencies, and answer Slack's retries of handled events once."""

from __future__ import annotations

from slack_bolt import App, BoltResponse

from bot.deps import Deps


def register(app: App, deps: Deps) -> None:
    def inject(context, next):
        context["deps"] = deps
        next()

    def drop_retries(body: dict, context, next):
        event_id = body.get("event_id") if isinstance(body, dict) and body.get("type") == "event_callback" else None
        if event_id:
            from knowledge.workspace.activity import claim_event

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
        next()

    app.use(inject)
    app.use(drop_retries)
