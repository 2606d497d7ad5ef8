"""A fake OpenAI-compatible chat-completions server on 127.0.0.1, for the optional LLM summary path.

`answer` decides the reply from the request: by default it rewrites the first storyline's draft in a grounded way
(the same words, "says" in the past tense) and the second one with a place no passage names, so one test sees one
accepted and one rejected rewrite. Other modes: "malformed" (content that is not JSON), "error" (HTTP 500) and
"slow" (answers after the client's timeout).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.httpsite import SiteHandler, serve


def grounded_and_ungrounded(request: dict) -> dict:
    items = json.loads(request["messages"][-1]["content"])["storylines"]
    lines = []
    for n, item in enumerate(items[:2]):
        draft = item["draft"]
        text = draft.replace(" says ", " said ", 1) if n == 0 else draft + " in Reykjavik"
        lines.append({"id": item["id"], "text": text})
    return {"lines": lines}


@contextmanager
def fake_llm(mode: str = "rewrite", answer=grounded_and_ungrounded) -> Iterator[tuple[str, list[dict]]]:
    """(base URL, list of the JSON requests received)."""
    received: list[dict] = []

    class Handler(SiteHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            received.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            if mode == "error":
                return self.send(500, b'{"error": "overloaded"}', "application/json")
            if mode == "slow":
                time.sleep(1.5)
            content = "I cannot help with that." if mode == "malformed" else json.dumps(answer(body))
            reply = {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                ],
            }
            self.send(200, json.dumps(reply).encode(), "application/json")

    site = serve(Handler)
    url = next(site)
    try:
        yield url, received
    finally:
        site.close()
