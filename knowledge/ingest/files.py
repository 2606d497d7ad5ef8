"""Reading article files: plain text (with a JSON sidecar or YAML front matter) and saved HTML pages.

Every way a file can be unusable — too big, empty, binary, undecodable, bad metadata — is an `IngestError` with
a one-line reason naming the file, so a batch can report it and go on with the rest.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Optional

import yaml

from knowledge.config import get_settings
from knowledge.ingest.boilerplate import strip_boilerplate
from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
META_KEYS = {"url", "title", "outlet", "outlet_domain", "author", "published_at", "language"}


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def iter_paths(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            out.append(path)
    return out


def read_bytes(path: Path, limit: Optional[int] = None) -> bytes:
    limit = limit or get_settings().max_document_bytes
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc})", str(path)) from None
    if size > limit:
        raise IngestError(f"{path.name}: file is {mb(size)}, over the {mb(limit)} limit", str(path))
    if size == 0:
        raise IngestError(f"{path.name}: file is empty", str(path))
    return path.read_bytes()


def decode(data: bytes, name: str) -> str:
    """UTF-8 first; cp1252 (old Windows exports with curly quotes) only when the result reads as text."""
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.05:
        raise IngestError(f"{name}: looks binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError(f"{name}: cannot decode the text (not UTF-8 or Windows-1252)") from None
    letters = sum(c.isalpha() or c.isspace() for c in text)
    if letters < len(text) * 0.7:
        raise IngestError(f"{name}: cannot decode the text (not UTF-8 or Windows-1252)")
    return text


def _parse_meta(meta: dict, where: str) -> dict:
    if not isinstance(meta, dict):
        raise IngestError(f"{where}: metadata must be an object with keys like title, outlet, published_at")
    out = {k: v for k, v in meta.items() if k in META_KEYS and v not in (None, "")}
    if "published_at" in out:
        value = out["published_at"]
        try:
            parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise IngestError(f"{where}: published_at {value!r} is not an ISO 8601 date") from None
        out["published_at"] = parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    for key in ("url", "title", "outlet", "outlet_domain", "author", "language"):
        if key in out and not isinstance(out[key], str):
            raise IngestError(f"{where}: {key} must be text")
    return out


def _sidecar(path: Path) -> dict:
    side = path.with_name(path.name + ".json")
    if not side.exists():
        side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise IngestError(f"{side.name}: malformed sidecar metadata ({exc})", str(side)) from None
    return _parse_meta(meta, side.name)


def _front_matter(text: str, name: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"{name}: malformed front matter ({exc.__class__.__name__})") from None
    return _parse_meta(meta, f"{name} front matter"), text[end + 4 :].lstrip("\n")


def _title_from_first_line(text: str) -> Optional[str]:
    first = text.split("\n", 1)[0].strip()
    if first and len(first) < 150 and not first.endswith((".", "!", "?", ":", ";", ",")) and "\n" in text:
        return first
    return None


def read_file(path: Path) -> DocumentInput:
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: no such file", str(path))
    data = read_bytes(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        from knowledge.ingest.html import from_html

        meta = _sidecar(path)
        doc = from_html(data, url=meta.get("url"), name=path.name)
        return doc.model_copy(update={**meta, "origin": str(path)})
    raw = decode(data, path.name)
    meta, body = _front_matter(raw, path.name)
    meta = {**meta, **_sidecar(path)}
    text = strip_boilerplate(body)
    if not text:
        raise IngestError(f"{path.name}: no text left after removing page furniture", str(path))
    meta.setdefault("title", _title_from_first_line(text))
    return DocumentInput(text=text, origin=str(path), **meta)
