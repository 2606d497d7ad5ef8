"""Attributions as brat standoff, the format annotation tools and the PolNeAR scorer read."""

from __future__ import annotations

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


def attribute_dir(in_dir, out_dir, nlp=None, n_process: int | None = None) -> int:
    """Write OUT/<name>.ann for every IN/*.txt; returns the number of files written.

    Parsing dominates the cost, so large folders are parsed on two processes (extraction itself adds ~2%).
    """
    from knowledge.extract.attribution import find_attributions

    if nlp is None:
        from knowledge.extract.nlp import load_nlp

        nlp = load_nlp()
    in_dir, out_dir = pathlib.Path(in_dir), pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = sorted(in_dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if n_process is None:
        n_process = 2 if len(paths) >= 32 and (os.cpu_count() or 1) >= 2 else 1
    n = 0
    docs = nlp.pipe(texts, batch_size=8, n_process=n_process)
    for path, text, doc in zip(paths, texts, docs):
        (out_dir / f"{path.stem}.ann").write_text(to_brat(text, find_attributions(doc)), encoding="utf-8")
        n += 1
    return n
