"""Toss Payments mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import tosspayments
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("tosspayments")


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_documented_code_in_an_error_body_names_a_reason():
    for code in tosspayments.ERROR_CODES:
        event = normalized_event({"provider": "tosspayments", "payload": {"code": code, "message": "x"}})
        expected = "DECLINED" if code in tosspayments.DECLINE_CODES else "ERROR"
        assert (str(event.status_category), event.raw_reason_code) == (expected, code)


def test_an_aborted_payment_reads_its_failure_code():
    payment = _data("payment_aborted_reject_card_payment")
    for code, reason in (("INVALID_STOPPED_CARD", "RESTRICTED_CARD"), ("EXCEED_MAX_AMOUNT", "LIMIT_EXCEEDED"),
                         ("INVALID_CARD_NUMBER", "INVALID_CARD_DATA")):
        payment["failure"] = {"code": code, "message": "x"}
        assert str(normalized_event(payment).failure_reason) == reason


def test_a_fully_cancelled_approved_payment_is_refunded_by_its_latest_cancel():
    payment = _data("payment_partial_canceled")
    later = {**payment["cancels"][0], "transactionKey": "LATER", "cancelAmount": 10000,
             "canceledAt": "2024-02-14T09:00:00+09:00"}
    payment["cancels"].append(later)
    payment["status"] = "CANCELED"
    event = normalized_event(payment)
    assert (str(event.status_category), event.refund_id, event.amount_minor) == ("REFUNDED", "LATER", 10000)


def test_prepare_leaves_its_input_unchanged():
    payment = _data("payment_partial_canceled")
    before = copy.deepcopy(payment)
    assert tosspayments.prepare(payment) is not payment and payment == before


def test_a_deposit_callback_is_recognized_without_a_hint():
    callback = _data("deposit_callback_done_hinted")["payload"]
    event = normalized_event(callback)
    assert (event.provider, str(event.status_category), event.payment_id) == ("tosspayments", "APPROVED",
                                                                              "order-2004")
