"""Names the tagger cut or mislabelled, mended from what stands around them: a role noun before a name ("ministry
spokesperson Ravi Anand" is a person, whatever label the name got) and a full name cut short ("Maria Corina" tagged a
person, "Machado" after it left out; a union lodge's number, "District 751", left out). Kept apart from `entities`, which reads these repairs."""

from __future__ import annotations

import functools
import re
from importlib import resources

from spacy.tokens import Doc, Span

from knowledge.extract.dates import WEEKDAYS
from knowledge.extract.parse.spans import doc_text
from knowledge.names import name_key


def after_role(span: Span, role_nouns: frozenset[str]) -> Span | None:
    """The name after a person's role noun, in or right before a span tagged as an organisation ("ministry
    spokesperson Ravi Anand" → "Ravi Anand"): two or three capitalised proper nouns ending the span name the
    role's holder."""
    doc = span.doc
    roles = [t.i for t in doc[max(span.start - 1, 0) : span.end] if t.lower_ in role_nouns]
    if not roles:
        return None
    rest = doc[max(roles[-1] + 1, span.start) : span.end]
    return rest if 2 <= len(rest) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in rest) else None


def cut_short_names(doc: Doc, cands: list) -> list:
    """A two-word person name followed straight away by one capitalised proper noun no entity covers ("Maria
    Corina Machado" tagged as "Maria Corina"): the name goes on to it, unless that word heads a place."""
    covered = {i for *_, span in cands for i in range(span.start, span.end)}
    out = []
    for name, label, start, end, span in cands:
        nxt = doc[span.end] if span.end < len(doc) else None
        if (
            label == "PERSON"
            and len(span) >= 2
            and nxt is not None
            and nxt.i not in covered
            and doc[span.end - 1].whitespace_ == " "
            and nxt.is_title
            and nxt.pos_ == "PROPN"
            and nxt.lower_ not in PLACE_HEADS
            and nxt.lower_ not in WEEKDAYS  # "Prime Minister Rana Aziz Friday said": a day, not a name
        ):
            span = doc[span.start : span.end + 1]
            name, end = span.text, span.end_char
        elif label == "ORG" and _numbered_unit(span, covered):
            # "… Workers District 751": the number (and the unit word the tagger left out) names the lodge
            grown = doc[span.start : span.end + _numbered_unit(span, covered)]
            name, end, span = name + doc_text(doc)[span.end_char : grown.end_char], grown.end_char, grown
        out.append((name, label, start, end, span))
    return out


# "Victoria Station", "Charlotte Street": a given name before one of these heads names a place, not a person.
PLACE_HEADS = frozenset(
    "street road avenue square station airport bridge river lake bay island islands falls valley city county "
    "park port harbour harbor hall house centre center university college school hospital hill hills mountains "
    "tower".split()
)


def is_description(span: Span) -> bool:
    """ "the Quebec company", "The Japanese firm" tagged as an organisation: an article and a common noun at the
    end make a description of an organisation the text names elsewhere, not a name of its own (names end in a
    capitalised word or initials: "the National Electoral Council", "Seven & i" has no article)."""
    words = [t for t in span if not t.is_punct]
    return (
        len(words) >= 2
        and words[0].lower_ in ("the", "a", "an")
        and words[-1].is_alpha
        and words[-1].is_lower
        and len(words[-1].text) > 1
    )


def ampersand_names(doc: Doc, cands: list) -> list:
    """ "Seven & i", "Procter & Gamble": capitalised words joined by "&" name a firm (people are never written
    so), whatever the tagger made of the parts ("Seven" a number, "i" a pronoun). The name takes in the
    capitalised words right after it ("Seven & i Holdings Co. Ltd."); whatever the tagger found overlapping it
    gives way."""
    people = {i for _n, label, *_, span in cands if label == "PERSON" for i in range(span.start, span.end)}
    found: list = []
    taken: set[int] = set()
    for amp in doc:
        if amp.text != "&" or amp.i == 0 or amp.i + 1 >= len(doc) or amp.i in taken:
            continue
        left, right = doc[amp.i - 1], doc[amp.i + 1]
        if not (left.is_title or left.is_upper) or not left.is_alpha or not right.is_alpha or len(right) > 15:
            continue
        if not (right.is_title or right.is_upper or len(right) == 1) or {left.i, right.i} & people:
            continue
        if amp.whitespace_ == "" or left.whitespace_ == "":
            continue  # "AT&T" is one token already; a tight "R&D" is no name
        start, end = left.i, right.i + 1
        while start - 1 >= 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and start - 1 not in people:
            start -= 1
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].text != "&":
            end += 1
        span = doc[start:end]
        taken.update(range(start, end))
        found.append((span.text, "ORG", span.start_char, span.end_char, span))
    if not found:
        return cands
    kept = [c for c in cands if not any(c[4].start < s.end and s.start < c[4].end for *_, s in found)]
    return sorted(kept + found, key=lambda c: c[2])


# A lodge, local or district of a union (or a branch of any body) is named by its number: "District 751",
# "Local 88", "Lodge W24". The tagger often leaves the number out, which makes the lodge its parent.
UNIT_WORDS = frozenset("district local lodge chapter branch division region unit".split())
_CODE = re.compile(r"^[A-Z]{0,2}\d{1,5}[A-Z]?$")


def _numbered_unit(span: Span, covered: set[int]) -> int:
    """How many tokens after an organisation's name belong to it as a numbered unit: 1 after a unit word ("…
    District" + "751"), 2 for a unit word and its number the tagger left out ("… Workers" + "District W24"), else 0.
    Only on the name's line, and never over another name."""
    doc, i = span.doc, span.end
    last = span[-1]
    if last.whitespace_ != " " or i >= len(doc) or i in covered:
        return 0
    if last.lower_ in UNIT_WORDS:
        return 1 if _CODE.match(doc[i].text) else 0
    unit = doc[i]
    if unit.is_title and unit.lower_ in UNIT_WORDS and unit.whitespace_ == " " and i + 1 < len(doc):
        return 2 if i + 1 not in covered and _CODE.match(doc[i + 1].text) else 0
    return 0


def one_word_majority(cands: list) -> list:
    """A one-word name the tagger labelled a person in a minority of its mentions is what the rest say it is
    ("cofounding Nexlo" tagged a person once among four "Nexlo" organisations): the person reading would make the
    word a surname, and every mention of the company a person whom no "the company" can continue. A name whose
    mentions are as often a person as not is left as tagged."""
    votes: dict[str, dict[str, int]] = {}
    for name, label, *_ in cands:
        key = name_key(name)
        if len(key.split()) == 1:
            votes.setdefault(key, {})
            votes[key][label] = votes[key].get(label, 0) + 1
    out = []
    for name, label, start, end, span in cands:
        counts = votes.get(name_key(name), {})
        if label == "PERSON" and counts:
            other, n = max(
                ((k, v) for k, v in counts.items() if k != "PERSON"),
                key=lambda kv: (kv[1], kv[0]),
                default=("PERSON", 0),
            )
            if n > counts["PERSON"]:
                label = other
        out.append((name, label, start, end, span))
    return out


# Titles only a company's people hold: the name right before one is an organisation's ("Halvard CEO Ana Ruiz").
COMPANY_TITLES = frozenset({"ceo", "cfo", "coo", "cto"})


def titled_organisations(doc: Doc, cands: list) -> list:
    """A capitalised proper noun (one to three words) that the tagger left out, right before a title only a
    company gives ("Vivek Sankaran, Halvard CEO"; "Halvard CEO Ana Ruiz"): the company, as an organisation, so
    that its untagged repeats (`name_repeats`) and "the grocer" after it have something to continue."""
    covered = {i for *_, span in cands for i in range(span.start, span.end)}
    found = []
    for tok in doc:
        if tok.lower_ not in COMPANY_TITLES or tok.i == 0:
            continue
        first = end = tok.i
        while first > 0 and end - first < 3 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
            first -= 1
        if first == end or any(i in covered for i in range(first, end)):
            continue
        span = doc[first:end]
        found.append((span.text, "ORG", span.start_char, span.end_char, span))
    return found


def glued_names(cands: list) -> set[str]:
    """Person names that are two names side by side, as a headline writes them ("against Marsh Quorvix CEO"): the
    first word is the surname of another person the article names in full ("Dana Marsh"). The last word of such a
    name is no surname, so mentions of the company it names stay the company's."""
    people = [name_key(n).split() for n, label, *_ in cands if label == "PERSON"]
    surnames = {words[-1] for words in people if len(words) >= 2}
    full = {" ".join(words) for words in people}
    return {
        " ".join(words)
        for words in people
        if len(words) == 2 and words[0] in surnames and any(f.endswith(" " + words[0]) for f in full)
    }


# Words naming a part of an organisation, or its people ("Kestrel Workers" in a headline is not Kestrel): a name
# that adds one of these is not the whole organisation.
ORG_PARTS = frozenset(
    """services cloud research division unit units commercial airplanes defense defence capital ventures
    foundation studios subsidiary bank insurance workers employees staff members shareholders customers union
    unions guild""".split()
)


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    text = resources.files("knowledge.extract").joinpath("first_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def given_name_first(span: Span, given: frozenset[str]) -> bool:
    return 2 <= len(span) <= 3 and span[0].lower_ in given and all(t.is_title for t in span)


_NO_PERSON_ENDS = PLACE_HEADS | ORG_PARTS  # "… Center", "… Foundation": a place or a part of an organisation


def person_tail(span: Span, k: int, given: frozenset[str]) -> bool:
    """From token `k` on, a person's name after a proper noun: not an article's "The Carter Center", not a
    name of a place or an organisation's part ("… Center", "… Foundation")."""
    tail = span[k:]
    return span[0].pos_ == "PROPN" and given_name_first(tail, given) and tail[-1].lower_ not in _NO_PERSON_ENDS


_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def conjoined_names(doc: Doc, cands: list) -> list:
    """A span the tagger drew over two actors joined by "and" ("Kroger's Fred Meyer and Albertsons' Safeway" →
    "Fred Meyer and Albertsons"): split in two when the part after "and" is a name the article also uses on its own
    ("Albertsons" elsewhere, tagged or not). One name with "and" inside ("Securities and Exchange Commission",
    "Immigration and Customs Enforcement") never stands alone in part, so it stays whole."""
    alone = {name_key(name) for name, label, *_ in cands if label in _NAME_LABELS and " and " not in name}
    out: list = []
    for name, label, start, end, span in cands:
        ands = [t.i for t in span if t.lower_ == "and"] if label in _NAME_LABELS else []
        if len(ands) != 1:
            out.append((name, label, start, end, span))
            continue
        left, right = _trim_possessive(doc[span.start : ands[0]]), _trim_possessive(doc[ands[0] + 1 : span.end])
        named = len(left) and len(right) and left[-1].is_title and right[0].is_title
        if named and (name_key(right.text) in alone or _stands_alone(doc_text(doc), right.text)):
            out += [(part.text, label, part.start_char, part.end_char, part) for part in (left, right)]
        else:
            out.append((name, label, start, end, span))
    return out


def _stands_alone(text: str, name: str) -> bool:
    """Whether the text uses `name` somewhere not right after "and"/"&" nor opening a sentence ("Young people …" is
    no sign that "Ernst and Young" is two firms); the tagger may have left that use untagged."""
    return any(
        not re.search(r"(?:\band|&|[.!?:\"”’\n]|^)[ \t]*$", text[max(0, m.start() - 5) : m.start()])
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    )


def _trim_possessive(span: Span) -> Span:
    """ "Kroger's" → "Kroger": the possessive ending is no part of the name."""
    end = span.end
    while end > span.start and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return span.doc[span.start : end]
