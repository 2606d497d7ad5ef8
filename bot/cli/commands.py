"""Importing this registers every command module with the Typer app."""

from bot.cli import brief, ingest, knowledge_cmds, ops, schedule, serve  # noqa: F401
