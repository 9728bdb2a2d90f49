"""HitPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import hitpay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: HitPay documents no decline codes (UNKNOWN).
    "decline_reasons": 1,
}

CASES = provider_cases("hitpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(hitpay.SPEC)
    statuses = {*hitpay.REQUEST_STATUSES.values(), *hitpay.CHARGE_STATUSES.values(), *hitpay.WEBHOOK_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)


def test_a_failed_charge_keeps_its_error_message_as_the_raw_reason():
    event = normalized_event(_case("charge_failed_with_error_message"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "UNKNOWN", "Your card has insufficient funds.")


def test_a_payment_request_names_its_latest_payment_as_the_attempt():
    event = normalized_event(_case("payment_request_completed_with_payment"))
    assert (event.event_kind, event.attempt_id, event.payment_id) == (
        "PAYMENT", "9ef6904c-36b3-4bb5-a0c6-1dc8a4a0c3f1", "9ef68e2e-3569-4f69-9f68-04c7e4bb007c")


@pytest.mark.parametrize(("status", "category"), [("canceled", "CANCELLED"), ("inactive", "CANCELLED"),
                                                  ("failed", "DECLINED"), ("completed", "APPROVED")])
def test_payment_request_statuses(status, category):
    document = _case("payment_request_created_pending")
    document["status"] = status
    assert normalized_event(document).status_category == category


def test_a_refund_is_its_own_amount_on_the_charge_it_refunds():
    event = normalized_event(_case("refund_created"))
    assert (event.event_kind, event.amount_minor, event.refund_id, event.attempt_id) == (
        "REFUND", 100, "9ef6957e-6b1b-4e08-8cde-d5f5c908418d", "9a934d94-a41f-46c7-a934-c1ebf2436008")
