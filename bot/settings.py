"""Slack settings, validated at start-up so missing or malformed ones stop `serve` with one line naming them all."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_API_URL = "https://slack.com/api/"


class SettingsError(ValueError):
    """One line naming every setting that is missing or malformed, each with its rule (never its value)."""


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
    # Processes that compose briefings beside the serving one (`bot.composer`); 0 composes in the serving process,
    # which makes acknowledgements wait behind briefings for the interpreter.
    briefbot_compose_processes: Annotated[int, Field(ge=0, le=64)] = 2
    # HTTP serving processes sharing one port (`bot.siblings`): each takes its own share of the connections and has
    # its own interpreter lock, its own compose processes and store connections.
    briefbot_serve_processes: Annotated[int, Field(ge=1, le=64)] = 1

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+(/.*)?$", value):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @property
    def oauth(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)


# Each setting's real rule, said the way the error says it. Slack's signing secrets are 32 hexadecimal characters;
# the check is on length only (at least 16, no spaces), so a secret from a test workspace or a future format passes.
_CHECKS = {
    "SLACK_BOT_TOKEN": (r"^xoxb-[A-Za-z0-9-]+$", "must be the Bot User OAuth Token, starting with xoxb-"),
    "SLACK_SIGNING_SECRET": (r"^\S{16,}$", "must be at least 16 characters with no spaces (Slack's are 32)"),
    "SLACK_APP_TOKEN": (r"^xapp-[A-Za-z0-9-]+$", "must be an App-Level Token, starting with xapp-"),
}
_WHERE = "(environment or .env)"


def load_settings(socket_mode: bool = False, post_only: bool = False) -> SlackSettings:
    """`post_only`: the CLI only calls the Web API (digests), so it needs the bot token and nothing else.

    Every problem is found before any is reported: one SettingsError names each missing or malformed setting
    (never its value), so a new install is fixed in one round."""
    from knowledge.config import Settings

    problems: list[str] = []
    bad: dict[str, Any] = {}
    for model in (SlackSettings, Settings):
        try:
            model()
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error.get("loc") else ""
                bad[field] = SlackSettings.model_fields[field].default if field in SlackSettings.model_fields else None
                problems.append(
                    f"{field.upper() or model.__name__} {error['msg'].lower().removeprefix('value error, ')}"
                )
    # The fields already reported take their defaults, so the remaining ones are still read and checked.
    settings = SlackSettings(**{k: v for k, v in bad.items() if k in SlackSettings.model_fields})
    required = [] if post_only else ["SLACK_APP_TOKEN"] if socket_mode else ["SLACK_SIGNING_SECRET"]
    if not settings.oauth or post_only:
        required.append("SLACK_BOT_TOKEN")
    for name in required:
        if not getattr(settings, name.lower(), None):
            problems.append(f"{name} is not set {_WHERE}")
    for name, (pattern, why) in _CHECKS.items():
        value = getattr(settings, name.lower(), None)
        if value and not re.match(pattern, value):
            problems.append(f"{name} is malformed: {why}")
    if problems:
        raise SettingsError("; ".join(problems))
    return settings
