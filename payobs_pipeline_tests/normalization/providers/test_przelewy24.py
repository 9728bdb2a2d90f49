"""Przelewy24 mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import przelewy24
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("przelewy24")


def _data(name: str) -> dict:
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(przelewy24.SPEC)
    statuses = {*przelewy24.SESSION_STATUSES.values(), *przelewy24.REFUND_STATUSES.values(),
                *przelewy24.CARD_RESULTS.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in przelewy24.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_the_issuer_code_wins_over_the_generic_reject_reason():
    data = _data("card_notification_negative_insufficient_funds")
    data["result"]["issuerResponseCode"] = "54"
    event = normalized_event(data)
    assert (event.failure_reason, event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_a_refund_notification_names_the_refund_and_its_payment():
    event = normalized_event(_data("refund_notification_completed"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "94b57e26-77a7-4b0c-9d5c-6f1f2a3b4c5d", "317004889", "c3b520e2-5429-11e8-a782-43fdbbec70f2")
    assert event.event_time.isoformat().startswith("2024-06-03T10:21:44")


def test_a_refund_the_merchant_cannot_fund_is_its_balance_not_the_request():
    data = _data("refund_conflict_exceeds_amount_hinted")
    data["payload"]["error"][0]["message"] = "Insufficient funds available"
    event = normalized_event(data)
    assert (event.status_category, event.failure_reason) == ("ERROR", "INSUFFICIENT_FUNDS")


def test_a_verify_answer_is_the_confirmed_transaction():
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    verified = normalize_lake_data({"provider": "p24", "payload": {"data": {"status": "success"}, "responseCode": 0}},
                                   None).event
    assert (verified.status_category, verified.amount_minor) == ("APPROVED", None)
