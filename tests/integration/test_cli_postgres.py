"""The issue's acceptance path, on a throwaway PostgreSQL and with the project's own articles: ingesting twice
stores each once, `brief --format json` works, and every citation re-verifies against `briefbot doc`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from bot.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)
from knowledge.demo import demo_files
from knowledge.store import Store


def citations(node):
    if isinstance(node, dict):
        if {"document_id", "start", "end", "quote"} <= node.keys():
            yield node
        for value in node.values():
            yield from citations(value)
    elif isinstance(node, list):
        for value in node:
            yield from citations(value)


def test_ingesting_twice_stores_once_and_every_citation_reverifies_with_briefbot_doc(pg_url, tmp_path):
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(app, ["--db", pg_url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    files = [str(p) for p in demo_files() if "Kellogg" in p.read_text(encoding="utf-8")][:4]
    assert len(files) >= 2
    run("ingest", *files)
    second = run("ingest", *files)
    assert f"{len(files)} already stored" in " ".join(second.split())
    with Store.open(pg_url) as store:
        assert store.db.table("documents").count == len(files)
    briefing = json.loads(run("brief", "kellogg", "--format", "json"))
    cited = list(citations(briefing))
    assert briefing["kind"] == "briefing" and len(cited) >= 5
    texts: dict[str, str] = {}
    for c in cited:
        if c["document_id"] not in texts:
            texts[c["document_id"]] = runner.invoke(app, ["--db", pg_url, "doc", c["document_id"]]).stdout
        assert texts[c["document_id"]][c["start"] : c["end"]] == c["quote"], c
