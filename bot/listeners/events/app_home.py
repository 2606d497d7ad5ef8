"""The App Home tab: what this workspace follows, recent briefings, and how to use the bot."""

from __future__ import annotations

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.replies import safe_work
from bot.slack.views import home_view


def register(app: App) -> None:
    app.event("app_home_opened")(handle_home_opened)


def handle_home_opened(event: dict, context: BoltContext, client: WebClient) -> None:
    if event.get("tab") not in (None, "home"):
        return
    deps = context["deps"]
    team, user = context.team_id or "", event.get("user")
    if not user:
        return  # no one to publish the tab for

    def work() -> None:
        from knowledge.workspace.activity import recent_briefings
        from knowledge.workspace.subscriptions import list_subscriptions

        store = deps.stores.get()
        view = home_view(list_subscriptions(store, team), recent_briefings(store, team), store.document_count())
        client.views_publish(user_id=user, view=view)

    deps.work.submit(safe_work, work, stores=deps.stores)
