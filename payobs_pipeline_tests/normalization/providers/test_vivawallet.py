"""Viva Wallet mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import vivawallet
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("vivawallet")


def _data(name: str) -> dict:
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(vivawallet.SPEC, vivawallet.prepare)
    statuses = {*vivawallet.STATUSES.values(), *vivawallet.REFUND_STATUSES.values(),
                *vivawallet.VOID_STATUSES.values(), *vivawallet.REDIRECT_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in
               [*vivawallet.REASONS.values(), *vivawallet.HTTP_REASONS.values()]}
    assert reasons <= set(FailureReason.__members__)
    assert set(vivawallet.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


@pytest.mark.parametrize("event_id, reason", [("10051", "INSUFFICIENT_FUNDS"), ("10054", "EXPIRED_CARD"),
                                              ("10004", "LOST_OR_STOLEN_CARD"), ("10005", "GENERIC_DECLINE")])
def test_an_issuer_event_id_is_100_and_the_iso_8583_code(event_id, reason):
    # The response-codes page lists the issuer's refusals as 100 + field 39: 10004 "Pick up card", 10005 "Do not honor".
    data = _data("redirect_failure_do_not_honor").replace("eventId=10005", f"eventId={event_id}")
    assert normalized_event(data).failure_reason == reason


def test_the_event_id_wins_over_the_generic_response_code():
    # ResponseEventId names Viva's reason; a generic issuer ResponseCode 05 beside it does not hide it.
    data = _data("webhook_failed_insufficient_funds")
    data["EventData"]["ResponseCode"] = "05"
    assert normalized_event(data).failure_reason == "INSUFFICIENT_FUNDS"


def test_a_system_failure_is_an_error_not_a_decline():
    data = _data("webhook_failed_do_not_honor")
    data["EventData"]["ResponseEventId"] = 6650
    event = normalized_event(data)
    assert (event.status_category, event.failure_reason) == ("ERROR", "PROCESSING_ERROR")


def test_a_reversal_keeps_its_size_and_the_document_is_not_changed():
    data = _data("webhook_reversal_refund")
    before = copy.deepcopy(data)
    prepared = vivawallet.prepare(data)
    assert data == before
    assert prepared["EventData"]["Amount"] == "10.0"
    assert normalized_event(data).amount_minor == 1000
