"""Niubiz (VisaNet Perú) mapping: numeric currencies (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

SLUG = "niubiz"
CASES = provider_cases(SLUG)


def test_numeric_currency_of_the_data_map():
    case = next(c for c in CASES if c["name"] == "refused_insufficient_funds_116")
    event = normalized_event(case["data"])
    assert event.currency == "PEN" and event.amount_minor == 1050


def test_order_action_code_without_data_map():
    event = normalized_event({"provider": "niubiz", "payload": {"order": {"purchaseNumber": "2020100999", "amount": 25.0,
                                                                 "currency": "USD", "actionCode": "116",
                                                                 "transactionId": "991191550009999"}}})
    assert event.status_category is StatusCategory.DECLINED
    assert event.failure_reason.value == "INSUFFICIENT_FUNDS"
    assert (event.amount_minor, event.currency) == (2500, "USD")
