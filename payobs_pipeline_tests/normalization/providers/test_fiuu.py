"""Fiuu (MOLPay / Razer Merchant Services) mapping: pinned behaviour (the
checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import fiuu
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("fiuu")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_reason_and_method_is_canonical():
    CompiledMapping(fiuu.SPEC)
    assert {*fiuu.STATUSES.values(), *fiuu.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in fiuu.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(fiuu.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_the_error_code_wins_over_the_bare_failed_status():
    # status 11 alone is a decline with no reason; the error_code beside it names the reason.
    document = _case("notify_success_card_json")
    document.update(status="11", error_code="P55", error_desc="Card type is not supported.")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        StatusCategory.DECLINED, FailureReason.TRANSACTION_NOT_PERMITTED, "P55")


def test_a_customer_caused_decline_is_marked_as_the_customers():
    event = normalized_event(_case("return_failed_p10_invalid_card"))
    assert str(event.failure_source) == "CUSTOMER"


def test_a_refund_names_the_refunded_transaction_and_its_own_id():
    event = normalized_event(_case("refund_success"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == ("REFUND", "2871034", "30415782")


def test_paydate_is_the_event_time():
    event = normalized_event(_case("notify_success_card_json"))
    assert event.event_time.isoformat() == "2024-03-05T15:01:44+00:00"
