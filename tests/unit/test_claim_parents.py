"""A claim nested in another's content hangs on that claim, even when attributions before it became no claim.

`att.parent` counts attributions; deeds ("voted against the budget") are attributions that become no claim, so
the parent index must be translated, or it names the wrong claim or none (PolNeAR dev: two articles raised an
IndexError, and 55 of 86 nested claims pointed at the wrong parent).
"""

from __future__ import annotations

from knowledge.extract.pipeline import analyze_texts

TEXT = (
    "Senator Ana Ruiz voted against the farm bill in 2014. She later sponsored the water act and promptly voted "
    "against the budget. In a speech, Ruiz said the vote was close.\n"
    "According to the Ledger, officials said the plan would fail."
)


def test_a_nested_claim_after_deeds_points_at_the_claim_that_carries_it():
    [analysis] = analyze_texts([(TEXT, None)])
    assert analysis.failures == []
    nested = [c for c in analysis.claims if c.parent is not None]
    assert nested, "the officials' claim is nested in the Ledger's report"
    for claim in nested:
        outer = analysis.claims[claim.parent]
        assert outer.content[0] <= claim.content[0] and claim.content[1] <= outer.content[1]
    [officials] = [c for c in nested if TEXT[c.content[0] : c.content[1]] == "the plan would fail"]
    assert analysis.claims[officials.parent].cue == "According to"
