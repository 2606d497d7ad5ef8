"""Name keys that let different spellings of one name meet: case, accents, punctuation and the usual
Latin transliterations of Cyrillic names (Tsikhanouski / Tikhanovsky, Zelensky / Zelenskyy, Kyiv / Kiev).

`name_key` is for exact lookups (alias table); `phonetic_key` is coarser and only ever used with a fuzzy score.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Roles written before a person's name as a formal title ("President Ana Ruiz", "Envoy Tom Vance"): both role words
# (`ROLE_NOUNS`) and words stripped from the front of a name (`strip_titles`), kept once here for both.
FORMAL_TITLES = frozenset("president minister secretary envoy ambassador general".split())
# Role words that make a noun phrase before a name a description of that person (extract/entities, speakers).
ROLE_NOUNS = FORMAL_TITLES | frozenset(
    """
    leader dictator analyst official spokesman spokeswoman spokesperson adviser advisor chancellor premier senator
    governor chief director commander diplomat negotiator prisoner activist blogger figure representative lawmaker
    mayor king prince emperor pope candidate aide head founder ceo chairman chair politician journalist reporter
    correspondent researcher professor economist coordinator executive
    """.split()
)
# Words stripped from the front of a name: the formal titles, honorifics and rank abbreviations, and the words that
# qualify a title ("Prime Minister", "Special Envoy", "U.S. Ambassador", "former President").
_TITLES = FORMAL_TITLES | frozenset(
    """
    mr mrs ms dr sir gen lt col sen rep gov prime special lieutenant retired former u.s us
    """.split()
)
# Ordered rewrites: longer patterns first so "kh" is handled before "h" rules apply.
_TRANSLIT = [
    (r"sch", "sh"),
    (r"kh", "h"),
    (r"zh", "j"),
    (r"ch", "c"),
    (r"ts", "t"),
    (r"tz", "t"),
    (r"ck", "k"),
    (r"ou(?=[sk])", "ov"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"yy\b", "y"),
    (r"iy\b", "y"),
    (r"ii\b", "y"),
    (r"i\b", "y"),
    (r"ie", "e"),
    (r"ei", "e"),
    (r"ey", "e"),
    (r"ia", "a"),
    (r"ya", "a"),
    (r"yu", "u"),
    (r"iu", "u"),
    (r"j", "y"),
    (r"(.)\1", r"\1"),
    (r"y", "i"),
]


# Letters that Unicode does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "ı": "i",
    }
)


def strip_accents(text: str) -> str:
    text = text.translate(_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_DOTTED_INITIAL = re.compile(r"\b([a-z])\.(?=[a-z]\b)")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name. Dotted initials are joined, so "U.S." and "US",
    "J.D. Vance" and "JD Vance" have one key (stored keys are recomputed by migration m008)."""
    text = strip_accents(name).casefold().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = _DOTTED_INITIAL.sub(r"\1", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


@functools.lru_cache(maxsize=65536)
def phonetic_key(name: str) -> str:
    key = name_key(name)
    for pattern, repl in _TRANSLIT:
        key = re.sub(pattern, repl, key)
    return key


def strip_titles(name: str) -> str:
    """A name without the titles in front of it ("Prime Minister", "Sen."). "U.S." is one only before another
    title ("U.S. Ambassador Jo Reyes"): in "U.S. Steel" or "U.S. Bank" it is the name's own first word."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in _TITLES:
        if words[0].casefold().rstrip(".") in _COUNTRY_TITLES and words[1].casefold().rstrip(".") not in _TITLES:
            break
        words = words[1:]
    return " ".join(words)


_COUNTRY_TITLES = {"u.s", "us"}


def part_of_name(short: str, full: str) -> bool:
    """`short` is a shorter form of the person name `full`: its words are some of full's, in order, ending on the
    same surname ("Singh Nijjar", "Hardeep Nijjar", "Nijjar" of "Hardeep Singh Nijjar")."""
    words, whole = name_key(short).split(), name_key(full).split()
    if not words or len(words) >= len(whole) or words[-1] != whole[-1]:
        return False
    rest = iter(whole)
    if not all(w in rest for w in words):
        return False
    before = full.split()[: max(0, len(full.split()) - len(whole) + whole.index(words[0]))]
    return all(_given_name_like(w) for w in before)


def _given_name_like(word: str) -> bool:
    """A word a fuller name may add before the shorter one: a given name, not a title ("Field Marshal"), a
    sentence's first word glued to the name by the tagger ("Describing Donald Trump") or a lower-case word."""
    bare = word.strip(".,'’")
    return (
        bare[:1].isupper()
        and bare.casefold() not in _TITLES
        and not (len(bare) >= 6 and bare.casefold().endswith("ing"))
    )


def fuller_group_name(short: str, full: str) -> bool:
    """`full` names the same place, group or organisation as `short` more fully: short's words end it and the words
    added in front are modifiers ("United Steelworkers" for "Steelworkers"), not another name joined on ("Fred Meyer
    and Albertsons", "Nippon Steel, US Steel": a tagger's span over two actors is never anyone's name)."""
    words, whole = name_key(short).split(), name_key(full).split()
    if not words or len(full.split()) <= len(short.split()) or whole[-len(words) :] != words:
        return False  # more words as written: "ConventionFacts.gop" is a web address, not a fuller "GOP"
    added = full.split()[: len(full.split()) - len(short.split())]
    return not any(w.casefold() in _JOINERS or w.endswith(",") or "/" in w for w in added)


_JOINERS = frozenset({"and", "&", "or", "y", "et", "und"})


def surname(name: str) -> str:
    parts = name_key(name).split()
    return parts[-1] if parts else ""


# Legal designators that end a company's name and never tell two companies apart: "Delta Air Lines Inc." is
# "Delta Air Lines", "Boeing Co" is "Boeing", "Y Holdings Inc." is "Y".
_DESIGNATORS = frozenset(
    """inc incorporated corp corporation co company ltd limited llc lp llp plc holdings holding sa ag nv se gmbh
    spa ab asa oyj bhd pte""".split()
)


def is_designator(word: str) -> bool:
    """A legal designator ("Inc.", "Corp", "plc"): a word that closes a company's name."""
    return word.casefold().strip(".&,") in _DESIGNATORS


def org_base(name: str) -> str:
    """An organisation's name without trailing legal designators ("Apple, Inc." → "Apple"); at least one word
    stays ("The Company" is left as it is)."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].casefold().strip(".&") in _DESIGNATORS:
        words = words[:-1]
    if len(words) > 1 and words[-1] == "&":
        words = words[:-1]
    if all(w.casefold() in ("the", "a", "an") for w in words):
        return name  # "The Company" names no company
    return " ".join(words) if len(words) < len(name.replace(",", " ").split()) else name


# Words after a company's short name that describe the company itself, not a part of it: "Delta Air Lines" is
# Delta, "Meta Platforms" is Meta; "Boeing Commercial Airplanes" or "Amazon Web Services" are not their parents.
_COMPANY_WORDS = frozenset(
    """air lines airlines airways motor motors group international technologies technology systems
    pharmaceuticals energy financial communications entertainment industries enterprises brands foods platforms
    labs""".split()
)

# A first word that names no company on its own ("General Motors" is not "General").
_GENERIC_WORDS = frozenset(
    "general national international united american british royal first new global standard federal central "
    "public southern northern eastern western".split()
)


def org_key(name: str) -> str:
    """The key every spelling of one organisation shares: designators and the words that only describe the
    company dropped ("Delta Air Lines Inc." and "Delta" are "delta"); a name made only of such words stays."""
    words = name_key(org_base(name)).split()
    short = list(words)
    while len(short) > 1 and short[-1] in _COMPANY_WORDS:
        short = short[:-1]
    if short[-1] in _COMPANY_WORDS or len(short) == 1 and short[0] in _GENERIC_WORDS:
        return " ".join(words)  # "Air Lines", "General Motors": what is left names nothing on its own
    return " ".join(short)
