"""PayFast ITN mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/payfast.json has no case of yet.
    "uncovered_statuses": {
        "DECLINED": "status FAILED",
        "PENDING": "status PENDING",
    },
    # Distinct failure reasons among its DECLINED cases: its corpus has no declined case.
    "decline_reasons": 0,
}

CASES = provider_cases("payfast")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_payfast(case):
    assert normalized_event(case["data"]).provider == "payfast"


def test_the_gross_amount_is_read_not_the_net():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "itn_complete_form_encoded"))
    assert (event.amount_minor, event.currency) == (20000, "ZAR")
