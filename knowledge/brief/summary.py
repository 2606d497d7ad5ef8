"""The summary a briefing opens with: 3-5 storylines, one short cited line each, readable in ten seconds.

Storylines are ranked by recency, by how many independent outlets reported them and by how central the topic is
to them (a dispute counts a little extra: readers want to know what is contested). Each line is built from the
stored fields, not copied from one quote: the speaker's short name, a verb for the claim's stance, the claim's
words compressed by deletion ("Lukashenko says Kellogg agreed to ...; Kellogg denies it"), or an event's sentence
compressed the same way, then "(3 outlets, 1 original, 14 Mar)". Every line passes the grounding check; one that
fails becomes the verbatim span with its speaker, which is always true to the source.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from knowledge.brief.compress import compress
from knowledge.brief.grounding import Speech, problems
from knowledge.brief.labels import stance_label
from knowledge.brief.model import SummaryLine
from knowledge.brief.query import FUNCTION_WORDS
from knowledge.brief.storylines import Member, Storyline
from knowledge.tuning import tuning

MIN_LINES = 3  # fewer only when fewer storylines exist or fit (lines and budget: Tuning.summary_*)
LINE_BODY = 190  # characters of one line before its "(outlets, date)" tail
HALF_LIFE_DAYS = 30
CANDIDATES = 4  # members of a storyline whose compressed lines are tried
SAME_LINE = 85  # two lines this alike say the same thing; the lower-ranked one is left out
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "its", "his", "their"}
# A verb for each stance; the cue's own verb where it is a plain speech verb with the same meaning.
STANCE_VERB = {
    "deny": "denies",
    "speculate": "suggests",
    "forecast": "predicts",
    "report": "reports",
    "acknowledge": "acknowledges",
    "question": "asks",
    "no_comment": "declines to say",
}
SPEECH_LEMMAS = set(
    """say tell claim confirm insist argue write announce state add deny reject dismiss speculate suggest predict
    warn report according acknowledge admit concede accuse criticize criticise call urge demand question ask decline
    refuse note stress believe expect explain agree allege assert maintain reply respond post""".split()
)
CUE_VERB = {
    "assert": {
        "confirm": "confirms",
        "claim": "claims",
        "insist": "insists",
        "argue": "argues",
        "write": "writes",
        "allege": "alleges",
    },
    "deny": {"reject": "rejects"},
    "forecast": {"warn": "warns"},
    "speculate": {"speculate": "speculates"},
    "acknowledge": {"admit": "admits"},
    "support": {"support": "supports"},
}


def _short_speaker(m: Member, people: dict[str, str]) -> str:
    """The surname of a known person, else the stored speaker words without titles and asides."""
    name = people.get(m.speaker or "")
    if name:
        last = name.split()[-1]
        # Derek Field in a briefing on Marta Field: "Field says" would pin his words on her
        shared = any(other != name and other.split()[-1] == last for other in people.values())
        return name if shared else last
    said = m.fields.get("speaker_text") or m.speaker_name or "an unnamed source"
    text = compress(said, list(people.values()), max_chars=60)
    return text.split(",")[0].strip() or "an unnamed source"


_PREPOSITIONS = {"for", "against", "about", "on", "of", "to", "with"}
_PLURAL = {"say": "says", "deny": "denies", "suggest": "suggests", "predict": "predicts", "report": "reports"}


def _plural(speaker: str) -> bool:
    """ "Diplomats in the region", "Ukrainian officials": a lowercase head noun in -s (names are never plural)."""
    head = re.split(r"\s+(?:in|of|from|at|for|with|close|familiar)\s+", speaker, maxsplit=1)[0].split()
    return bool(head) and head[-1].islower() and head[-1].endswith("s") and not head[-1].endswith(("ss", "us"))


def _takes_object(m: Member, lemma: str) -> bool:
    """A cue that is not a speech verb and whose content is its object ("praised Marta Field for ...", "called the
    deal a chance"): "says" before that object makes a sentence that is neither English nor what was said."""
    if not lemma.isalpha() or lemma in SPEECH_LEMMAS or m.negated:
        return False
    first = m.text.lstrip(' “"').split(" ", 1)[0].lower()
    return first not in ("that", "whether", "if") and not m.text.lstrip().startswith(("“", '"'))


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _verb(m: Member, speaker: str = "") -> str:
    """The stance's verb (the cue's own where it is a plain speech verb), agreeing with the speaker, keeping the
    cue's preposition ("has argued for" -> "argues for")."""
    stance = m.stance or "assert"
    lemma = (m.fields.get("cue_lemma") or "").lower()
    verb = CUE_VERB.get(stance, {}).get(lemma) or STANCE_VERB.get(stance, "says")
    if _takes_object(m, lemma):
        verb = _third_person(lemma)  # "praised Field for ..." -> "praises Field for ...", never "says Field for"
    if _plural(speaker):
        first, _, rest = verb.partition(" ")
        base = next((b for b, third in _PLURAL.items() if third == first), None)
        base = base or (first[:-3] + "y" if first.endswith("ies") else first[:-1] if first.endswith("s") else first)
        verb = f"{base} {rest}".strip()
    cue = (m.fields.get("cue") or "").lower().split()
    last = cue[-1] if len(cue) > 1 else ""  # "has argued for", not "according to"
    if last in _PREPOSITIONS and cue[0] != "according" and not m.text.lower().startswith(last + " "):
        verb += " " + last
    return verb


def _spoken(m: Member, people: list[str]) -> str:
    """What was said, shortened: a direct quote keeps exact words (its shortest full piece), reported speech is
    compressed by deletion."""
    if m.fields.get("kind") in ("direct", "mixed") or "“" in m.text:
        pieces = [p.strip(' ,.“”"') for p in re.split(r"\s…\s|(?<=[.!?])\s+|[“”]", m.text)]
        pieces = [p for p in pieces if len(p.split()) >= 4] or [m.text.strip(" “”")]
        return f"“{min(pieces, key=len)}”"
    return compress(m.text, people)


def _claim_body(m: Member, people: dict[str, str]) -> str:
    spoken = _spoken(m, list(people.values()))
    first = spoken.split(" ", 1)[0]
    if first.lower() in FUNCTION_WORDS and first != "I" and (first[1:].islower() or len(first) == 1):
        spoken = spoken[:1].lower() + spoken[1:]  # "... say the meeting opened", not "say The meeting"
    joiner = ": " if spoken.startswith("“") else " "
    speaker = _short_speaker(m, people)
    if (m.fields.get("cue") or "").lower().startswith("according to") and not spoken.startswith("“"):
        return f"According to {speaker}, {spoken}"  # the source reports it; it is not their own statement
    return f"{speaker} {_verb(m, speaker)}{joiner}{spoken}"


def _event_body(m: Member, people: dict[str, str]) -> str:
    return compress(m.text, list(people.values()))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _score_body(body: str, m: Member, topic_words: set[str]) -> float:
    words = re.findall(r"[\w']+", body.lower())
    score = 2.0 if topic_words & set(words) else 0.0
    if m.kind == "event" and _PRONOUNS & set(words):
        score -= 3  # "Witkoff replaced him": who is "him"?
    lemma = (m.fields.get("cue_lemma") or "").lower()
    if m.kind == "claim" and lemma and lemma not in SPEECH_LEMMAS:
        score -= 3  # "Witkoff to discuss the ceasefire" is no statement of his
    return score + m.central - len(body) / 80


def _pre_score(m: Member, topic_words: set[str]) -> float:
    """`_score_body` before compressing, from the member's stored words: cheap enough for every member."""
    lemma = (m.fields.get("cue_lemma") or "").lower()
    bad_cue = m.kind == "claim" and lemma and lemma not in SPEECH_LEMMAS
    return (2.0 if topic_words.intersection(m.words) else 0.0) - (3 if bad_cue else 0) + m.central - len(m.text) / 80


def _bodies(s: Storyline, people: dict[str, str], topic_words: set[str]) -> list[str]:
    """Candidate bodies for one storyline, best first."""
    by_key = {m.key: m for m in s.members}
    out: list[tuple[float, str]] = []
    for n, (claim_key, denial_key) in enumerate(s.disputes):  # as the store ranks them: best pairing first
        claim, denial = by_key[claim_key], by_key[denial_key]
        speaker = _short_speaker(denial, people)
        body = f"{_claim_body(claim, people)}; {speaker} {_verb(denial, speaker)} it"
        out.append((10.0 - n / 100, body))
    # Compressing is the costly part: only the members that look best on their raw words are compressed.
    for m in sorted(s.members, key=lambda m: -_pre_score(m, topic_words))[:CANDIDATES]:
        body = _claim_body(m, people) if m.kind == "claim" else _event_body(m, people)
        out.append((_score_body(body, m, topic_words), body))
    out.sort(key=lambda t: -t[0])
    return [_capital(body) for _, body in out]


def _speeches(members: list[Member], people: dict[str, str]) -> list[Speech]:
    return [
        Speech(tuple(n for n in (m.speaker_name, people.get(m.speaker or "")) if n), m.stance or "assert", m.negated)
        for m in members
        if m.kind == "claim"
    ]


def _verbatim(m: Member, people: dict[str, str]) -> str:
    if m.kind == "event":
        return " ".join(m.citation.quote.split())
    label = stance_label(m.stance or "assert", m.negated)
    return f"{_short_speaker(m, people)} ({label}): “{' '.join(m.citation.quote.split())}”"


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


def rank(s: Storyline, newest: date | None) -> float:
    last = s.last
    age = (newest - last).days if newest and last else 365
    return float(
        0.5 ** (age / HALF_LIFE_DAYS)
        + 0.4 * min(s.independent - 1, 4)
        + s.central
        + (0.3 if s.disputes else 0.0)
        + 0.15 * min(len(s.documents) - 1, 3)
    )


def check(body: str, s: Storyline, people: dict[str, str]) -> list[str]:
    """Why `body` may not stand for storyline `s` (empty: it may): the grounding check against its cited spans,
    its claims' speakers and stances, and the length a line may have."""
    found = [] if len(body) <= LINE_BODY else [f"longer than {LINE_BODY} characters"]
    claims_only = all(m.kind == "claim" for m in s.members)
    return found + problems(body, [c.quote for c in s.citations], _speeches(s.members, people), claims_only)


def tail_for(s: Storyline, year: int | None) -> str:
    return ", ".join(p for p in (s.outlet_label(), span_label(*s.shown_dates(), year, s.precision)) if p)


def line_for(s: Storyline, people: dict[str, str], topic_words: set[str], year: int | None) -> SummaryLine:
    """The storyline's best grounded line, or its verbatim span when no shorter line is grounded."""
    tail = tail_for(s, year)
    for body in _bodies(s, people, topic_words):
        if not check(body, s, people):
            return make_line(s, body, tail, "extractive")
    head = max(s.members, key=lambda m: (m.central, -len(m.citation.quote)))
    return make_line(s, _verbatim(head, people), tail, "verbatim")


def make_line(s: Storyline, body: str, tail: str, origin: str) -> SummaryLine:
    return SummaryLine(
        text=f"{body} ({tail})" if tail else body,
        body=body,
        storyline_id=s.id,
        date_label=span_label(*s.shown_dates(), None, s.precision),
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
    out: list[SummaryLine] = []
    used = 0
    for s in sorted(storylines, key=lambda s: (-rank(s, newest), s.id)):
        if len(out) >= max_lines:
            break
        line = line_for(s, people, topic_words, year)
        if any(fuzz.token_set_ratio(line.body, o.body) >= SAME_LINE for o in out):
            continue
        if used + len(line.text) > budget:
            if len(out) >= MIN_LINES:
                break
            continue
        out.append(line)
        used += len(line.text)
    return out
