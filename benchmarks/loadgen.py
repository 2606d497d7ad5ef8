"""A lean HTTP load generator for `serve.py`: asyncio keep-alive connections in a process of its own.

Why not a thread pool of httpx clients in the benchmark's own process (what `serve.py` used until 2026-12-07): on
this 2-core machine 100 client threads spend more time queueing for their own interpreter lock — shared with the
fake Slack Web API receiving every briefing — than the server spends answering, so the figure measured the
client (GET /healthz, which does nothing, had p99 360-400 ms at 100 concurrent). Slack's requests come from
other machines; the closest stand-in here is a client that costs little: one event loop, raw HTTP/1.1 over one
persistent connection per concurrent slot, requests signed before the clock starts, in a separate process.

A request is timed from its first byte written to the last byte of the response read.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context


@dataclass(frozen=True)
class Request:
    """One request to send to the server at `url`: a GET when there is no `body`, else a POST whose body is signed
    just before it goes out."""

    url: str
    path: str
    body: str = ""
    json_body: bool = False


def run(requests: list[Request], concurrency: int, secret: str) -> list[float | None]:
    """Send `requests` with `concurrency` in flight, from a fresh process; latency in ms per request, in order
    (None for a failed one: a status other than 200, or a connection the server dropped)."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_run_here, requests, concurrency, secret).result()


def _run_here(requests: list[Request], concurrency: int, secret: str) -> list[float | None]:
    return asyncio.run(_load(requests, concurrency, secret))


async def _load(requests: list[Request], concurrency: int, secret: str) -> list[float | None]:
    results: list[float | None] = [None] * len(requests)
    todo = iter(range(len(requests)))

    async def slot() -> None:
        conns: dict[str, tuple[asyncio.StreamReader, asyncio.StreamWriter]] = {}  # one per server, kept alive
        for i in todo:
            request = requests[i]
            host, port = request.url.removeprefix("http://").rstrip("/").split(":")
            raw = _encode(request, host, secret)
            try:
                if request.url not in conns:
                    conns[request.url] = await asyncio.open_connection(host, int(port))
                reader, writer = conns[request.url]
                start = time.perf_counter()
                writer.write(raw)
                status, keep = await _response(reader)
                results[i] = (time.perf_counter() - start) * 1000 if status == 200 else None
                if not keep:
                    writer.close()
                    del conns[request.url]
            except (OSError, asyncio.IncompleteReadError, ValueError):
                conns.pop(request.url, None)

    await asyncio.gather(*(slot() for _ in range(concurrency)))
    return results


def _encode(request: Request, host: str, secret: str) -> bytes:
    from tests.e2e.slackreq import signed_headers

    if not request.body:
        return f"GET {request.path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    body = request.body.encode()
    headers = {**signed_headers(request.body, secret, json_body=request.json_body), "Content-Length": str(len(body))}
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return f"POST {request.path} HTTP/1.1\r\nHost: {host}\r\n{head}\r\n".encode() + body


async def _response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one whole response; (status, whether the connection stays open)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    fields = {k.strip().lower(): v.strip().lower() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if fields.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(int(fields.get("content-length", "0")))
    return status, fields.get("connection") != "close"
