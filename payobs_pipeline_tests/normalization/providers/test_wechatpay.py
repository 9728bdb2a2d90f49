"""WeChat Pay (API v3 and v2 XML): pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import wechatpay
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("wechatpay")


def test_unhinted_documented_shapes_are_detected_as_wechatpay():
    for case in CASES:
        if has_hint(case["data"]) or "unprocessed" in case["expected"]:
            continue
        assert normalized_event(case["data"]).provider == "wechatpay", case["name"]


def _case(name):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_error_body_code_names_its_reason():
    for code, reason in {**wechatpay.DECLINE_CODES, **wechatpay.ERROR_CODES}.items():
        if not code.isascii() or code == "PAYERROR":
            continue
        event = normalized_event({"provider": "wechatpay", "payload": {"code": code, "message": "x"}})
        expected = "DECLINED" if code in wechatpay.DECLINE_CODES else "ERROR"
        reason = reason if isinstance(reason, str) else reason["reason"]
        assert (str(event.status_category), str(event.failure_reason)) == (expected, reason), code


def test_a_decrypted_refund_notification_resource_is_a_refund():
    resource = {"mchid": "1900000100", "transaction_id": "1008450740201411110005820873",
                "out_trade_no": "20150806125346", "refund_id": "50200207182018070300011301001",
                "out_refund_no": "7752501201407033233368018", "refund_status": "SUCCESS",
                "success_time": "2018-06-08T10:34:56+08:00", "user_received_account": "招商银行信用卡0403",
                "amount": {"total": 999, "refund": 999, "payer_total": 999, "payer_refund": 999}}
    event = normalized_event(resource)
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency, event.refund_id,
            event.attempt_id) == ("wechatpay", "REFUNDED", 999, "CNY", "50200207182018070300011301001",
                                  "1008450740201411110005820873")


def test_v2_amounts_are_fen_and_default_to_cny():
    event = normalized_event(_case("v2_xml_orderquery_success"))
    assert (event.amount_minor, event.currency, str(event.payment_method)) == (1, "CNY", "WALLET")


def test_v2_time_end_is_beijing_time():
    event = normalized_event(_case("v2_xml_orderquery_success"))
    assert event.event_time.isoformat() == "2014-11-11T09:00:43+00:00"  # time_end 20141111170043 at UTC+8


def test_a_v2_unifiedorder_answer_is_a_pending_payment():
    xml = ("<xml><return_code>SUCCESS</return_code><return_msg>OK</return_msg><appid>wx2421b1c4370ec43b</appid>"
           "<mch_id>10000100</mch_id><nonce_str>IITRi8Iabbblz1Jc</nonce_str><sign>7921E432F65EB8ED0CE9755F0E86D72F</sign>"
           "<result_code>SUCCESS</result_code><prepay_id>wx201411101639507cbf6ffd8b0779950874</prepay_id>"
           "<trade_type>JSAPI</trade_type></xml>")
    event = normalized_event(xml)
    assert (event.provider, str(event.status_category), str(event.event_kind)) == ("wechatpay", "PENDING", "PAYMENT")


def test_a_v2_notification_stored_flat_reads_its_beijing_time_end():
    body = {"return_code": "SUCCESS", "result_code": "SUCCESS", "mch_id": "10000100", "nonce_str": "5d2b6c2a",
            "out_trade_no": "1409811653", "transaction_id": "1004400740201409030005092168", "total_fee": "1",
            "trade_type": "JSAPI", "time_end": "20140903131540"}
    event = normalized_event(body)
    assert (event.attempt_id, event.payment_id, event.event_time.isoformat()) == (
        "1004400740201409030005092168", "1409811653", "2014-09-03T05:15:40+00:00")
