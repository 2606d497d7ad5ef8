"""Reading files: metadata from sidecars and front matter, and a clear reason for every unusable file."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from knowledge.ingest.errors import IngestError
from knowledge.ingest.files import iter_paths, read_bytes, read_file

ARTICLE = "Ferry terminal to close\n\nThe harbour authority said the terminal will close for six weeks of repairs."


def test_a_sidecar_json_supplies_the_metadata(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"url": "https://c.example/a", "outlet": "Courier",
                                                 "published_at": "2025-05-05T08:00:00Z", "title": "Closure"}))
    doc = read_file(path)
    assert (doc.url, doc.outlet, doc.title) == ("https://c.example/a", "Courier", "Closure")
    assert doc.published_at == datetime(2025, 5, 5, 8, tzinfo=timezone.utc)


def test_yaml_front_matter_supplies_the_metadata_and_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("---\ntitle: Closure\noutlet: Courier\npublished_at: 2025-05-05\n---\n" + ARTICLE, encoding="utf-8")
    doc = read_file(path)
    assert doc.title == "Closure" and doc.text == ARTICLE and doc.published_at.year == 2025


def test_without_metadata_the_date_is_unknown_and_a_headline_line_is_the_title(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_file(path)
    assert doc.published_at is None and doc.title == "Ferry terminal to close" and doc.text == ARTICLE


def test_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes("“Quoted,” said the mayor’s aide about the café.".encode("cp1252"))
    assert read_file(path).text == "“Quoted,” said the mayor’s aide about the café."


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "file is empty"),
    ("blob.txt", b"\x00\x01\x02binary\x00" * 20, "looks binary"),
    ("spaces.txt", b"   \n\n  ", "no text left"),
])
def test_unusable_files_are_refused_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        read_file(path)


def test_a_malformed_sidecar_is_an_error_naming_the_sidecar(tmp_path):
    (tmp_path / "e.txt").write_text(ARTICLE)
    (tmp_path / "e.json").write_text("{not json")
    with pytest.raises(IngestError, match="e.json: malformed sidecar"):
        read_file(tmp_path / "e.txt")


def test_a_bad_date_in_a_sidecar_is_an_error(tmp_path):
    (tmp_path / "f.txt").write_text(ARTICLE)
    (tmp_path / "f.json").write_text(json.dumps({"published_at": "last Tuesday"}))
    with pytest.raises(IngestError, match="not an ISO 8601 date"):
        read_file(tmp_path / "f.txt")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 5000)
    with pytest.raises(IngestError, match="over the 0.0 MB limit"):
        read_bytes(path, limit=1000)


def test_directories_expand_to_article_files_only(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "a.json", "sub/b.html", ".hidden.txt", "notes.pdf"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt", "b.html"]
