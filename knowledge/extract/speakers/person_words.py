"""The words speaker resolution reads people by, as data: gender shown by honorifics and role nouns, nouns for
people and groups, and the roles a relative clause gives ("X, who runs the press office" is its head)."""

from __future__ import annotations

import functools
from importlib import resources

from knowledge.names import ROLE_NOUNS

PRONOUNS = {"he": ("sg", "m"), "she": ("sg", "f"), "they": ("pl", None), "both": ("pl", None)}
# The object forms, which name a source only after "according to" ("according to her").
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
HONORIFICS |= {"miss": "f", "lady": "f", "dame": "f", "madam": "f"}
# Role nouns that show gender, and the one role word each shares with its other forms.
GENDERED = {
    "spokesman": ("m", "spokesperson"),
    "spokeswoman": ("f", "spokesperson"),
    "chairman": ("m", "chair"),
    "chairwoman": ("f", "chair"),
    "congressman": ("m", "congressman"),
    "congresswoman": ("f", "congressman"),
    "businessman": ("m", "businessman"),
    "businesswoman": ("f", "businessman"),
    "king": ("m", "king"),
    "queen": ("f", "king"),
    "prince": ("m", "prince"),
    "princess": ("f", "prince"),
    "husband": ("m", "husband"),
    "wife": ("f", "wife"),
    "father": ("m", "father"),
    "mother": ("f", "mother"),
    "son": ("m", "son"),
    "daughter": ("f", "daughter"),
    "brother": ("m", "brother"),
    "sister": ("f", "sister"),
    "widow": ("f", "widow"),
    "actress": ("f", "actor"),
    "grandmother": ("f", "grandmother"),
    "grandfather": ("m", "grandfather"),
    "woman": ("f", "woman"),
    "man": ("m", "man"),
}
# "the CEO" and "the chief executive" ("chief" by the deputy rule) are both the company's head
SYNONYMS = {"spokesperson": "spokesperson", "advisor": "adviser", "chief": "head", "premier": "minister", "ceo": "head"}
# Groups that "they" can stand for ("Regulators said ... They added").
GROUP_NOUNS = frozenset(
    """
    activists analysts authorities campaigners citizens critics diplomats doctors economists engineers experts
    farmers fishermen growers inspectors investigators judges lawmakers lawyers leaders ministers negotiators nurses
    officials opponents organisers organizers pilots police prosecutors protesters rebels regulators residents
    scientists soldiers sources supporters teachers troops unions voters workers
    """.split()
)
# Words for people that are not titles in ROLE_NOUNS but can be antecedents ("a deputy", "two officials").
PERSON_NOUNS = (
    set(ROLE_NOUNS)
    | set(GENDERED)
    | GROUP_NOUNS
    | {g[:-1] for g in GROUP_NOUNS if g.endswith("s")}
    | set(
        """
    administrator attorney coordinator councillor councilor deputies deputy editor envoy manager mediator member
    officer owner professor researcher strategist student treasurer witness
        """.split()
    )
)
# "X, who runs the press office": the verbs of a relative clause that give X a role, and the role words.
RELATIVE_ROLES = {
    "run": {"director", "head"},
    "head": {"director", "head"},
    "lead": {"head", "leader"},
    "direct": {"director", "head"},
    "chair": {"chair", "head"},
    "manage": {"head", "manager"},
    "advise": {"adviser"},
    "represent": {"envoy", "representative"},
    "speak": {"spokesperson"},
    "negotiate": {"negotiator"},
    "command": {"commander"},
    "govern": {"governor"},
    "edit": {"editor"},
    "found": {"founder"},
    "own": {"owner"},
}


def role_word(word: str) -> str:
    """The one role word a person noun shares with its other forms: "spokeswoman" → "spokesperson", "CEO" →
    "head", "officials" → "official"."""
    word = word.lower()
    if word in GENDERED:
        return GENDERED[word][1]
    return SYNONYMS.get(word, word[:-1] if word.endswith("s") and word[:-1] in PERSON_NOUNS else word)


def elect_role(word: str) -> str | None:
    """ "president-elect" → its own role word ("president-elect"): a person chosen for a role is not its holder
    yet ("the president" is still another person), so the role is kept apart; None for other words."""
    base, sep, rest = word.lower().rpartition("-")
    return f"{role_word(base)}-elect" if sep and rest == "elect" and base in PERSON_NOUNS else None


@functools.lru_cache(maxsize=1)
def given_genders() -> dict[str, str]:
    """First name -> "m" / "f" from given_genders.txt (lines "f: name name ...")."""
    text = resources.files("knowledge.extract.speakers").joinpath("given_genders.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        g, sep, names = line.partition(":")
        if sep and g in ("m", "f"):
            out.update((n, g) for n in names.split())
    return out
