"""Slack settings, validated at start-up so a missing or malformed one stops `serve` with one line naming it."""

from __future__ import annotations

import re

from pydantic import ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_API_URL = "https://slack.com/api/"


class SettingsError(ValueError):
    """One line naming the setting that is missing or malformed (never its value)."""


class SlackSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_API_URL
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_scopes: str = "commands,chat:write,app_mentions:read,im:history,users:read,channels:history,groups:history"
    # Each Slack call: seconds before it counts as timed out, and retries after a 5xx, 429, connection error or
    # timeout (`bot.delivery`). Tests shorten the timeout instead of waiting on a hanging fake Slack.
    slack_timeout: int = 15
    slack_retries: int = 3
    # Seconds a replica's lease on an acknowledged request lasts: a replica that dies answers nothing, and another
    # takes the work over within about 1 1/3 leases (`bot.durable`).
    briefbot_work_lease: float = 15

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+(/.*)?$", value):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @property
    def oauth(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)


_CHECKS = {
    "SLACK_BOT_TOKEN": (r"^xox[bp]-[A-Za-z0-9-]+$", "must start with xoxb-"),
    "SLACK_SIGNING_SECRET": (r"^[A-Za-z0-9]{16,}$", "must be the app's signing secret (letters and digits)"),
    "SLACK_APP_TOKEN": (r"^xapp-[A-Za-z0-9-]+$", "must start with xapp-"),
}


def load_settings(socket_mode: bool = False, post_only: bool = False) -> SlackSettings:
    """`post_only`: the CLI only calls the Web API (digests), so it needs the bot token and nothing else."""
    try:
        settings = SlackSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first.get("loc") else "a Slack setting"
        raise SettingsError(f"{name} {first['msg'].lower()}") from None
    required = [] if post_only else ["SLACK_APP_TOKEN"] if socket_mode else ["SLACK_SIGNING_SECRET"]
    if not settings.oauth or post_only:
        required.append("SLACK_BOT_TOKEN")
    for name in required:
        value = getattr(settings, name.lower())
        if not value:
            raise SettingsError(f"{name} is not set (environment or .env)")
    for name, (pattern, why) in _CHECKS.items():
        value = getattr(settings, name.lower())
        if value and not re.match(pattern, value):
            raise SettingsError(f"{name} is malformed: {why}")
    return settings
