"""The grounding check every summary line passes before a reader sees it, whoever wrote it.

A line may say less than its sources, never more: each name, place, number and date in it must appear in the
spans it cites (or be the stored speaker of one of its claims), each quoted passage must be exact words of a span,
and whoever the line says "says", "denies" or "predicts" something must be the speaker of a cited claim with that
stance. A line made only of claims must keep an attribution: "Kellogg agreed" is not "Lukashenko says Kellogg
agreed". Lines that fail are replaced by the verbatim span (see `knowledge.brief.summary`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.brief.query import FUNCTION_WORDS

_TOKEN = re.compile(r"[A-Za-z0-9À-ÿ][\w'’.-]*")
_QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
NUMBER_WORDS = set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
    millions billion billions trillion dozen dozens half first second third fourth fifth sixth seventh eighth ninth
    tenth once twice""".split()
)
DATE_WORDS = set(
    """january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight weekend""".split()
)
ATTRIBUTING = {
    "assert",
    "report",
    "acknowledge",
    "speculate",
    "forecast",
    "support",
    "criticize",
    "accuse",
    "demand",
    "question",
}
# Speech verbs a line may use, and the stances of the claim they may stand for.
_VERBS: dict[str, set[str]] = {}
for _forms, _stances in (
    (
        "say says said saying tell tells told state states stated add adds added confirm confirms confirmed claim "
        "claims claimed insist insists insisted argue argues argued write writes wrote announce announces announced "
        "describe describes described",
        ATTRIBUTING,
    ),
    ("deny denies denied denying reject rejects rejected dismiss dismisses dismissed refute refutes refuted", {"deny"}),
    ("dispute disputes disputed", {"deny", "assert", "criticize"}),  # a rebuttal by verdict ("said it was false")
    ("speculate speculates speculated suggest suggests suggested suspect suspects", {"speculate", "assert"}),
    ("predict predicts predicted forecast forecasts warn warns warned expect expects", {"forecast", "assert"}),
    ("report reports reported", {"report", "assert"}),
    ("acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded", {"acknowledge"}),
    ("agree agrees agreed", {"acknowledge", "assert", "support"}),  # "agreed to pay": the cue's own verb (bodies)
    ("accuse accuses accused blame blames blamed", {"accuse", "criticize"}),
    ("criticize criticizes criticized criticise criticises criticised condemn condemns condemned", {"criticize"}),
    ("urge urges urged demand demands demanded", {"demand"}),
    (
        "support supports supported praise praises praised welcome welcomes welcomed thank thanks thanked",
        {"support", "assert"},
    ),
    ("declines declined refuses refused", {"no_comment"}),
    ("question questions questioned ask asks asked", {"question", "demand"}),  # "asked the court to …"
    ("call calls called", {"demand", "criticize", "support", "assert"}),  # "called for", "called the deal a …"
):
    for _form in _forms.split():
        _VERBS[_form] = _stances
_NEGATION = {"not", "never", "n't", "no"}
_TEMPLATE = {"according"}  # words summary lines open with that are no names ("According to Lukashenko, ...")
_AUX = {"does", "did", "do", "has", "have", "had", "also", "now", "again", "repeatedly", "publicly", "flatly"}
_MODALS = {"will", "would", "could", "might", "may", "can", "should", "must", "to", "shall"}
_SUBJECT_STOP = {",", ";", ":", "that", "and", "but", "while", "as", "after", "before"} | _MODALS


@dataclass(frozen=True)
class Speech:
    """A cited claim a line may attribute: who said it (stored text and entity name), with what stance."""

    names: tuple[str, ...]
    stance: str
    negated: bool = False


def _key(token: str) -> str:
    token = token.replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    return token.replace(".", "").strip("'-")


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Comparable tokens of a text (cached: one span is checked against several candidate lines)."""
    return tuple(k for k in (_key(t) for t in _TOKEN.findall(text)) if k)


def _is_name(token: str) -> bool:
    return token[:1].isupper()


def _is_number(token: str) -> bool:
    return any(c.isdigit() for c in token) or token.lower() in NUMBER_WORDS


def problems(
    body: str, spans: list[str], speeches: Sequence[Speech] = (), claims_only: bool = False, attributions: bool = True
) -> list[str]:
    """What in `body` its spans do not support; empty when the line is grounded. `attributions=False` for a
    source's own sentence quoted whole: it attributes as its source did, to speakers no stored claim may have."""
    found: list[str] = []
    flat = [" ".join(s.split()) for s in spans]
    for m in _QUOTED.finditer(body):
        quoted = " ".join((m.group(1) or m.group(2) or "").split()).strip(" …")
        for piece in (p.strip() for p in quoted.split("…")):
            if piece and not any(piece in s for s in flat):
                found.append(f"quoted words not in the sources: “{piece}”")
    rest = _QUOTED.sub(" ", body)
    known = {t for s in spans for t in _tokens(s)}
    known_lower = {t.lower() for t in known}
    speaker_words = {t.lower() for sp in speeches for n in sp.names for t in _tokens(n)}
    sentence_start = True
    for raw in _TOKEN.findall(rest):
        token = _key(raw)
        if not token:
            continue
        lower = token.lower()
        if _is_number(token) or lower in DATE_WORDS:
            if lower not in known_lower and not (_is_name(token) and lower in speaker_words):
                found.append(f"number or date not in the sources: {raw}")  # "Seven & i" names a speaker
        elif _is_name(token) and not (sentence_start and (lower in FUNCTION_WORDS or lower in _TEMPLATE)):
            ok = token in known or lower in speaker_words or (sentence_start and lower in known_lower)
            if not ok:
                found.append(f"name not in the sources: {raw}")
        sentence_start = raw.endswith((".", "!", "?"))
    if attributions:
        found += _attribution_problems(rest, speeches, claims_only)
    return found


def _attribution_problems(text: str, speeches: Sequence[Speech], claims_only: bool) -> list[str]:
    words = re.findall(r"[\w'’.-]+|[,;:]", text)
    found, attributed = [], False
    for i, word in enumerate(words):
        lower = word.lower()
        according = lower == "according" and i + 1 < len(words) and words[i + 1].lower() == "to"
        if not according and (not word[:1].islower() or lower not in _VERBS):
            continue
        if according:
            subject = _subject(words[i + 2 : i + 7], reverse=False)
            stances = {"report", "assert"}
        else:
            subject = _subject(words[max(0, i - 6) : i], reverse=True)
            stances = _VERBS[lower]
            if not subject:
                continue  # "the plan was described as" / "declined" with no named speaker: not an attribution
        if not according and i and words[i - 1].lower() in _MODALS:
            continue  # "Belarus will ask for ...": what someone may do, not what a source said
        negated = any(w.lower() in _NEGATION or w.lower().endswith("n't") for w in words[max(0, i - 2) : i])
        speakers = [sp for sp in speeches if _names_match(subject, sp.names)]
        if any(sp.stance in stances and sp.negated == negated for sp in speakers):
            attributed = True
        elif speakers or any(w[:1].isupper() for w in subject):
            # a named speaker, or a cited one, with a stance the sources do not give them
            found.append(f"no cited claim by {' '.join(subject)} with the stance “{word}”")
    if claims_only and not attributed:
        found.append("a claim stated as fact: the line names no speaker of its claims")
    return found


def _subject(words: list[str], reverse: bool) -> list[str]:
    """The speaker named next to a speech verb: the run of words up to a clause boundary, without articles."""
    seq = list(reversed(words)) if reverse else list(words)
    out = []
    for w in seq:
        if w.lower() in _VERBS and w[:1].islower():
            break
        if w.lower() in _SUBJECT_STOP:
            break
        if w.lower() in _AUX or w.lower() in _NEGATION or w.lower().endswith("n't"):
            continue
        out.append(w)
    out = list(reversed(out)) if reverse else out
    return [w for w in out if w.lower() not in ("the", "a", "an")]


def _names_match(subject: list[str], names: tuple[str, ...]) -> bool:
    """Every word the line uses for the speaker is a word of the stored speaker or its entity name."""
    wanted = {_key(w).lower() for w in subject if _key(w)}
    have = {t.lower() for n in names for t in _tokens(n)}
    return bool(wanted) and wanted <= have


def grounded(body: str, spans: list[str], speeches: Sequence[Speech] = (), claims_only: bool = False) -> bool:
    return not problems(body, spans, speeches, claims_only)
