"""Reading article files: plain text (with a JSON sidecar or YAML front matter) and saved HTML pages.

Every way a file can be unusable — too big, empty, binary, undecodable, bad metadata — is an `IngestError` with
a one-line reason naming the file, so a batch can report it and go on with the rest.

Titles: metadata wins (sidecar over front matter). Without one, a short first line with no final period is taken
as the headline, and it is left in the text: the stored text is what the file said, the headline is often the
best-cited line of an article, and a saved HTML page keeps its headline at the top the same way.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from knowledge.config import get_settings
from knowledge.ingest.errors import IngestError
from knowledge.models import DocumentInput
from knowledge.text.boilerplate import strip_boilerplate
from knowledge.text.characters import has_half_pair
from knowledge.text.headline import first_line_headline

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
META_KEYS = {"url", "title", "outlet", "outlet_domain", "author", "published_at", "language"}
TEXT_KEYS = ("url", "title", "outlet", "outlet_domain", "author", "language")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 is full of NUL bytes, so it is recognised before the binary check
# Characters a real cp1252 article is made of; mojibake from a wrong guess is full of other symbols.
_PLAIN = set(string.ascii_letters + string.digits + string.punctuation + string.whitespace + "“”‘’–—…«»€£©®°•")
# A well-formed UTF-8 sequence of two to four bytes; Windows-1252 text almost never contains one
# (it would read as "Ã©" or "â€™").
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)^---[ \t]*(?:\n|\Z)", re.S | re.M)


def mb(n: int) -> str:
    """A byte count as people read limits: "7.2 MB", or "20 KB" for the small limits tests use."""
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


def iter_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories searched recursively for article files (hidden files and sidecars skipped)."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            out.append(path)
    return out


def other_files(folder: Path) -> list[Path]:
    """Files in a folder that are not articles and not an article's sidecar (`a.txt.json`, `a.json`), hidden ones
    aside: what ingesting the folder passes over, so it can be named."""
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or p.suffix.lower() in ARTICLE_SUFFIXES:
            continue
        if any(part.startswith(".") for part in p.relative_to(folder).parts):
            continue
        if p.suffix.lower() == ".json" and (
            p.with_suffix("").suffix.lower() in ARTICLE_SUFFIXES
            or any(p.with_suffix(s).exists() for s in ARTICLE_SUFFIXES)
        ):
            continue  # a sidecar: read with its article
        out.append(p)
    return out


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes; the size is checked first, so an oversize file is never read into memory."""
    limit = limit or get_settings().max_document_bytes
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc})", str(path)) from None
    if size > limit:
        raise IngestError(f"{path.name}: file is {mb(size)}, over the {mb(limit)} limit", str(path))
    if size == 0:
        raise IngestError(f"{path.name}: file is empty", str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc})", str(path)) from None


def _plausible(text: str) -> bool:
    return sum(c in _PLAIN or c.isalpha() for c in text) >= 0.97 * len(text)


def refuse_binary(data: bytes, name: str, source: str) -> None:
    """NUL bytes or more than 1% control characters near the start: a PDF, image or archive, not an article."""
    sample = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 or b == 127 for b in sample)
    if b"\x00" in sample or controls > max(2, len(sample) // 100):
        raise IngestError(f"{name}: looks binary, not text", source)


def decode(data: bytes, name: str, source: str | None = None) -> str:
    """UTF-8 (BOM or not; UTF-16 with a BOM) first; cp1252 (old Windows exports) only when it reads as text.

    latin-1 is not tried: it accepts any byte string, so it could never say "this is not text".
    """
    source = source or name
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(f"{name}: cannot decode the text (broken UTF-16)", source) from None
    refuse_binary(data, name, source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            # "Zelenskyy’s" as UTF-8 next to one stray byte: Windows-1252 would read it without error, as
            # "Zelenskyyâ€™s". A file that already holds UTF-8 sequences is UTF-8 with damage, not cp1252.
            raise IngestError(
                f"{name}: cannot decode the text (UTF-8 with an invalid byte at position {exc.start})", source
            ) from None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError(f"{name}: cannot decode the text (not UTF-8 or Windows-1252)", source) from None
    if not _plausible(text):
        raise IngestError(f"{name}: cannot decode the text (not UTF-8 or Windows-1252)", source)
    return text


def _parse_meta(meta: object, where: str, source: str) -> dict:
    if not isinstance(meta, dict):
        raise IngestError(f"{where}: metadata must be an object with keys like title, outlet, published_at", source)
    out = {k: v for k, v in meta.items() if k in META_KEYS and v not in (None, "")}
    if "published_at" in out:
        value = out["published_at"]
        try:
            if isinstance(value, datetime):
                parsed = value
            elif isinstance(value, date):  # YAML reads 2025-05-05 as a date
                parsed = datetime(value.year, value.month, value.day)
            else:
                parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            raise IngestError(f"{where}: published_at {value!r} is not an ISO 8601 date", source) from None
        out["published_at"] = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    for key in TEXT_KEYS:
        if key in out:
            if not isinstance(out[key], str):
                raise IngestError(f"{where}: {key} must be text", source)
            if has_half_pair(out[key]):  # a "\ud851" escape: no store can hold it
                raise IngestError(f"{where}: {key} has a broken character (half of a UTF-16 pair)", source)
            out[key] = out[key].strip()
    return out


def _sidecar(path: Path) -> dict:
    """Metadata from `<file>.json` (a.txt.json) or, failing that, the same name with .json (a.json)."""
    for side in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if side.is_file():
            break
    else:
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        reason = str(exc).splitlines()[0][:100]
        raise IngestError(f"{side.name}: malformed sidecar metadata ({reason})", str(side)) from None
    except RecursionError:  # json recurses per level: "[[[[…" thousands deep is not metadata
        raise IngestError(f"{side.name}: malformed sidecar metadata (nested too deeply)", str(side)) from None
    return _parse_meta(meta, side.name, str(side))


def _front_matter(text: str, name: str, source: str) -> tuple[dict, str]:
    """A `---` block at the very top whose first line is `key: value`; anything else is article text."""
    match = _FRONT_MATTER.match(text)
    if not match or not re.match(r"\s*[A-Za-z_][\w-]*\s*:", match.group(1)):
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"{name}: malformed front matter ({exc.__class__.__name__})", source) from None
    except ValueError as exc:  # YAML builds dates itself: "published_at: 2025-02-30" fails in datetime
        raise IngestError(f"{name}: malformed front matter (a date that does not exist: {exc})", source) from None
    except RecursionError:
        raise IngestError(f"{name}: malformed front matter (nested too deeply)", source) from None
    return _parse_meta(meta, f"{name} front matter", source), text[match.end() :]


def read_file(path: Path) -> DocumentInput:
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: no such file", str(path))
    if path.is_dir():
        raise IngestError(f"{path}: is a directory", str(path))
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        raise IngestError(
            f"{path.name}: looks like a feed, not an article; follow it with "
            "`briefbot ingest --feed URL` or `briefbot feeds add URL`",
            str(path),
        )
    if suffix and suffix not in ARTICLE_SUFFIXES:
        raise IngestError(
            f"{path.name}: not an article file (articles are {', '.join(sorted(ARTICLE_SUFFIXES))} "
            "or a file without a suffix)",
            str(path),
        )
    data = read_bytes(path)
    if suffix in HTML_SUFFIXES:
        from knowledge.ingest.html import from_html

        page: str | bytes = data
        if data.startswith(UTF16_BOMS):
            page = decode(data, path.name, str(path))
        else:
            refuse_binary(data, path.name, str(path))  # the bytes go on undecoded: the page's <meta charset> decides
        meta = _sidecar(path)
        doc = from_html(page, url=meta.get("url"), name=path.name, origin=str(path))
        return doc.model_copy(update={**meta, "origin": str(path)})
    raw = decode(data, path.name, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    front, body = _front_matter(raw.removeprefix("\ufeff"), path.name, str(path))
    meta = {**front, **_sidecar(path)}  # the sidecar wins where both say something
    text = strip_boilerplate(body)
    if not text:
        raise IngestError(f"{path.name}: no text left after removing page furniture", str(path))
    if not meta.get("title"):
        meta["title"] = first_line_headline(text)
        if meta["title"] and suffix == ".md":
            meta["title"] = meta["title"].lstrip("#").strip() or None  # "# Port strike ends": a Markdown heading
    return DocumentInput(text=text, origin=str(path), **meta)
