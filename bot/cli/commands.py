"""Importing this registers every command module with the Typer app."""

from bot.cli import ingest, knowledge_cmds  # noqa: F401
