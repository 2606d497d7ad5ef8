"""`briefbot serve`: run the Slack app over HTTP (default) or Socket Mode."""

from __future__ import annotations

import logging
import signal
import threading

import typer

from bot.cli import app, console, fail, state


@app.command()
def serve(
    socket: bool = typer.Option(False, "--socket", help="Socket Mode (needs SLACK_APP_TOKEN); no public URL needed."),
    http: bool = typer.Option(False, "--http", help="HTTP mode (the default): POST /slack/events, GET /healthz."),
    host: str = typer.Option("0.0.0.0", "--host", help="HTTP bind address."),
    port: int = typer.Option(3000, "--port", min=1, max=65535, help="HTTP port."),
    no_scheduler: bool = typer.Option(False, "--no-scheduler", help="Do not run digests and feed polling here."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log at INFO level."),
) -> None:
    """Serve the Slack app (and, unless --no-scheduler, the digest and feed scheduler)."""
    from bot.app import create_app
    from bot.settings import SettingsError, load_settings
    from knowledge.config import get_settings
    from knowledge.ingest.service import ensure_demo
    from knowledge.store import Store, StoreError

    if socket and http:
        raise fail("choose one of --socket and --http") from None
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    try:
        settings = load_settings(socket_mode=socket)
    except SettingsError as exc:
        raise fail(str(exc)) from None
    from knowledge.render.links import LinkError, linker_from_settings, signer_from_settings

    try:  # a public URL without a usable key, or a short key, stops start-up here rather than at the first link
        linker_from_settings()
        signer = signer_from_settings()
    except LinkError as exc:
        raise fail(str(exc)) from None
    db_path = state.db_path or get_settings().briefbot_db
    try:
        with Store.open(db_path) as store:
            if ensure_demo(store):
                console.print("The store was empty: loaded the bundled demo corpus.")
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        bolt_app, deps = create_app(settings, db_path, socket_mode=socket)
    except Exception as exc:  # Bolt checks the token with auth.test at start-up
        raise fail(f"could not start the Slack app: {exc}") from None
    scheduler = None
    if not no_scheduler:
        from bot.scheduling import start_scheduler

        scheduler = start_scheduler(deps, bolt_app.client)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        if socket:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            handler = SocketModeHandler(bolt_app, settings.slack_app_token)
            handler.connect()
            console.print("briefbot is connected in Socket Mode")
            stop.wait()
            handler.close()
        else:
            from bot.server import make_server
            from bot.web.viewer import ViewerPages

            pages = ViewerPages(deps.stores.get, signer)
            server = make_server(bolt_app, host, port, db=str(db_path), pages=pages)
            console.print(f"briefbot listening on http://{host}:{server.server_address[1]}/slack/events")
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
            thread.start()
            stop.wait()
            server.shutdown()
    except KeyboardInterrupt:
        pass
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        deps.shutdown()


@app.command()
def worker(
    every: int = typer.Option(60, "--every", min=1, help="Seconds between scheduler runs."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log at INFO level."),
) -> None:
    """Run only the scheduler (due digests, feed polling), with no Slack endpoint: the shared worker of a
    scaled-out install. Any number may run on one PostgreSQL store; each digest and feed is still handled once."""
    from bot.app import default_fetcher_factory, make_client
    from bot.deps import Deps
    from bot.scheduling import start_scheduler
    from bot.settings import SettingsError, load_settings
    from knowledge.config import get_settings
    from knowledge.render.links import LinkError, linker_from_settings
    from knowledge.store import Store, StoreError
    from knowledge.store.threads import ThreadStores

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    try:
        settings = load_settings(post_only=True)
        linker_from_settings()  # digests link to the viewer: a public URL without a usable key stops start-up
    except (SettingsError, LinkError) as exc:
        raise fail(str(exc)) from None
    target = state.db_path or get_settings().briefbot_db
    try:
        Store.open(target).close()  # the schema is there (or made now) before the first run
    except StoreError as exc:
        raise fail(str(exc)) from None
    deps = Deps(stores=ThreadStores(target), fetcher_factory=default_fetcher_factory)
    scheduler = start_scheduler(deps, make_client(settings), every_seconds=every)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    console.print(f"briefbot worker: digests and feeds every {every} s")
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        scheduler.shutdown(wait=False)
        deps.shutdown()
