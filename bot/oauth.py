"""Multi-workspace install: the OAuth flow, with installations and states kept where every process sees them.

On SQLite (one process) slack_sdk's own SQLite stores keep them in a sibling file. On PostgreSQL, where several
replicas serve one app, they live in the shared store (`knowledge.store.installations`): a workspace installed
through one replica is known to all, and an OAuth state issued by one is accepted, once, by any other.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore

from bot.settings import SlackSettings
from knowledge.store import installations as rows
from knowledge.store.db import backend_of
from knowledge.store.threads import ThreadStores


class SharedInstallationStore(InstallationStore):
    """slack_sdk's InstallationStore over the briefbot store (latest installation and bot per workspace)."""

    def __init__(self, stores: ThreadStores):
        self.stores = stores

    def save(self, installation: Installation) -> None:
        store = self.stores.get()
        i = installation
        rows.save_installation(
            store, "installation", i.enterprise_id, i.team_id, i.user_id, i.installed_at, json.dumps(i.__dict__)
        )
        self.save_bot(i.to_bot())

    def save_bot(self, bot: Bot) -> None:
        if bot.bot_token is None:
            return
        rows.save_installation(
            self.stores.get(), "bot", bot.enterprise_id, bot.team_id, None, bot.installed_at, json.dumps(bot.__dict__)
        )

    def find_bot(self, *, enterprise_id, team_id, is_enterprise_install=False) -> Bot | None:
        data = rows.find_installation(
            self.stores.get(), "bot", enterprise_id, None if is_enterprise_install else team_id
        )
        return Bot(**json.loads(data)) if data else None

    def find_installation(
        self, *, enterprise_id, team_id, user_id=None, is_enterprise_install=False
    ) -> Installation | None:
        team = None if is_enterprise_install else team_id
        data = rows.find_installation(self.stores.get(), "installation", enterprise_id, team, user_id)
        if not data:
            return None
        found = Installation(**json.loads(data))
        if found.bot_token is None:  # a user-only install: the workspace's bot comes from its latest bot row
            bot = self.find_bot(
                enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=is_enterprise_install
            )
            if bot:
                found.bot_id, found.bot_user_id, found.bot_token = bot.bot_id, bot.bot_user_id, bot.bot_token
                found.bot_scopes, found.bot_refresh_token = bot.bot_scopes, bot.bot_refresh_token
                found.bot_token_expires_at = bot.bot_token_expires_at
        return found

    def delete_bot(self, *, enterprise_id, team_id) -> None:
        rows.delete_installations(self.stores.get(), ["bot"], enterprise_id, team_id)

    def delete_installation(self, *, enterprise_id, team_id, user_id=None) -> None:
        rows.delete_installations(self.stores.get(), ["installation"], enterprise_id, team_id, user_id)


class SharedOAuthStateStore(OAuthStateStore):
    def __init__(self, stores: ThreadStores, expiration_seconds: int = 600):
        self.stores, self.expiration_seconds = stores, expiration_seconds

    def issue(self, *args, **kwargs) -> str:
        state = str(uuid.uuid4())
        rows.issue_state(self.stores.get(), state, time.time() + self.expiration_seconds)
        return state

    def consume(self, state: str) -> bool:
        return rows.consume_state(self.stores.get(), state, time.time())


def oauth_settings(settings: SlackSettings, db_path: str | Path) -> OAuthSettings:
    if backend_of(db_path) == "postgresql":
        stores = ThreadStores(db_path)
        installation_store: InstallationStore = SharedInstallationStore(stores)
        state_store: OAuthStateStore = SharedOAuthStateStore(stores)
    else:
        # slack_sdk manages its own tables; a sibling file keeps them apart from our migrations.
        path = str(Path(db_path).with_name(Path(db_path).stem + "-installations.db"))
        installation_store = SQLite3InstallationStore(database=path, client_id=settings.slack_client_id or "")
        state_store = SQLite3OAuthStateStore(database=path, expiration_seconds=600)
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=[s.strip() for s in settings.slack_scopes.split(",") if s.strip()],
        installation_store=installation_store,
        state_store=state_store,
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
    )
