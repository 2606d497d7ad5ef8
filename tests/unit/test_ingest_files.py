"""Reading files: metadata from sidecars and front matter, and a clear reason for every unusable file."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from knowledge.config import Settings
from knowledge.ingest import files
from knowledge.ingest.errors import IngestError
from knowledge.ingest.files import iter_paths, read_file

ARTICLE = "Ferry terminal to close\n\nThe harbour authority said the terminal will close for six weeks of repairs."
PAGE = (
    "<html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1><p>"
    + "The new quay in Lindenport opened on Monday after two years of building work by the port. " * 3
    + "</p></article></body></html>"
)


def test_a_sidecar_json_supplies_the_metadata(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt.json").write_text(
        json.dumps(
            {
                "url": "https://c.example/a",
                "outlet": "Courier",
                "outlet_domain": "c.example",
                "author": "J. Doe",
                "published_at": "2025-05-05T08:00:00Z",
                "title": "Closure",
            }
        )
    )
    doc = read_file(path)
    assert (doc.url, doc.outlet, doc.outlet_domain, doc.author, doc.title) == (
        "https://c.example/a",
        "Courier",
        "c.example",
        "J. Doe",
        "Closure",
    )
    assert doc.published_at == datetime(2025, 5, 5, 8, tzinfo=UTC)
    assert doc.text == ARTICLE and doc.origin == str(path)


def test_a_sidecar_with_the_plain_json_suffix_and_a_null_date_is_accepted(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"outlet": "Courier", "published_at": None}))
    doc = read_file(tmp_path / "a.txt")
    assert doc.outlet == "Courier" and doc.published_at is None


def test_yaml_front_matter_supplies_the_metadata_and_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "b.md"
    path.write_bytes(
        (
            "---\r\ntitle: Closure\r\noutlet: Courier\r\npublished_at: 2025-05-05\r\n---\r\n"
            + ARTICLE.replace("\n", "\r\n")
        ).encode()
    )
    doc = read_file(path)
    assert doc.title == "Closure" and doc.outlet == "Courier" and doc.text == ARTICLE
    assert doc.published_at == datetime(2025, 5, 5, tzinfo=UTC)


def test_a_leading_horizontal_rule_is_not_taken_for_front_matter(tmp_path):
    path = tmp_path / "rule.md"
    path.write_text("---\nThe harbour authority said the terminal will close.\n---\nMore text follows here.")
    assert read_file(path).text.startswith("---\nThe harbour authority")


def test_without_metadata_the_date_is_unknown_and_a_headline_line_is_the_title(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_file(path)
    assert doc.published_at is None and doc.title == "Ferry terminal to close" and doc.text == ARTICLE
    assert doc.text.index(doc.title) == 0


def test_a_markdown_heading_on_the_first_line_is_the_title_without_its_hashes(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("# " + ARTICLE, encoding="utf-8")
    doc = read_file(path)
    assert doc.title == "Ferry terminal to close" and doc.text.startswith("# Ferry terminal to close")


@pytest.mark.parametrize(
    "first_line",
    [
        "The harbour authority said the terminal will close.",
        "A very long first line " * 8,
    ],
)
def test_a_sentence_or_long_first_line_is_not_taken_for_a_title(tmp_path, first_line):
    path = tmp_path / "s.txt"
    path.write_text(first_line + "\n\nRepairs start in June.")
    assert read_file(path).title is None


def test_utf8_with_a_bom_is_decoded_without_the_bom(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffCafé owners met on Monday.".encode("utf-8"))
    assert read_file(path).text == "Café owners met on Monday."


def test_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes("“Quoted,” said the mayor’s aide about the café.".encode("cp1252"))
    assert read_file(path).text == "“Quoted,” said the mayor’s aide about the café."


def test_utf8_with_one_stray_byte_is_refused_rather_than_read_as_windows_1252(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes("The minister’s office in Genève replied.".encode() + b" A stray \xff byte.\n")
    with pytest.raises(
        IngestError, match=r"damaged.txt: cannot decode the text \(UTF-8 with an invalid byte at position 52\)"
    ):
        read_file(path)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("blob.txt", b"\x00\x01\x02binary\x00" * 20, "blob.txt: looks binary, not text"),
        ("ctrl.txt", b"\x01\x02\x03\x04\x05\x06\x07 text", "ctrl.txt: looks binary"),
        ("garbled.txt", b"\x81\x8d\x8f\x90 bytes no code page has", "garbled.txt: cannot decode"),
        ("spaces.txt", b"   \n\n  ", "spaces.txt: no text left"),
        ("furniture.txt", b"Advertisement\n\nAccept all cookies", "furniture.txt: no text left"),
        (
            "feed.xml",
            b'<?xml version="1.0"?><rss><channel></channel></rss>',
            "feed.xml: looks like a feed, not an article",
        ),
        ("notes.pdf", b"%PDF-1.4 some text", r"notes.pdf: not an article file \(articles are .htm, .html, .md, .txt"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        read_file(path)


def test_errors_carry_the_full_path_of_the_input_they_are_about(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 10)
    (tmp_path / "g.txt").write_text(ARTICLE)
    (tmp_path / "g.txt.json").write_text(json.dumps({"published_at": "soon"}))
    for path, source in ((tmp_path / "bin.txt", tmp_path / "bin.txt"), (tmp_path / "g.txt", tmp_path / "g.txt.json")):
        with pytest.raises(IngestError) as caught:
            read_file(path)
        assert caught.value.source == str(source)


def test_a_saved_html_page_in_a_declared_legacy_charset_is_decoded_by_its_meta_tag(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace("Lindenport", "Линденпорт")
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    assert "Линденпорт" in read_file(tmp_path / "ru.html").text


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_file(tmp_path / "gone.txt")


@pytest.mark.parametrize(
    "sidecar, reason",
    [
        ("{not json", "e.txt.json: malformed sidecar"),
        ("[1, 2]", "e.txt.json: metadata must be an object"),
        (json.dumps({"published_at": "last Tuesday"}), "e.txt.json: published_at 'last Tuesday' is not an ISO 8601"),
        (json.dumps({"title": 42}), "e.txt.json: title must be text"),
    ],
)
def test_a_malformed_sidecar_is_an_error_naming_the_sidecar(tmp_path, sidecar, reason):
    (tmp_path / "e.txt").write_text(ARTICLE)
    (tmp_path / "e.txt.json").write_text(sidecar)
    with pytest.raises(IngestError, match=reason):
        read_file(tmp_path / "e.txt")


def test_malformed_front_matter_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "f.md").write_text("---\ntitle: [unclosed\n---\n" + ARTICLE)
    with pytest.raises(IngestError, match="f.md: malformed front matter"):
        read_file(tmp_path / "f.md")


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "get_settings", lambda: Settings(max_document_bytes=5_000_000))
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(7_200_000)  # sparse: no real bytes written; reading it would find NULs, not the size
    with pytest.raises(IngestError, match=r"^big.txt: file is 7.2 MB, over the 5.0 MB limit$"):
        read_file(path)


def test_a_small_configured_limit_applies(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "get_settings", lambda: Settings(max_document_bytes=1000))
    path = tmp_path / "mid.txt"
    path.write_text("word " * 400)
    with pytest.raises(IngestError, match="mid.txt: file is 2 KB, over the 1 KB limit"):
        read_file(path)


def test_a_saved_html_page_is_extracted_with_sidecar_metadata(tmp_path):
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "p.html.json").write_text(json.dumps({"url": "https://port.example/quay", "outlet": "Port News"}))
    doc = read_file(tmp_path / "p.html")
    assert doc.text.startswith("Quay opens\n") and "The new quay in Lindenport" in doc.text
    assert (doc.title, doc.outlet, doc.url) == ("Quay opens", "Port News", "https://port.example/quay")
    assert doc.origin == str(tmp_path / "p.html")


def test_directories_expand_to_article_files_only_sorted_and_files_are_kept_as_given(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in (
        "z.md",
        "a.txt",
        "a.json",
        "a.txt.json",
        "sub/b.html",
        "sub/c.HTM",
        ".hidden.txt",
        ".git/d.txt",
        "notes.pdf",
    ):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])] == [
        "a.txt",
        "sub/b.html",
        "sub/c.HTM",
        "z.md",
    ]
    assert iter_paths([tmp_path / "notes.pdf"]) == [tmp_path / "notes.pdf"]


def test_metadata_holding_half_a_utf16_pair_is_refused_naming_the_key(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Maria Lindqvist said on Monday that the quay would reopen.\n", encoding="utf-8")
    (tmp_path / "a.txt.json").write_text('{"title": "Quay \\ud851 reopens"}', encoding="utf-8")
    with pytest.raises(IngestError, match=r"^a\.txt\.json: title has a broken character"):
        read_file(article)
    front = tmp_path / "b.md"
    front.write_text('---\nauthor: "A \\uD851"\n---\nMaria Lindqvist said on Monday that it reopens.\n', "utf-8")
    with pytest.raises(IngestError, match=r"^b\.md front matter: author has a broken character"):
        read_file(front)
