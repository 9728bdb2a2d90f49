"""WeChat Pay (微信支付): API v3 transactions, refunds, notifications and error bodies, and the v2 XML API.

Sources (WeChat Pay documentation; error-code tables as mirrored in integrations' code maps, not tests):
- https://pay.weixin.qq.com/doc/v3/merchant/4013070354 and /4013070356 (query an order by transaction_id /
  out_trade_no: appid, mchid, out_trade_no, transaction_id, trade_type JSAPI / NATIVE / APP / MICROPAY / MWEB /
  FACEPAY, trade_state SUCCESS 支付成功 / REFUND 转入退款 / NOTPAY 未支付 / CLOSED 已关闭 / REVOKED 已撤销（仅付款码支付）
  / USERPAYING 用户支付中（仅付款码支付） / PAYERROR 支付失败（其他原因，如银行返回失败）, trade_state_desc, bank_type,
  success_time, payer.openid, amount {total, payer_total in fen, currency, payer_currency})
- APIv3 payment / refund notifications (id, create_time, resource_type "encrypt-resource", event_type
  TRANSACTION.SUCCESS / REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED, summary, resource {original_type,
  algorithm AEAD_AES_256_GCM, ciphertext, associated_data, nonce}): the outcome, amount and ids are encrypted,
  so an undecrypted notification is NOTIFICATION_WITHOUT_OUTCOME; a decrypted resource is the transaction
  or refund object itself and is read as one.
- APIv3 refunds /v3/refund/domestic/refunds and the refund notification resource (refund_id, out_refund_no,
  transaction_id, out_trade_no, channel, status / refund_status SUCCESS / CLOSED / PROCESSING / ABNORMAL,
  success_time, create_time, amount {total, refund, payer_total, payer_refund, currency})
- APIv3 error body {code, message, detail {field, value, issue, location}}: PARAM_ERROR, INVALID_REQUEST,
  SIGN_ERROR, NO_AUTH / NOAUTH, APPID_MCHID_NOT_MATCH, MCH_NOT_EXISTS, OUT_TRADE_NO_USED, ORDER_NOT_EXIST,
  ORDER_CLOSED, FREQUENCY_LIMITED, SYSTEM_ERROR, TRADE_ERROR, RULE_LIMIT, ACCOUNT_ERROR, BANK_ERROR,
  NOT_ENOUGH / NOTENOUGH, ORDERPAID, USERPAYING
- v2 payment result notification (pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_7: the notify_url POST, XML
  return_code, return_msg, appid, mch_id, nonce_str, sign, result_code, err_code, err_code_des, openid, trade_type,
  bank_type, total_fee, fee_type, cash_fee, transaction_id, out_trade_no, time_end), also when an integration
  stores it parsed to a flat map (the v2 SDKs' xmlToMap): read as the XML document.
- The front end's answer as the JSAPI docs give it (pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=7_7, as mirrored
  at cnblogs.com/xingmeng/p/4755162.html and in developers.weixin.qq.com community threads quoting it: err_msg
  get_brand_wcpay_request:ok / :cancel / :fail) and the Mini Program's wx.requestPayment (errMsg requestPayment:ok,
  requestPayment:fail cancel; recollection of the Mini Program API page).
- v2 XML API (pay.weixin.qq.com/wiki/doc/api: unifiedorder, micropay, orderquery, refund; return_code
  SUCCESS / FAIL "此字段是通信标识，非交易标识", return_msg 签名失败 / 参数格式校验错误, result_code SUCCESS / FAIL,
  err_code NOAUTH, NOTENOUGH 余额不足, ORDERPAID, ORDERCLOSED, SYSTEMERROR, APPID_NOT_EXIST, MCHID_NOT_EXIST,
  APPID_MCHID_NOT_MATCH, LACK_PARAMS, OUT_TRADE_NO_USED, SIGNERROR, XML_FORMAT_ERROR, REQUIRE_POST_METHOD,
  POST_DATA_EMPTY, NOT_UTF8, ORDERNOTEXIST, USERPAYING 用户支付中，需要输入密码, AUTHCODEEXPIRE, AUTH_CODE_INVALID,
  AUTH_CODE_ERROR, BANKERROR 银行系统异常, NOTSUPORTCARD 不支持卡类型, BUYER_MISMATCH, TRADE_ERROR
  (业务错误导致交易失败、用户账号异常、风控、规则限制等), INVALID_TRANSACTIONID, PARAM_ERROR, INVALID_REQUEST;
  total_fee in fen, fee_type default CNY; micropay SYSTEMERROR: "请立即调用被扫订单结果查询API" (the result is
  unknown); the refund notification's req_info is encrypted)

Amounts are in fen (the currency's minor unit): amount_unit "minor"; currency CNY when the body names none.

Lifecycle identity: a WeChat Pay transaction (transaction_id) is one attempt; the merchant's out_trade_no is the
payment (a retried payment reuses it only while unpaid). Refunds are their own objects (refund_id, with
out_refund_no as the merchant's) naming the transaction.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_CUSTOMER = "CUSTOMER"

TRADE_STATES = {
    "SUCCESS": "APPROVED",
    "REFUND": "REFUNDED",  # 转入退款: the transaction was (partly) refunded
    "NOTPAY": "PENDING",
    "USERPAYING": "PENDING",
    "ACCEPT": "PENDING",  # 已接收，等待扣款 (entrusted deductions)
    "CLOSED": "CANCELLED",
    "REVOKED": "CANCELLED",
    "PAYERROR": "DECLINED",
}
V2_RESULTS = {**TRADE_STATES, "FAIL": "DECLINED"}  # result_code SUCCESS / FAIL (return_code FAIL: rules)
REFUND_STATUSES = {"SUCCESS": "REFUNDED", "PROCESSING": "PENDING", "CLOSED": "CANCELLED", "ABNORMAL": "DECLINED",
                   "CHANGE": "DECLINED", "REFUNDCLOSE": "CANCELLED", "NOTSURE": "PENDING", "FAIL": "DECLINED"}

DECLINE_CODES = {
    "PAYERROR": "GENERIC_DECLINE",  # trade_state PAYERROR: 支付失败（其他原因，如银行返回失败）
    "NOTENOUGH": "INSUFFICIENT_FUNDS",
    "NOT_ENOUGH": "INSUFFICIENT_FUNDS",
    "TRADE_ERROR": "GENERIC_DECLINE",  # 业务错误导致交易失败、用户账号异常、风控、规则限制等
    "RULELIMIT": "LIMIT_EXCEEDED",
    "RULE_LIMIT": "LIMIT_EXCEEDED",
    "ACCOUNTERROR": "RESTRICTED_CARD",
    "ACCOUNT_ERROR": "RESTRICTED_CARD",
    "USER_ACCOUNT_ABNORMAL": "RESTRICTED_CARD",
    "NOTSUPORTCARD": "TRANSACTION_NOT_PERMITTED",
    "AUTHCODEEXPIRE": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # the payment code expired
    "AUTH_CODE_INVALID": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "AUTH_CODE_ERROR": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "BUYER_MISMATCH": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "BANKERROR": "ISSUER_UNAVAILABLE",
    "BANK_ERROR": "ISSUER_UNAVAILABLE",
}
ERROR_CODES = {
    "PARAM_ERROR": "INVALID_REQUEST",
    "INVALID_REQUEST": "INVALID_REQUEST",
    "LACK_PARAMS": "INVALID_REQUEST",
    "XML_FORMAT_ERROR": "INVALID_REQUEST",
    "REQUIRE_POST_METHOD": "INVALID_REQUEST",
    "POST_DATA_EMPTY": "INVALID_REQUEST",
    "NOT_UTF8": "INVALID_REQUEST",
    "ORDERNOTEXIST": "INVALID_REQUEST",
    "ORDER_NOT_EXIST": "INVALID_REQUEST",
    "RESOURCE_NOT_EXISTS": "INVALID_REQUEST",
    "INVALID_TRANSACTIONID": "INVALID_REQUEST",
    "ORDERCLOSED": "INVALID_REQUEST",
    "ORDER_CLOSED": "INVALID_REQUEST",
    "REFUNDNOTEXIST": "INVALID_REQUEST",
    "TRADE_OVERDUE": "INVALID_REQUEST",
    "ORDERPAID": "DUPLICATE",
    "OUT_TRADE_NO_USED": "DUPLICATE",
    "ALREADY_EXISTS": "DUPLICATE",
    "SIGN_ERROR": "CONFIGURATION_ERROR",
    "SIGNERROR": "CONFIGURATION_ERROR",
    "NOAUTH": "CONFIGURATION_ERROR",
    "NO_AUTH": "CONFIGURATION_ERROR",
    "APPID_NOT_EXIST": "CONFIGURATION_ERROR",
    "MCHID_NOT_EXIST": "CONFIGURATION_ERROR",
    "MCH_NOT_EXISTS": "CONFIGURATION_ERROR",
    "APPID_MCHID_NOT_MATCH": "CONFIGURATION_ERROR",
    "SYSTEMERROR": "PROCESSING_ERROR",
    "SYSTEM_ERROR": "PROCESSING_ERROR",
    "FREQUENCY_LIMITED": "PROCESSING_ERROR",
    "FREQUENCY_LIMIT_EXCEED": "PROCESSING_ERROR",
    "INVALID_REQ_TOO_MUCH": "PROCESSING_ERROR",
    "ERROR": "PROCESSING_ERROR",
    # v2 return_msg texts (return_code FAIL)
    "签名失败": "CONFIGURATION_ERROR",
    "签名错误": "CONFIGURATION_ERROR",
    "参数格式校验错误": "INVALID_REQUEST",
    "mch_id参数格式错误": "INVALID_REQUEST",
    "appid参数长度有误": "INVALID_REQUEST",
}
REASONS = {**DECLINE_CODES, **ERROR_CODES}
PENDING_CODES = ["USERPAYING"]
TIME_KEY = "_payobs_time"  # prepare(): v2 time_end (yyyyMMddHHmmss, Beijing time) as ISO 8601 with +08:00

PAYMENT_METHODS = {  # trade_type: all pay from the customer's WeChat Pay wallet (balance or a linked card)
    "JSAPI": "WALLET", "NATIVE": "WALLET", "APP": "WALLET", "MICROPAY": "WALLET", "MWEB": "WALLET",
    "FACEPAY": "WALLET", "H5": "WALLET", "PAP": "WALLET", "AUTH": "WALLET",
}
EVENT_TYPES = ["TRANSACTION.SUCCESS", "REFUND.SUCCESS", "REFUND.ABNORMAL", "REFUND.CLOSED"]
TRADE_TYPES = list(PAYMENT_METHODS)

_V3_FIELDS = {
    "provider_transaction_id": ["transaction_id", "out_trade_no"],
    "status": ["trade_state"],
    "reason_code": ["trade_state", "trade_state_desc"],
    "amount": ["amount.total"],
    "currency": ["amount.currency"],
    "event_time": ["success_time", "^create_time"],
    "payment_method": ["trade_type"],
    "merchant_id": ["sub_mchid", "mchid"],
    "attempt_id": ["transaction_id"],
    "payment_id": ["out_trade_no"],
    "refund_id": [],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["refund_id", "out_refund_no"],
    "status": ["status", "refund_status"],
    "reason_code": ["status", "refund_status"],
    "amount": ["amount.refund", "refund_fee"],
    "currency": ["amount.currency"],
    "event_time": ["success_time", "create_time", "success_time"],
    "merchant_id": ["sub_mchid", "mchid", "mch_id"],
    "refund_id": ["refund_id", "out_refund_no"],
    "attempt_id": ["transaction_id"],
    "payment_id": ["out_trade_no"],
}
_V2_FIELDS = {
    "provider_transaction_id": ["transaction_id", "out_trade_no"],
    "status": ["trade_state", "result_code"],
    "reason_code": ["err_code", "trade_state", "err_code_des", "return_msg"],
    "amount": ["total_fee"],
    "currency": ["fee_type"],
    "event_time": [TIME_KEY, "time_end"],
    "payment_method": ["trade_type"],
    "merchant_id": ["sub_mch_id", "mch_id"],
    "attempt_id": ["transaction_id"],
    "payment_id": ["out_trade_no"],
    "refund_id": [],
}
_V2_RULES = [
    # return_code FAIL: the call itself failed (signature, parameters): no transaction.
    {"when": {"return_code": "FAIL"}, "set": {"status_category": "ERROR"}},
    {"when": {"return_code": "SUCCESS", "result_code": "FAIL", "err_code": PENDING_CODES},
     "set": {"status_category": "PENDING"}},
    {"when": {"return_code": "SUCCESS", "result_code": "FAIL", "err_code": list(ERROR_CODES),
              "trade_state": {"exists": False}}, "set": {"status_category": "ERROR"}},
    # unifiedorder answered a prepay order (prepay_id / code_url), nothing is paid yet: the payment waits.
    {"when": {"return_code": "SUCCESS", "result_code": "SUCCESS", "prepay_id": {"exists": True},
              "transaction_id": {"exists": False}}, "set": {"status_category": "PENDING", "event_kind": "PAYMENT"}},
    # reverse (撤销订单) answered SUCCESS: the order is revoked (recall Y: WeChat Pay retries the reversal).
    {"when": {"return_code": "SUCCESS", "result_code": "SUCCESS", "recall": {"exists": True}},
     "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    # micropay SYSTEMERROR / BANKERROR: "query the order at once": the outcome is not known.
    {"when": {"result_code": "FAIL", "err_code": ["SYSTEMERROR", "BANKERROR"], "trade_type": "MICROPAY"},
     "set": {"status_category": "UNKNOWN"}},
]
# The payment the web page (JSAPI WeixinJSBridge getBrandWCPayRequest: err_msg get_brand_wcpay_request:ok 支付成功,
# :cancel 支付过程中用户取消, :fail 支付失败) or the Mini Program (wx.requestPayment: errMsg requestPayment:ok, or
# "requestPayment:fail cancel" when the user cancelled, "requestPayment:fail <detail>" 调用支付失败, the call failed with
# the backend's detail: an ERROR) invoked.
# WeChat Pay warns that ok "is returned after the user paid but is not absolutely reliable": the notification or
# the order query confirms it; a fail carries no reason.
_FRONT_END = [
    {"name": f"front_end.{name}", "match": {key: value}, "status": status, "fields": {"status": [key]},
     "default_payment_method": "WALLET", "default_currency": None}
    for key, answers in (
        ("err_msg", [("ok", "get_brand_wcpay_request:ok", "APPROVED"),
                     ("cancel", "get_brand_wcpay_request:cancel", "CANCELLED"),
                     ("fail", "get_brand_wcpay_request:fail", "DECLINED")]),
        ("errMsg", [("ok", "requestPayment:ok", "APPROVED"), ("cancel", "requestPayment:fail cancel", "CANCELLED"),
                    ("fail", {"prefix": "requestPayment:fail"}, "ERROR")]),
    )
    for name, value, status in answers
]
_V3_ERROR_RULES = [
    # A payer-side refusal (insufficient balance, account abnormal, limits, risk): a decline.
    {"when": {"code": list(DECLINE_CODES)}, "set": {"status_category": "DECLINED"}},
    {"when": {"code": PENDING_CODES}, "set": {"status_category": "PENDING"}},
]

SPEC = {
    "provider": "wechatpay",
    "aliases": ["wechatpay", "wechat_pay", "wechat pay", "wechat", "weixin", "weixinpay", "weixin_pay", "wxpay",
                "tenpay", "微信支付", "wechatpay_v3", "wechatpay_v2"],
    "detect": [
        {"path": "trade_state", "in": list(TRADE_STATES), "weight": 0.3},
        {"path": "trade_type", "in": TRADE_TYPES, "weight": 0.2},
        {"path": "mchid", "exists": True, "weight": 0.2},
        {"path": "amount.payer_total", "exists": True, "weight": 0.3},
        {"path": "payer.openid", "exists": True, "weight": 0.3},
        {"path": "out_refund_no", "exists": True, "weight": 0.4},
        {"path": "amount.payer_refund", "exists": True, "weight": 0.3},
        {"path": "event_type", "in": EVENT_TYPES, "weight": 0.4},
        {"path": "resource.algorithm", "in": ["AEAD_AES_256_GCM"], "weight": 0.3},
        {"path": "resource.original_type", "in": ["transaction", "refund"], "weight": 0.2},
        {"path": "resource_type", "in": ["encrypt-resource"], "weight": 0.2},
        # v3 error bodies: codes only WeChat Pay uses, and its detail.location
        {"path": "code", "in": ["NOTENOUGH", "ORDERPAID", "ORDERCLOSED", "OUT_TRADE_NO_USED", "MCH_NOT_EXISTS",
                                "APPID_MCHID_NOT_MATCH", "SIGN_ERROR", "NO_AUTH", "NOAUTH", "RULE_LIMIT",
                                "RULELIMIT", "ACCOUNT_ERROR", "ACCOUNTERROR", "BANK_ERROR", "BANKERROR",
                                "USERPAYING", "ORDERNOTEXIST", "FREQUENCY_LIMITED", "NOT_ENOUGH", "TRADE_ERROR"],
         "weight": 0.5},
        {"path": "detail.location", "in": ["body", "query", "path", "header"], "weight": 0.3},
        # v2 XML
        {"path": "xml.return_code", "in": ["SUCCESS", "FAIL"], "weight": 0.5},
        {"path": "xml.mch_id", "exists": True, "weight": 0.2},
        {"path": "xml.nonce_str", "exists": True, "weight": 0.1},
        {"path": "xml.result_code", "in": ["SUCCESS", "FAIL"], "weight": 0.2},
        {"path": "xml.req_info", "exists": True, "weight": 0.3},
        # v2 XML parsed to a flat map (the SDKs' Util.xmlToMap / toArray, as integrations log and store a notify_url
        # post): the same fields without the <xml> root; mch_id and nonce_str are WeChat Pay's own words.
        {"path": "mch_id", "exists": True, "weight": 0.3},
        {"path": "nonce_str", "exists": True, "weight": 0.2},
        {"path": "return_code", "in": ["SUCCESS", "FAIL"], "weight": 0.2},
        {"path": "req_info", "exists": True, "weight": 0.2},
        # The front end's answer to the payment it invoked (JSAPI err_msg, Mini Program errMsg).
        {"path": "err_msg", "prefix": "get_brand_wcpay_request:", "weight": 0.6},
        {"path": "errMsg", "prefix": "requestPayment:", "weight": 0.6},
    ],
    "amount_unit": "minor",
    "default_currency": "CNY",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # v3 decrypted refund resource / refund API answer
        {"name": "v3.refund", "match": {"out_refund_no": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "v3.transaction", "match": {"trade_state": {"exists": True}},
         "fields": _V3_FIELDS, "status_map": TRADE_STATES, "default_payment_method": "WALLET"},
        # v3 error body {code, message, detail?}
        {"name": "v3.error", "match": {"code": {"exists": True}, "message": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["code"], "reason_code": ["code", "message"]},
         "default_currency": None, "rules": _V3_ERROR_RULES},
        # The front end's answer (see _FRONT_END): what the payer did in WeChat, no amount or transaction id.
        *_FRONT_END,
        # v2 XML: {"xml": {...}}
        {"name": "v2.refund", "root": "xml", "match": {"xml.out_refund_no": {"exists": True}},
         "fields": {**_REFUND_FIELDS, "status": ["refund_status_0", "result_code"],
                    "reason_code": ["err_code", "err_code_des", "return_msg"], "currency": ["refund_fee_type", "fee_type"]},
         "status_map": {**REFUND_STATUSES, "SUCCESS": "REFUNDED", "FAIL": "DECLINED"}, "event_kind": "REFUND",
         "rules": [{"when": {"return_code": "FAIL"}, "set": {"status_category": "ERROR"}},
                   {"when": {"result_code": "FAIL", "err_code": list(ERROR_CODES)},
                    "set": {"status_category": "ERROR"}}]},
        {"name": "v2.transaction", "root": "xml", "match": {"xml.return_code": {"exists": True}},
         "fields": _V2_FIELDS, "status_map": V2_RESULTS, "rules": _V2_RULES, "default_payment_method": "WALLET"},
    ],
}


def prepare(body: Any) -> Any:
    """Refuse notifications whose outcome is encrypted (v3 resource.ciphertext, v2 req_info); a v2 return_code
    FAIL answer names no result_code, so its status is read from return_code; v2 time_end is Beijing time
    (yyyyMMddHHmmss) and gets its +08:00 offset. Pure."""
    if not isinstance(body, dict):
        return body
    if "xml" not in body and body.get("return_code") in ("SUCCESS", "FAIL") and any(
            key in body for key in ("mch_id", "nonce_str", "appid", "return_msg")):
        # A v2 message parsed to a flat map: read as the <xml> document it was.
        body = {"xml": body}
    resource = body.get("resource")
    if isinstance(resource, dict) and resource.get("ciphertext"):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"wechatpay: {body.get('event_type') or 'notification'} is encrypted (resource.ciphertext)")
    xml = body.get("xml")
    if isinstance(xml, dict):
        if xml.get("req_info"):
            raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "wechatpay: v2 refund notification (req_info is encrypted)")
        extra: dict[str, Any] = {}
        if xml.get("return_code") == "FAIL" and not xml.get("result_code"):
            extra["result_code"] = "FAIL"
        end = xml.get("time_end")
        if isinstance(end, str) and len(end.strip()) == 14 and end.strip().isdigit():
            t = end.strip()
            extra[TIME_KEY] = f"{t[0:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}+08:00"
        if extra:
            return {**body, "xml": {**xml, **extra}}
    return body
