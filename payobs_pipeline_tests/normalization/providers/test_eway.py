"""eWAY Rapid mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import eway
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("eway")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_beagle_fraud_code_wins_over_a_generic_bank_decline():
    body = _case("direct_purchase_beagle_fraud_f7003")
    body["ResponseMessage"], body["ResponseCode"] = "D4405, F7003", "05"
    event = normalized_event(body)
    assert (str(event.failure_reason), event.raw_reason_code) == ("RISK_REJECTED", "F7003")


def test_a_refund_names_the_refunded_transaction():
    event = normalized_event(_case("refund_approved_aud"))
    assert (event.refund_id, event.attempt_id) == ("11369260", "11369246")


def test_a_bare_capture_or_cancel_answer_is_not_guessed():
    # CapturePayment and CancelAuthorisation answer with the same flags: which happened is in the request only.
    body = {"ResponseCode": "000000", "ResponseMessage": "Transaction Approved", "TransactionID": 12921019,
            "TransactionStatus": True, "Errors": None}
    assert eway.prepare(body)[eway.STATUS_KEY] is None


def test_prepare_keeps_the_payload_unchanged():
    body = _case("direct_validation_errors_v6021_v6022")
    before = copy.deepcopy(body)
    eway.prepare(body)
    assert body == before
