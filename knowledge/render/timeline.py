"""A topic's coverage over time: articles per day for each storyline of its briefing, and the days of disputes.

Drawn with matplotlib's object API on the Agg canvas (no pyplot state, so threads can draw at once; no display,
no downloads: the fonts ship with matplotlib) as PNG for Slack's image block and `briefbot chart`, and as SVG
for the topic page. Output is deterministic (no timestamps, fixed SVG ids), so the same briefing gives the same
bytes. A storyline's articles are the documents its summary line cites, each counted once, on its publish date.
"""

from __future__ import annotations

import io
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from knowledge.brief.model import Briefing, ClaimLine

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The colours of the chart and of the topic page's swatches (templates/viewer.css), storyline by storyline.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
LABEL_CHARS = 70
_DRAWING = threading.Lock()  # matplotlib's font and rc state is shared: one chart is drawn at a time


@dataclass(frozen=True)
class Series:
    label: str
    per_day: dict[date, int]
    index: int = 0  # the storyline's place in the summary: its colour here and on the topic page


@dataclass(frozen=True)
class Timeline:
    topic: str
    series: list[Series] = field(default_factory=list)
    disputes: list[date] = field(default_factory=list)
    undated: int = 0  # cited articles with no publish date, which no day can show

    @property
    def days(self) -> list[date]:
        return sorted({d for s in self.series for d in s.per_day} | set(self.disputes))


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _said_on(line: ClaimLine) -> date | None:
    if line.date:
        return line.date
    dated = sorted(c.published_at.date() for c in line.citations if c.published_at)
    return dated[0] if dated else None


def timeline(b: Briefing) -> Timeline:
    """The briefing's storylines (its summary lines, best first) as articles per day, and its disputes' dates
    (the day of the denial, or of the claim when the denial has no date)."""
    series, undated = [], 0
    for n, line in enumerate(b.summary):
        published = {c.document_id: c.published_at for c in line.citations}
        undated += sum(1 for p in published.values() if p is None)
        per_day = Counter(p.date() for p in published.values() if p is not None)
        if per_day:
            series.append(Series(_short(line.body or line.text), dict(sorted(per_day.items())), n))
    disputes = sorted({d for p in b.disputes if (d := _said_on(p.denial) or _said_on(p.claim))})
    return Timeline(b.topic, series, disputes, undated)


def _figure(t: Timeline) -> Figure:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = max(1, len(t.series)) + (1 if t.disputes else 0)
    fig = Figure(figsize=(8, 3.2 + 0.28 * rows), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    days = t.days
    span = (days[-1] - days[0]).days if days else 0
    width = max(0.8, span / 90)  # a day's bar stays visible on a chart of several months
    bottom = dict.fromkeys(days, 0)
    for s in t.series:
        xs = sorted(s.per_day)
        ax.bar(
            [float(date2num(d)) for d in xs],
            [s.per_day[d] for d in xs],
            width=width,
            bottom=[bottom[d] for d in xs],
            color=PALETTE[s.index % len(PALETTE)],
            label=s.label,
        )
        for d in xs:
            bottom[d] += s.per_day[d]
    for n, d in enumerate(t.disputes):
        ax.axvline(
            float(date2num(d)), color="#222222", linestyle="--", linewidth=1, label="dispute" if n == 0 else None
        )
    if days:
        ax.set_xlim(float(date2num(days[0] - timedelta(days=1))), float(date2num(days[-1] + timedelta(days=1))))
    locator = AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("articles per day")
    ax.set_title(f"Coverage: {_short(t.topic, 80)}", loc="left", fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    if not t.series:
        ax.text(0.5, 0.5, "no dated articles", transform=ax.transAxes, ha="center", va="center", color="#666666")
    else:
        fig.legend(loc="outside lower left", fontsize=8, frameon=False, ncols=1)
    return fig


def chart_png(t: Timeline) -> bytes:
    buf = io.BytesIO()
    with _DRAWING:
        _figure(t).savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def chart_svg(t: Timeline) -> bytes:
    import matplotlib

    buf = io.BytesIO()
    with _DRAWING, matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "briefbot"}):
        _figure(t).savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
