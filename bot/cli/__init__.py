"""The `briefbot` command line: a thin layer over `knowledge` (and `bot` for serving Slack).

User errors (bad input, unknown topic, unreadable database) print one red line and exit non-zero, without a
traceback; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, help="briefbot: news briefings from a knowledge store.")
console = Console()
err = Console(stderr=True)


class State:
    db_path: str | None = None  # a SQLite path or a postgresql:// URL


state = State()


class UserError(Exception):
    """An error the user can fix; shown as one line."""


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, markup=True)
    return typer.Exit(code)


EXTRACTOR_HELP = "Who decides what is a cue: 'learned' (the PolNeAR-trained model; default) or 'rules'."


def prepare_extractor(name: str | None) -> None:
    """Switch to the extractor asked for, and load its model now, so a missing model file fails before any work."""
    from knowledge.extract.model.learned import ModelFileError, prepare

    try:
        prepare(name)
    except (ValueError, ModelFileError) as exc:
        raise fail(str(exc)) from None


def open_store():
    from knowledge.config import get_settings
    from knowledge.store import Store, StoreError

    path = state.db_path or get_settings().briefbot_db
    try:
        return Store.open(path)
    except StoreError as exc:
        raise fail(str(exc)) from None


@app.callback()
def main_options(
    db: str | None = typer.Option(
        None, "--db", help="SQLite file or postgresql:// URL (default: $BRIEFBOT_DB or ./briefbot.db)."
    ),
) -> None:
    state.db_path = db


def main() -> None:
    from bot.cli import commands  # noqa: F401  (registers every command module)

    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
