"""Commands for operators: `briefbot healthcheck` (the container's health check in every mode)."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli import app, console, err, fail, open_store, store_target_or_default


def main_command(cmdline: bytes) -> tuple[str, int | None]:
    """("http", port) when the container's main process serves HTTP, else ("store", None) (Socket Mode, worker)."""
    args = [a.decode(errors="replace") for a in cmdline.split(b"\0") if a]
    if "serve" not in args or "--socket" in args:
        return "store", None
    port = 3000
    for i, arg in enumerate(args):
        if arg == "--port" and i + 1 < len(args) and args[i + 1].isdigit():
            port = int(args[i + 1])
        elif arg.startswith("--port=") and arg[7:].isdigit():
            port = int(arg[7:])
    return "http", port


@app.command()
def healthcheck(
    url: str | None = typer.Option(
        None, "--url", help="Check this URL answers 200 (e.g. http://127.0.0.1:3000/readyz)."
    ),
    store: bool = typer.Option(False, "--store", help="Check that the store answers one query."),
) -> None:
    """Exit 0 when healthy, 1 (with the reason) when not. Without options it looks at the container's main process
    (PID 1): `serve --http` is checked through its /readyz, Socket Mode and the worker through the store."""
    if url is None and not store:
        try:
            mode, port = main_command(Path("/proc/1/cmdline").read_bytes())
        except OSError:
            mode, port = "store", None
        url = f"http://127.0.0.1:{port}/readyz" if mode == "http" else None
    if url:
        import httpx

        try:
            resp = httpx.get(url, timeout=5)
        except httpx.HTTPError as exc:
            raise fail(f"{url}: {exc}") from None
        if resp.status_code != 200:
            raise fail(f"{url}: {resp.status_code} {resp.text[:200]}")
        return
    from knowledge.store import Store, StoreError
    from knowledge.store.health import check_reachable

    try:
        with Store.open(store_target_or_default()) as opened:
            check_reachable(opened)
    except (StoreError, Exception) as exc:  # any driver error means "not healthy", said in one line
        raise fail(f"store not reachable: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    err.print("ok", highlight=False)


@app.command()
def forget(
    ids: list[str] = typer.Argument(None, help="Document ids (or unique prefixes, as `briefbot doc` shows them)."),
    outlet: str | None = typer.Option(None, "--outlet", help="Every document of this outlet (name or domain)."),
    since: str | None = typer.Option(None, "--since", help="Published on or after this date (2025-06-01)."),
    until: str | None = typer.Option(None, "--until", help="Published before this date (2025-07-01)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only say what would be removed."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Remove documents and everything derived from them (claims, events, mentions, entities no longer named,
    copy links, search rows), in one transaction. Conditions combine: --outlet X --since D is X's since D."""
    from datetime import date

    from knowledge.store.forget import forget_documents, select_documents

    for name, value in (("--since", since), ("--until", until)):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise fail(f"{name} takes a date like 2025-06-01, not {value!r}") from None
    with open_store() as store:
        try:
            chosen = select_documents(store, ids=ids or None, outlet=outlet, since=since, until=until)
        except ValueError as exc:
            raise fail(str(exc)) from None
        if not chosen:
            err.print("No stored document matches; nothing removed.", highlight=False)
            raise typer.Exit(1)
        console.print(
            f"{len(chosen)} document(s) match: {', '.join(c[:10] for c in chosen[:10])}"
            + (" …" if len(chosen) > 10 else ""),
            highlight=False,
        )
        if dry_run:
            return
        if not yes and not typer.confirm("Remove them and everything derived from them?", default=False):
            raise typer.Exit(1)
        report = forget_documents(store, chosen)
        console.print(
            f"Removed {len(report.documents)} document(s), {report.claims} claim(s), {report.events} event(s), "
            f"{report.mentions} mention(s), {report.entities} entity(ies) no longer named, "
            f"{report.outlets} outlet(s) left empty.",
            highlight=False,
        )
        if report.promoted:
            from knowledge.ingest.service import reextract

            done = reextract(store, only=set(report.promoted) | set(report.moved))
            console.print(
                f"{len(report.promoted)} copy(ies) of a removed original became originals and were extracted "
                f"({done.done} document(s) re-extracted).",
                highlight=False,
            )
            for f in done.failed:
                err.print(f"[red]unchanged[/red] {f.reason}", highlight=False, soft_wrap=True)
