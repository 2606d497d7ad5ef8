"""Subcommand handlers the router dispatches to; they import from `bot.slack`, never from `bot.router`."""
