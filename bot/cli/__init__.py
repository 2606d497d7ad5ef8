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
# Errors are one line each: never hard-wrapped at 80 columns when piped (cron mail, Docker logs, grep).
err = Console(stderr=True, soft_wrap=True)


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
    from knowledge.store import Store, StoreError

    try:
        return Store.open(store_target_or_default())
    except StoreError as exc:
        raise fail(str(exc)) from None


def store_target_or_default() -> str:
    """--db, else BRIEFBOT_DB (environment or .env), else ./briefbot.db."""
    from knowledge.config import get_settings

    return str(state.db_path or get_settings().briefbot_db)


def store_configured() -> bool:
    """Whether the user chose a store (--db, or BRIEFBOT_DB in the environment or .env) rather than the default."""
    from knowledge.config import get_settings

    return state.db_path is not None or "briefbot_db" in get_settings().model_fields_set


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        console.print(f"briefbot {version('briefbot')}", highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    db: str | None = typer.Option(
        None, "--db", help="SQLite file or postgresql:// URL (default: $BRIEFBOT_DB or ./briefbot.db)."
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    state.db_path = db


def global_options_first(argv: list[str]) -> list[str]:
    """`--db X` may be given anywhere (`briefbot stats --db X` as well as `briefbot --db X stats`): it is moved in
    front of the subcommand, where Typer reads it. Everything after a bare `--` is left alone."""
    args, moved, i = [], [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            args += argv[i:]
            break
        if arg == "--db" and i + 1 < len(argv):
            moved += argv[i : i + 2]
            i += 2
            continue
        if arg.startswith("--db="):
            moved.append(arg)
        else:
            args.append(arg)
        i += 1
    return moved + args


def main() -> None:
    from bot.cli import commands  # noqa: F401  (registers every command module)

    try:
        app(args=global_options_first(sys.argv[1:]), prog_name="briefbot")
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
