"""Rede (e.Rede) mapping: issuer code precedence (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

SLUG = "rede"
CASES = provider_cases(SLUG)


def test_brand_return_code_wins_over_erede_code():
    case = next(c for c in CASES if c["name"] == "issuer_abecs_code_wins")
    event = normalized_event(case["data"])
    assert event.raw_reason_code == "51"
    assert event.failure_reason.value == "INSUFFICIENT_FUNDS"


def test_integration_code_is_never_read_as_an_issuer_code():
    # "51" as an integration return (no tid, no brand) is a malformed request, not insufficient funds.
    event = normalized_event({"returnCode": "51", "returnMessage": "softDescriptor: Invalid parameter format"})
    assert event.status_category is StatusCategory.ERROR
    assert event.failure_reason.value == "INVALID_REQUEST"


def test_refund_names_its_transaction():
    case = next(c for c in CASES if c["name"] == "refund_successful")
    event = normalized_event(case["data"])
    assert (event.refund_id, event.attempt_id) == ("c3ed4b5e-5ac7-41c8-8a7f-ec9a46ae9b4f", "8345000363484052380")
