"""Slack's Block Kit limits as a checker: the tests and the app can assert a message will be accepted."""

from __future__ import annotations

import json

MAX_BLOCKS = 50
SECTION_TEXT = 3000
FIELD_TEXT = 2000
MAX_FIELDS = 10
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ID = 255
MESSAGE_JSON = 12_000  # our own budget, well under Slack's ~40k message size
BLOCK_TYPES = {"section", "header", "context", "divider", "actions"}


def _text_obj(obj, where: str, limit: int, kinds=("mrkdwn", "plain_text")) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in kinds or not isinstance(obj.get("text"), str):
        return [f"{where}: not a text object of type {'/'.join(kinds)}"]
    if not obj["text"]:
        return [f"{where}: empty text"]
    if len(obj["text"]) > limit:
        return [f"{where}: text is {len(obj['text'])} chars (max {limit})"]
    return []


def validate_message(msg: dict) -> list[str]:
    problems: list[str] = []
    blocks = msg.get("blocks") or []
    if not isinstance(msg.get("text"), str) or not msg["text"]:
        problems.append("message: missing fallback text")
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"message: {len(blocks)} blocks (max {MAX_BLOCKS})")
    if len(json.dumps(msg)) > MESSAGE_JSON:
        problems.append(f"message: {len(json.dumps(msg))} chars of JSON (budget {MESSAGE_JSON})")
    action_ids: set[str] = set()
    for i, block in enumerate(blocks):
        kind = block.get("type")
        where = f"block {i} ({kind})"
        if kind not in BLOCK_TYPES:
            problems.append(f"{where}: unknown block type")
            continue
        if len(block.get("block_id", "")) > 255:
            problems.append(f"{where}: block_id too long")
        if kind == "header":
            problems += _text_obj(block.get("text"), where, HEADER_TEXT, ("plain_text",))
        elif kind == "section":
            if "text" not in block and "fields" not in block:
                problems.append(f"{where}: needs text or fields")
            if "text" in block:
                problems += _text_obj(block["text"], where, SECTION_TEXT)
            fields = block.get("fields", [])
            if len(fields) > MAX_FIELDS:
                problems.append(f"{where}: {len(fields)} fields (max {MAX_FIELDS})")
            for j, field in enumerate(fields):
                problems += _text_obj(field, f"{where} field {j}", FIELD_TEXT)
        elif kind == "context":
            elements = block.get("elements") or []
            if not elements or len(elements) > CONTEXT_ELEMENTS:
                problems.append(f"{where}: {len(elements)} elements (1 to {CONTEXT_ELEMENTS})")
            for j, el in enumerate(elements):
                problems += _text_obj(el, f"{where} element {j}", SECTION_TEXT)
        elif kind == "actions":
            elements = block.get("elements") or []
            if not elements or len(elements) > 25:
                problems.append(f"{where}: {len(elements)} elements (1 to 25)")
            for j, el in enumerate(elements):
                if el.get("type") != "button":
                    problems.append(f"{where} element {j}: not a button")
                    continue
                problems += _text_obj(el.get("text"), f"{where} button {j}", BUTTON_TEXT, ("plain_text",))
                aid = el.get("action_id", "")
                if not aid or len(aid) > ACTION_ID:
                    problems.append(f"{where} button {j}: bad action_id")
                if aid in action_ids:
                    problems.append(f"{where} button {j}: duplicate action_id {aid}")
                action_ids.add(aid)
                if len(el.get("value", "")) > BUTTON_VALUE:
                    problems.append(f"{where} button {j}: value too long")
    return problems
