"""The bundled demo corpus: short articles written for briefbot about one news story, with sidecar metadata.

It lets a fresh install answer `briefbot brief kellogg` straight away, and gives tests a realistic store.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_dir() -> Path:
    return Path(str(resources.files("knowledge.demo").joinpath("articles")))


def demo_files() -> list[Path]:
    return sorted(demo_dir().glob("*.txt"))
