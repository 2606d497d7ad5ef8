"""The page furniture rules as data: one row per shape a real news page gives, each with its kind and an example.

`where`: "line" rules must match a whole line (case-insensitive; a final "." or ":" allowed); "start" rules a
paragraph's opening words (a date marker, a dateline before the lead), and only when the article text after them
starts like a sentence; "inline" rules a stretch inside a sentence (a ticker link, a sentence saying somebody did
not answer a request for comment). Each `example` is a self-written page shape the tests mask: for "line" rules
all of it, for the others the `masks` part. Adding a shape is adding a row with its example.
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

LINE = [
    # time stamps: "Updated 14:32 GMT", "Published 3 March 2025, 09:10", "- Updated Jun 19, 2025 8:22 AM IST"
    Rule(
        "date-marker",
        "line",
        rf"[-•]?\s*{_PUBLISHED}?{_STAMP}(?:\s*[|,·•(]\s*{_PUBLISHED}?{_STAMP}\)?)*",
        "Updated 14:32 GMT",
    ),
    Rule(
        "date-marker",
        "line",
        rf"{_STAMP}\s*\(\s*{_PUBLISHED}{_STAMP}\s*\)",
        "09 Mar 2025 10:04AM (Updated: 09 Mar 2025 10:14AM)",
    ),
    Rule(
        "date-marker",
        "line",
        rf"[\w-]{{0,30}}\s*{_WEEKDAY}\s+\d{{1,2}}\s+{_MONTH}\s+\d{{4}}",
        "site-logo Friday, 7 March 2025",
    ),
    Rule("byline", "line", rf".{{1,60}}?{_PUBLISHED}{_STAMP}", "Ana RuizUpdated: Friday, March 7, 2025, 02:59 PM IST"),
    Rule("byline", "line", r"published by\s*:?\s*[\w .,'’-]{1,60}", "Published By: Ana Ruiz"),
    # bylines: "By Jane Doe", "By Jane Doe and Tom Roe, Reuters", "JANE DOE, Associated Press"
    Rule(
        "byline",
        "line",
        r"by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}){0,3}"
        r"(?:\s*[,|–—-]\s*[\w .'’&-]{1,40})?",
        "By Nora Feld and Piet Ahlers, City Wire",
    ),
    Rule(
        "byline",
        "line",
        rf"[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z.'’-]+){{1,3}},\s*{_AGENCY}",
        "NORA FELD, Associated Press",
        ignore_case=False,
    ),
    Rule(
        "byline",
        "line",
        r"(?:reporting|writing|additional reporting|editing|compiled) by\s+.{1,120}",
        "Reporting by Nora Feld; Editing by Piet Ahlers",
    ),
    # credits: an agency alone on its line, "Source: Reuters", a wire note at the end
    Rule("credit", "line", rf"(?:source\s*:\s*)?\(?{_AGENCY}\)?(?:\s*[-–—]\s*{_AGENCY})?", "Source: Reuters"),
    Rule(
        "credit",
        "line",
        r"this (?:report|story|article) (?:by|from) .{1,60} was (?:first )?published .{1,40}",
        "This report by The Canadian Press was first published May 2, 2025.",
    ),
    Rule(
        "nav",
        "line",
        r"(?:hey there, time traveller!?|this (?:article|story) was published .{1,60}"
        r"(?:ago\)?|may no longer be current).{0,80})",
        "This article was published 03/05/2025 (200 days ago).",
    ),
    Rule(
        "ticker",
        "line",
        r"companies (?:in|mentioned in) this (?:story|article)\s*:.{0,120}",
        "Companies in this story: (TSX:ABC)",
    ),
    Rule("nav", "line", r"\(\s*\$?\s*1\s*=\s*[\d.,]+\s*[\w$€£¥ ]{1,20}\)", "($1 = 148.08 yen)"),
    Rule("nav", "line", r"(?:home|news)\s*>.{1,200}", "Home > World > Ports reopen after strike"),
    # teasers, whatever they end with
    Rule(
        "promo",
        "line",
        r"(?:read more|read next|read also|also read|related|see also|more on this(?: story)?|watch"
        r"|listen)(?:\s*:\s*.{0,160}|\s*)",
        "Read next: Tram fares rise again",
    ),
    Rule("promo", "line", r"(?:related|more) (?:stories|articles|coverage|news|videos?)", "More stories"),
    # photo and image captions and credits
    Rule(
        "caption",
        "line",
        r"(?:photo|image|picture|photograph|caption|image caption|file photo|video|graphic"
        r"|illustration|pictured)(?:\s+(?:credit|source))?\s*[:|].{0,300}",
        "Photo: Workers lay tracks (Reuters)",
    ),
    Rule("caption", "line", r"(?:©\s*\w+\.?\s*)?file photo\s*:.{0,300}", "© Reuters. FILE PHOTO: A ferry at Galen"),
    Rule(
        "caption",
        "line",
        r"file\s*[-–—]\s+.{0,300}\(.{0,60}\)",
        "FILE - A ferry at Galen, May 2, 2025. (AP Photo/Ana Ruiz, File)",
    ),
    Rule(
        "credit",
        "line",
        r"(?:image source|image caption|photo credit|picture credit|credit)\s*[,:]?.{0,300}",
        "Image source, Getty Images",
    ),
    # a credit in brackets closing a caption names a photographer or a photo: "(Jane Roe/AP)", "(AP Photo/Jane Roe)",
    # "(Kyodo News via AP)"; a bare "(Reuters)" after a sentence is the story's credit (the inline rule below)
    Rule(
        "caption",
        "line",
        r".{0,300}\((?=[^)]*(?:/|photo|getty|pool|via|file|\|))(?:photo|image|picture)?[:\s]*"
        r"[\w .,&/|'’-]{0,40}"
        r"\b(?:reuters|afp|ap|associated press|getty images|epa|anadolu|tass|xinhua|efe|dpa|pool|photo\s*\|\s*x)\b"
        r"[\w .,&/'’-]{0,30}\)",
        "The mayor at the depot on Friday. (AP Photo/Jane Roe)",
    ),
    Rule(
        "caption",
        "line",
        rf".{{0,300}}(?:/|©)\s*{_CREDITED}(?:/[\w .'’-]{{1,40}}){{0,2}}\s*",
        "Ana Cruz at the council on Tuesday. Jane Roe/Reuters",
    ),
    Rule("caption", "line", r".{0,200}\bgetty images", "Dockers at the gate. Getty Images"),
    Rule("caption", "line", rf".{{10,300}}\s\|\s*{_CREDITED}\s*", "Dockers at the gate of the depot in Galen | AP"),
    # a caption whose agency credit follows its last word with no stop: "... at the depot on Friday AFP"
    Rule(
        "caption",
        "line",
        r".{20,300}[\w)’'](?<!\bby)(?<!\bto)(?<!\bfrom)(?<!\bthe)(?<!\btold)(?<!\bsaid)"
        r"\s+(?:AFP|REUTERS|AP|EPA|EPA-EFE|ANADOLU|XINHUA|TASS|POOL)(?!\s*[.:])",
        "Dockers at the gate of the depot on Friday AFP",
        ignore_case=False,
    ),
    Rule(
        "caption",
        "line",
        r".{0,250}[.)|]\s*(?:photo|picture|file photo|file pic|file picture)\s*[:|]?\s*[\w .&/'’-]{0,40}",
        "Ana Cruz at the council. Photo: PIB",
    ),
    Rule(
        "caption",
        "line",
        r".{0,250}(?:\(file photo\)|\|\s*file pic(?:ture)?|\.\s*file picture)",
        "Ana Cruz (File Photo)",
    ),
    Rule(
        "credit",
        "line",
        rf"(?:©\s*)?(?:{_CREDITED}|[\w.'’-]+(?:\s[\w.'’-]+){{0,3}})\s*/\s*[\w ./'’-]{{1,60}}",
        "REUTERS/Ana Ruiz/File Photo",
    ),
    Rule("credit", "line", r"©\s*[\w .'’/-]{1,60}", "© REUTERS"),
    # ad slots, share widgets, subscription and newsletter plugs
    Rule(
        "promo",
        "line",
        r"advertisement|sponsored(?: content)?|story continues below(?: this)? advertisement"
        r"|scroll to continue(?: reading)?|ad feedback|paid content|promoted"
        r"|(?!.*\.\s*$).{0,120}\b\d{1,2}\s*%\s+off\b.{0,120}",  # a sale pitch: "Up to 40% off Pro before the sale"
        "Story continues below advertisement",
    ),
    Rule(
        "nav",
        "line",
        r"(?:share|tweet|email|print|save|copy link|comments?|\d+\s+comments?|listen to (?:this )?article"
        r"|\d+\s+min(?:ute)?s?\s+read)(?:\s*[|/·•]\s*(?:share|tweet|email|print|save|copy link|comments?))*",
        "Share | Tweet | Email",
    ),
    Rule(
        "nav",
        "line",
        r"share (?:this|the) (?:article|story|post|page)|share on (?:facebook|twitter|x|linkedin|whatsapp"
        r"|telegram|email)|shareable (?:url|link)",
        "Share on Facebook",
    ),
    Rule(
        "promo",
        "line",
        r"(?:subscribe|sign up|follow us)(?:\s+(?:to|for|on|now)\b.{0,80})?"
        r"|(?:click|tap) here to (?:subscribe|sign up).{0,80}",
        "Subscribe to our newsletter",
    ),
    Rule(
        "promo",
        "line",
        r".{0,160}\b(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b.{0,80}",
        "Get the top port stories every morning. Sign up for our Harbour newsletter.",
    ),
    Rule(
        "promo",
        "line",
        r"(?:read this article for free|to continue reading, please subscribe|already have an account\?"
        r"|log in here|leave a reply|your email address will not be published).{0,100}",
        "Read this article for free:",
    ),
    # a trade paper's closing tag placing the companies on its own list: "X is No. 1 on the 2025 Shop News Top 50"
    Rule(
        "promo",
        "line",
        r"(?:.{1,80}?\b(?:is|ranks|ranked)\s+(?:the\s+)?no\.\s*\d+\b.{0,60}?\b(?:on|in)\s+(?:the\s+)?[^,;]{0,60}?"
        r"\b(?:list|ranking|rankings|report|index|top\s+\d+)\b[^,;]{0,80}?[.!?]\s*){1,3}",
        "Galen Foods is No. 4 on the 2025 Grocer Weekly Top 50 list. Harbor Mart is the No. 7 chain on the ranking.",
    ),
    # a sentence saying somebody did not answer: no claim of theirs
    Rule(
        "no-response",
        "line",
        r".{0,120}\breached out to .{1,80} for comment\b.{0,80}",
        "The Ledger reached out to the port for comment but has not heard back.",
    ),
]

START = [
    Rule(
        "date-marker", "start", r"date\s+\d{4}-\d{2}-\d{2}\s*", "date 2025-03-07 The port reopened.", "date 2025-03-07 "
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
        rf"(?:[A-Z][\w.,'’ ]{{0,40}}?\s*)?\(\s*{_AGENCY}\b[^)]{{0,80}}\)\s*(?:[-–—―]{{1,2}}|:)?\s*",
        "GALEN (Reuters) - Dockers walked out on Monday.",
        "GALEN (Reuters) - ",
        ignore_case=False,
    ),
    # any outlet's credit in brackets before a dash: "LINDENPORT (Harbor Wire) -", "(CNN) —"
    Rule(
        "dateline",
        "start",
        rf"(?:{_PLACE_CAPS}\s*)?\([A-Z][A-Za-z.&/ -]{{1,30}}\)\s*[-–—―]{{1,2}}\s+",
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
        rf"{_PLACE_CAPS}(?:\s*[—–―]\s*|\s+--?\s+)",
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
        rf"{_PLACE},\s*(?:{_PLACE}|{_DAY})(?:\s+-|\s*[–—])\s*",
        "Galen, Nordland - Dockers walked out.",
        "Galen, Nordland - ",
        ignore_case=False,
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
]
