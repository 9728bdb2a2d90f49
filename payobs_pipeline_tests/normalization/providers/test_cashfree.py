"""cashfree mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Other detectors that reach the threshold on some of its unhinted documents (still below its own):
    # Cashfree's order and payment entities carry "entity": "order" / "payment", the member Razorpay's detector keys on.
    "shared_shapes": {"razorpay"},
}

CASES = provider_cases("cashfree")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_cashfree(case):
    assert normalized_event(case["data"]).provider == "cashfree"


