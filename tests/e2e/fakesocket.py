"""A loopback WebSocket server speaking Slack's Socket Mode envelope protocol.

`apps.connections.open` on the fake Web API hands out this server's ws:// URL; once slack_sdk's client connects
it gets a `hello`, then the test pushes envelopes (slash commands, events, interactions) and waits for the acks.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid

from websockets.sync.server import serve


class FakeSocketMode:
    def __init__(self) -> None:
        self._outbox: queue.Queue[str] = queue.Queue()
        self.acks: dict[str, dict] = {}
        self.connected = threading.Event()
        self._cond = threading.Condition()
        self._server = serve(self._handle, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link/?ticket=test"

    def start(self) -> FakeSocketMode:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()

    def _handle(self, ws) -> None:
        ws.send(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": 1,
                    "debug_info": {"host": "fake"},
                    "connection_info": {"app_id": "A1"},
                }
            )
        )
        self.connected.set()
        while True:
            try:
                while not self._outbox.empty():
                    ws.send(self._outbox.get_nowait())
                message = ws.recv(timeout=0.05)
            except TimeoutError:
                continue
            except Exception:
                return
            data = json.loads(message)
            if "envelope_id" in data:
                with self._cond:
                    self.acks[data["envelope_id"]] = data
                    self._cond.notify_all()

    def push(self, type_: str, payload: dict, accepts_response_payload: bool = False) -> str:
        envelope_id = str(uuid.uuid4())
        self._outbox.put(
            json.dumps(
                {
                    "envelope_id": envelope_id,
                    "type": type_,
                    "payload": payload,
                    "accepts_response_payload": accepts_response_payload,
                    "retry_attempt": 0,
                    "retry_reason": "",
                }
            )
        )
        return envelope_id

    def wait_for_ack(self, envelope_id: str, timeout: float = 10) -> dict | None:
        with self._cond:
            self._cond.wait_for(lambda: envelope_id in self.acks, timeout)
            return self.acks.get(envelope_id)
