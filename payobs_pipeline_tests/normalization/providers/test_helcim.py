"""helcim mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/helcim.json has no case of yet.
    "uncovered_statuses": {
        "ERROR": "a rule of card_transaction, a rule of helcimpay.transaction",
    },
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

CASES = provider_cases("helcim")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_helcim(case):
    assert normalized_event(case["data"]).provider == "helcim"


