"""Quotation marks a trimmed span must keep: 'had been “constructive and fast”', never 'had been “constructive
and fast'. Edge trimming drops marks at a span's ends, which is right for a span that is wholly a quote but
leaves a mark inside the span unpaired when the quote only closes (or opens) the span. A span is widened to the
mark that pairs it when only punctuation or spaces lie between, or when the mark is in the same paragraph;
otherwise the unpaired mark is cut off with what lies beyond it. A curly mark and a straight one pair with each other
(pages mix them: 'on “no hard proof" against'), as `spans.find_quotes` pairs them."""

from __future__ import annotations

OPEN, CLOSE = "“«", "”»"
MAX_REACH = 300


def _unpaired(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """(offset of an opener never closed in the span, offset of a closer never opened in it)."""
    opened: list[int] = []
    stray_close = None
    straight: list[int] = []
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            opened.append(i)
        elif ch in CLOSE:
            if opened:
                opened.pop()
            elif len(straight) % 2:
                straight.pop()  # '"a costly mistake”': a straight opener closed by a curly mark
            elif stray_close is None:
                stray_close = i
        elif ch == '"' and opened and not len(straight) % 2 and not text[i - 1].isspace() and text[opened[-1]] == "“":
            opened.pop()  # 'on “no hard proof" against': a curly opener closed by a straight mark, as pages mix them
        elif ch == '"':
            straight.append(i)
    if len(straight) % 2:
        lone = straight[-1] if len(straight) > 1 else straight[0]
        if lone == start or text[lone - 1] in " \n\t(" or lone + 1 < end and text[lone + 1].isalnum():
            opened.append(lone)
        elif stray_close is None:
            stray_close = lone
    return (opened[-1] if opened else None), stray_close


def balance(text: str, start: int, end: int) -> tuple[int, int]:
    for _ in range(3):
        opener, closer = _unpaired(text, start, end)
        if opener is None and closer is None:
            break
        if opener is not None:
            want = '”»"' if text[opener] == "“" else "”»" if text[opener] in OPEN else '"”'
            stop = text.find("\n", end)
            stop = len(text) if stop < 0 else stop
            nxt = min((p for p in (text.find(c, end, min(stop, end + MAX_REACH)) for c in want) if p >= 0), default=-1)
            end = nxt + 1 if nxt >= 0 else (opener if text[start:opener].strip() else end)
            if nxt < 0 and not text[start:opener].strip():
                start = opener + 1
        if closer is not None:
            want = "“«" if text[closer] in CLOSE else '"'
            para = text.rfind("\n", 0, start) + 1
            prev = max(text.rfind(c, max(para, start - MAX_REACH), start) for c in want)
            if prev >= 0:
                start = prev
            elif text[closer + 1 : end].strip():
                start = closer + 1
            else:
                end = closer
        while start < end and text[start] in " \n":
            start += 1
        while end > start and text[end - 1] in " \n":
            end -= 1
    return start, end
