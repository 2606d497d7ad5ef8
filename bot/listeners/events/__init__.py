"""Slack events: @-mentions and DMs (answered like /brief) and the App Home tab."""

from slack_bolt import App

from bot.listeners.events import app_home, mentions


def register(app: App) -> None:
    mentions.register(app)
    app_home.register(app)
