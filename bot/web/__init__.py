"""Web pages served beside the Slack endpoint, written against no particular HTTP server.

Each handler is a plain object with `prefix` and `handle(method, path, query, headers) -> WebResponse`, so
`bot/server.py` (or any ASGI/WSGI server) mounts it with one route: every GET under the prefix goes to it.
"""

from bot.web.response import WebResponse

__all__ = ["WebResponse"]
