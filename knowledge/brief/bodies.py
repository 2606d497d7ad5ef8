"""Candidate lines for one storyline, each a sentence an editor would sign, best first.

Two forms, never words deleted inside a sentence: the whole sentence a member was found in, as its source wrote
it (a leading dateline and trailing credits removed; a long one cut only between clauses), or a "Speaker says …"
frame around the claim's own words when those are a complete clause ("Kellogg says the remarks were taken out of
context"; a direct quote keeps a whole quoted sentence). A noun phrase is never framed as what someone says:
"Clinton (claim): “him for not paying income tax”" is no statement. Every candidate passes the well-formedness
check (`knowledge.text.wellformed`) before it is offered; the summary then runs the grounding check on it.

News is written lead-first: a member from an article's first sentences, one that the storyline's other articles
echo, and one that names the topic score higher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.brief.compress import compress
from knowledge.brief.model import CitationRef
from knowledge.brief.query import FUNCTION_WORDS
from knowledge.brief.readable import PRONOUNS as _PRONOUNS
from knowledge.brief.readable import (
    describes_only,
    finished,
    is_teaser,
    named_for,
    names_self,
    opens_on_link,
    points_outside,
)
from knowledge.brief.sentences import Sentence, clause_cuts, is_furniture, sentence_bounds
from knowledge.brief.storylines import Member, Storyline
from knowledge.text.wellformed import coordinated_past, form_problems
from knowledge.tuning import tuning

LINE_BODY = 190  # characters of one line before its "(outlets, date)" tail
CANDIDATES = 6  # members of a storyline whose lines are built and checked
WHOLE_SPEAKER = 80  # a description compress would cut short is said whole up to this many characters
_OPENING_PRONOUNS = set("he she they it his her their its this that these those we i".split())
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|you|your|we|our|my)\b")
# Verbs that take "to …" as what was said: "claims to have met", "vows to appeal".
INFINITIVE_LEMMAS = set(
    "claim promise vow pledge threaten agree refuse offer plan hope expect want intend seek".split()
)


@dataclass(frozen=True)
class Candidate:
    body: str
    score: float
    cite: CitationRef | None = None  # the whole sentence quoted, when the line is one
    verbatim: bool = False  # the body is a source's own sentence: grounded by construction
    speaker: str | None = None  # whose statement the line gives (a claim's speaker), None: an event or a dispute


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
    refuse note stress believe expect explain agree allege assert maintain reply respond post declare affirm
    reaffirm reiterate mention clarify reveal proclaim emphasize emphasise underline remark comment conclude
    refute""".split()
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


def short_speaker(m: Member, people: dict[str, str]) -> str:
    """The surname of a known person, else the stored speaker words without titles and asides."""
    name = people.get(m.speaker or "")
    if name:
        last = name.split()[-1]
        # Derek Field in a briefing on Marta Field: "Field says" would pin his words on her
        shared = any(other != name and other.split()[-1] == last for other in people.values())
        return name if shared else last
    said = named_for(m) or m.fields.get("speaker_text") or m.speaker_name or "an unnamed source"
    text = compress(said, list(people.values()), max_chars=60)
    if text.endswith("…") and len(whole := said.split(",")[0].strip()) <= WHOLE_SPEAKER:
        return whole  # "A spokesman for Democratic presidential candidate Hillary…" would name no one
    return text.split(",")[0].strip() or "an unnamed source"


_PREPOSITIONS = {"for", "against", "about", "on", "of", "to", "with"}
_PLURAL = {"say": "says", "deny": "denies", "suggest": "suggests", "predict": "predicts", "report": "reports"}


def _plural(speaker: str) -> bool:
    """ "Diplomats in the region", "Ukrainian officials": a lowercase head noun in -s (names are never plural)."""
    head = re.split(r"\s+(?:in|of|from|at|for|with|close|familiar)\s+", speaker, maxsplit=1)[0].split()
    return bool(head) and head[-1].islower() and head[-1].endswith("s") and not head[-1].endswith(("ss", "us"))


_OBJECT_SPEECH = frozenset("accuse criticize criticise urge ask call blame praise thank condemn".split())
# an object of up to six words, then the preposition these verbs take ("the court of", "Congress to", "X for")
_OBJECT_THEN_PREPOSITION = re.compile(r"^(?![Tt]hat\b)[^\s,;:]+(?:\s+[^\s,;:]+){0,5}?\s+(?:of|for|to|on|as|over)\s")


def _takes_object(m: Member, lemma: str) -> bool:
    """A cue that is not a speech verb and whose content is its object ("praised Marta Field for ...", "called the
    deal a chance"): "says" before that object makes a sentence that is neither English nor what was said."""
    if not lemma.isalpha() or m.negated:
        return False
    if lemma in SPEECH_LEMMAS:
        # a speech verb with a person or thing as its object: "accused Apple of ignoring …", "urged Congress to
        # act": "says Apple of ignoring" is no English, "accuses Apple of ignoring" is what was said
        return lemma in _OBJECT_SPEECH and bool(_OBJECT_THEN_PREPOSITION.match(m.text.lstrip(' “"')))
    first = m.text.lstrip(' “"').split(" ", 1)[0].lower()
    return first not in ("that", "whether", "if") and not m.text.lstrip().startswith(("“", '"'))


def _infinitive(m: Member, lemma: str) -> bool:
    """Content that is the cue's infinitive ("agreed to pay for the shares"): only the cue's own verb takes it;
    "acknowledges to pay" or "says to pay" is not what was said."""
    return lemma.isalpha() and lemma != "according" and m.text.lstrip(' “"').lower().startswith("to ")


def third_person(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _rebuttal_verb(m: Member, speaker: str) -> str:
    """ "…; Moen denies it" for a denial; a verdict said of the claim ("said Solberg's claims were false") disputes
    it, since "Moen says it" would say nothing."""
    if m.stance == "deny":
        return _verb(m, speaker)
    return "dispute" if _plural(speaker) else "disputes"


def _verb(m: Member, speaker: str = "") -> str:
    """The stance's verb (the cue's own where it is a plain speech verb), agreeing with the speaker, keeping the
    cue's preposition ("has argued for" -> "argues for")."""
    stance = m.stance or "assert"
    lemma = (m.fields.get("cue_lemma") or "").lower()
    verb = CUE_VERB.get(stance, {}).get(lemma) or STANCE_VERB.get(stance, "says")
    if _takes_object(m, lemma) or _infinitive(m, lemma):
        verb = third_person(lemma)  # "praised Field for ..." -> "praises Field for ...", never "says Field for"
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


def _shorter(text: str, frame: int = 0) -> str | None:
    """`text` if it fits a line after a frame of `frame` characters, else its longest leading run of whole clauses
    that does; None when no cut between clauses fits."""
    room = LINE_BODY - frame
    if len(text) <= room:
        return text
    return next((c for c in clause_cuts(text) if len(c) <= room and len(c) >= room // 4), None)


def sentence_candidate(m: Member, topic_words: set[str]) -> Candidate | None:
    """The member's whole sentence, when it is one a reader can take alone: no opening pronoun ("He said …" says
    nothing of who), no furniture, and well formed after any cut."""
    sentence = m.sentence
    if sentence is None and m.kind == "event":
        sentence = Sentence(m.start, m.end, m.text.strip(), None)  # an event is stored as its whole sentence
    if sentence is None or sentence.index == -1 or is_furniture(sentence.text) or not finished(sentence.text):
        return None
    text = _shorter(sentence.text.rstrip(" ."))
    if not text:
        return None
    if not re.search(r"[“”\"]", text) and _FIRST_PERSON.search(text):
        return None  # "I have a deal for you" outside quote marks: speech with no speaker, not a report
    cue = (m.fields.get("cue") or "").strip()
    if m.kind == "claim" and cue and cue.lower() not in text.lower():
        return None  # "“Mr. Trump, I have a deal for you.”" without its "Clinton said": no one says it
    if m.kind == "claim" and (m.fields.get("speaker_text") or "").lower() in _PRONOUNS:
        return None  # "According to her, the tallies show …": the sentence names no one; a frame names the speaker
    if m.kind == "claim" and describes_only(m, text):
        return (
            None  # "The dictator insinuated …", "The Japanese company said …": whom the article meant, the frame says
        )
    first = re.sub(r"^[“\"‘(]+", "", text).split(" ", 1)[0].lower().rstrip(",’'s")
    if first in _OPENING_PRONOUNS or form_problems(text) or is_teaser(text) or opens_on_link(text):
        return None
    cite = m.citation.model_copy(update={"start": sentence.start, "end": sentence.start + len(text), "quote": text})
    score = _score(text, m, topic_words) + tuning().line_own_sentence_weight
    return Candidate(text, score, cite, verbatim=True, speaker=m.speaker if m.kind == "claim" else None)


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _spoken(m: Member, clause: bool = True, others: Sequence[str] = (), frame: int = 40) -> str | None:
    """What was said as a clause a frame of `frame` characters can wrap: a whole quoted sentence of a direct
    quote (the one most of `others`, other articles' reports, also quote; then the longest that fits), or
    reported words without their "that"; None when neither is a well-formed clause."""
    lemma = (m.fields.get("cue_lemma") or "").lower()
    if m.fields.get("kind") in ("direct", "mixed") or m.text.lstrip().startswith("“"):
        parts = re.split(r"\s…\s|[“”]", m.text)  # sentences as `sentence_bounds` tells them: "Mr. Ito" is no end
        pieces = [" ".join(p[a:b].split()).strip(' ,“”"') for p in parts for a, b in sentence_bounds(p)]
        whole = [p for p in pieces if p[:1].isupper() and not form_problems(p) and not points_outside(p)]
        fitting = [p for p in whole if len(p) <= LINE_BODY - frame]
        if not fitting:  # a long quoted sentence: its leading whole clauses, as a reported sentence is cut
            cuts = (_shorter(p, frame) for p in sorted(whole, key=len, reverse=True))
            fitting = [c for c in cuts if c and not form_problems(c)][:1]
        plain = [_plain(o) for o in others]
        best = max(fitting, key=lambda p: (sum(_plain(p) in o for o in plain), len(p)), default=None)
        return f"“{best}”" if best else None
    spoken = re.sub(r"^(?:that|whether)\s+", "", " ".join(m.text.split()).rstrip(" ."), flags=re.I)
    first = spoken.split(" ", 1)[0]
    if first.lower() in FUNCTION_WORDS and first != "I" and (first[1:].islower() or len(first) == 1):
        spoken = spoken[:1].lower() + spoken[1:]  # "... say the meeting opened", not "say The meeting"
    if _FIRST_PERSON.search(spoken) and not form_problems(spoken[:1].upper() + spoken[1:]):
        return f"“{spoken[:1].upper() + spoken[1:]}”"  # "we have the tally sheets": the speaker's own words, quoted
    infinitive = lemma in INFINITIVE_LEMMAS and m.stance != "deny"  # "refused to release …" is not "denies to"
    if spoken.lower().startswith("to ") and not infinitive:
        return None  # "denies to make public …" is no sentence
    if form_problems(spoken, clause=clause, infinitive=infinitive, opening=False):
        return None
    return spoken


def claim_body(m: Member, people: dict[str, str], others: Sequence[str] = ()) -> str | None:
    """ "Speaker verb clause", or None when the claim's words are no clause or its speaker is no one a reader
    could name; of a direct quote, the sentence `others` (other articles' reports) echo."""
    lemma = (m.fields.get("cue_lemma") or "").lower()
    as_object = _takes_object(m, lemma)  # "Anand praises Field for …": the cue's own verb before its object
    if lemma and lemma not in SPEECH_LEMMAS and lemma not in INFINITIVE_LEMMAS and not as_object:
        return None  # "backing Trump's push": no verb of ours can frame it; the sentence says it
    speaker = short_speaker(m, people)
    # the frame this speaker needs ("Moriarty acknowledges: “…”"), so a quoted sentence that fits beside a
    # short name is not cut or refused for a longer one's sake
    verb = _verb(m, speaker)
    if m.stance == "demand" and m.text.lstrip(' “"').lower().startswith("that "):
        # "demanding that the company show …": a call's clause keeps its "that" and its verb ("says the company
        # show" is no English)
        verb = ("demand" if _plural(speaker) else "demands") + " that"
    spoken = _spoken(m, clause=not as_object, others=others, frame=len(speaker) + len(verb) + 6)
    if spoken is None or is_furniture(spoken) or speaker.lower() in _OPENING_PRONOUNS or speaker == "an unnamed source":
        return None
    if coordinated_past(spoken):
        return None  # "Corley denies the injunction and ruled for Microsoft": the tenses part; the sentence says it
    if names_self(m, people, spoken):
        return None
    if speaker.endswith("…"):
        return None  # "Tesla's CEO who is no longer involved in the…": a description cut short names no one
    joiner = ": " if spoken.startswith("“") else " "
    if (m.fields.get("cue") or "").lower().startswith("according to") and not spoken.startswith("“"):
        body = f"According to {speaker}, {spoken}"  # the source reports it; it is not their own statement
    else:
        body = f"{speaker} {verb}{joiner}{spoken}"
    if len(body) > LINE_BODY:
        cut = _shorter(spoken, len(body) - len(spoken)) if not spoken.startswith("“") else None
        if not cut or form_problems(cut, infinitive=True, opening=False):
            return None
        body = body[: len(body) - len(spoken)] + cut
    return body[:1].upper() + body[1:]


def _score(body: str, m: Member, topic_words: set[str]) -> float:
    t = tuning()
    words = set(re.findall(r"[\w']+", body.lower()))
    score = t.line_topic_weight if topic_words & words else 0.0
    if m.kind == "event" and _PRONOUNS & words:
        score -= t.line_pronoun_cost  # "Witkoff replaced him": who is "him"?
    lemma = (m.fields.get("cue_lemma") or "").lower()
    if m.kind == "claim" and lemma and lemma not in SPEECH_LEMMAS:
        score -= t.line_not_speech_cost  # "Witkoff to discuss the ceasefire" is no statement of his
    return score + _lede(m) + m.central + t.line_echo_weight * m.echo - t.line_length_cost * len(body) / 100


def _lede(m: Member) -> float:
    """An article's first sentence, or the one after it, says what its story is (news is written lead-first)."""
    index = m.sentence.index if m.sentence is not None else None
    if index is None or not 0 <= index <= 1:
        return 0.0
    return tuning().line_lede_weight * (1.0 - 0.5 * index)


def _pre_score(m: Member, topic_words: set[str]) -> float:
    """`_score` before building a line, from the member's stored words: cheap enough for every member."""
    t = tuning()
    topic = t.line_topic_weight if topic_words.intersection(m.words) else 0.0
    return topic + _lede(m) + m.central + t.line_echo_weight * m.echo - t.line_length_cost * len(m.text) / 100


def shortlist(s: Storyline, topic_words: set[str]) -> list[Member]:
    """The members of `s` whose lines are built and checked: the best `CANDIDATES` on their stored words."""
    return sorted(s.members, key=lambda m: -_pre_score(m, topic_words))[:CANDIDATES]


def _echoes(s: Storyline) -> None:
    """How many other articles of the storyline carry each member's point: the sentence most of its articles echo
    is the storyline's centre. Pairs within one storyline only, which stays small."""
    sets = [(m, set(m.words)) for m in s.members]  # each member's words as a set once, not once per pair
    for m, words in sets:
        others = {
            o.document_id
            for o, theirs in sets
            if o.document_id != m.document_id and len(words & theirs) >= max(2, 0.5 * min(len(words), len(theirs), 8))
        }
        m.echo = min(len(others), 3)


def _quoted_echo(body: str, s: Storyline, m: Member) -> float:
    """Of several sentences of one statement, the one most articles quote is its centre: `line_echo_weight` for
    each other article of the storyline whose report holds the quoted sentence word for word."""
    quoted = re.search(r"“([^”]+)”", body)
    if not quoted:
        return 0.0
    words = _plain(quoted.group(1))
    docs = {o.document_id for o in s.members if o.document_id != m.document_id and words in _plain(o.text)}
    return tuning().line_echo_weight * min(len(docs), tuning().corroboration_cap)


def candidates(s: Storyline, people: dict[str, str], topic_words: set[str]) -> list[Candidate]:
    """Well-formed candidate lines for storyline `s`, best first."""
    by_key = {m.key: m for m in s.members}
    if len(s.documents) > 1:
        _echoes(s)
    out: list[Candidate] = []
    for n, (claim_key, denial_key) in enumerate(s.disputes):  # as the store ranks them: best pairing first
        claim, denial = by_key[claim_key], by_key[denial_key]
        body = claim_body(claim, people)
        if body:
            speaker = short_speaker(denial, people)
            line = f"{body}; {speaker} {_rebuttal_verb(denial, speaker)} it"
            out.append(Candidate(line, tuning().line_dispute_score - n / 100))  # above any lede: see Tuning
    for m in shortlist(s, topic_words):
        found = sentence_candidate(m, topic_words)
        if found:
            out.append(found)
        others = [o.text for o in s.members if o.document_id != m.document_id]
        body = claim_body(m, people, others) if m.kind == "claim" else None
        if body:
            out.append(Candidate(body, _score(body, m, topic_words) + _quoted_echo(body, s, m), speaker=m.speaker))
    return sorted(out, key=lambda c: -c.score)
