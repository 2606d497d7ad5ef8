"""The whole-line page furniture rules: one row per line shape a real news page gives (a time stamp, a byline, a
credit, a caption, a teaser, a share widget, a newsletter plug, an author's bio), each with its kind and an example
the tests mask in full. A line rule must match all of the line (case-insensitive; a final "." or ":" allowed)."""

from __future__ import annotations

from knowledge.text.furniture_rules import (
    _AGENCY,
    _CREDITED,
    _MONTH,
    _PUBLISHED,
    _STAMP,
    _WEEKDAY,
    Rule,
)

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
    # a gallery's slug before the label ("Harbour strike fallout FILE PHOTO: …"): the label in capitals, as agencies
    # write it, so a sentence that mentions a file photo is not taken for one
    Rule(
        "caption",
        "line",
        r"(?:\S+\s+){1,6}FILE PHOTO\s*:.{0,300}",
        "Harbour strike fallout FILE PHOTO: A ferry at Galen. (Studio Ana/stock)",
        ignore_case=False,
    ),
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
    # a wire photo's caption: a place and the day with no "on" between ("… in Galen, Nordland May 2, 2025.")
    Rule(
        "caption",
        "line",
        rf".{{20,300}}\s(?!{_WEEKDAY})[A-Z][\w.'’-]+,?\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}",
        "Dockers take part in a rally at the port of Galen, Nordland May 2, 2025.",
        ignore_case=False,
    ),
    # a wire photo's caption closed by the day and then the place: "…, May 2, 2025, in Galen." (prose puts "on"
    # before a day: "… on May 2, 2025, in Galen")
    Rule(
        "caption",
        "line",
        rf".{{20,300}},\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}},\s+in\s+[A-Z][\w.'’-]+(?:,?\s+[A-Z][\w.'’-]+){{0,3}}",
        "Ana Ruiz speaks to dockers at the gate of the depot, May 2, 2025, in Galen.",
        ignore_case=False,
    ),
    # a caption closed by its photographer's credit in brackets, however long the caption runs: "… on Friday.
    # (Jane Roe/Harbor Wire/TNS)"; an article's sentence never ends on a name, a slash and an outlet
    Rule(
        "caption",
        "line",
        r".{0,900}[.!?”\"’]\s*\((?:photo:?\s*)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w .&'’-]{1,60}"
        r"(?:/\s*[\w .&'’-]{1,40}){0,2}\)",
        "Dockers at the gate of the depot on Friday.(Jane Roe/Harbor Wire/TNS)",
        ignore_case=False,
        long=True,
    ),
    # a caption whose agency credit follows its closing stop: "... on Friday. Getty", "... on Friday. AP"
    Rule(
        "caption",
        "line",
        r".{10,300}[.!?]\s+(?:Getty|AFP|AP|Reuters|REUTERS|EPA|Bloomberg|Shutterstock|PTI|ANI|Xinhua)"
        r"(?:\s*/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})?",  # and its photographer: "... AP/Jane Roe"
        "Dockers at the gate of the depot on Friday. Getty",
        ignore_case=False,
    ),
    # a photographer and an agency joined by a dash: "Jane Roe—Getty Images for City Wire"
    Rule(
        "credit",
        "line",
        r"[\w.'’-]+(?:\s[\w.'’-]+){0,3}\s*[—–]\s*(?:getty images|reuters|afp|ap|ap photo|epa|bloomberg|shutterstock"
        r"|pool|xinhua)(?:\s+(?:for|via)\s+[\w .&'’-]{1,40})?",
        "Ana Ruiz—Getty Images for City Wire",
    ),
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
    # an invitation to the outlet's channel or group, and the outlet's pitch to its reader closed by its link ("We
    # are back … Learn more"; a story's paragraph with a "Read more" link glued to it is no pitch)
    Rule(
        "promo",
        "line",
        r"(?:join|follow)\s+(?:us|our)\b.{0,80}\b(?:channel|newsletter|community|group|whatsapp|telegram)\b.{0,120}",
        "Join our new Harbor Wire channel on Telegram and get the port news first!",
    ),
    Rule(
        "promo",
        "line",
        r"(?=.*\b(?:we|we're|our|us|you|your)\b).{0,200}[.!?]\s+(?:learn more|find out more|read more|see more"
        r"|click here|more info)",
        "We are back in print. We hope you will read along. Learn more",
    ),
    # a column's teaser naming its writer in capitals, as tabloids print it: "X is about Y, says JANE ROE – but …"
    Rule(
        "promo",
        "line",
        r".{10,200}?,\s+(?:says|writes|argues|asks|warns)\s+[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){1,2}\b"
        r"(?:\s*[–—-]\s*.{0,200})?",
        "This strike is about more than pay, says ANA RUIZ – it shows what dockers can stop",
        ignore_case=False,
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
    Rule(
        "no-response",
        "line",
        r".{0,120}\b(?:contacted|emailed|e-mailed|messaged|asked)\s.{1,80}?\bfor (?:a )?comment\b.{0,80}",
        "The Ledger contacted the port for comment on this story via email.",
    ),
    # an author's bio, at the top under the byline or at the end: who the writer is and what they cover
    Rule(
        "byline",
        "line",
        r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:a|an|the)\s+[\w ,'’-]{0,60}?"
        r"\b(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer)\b.{0,160}?"
        r"(?:,\s*where\s+(?:he|she|they)\s+(?:covers?|covered|writes?|wrote)\b|\bcovering\b"
        r"|[.!?]\s+(?:He|She|They)\s+(?:covers?|writes?|previously|joined|is based|was based)\b).{0,200}",
        "Ana Ruiz is a former reporter for City Wire, where she covered the port and its unions.",
        ignore_case=False,
    ),
    # a page's own links and separators: a line of bare links or social handles, a row of stars or dashes
    Rule(
        "nav", "line", r"(?:(?:https?://|pic\.twitter\.com/|www\.)\S+\s*)+", "https://t.co/abc123 pic.twitter.com/xyz"
    ),
    Rule("nav", "line", r"[*•·_=~#\s-]{3,}", "* * *"),
    Rule(
        "promo",
        "line",
        r"(?:watch|see|listen to|view) (?:the|this|our) (?:full )?(?:video|clip|interview|footage|thread|post)"
        r"(?: below| above| here)?",
        "Watch the video below",
    ),
]
