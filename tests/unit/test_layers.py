"""The folders follow the data, and no import runs back up the pipeline.

Layers, lowest first (a package may import its own layer's modules only on the ground floor, and any lower layer):

0. ground floor: `models`, `tuning`, `config`, `names`, `text` (page-text rules), `demo` (the demo corpus)
1. `store` — all SQL
2. `extract` — text to facts; `extract/persist` hands them to the store
3. `ingest` — files, pages and feeds in; calls extraction and the store
4. `brief` — reads the store into briefings
5. `render` (briefings as text, markdown, JSON) and `workspace` (subscriptions, digests, feeds, aliases), neither
   importing the other
6. `bot` — the Slack and CLI skin

Every `import` counts, including those inside functions: a lazy import against the flow is still one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS: list[set[str]] = [
    {"models", "tuning", "config", "names", "text", "demo", "heap"},
    {"store"},
    {"extract"},
    {"ingest"},
    {"brief"},
    {"render", "workspace"},
    {"bot"},
]
RANK = {pkg: n for n, layer in enumerate(LAYERS) for pkg in layer}


def _package(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "bot":
        return "bot"
    if parts[0] != "knowledge" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> list[str]:
    out: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "knowledge":
                out += [f"knowledge.{a.name}" for a in node.names]
            else:
                out.append(node.module)
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names]
    return out


def _modules(root: Path = ROOT) -> list[tuple[str, Path]]:
    files = sorted((root / "knowledge").rglob("*.py")) + sorted((root / "bot").rglob("*.py"))
    return [(".".join(p.relative_to(root).with_suffix("").parts), p) for p in files]


def upward_imports(root: Path = ROOT) -> list[str]:
    found = []
    for module, path in _modules(root):
        own = _package(module)
        if own is None or own not in RANK:
            continue
        for target in _imports(path):
            other = _package(target)
            if other is None or other == own:
                continue
            allowed = RANK[other] < RANK[own] or RANK[own] == RANK[other] == 0
            if not allowed:
                found.append(f"{module} imports {target} ({own} is layer {RANK[own]}, {other} layer {RANK[other]})")
    return found


def test_every_package_has_a_layer():
    packages = {p.name for p in (ROOT / "knowledge").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    packages |= {p.stem for p in (ROOT / "knowledge").glob("*.py") if p.stem != "__init__"}
    assert packages, "no packages found under knowledge/"
    assert packages <= set(RANK), f"packages without a layer: {sorted(packages - set(RANK))}"


def test_no_module_imports_from_a_stage_above_its_own():
    modules = _modules()
    assert len(modules) > 100, "the walk found too few modules to mean anything"
    assert upward_imports() == []


def test_the_check_sees_an_upward_import_even_inside_a_function(tmp_path):
    (tmp_path / "knowledge" / "store").mkdir(parents=True)
    (tmp_path / "knowledge" / "store" / "bad.py").write_text("def f():\n    from knowledge.brief import topic\n")
    (tmp_path / "knowledge" / "store" / "fine.py").write_text("from knowledge.names import name_key\n")
    assert upward_imports(tmp_path) == ["knowledge.store.bad imports knowledge.brief (store is layer 1, brief layer 4)"]


# extract/'s drawers, lowest first: a drawer imports only from drawers before it (and from extract's top-level
# modules, which hold what every pass shares — the document's entities and analysis — and the pipeline over them).
EXTRACT_DRAWERS = ["parse", "model", "attribution", "speakers", "persist"]


def drawer_imports_against_the_order(root: Path = ROOT) -> list[str]:
    found = []
    for module, path in _modules(root):
        parts = module.split(".")
        if parts[:2] != ["knowledge", "extract"] or len(parts) < 4 or parts[2] not in EXTRACT_DRAWERS:
            continue
        own = EXTRACT_DRAWERS.index(parts[2])
        for target in _imports(path):
            t = target.split(".")
            if t[:2] == ["knowledge", "extract"] and len(t) > 2 and t[2] in EXTRACT_DRAWERS:
                if EXTRACT_DRAWERS.index(t[2]) > own:
                    found.append(f"{module} imports {target}")
    return found


def test_extract_drawers_import_only_the_drawers_below_them():
    drawers = {p.name for p in (ROOT / "knowledge" / "extract").iterdir() if (p / "__init__.py").exists()}
    assert drawers == set(EXTRACT_DRAWERS), f"drawers without a place in the order: {drawers ^ set(EXTRACT_DRAWERS)}"
    assert drawer_imports_against_the_order() == []


def test_the_drawer_check_sees_parse_importing_the_model(tmp_path):
    (tmp_path / "knowledge" / "extract" / "parse").mkdir(parents=True)
    (tmp_path / "knowledge" / "extract" / "parse" / "bad.py").write_text(
        "from knowledge.extract.model.learned import get_scorer\n"
    )
    (tmp_path / "bot").mkdir()
    assert drawer_imports_against_the_order(tmp_path) == [
        "knowledge.extract.parse.bad imports knowledge.extract.model.learned"
    ]
