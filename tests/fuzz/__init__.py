"""Generated hostile input for every entry point, shared by the property tests and `benchmarks/fuzz.py`.

`strategies` says what to generate, `targets` how to feed one input to an entry point and judge the result; the
suite runs a few hundred examples per property, the benchmark 10,000.
"""

from hypothesis import settings


def examples(share: float) -> settings:
    """A share of the active profile's examples: expensive properties (extraction per input) run fewer."""
    return settings(max_examples=max(10, int(settings.default.max_examples * share)))
