"""Multi-workspace install: OAuth flow with installations and state kept in SQLite by slack_sdk's stores."""

from __future__ import annotations

from pathlib import Path

from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore

from bot.settings import SlackSettings


def oauth_settings(settings: SlackSettings, db_path: Path) -> OAuthSettings:
    # slack_sdk manages its own tables; a sibling file keeps them apart from our migrations.
    path = str(Path(db_path).with_name(Path(db_path).stem + "-installations.db"))
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=[s.strip() for s in settings.slack_scopes.split(",") if s.strip()],
        installation_store=SQLite3InstallationStore(database=path, client_id=settings.slack_client_id or ""),
        state_store=SQLite3OAuthStateStore(database=path, expiration_seconds=600),
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
    )
