"""The well-formedness check every summary line passes (and every rebuttal: a denial must state something).

The grounding check (`knowledge.brief.grounding`) proves every word of a line is in its sources; it cannot see that
"Kellogg was absent from’s discussions" or "Clinton (claim): “him for not paying income tax”" is no sentence,
because every word is there. This check looks at the form instead, without a parser (a summary is composed in
milliseconds; the store keeps no parse): a line, or the clause a "Speaker says …" frame wraps, needs a finite
verb; quotation marks are balanced; no possessive dangles ("from’s", "Kellogg’s the") and no article lacks its
noun ("The of External Affairs said", a page that lost a word); a cut never ends on a
function word ("…described the meeting as a") nor opens on a lowercase word. A line that fails is replaced by
another candidate of its storyline, never shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_WORDS = 4  # fewer words than this is a label or a fragment, not a statement

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
AUXILIARIES = set(
    """is are was were be been am has have had do does did will would can could shall should may might must
    isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't couldn't shouldn't
    mustn't cannot""".split()
)
# Finite forms that no suffix rule finds: irregular pasts and common present forms of speech and action verbs.
FINITE = set(
    """said told met took made gave left sent spoke led held let put beat won hit found saw came went began became got
    knew thought brought bought sold ran set cut kept stood fell felt grew drew wrote broke chose rose drove struck
    fought shot threw paid meant built spent heard taught caught sought lost fled flew froze withdrew swore understood
    says tells wants plans seeks faces leads backs calls thinks believes knows sees needs remains appears seems means
    makes takes gives gets goes comes keeps hopes expects claims denies insists argues warns notes adds writes admits
    accuses urges vows promises plans supports opposes agrees refuses offers continues holds shows suggests reports
    confirms sued died lied tied owed axed eyed slid shut quit""".split()
)  # the short regular pasts ("sued", "died") are listed: the -ed rule below reads only words of five letters or more
# Base forms that are finite after a plural subject ("officials say", "they want", "schools remain").
PLURAL_FINITE = set(
    """say want need remain believe think know plan seem appear continue face expect show suggest support oppose
    agree claim deny insist argue warn hope fear see help lead hold make take get go come call accuse""".split()
)
_VERB_PREFIXES = {"re", "co", "pre", "e", "de", "un", "over", "out", "mis"}
# Finite reporting verbs whose words after them must be a clause (what was said), not a noun phrase.
_REPORTING = re.compile(
    r"\b(?:say|said|says|claimed|claims|argued|argues|insisted|insists|warned|warns|told|tells|added|adds|noted|notes|"
    r"contended|contends|alleged|alleges)\b"
)
_OBJECT_PRONOUNS = {"him", "them", "us", "me"}
_SHORT_OBJECTS = {"it", "so", "this", "that", "yes", "no", "nothing", "otherwise", "them", "him", "her", "as", "much"}
SUBJECTS = {"i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "there", "this", "these", "those"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
# Words a cut may not end on: an article, a preposition or conjunction waiting for its object or clause, a title
# waiting for its name ("… proposals from Mr.").
OPEN_ENDS = set(
    """a an the of to in on at by for from with about as into over after before and or but nor if than his their
    its my your our whose whom which where when whether because although though while during against between
    among without within under toward towards via per that mr mrs ms dr gov sen rep gen st""".split()
)
# Words that form a contraction before ’s ("it’s", "that’s"); any other function word before ’s is a deletion scar.
_CONTRACTING = {"it", "that", "there", "he", "she", "what", "who", "here", "where", "let"}
_SCARRED = re.compile(r"(?:^|[\s(])([A-Za-z]+)?[’']s\b")
# An article with no noun after it ("The of External Affairs said"): a word lost from the source or by a cut.
_BARE_ARTICLE = re.compile(
    r"\b(?:[Tt]he|[Aa]n|a)\s+(?:of|to|in|on|at|by|for|from|with|and|or|but|nor|is|are|was|were|has|have|had)(?![\w’'-])"
)
_POSSESSIVE_BEFORE = re.compile(r"\b\w+[’']s\s+(?:the|a|an|of|and|or|to|by|for|from|with)\b|\b\w+[’']s[.,;:]?\s*$")


@lru_cache(maxsize=8192)  # a briefing asks it of every claim's words, and again of the lines built from them
def has_finite_verb(text: str) -> bool:
    """A verb that makes the words a clause: an auxiliary or modal, a known finite form, a past form in -ed that
    no article precedes ("the alleged"), or a present form in -s right after a subject word ("he says")."""
    raw = _WORD.findall(text.replace("’", "'"))
    words = [w.lower() for w in raw]
    for i, w in enumerate(words):
        prev = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if (w in AUXILIARIES or w.endswith("n't")) and (after or w not in ("do", "does", "did")):
            return True  # "not doing do": a bare "do" at the end is a slip, not the clause's verb
        if w in FINITE:
            return True
        if w.endswith("'s") and w[:-2] in _CONTRACTING:
            return True  # "it's", "that's": a verb in the contraction
        if w in PLURAL_FINITE and (prev in SUBJECTS or (len(prev) > 3 and prev.endswith("s") and prev[-2:] != "ss")):
            return True
        if len(w) > 4 and w.endswith("ed") and not _modifier(words, i) and _verb_compound(w):
            return True
        named = i > 0 and raw[i - 1][:1].isupper() and raw[i][:1].islower() and after not in OPEN_ENDS
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and (prev in SUBJECTS or named):
            return True  # "he says", "Anand praises Field"; not "Russia-U.S. discussions in …"
    return False


def _modifier(words: list[str], i: int) -> bool:
    """A word in -ed after an article or a possessive, perhaps with an adverb between, describes the noun after it
    ("the alleged plot", "Galen's newly unsealed complaint"): it is no finite verb."""
    before = words[max(0, i - 2) : i]
    if before and before[-1].endswith("ly") and len(before) == 2:
        before = before[:1]  # "newly", "recently": look past the adverb
    prev = before[-1] if before else ""
    return prev in DETERMINERS or prev.endswith(("'s", "s'"))


def _verb_compound(word: str) -> bool:
    """A hyphenated word in -ed is an adjective ("nuclear-armed", "US-brokered") unless it opens on a verb prefix
    ("re-elected", "co-founded")."""
    return "-" not in word or word.split("-", 1)[0] in _VERB_PREFIXES


_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:then\s+|also\s+|later\s+)?([a-z]+)\b")
_PAST_IRREGULAR = {w for w in FINITE if not w.endswith("s")}  # "said", "met", "sued": FINITE's past forms


def coordinated_past(words: str) -> bool:
    """A second verb in the past joined to the object of the first ("the injunction for the FTC and ruled in
    favor of Microsoft"): a present-tense frame around the object ("Corley denies …") would leave that verb in
    the past, and a deed would read as speech; the sentence itself says it better. Words that are a clause before
    the joined verb are the reported clause's own ("the operators had written the report and left")."""
    for m in _COORDINATED.finditer(words):
        w = m.group(1)
        if w in _PAST_IRREGULAR or (len(w) > 4 and w.endswith("ed") and _verb_compound(w)):
            # the verb's own subject is the speaker only where the words before it are no clause of their own
            # ("… says the operators had written the report and left" keeps both verbs in the reported clause)
            return not has_finite_verb(words[: m.start()])
    return False


def reported_without_clause(text: str) -> str | None:
    """The words a reporting verb introduces when they are no clause: "Trump claimed credit for the truce",
    "officials warned of a long strike" report no statement, however well formed the sentence around them is;
    None when the verb's words are a clause, a short object ("denied it"), or nothing (the quote came first:
    "“We will win,” Voss said on Monday")."""
    for m in _REPORTING.finditer(text):
        before = text[: m.start()]
        if any(q in before for q in '”"') or text[m.end() :].lstrip().startswith(("“", '"', ",")):
            return None  # the reported words are a quote, before or after the verb, or around it ("…, she said, …")
        said = re.sub(r"^\s*(?:that|whether|if)\b", "", text[m.end() :].split(";")[0]).strip(" ,.;:")
        words = _WORD.findall(said)
        if words and words[0].lower() in _OBJECT_PRONOUNS and not m.group(0).startswith(("tel", "told", "warn")):
            return said  # "say him of crimes": only "tell" and "warn" take the person told before what is said
        if not words or all(w.lower() in _SHORT_OBJECTS for w in words[:2]) and len(words) <= 2:
            return None
        return None if has_finite_verb(said) or _maybe_verb(said) else said
    return None


def _maybe_verb(said: str) -> bool:
    """Words that may hold a verb the finite-verb test cannot see: a quoted piece, or a lowercase word in -s
    after a word that is no article or preposition ("the offer grossly undervalues the company"); the check of
    what is reported errs towards showing a line."""
    if any(q in said for q in '“”"'):
        return True
    words = _WORD.findall(said)
    for prev, w in zip(["the", *words], words, strict=False):
        ends = len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
        if ends and w.islower() and prev.lower() not in OPEN_ENDS | DETERMINERS:
            return True
    return False


# A sentence whose subject points back at the article's previous one ("This follows …", "The move comes a year
# after …", "Such a deal would …"): alone in a briefing it names nothing.
_LEANS_BACK = re.compile(
    r"^[“\"‘(]*(?:(?:this|these|those|such)\b(?!\s+(?:year|week|month|morning|afternoon|evening|weekend)\b)|"
    r"the\s+(?:move|decision|step|development|announcement|news|remarks|comments|statement|topic|incident|episode)\s+"
    r"(?:\w+ly\s+)?(?:is|was|comes|came|follows|followed|marks|marked|means|meant|could|would|will|seems|seemed"
    r"|appears|appeared)\b)",
    re.I,
)
# "2025 - Nippon Steel sued …": the year of a "January 7, 2025 -" dateline left before the sentence
_DATELINE_REST = re.compile(r"^\d{1,4}\s*[-–—]\s")


def quotes_balanced(text: str) -> bool:
    """Double quote marks pair up, and every opening single quote (‘) is closed by a ’ that ends a word — a ’
    followed by a letter is an apostrophe ("let’s"), which closes nothing."""
    if "''" in text or text.count("“") != text.count("”") or text.count('"') % 2:
        return False
    closings = [i for i, ch in enumerate(text) if ch == "’" and not text[i + 1 : i + 2].isalpha()]
    return all(any(c > i for c in closings) for i, ch in enumerate(text) if ch == "‘")


def brackets_balanced(text: str) -> bool:
    """Every "(" and "[" is closed after it opens: "a review of the result this Tuesday (30" lost its ")"."""
    for opening, closing in ("()", "[]"):
        depth = 0
        for ch in text:
            depth += (ch == opening) - (ch == closing)
            if depth < 0:
                return False
        if depth:
            return False
    return True


# Words after a verb-like first word that show it is a noun heading the subject ("claims of fraud were …",
# "plans for a strike are …"), not a verb missing its subject.
# "what it called an attempt to …": the words a speaker's label wraps are a noun phrase; its verb is the label's
_LABEL = re.compile(
    r"^what\s+(?:[\w’'-]+\s+){1,3}?(?:called|calls|termed|terms|dubbed|dubs|(?:described|describes|characterized|"
    r"characterised|characterizes|characterises)\s+as)\s+",
    re.I,
)
_NOUN_AFTER = {"of", "for", "to", "from", "by", "in", "on", "at", "with", "about", "over", "against", "and", "or"}
_NOUN_AFTER |= AUXILIARIES | {"said", "say", "says"}


def lacks_subject(clause: str) -> bool:
    """What a frame wraps opens on a finite verb, so it has no subject: "which the maker said makes links …"
    kept as "says makes links …", "who said was leaving" as "says was leaving"."""
    words = [w.lower() for w in _WORD.findall(clause.replace("’", "'"))[:2]]
    if not words or clause.lstrip(' “"')[:1].isupper():
        return False
    first, after = words[0], (words[1] if len(words) > 1 else "")
    if first in AUXILIARIES - {"be", "been", "do"}:
        return True  # "was leaving", "has agreed", "will appeal"
    return first in FINITE and after not in _NOUN_AFTER


def form_problems(text: str, clause: bool = True, infinitive: bool = False, opening: bool = True) -> list[str]:
    """Why `text` is not a well-formed line (empty: it is). `clause=False` skips the finite-verb test for text a
    frame already supplies a verb for; `infinitive=True` accepts "to …" as a complement ("claims to have met");
    `opening=False` allows the lowercase start of a clause a frame leads into ("Kellogg says the remarks …")."""
    return list(_form_problems(text, clause, infinitive, opening))


# A briefing tests one sentence several times (as a candidate, then as the chosen line; a claim reported by many
# outlets in the same words), and the answer depends on the words alone: each asked once while it stays recent.
@lru_cache(maxsize=8192)
def _form_problems(text: str, clause: bool, infinitive: bool, opening: bool) -> tuple[str, ...]:
    found: list[str] = []
    body = text.strip().rstrip(".!?").strip()
    words = _WORD.findall(body)
    if len(words) < MIN_WORDS:
        found.append(f"fewer than {MIN_WORDS} words")
    if opening and body[:1].islower():
        found.append("opens on a lowercase word: a cut inside a sentence")
    if _LEANS_BACK.match(body):  # alone or after a frame ("Moen says such a letter comes …")
        found.append("opens on a reference to what came before: the line cannot be read alone")
    if opening and _DATELINE_REST.match(body):
        found.append("opens on what a dateline left: a date before a dash")
    to_clause = infinitive and body.lower().startswith("to ") and len(words) >= MIN_WORDS
    if clause and not to_clause and not has_finite_verb(body):
        found.append("no finite verb: a noun phrase is not a statement")
    label = _LABEL.match(body) if clause else None
    if label and not has_finite_verb(body[label.end() :]):
        found.append("a label and its noun phrase (“what it called …”) are not a statement")
    if not quotes_balanced(body):
        found.append("quotation marks not balanced")
    if not brackets_balanced(body):
        found.append("brackets not balanced")
    if not opening and clause and lacks_subject(body):
        found.append("the clause opens on its verb: it has no subject")
    for m in _SCARRED.finditer(body):
        base = (m.group(1) or "").lower()
        if not base or (base in OPEN_ENDS | DETERMINERS and base not in _CONTRACTING):
            found.append(f"dangling possessive: “{m.group(0).strip()}”")
    if _POSSESSIVE_BEFORE.search(body):
        found.append("possessive without its noun")
    bare = _BARE_ARTICLE.search(body)
    if bare:
        found.append(f"article without its noun: “{bare.group(0)}”")
    nothing_said = reported_without_clause(body) if clause else None
    if nothing_said:
        found.append(f"what is reported is no clause: “{nothing_said[:40]}”")
    last = words[-1].lower() if words else ""
    if last in OPEN_ENDS or body.endswith(("…", ",", ";", ":", "-", "—", "–")):
        found.append(f"cut after a function word or mark: “{body[-12:]}”")
    if len(last) == 1 and last.isalpha() and words[-1].islower() and last not in OPEN_ENDS:
        found.append(f"cut inside a word (a page that stops mid-word): “{body[-12:]}”")
    return tuple(found)


def well_formed(text: str) -> bool:
    return not form_problems(text)
