"""Commands that inspect and curate the store: stats, sources, doc, alias, attribute."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from bot.cli import EXTRACTOR_HELP, app, console, fail, open_store, prepare_extractor

alias_app = typer.Typer(help="Name variants that mean the same entity.", no_args_is_help=True)
app.add_typer(alias_app, name="alias")


@app.command()
def stats(as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table.")) -> None:
    """Counts of everything in the store."""
    with open_store() as store:
        counts = store.stats()
    if as_json:
        from bot.cli.schedule import print_json

        print_json(counts)
        return
    table = Table("table", "rows")
    for name, value in counts.items():
        table.add_row(name, str(value))
    console.print(table)


@app.command()
def sources(as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table.")) -> None:
    """Outlets in the store, with document counts and date ranges."""
    with open_store() as store:
        rows = store.sources()
    if as_json:
        from bot.cli.schedule import print_json

        print_json([dict(r) for r in rows])
        return
    if not rows:
        console.print("no sources yet: run `briefbot ingest --demo` or ingest some articles")
        return
    table = Table("outlet", "domain", "documents", "copies", "first", "last")
    for r in rows:
        table.add_row(
            r["name"],
            r["domain"] or "",
            str(r["documents"]),
            str(r["duplicates"] or 0),
            (r["first"] or "unknown")[:10],
            (r["last"] or "unknown")[:10],
        )
    console.print(table)


@app.command()
def doc(document_id: str = typer.Argument(..., help="Document id (or a unique prefix of it).")) -> None:
    """Print a stored document's clean text exactly as stored, to re-verify citations."""
    with open_store() as store:
        found = store.documents_matching(document_id) if document_id.strip() else []
    if not found:
        raise fail(
            f"no document with id {document_id!r} (citations in `briefbot brief TOPIC --format json` "
            "carry document ids)"
        )
    if len(found) > 1:
        ids = ", ".join(d.id[:12] for d in found[:4])
        raise fail(
            f"{document_id!r} starts several document ids ({ids}{' …' if len(found) > 4 else ''}); type more of it"
        )
    document = found[0]
    sys.stdout.write(document.text)
    sys.stdout.flush()


@alias_app.command("add")
def alias_add(variant: str, name: str) -> None:
    """Make VARIANT another name of NAME (merges entities if both exist)."""
    from knowledge.workspace.aliases import AliasError, add_alias

    with open_store() as store:
        try:
            console.print(add_alias(store, variant, name), highlight=False)
        except AliasError as exc:
            raise fail(str(exc)) from None


@alias_app.command("list")
def alias_list(
    user_only: bool = typer.Option(False, "--user", help="Only aliases added by users."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List aliases."""
    from knowledge.workspace.aliases import list_aliases

    with open_store() as store:
        rows = list_aliases(store, "user" if user_only else None)
    if as_json:
        from bot.cli.schedule import print_json

        print_json([dict(r) for r in rows])
        return
    table = Table("alias", "means", "origin")
    for r in rows:
        table.add_row(r["alias"], r["target"], r["origin"])
    console.print(table)


@app.command()
def attribute(
    in_dir: Path, out_dir: Path, extractor: str = typer.Option(None, "--extractor", help=EXTRACTOR_HELP)
) -> None:
    """Write brat standoff attributions (Source/Cue/Content) for every IN_DIR/*.txt into OUT_DIR."""
    from knowledge.extract.brat import attribute_dir

    if not in_dir.is_dir():
        raise fail(f"{in_dir}: not a directory") from None
    prepare_extractor(extractor)
    out_dir.mkdir(parents=True, exist_ok=True)
    n, skipped = attribute_dir(in_dir, out_dir)
    console.print(f"wrote {n} .ann files to {out_dir}", highlight=False)
    for reason in skipped:
        console.print(f"skipped {reason}", highlight=False)
    if skipped:
        raise typer.Exit(2)


@app.command("migrate-store")
def migrate_store(
    source: str = typer.Argument(..., help="The store to copy from: a SQLite file (or a postgresql:// URL)."),
    target: str = typer.Argument(..., help="An empty store to fill: a postgresql:// URL (or a SQLite file)."),
) -> None:
    """Copy a whole store to another database (SQLite to PostgreSQL when scaling out), ids and offsets intact."""
    from knowledge.store import Store, StoreError
    from knowledge.store.copy import CopyError, copy_store

    if source == target:
        raise fail("source and target are the same store")
    if "://" not in source and not Path(source).is_file():
        raise fail(f"{source}: no such SQLite file")
    try:
        with Store.open(source) as src, Store.open(target) as dst:
            copied = copy_store(src, dst, progress=lambda table, n: console.print(f"  {table}: {n:,} rows"))
            where = dst.target
    except (StoreError, CopyError) as exc:
        raise fail(str(exc)) from None
    console.print(f"copied {sum(copied.values()):,} rows in {len(copied)} tables to {where}")
