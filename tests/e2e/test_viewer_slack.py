"""A chart Slack cannot download must not cost the reply: Slack refuses the whole message (`invalid_blocks`), and
briefbot sends it again without the image, by every path a briefing takes (thread, response_url, digest)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

from bot.digests import _post_detail
from bot.replies import deliver_in_thread, deliver_via_respond
from bot.slack.blocks import briefing_messages
from bot.slack.messages import Reply
from knowledge.render import links
from knowledge.render.links import Linker, Signer
from tests.unit.test_render_models import sample_briefing

LINKER = Linker("https://briefbot.example.org", Signer(b"s" * 32))


def details() -> list[dict]:
    with links.configured(LINKER):
        messages = briefing_messages(sample_briefing(), actions=False)
    assert any(b["type"] == "image" for b in messages[0]["blocks"])
    return messages


def images(blocks) -> int:
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return sum(b["type"] == "image" for b in blocks)


def test_a_thread_reply_whose_chart_slack_refuses_is_sent_again_without_it(slack):
    slack.fail("chat.postMessage", "invalid_blocks", times=1)
    client = WebClient(token="xoxb-test-token", base_url=slack.api_url)
    messages = details()
    deliver_in_thread(client, "C1", "1700000000.000100", Reply(messages))
    calls = slack.calls_to("chat.postMessage")
    assert len(calls) == len(messages) + 1
    assert not calls[0].ok and images(calls[0].params["blocks"]) == 1
    assert calls[1].ok and images(calls[1].params["blocks"]) == 0
    assert calls[1].params["text"] == messages[0]["text"] and all(c.ok for c in calls[1:])


def test_a_digest_detail_whose_chart_slack_refuses_is_sent_again_without_it(slack):
    slack.fail("chat.postMessage", "invalid_blocks", times=1)
    client = WebClient(token="xoxb-test-token", base_url=slack.api_url)
    assert _post_detail(client, "C1", "1700000000.000100", details()[0])
    calls = slack.calls_to("chat.postMessage")
    assert [c.ok for c in calls] == [False, True] and images(calls[1].params["blocks"]) == 0


def test_a_response_url_reply_whose_chart_slack_refuses_is_sent_again_without_it():
    received: list[dict] = []

    class ResponseURL(BaseHTTPRequestHandler):  # answers as Slack does when it cannot fetch an image
        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append(body)
            refused = images(body.get("blocks", [])) > 0
            data = b"invalid_blocks" if refused else b"ok"
            self.send_response(400 if refused else 200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), ResponseURL)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        messages = details()
        deliver_via_respond(Respond(response_url=f"http://127.0.0.1:{server.server_port}/r"), Reply(messages[:1]))
    finally:
        server.shutdown()
    assert [images(r["blocks"]) for r in received] == [1, 0]
    assert received[1]["text"] == messages[0]["text"]
