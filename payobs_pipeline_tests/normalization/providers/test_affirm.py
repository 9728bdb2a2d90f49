"""Affirm: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import affirm
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

CASES = provider_cases("affirm")


def test_unhinted_documented_shapes_are_detected_as_affirm():
    for case in CASES:
        if has_hint(case["data"]) or "unprocessed" in case["expected"]:
            continue
        assert normalized_event(case["data"]).provider == "affirm", case["name"]


def _case(name):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_documented_error_code_is_an_error_or_a_decline():
    for code in affirm.ERROR_CODES:
        event = normalized_event({"status_code": 400, "type": "invalid_request", "code": code, "message": "x"})
        expected = "DECLINED" if code in affirm.DECLINE_CODES else "ERROR"
        assert (event.provider, str(event.status_category), str(event.failure_reason)) == (
            "affirm", expected, affirm.REASONS[code]), code


def test_a_capture_event_answer_is_a_capture_of_its_transaction():
    event = normalized_event({"provider": "affirm", "payload": {"id": "E1", "transaction_id": "N330-Z6D4",
                                                          "type": "capture", "amount": 100, "currency": "USD",
                                                          "fee": 3, "created": "2024-04-03T10:00:00Z"}})
    assert (str(event.status_category), str(event.event_kind), event.attempt_id) == ("APPROVED", "CAPTURE", "N330-Z6D4")
