"""Getnet mapping: refund identity (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/getnet.json has no case of yet.
    "uncovered_statuses": {
        "REFUNDED": "status CANCELED, status CANCELLED, status PROCESSED, status SUCCESS",
    },
}

SLUG = "getnet"
CASES = provider_cases(SLUG)


def test_cancel_request_is_a_refund_of_the_payment():
    case = next(c for c in CASES if c["name"] == "cancel_request_accepted")
    event = normalized_event(case["data"])
    assert event.event_kind.value == "REFUND"
    assert event.refund_id == "20f6c8a1-0d74-4f8f-a48b-0b4a1c4d5e6f"
    assert event.attempt_id == "06f256c8-1bbf-42bf-93b4-ce2041bfb87e"


def test_error_status_code_decides_without_details_status():
    event = normalized_event({"provider": "getnet", "payload": {"message": "Service Unavailable", "name": "ServiceUnavailable",
                                                      "status_code": 503}})
    assert event.status_category is StatusCategory.ERROR
    assert event.failure_reason.value == "PROCESSING_ERROR"
