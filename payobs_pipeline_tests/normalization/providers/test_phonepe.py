"""PhonePe mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import base64
import copy
import json

import pytest

from payobs_pipeline.normalization.providers import phonepe
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("phonepe")


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_a_base64_callback_reads_as_the_status_response_it_encodes():
    status = _data("v1_status_failed_insufficient_balance")
    callback = {"response": base64.b64encode(json.dumps(status).encode()).decode()}
    direct, decoded = normalized_event(status), normalized_event(callback)
    assert (decoded.failure_reason, decoded.amount_minor, decoded.attempt_id) == (
        direct.failure_reason, direct.amount_minor, direct.attempt_id)


def test_a_response_that_is_not_base64_json_is_left_alone():
    assert phonepe.prepare({"response": "not base64 at all"}) == {"response": "not base64 at all"}


def test_the_latest_attempt_of_an_order_names_the_attempt():
    order = _data("v2_order_status_failed_upi")
    retry = {**order["paymentDetails"][0], "transactionId": "OM2406121817537233679999", "timestamp": 1718196600000,
             "state": "COMPLETED", "errorCode": None, "detailedErrorCode": None, "paymentMode": "CARD"}
    order["paymentDetails"].append(retry)
    order.update(state="COMPLETED", errorCode=None, detailedErrorCode=None)
    event = normalized_event(order)
    assert (str(event.status_category), event.attempt_id, str(event.payment_method)) == (
        "APPROVED", "OM2406121817537233679999", "CARD")


@pytest.mark.parametrize("code,reason", [("Z9", "INSUFFICIENT_FUNDS"), ("ZM", "AUTHENTICATION_FAILED"),
                                         ("U90", "ISSUER_UNAVAILABLE"), ("B3", "TRANSACTION_NOT_PERMITTED"),
                                         ("Z7", "LIMIT_EXCEEDED")])
def test_the_detailed_upi_code_wins_over_the_generic_error_code(code, reason):
    order = _data("v2_order_status_failed_upi")
    order["detailedErrorCode"] = order["paymentDetails"][0]["detailedErrorCode"] = code
    event = normalized_event(order)
    assert (str(event.failure_reason), event.raw_reason_code) == (reason, code)


def test_a_collect_request_the_customer_declined_is_cancelled():
    order = _data("v2_order_status_failed_upi")
    order["detailedErrorCode"] = "ZA"
    assert str(normalized_event(order).status_category) == "CANCELLED"


def test_an_error_body_has_no_currency_but_a_payment_is_in_rupees():
    assert normalized_event(_data("v1_error_internal_server_error")).currency is None
    assert normalized_event(_data("v1_status_failed_insufficient_balance")).currency == "INR"


def test_prepare_leaves_its_input_unchanged():
    order = _data("v2_webhook_order_completed")
    before = copy.deepcopy(order)
    assert phonepe.prepare(order) is not order and order == before
