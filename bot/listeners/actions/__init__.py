"""Block Kit actions: the buttons under a briefing (sources, follow, share, choose between namesakes)."""

from slack_bolt import App

from bot.listeners.actions import briefing_buttons


def register(app: App) -> None:
    briefing_buttons.register(app)
