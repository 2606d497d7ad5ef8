"""The app's own middleware (`bot.middleware`): on every request's path to its acknowledgement."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.middleware.custom_middleware import CustomMiddleware

from bot import middleware
from bot.deps import Deps
from knowledge.store.threads import ThreadStores


def test_our_middleware_is_handed_the_request_as_it_is_without_bolt_building_arguments_for_it(tmp_path):
    app = App(token="xoxb-unit", signing_secret="unit", token_verification_enabled=False)
    before = len(app._middleware_list)
    deps = Deps(stores=ThreadStores(tmp_path / "unit.db"), fetcher_factory=lambda: None)
    try:
        middleware.register(app, deps)
        ours = app._middleware_list[before:]
        assert len(ours) == 2
        assert not [m for m in ours if isinstance(m, CustomMiddleware)]  # Bolt's wrapper for plain functions
    finally:
        deps.shutdown()
