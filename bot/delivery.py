"""Slack calls that retry, idempotently, and fail in one log line.

What is retried, and by whom:
- HTTP 5xx, 429 (after Retry-After) and connections that fail before a request is sent: slack_sdk's retry
  handlers on every client (`retry_handlers`), with exponential backoff; each call is well inside Slack's limits
  (a response_url takes posts for 30 minutes; chat.postMessage has none).
- A chat.postMessage that times out may have reached Slack. Re-posting blindly would show the answer twice, so
  every message carries a marker in its metadata, and before posting again `post_message` asks Slack whether a
  message with that marker is already in the channel (conversations.history) or the thread (conversations.replies).
- A response_url offers nothing to ask, so a post to it that times out is sent again: a duplicate is possible
  there only when Slack took the post but never answered it, and a lost answer is worse.
A call that still fails raises `DeliveryFailed` after one log line naming the call and the reason.
"""

from __future__ import annotations

import logging
import time
import uuid
from http.client import RemoteDisconnected
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

log = logging.getLogger("briefbot.slack")
REPLY_EVENT = "briefbot_reply"


class DeliveryFailed(Exception):
    """A Slack call that failed for good (already logged): `call` is the API method or "response_url"."""

    def __init__(self, call: str, reason: str) -> None:
        super().__init__(f"{call}: {reason}")
        self.call, self.reason = call, reason

    def __reduce__(self) -> tuple[type[DeliveryFailed], tuple[str, str]]:
        """Picklable with both arguments: a compose process that posted an answer raises it in the serving one."""
        return (DeliveryFailed, (self.call, self.reason))


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """Every 5xx, not only 500 and 503: a 502 or 504 from Slack's edge is just as passing."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600


def retry_handlers(retries: int, rate_limits: bool = True, timeouts: bool = False) -> list[RetryHandler]:
    """`rate_limits=False` returns 429s to the caller (digests defer that channel instead of sleeping);
    `timeouts=True` also retries a request that timed out (only where nothing better is possible)."""
    errors: list[type[Exception]] = [URLError, ConnectionResetError, RemoteDisconnected]
    if timeouts:
        errors.append(TimeoutError)
    handlers: list[RetryHandler] = [
        ConnectionErrorRetryHandler(max_retry_count=retries, error_types=errors),
        AnyServerErrorRetryHandler(max_retry_count=retries),
    ]
    if rate_limits:
        handlers.append(RateLimitErrorRetryHandler(max_retry_count=retries))
    return handlers


def _reason(exc: BaseException) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")
    if isinstance(exc, TimeoutError):
        return "timed out"
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or (isinstance(exc, URLError) and isinstance(exc.reason, TimeoutError))


def new_marker() -> str:
    return f"briefbot-reply-{uuid.uuid4().hex[:16]}"


# messages per conversations.history / conversations.replies call Slack allows apps outside its Marketplace (2025;
# also 1 request a minute: a 429 defers a digest to the next run)
HISTORY_LIMIT = 15


def marked(client: WebClient, channel: str, thread_ts: str | None = None) -> dict[str, str]:
    """Markers of our messages Slack already has → their ts: in the thread, or among the channel's 15 newest.

    One call, within Slack's limits for apps outside its Marketplace (`HISTORY_LIMIT`), with no `oldest` bound (the
    ledger's clock may not be Slack's). A crashed sender's message is at most a lease old, so it is among them unless
    the channel had more than 15 messages since; then it is sent again (a digest marked late) rather than never."""
    if thread_ts:
        resp = client.conversations_replies(
            channel=channel, ts=thread_ts, limit=HISTORY_LIMIT, include_all_metadata=True
        )
    else:
        resp = client.conversations_history(channel=channel, limit=HISTORY_LIMIT, include_all_metadata=True)
    messages: list[dict[str, Any]] = resp.get("messages", [])
    found = {}
    for msg in messages:
        marker = ((msg.get("metadata") or {}).get("event_payload") or {}).get("marker")
        if marker and msg.get("ts"):
            found[str(marker)] = str(msg["ts"])
    return found


def find_marked(client: WebClient, channel: str, marker: str, thread_ts: str | None = None) -> str | None:
    """The ts of a message carrying `marker` in the thread (or among the channel's 15 newest), if Slack has it."""
    return marked(client, channel, thread_ts).get(marker)


def post_message(
    client: WebClient,
    channel: str,
    text: str,
    *,
    thread_ts: str | None = None,
    blocks: list | None = None,
    marker: str | None = None,
    event_type: str = REPLY_EVENT,
    retries: int = 3,
    log_errors: bool = True,
    check_first: bool = False,
    **options: Any,
) -> str:
    """chat.postMessage, once: the message's ts. A timeout is followed by a look for the marker before the next
    try, so a post Slack took is never repeated. 5xx/429 are retried by the client's handlers; what they give up
    on, and an error Slack answers (`channel_not_found`), raise `DeliveryFailed` — for the caller to decide
    (`SlackApiError` stays reachable as `__cause__`; `log_errors=False` leaves its log line to the caller).
    `check_first`: look for the marker before the first try too (work taken over from a process that died)."""
    marker = marker or new_marker()
    metadata = {"event_type": event_type, "event_payload": {"marker": marker}}
    last: BaseException | None = None
    for attempt in range(retries + 1):
        if attempt or check_first:
            try:
                found = find_marked(client, channel, marker, thread_ts)
            except (SlackApiError, OSError, URLError) as exc:
                found = None
                log.debug("could not check %s for %s: %s", channel, marker, _reason(exc))
            if found:
                return found
        if attempt:
            time.sleep(min(0.5 * 2**attempt, 4))
        try:
            resp = client.chat_postMessage(
                channel=channel, text=text, blocks=blocks, thread_ts=thread_ts, metadata=metadata, **options
            )
            return str(resp["ts"])
        except (TimeoutError, URLError) as exc:
            if not _timed_out(exc):
                last = exc
                break
            last = exc
        except SlackApiError as exc:
            if log_errors:
                log.warning("chat.postMessage to %s failed: %s", channel, _reason(exc))
            raise DeliveryFailed("chat.postMessage", _reason(exc)) from exc
    assert last is not None
    log.warning("chat.postMessage to %s failed after %d tries: %s", channel, retries + 1, _reason(last))
    raise DeliveryFailed("chat.postMessage", _reason(last)) from last


def webhook(url: str, timeout: float, retries: int) -> WebhookClient:
    return WebhookClient(url=url, timeout=int(max(1, timeout)), retry_handlers=retry_handlers(retries, timeouts=True))


def post_response(hook: WebhookClient, message: dict[str, Any]) -> None:
    """One post to a response_url (retried by the hook's handlers); `DeliveryFailed` after one log line."""
    try:
        resp = hook.send_dict(message)
    except Exception as exc:
        log.warning("response_url post failed: %s", _reason(exc))
        raise DeliveryFailed("response_url", _reason(exc)) from exc
    if resp.status_code != 200:
        reason = f"HTTP {resp.status_code} {str(resp.body or '')[:80]}".strip()
        log.warning("response_url post failed: %s", reason)
        raise DeliveryFailed("response_url", reason)
