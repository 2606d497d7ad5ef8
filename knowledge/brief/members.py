"""Event and claim rows as storyline members: the stored fields grouping and summary lines are built from.

A member's date is when it happened where the text says so to the day, else when it was reported; its
centrality says how much it is about the topic (the topic acts or speaks: 1.0; it is talked about: 0.8).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from knowledge.brief.event_dates import stated
from knowledge.brief.model import CitationRef
from knowledge.brief.query import FUNCTION_WORDS
from knowledge.brief.sentences import lede_sentences, sentence_around
from knowledge.brief.storylines import Member
from knowledge.store import Store
from knowledge.store.documents import text_windows
from knowledge.tuning import tuning

BEFORE, AFTER = 400, 300  # characters of stored text read around a member to find its whole sentence
_GOING_ON = re.compile(r"\b(?:saying|stating|adding|arguing|insisting|explaining|writing)(?:\s+that)?\s*$", re.I)


def centrality(acts: bool, about: bool = False) -> float:
    """How central the topic is to an event or claim: it acts or speaks, a claim is about it, or it is only there."""
    t = tuning()
    return t.speaker_relevance if acts else t.summary_about_relevance if about else t.bystander_relevance


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _ids(value: str | None) -> frozenset[str]:
    return frozenset((value or "").split("|")) - {""}


def event_member(row: dict[str, Any], cite: CitationRef, topic_id: str | None, copies: dict[str, list[str]]) -> Member:
    actors = _ids(row.get("actor_ids"))
    precision = row.get("date_precision") or "unknown"
    when = _day(row["date_start"]) if precision in ("day", "week", "month", "year") else None
    return Member(
        key=f"e:{row['id']}",
        kind="event",
        text=cite.quote,
        document_id=row["document_id"],
        source_id=row.get("source_id") or row["document_id"],
        outlet=row.get("outlet") or "unknown outlet",
        start=row["start"],
        end=row["end"],
        when=when or _day(row.get("published_at")),
        published=_day(row.get("published_at")),
        citation=cite,
        entities=actors,
        trigger=row.get("trigger"),
        central=centrality(bool(topic_id and topic_id in actors)),
        copies=tuple(copies.get(row["document_id"], [])),
        precision=precision if when else "reported",
        stated=stated(row.get("date_text"), precision, bool(row.get("date_unresolved"))),
        fields={"place": row.get("place_text")},
    )


def claim_member(
    row: dict[str, Any], cite: CitationRef, spoken: str, topic_id: str | None, copies: dict[str, list[str]]
) -> Member:
    about = _ids(row.get("about_ids"))
    stance, lemma = row.get("stance"), row.get("cue_lemma")
    if stance == "deny" and _GOING_ON.search(row.get("lead") or ""):
        # "rejected that account, saying that his remarks were twisted": the words after "saying" are what the
        # speaker asserts, not what they deny; a line must not read "Kellogg denies his remarks were twisted".
        stance, lemma = "assert", "say"
    speaker = row.get("speaker_entity_id") or (row.get("speaker_name") or "").lower() or None
    central = centrality(
        bool(topic_id and row.get("speaker_entity_id") == topic_id), bool(topic_id and topic_id in about)
    )
    return Member(
        key=f"c:{row['id']}",
        kind="claim",
        text=spoken,
        document_id=row["document_id"],
        source_id=row.get("source_id") or row["document_id"],
        outlet=row.get("outlet") or "unknown outlet",
        start=row["start"],
        end=row["end"],
        when=_day(row.get("sort_date")) or _day(row.get("published_at")),
        published=_day(row.get("published_at")),
        citation=cite,
        entities=about | ({row["speaker_entity_id"]} if row.get("speaker_entity_id") else set()),
        speaker=speaker,
        speaker_name=row.get("speaker_name") or row.get("speaker"),
        stance=stance,
        negated=bool(row.get("negated")),
        central=central,
        copies=tuple(copies.get(row["document_id"], [])),
        fields={
            "speaker_text": row.get("speaker"),
            "cue": row.get("cue"),
            "cue_lemma": lemma,
            "kind": row.get("kind"),
            "via": row.get("via"),
        },
    )


def attach_sentences(store: Store, members: list[Member]) -> None:
    """Give each member the whole sentence it was found in, and its place in the article (0: the lede), read in
    one statement as windows of stored text; a member whose sentence cannot be told (a quote over several
    sentences) keeps none and is summarized by its own words."""
    if not members:
        return
    spans = [(m.document_id, max(0, m.start - BEFORE), m.end + AFTER) for m in members]
    for m, (_, start, end), window in zip(members, spans, text_windows(store, spans), strict=True):
        if not window:
            continue
        sentence = sentence_around(window, start, m.start, m.end, m.citation.title)
        whole = len(window) < end - start  # the window reached the end of the article
        if sentence and (whole or sentence.end - start < len(window.rstrip())):
            m.sentence = sentence


LEDE_CHARS = 600  # of an article's start read for its lede (title line, first two sentences)
LEDE_LINE_CHARS = 400  # read past it to finish the line it cuts: furniture is told by whole lines (a caption)
LEDE_SENTENCES = 2


def lede_window(read: str) -> tuple[str, bool]:
    """An article's start as read for its lede (`read`: its first LEDE_CHARS + LEDE_LINE_CHARS characters), cut
    where the line at LEDE_CHARS ends, and whether its last sentence is whole. Page furniture is told by whole
    lines: a window ending inside a caption would leave the standfirst above it taken for the lede."""
    line_end = read.find("\n", LEDE_CHARS)
    if line_end >= 0:  # a line's end is a sentence's end
        return read[:line_end], True
    if len(read) < LEDE_CHARS + LEDE_LINE_CHARS:
        return read, True  # the article ends inside the read
    return read[:LEDE_CHARS], False  # one line runs on past the read: its sentence may be cut


def topic_words(name: str) -> set[str]:
    """The words that name the topic in a sentence ("keith", "kellogg"), lowercased."""
    return {w.lower() for w in name.replace("’", "'").split() if len(w) > 2 and w.lower() not in FUNCTION_WORDS}


def lede_members(
    store: Store, rows: list[dict[str, Any]], topic: str, topic_id: str | None, copies: dict[str, list[str]]
) -> list[Member]:
    """The first sentences of the briefing's newest articles that name the topic, as members: news is written
    lead-first, so an article's lede is its own summary of the story ("Moscow has shut the door on Keith
    Kellogg, …") even where extraction found no event or claim in it. At most `summary_rows` articles."""
    words = topic_words(topic)
    docs: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r.get("published_at") or "", reverse=True):
        docs.setdefault(row["document_id"], row)
    chosen = list(docs.values())[: tuning().summary_rows]
    windows = text_windows(store, [(r["document_id"], 0, LEDE_CHARS + LEDE_LINE_CHARS) for r in chosen])
    out: list[Member] = []
    for row, read in zip(chosen, windows, strict=True):
        if not read:
            continue
        window, whole = lede_window(read)
        for sentence in lede_sentences(window, row.get("title"), most=LEDE_SENTENCES + 1, whole=whole):
            if sentence.index is None or not 0 <= sentence.index < LEDE_SENTENCES:
                continue
            if not words & {w.strip(".,’'s").lower() for w in sentence.text.split()}:
                continue
            cite = CitationRef(
                document_id=row["document_id"],
                start=sentence.start,
                end=sentence.end,
                quote=sentence.text,
                outlet=row.get("outlet"),
                source_id=row.get("source_id"),
                url=row.get("url") or None,
                title=row.get("title"),
                published_at=datetime.fromisoformat(row["published_at"]) if row.get("published_at") else None,
            )
            published = _day(row.get("published_at"))
            out.append(
                Member(
                    key=f"l:{row['document_id']}:{sentence.start}",
                    kind="event",
                    text=sentence.text,
                    document_id=row["document_id"],
                    source_id=row.get("source_id") or row["document_id"],
                    outlet=row.get("outlet") or "unknown outlet",
                    start=sentence.start,
                    end=sentence.end,
                    when=published,
                    published=published,
                    citation=cite,
                    entities=frozenset({topic_id}) if topic_id else frozenset(),
                    central=1.0,
                    copies=tuple(copies.get(row["document_id"], [])),
                    precision="reported",
                    sentence=sentence,
                )
            )
    return out
