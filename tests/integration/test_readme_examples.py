"""What the README shows a command printing is what it prints: the summary example is checked against
`briefbot brief kellogg` on the demo corpus, so a change to the summary that leaves the README behind fails here."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import (
    app,
    commands,  # noqa: F401  (registers the commands)
)

README = Path(__file__).resolve().parents[2] / "README.md"


def summary_example() -> list[str]:
    """The bullet lines of the README's first plain fenced block that starts with a bullet, each wrapped line
    joined back onto its bullet."""
    blocks: list[list[str]] = []
    inside = False
    for raw in README.read_text(encoding="utf-8").splitlines():
        if raw.startswith("```"):
            inside = not inside
            if inside:
                blocks.append([])
        elif inside:
            blocks[-1].append(raw)
    block = next(b for b in blocks if b and b[0].startswith("• "))
    lines: list[str] = []
    for raw in block:
        if raw.startswith("• "):
            lines.append(raw)
        elif raw.startswith("  ") and lines:
            lines[-1] += " " + raw.strip()
    return lines


def test_every_summary_line_the_readme_shows_is_printed_by_brief_kellogg_on_the_demo(demo_db, tmp_path):
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    result = CliRunner().invoke(app, ["--db", str(db), "brief", "kellogg"], catch_exceptions=False)
    assert result.exit_code == 0
    printed = {line.strip() for line in result.output.splitlines()}
    shown = summary_example()
    assert shown, "the README shows no summary example"
    for line in shown:
        assert line in printed, f"README shows a line `briefbot brief kellogg` does not print: {line}"
