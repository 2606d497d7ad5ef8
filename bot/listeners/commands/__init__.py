"""Slash commands: /brief (every subcommand goes through `bot.router`)."""

from slack_bolt import App

from bot.listeners.commands import brief


def register(app: App) -> None:
    brief.register(app)
