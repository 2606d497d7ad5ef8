"""Hypothesis strategies for text shaped like real news, built here from parts (no real article is used).

Real articles broke extraction where the tidy ones written for the tests never did: deeds next to sayings
("voted against the bill"), attributions nested in reports ("According to the Ledger, officials said …"),
quotes split around their cue or left open, datelines, captions and credits, pronoun speakers, anonymous sources,
headlines without a period. Each strategy combines those shapes at random so a property can claim that no
extraction stage raises on any of them.
"""

from __future__ import annotations

from hypothesis import strategies as st

PEOPLE = [
    "Maria Lindqvist",
    "Ola Berg",
    "Ana Ruiz",
    "Dr. Kwame Mensah",
    "Sen. Patricia O'Neill",
    "Jean-Luc Moreau",
    "Li Wei",
    "Tom Hadley Jr.",
]
SURNAMES = ["Lindqvist", "Berg", "Ruiz", "Mensah", "O'Neill", "Moreau", "Hadley"]
GROUPS = [
    "the Harbour Authority",
    "Northwind Corp.",
    "the Ministry of Transport",
    "the union",
    "the White House",
    "two people familiar with the matter",
    "a senior official",
    "officials",
    "the company",
]
OUTLETS = ["the Ledger", "Reuters", "NBC News", "the Harbour Gazette", "The Associated Press"]
REFERENCES = ["he", "she", "they", "the company", "the minister", "a spokesperson", "his aide", "who"]
SAY = ["said", "says", "told reporters", "denied", "claimed", "insisted", "warned", "added", "argued", "confirmed"]
SAY_MORE = ["wrote in a statement", "tweeted", "has repeatedly said", "said in an interview", "told NBC News"]
CLAUSES = [
    "the deal would close by June",
    "Berg had never met the envoy",
    "the figures were wrong",
    "costs will rise 12% next year",
    "nobody had been told about the plan",
    "it was not a ceasefire",
    "the vote was rigged",
    "Lindqvist's team would appeal the ruling on Tuesday",
]
DEEDS = [
    "voted against the budget",
    "sponsored the water act",
    "signed the order on 3 March 2025",
    "met Ruiz in Riga last Thursday",
    "has railed against the tax code",
    "is casting himself as a champion of workers",
]
DATELINES = ["GENEVA (AP) —", "WASHINGTON —", "RIGA, Latvia (Reuters) -", "NEW YORK --"]
FURNITURE = [
    "(Photo: Jane Doe/Getty Images)",
    "Advertisement",
    "Sign up for our morning newsletter.",
    "Reporting by Ola Berg; Editing by Tom Hadley",
    "Updated 3:45 p.m. ET",
    "Ruiz's office did not immediately respond to a request for comment.",
    "READ MORE:",
    "Copyright 2016 The Associated Press. All rights reserved.",
]
DAYS = ["on Monday", "last week", "in March", "on Sept. 12", "", "early Tuesday"]

name = st.sampled_from(PEOPLE)
speaker = st.one_of(name, st.sampled_from(SURNAMES), st.sampled_from(GROUPS))
cue = st.sampled_from(SAY + SAY_MORE)
clause = st.sampled_from(CLAUSES)
day = st.sampled_from(DAYS)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(curly: bool) -> tuple[str, str]:
    return ("“", "”") if curly else ('"', '"')


@st.composite
def sentence(draw) -> str:
    s, s2, c, c2 = draw(speaker), draw(speaker), draw(clause), draw(clause)
    open_, close = _quote(draw(st.booleans()))
    shapes = [
        f"{s} {draw(cue)} {draw(day)} that {c}.",
        f"{open_}{_cap(c)},{close} {s} {draw(cue)}.",
        f"{open_}{_cap(c)},{close} {s} said. {open_}{_cap(c2)}.{close}",
        f"According to {draw(st.sampled_from(OUTLETS))}, {s} {draw(cue)} {c}.",
        f"{_cap(s)} {draw(st.sampled_from(DEEDS))}.",
        f"{_cap(s)} {draw(st.sampled_from(DEEDS))}, and {s2} said {c}.",
        f"{_cap(s)}, who declined to be named, said {c}.",
        f"{_cap(s)}, speaking to {draw(st.sampled_from(OUTLETS))}, said {c}.",
        f"{_cap(s)} did not say when {c}.",
        f"{draw(st.sampled_from(DATELINES))} {s} said {draw(day)} that {c}.",
        f"{_cap(s)} said {s2} had said that {c}.",
        f"{_cap(draw(st.sampled_from(REFERENCES)))} {draw(cue)} {c}.",
        f"{open_}{_cap(c)} {s} said.",  # a quote left open
        f"{_cap(s)} {draw(st.sampled_from(DEEDS))}. {_cap(draw(st.sampled_from(REFERENCES)))} said {c}.",
        f"{_cap(c)}, {s} said, adding that {c2}.",
        f"{_cap(s)} asked: {open_}Why would {c}?{close}",
        f"{_cap(s)} declined to comment.",
        draw(st.sampled_from(FURNITURE)),
    ]
    text = draw(st.sampled_from(shapes))
    style = draw(st.sampled_from(["as is", "as is", "as is", "lower", "upper", "no stop", "spaced"]))
    if style == "lower":
        text = text.lower()
    elif style == "upper":
        text = text.upper()
    elif style == "no stop":
        text = text.rstrip(".")
    elif style == "spaced":
        text = text.replace(" ", "  ").replace(",", " ,")
    return text


paragraph = st.lists(sentence(), min_size=1, max_size=4).map(" ".join)


@st.composite
def article(draw) -> str:
    """A headline (usually: short, no final period), a blank line, then 1-8 paragraphs."""
    body = "\n\n".join(draw(st.lists(paragraph, min_size=1, max_size=8)))
    if draw(st.integers(0, 4)) == 0:
        return body
    headline = f"{draw(name)}: {_cap(draw(clause))}" + draw(st.sampled_from(["", "", ".", "?"]))
    return f"{headline}\n\n{body}"


def _numbered(texts: list[str]) -> list[str]:
    return [f"{t}\n\nThis is report {n + 1} of the series." for n, t in enumerate(texts)]


def batch(min_size: int = 1, max_size: int = 3):
    """A batch of articles, none the same text as another (near-copies may happen, as in real feeds)."""
    return st.lists(article(), min_size=min_size, max_size=max_size).map(_numbered)
