"""Every Bolt listener, registered by kind; `app.py` only calls `register(app)`.

`ANSWERS`: what answers each kind of durable work (`bot.durable`), here after the ack or in the process that
takes the work over from one that died."""

from slack_bolt import App

from bot.listeners import actions, commands, events
from bot.listeners.commands import brief
from bot.listeners.events import mentions

ANSWERS = {brief.KIND: brief.answer, mentions.KIND: mentions.answer}


def register(app: App) -> None:
    commands.register(app)
    events.register(app)
    actions.register(app)
