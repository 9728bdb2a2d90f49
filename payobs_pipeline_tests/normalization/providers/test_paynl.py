"""Pay.nl mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paynl
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paynl")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paynl.SPEC)
    assert {*paynl.STATUSES.values(), *paynl.EXCHANGE_ACTIONS.values()} <= set(StatusCategory.__members__)
    for code, entry in paynl.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_state_code_decides_when_the_name_is_missing():
    document = _case("info_denied")
    document["paymentDetails"]["stateName"] = ""
    assert normalized_event(document).status_category == "DECLINED"


def test_a_legacy_amount_is_in_euro_cents_whatever_the_currency_amount():
    # paymentDetails.amount is the euro amount; currenyAmount is in the transaction's own currency.
    document = _case("info_paid_ideal")
    document["paymentDetails"]["currenyAmount"] = "1400"
    event = normalized_event(document)
    assert (event.amount_minor, event.currency) == (1250, "EUR")


def test_a_service_the_api_does_not_know_is_the_merchants_configuration():
    document = {"request": {"result": "0", "errorId": "PAY-404", "errorMessage": "Service not found"}}
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "CONFIGURATION_ERROR", "PAY-404")


def test_an_order_refund_is_a_refund_of_the_order():
    event = normalized_event(_case("order_partial_refund"))
    assert (event.event_kind, event.payment_id) == ("REFUND", "ORD-8805")
