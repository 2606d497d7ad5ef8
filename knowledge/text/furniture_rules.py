"""The page furniture rules as data: one row per shape a real news page gives, each with its kind and an example.

`where`: "line" rules must match a whole line (case-insensitive; a final "." or ":" allowed); "start" rules a
paragraph's opening words (a date marker, a dateline before the lead), and only when the article text after them
starts like a sentence; "inline" rules a stretch inside a sentence (a ticker link, a sentence saying somebody did
not answer a request for comment). Each `example` is a self-written page shape the tests mask: for "line" rules
all of it, for the others the `masks` part. Adding a shape is adding a row with its example. The whole-line rules
live in `furniture_lines`; this module holds the rule type, the date, place and agency pieces they share, and the
rules for a paragraph's start and for a stretch inside one.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("caption", "credit", "dateline", "ticker", "no-response", "promo", "subhead", "byline", "date-marker", "nav")


@dataclass(frozen=True)
class Rule:
    kind: str
    where: str  # "line" | "start" | "inline"
    pattern: str
    example: str
    masks: str = ""  # for "start" / "inline": the part of the example that is furniture
    ignore_case: bool = True
    lead_only: bool = False  # a "start" rule that only holds in the article's first paragraph
    needs: tuple[str, ...] = ()  # for "inline": words (lower case) a line must hold before the pattern is tried
    long: bool = False  # a "line" rule whose shape is furniture's alone, tried on lines past a caption's length too

    def __post_init__(self) -> None:
        if self.kind not in KINDS or self.where not in ("line", "start", "inline"):
            raise ValueError(f"furniture rule {self.pattern!r}: unknown kind {self.kind!r} or place {self.where!r}")
        if self.where != "line" and not self.masks:
            raise ValueError(f"furniture rule {self.pattern!r}: a {self.where} rule needs the part it masks")


_MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_TZ = r"(?i:gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|et|pt|ist|pkt|jst|aest)"
_CLOCK = rf"\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s*{_TZ})?"
_NUMDATE = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_DAY = (
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?,?"
    rf"|{_NUMDATE},?)"
)
_WEEKDAY = r"(?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?)"
_STAMP = (
    rf"(?:{_WEEKDAY}\s+)?(?:{_CLOCK}(?:,?\s+(?:on\s+)?{_DAY})?|{_DAY}(?:,?\s+(?:at\s+)?{_CLOCK})?"
    r"|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago)"
)
_PUBLISHED = r"(?:(?:last\s+)?(?:updated|published|posted|modified|first published)(?:\s+on|\s+at)?\s*:?\s*)"
_AGENCY = (
    r"(?i:reuters|afp|ap|associated press|the associated press|the canadian press|canadian press|bloomberg|pti|ians"
    r"|ani|upi|dpa|efe|tass|xinhua|anadolu|kyodo|pa|nyt|app)"
)
_CREDITED = r"(?:reuters|afp|ap|ap photo|epa|getty images|pool|tass|anadolu|xinhua|efe|dpa|kyodo news|bloomberg)"
_PLACE_CAPS = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
_PLACE = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}"

# What a photo's caption says the people in it are doing, in the present tense as captions write it ("Ana Ruiz
# speaks during …", "A sign is seen outside …"); a story's lead reports in the past ("sued", "has filed").
CAPTION_VERBS = (
    "is seen", "are seen", "is pictured", "are pictured", "is shown", "are shown", "is displayed", "are displayed",
    "speaks", "gestures", "attends", "arrives", "waves", "poses", "stands", "sits", "listens", "delivers",
    "addresses", "walks", "looks on", "take part", "takes part", "reacts", "testifies", "greets",
)  # fmt: skip

START = [
    Rule(
        "date-marker", "start", r"date\s+\d{4}-\d{2}-\d{2}\s*", "date 2025-03-07 The port reopened.", "date 2025-03-07 "
    ),
    # a press-release dateline of a date alone before a dash: "January 7, 2025 - Nippon Steel sued …"
    Rule(
        "date-marker",
        "start",
        rf"{_DAY}\s*[-–—―−]{{1,2}}\s+(?=[A-Z“\"])",
        "March 3, 2025 - The dockers' union ended its strike on Friday.",
        "March 3, 2025 - ",
        ignore_case=False,
    ),
    Rule(
        "date-marker",
        "start",
        rf"(?:last\s+)?(?:updated|published|posted)\s*:?\s*{_STAMP}\s*[|–—-]?\s*",
        "Updated 14:32 GMT The council voted on Monday.",
        "Updated 14:32 GMT ",
    ),
    # "GALEN (Reuters) -", "CARACAS, Venezuela (AP) —", "(Bloomberg) --", "May 7 (UPI) --", "Galen, (APP - …) "
    Rule(
        "dateline",
        "start",
        rf"(?:[A-Z][\w.,'’ ]{{0,40}}?\s*)?\(\s*{_AGENCY}\b[^)]{{0,80}}\)\s*(?:[-–—―−]{{1,2}}|:)?\s*",
        "GALEN (Reuters) - Dockers walked out on Monday.",
        "GALEN (Reuters) - ",
        ignore_case=False,
    ),
    # any outlet's credit in brackets before a dash: "LINDENPORT (Harbor Wire) -", "(CNN) —"
    Rule(
        "dateline",
        "start",
        rf"(?:{_PLACE_CAPS}\s*)?\([A-Z][A-Za-z.&/ -]{{1,30}}\)\s*[-–—―−]{{1,2}}\s+",
        "LINDENPORT (Harbor Wire) - The dockers ended their strike.",
        "LINDENPORT (Harbor Wire) - ",
        ignore_case=False,
    ),
    # a place and a bracketed agency credit with its date and no dash: "Galen, (Wire - 24th Oct, 2024) The port …"
    Rule(
        "dateline",
        "start",
        r"[A-Z][\w .'’-]{1,30},\s*\([^()]{2,80}\)\s+(?=[A-Z“\"])",
        "Galen, (Harbor Wire - 24th Oct, 2024) The port reopened.",
        "Galen, (Harbor Wire - 24th Oct, 2024) ",
        ignore_case=False,
    ),
    Rule(
        "dateline",
        "start",
        rf"{_PLACE_CAPS}(?:\s*[—–―−]\s*|\s+--?\s+)",  # a minus sign (−) stands for the dash on some pages
        "LAVAL, Que. — The retailer said on Monday.",
        "LAVAL, Que. — ",
        ignore_case=False,
    ),
    Rule(
        "dateline",
        "start",
        rf"{_PLACE_CAPS}:\s+",
        "GALEN: Dockers at the port walked out on Monday after talks with the owners broke down late on Sunday night.",
        "GALEN: ",
        ignore_case=False,
        lead_only=True,
    ),
    Rule(
        "dateline",
        "start",
        rf"{_PLACE},\s*(?:{_PLACE}|{_DAY})(?:\s+-|\s*[–—−])\s*",
        "Galen, Nordland - Dockers walked out.",
        "Galen, Nordland - ",
        ignore_case=False,
    ),
    # a place and the date before a colon: "Galen, October 15, 2024: The port …"
    Rule(
        "dateline",
        "start",
        rf"{_PLACE},\s*{_DAY}\s*:\s+",
        "Galen, October 15, 2024: Dockers at the port walked out on Monday after talks with the owners broke down.",
        "Galen, October 15, 2024: ",
        ignore_case=False,
        lead_only=True,
    ),
    # a syndicator's bracketed credit opening the lead with no dash: "(Harbor Wire- City Post) The port …"
    Rule(
        "dateline",
        "start",
        r"\(\s*[A-Z][\w.&/ -]{1,40}\)\s+(?=[A-Z“\"])",
        "(Harbor Wire- City Post) Dockers at the port walked out on Monday after talks with the owners broke down.",
        "(Harbor Wire- City Post) ",
        ignore_case=False,
        lead_only=True,
    ),
    Rule(
        "dateline",
        "start",
        rf"{_PLACE}\s*:\s+",
        "Galen: Dockers at the port walked out on Monday after talks with the owners broke down late on Sunday night.",
        "Galen: ",
        ignore_case=False,
        lead_only=True,
    ),
]

INLINE = [
    # ticker links: "(BA.N), opens new tab", "( SVNDF )", "(NYSE:BA)"
    Rule(
        "ticker",
        "inline",
        r"\(\s*(?:[A-Z]{1,5}\.[A-Z]{1,2}|(?:NYSE|NASDAQ|Nasdaq|TSX|LSE|TYO|OTC|OTCMKTS|ASX)\s*:"
        r"\s*[A-Z.]{1,8})\s*\)(?:,\s*opens new tab)?",
        "Galen Ports (GLP.N), opens new tab said on Monday.",
        "(GLP.N), opens new tab",
        ignore_case=False,
        needs=("(",),
    ),
    # a wire ticker left bare when the page dropped its link: "Galen Foods GLF.N said"
    Rule(
        "ticker",
        "inline",
        r"(?<![\w.])[A-Z]{2,5}\.(?:N|O|OQ|L|TO|HK|PA|DE|AX)\b(?![.\w])",
        "Galen Foods GLF.N said on Monday.",
        "GLF.N",
        ignore_case=False,
        needs=(".n", ".o", ".l", ".to", ".hk", ".pa", ".de", ".ax"),
    ),
    Rule(
        "ticker",
        "inline",
        r"\(\s+[A-Z]{2,6}\s+\)",
        "Galen Ports ( GLPRF ) said on Monday.",
        "( GLPRF )",
        ignore_case=False,
        needs=("( ",),
    ),
    Rule(
        "credit",
        "inline",
        rf"(?<=[.!?”\"])\s*\(\s*{_AGENCY}\s*\)\s*$",
        "The port reopened on Monday. (AFP)",
        "(AFP)",
        needs=(")",),
    ),
    Rule(
        "credit",
        "inline",
        r"\s*\(\s*(?:reporting|writing|additional reporting|editing|compiled) by\b[^()]*\)\s*$",
        "The port reopened on Monday. (Reporting by Nora Feld; Editing by Piet Ahlers)",
        " (Reporting by Nora Feld; Editing by Piet Ahlers)",
        needs=("by",),
    ),
    # a pointer to what follows, opening its line or closing a paragraph: "... the offer. Keep reading for ..."
    Rule(
        "promo",
        "inline",
        r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s))(?:keep reading|read on|scroll down) (?:for|to see) [^.!?\n]{1,120}"
        r"[.!?:]?\s*$",
        "The offer is off. Keep reading for the full statement.",
        "Keep reading for the full statement.",
        needs=("keep reading", "read on ", "scroll down"),
    ),
    # links pasted after a sentence, as an embedded post leaves them: "… last year. https://t.co/x pic.twitter.com/y"
    Rule(
        "nav",
        "inline",
        r"(?<=[.!?”\"])\s+(?:(?:https?://|pic\.twitter\.com/)\S+\s*)+$",
        "The port closed last year. https://t.co/abc123 pic.twitter.com/xyz",
        " https://t.co/abc123 pic.twitter.com/xyz",
        needs=("http", "pic.twitter"),
    ),
    Rule(
        "ticker",
        "inline",
        r",?\s*opens new tab",
        "the ruling, opens new tab by the court",
        ", opens new tab",
        needs=("opens new tab",),
    ),
    Rule(
        "no-response",
        "inline",
        r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s))(?=[^.!?\n]{0,240}\b(?:comment|request|inquir|messages?\b|e-?mails?\b"
        r"|(?:phone )?calls?\b|questions\b))[^.!?\n]{0,120}\b(?:did not|didn['’]t|does not|doesn['’]t|has not|hasn['’]t"
        r"|have not|haven['’]t|had not|could not|couldn['’]t|was not|wasn['’]t|were not|weren['’]t)\s+(?:immediately\s+)?"
        r"(?:respond|reply|return|comment|be reached|available)[^.!?\n]{0,120}[.!?]",
        "The port said. Galen Ports did not immediately respond to a request for comment.",
        "Galen Ports did not immediately respond to a request for comment.",
        needs=("not ", "n't", "n’t"),
    ),
    # the outlet saying it asked somebody for a word: "The Ledger reached out to the port for a statement and will
    # update the story" (a sentence of it, wherever it stands in its paragraph; the page may cut the last one off)
    Rule(
        "no-response",
        "inline",
        r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s))[^.!?\n]{0,120}\breached out to\s[^.!?\n]{1,120}?\bfor (?:a |further )?"
        r"(?:comment|statement|response)\b[^.!?\n]{0,200}(?:[.!?]|$)",
        "The port reopened. The Ledger reached out to the port for a statement and will update the story.",
        "The Ledger reached out to the port for a statement and will update the story.",
        needs=("reached out",),
    ),
]
