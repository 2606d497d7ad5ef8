"""Every Bolt listener, registered by kind; `app.py` only calls `register(app)`."""

from slack_bolt import App

from bot.listeners import actions, commands, events


def register(app: App) -> None:
    commands.register(app)
    events.register(app)
    actions.register(app)
