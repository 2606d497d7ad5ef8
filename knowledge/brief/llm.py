"""Optional summary prose from a language model: off unless BRIEFBOT_LLM_URL and BRIEFBOT_LLM_MODEL are set.

Any OpenAI-compatible `/v1/chat/completions` server will do (Ollama, vLLM, llama.cpp's server). The model sees
only each storyline's cited spans (with who said them and how) and the extractive line, and may rewrite the line
in better prose. It is trusted with nothing: every sentence it returns goes through the same grounding check as
the extractive lines, and a line that fails keeps its extractive form. A timeout, an HTTP error or an answer that
is not the JSON asked for leaves the whole summary extractive, with one log line and never an error to the user.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

import httpx

from knowledge.brief.model import SummaryLine
from knowledge.brief.storylines import Storyline
from knowledge.brief.summary import check

log = logging.getLogger(__name__)

MAX_SPANS = 6  # cited spans per storyline sent to the model
SYSTEM = (
    "You rewrite news-briefing lines. For each storyline you get the exact cited passages (with who said each one "
    "and how: claim, denial, forecast...) and a draft line. Write one short, plain sentence per storyline, at most "
    "25 words, using only facts in its passages: every name, place, number and date must appear in them, quoted "
    "words must be exact, and a claim must stay attributed to its speaker with the same stance (a denial is a "
    "denial). Do not add dates or outlet counts. Answer only with JSON: "
    '{"lines": [{"id": "<storyline id>", "text": "<sentence>"}]}'
)


@dataclass(frozen=True)
class LLMConfig:
    url: str
    model: str
    timeout: float = 8.0
    api_key: str | None = None

    @property
    def endpoint(self) -> str:
        url = self.url.rstrip("/")
        if url.endswith("/chat/completions"):
            return url
        return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def config_from_settings() -> LLMConfig | None:
    from knowledge.config import get_settings

    s = get_settings()
    if not (s.briefbot_llm_url and s.briefbot_llm_model):
        return None
    key = s.briefbot_llm_api_key.get_secret_value() if s.briefbot_llm_api_key else None
    return LLMConfig(s.briefbot_llm_url, s.briefbot_llm_model, s.briefbot_llm_timeout, key)


def _passages(s: Storyline) -> list[dict[str, str]]:
    out = []
    for m in s.members[:MAX_SPANS]:
        item = {"quote": " ".join(m.citation.quote.split()), "outlet": m.outlet}
        if m.kind == "claim":
            item |= {"speaker": m.speaker_name or "unnamed source", "stance": m.stance or "assert"}
        out.append(item)
    return out


def request_body(lines: list[SummaryLine], storylines: dict[str, Storyline], model: str) -> dict[str, Any]:
    items = [
        {"id": line.storyline_id, "draft": line.body or line.text, "passages": _passages(storylines[line.storyline_id])}
        for line in lines
        if line.storyline_id in storylines
    ]
    return {
        "model": model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": json.dumps({"storylines": items}, ensure_ascii=False)},
        ],
    }


def parse_answer(data: object) -> dict[str, str]:
    """{storyline id: text} from a chat-completions answer; ValueError when it is not the JSON asked for."""
    try:
        content = data["choices"][0]["message"]["content"]  # type: ignore[index]
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError("no choices[0].message.content in the answer") from exc
    if not isinstance(content, str):
        raise ValueError("the answer's content is not text")
    fenced = re.search(r"```(?:json)?\s*(.*?)```", content, re.S)
    parsed = json.loads(fenced.group(1) if fenced else content)
    rows = parsed.get("lines") if isinstance(parsed, dict) else None
    if not isinstance(rows, list):
        raise ValueError("the answer has no 'lines' list")
    return {
        str(r["id"]): r["text"].strip()
        for r in rows
        if isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("text"), str) and r["text"].strip()
    }


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _accepted(text: str, s: Storyline, people: dict[str, str]) -> str | None:
    """The model's text when each of its sentences is grounded, else None."""
    body = " ".join(text.split()).rstrip(".")
    if not body:
        return None
    sentences = [p.rstrip(".") for p in _SENTENCE.split(body)]
    if any(check(p, s, people) for p in sentences) or check(body, s, people):
        return None
    return body


def rewrite(
    lines: list[SummaryLine],
    storylines: dict[str, Storyline],
    people: dict[str, str],
    config: LLMConfig | None,
    client: httpx.Client | None = None,
) -> list[SummaryLine]:
    """`lines` with each grounded model rewrite in place of the extractive line; `lines` unchanged on any failure."""
    if config is None or not lines:
        return lines
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    try:
        if client is None:
            with httpx.Client(timeout=config.timeout) as own:
                response = own.post(
                    config.endpoint, json=request_body(lines, storylines, config.model), headers=headers
                )
        else:
            response = client.post(config.endpoint, json=request_body(lines, storylines, config.model), headers=headers)
        response.raise_for_status()
        answers = parse_answer(response.json())
    except (httpx.HTTPError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        log.warning("LLM summary unavailable (%s: %s); using the extractive summary", type(exc).__name__, exc)
        return lines
    out, rejected = [], 0
    for line in lines:
        s = storylines.get(line.storyline_id)
        proposed = answers.get(line.storyline_id)
        body = _accepted(proposed, s, people) if proposed and s else None
        if body is None:
            rejected += bool(proposed)
            out.append(line)
            continue
        tail = line.text[len(line.body) :] if line.body and line.text.startswith(line.body) else ""
        out.append(line.model_copy(update={"text": body + tail, "body": body, "origin": "model"}))
    if rejected:
        log.info(
            "LLM summary: %d of %d rewritten lines failed the grounding check and stay extractive", rejected, len(lines)
        )
    return out
