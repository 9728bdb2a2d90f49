"""Payvision (ACE Hub Payment Services) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import payvision
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("payvision")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_every_failing_result_code_names_a_reason():
    for result, category in payvision.RESULT_STATUSES.items():
        body = _case("card_payment_fraud")
        body["result"] = int(result)
        event = normalized_event(body)
        assert str(event.status_category) == category, result
        if category in ("DECLINED", "ERROR"):
            assert str(event.failure_reason) not in ("UNKNOWN", "None"), result


def test_a_documented_error_code_wins_over_the_result_code():
    event = normalized_event(_case("card_payment_declined_by_authorization_system"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("GENERIC_DECLINE", "300400800")


def test_a_refund_names_the_payment_it_refunds():
    event = normalized_event(_case("card_refund_ok"))
    assert (str(event.event_kind), event.refund_id, event.attempt_id) == (
        "REFUND", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "9f1c8a2e-4b7d-4c61-9a1e-0d5b7e3c2a11")


def test_the_tracking_code_is_the_payment_and_the_transaction_the_attempt():
    event = normalized_event(_case("ideal_payment_pending_redirect"))
    assert (event.payment_id, event.attempt_id) == ("ORDER-10002", "3b6f0c1d-2e7a-4f58-8c90-1a2b3c4d5e6f")
