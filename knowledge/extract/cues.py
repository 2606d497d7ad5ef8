"""The cue lexicon, kept as data so the rules in `attribution` stay about structure, not vocabulary.

A lemma maps to the stance it gives the attributed content. The learned cue scorer (`cue_model`) decides for words
outside this list; the lexicon is what makes the common cases work without it and what gives every cue a stance.
"""

from __future__ import annotations

ASSERT, DENY, SPECULATE, FORECAST, ACKNOWLEDGE, QUESTION, DEMAND, SUPPORT, CRITICIZE, REPORT = (
    "assert", "deny", "speculate", "forecast", "acknowledge", "question", "demand", "support", "criticize", "report",
)
NO_COMMENT = "no_comment"  # "declined to comment", "did not respond to requests for comment"
COMMENT_VERBS = {"comment", "respond", "reply", "answer", "elaborate", "discuss", "say"}
# Refusing to disclose is not commenting either: "declined to confirm", "did not confirm whether", "would not name"
DISCLOSE_VERBS = {"confirm", "disclose", "reveal", "specify", "identify", "name", "detail", "say"}

VERB_CUES: dict[str, str] = {
    # plain assertion
    "say": ASSERT, "tell": ASSERT, "state": ASSERT, "add": ASSERT, "note": ASSERT, "write": ASSERT,
    "explain": ASSERT, "claim": ASSERT, "insist": ASSERT, "argue": ASSERT, "assert": ASSERT, "declare": ASSERT,
    "announce": ASSERT, "stress": ASSERT, "emphasize": ASSERT, "maintain": ASSERT, "contend": ASSERT,
    "mention": ASSERT, "recall": ASSERT, "continue": ASSERT, "respond": ASSERT, "reply": ASSERT, "answer": ASSERT,
    "remark": ASSERT, "observe": ASSERT, "point": ASSERT, "describe": ASSERT, "call": ASSERT, "cite": ASSERT,
    "tweet": ASSERT, "post": ASSERT, "testify": ASSERT, "allege": ASSERT, "charge": ASSERT, "complain": ASSERT,
    "boast": ASSERT, "brag": ASSERT, "reiterate": ASSERT, "repeat": ASSERT, "confirm": ASSERT, "affirm": ASSERT,
    "assure": ASSERT, "promise": FORECAST, "pledge": FORECAST, "vow": FORECAST, "show": ASSERT, "find": ASSERT,
    "reveal": ASSERT, "indicate": ASSERT, "suggest": SPECULATE, "conclude": ASSERT, "learn": REPORT,
    "report": REPORT, "tout": ASSERT, "joke": ASSERT, "quip": ASSERT, "shout": ASSERT, "chant": ASSERT,
    "proclaim": ASSERT, "signal": ASSERT, "hint": SPECULATE, "imply": SPECULATE,
    "characterize": ASSERT, "label": ASSERT, "dub": ASSERT, "brand": ASSERT, "accuse": CRITICIZE,
    "criticize": CRITICIZE, "attack": CRITICIZE, "blast": CRITICIZE, "slam": CRITICIZE, "condemn": CRITICIZE,
    "denounce": CRITICIZE, "blame": CRITICIZE, "mock": CRITICIZE, "praise": SUPPORT, "endorse": SUPPORT,
    "back": SUPPORT, "support": SUPPORT, "defend": SUPPORT, "urge": DEMAND, "demand": DEMAND, "ask": QUESTION,
    "wonder": QUESTION, "question": QUESTION, "doubt": QUESTION, "deny": DENY, "refute": DENY, "reject": DENY,
    "dismiss": DENY, "dispute": DENY, "rebut": DENY, "contradict": DENY, "disagree": DENY, "refuse": DENY,
    "decline": DENY, "acknowledge": ACKNOWLEDGE, "admit": ACKNOWLEDGE, "concede": ACKNOWLEDGE, "agree": ACKNOWLEDGE,
    "recognize": ACKNOWLEDGE, "speculate": SPECULATE, "guess": SPECULATE, "theorize": SPECULATE,
    "estimate": SPECULATE, "predict": FORECAST, "warn": FORECAST, "forecast": FORECAST, "project": FORECAST,
    "expect": FORECAST, "anticipate": FORECAST, "caution": FORECAST, "threaten": FORECAST, "believe": SPECULATE,
    "think": SPECULATE, "feel": SPECULATE, "suspect": SPECULATE, "fear": SPECULATE, "worry": SPECULATE,
    "hope": SPECULATE, "want": DEMAND, "plan": FORECAST, "seem": SPECULATE, "appear": SPECULATE,
    # communication and evaluation verbs annotators mark as cues (VerbNet's communication, judgement and
    # praise/blame classes); the cue scorer decides in context whether each use is one
    "speak": ASSERT, "talk": ASSERT, "echo": ASSERT, "discuss": ASSERT, "address": ASSERT, "highlight": ASSERT,
    "underline": ASSERT, "underscore": ASSERT, "outline": ASSERT, "detail": ASSERT, "summarize": ASSERT,
    "remind": ASSERT, "inform": ASSERT, "counter": ASSERT, "retort": ASSERT, "reassure": ASSERT, "swear": ASSERT,
    "weigh": ASSERT, "downplay": ASSERT, "propose": DEMAND, "recommend": DEMAND, "request": DEMAND,
    "advise": DEMAND, "encourage": DEMAND, "plead": DEMAND, "implore": DEMAND, "beg": DEMAND, "advocate": DEMAND,
    "promote": SUPPORT, "champion": SUPPORT, "hail": SUPPORT, "applaud": SUPPORT, "commend": SUPPORT,
    "laud": SUPPORT, "welcome": SUPPORT, "thank": SUPPORT, "decry": CRITICIZE, "deplore": CRITICIZE,
    "lament": CRITICIZE, "bemoan": CRITICIZE, "scold": CRITICIZE, "rebuke": CRITICIZE, "chastise": CRITICIZE,
    "berate": CRITICIZE, "lambaste": CRITICIZE, "ridicule": CRITICIZE, "taunt": CRITICIZE, "disparage": CRITICIZE,
    "oppose": CRITICIZE, "object": CRITICIZE, "protest": CRITICIZE, "contest": DENY, "challenge": QUESTION,
}

# "called for", "pointed to": the particle/preposition belongs to the cue in PolNeAR.
PARTICLE_CUES = {("call", "for"), ("call", "on"), ("point", "to"), ("point", "out")}

NOUN_CUES: dict[str, str] = {
    "statement": ASSERT, "claim": ASSERT, "assertion": ASSERT, "remark": ASSERT, "comment": ASSERT,
    "denial": DENY, "warning": FORECAST, "prediction": FORECAST, "speculation": SPECULATE,
    "allegation": ASSERT, "accusation": CRITICIZE, "admission": ACKNOWLEDGE, "promise": FORECAST,
    "pledge": FORECAST, "argument": ASSERT, "suggestion": SPECULATE, "assessment": ASSERT, "view": ASSERT,
}

# Lemmas whose ccomp is a belief rather than an utterance; "according to X" over them makes X the medium.
COGNITION = {"see", "believe", "think", "consider", "view", "feel", "fear", "suspect", "expect", "regard"}

# Words that make "in a tweet", "on Twitter", "to NBC" the channel rather than part of the claim.
MEDIA_NOUNS = {
    "tweet", "post", "interview", "statement", "letter", "email", "e-mail", "op-ed", "column", "speech",
    "video", "broadcast", "podcast", "memo", "report", "twitter", "facebook", "instagram", "telegram", "blog",
    "press", "conference", "briefing", "message", "appearance", "radio", "television", "tv", "newspaper",
    "article", "editorial", "essay", "book", "release", "filing", "testimony", "hearing", "rally", "show",
    "media", "medium", "website", "livestream",  # spaCy lemmatises "media" as "medium"
}

# Verbs that are only cues when they govern a clause ("show that ...", not "show a film").
NEEDS_CLAUSE = {"show", "find", "learn", "continue", "call", "point", "describe", "reveal", "indicate",
                "want", "plan", "expect", "agree", "seem", "appear", "feel", "hope", "add", "support",
                "back", "think", "recall", "post", "report", "ask", "answer", "respond", "reply"}

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "refuse", "decline", "fail"}

SPEAK_ANON = {"anonymously", "anonymity"}

# Adverbs annotators keep inside the cue ("also said", "repeatedly claimed").
CUE_ADVERBS = {"also", "repeatedly", "previously", "later", "often", "again", "publicly", "privately", "recently",
               "already", "never", "not", "immediately", "long", "once", "first", "then", "now", "still", "even",
               "further", "just"}

# Naming verbs: "what X called Y" quotes a label inside someone else's sentence (2 of 13 such uses are cues in dev).
NAMING = {"call", "describe", "term", "dub", "label", "characterize", "brand"}

# Verbs whose subject belongs inside the content ("X seems to ...", "X is expected to ...").
RAISING = {"seem", "appear"}

# Objects that only point back at an earlier statement ("refuted the claim, stating that ...").
CLAIM_NOUNS = {"claim", "claims", "report", "allegation", "accusation", "charge", "story", "rumor", "rumour",
               "assertion", "suggestion", "idea", "notion", "criticism", "statement", "account", "reports"}
