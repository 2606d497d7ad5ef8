"""Slack's Block Kit limits as a checker: the tests and the app can assert a message will be accepted.

Slack rejects a whole message (`invalid_blocks`) for one bad block, and the error rarely says which, so every
rule we rely on is listed here and `validate_message` reports all violations at once.
"""

from __future__ import annotations

import json

MAX_BLOCKS = 50
SECTION_TEXT = 3000
FIELD_TEXT = 2000
MAX_FIELDS = 10
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
CONTEXT_TEXT = 2000
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ID = 255
BLOCK_ID = 255
ACTIONS_ELEMENTS = 25
FALLBACK_TEXT = 3000
IMAGE_URL = 3000
ALT_TEXT = 2000
IMAGE_TITLE = 2000
MESSAGE_JSON = 12_000  # our own budget (characters of JSON), well under Slack's ~40k message size
BLOCK_TYPES = {"section", "header", "context", "divider", "actions", "image"}
BLOCK_KEYS = {
    "section": {"type", "block_id", "text", "fields", "accessory"},
    "header": {"type", "block_id", "text"},
    "context": {"type", "block_id", "elements"},
    "divider": {"type", "block_id"},
    "actions": {"type", "block_id", "elements"},
    "image": {"type", "block_id", "image_url", "alt_text", "title"},
}
TEXT_KEYS = {"type", "text", "emoji", "verbatim"}
BUTTON_KEYS = {"type", "text", "action_id", "value", "url", "style", "confirm", "accessibility_label"}


def message_size(msg: dict) -> int:
    """Characters of JSON, as counted against `MESSAGE_JSON` (the packer and the checker must agree)."""
    return len(json.dumps(msg, ensure_ascii=False))


def _text_obj(obj, where: str, limit: int, kinds=("mrkdwn", "plain_text")) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in kinds or not isinstance(obj.get("text"), str):
        return [f"{where}: not a text object of type {'/'.join(kinds)}"]
    problems = []
    if set(obj) - TEXT_KEYS:
        problems.append(f"{where}: unexpected keys {sorted(set(obj) - TEXT_KEYS)}")
    if obj["type"] == "mrkdwn" and "emoji" in obj:
        problems.append(f"{where}: emoji is only allowed on plain_text")
    if not obj["text"].strip():
        problems.append(f"{where}: empty text")
    if len(obj["text"]) > limit:
        problems.append(f"{where}: text is {len(obj['text'])} chars (max {limit})")
    return problems


def _button(el, where: str, action_ids: set[str]) -> list[str]:
    if not isinstance(el, dict) or el.get("type") != "button":
        return [f"{where}: not a button"]
    problems = _text_obj(el.get("text"), where, BUTTON_TEXT, ("plain_text",))
    if set(el) - BUTTON_KEYS:
        problems.append(f"{where}: unexpected keys {sorted(set(el) - BUTTON_KEYS)}")
    aid = el.get("action_id")
    if not isinstance(aid, str) or not aid or len(aid) > ACTION_ID:
        problems.append(f"{where}: bad action_id")
    elif aid in action_ids:
        problems.append(f"{where}: duplicate action_id {aid}")
    else:
        action_ids.add(aid)
    value = el.get("value", "")
    if not isinstance(value, str) or len(value) > BUTTON_VALUE:
        problems.append(f"{where}: value must be a string of at most {BUTTON_VALUE} chars")
    if el.get("style") not in (None, "primary", "danger"):
        problems.append(f"{where}: bad style")
    return problems


def _block(block, where: str, action_ids: set[str]) -> list[str]:
    if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
        return [f"{where}: unknown block type"]
    kind = block["type"]
    problems: list[str] = []
    if set(block) - BLOCK_KEYS[kind]:
        problems.append(f"{where}: unexpected keys {sorted(set(block) - BLOCK_KEYS[kind])}")
    if len(str(block.get("block_id", ""))) > BLOCK_ID:
        problems.append(f"{where}: block_id too long")
    if kind == "header":
        problems += _text_obj(block.get("text"), where, HEADER_TEXT, ("plain_text",))
    elif kind == "section":
        if "text" not in block and "fields" not in block:
            problems.append(f"{where}: needs text or fields")
        if "text" in block:
            problems += _text_obj(block["text"], where, SECTION_TEXT)
        fields = block.get("fields", [])
        if "fields" in block and (not isinstance(fields, list) or not fields or len(fields) > MAX_FIELDS):
            problems.append(f"{where}: fields must be a list of 1 to {MAX_FIELDS}")
            fields = fields if isinstance(fields, list) else []
        for j, field in enumerate(fields):
            problems += _text_obj(field, f"{where} field {j}", FIELD_TEXT)
    elif kind == "context":
        elements = _elements(block, where, CONTEXT_ELEMENTS, problems)
        for j, el in enumerate(elements):
            problems += _text_obj(el, f"{where} element {j}", CONTEXT_TEXT)
    elif kind == "image":
        url, alt = block.get("image_url"), block.get("alt_text")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")) or len(url) > IMAGE_URL:
            problems.append(f"{where}: image_url must be an http(s) URL of at most {IMAGE_URL} chars")
        if not isinstance(alt, str) or not alt.strip() or len(alt) > ALT_TEXT:
            problems.append(f"{where}: alt_text must be 1 to {ALT_TEXT} chars")
        if "title" in block:
            problems += _text_obj(block["title"], f"{where} title", IMAGE_TITLE, ("plain_text",))
    elif kind == "actions":
        elements = _elements(block, where, ACTIONS_ELEMENTS, problems)
        for j, el in enumerate(elements):
            problems += _button(el, f"{where} button {j}", action_ids)
    return problems


def _elements(block: dict, where: str, most: int, problems: list[str]) -> list:
    """A context or actions block's elements; a count outside 1..most is reported into `problems`."""
    elements = block.get("elements") or []
    if not elements or len(elements) > most:
        problems.append(f"{where}: {len(elements)} elements (1 to {most})")
    return elements


def validate_message(msg: dict) -> list[str]:
    """Every way `msg` would be rejected by Slack or break our own budget; [] means it is safe to send."""
    if not isinstance(msg, dict):
        return ["message: not an object"]
    problems: list[str] = []
    blocks = msg.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        problems.append("message: blocks must be a non-empty list")
        blocks = blocks if isinstance(blocks, list) else []
    text = msg.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("message: missing fallback text")
    elif len(text) > FALLBACK_TEXT:
        problems.append(f"message: fallback text is {len(text)} chars (max {FALLBACK_TEXT})")
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"message: {len(blocks)} blocks (max {MAX_BLOCKS})")
    size = message_size(msg)
    if size > MESSAGE_JSON:
        problems.append(f"message: {size} chars of JSON (budget {MESSAGE_JSON})")
    action_ids: set[str] = set()
    for i, block in enumerate(blocks):
        kind = block.get("type") if isinstance(block, dict) else None
        problems += _block(block, f"block {i} ({kind})", action_ids)
    return problems
