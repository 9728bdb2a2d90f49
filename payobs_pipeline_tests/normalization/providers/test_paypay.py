"""PayPay (OPA): pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import paypay
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("paypay")


def test_unhinted_documented_shapes_are_detected_as_paypay():
    for case in CASES:
        if has_hint(case["data"]) or "unprocessed" in case["expected"]:
            continue
        assert normalized_event(case["data"]).provider == "paypay", case["name"]


def _case(name):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_documented_result_code_names_its_reason():
    for code, reason in paypay.REASONS.items():
        event = normalized_event({"resultInfo": {"code": code, "message": "x", "codeId": "0"}, "data": None})
        expected = ("DECLINED" if code in paypay.DECLINE_CODES else
                    "UNKNOWN" if code in paypay.UNKNOWN_CODES else "ERROR")
        assert (event.provider, str(event.status_category), str(event.failure_reason)) == (
            "paypay", expected, reason), code


def test_request_accepted_is_pending():
    event = normalized_event({"resultInfo": {"code": "REQUEST_ACCEPTED", "message": "Request accepted",
                                             "codeId": "08100001"}, "data": None})
    assert str(event.status_category) == "PENDING"
