"""2Checkout mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("twocheckout")


def test_refund_amount_is_the_refund_lines_not_the_invoice():
    case = next(c for c in CASES if c["name"] == "ins_refund_issued_partial")
    event = normalized_event(case["data"])
    assert event.amount_minor == 2000
    assert event.payment_id == "9093712345678"


def test_the_ipn_names_the_order_reference_and_the_merchants():
    body = {"REFNO": "114476855", "REFNOEXT": "ORD-2020-0216", "ORDERSTATUS": "PAYMENT_RECEIVED", "CURRENCY": "USD",
            "IPN_TOTALGENERAL": "10.00", "HASH": "x"}
    event = normalized_event(body)
    assert (event.provider, str(event.status_category), event.attempt_id, event.payment_id) == (
        "twocheckout", "APPROVED", "114476855", "ORD-2020-0216")
