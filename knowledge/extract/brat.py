"""Attributions as brat standoff, the format annotation tools and the PolNeAR scorer read."""

from __future__ import annotations

import dataclasses
import os
import pathlib
import re

_LINE_PIECE = re.compile(r"[^\n\r\t\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")


def _offsets(frags) -> str:
    return ";".join(f"{s} {e}" for s, e in frags)


def _surface(text: str, frags) -> str:
    return " ".join(text[s:e] for s, e in frags)


def _one_line(text: str, frags) -> list[tuple[int, int]]:
    """Brat's text field cannot hold line breaks or tabs, so a span crossing one is written as several pieces."""
    out = []
    for s, e in frags:
        for m in _LINE_PIECE.finditer(text, s, e):
            a, b = m.span()
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            if b > a:
                out.append((a, b))
    return out


def to_brat(text: str, attributions) -> str:
    """One Source/Cue/Content T-line per role, an Attribution trigger on the cue, and an E-line linking them."""
    lines: list[str] = []
    t = 0
    for e, att in enumerate(attributions, start=1):
        ids = {}
        for role, frags in (("Source", att.source), ("Cue", att.cue), ("Content", att.content)):
            frags = _one_line(text, [f for f in frags if f[1] > f[0]])
            if not frags:
                continue
            t += 1
            ids[role] = f"T{t}"
            lines.append(f"T{t}\t{role} {_offsets(frags)}\t{_surface(text, frags)}")
        if "Cue" not in ids:
            continue
        t += 1
        cue = _one_line(text, [f for f in att.cue if f[1] > f[0]])
        label = "Attribution" if "Source" in ids else "Attribution-no-source"
        lines.append(f"T{t}\t{label} {_offsets(cue)}\t{_surface(text, cue)}")
        args = [f"{label}:T{t}"] + [f"{role}:{ids[role]}" for role in ("Source", "Cue", "Content") if role in ids]
        lines.append(f"E{e}\t{' '.join(args)}")
    return "\n".join(lines) + ("\n" if lines else "")


def attribute_dir(in_dir, out_dir, nlp=None, n_process: int | None = None) -> tuple[int, list[str]]:
    """Write OUT/<name>.ann for every IN/*.txt; returns how many were written and one reason per file skipped.

    Offsets count characters of the file as it is on disk (UTF-8, line endings kept), which is what brat and the
    PolNeAR scorer index. A file that is not UTF-8 is skipped with its reason; the others are still written.
    Parsing dominates the cost, so large folders are parsed on two processes (extraction itself adds ~2%).
    """
    from knowledge.extract.attribution.relations import find_attributions
    from knowledge.text.furniture import mask

    if nlp is None:
        from knowledge.extract.nlp import load_nlp

        nlp = load_nlp()
    in_dir, out_dir = pathlib.Path(in_dir), pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, raws, skipped = [], [], []
    for p in sorted(in_dir.glob("*.txt")):
        try:
            raws.append(p.read_bytes().decode("utf-8"))
            paths.append(p)
        except UnicodeDecodeError as exc:
            skipped.append(f"{p.name}: not UTF-8 (invalid byte at position {exc.start}); no .ann written")
        except OSError as exc:
            skipped.append(f"{p.name}: cannot read ({exc.strerror or exc})")
    if n_process is None:
        n_process = 2 if len(paths) >= 32 and (os.cpu_count() or 1) >= 2 else 1
    normalised = [_unify_line_ends(raw) for raw in raws]
    docs = nlp.pipe((mask(text) for text, _ in normalised), batch_size=8, n_process=n_process)
    n = 0
    for path, raw, (_, to_raw), doc in zip(paths, raws, normalised, docs):
        found = [_moved(a, to_raw) for a in find_attributions(doc)] if to_raw else find_attributions(doc)
        (out_dir / f"{path.stem}.ann").write_text(to_brat(raw, found), encoding="utf-8")
        n += 1
    return n, skipped


def _unify_line_ends(raw: str) -> tuple[str, list[int] | None]:
    """The text with CRLF / CR read as LF (what the parser and the line-break rules expect), and for each of its
    offsets the offset in the file, or None when nothing changed."""
    if "\r" not in raw:
        return raw, None
    text, to_raw = [], []
    i = 0
    while i < len(raw):
        to_raw.append(i)
        if raw[i] == "\r":
            text.append("\n")
            i += 2 if raw.startswith("\r\n", i) else 1
        else:
            text.append(raw[i])
            i += 1
    to_raw.append(len(raw))
    return "".join(text), to_raw


def _moved(att, to_raw: list[int]):
    def frags(fs):
        return tuple((to_raw[s], to_raw[e]) for s, e in fs)

    return dataclasses.replace(
        att,
        cue=frags(att.cue),
        content=frags(att.content),
        source=frags(att.source),
        via=frags((att.via,))[0] if att.via else None,
    )
