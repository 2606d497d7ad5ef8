"""The thresholds and weights that decide what a briefing shows, in one place, as data.

Each value was chosen by measurement (PolNeAR CV for extraction, the demo and test corpora for briefings): change
one only with a figure to show for it. Defaults live here; `BRIEFBOT_TUNING_<NAME>` environment variables override
them for a deployment, and `tuned(...)` for the duration of a test. Values that shape stored data (MinHash
shingle size, permutations and bands: every stored band key depends on them) are not tuning and stay constants in
`knowledge.text.dedup`; protocol timings of the workspace (leases, poll intervals) stay beside their protocol.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict


class Tuning(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_TUNING_", frozen=True, extra="forbid")

    # Topic resolution (brief/topic): fuzzy score (0-100) a candidate needs, and the margin within which two
    # different candidates count as equally likely, so the user is asked.
    topic_min_score: float = 80
    topic_close: float = 8
    # Composition (brief/compose).
    same_claim: float = 82  # token-set similarity above which two reports are the same claim
    same_matter: float = 55  # ... and above which two claims belong to one matter
    half_life_days: float = 30  # recency weight halves every this many days before the newest item ...
    undated_age_days: float = 365  # ... and an undated item counts as this old
    corroboration_weight: float = 0.4  # rank added per independent outlet beyond the first ...
    corroboration_cap: int = 4  # ... counting at most this many
    speaker_relevance: float = 1.0  # rank weight of a claim the topic made ...
    about_relevance: float = 0.6  # ... and of one made about it
    # Centrality in the summary (brief/members.centrality): the topic acts or speaks (speaker_relevance), a claim
    # is about it, or it is only among the entities. The sections above weigh a claim about the topic at
    # about_relevance; the summary at summary_about_relevance: two measured values, kept apart, not unified here.
    summary_about_relevance: float = 0.8
    bystander_relevance: float = 0.6
    rows_per_source: int = 80  # newest rows read per source of lines; far more than a screen, bounded for speed
    # Summary (brief/outline, brief/storylines, brief/summary): rows of each kind grouped into storylines, taken in
    # turn from the newest articles (each article's rows in text order) so that one article's many rows do not
    # fill them (the cost of a summary grows with them), lines and characters of a summary, and the similarity
    # and days within which two reports are one storyline.
    summary_rows: int = 16
    summary_lines: int = 5
    summary_budget: int = 1200
    storyline_same_words: float = 82
    storyline_window_days: int = 4
    # The same news in other words (brief/same_news): two articles' reports of one development join when their
    # shared words carry this share of the shorter one's weight (rarer words weigh more), with at least
    # `same_news_min_shared` words shared and `same_news_min_words` words in each.
    same_news_share: float = 0.35
    same_news_min_shared: int = 5
    same_news_min_words: int = 6
    # ... and a report elsewhere whose shared words carry this share echoes it: the summary counts its outlet as
    # carrying the storyline, and gives no second line to a storyline echoing one already shown (brief/support).
    echo_share: float = 0.5
    # Days two reports' dates of one event may differ when one was resolved from relative words ("yesterday" read
    # against a publish date a day off); two stated calendar days that differ are two events (brief/event_dates).
    event_date_slack_days: int = 1
    # Summary ranking beyond the shared recency / corroboration weights above: the topic in a headline or lede, a
    # dispute, each further article (up to corroboration_cap), and lines one article may give the summary.
    summary_lede_weight: float = 0.5
    summary_dispute_weight: float = 0.3
    summary_documents_weight: float = 0.15
    # News is written lead-first: a storyline told in an article's opening (a member starting within
    # `summary_opening_chars` of the article's start: its headline and first sentence or two) may rank
    # `summary_opening_weight` above one told only further down (brief/summary). Off: at 0.5 the summaries led with
    # the articles' news, but annotated facts fell 73 -> 69 of 241 on the five real-news sets and PolNeAR summary
    # lines citing no attribution rose 20 -> 26 of 95 (long ledes, decks); benchmarks/README, seventh session.
    summary_opening_weight: float = 0.0
    summary_opening_chars: int = 400
    # Which line of a storyline (brief/bodies): the topic named in it, an event opening on a pronoun, a claim
    # whose cue is no speech verb, the lede (half for the sentence after it), other articles echoing it, the cost
    # of every 100 characters, and the source's own sentence over a frame of ours.
    line_topic_weight: float = 2.0
    line_pronoun_cost: float = 1.0
    line_not_speech_cost: float = 1.5
    line_lede_weight: float = 1.0
    line_echo_weight: float = 0.3
    line_length_cost: float = 1.0
    line_own_sentence_weight: float = 0.2
    # "…; X denies it" for a claim and its rebuttal scores this (brief/bodies), above any lede (the best lede scores
    # about 4-5): an exchange is what a reader most needs of its storyline. At 3.0 (or the claim's own score plus
    # 1.0) one line of six real-news sets changed, an exchange giving way to the rebuttal's lede alone.
    line_dispute_score: float = 10.0
    line_teaser_words: int = 12  # a sentence this short that reports nothing is a teaser (brief/bodies.is_teaser)
    summary_lines_per_article: int = 1  # until every other storyline has been offered its place
    # Maximal marginal relevance (brief/summary, brief/redundancy): a storyline's rank less this much times the
    # share of its line's content (rarer words weigh more) that the most similar chosen line already told, so a
    # second telling of a shown event gives way to the next different thing. 0: rank order alone.
    summary_redundancy_weight: float = 2.0
    # ... and among one storyline's candidate lines, a line's score less this much times that share (brief/bodies'
    # scores: the topic named 2.0, the lede 1.0): the storyline's point not yet told.
    line_redundancy_weight: float = 2.0
    # ... counting only lines of storylines within this many days of each other. At 4 (storyline_window_days, as
    # Echoes.repeats: "rejected the offer" and weeks later "accepted the offer" are two things) Boeing kept its
    # strike's start and end, but the seeds' kellogg summary lost Russia's ban from the talks and the six real-news
    # sets 4 facts (88 -> 84 of 279); off (36500) until a measure tells developments apart better.
    summary_redundancy_days: int = 36500
    # Extraction.
    dispute_threshold: float = 0.7  # dispute score above which a denial is paired with a claim (extract/disputes)
    # Same proposition (extract/disputes): content words a denial and a claim must share, with this share of the
    # shorter one's words (one word more across articles); 2 words at 0.2 suffice when both are about the same people.
    proposition_words: int = 3
    proposition_overlap: float = 0.3
    # A statement that is no denial but says categorically that something is not so ("there was never any talk of
    # mediation") answers a claim in its article of a party it speaks of when its negating sentences share this many
    # of the claim's content words (and proposition_overlap of the shorter one's): extract/counters.
    counter_words: int = 2
    # characters either side of a speaker's words in which the text may say whom the speaker acts for ("an attorney
    # representing the company", "A lawyer for the tech company, Ed Marsh"): extract/sides.
    side_reach_chars: int = 80
    speaker_search_sentences: int = 6  # a pronoun further than this from any compatible person stays as written
    # "the company", "the union": how far back (in sentences) the walk over main-clause subjects looks for the
    # organisation a description continues; longer than for a pronoun, since a description names its kind.
    org_description_search_sentences: int = 30
    # "The company said" with no organisation of its kind as an earlier subject: the article's own organisation of
    # that kind, when the body names it at least this many times and this many times as often as any other that
    # fits (speakers/organisations); a story about one company calls it "the company" throughout.
    org_topic_min_mentions: int = 3
    org_topic_ratio: float = 2.0
    # "Last year, the Acme founder sued": a description of a person the text names for no such role continues the
    # one person named within this many sentences before it (and earlier in its own), else stays as written.
    epithet_search_sentences: int = 1
    # "Acme said X. The spokesperson added Y": an unnamed spokesperson speaks for the organisation whose claim comes
    # last before it within this many sentences (its own counts as 0), else stays as written (speakers/agents).
    spokesperson_search_sentences: int = 1
    entity_fuzzy: float = 90  # transliteration-key similarity that joins a name to a known entity (extract/resolve)
    # Near-duplicates (text/dedup): share of the smaller text found in the other, and the Jaccard floor.
    near_duplicate: float = 0.8
    min_jaccard: float = 0.5
    # Wire copies (ingest/copies): share of the shorter story's 4-shingles inside the longer, with at least this many
    # shingles in common; under one headline within `copy_headline_days`, this many shared shingles suffice.
    # Measured on the real-news set: annotated copies 0.45-1.0, unrelated articles on one event at most 0.33.
    copy_contained: float = 0.45
    copy_min_shared: int = 30
    copy_headline_shared: int = 10
    copy_headline_days: float = 2
    copy_window: int = 6  # winnowing window of the containment index (ingest/dedup): shared runs of 9+ words meet
    # A copy's own part (text/own_part): a run of this many words the original does not hold is extracted from the
    # copy (a sentence or more); shorter runs are a repeated sentence's edits.
    own_part_min_words: int = 8
    syndication_head: int = 400  # characters at an article's head where a syndicator's "(MENAFN- Outlet)" credit stands


_current: Tuning | None = None


def tuning() -> Tuning:
    """The values in force (read once from the environment, then kept)."""
    global _current
    if _current is None:
        _current = Tuning()
    return _current


@contextmanager
def tuned(**changes: Any) -> Iterator[Tuning]:
    """Other values for the duration of a `with` block (tests); the previous ones come back after it."""
    global _current
    before = tuning()
    _current = Tuning.model_validate({**before.model_dump(), **changes})
    try:
        yield _current
    finally:
        _current = before
