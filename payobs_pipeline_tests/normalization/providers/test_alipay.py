"""Alipay (Antom / Alipay global, Alipay+ and the classic alipay.trade.* API): pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import alipay
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/alipay.json has no case of yet.
    "uncovered_statuses": {
        "CHARGEBACK": "variant global.dispute",
        "UNKNOWN": "status 20000, status U",
    },
}

CASES = provider_cases("alipay")


def test_unhinted_documented_shapes_are_detected_as_alipay():
    for case in CASES:
        if has_hint(case["data"]) or "unprocessed" in case["expected"]:
            continue
        assert normalized_event(case["data"]).provider == "alipay", case["name"]


def _case(name):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_global_decline_code_names_a_reason():
    notify = _case("notify_payment_failed_balance_not_enough")
    for code in alipay.GLOBAL_DECLINES:
        notify["result"]["resultCode"] = code
        event = normalized_event(notify)
        assert str(event.status_category) == "DECLINED", code
        assert str(event.failure_reason) not in ("UNKNOWN", "None"), code


def test_a_failed_call_is_an_error_not_a_decline():
    for code, reason in alipay.GLOBAL_ERRORS.items():
        event = normalized_event({"result": {"resultCode": code, "resultStatus": "F", "resultMessage": "x"},
                                  "paymentRequestId": "pay_1"})
        assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", reason), code


def test_every_classic_sub_code_names_a_reason():
    response = _case("trade_pay_buyer_balance_not_enough")
    for code, reason in {**alipay.CLASSIC_DECLINES, **alipay.CLASSIC_ERRORS}.items():
        if not code.startswith("ACQ."):
            continue
        response["alipay_trade_pay_response"]["sub_code"] = code
        event = normalized_event(response)
        expected = "ERROR" if code in alipay.CLASSIC_ERRORS else "DECLINED"
        assert str(event.status_category) == expected, code
        assert event.raw_reason_code == code


def test_the_classic_envelope_is_read_in_yuan_and_cny():
    event = normalized_event(_case("trade_query_success_cny"))
    assert (event.amount_minor, event.currency, str(event.payment_method)) == (8888, "CNY", "WALLET")


def test_a_refund_notification_of_a_trade_is_a_refund():
    event = normalized_event({"notify_type": "trade_status_sync", "notify_id": "n1", "trade_no": "2024T1",
                              "out_trade_no": "o1", "out_biz_no": "r1", "trade_status": "TRADE_SUCCESS",
                              "total_amount": "100.00", "refund_fee": "30.00",
                              "gmt_refund": "2024-06-16 10:00:00.123", "sign": "x"})
    assert (str(event.status_category), str(event.event_kind), event.refund_id, event.attempt_id) == (
        "REFUNDED", "REFUND", "r1", "2024T1")
    assert (event.amount_minor, event.currency) == (3000, "CNY")


def test_classic_times_are_beijing_time():
    event = normalized_event(_case("trade_query_success_cny"))
    assert event.event_time.isoformat() == "2014-11-27T07:45:57+00:00"  # send_pay_date 15:45:57 at UTC+8


def test_a_cancel_that_refunded_a_paid_trade_is_a_refund():
    body = {"alipay_trade_cancel_response": {"code": "10000", "msg": "Success", "trade_no": "2013112011001004330000121540",
                                             "out_trade_no": "6823789339978251", "retry_flag": "N", "action": "refund"},
            "sign": "x"}
    event = normalized_event(body)
    assert (str(event.status_category), str(event.event_kind), event.attempt_id) == (
        "REFUNDED", "REFUND", "2013112011001004330000121540")
    body["alipay_trade_cancel_response"]["action"] = "close"
    assert str(normalized_event(body).status_category) == "CANCELLED"


def test_app_sdk_result_reads_the_trade_inside_its_result_string():
    result = ('{"alipay_trade_app_pay_response":{"code":"10000","out_trade_no":"081622560194853",'
              '"trade_no":"2016081621001004400236957647","total_amount":"0.01"},"sign":"x","sign_type":"RSA2"}')
    event = normalized_event({"memo": "", "result": result, "resultStatus": "9000"})
    assert (event.provider, str(event.status_category), event.attempt_id, event.payment_id, event.amount_minor) == (
        "alipay", "APPROVED", "2016081621001004400236957647", "081622560194853", 1)


def test_app_sdk_duplicate_request_is_an_error():
    event = normalized_event({"provider": "alipay", "payload": {"memo": "", "result": "", "resultStatus": "5000"}})
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "DUPLICATE")
