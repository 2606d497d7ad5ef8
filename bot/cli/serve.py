"""`briefbot serve`: run the Slack app over HTTP (default) or Socket Mode."""

from __future__ import annotations

import logging
import signal
import threading

import typer

from bot.cli import app, console, err, fail, store_target_or_default


@app.command()
def serve(
    socket: bool = typer.Option(False, "--socket", help="Socket Mode (needs SLACK_APP_TOKEN); no public URL needed."),
    http: bool = typer.Option(False, "--http", help="HTTP mode (the default): POST /slack/events, GET /healthz."),
    host: str = typer.Option("0.0.0.0", "--host", help="HTTP bind address."),
    port: int = typer.Option(3000, "--port", min=1, max=65535, help="HTTP port."),
    threads: int = typer.Option(16, "--threads", min=1, max=256, help="HTTP requests handled at once."),
    connections: int = typer.Option(1000, "--max-connections", min=1, help="Open HTTP connections at most."),
    no_scheduler: bool = typer.Option(False, "--no-scheduler", help="Do not run digests and feed polling here."),
    demo: bool = typer.Option(False, "--demo", help="Load the bundled demo corpus (fictional) into an empty store."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request, command and digest (INFO)."),
) -> None:
    """Serve the Slack app (and, unless --no-scheduler, the digest and feed scheduler). SIGTERM stops it
    gracefully: no new requests, and requests and briefings already under way are finished."""
    from bot.app import create_app
    from bot.settings import SettingsError, load_settings
    from knowledge.heap import settle
    from knowledge.ingest.service import ensure_demo
    from knowledge.store import Store, StoreError

    if socket and http:
        raise fail("choose one of --socket and --http") from None
    setup_logging(verbose)
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
    db_path = store_target()
    try:
        with Store.open(db_path) as store:
            store.check_writable()  # a read-only or full store stops here, not at the first user's request
            if demo and ensure_demo(store):
                console.print("Loaded the bundled demo corpus (fictional outlets) into the empty store (--demo).")
            elif not store.document_count():
                err.print(EMPTY_STORE_HINT)
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

            if settings.briefbot_serve_processes > 1:
                err.print("BRIEFBOT_SERVE_PROCESSES applies to HTTP mode; Socket Mode runs one connection here.")

            handler = SocketModeHandler(bolt_app, settings.slack_app_token)
            handler.connect()
            console.print("briefbot is connected in Socket Mode")
            stop.wait()
            handler.close()
        else:
            from bot.server import ServerLimits, make_server
            from bot.siblings import Siblings, is_sibling, sibling_argv, watch_first_process

            processes = settings.briefbot_serve_processes
            limits = ServerLimits(threads=threads, connections=connections)
            server = make_server(
                bolt_app,
                host,
                port,
                db=str(db_path),
                routes=page_routes(deps, signer),
                limits=limits,
                shared_port=processes > 1,
            )
            bound = server.server_address[1]
            siblings = None
            if is_sibling():
                watch_first_process(stop)
            elif processes > 1:
                argv = sibling_argv(host=host, port=bound, threads=threads, connections=connections, verbose=verbose)
                siblings = Siblings(argv, processes - 1, env={"BRIEFBOT_DB": str(db_path)})
                siblings.start()
            also = f" ({processes} serving processes on this port)" if siblings else ""
            console.print(f"briefbot listening on http://{host}:{bound}/slack/events{also}")
            settle()  # started: what start-up made is frozen, young collections are rarer (knowledge.heap)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            stop.wait()
            console.print("briefbot: stopping (finishing requests already received)")
            stopping = None
            if siblings is not None:  # they drain while this one does
                stopping = threading.Thread(target=siblings.stop, args=(limits.drain_seconds + 10,), daemon=True)
                stopping.start()
            server.shutdown()
            server.server_close()
            if stopping is not None:
                stopping.join()
    except KeyboardInterrupt:
        pass
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=True)
        finish_work(bolt_app, deps)


EMPTY_STORE_HINT = (
    "The store holds no documents yet: briefings will say so until you ingest articles "
    "(briefbot ingest FILES | --url URL | --feed URL, or add feeds); --demo loads the fictional demo corpus."
)


def page_routes(deps, signer) -> dict:
    """GET pages served beside Slack's endpoint: path (or prefix ending in "/") → handler (see `bot.wsgi`).
    Add a page with one entry here. The source viewer (`bot.web.viewer`) answers every signed link under its
    prefix; with no link key it answers 403 to all of them."""
    from bot.web.viewer import ViewerPages
    from bot.wsgi import HttpRequest, HttpResponse

    pages = ViewerPages(deps.stores.get, signer)

    def view(req: HttpRequest) -> HttpResponse:
        page = pages.handle(req.method, req.path, req.query, req.headers)
        headers = {k: v for k, v in page.headers.items() if k.lower() != "content-type"}
        return HttpResponse(page.status, page.body, page.headers.get("Content-Type", "text/plain"), headers)

    return {pages.prefix: view}


def finish_work(bolt_app, deps, seconds: float = 25.0) -> None:
    """Let listeners and briefings already under way finish (their answers go out), within `seconds`."""
    import time

    deadline = time.monotonic() + seconds

    def drain() -> None:
        bolt_app.listener_runner.listener_executor.shutdown(wait=True)
        deps.shutdown()

    done = threading.Thread(target=drain, daemon=True)
    done.start()
    done.join(max(0.0, deadline - time.monotonic()))
    if done.is_alive():
        logging.getLogger("briefbot").warning("stopped with work still running after %.0f s", seconds)


def setup_logging(verbose: bool) -> None:
    from bot.logs import configure

    try:
        configure(verbose)
    except ValueError as exc:
        raise fail(str(exc)) from None


def store_target() -> str:
    return store_target_or_default()


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
    from knowledge.render.links import LinkError, linker_from_settings
    from knowledge.store import Store, StoreError
    from knowledge.store.threads import ThreadStores

    setup_logging(verbose)
    try:
        settings = load_settings(post_only=True)
        linker_from_settings()  # digests link to the viewer: a public URL without a usable key stops start-up
    except (SettingsError, LinkError) as exc:
        raise fail(str(exc)) from None
    target = store_target()
    try:
        with Store.open(target) as store:  # the schema is there (or made now) before the first run
            store.check_writable()
            if not store.document_count():
                err.print(
                    "The store holds no documents yet: digests will have nothing to send until articles are ingested."
                )
    except StoreError as exc:
        raise fail(str(exc)) from None
    deps = Deps(
        stores=ThreadStores(target), fetcher_factory=default_fetcher_factory, slack_retries=settings.slack_retries
    )
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
