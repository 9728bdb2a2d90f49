"""Shift4 mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import shift4
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("shift4")
# PagSeguro's detector reads CHAR_ ids without case (Shift4's are char_); Stripe's reads error.type card_error,
# the error shape Shift4 (SecurionPay) copied. Both score below Shift4's own on these documents.
CONTRACT = {"shared_shapes": {"pagseguro", "stripe"}}


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_documented_failure_code_of_a_failed_charge_names_a_reason():
    charge = _data("charge_failed_insufficient_funds")
    for code in shift4.ERROR_CODES:
        charge["failureCode"] = code
        event = normalized_event(charge)
        expected = "ERROR" if code in shift4.TECHNICAL_FAILURES else "DECLINED"
        assert (str(event.status_category), event.raw_reason_code) == (expected, code)
        assert str(event.failure_reason) not in ("UNKNOWN", "GENERIC_DECLINE") or code in (
            "card_declined", "do_not_try_again"), code


def test_the_issuers_iso_code_wins_over_a_generic_card_declined():
    charge = _data("charge_failed_insufficient_funds")
    charge.update(failureCode="card_declined", failureIssuerDeclineCode="54")
    event = normalized_event(charge)
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_do_not_try_again_is_a_hard_decline():
    charge = _data("charge_failed_insufficient_funds")
    charge["failureCode"] = "do_not_try_again"
    assert str(normalized_event(charge).decline_type) == "HARD"


def test_charge_refunded_reports_its_latest_refund():
    body = _data("event_charge_refunded_partial")
    later = {**body["data"]["refunds"][0], "id": "rfdLATEST", "amount": 600, "created": 1746900000}
    body["data"]["refunds"].append(later)
    event = normalized_event(body)
    assert (event.refund_id, event.amount_minor, event.attempt_id) == ("rfdLATEST", 600, body["data"]["id"])


def test_a_dispute_with_its_charge_expanded_names_the_charge_and_its_card():
    event = normalized_event(_data("event_dispute_created"))
    assert (event.attempt_id, str(event.payment_method), event.card_brand) == (
        "char_8a4cb45e8a2c4adcb6d23f72b3b3a5d2", "CARD", "visa")


def test_a_bank_redirect_method_is_a_bank_transfer_and_has_no_card_brand():
    charge = _data("charge_pending_alipay_hinted")["payload"]
    charge["paymentMethod"]["type"] = "ideal"
    event = normalized_event(charge)
    assert (str(event.payment_method), event.card_brand) == ("BANK_TRANSFER", None)


def test_prepare_leaves_its_input_unchanged():
    body = _data("event_charge_refunded_partial")
    before = copy.deepcopy(body)
    assert shift4.prepare(body) is not body and body == before
