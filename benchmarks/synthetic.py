"""Synthetic news-like documents for benchmarks: deterministic, varied enough to defeat near-duplicate checks."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

PEOPLE = [
    "Anna Berger",
    "Tomas Okafor",
    "Lina Park",
    "Marek Novak",
    "Sofia Reyes",
    "Jon Halvorsen",
    "Priya Raman",
    "Omar Haddad",
    "Elena Petrova",
    "Kenji Watanabe",
    "Grace Mensah",
    "Luis Ortega",
]
PLACES = ["Lindenport", "Varna", "Tallinn", "Porto", "Gdansk", "Bergen", "Split", "Malmo", "Kaunas", "Trieste"]
OUTLETS = ["Harbor Ledger", "Northern Wire", "Daily Compass", "Civic Post", "Evening Record", "Metro Signal"]
VERBS = ["said", "told reporters", "claimed", "denied", "warned", "suggested"]
TOPICS = [
    "the port expansion",
    "the rail tender",
    "a new water treaty",
    "the energy subsidy",
    "the border checks",
    "the budget vote",
    "the fisheries quota",
    "the hospital merger",
    "a customs dispute",
    "the tax reform",
]


def sentence(rng: random.Random) -> str:
    who, where, topic = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(TOPICS)
    kind = rng.randrange(4)
    if kind == 0:
        return f"{who} {rng.choice(VERBS)} that {topic} would be decided in {where} by {rng.randint(2, 28)} May."
    if kind == 1:
        return f"“We will not accept {topic} in its current form,” {who} told the {rng.choice(OUTLETS)}."
    if kind == 2:
        return f"Officials met in {where} on {rng.randint(1, 28)} April to discuss {topic} with {who}."
    return f"According to {who}, {topic} has cost {rng.randint(2, 90)} million euros since {rng.randint(2001, 2024)}."


def document(i: int, words: int = 600, seed: int = 7) -> dict:
    rng = random.Random(seed * 100_003 + i)
    parts, count = [], 0
    while count < words:
        s = sentence(rng)
        parts.append(s)
        count += len(s.split())
    text = f"Report {i}: {rng.choice(TOPICS)} in {rng.choice(PLACES)}\n\n" + " ".join(parts)
    published = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=i % 4000)
    return {
        "text": text,
        "outlet": rng.choice(OUTLETS),
        "published_at": published,
        "title": f"Report {i}",
        "url": f"https://bench.example/{i}",
    }
