"""Operator logs: one structured line per request, command, button, digest run and feed poll.

A line is a short message plus named fields (kind, team, channel, topic, latency, outcome). As text it reads
`2026-01-01T08:00:00Z INFO briefbot.http request path=/slack/events status=200 ms=4.1`; with
`BRIEFBOT_LOG_FORMAT=json` each line is one JSON object, for log collectors. Tokens and secrets are never passed as
fields, and anything shaped like a Slack token is masked in every line anyway, whoever logged it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable
from typing import Any

_TOKEN = re.compile(r"\bx(?:ox[abpre]|app)-[A-Za-z0-9-]+")
# Libraries that report routine work at INFO (the scheduler every minute, HTTP clients every call): an operator
# wants their warnings, not their chatter.
QUIET = ("apscheduler", "slack_bolt", "slack_sdk", "httpx", "httpcore", "urllib3", "waitress", "psycopg", "trafilatura")


def mask(text: str) -> str:
    return _TOKEN.sub(lambda m: m.group(0)[:5] + "***", text)


class _Formatter(logging.Formatter):
    def __init__(self, as_json: bool):
        super().__init__()
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = getattr(record, "fields", None) or {}
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created))
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + self.formatException(record.exc_info)
        elif record.exc_text:  # a line from a compose process, its traceback already text (`bot.composer`)
            message += "\n" + record.exc_text
        if self.as_json:
            line = {"ts": stamp, "level": record.levelname, "logger": record.name, "msg": message, **fields}
            return mask(json.dumps(line, ensure_ascii=False, default=str))
        rest = " ".join(f"{k}={_text_value(v)}" for k, v in fields.items() if v is not None)
        return mask(f"{stamp} {record.levelname} {record.name} {message}" + (f" {rest}" if rest else ""))


def _text_value(value: Any) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (not text or re.search(r"[\s\"=]", text)) else text


def configure(verbose: bool = False, fmt: str | None = None) -> None:
    """Our loggers at INFO with `-v` (WARNING otherwise), third-party loggers at WARNING either way.
    `fmt`: "json" or "text"; default `BRIEFBOT_LOG_FORMAT` (environment, then .env), else text."""
    if fmt is None:
        from dotenv import dotenv_values

        fmt = os.environ.get("BRIEFBOT_LOG_FORMAT") or dotenv_values(".env").get("BRIEFBOT_LOG_FORMAT") or "text"
    fmt = fmt.strip().lower()
    if fmt not in ("text", "json"):
        raise ValueError(f"BRIEFBOT_LOG_FORMAT must be 'text' or 'json', not {fmt!r}")
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter(as_json=fmt == "json"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("briefbot").setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("bot").setLevel(logging.INFO if verbose else logging.WARNING)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    # waitress warns "Task queue depth is N" for every request that finds its threads busy: under a burst that is
    # one line per request (and 5 % of the serving process's time, benchmarks/serve.py under py-spy), saying only
    # that requests queue, which the per-request latency in our own request lines already shows
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)


def configured_format() -> str | None:
    """ "json" or "text" when `configure` set up this process's logging, else None (a library caller's own
    setup): what a compose process (`bot.composer`) repeats, so its lines read like the serving process's."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler.formatter, _Formatter):
            return "json" if handler.formatter.as_json else "text"
    return None


def record(logger: logging.Logger, message: str, level: int = logging.INFO, **fields: Any) -> None:
    """One structured line: `message` names what happened, `fields` say about what (None fields are left out)."""
    if logger.isEnabledFor(level):
        logger.log(level, message, extra={"fields": {k: v for k, v in fields.items() if v is not None}})


class Timer:
    """Milliseconds since it was made, rounded for a log line."""

    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def ms(self) -> float:
        return round((time.perf_counter() - self.start) * 1000, 1)


def logged(work: Callable[[], None], kind: str, **fields: Any) -> Callable[[], None]:
    """`work` that leaves one line when it ends: kind, the given fields, latency and outcome (ok / error). Both
    are INFO: an error is re-raised for the caller's handling (`bot.replies.safe_work`), which tells the user and
    logs the error once at WARNING or above (a bug's traceback, a Slack call that failed for good, the start of a
    store outage), so a failure never costs two warnings and an outage not one per request."""
    activity = logging.getLogger("briefbot.activity")

    def run() -> None:
        timer = Timer()
        try:
            work()
        except Exception:
            record(activity, "done", kind=kind, **fields, ms=timer.ms, outcome="error")
            raise
        record(activity, "done", kind=kind, **fields, ms=timer.ms, outcome="ok")

    return run
