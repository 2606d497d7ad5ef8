"""The summary a briefing opens with: 3-5 storylines, one short cited line each, readable in ten seconds.

Storylines are ranked by recency (halving every `half_life_days`), by how many
independent outlets carried their news (their own reports and other articles retelling it, `brief/support`), by
how central the topic is to them (it acts or speaks, or its name is in an article's headline or lede), by whether
an article opens on them where `summary_opening_weight` says so (news is written lead-first; off by default, see
`Tuning`) and a little extra for a dispute (readers want to know what is contested); the weights are `Tuning`'s, the same as the
details'. One development gets one line: a storyline retelling, within days, one already shown is left out. Each line is the best
candidate of its storyline (`knowledge.brief.bodies`: a whole source sentence, or a "Speaker says …" frame around
a complete clause, "…; X denies it" for a claim and its rebuttal), then "(3 outlets, 1 original, 14 Mar)". Every
line passes the well-formedness check and the grounding check; a storyline none of whose candidates passes is left
out, never shown as a fragment, and the next one takes its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from rapidfuzz import fuzz

from knowledge.brief.bodies import LINE_BODY, Candidate, candidates, short_speaker, shortlist
from knowledge.brief.event_dates import head_day
from knowledge.brief.grounding import Speech, problems
from knowledge.brief.model import SummaryLine
from knowledge.brief.ranking import coverage, recency
from knowledge.brief.redundancy import Rarity, redundancy, units
from knowledge.brief.storylines import Member, Storyline, content_words
from knowledge.brief.support import Echoes
from knowledge.text.wellformed import form_problems
from knowledge.tuning import tuning

MIN_LINES = 3  # fewer only when fewer storylines exist or fit (lines and budget: Tuning.summary_*)
SAME_LINE = 85  # two lines this alike say the same thing; the lower-ranked one is left out
__all__ = ["LINE_BODY", "check", "line_for", "rank", "short_speaker", "span_label", "summarize"]


def _speeches(members: list[Member], people: dict[str, str]) -> list[Speech]:
    return [
        Speech(tuple(n for n in (m.speaker_name, people.get(m.speaker or "")) if n), m.stance or "assert", m.negated)
        for m in members
        if m.kind == "claim"
    ]


def span_label(first: date | None, last: date | None, year: int | None, precision: str = "day") -> str:
    """Dates like "14 Mar", "22–24 Jun", "14 Mar–2 Jul"; the year only when it is not the summary's own year or
    the range crosses a year ("5 Aug 2024–23 May 2025");
    "2020" or "Feb 2025" when the latest date is only known to the year or month."""
    if not last:
        return ""
    if precision == "year":
        return str(last.year)
    if precision == "month":
        return last.strftime("%b %Y")
    first = first or last

    def day(d: date, with_year: bool) -> str:
        return f"{d.day} {d.strftime('%b')}" + (f" {d.year}" if with_year else "")

    # no summary year given: say it (JSON, digests); a range across a new year says both years
    last_year = year is None or last.year != year or first.year != last.year
    if first == last:
        return day(last, last_year)
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{day(last, last_year)}"
    return f"{day(first, first.year != last.year or (year is not None and first.year != year))}–{day(last, last_year)}"


def _headlined(s: Storyline, topic_words: set[str]) -> bool:
    """The topic is in the headline or the lede of an article the storyline comes from: what the story is."""
    for m in s.members:
        title = (m.citation.title or "").lower()
        lede = m.sentence is not None and m.sentence.index is not None and 0 <= m.sentence.index <= 1
        if any(w in title for w in topic_words) or (lede and topic_words.intersection(m.words)):
            return True
    return False


def opens_article(s: Storyline) -> bool:
    """A member of the storyline starts in its article's opening (the headline and the first sentence or two,
    `summary_opening_chars`): news is written lead-first, so that is what the article is about, where a point
    made in its tenth paragraph is a detail."""
    limit = tuning().summary_opening_chars
    return any(m.start < limit for m in s.members)


def rank(
    s: Storyline,
    newest: date | None,
    topic_words: set[str] = frozenset(),  # type: ignore[assignment]
    carried: int | None = None,
) -> float:
    """Recency (halving every `half_life_days`), independent outlets (`carried`: those that carry its news,
    `brief/support`; else its own), centrality of the topic (as actor or speaker, and in a headline or lede), an
    article's opening, a dispute, and further articles: one formula, weights from `Tuning`."""
    t = tuning()
    return float(
        recency(s.last, newest)
        + coverage(carried or s.independent)
        + s.central
        + (t.summary_lede_weight if topic_words and _headlined(s, topic_words) else 0.0)
        + (t.summary_opening_weight if opens_article(s) else 0.0)
        + (t.summary_dispute_weight if s.disputes else 0.0)
        + t.summary_documents_weight * min(len(s.documents) - 1, t.corroboration_cap - 1)
    )


def check(body: str, s: Storyline, people: dict[str, str], verbatim: bool = False) -> list[str]:
    """Why `body` may not stand for storyline `s` (empty: it may): its form (a sentence, or a frame around a
    clause), the grounding check against its cited spans and its claims' speakers and stances, and its length.
    A source's own sentence (`verbatim`) is checked against its spans only: it attributes as its source did."""
    found = [] if len(body) <= LINE_BODY else [f"longer than {LINE_BODY} characters"]
    found += form_problems(body)
    if verbatim:
        return found + problems(body, [c.quote for c in s.citations], attributions=False)
    claims_only = all(m.kind == "claim" for m in s.members)
    return found + problems(body, [c.quote for c in s.citations], _speeches(s.members, people), claims_only)


def tail_for(s: Storyline, year: int | None, own_day: date | None = None) -> str:
    """ "(3 outlets, 14 Mar)": the storyline's outlets and dates; `own_day`, the day the shown sentence itself
    gives its event, stands for the dates (a line reading "Today (January 17), …" is not dated 12 Jan because
    another report's words were resolved to that day)."""
    when = span_label(own_day, own_day, year) if own_day else span_label(*s.shown_dates(), year, s.precision)
    return ", ".join(p for p in (s.outlet_label(), when) if p)


def _own_day(c: Candidate) -> date | None:
    """The day a whole source sentence states for its own event (`event_dates.head_day`), if it states one."""
    if not c.verbatim or c.cite is None:
        return None
    return head_day(c.body, c.cite.published_at.date() if c.cite.published_at else None)


def line_for(s: Storyline, people: dict[str, str], topic_words: set[str], year: int | None) -> SummaryLine | None:
    """The storyline's best line that passes every check; None when none does (the storyline is left out)."""
    return _Pool(people, topic_words, year).line(s)


def _backing(s: Storyline, c: Candidate) -> Storyline:
    """The storyline citing what backs its line: a line giving one speaker's statement cites that speaker's
    reports and the events, not the other side's claim that its storyline also holds ("Seven & i says it will go
    on alone" citing Couche-Tard's complaint would send the reader to words the line does not give)."""
    if c.speaker is None:
        return s
    others = {
        (m.citation.document_id, m.citation.start, m.citation.end)
        for m in s.members
        if m.kind == "claim" and m.speaker != c.speaker
    }
    own = [x for x in s.citations if (x.document_id, x.start, x.end) not in others]
    if not own or len(own) == len(s.citations):
        return s
    view = Storyline(s.id, s.members, s.disputes)
    view.__dict__["citations"] = own
    return view


def _with_sentence(s: Storyline, c: Candidate) -> Storyline:
    """The storyline with the quoted sentence cited first (its members' own spans lie within it)."""
    assert c.cite is not None
    view = Storyline(s.id, s.members, s.disputes)
    view.__dict__["citations"] = [c.cite] + [
        x
        for x in s.citations
        if x.document_id != c.cite.document_id or not (c.cite.start <= x.start and x.end <= c.cite.end)
    ]
    return view


def make_line(s: Storyline, body: str, tail: str, origin: str, own_day: date | None = None) -> SummaryLine:
    return SummaryLine(
        text=f"{body} ({tail})" if tail else body,
        body=body,
        storyline_id=s.id,
        date_label=span_label(own_day, own_day, None) if own_day else span_label(*s.shown_dates(), None, s.precision),
        outlets=s.outlets,
        independent_outlets=s.independent,
        citations=s.citations,
        origin=origin,  # type: ignore[arg-type]
    )


def summarize(
    storylines: list[Storyline],
    people: dict[str, str],
    topic: str,
    budget: int | None = None,
    max_lines: int | None = None,
    attach: Callable[[list[Member]], None] | None = None,
) -> list[SummaryLine]:
    """The top storylines as lines, best first, within `budget` characters (never fewer than MIN_LINES that fit)."""
    budget = budget or tuning().summary_budget
    max_lines = max_lines or tuning().summary_lines
    newest = max((s.last for s in storylines if s.last), default=None)
    year = newest.year if newest else None
    topic_words = {w for w in re.findall(r"[\w']+", topic.lower()) if len(w) > 2}
    for name in people.values():
        if name.lower() == topic.lower() or topic.lower() in name.lower().split():
            topic_words |= {name.split()[-1].lower()}
    echoes = Echoes(storylines)
    score = {s.id: rank(s, newest, topic_words, len(echoes.sources(s))) for s in storylines}
    ranked = sorted(storylines, key=lambda s: (-score[s.id], s.id))
    if attach is not None:  # one read for the storylines likely to get a line; later ones read as they come
        attach([m for s in ranked[: max_lines * 2] for m in shortlist(s, topic_words) if m.sentence is None])
    return _choose(ranked, score, _Pool(people, topic_words, year, attach), echoes, topic, (budget, max_lines))


class _Pool:
    """Each storyline's candidate lines, built once and only when asked for, and each candidate's verdict of the
    checks, given once: the summary asks for a storyline's line again as the lines chosen change."""

    def __init__(
        self,
        people: dict[str, str],
        topic_words: set[str],
        year: int | None,
        attach: Callable[[list[Member]], None] | None = None,
    ) -> None:
        self.people, self.topic_words, self.year, self.attach = people, topic_words, year, attach
        self.found: dict[str, list[Candidate]] = {}
        self.passes: dict[tuple[str, str], bool] = {}

    def line(self, s: Storyline, cost: Callable[[str], float] | None = None) -> SummaryLine | None:
        """The candidate that passes every check with the best score less its `cost` (what the lines already
        chosen told of it); without one, the best that passes."""
        if s.id not in self.found:
            if self.attach is not None:
                self.attach([m for m in shortlist(s, self.topic_words) if m.sentence is None])  # only lines built
            self.found[s.id] = candidates(s, self.people, self.topic_words)
        best: tuple[float, Candidate, Storyline] | None = None
        for c in self.found[s.id]:
            if best is not None and c.score <= best[0]:
                break  # a cost only lowers a score: nothing further down can win
            cited = s if c.cite is None else _with_sentence(s, c)
            key = (s.id, c.body)
            if key not in self.passes:
                self.passes[key] = not check(c.body, cited, self.people, c.verbatim)
            if not self.passes[key]:
                continue
            gain = c.score - (cost(c.body) if cost else 0.0)
            if best is None or gain > best[0]:
                best = (gain, c, cited)
        if best is None:
            return None
        _, c, cited = best
        own = _own_day(c)
        return make_line(_backing(cited, c), c.body, tail_for(s, self.year, own), "extractive", own)


def _close(a: Storyline, b: Storyline) -> bool:
    """The two storylines' dates come within `summary_redundancy_days` of each other (undated: close)."""
    if not (a.first and a.last and b.first and b.last):
        return True
    days = tuning().summary_redundancy_days
    return (a.first - b.last).days <= days and (b.first - a.last).days <= days


def _choose(
    ranked: list[Storyline], score: dict[str, float], pool: _Pool, echoes: Echoes, topic: str, room: tuple[int, int]
) -> list[SummaryLine]:
    """Lines in order of maximal marginal relevance: at each step the storyline whose rank, less
    `summary_redundancy_weight` times its line's overlap with the most similar line chosen for days near its own
    (`redundancy`, `_close`), is highest. A storyline from an article that already gave `summary_lines_per_article` lines waits until no other
    story wants the place; one retelling a shown development, or whose line says what a chosen one says, is left
    out. Overlap only lowers a rank, so the ranked list is read only as far as a rank can still win."""
    t = tuning()
    budget, max_lines = room
    topic_units = content_words(" ".join([topic, *sorted(pool.topic_words)]))
    rarity = Rarity.of([m for s in ranked for m in s.members])
    out: list[SummaryLine] = []
    told: list[frozenset[str]] = []
    shown: list[Storyline] = []
    per_article: dict[str, int] = {}
    remaining = list(ranked)
    used = 0

    def near(s: Storyline) -> list[frozenset[str]]:
        """What the chosen lines of `s`'s days told: a development and the next one in the same words ("voted to
        reject the offer", weeks later "voted to accept the offer") are two things, as `Echoes.repeats` holds."""
        return [units_ for units_, c in zip(told, shown, strict=True) if _close(s, c)]

    def cost(weight: float, s: Storyline) -> Callable[[str], float]:
        close = near(s)
        return lambda body: weight * redundancy(units(body, topic_units), close, rarity)

    for waited in (False, True):  # first every story's place, then the places no other story wants
        while len(out) < max_lines:
            best: tuple[float, Storyline, SummaryLine, frozenset[str]] | None = None
            for s in list(remaining):
                if best is not None and score[s.id] <= best[0]:
                    break  # overlap only lowers a rank: nothing further down can win
                only = s.documents[0] if len(s.documents) == 1 else None
                if not waited and only and per_article.get(only, 0) >= t.summary_lines_per_article:
                    continue  # one article's several points must not crowd out the other stories
                line = None if echoes.repeats(s, shown) else pool.line(s, cost(t.line_redundancy_weight, s))
                if line is None or any(fuzz.token_set_ratio(line.body, o.body) >= SAME_LINE for o in out):
                    remaining.remove(s)
                    continue
                found = units(line.body, topic_units)
                gain = score[s.id] - t.summary_redundancy_weight * redundancy(found, near(s), rarity)
                if best is None or gain > best[0]:
                    best = (gain, s, line, found)
            if best is None:
                break
            _, s, line, found = best
            remaining.remove(s)
            if used + len(line.text) > budget:
                if len(out) >= MIN_LINES:
                    return out
                continue
            out.append(line)
            told.append(found)
            shown.append(s)
            used += len(line.text)
            if len(s.documents) == 1:
                per_article[s.documents[0]] = per_article.get(s.documents[0], 0) + 1
    return out
