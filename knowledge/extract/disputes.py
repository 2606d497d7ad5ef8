"""Disputes: a denial linked to the claim it denies, within one article and across articles.

A denial is tied to a claim only when both are about the same proposition: the denial's content shares the claim's
content words beyond names, or refers back to the claim just before it in its own article ("denied the claim",
"rejected Lukashenko's account"). Who the claim is about and whom the denial names rank the candidates; a denial
that names its claimant ("Trump's claim that ...") answers that claimant only. Each denial keeps its best match
only, so it does not fan out to every claim in the store, while one claim may draw several denials. A rebuttal is
a denial, or a verdict on a named statement under another cue ("said Quill's claims were misleading"); a statement
that says another's claim is not so under no denial cue is a counter-statement (`counters`). Here: the scoring,
shared by the pairing within an article (`in_article`) and across articles (`persist.writer`).
"""

from __future__ import annotations

import functools
import re

from knowledge.extract.analysis import LocalClaim
from knowledge.extract.events import OBJECT_VERBS
from knowledge.extract.parse.cues import DENY, NO_COMMENT, REFUSALS
from knowledge.text.wellformed import has_finite_verb
from knowledge.tuning import tuning

NOT_DISPUTABLE = (DENY, NO_COMMENT)  # a denial answers a claim; declining to comment claims nothing
# stances a verdict on another's statement can come with ("said Quill's claims were misleading", "accused ... of")
VERDICT_STANCES = ("assert", "criticize", "accuse")


# The nouns that name a statement, in one place: the core ones a lead names ("rejected Quill's account, saying
# ..."); those a denial or verdict may also name ("dismissed the rumours", "called the figures invented"); and what
# only a back-reference ("denied any wrongdoing") or a content's head ("denied the notion") says.
STATEMENT = (
    r"claims?|allegations?|accusations?|reports?|account|accounts|remarks?|suggestions?|assertions?|charges?|version"
    r"|statements?|narratives?"
)
_SAID = (
    r"rumou?rs?|story|stories|comments?|(?:mis)?characteri[sz]ations?|announcements?|figures?|data|tall(?:y|ies)"
    r"|findings|numbers|results?|materials?|imputations?"
)
# "denied the claim", "rejected Lukashenko's account", "dismissed the reports", "the other firm's announcement": a
# denial that points back at a claim
BACKREF = re.compile(
    r"^(?:that\s+)?(?:(?:the|these|those|such|this|his|her|their|[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*[’']s?"
    r"|the\s+(?:[\w-]+\s+)?[\w-]+[’']s)\s+)?"
    rf"(?:\w+\s+)?(?:{STATEMENT}|{_SAID}|wrongdoing)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
_POSSESSIVE = re.compile(r"[’'](?:s)?$")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from about as into over after before than that this these
    those it its he she they them his her their we our you your i me my be is are was were been being have has had
    do does did not no nor so such there here what which who whom whose when where why how all any both each few
    more most other some own same very can could will would shall should may might must also only just even still
    then now again further once very said says say told tell claim claims claimed denied deny denies would ever
    never against while during without within because upon out up down off
    story stories report reports account accounts statement statements allegation allegations assertion assertions
    remark remarks idea notion narrative version rumor rumors rumour rumours""".split()  # nouns naming a statement
)


@functools.lru_cache(maxsize=1024)
def proposition_words(text: str) -> frozenset[str]:
    """Lower-case words that carry meaning, crudely stemmed; capitalised words are names, which entity keys cover,
    so two statements never match on who they name alone. Not `brief.storylines.content_words`, which keeps names
    and folds accents: that one asks whether two reports tell one story, this one whether a denial and a claim are
    about one proposition beyond who is named."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0].isupper() or w.lower() in STOPWORDS or len(w) < 3:
            continue
        w = _POSSESSIVE.sub("", w.lower())  # "the court’s order" and "a court order" name one court
        for suffix in ("ment", "ing", "ion", "ed", "es", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.add(w[:-1] if len(w) > 4 and w.endswith("e") else w)  # "engage", "engaged", "engagement": "engag"
    return frozenset(out)


# A denial that names what it denies: "denied the claim", "rejected Trump's claim that …", "claims made by …".
_CLAIM_NOUN = re.compile(rf"\b(?:{STATEMENT}|{_SAID}|notion|idea)\b", re.I)
# words that judge a statement untrue: with a claim noun they make a rebuttal of whatever stance the cue gave
# ("said Quill's claims were highly misleading", "described parts of the announcement as erroneous")
VERDICT = re.compile(
    r"\b(?:false(?:hoods?)?|untrue|misleading|erroneous|baseless|groundless|unfounded|fabricat\w*|invented|made[- ]up"
    r"|inaccurate|incorrect|fake|bogus|forged|nonsense|mischaracteri[sz]\w*|misrepresent\w*|distort\w*"
    r"|implausible|absurd|preposterous|ludicrous|ridiculous|contrived|concocted|fiction(?:al)?|propaganda|smears?"
    r"|meritless|without\s+merit|frivolous|politically\s+motivated|distract\w*|deflect\w*|(?:mis|dis)information)\b",
    re.I,
)
# "Trump's claim that …", "claims made by Trump regarding …": a denial that names whose statement it answers
_NAMES_CLAIMANT = re.compile(
    r"\b[A-Z][\w.-]*(?:[’']s|[’'])\s+(?:\w+\s+)?(?i:claims?|allegations?|accusations?|assertions?|account|remarks?"
    r"|suggestions?|charges?|version|statements?|comments?|narratives?|announcements?)\b"
    r"|(?i:\b(?:claims?|allegations?|accusations?|assertions?|remarks?|statements?|comments?)\s+(?:\w+\s+)?by\s)"
)
# the cues whose object may be the denier's own act, named by a verb in -ing: "denied violating the order";
# "rejected raising taxes" and "disputed funding" refuse a plan or question a sum, they deny no deed
DENIES_DOING = frozenset({"deny"})
# a verb in -ing opening the content, perhaps after "ever" or "having": not "anything", "nothing" or "something"
_DOING = re.compile(r"^(?:ever\s+|never\s+|having\s+(?:ever\s+)?)?(?!(?:any|some|no|every)thing\b)[a-z]{2,}ing\s+\w")
CLAIM_NOUN_WORDS = 10  # a denial names the claim near its start, or it is about something else


def states_a_rebuttal(denial_text: str, cue_lemma: str = "") -> bool:
    """Whether a denial's content can answer a statement: a clause that says something ("that the offer came
    too late"), words naming a statement ("the claim", "Trump's claim that he mediated"), or, after "deny", an
    act the denier is said to have done ("denied violating the order", "denies ever having met him": the
    statement "it violated the order" denied by its doer). "Refused to meet demands", "rejected Couche-Tard's
    offer", "moved to dismiss the lawsuit" act on something; they answer no statement, and pairing them with one
    sets unrelated words side by side."""
    text = re.sub(r"^(?:that|whether)\s+", "", denial_text.strip(), flags=re.I)
    if text.lower().startswith("to "):
        return False  # "refused to meet demands …": an act declined, not a statement denied
    if cue_lemma.lower() in DENIES_DOING and _DOING.match(text):
        return True
    head = " ".join(text.split()[:CLAIM_NOUN_WORDS])
    if _CLAIM_NOUN.search(head):
        return True
    return has_finite_verb(text) and not acts_on_a_filing(text)


# a filing named as the object: "a federal lawsuit Disney filed against the governor", "the company's appeal";
# what follows may describe it ("Disney filed"), never say something of it ("the lawsuit was baseless") or give
# its content ("the complaint that the fees had doubled")
_FILING = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their|this|that)\s+|[A-Z][\w.’'-]*[’']s?\s+)?(?:[\w.$,-]+\s+){0,3}?"
    rf"(?:{'|'.join(sorted(OBJECT_VERBS['file']))})s?\b(?!\s+(?:is|was|are|were|has|had|as|would|will|that)\b)",
    re.I,
)


def acts_on_a_filing(text: str) -> bool:
    """ "Dismissed a federal lawsuit Disney filed against the governor", "rejected the appeal": the object is a
    filing, and the verb in it ("filed") only describes the filing; a judge dismissing a case or a party opposing a
    motion answers no statement. "Denied that the lawsuit had merit" says something of it, and still can."""
    return bool(_FILING.match(text))


def rebuts(stance: str, text: str, cue_lemma: str = "") -> bool:
    """Whether a claim answers another's statement: a denial, or a verdict on a named statement ("Quill's claims
    were highly misleading", "called the figures invented"), which the cue ("said", "described") does not mark as
    a denial. A verdict on anything else ("called the withdrawal regrettable") rebuts nothing, nor does a refusal
    ("his lawyer offered a closed session, but Chaffetz declined")."""
    if cue_lemma.lower() in REFUSALS:
        return False
    if stance == DENY:
        return True
    head = " ".join(text.split()[:CLAIM_NOUN_WORDS])
    named = _CLAIM_NOUN.search(head) or judges_what_came_before(text)
    return stance in VERDICT_STANCES and bool(VERDICT.search(text) and named)


# "This is clearly an attempt to deflect responsibility", "That was pure fabrication": a verdict whose subject is a
# demonstrative points back at what was said just before, as "the claim" does
_DEMONSTRATIVE_VERDICT = re.compile(r"^(?:that\s+)?(?:this|that|these|those)\s+(?:is|was|are|were|has\s+been)\s", re.I)


def judges_what_came_before(text: str) -> bool:
    """A verdict said of a demonstrative ("This is an attempt to distract", "That was false"): it judges the
    statement just before it, named by "this" instead of "the claim"."""
    opening = text.strip().lstrip("“\"‘'")
    return bool(_DEMONSTRATIVE_VERDICT.match(opening)) and bool(VERDICT.search(opening))


def names_its_claimant(denial_text: str) -> bool:
    """ "Rejected Trump's claim that …", "denied claims made by Trump regarding …": such a denial answers a
    statement of the one it names, never another's on the same subject."""
    head = " ".join(denial_text.split()[:CLAIM_NOUN_WORDS])
    return bool(_NAMES_CLAIMANT.search(head))


def same_proposition(
    denial_text: str, claim_text: str, shared_entities: set[str], named: bool, about_denier: bool, across: bool
) -> float:
    """Evidence (0 = none) that a denial answers this claim: content words shared beyond names, helped by entities
    shared beyond the two speakers. A bare back-reference ("rejected Trump's assertions") is no evidence here: it
    names a person, not a proposition, and would pair with any claim of Trump's in the store; `in_article._referred_back`
    answers it with the claim just before it in its own article."""
    dw, cw = proposition_words(denial_text), proposition_words(claim_text)
    shared = dw & cw
    overlap = len(shared) / max(1, min(len(dw), len(cw)))
    linked = bool(shared_entities) or named or about_denier  # the two are about the same people, too
    t = tuning()
    if named and quotes_the_claim(denial_text, claim_text):
        return 1.5  # its claimant named and the claim's own words quoted: no looser wording matches better
    if len(shared) >= t.proposition_words + across and overlap >= t.proposition_overlap:
        return 0.5 + overlap
    # one shared word only between clauses: "the story about her emails" names a statement by its subject
    one_word = shared and overlap >= 0.5 and not BACKREF.match(denial_text.strip()) and has_finite_verb(denial_text)
    if not across and linked and (len(shared) >= 2 and overlap >= 0.2 or one_word):
        return 0.5 + overlap  # "Daal had walked out" / Daal: "I did not walk out": short, but the same act
    return 0.0


def quotes_the_claim(denial_text: str, claim_text: str) -> bool:
    """A rebuttal that quotes the words it rejects ('rejected what it called Holt's accusation of "funding armed
    groups abroad"'): some quoted run of it holds `proposition_words` content words, all of them the claim's. A
    short quote ("baseless", "a fiction") is a verdict, not the claim restated."""
    claimed = proposition_words(claim_text)
    quoted = (proposition_words(q) for q in _QUOTED.findall(denial_text))
    return any(len(w) >= tuning().proposition_words and w <= claimed for w in quoted)


def dispute_score(
    denial_speaker: str | None,
    denial_about: set[str],
    denial_text: str,
    claim_speaker: str | None,
    claim_about: set[str],
    claim_text: str,
    across: bool = False,
    denial_cue: str = "",
) -> float:
    """Entity keys are opaque strings so the same scoring serves local indexes and stored ids.

    A denial and a claim are paired only when they are about the same proposition (`same_proposition`); who the
    claim is about and whom the denial names only rank the candidates that pass, so a denial is never paired on
    its speakers alone, and an unrelated denial by the same person stays a plain denial.
    """
    if denial_speaker is None or denial_speaker == claim_speaker or not states_a_rebuttal(denial_text, denial_cue):
        return 0.0
    shared = (denial_about & claim_about) - {denial_speaker, claim_speaker}
    named = claim_speaker is not None and claim_speaker in denial_about
    if names_its_claimant(denial_text) and not named:
        return 0.0  # "rejected Trump's claim": never a claim by someone else, however close its words
    about_denier = denial_speaker in claim_about
    evidence = same_proposition(denial_text, claim_text, shared, named, about_denier, across)
    if not evidence:
        return 0.0
    score = tuning().dispute_threshold + 0.1 * evidence + 0.1 * min(len(shared), 2)
    return score + 0.1 * named + 0.1 * about_denier


def disputable_by(claim: LocalClaim, other: LocalClaim) -> bool:
    """`other` may dispute `claim`: a statement that can be disputed, by a known speaker who is not `other`'s (a
    party never disputes itself, and no one disputes no one)."""
    return claim.stance not in NOT_DISPUTABLE and speaker_key(claim) not in (None, speaker_key(other))


def speaker_key(claim: LocalClaim) -> str | None:
    """An unnamed speaker ("a council spokesman") is keyed by its words, so it can deny and be denied too."""
    if claim.speaker_entity is not None:
        return str(claim.speaker_entity)
    return f"words:{claim.speaker.lower()}" if claim.speaker else None
