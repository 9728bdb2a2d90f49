"""Afterpay / Clearpay: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import afterpay
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

CASES = provider_cases("afterpay")


def test_unhinted_documented_shapes_are_detected_as_afterpay():
    for case in CASES:
        if has_hint(case["data"]) or "unprocessed" in case["expected"]:
            continue
        assert normalized_event(case["data"]).provider == "afterpay", case["name"]


def _case(name):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_documented_error_code_is_an_error():
    for code, reason in afterpay.REASONS.items():
        if code.isupper():
            continue
        event = normalized_event({"errorCode": code, "errorId": "e1", "message": "x", "httpStatusCode": 400})
        assert (event.provider, str(event.status_category), str(event.failure_reason)) == (
            "afterpay", "ERROR", reason), code


def test_a_payment_without_payment_state_is_read_from_its_status():
    payment = _case("auth_declined")
    del payment["paymentState"]
    event = normalized_event(payment)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")
