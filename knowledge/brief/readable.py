"""Whether a summary line can be read alone, in a briefing that mixes articles, and says whose words it gives.

An article's sentences lean on each other: a quote's "they" was named a paragraph earlier, "the dictator" is
the man the story is about, a feature opens on a teaser that the next paragraphs explain. Shown as one line of
a briefing, such a sentence says nothing a reader can place, or says it of the wrong one. Each rule here is a
shape of English news text, tested on sentences alone (no parser: a summary is composed in milliseconds):
- a teaser: a short opening that reports nothing and withholds what it is about (`is_teaser`);
- a quoted sentence whose subject is a third person or a demonstrative, or whose "we" joins the speaker to
  someone it leaves unnamed (`points_outside`);
- a sentence whose speaker is only a description ("the dictator") and which never names them (`describes_only`);
- reported words holding their own speaker's name, which a report would have called "he" or "she"
  (`names_self`): the words were pinned on the wrong one.
"""

from __future__ import annotations

import re

from knowledge.brief.storylines import Member
from knowledge.text.wellformed import FINITE
from knowledge.tuning import tuning

PRONOUNS = {"he", "she", "him", "her", "they", "them", "it", "its", "his", "their"}


def named_for(m: Member) -> str | None:
    """The entity's name when the claim's words for its speaker are a description or a pronoun the reader cannot
    place alone ("The Japanese company", "the union", "It") and the text resolved them to a named entity; a
    briefing mixes articles, so the article's "the company" no longer says which one."""
    said = (m.fields.get("speaker_text") or "").strip()
    name = m.speaker_name
    if not said or not name or name == said or m.speaker == said.lower():
        return None  # no entity: the words are all there is
    described = said.split()[0].lower() == "the" or said.lower() in PRONOUNS
    return name if described else None


def describes_only(m: Member, sentence: str) -> bool:
    """The claim's speaker words are a description ("the dictator", "the Japanese company") and the sentence
    holds no word of the name the text resolved it to: the article named the speaker sentences earlier, and
    its sentence alone no longer says who ("… pay of Boeing machinists …, according to the company" does)."""
    name = named_for(m)
    if not name or (m.fields.get("speaker_text") or "").lower() in PRONOUNS:
        return False
    words = {w.lower() for w in re.findall(r"\w+", sentence)}
    return not words & {w.lower() for w in re.findall(r"\w+", name) if len(w) > 2}


def names_self(m: Member, people: dict[str, str], spoken: str) -> bool:
    """A person's own name inside the words a report gives as theirs (not a direct quote): a report calls its speaker "he" or "she" in
    the reported words, so "Apple says the company must show … upon which Apple contends" means the words were
    pinned on the wrong one (a person read out of a headline, "Judge Pressures Apple", named "Apple")."""
    name = people.get(m.speaker or "")
    if not name or spoken.startswith("“"):
        return False  # a direct quote is the speaker's own words, in which others may share their name
    return re.search(rf"\b{re.escape(name.split()[-1])}\b", spoken) is not None


# Verbs that report something done or said: a past form, a perfect, a present of speech ("says", "warns").
_REPORTS = FINITE | {"has", "have", "had", "hasn't", "haven't", "hadn't"}
_DATED = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|yesterday|tonight|tomorrow)\b|[“”\"]",
    re.I,
)


def is_teaser(text: str) -> bool:
    """A short sentence that reports nothing: no past or perfect verb, no number, no day, no quote, no one saying
    anything, and what it is about withheld ("The court isn't making his life easy", "He is facing a thorny issue
    right out of the gate"). An opinion piece or a feature opens on one to draw the reader in; a news report
    opens on what happened."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w’'-]*", text.replace("’", "'"))]
    if len(words) > tuning().line_teaser_words or _DATED.search(text):
        return False
    if any(w in _REPORTS or (len(w) > 4 and w.endswith("ed")) for w in words):
        return False
    # what it withholds: a negated present ("isn't making … easy") or something only "a …" ("a thorny issue");
    # "CrowdStrike is firing back at Delta Air Lines" names both sides and is news
    return any(w.endswith("n't") or w in ("not", "a", "an") for w in words)


# A quoted sentence's own "he", "they", "it" or "this" is never its speaker: it points at someone or something the
# article named before the quote ("They work for the State Department", "It ultimately goes up to me"); after an
# opening "But", "And" or "So" just the same. "It is clear that …", "It was a mistake to …" point at nothing;
# "It (the government) is …" says whom it means.
_QUOTE_POINTS_BACK = re.compile(
    r"^(?:(?:but|and|so|yet|now|then)\s+)?(?:he|she|they|them|him|it|its|this|that|these|those|such)\b(?!\s*[(\[])"
    r"(?!\s+(?:is|was|'s|’s|would\s+be|will\s+be|has\s+been|had\s+been)\s+(?!\w+ing\b)[\w’'-]+(?:\s+[\w’'-]+){0,3}"
    r"\s+(?:that|to|for|whether)\b)",
    re.I,
)
# "we … together", "we both": a "we" of the speaker and someone else, whom the quote alone does not name
_JOINT_WE = re.compile(
    r"\b(?:we\s+both|both\s+of\s+us|(?:we|us|our)\b.*\b(?:together|each\s+other|one\s+another|jointly)\b(?!\s+with))",
    re.I,
)


def points_outside(quoted: str) -> bool:
    """A quoted sentence that cannot be read apart from the article around it: its subject is a third person or
    a demonstrative (a speaker's own "I" or "we" is the speaker), or its "we" joins the speaker to someone the
    quote leaves unnamed."""
    return bool(_QUOTE_POINTS_BACK.match(quoted) or _JOINT_WE.search(quoted))


# A sentence that opens on a word linking it to the one before ("However, the agency can now appeal", "To that
# end, the judge noted …", "In response, the board sued") answers or continues something the line leaves out.
_OPENS_ON_LINK = re.compile(
    r"^[“\"‘(]*(?:however|but|yet|still|meanwhile|moreover|furthermore|additionally|instead|nevertheless|"
    r"nonetheless|likewise|similarly|otherwise|therefore|thus|hence|besides|also|and|in\s+addition|"
    r"in\s+response|in\s+turn|as\s+a\s+result|to\s+that\s+end|on\s+the\s+other\s+hand|at\s+the\s+same\s+time|"
    r"for\s+(?:its|his|her|their)\s+part|by\s+contrast|in\s+contrast|even\s+so|specifically|in\s+particular|"
    r"indeed|in\s+fact|accordingly|consequently|conversely|in\s+other\s+words|for\s+(?:example|instance))\b",
    re.I,
)


def opens_on_link(sentence: str) -> bool:
    """Whether a whole sentence leans on the one before it by its first words."""
    return bool(_OPENS_ON_LINK.match(sentence.lstrip()))


# a sentence ends on its full stop, question or exclamation mark, maybe inside closing quotes or brackets
_FINISHED = re.compile(r"(?<![.…])[.!?][\s”’\"')\]]*$")


def finished(text: str) -> bool:
    """Whether the source sentence ends as sentences end. A page cut off mid-sentence ("… a loss due in part to
    ad"), a trailing "…" or a line with no stop at all (a sub-headline, a teaser) is no sentence to print whole."""
    return bool(_FINISHED.search(text.rstrip()))
