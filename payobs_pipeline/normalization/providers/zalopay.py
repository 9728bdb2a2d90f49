"""ZaloPay (Vietnam) Open API v2: the payment callback (``{data, mac, type}`` with the order in a JSON string), the
create-order, query-order, refund and query-refund answers (``return_code`` / ``sub_return_code``).

Sources:
- "Callback" (docs.zalopay.vn/docs/specs/callback-api; beta-docs.zalopay.vn/docs/developer-tools/knowledge-base/
  callback): the merchant server receives the payment's result "only when Zalopay has received money from user
  successfully"; the body is {data (a JSON string: app_id, app_trans_id, app_time, app_user, amount "received
  (VND)", embed_data, item, zp_trans_id, server_time (ms), channel, merchant_user_id, user_fee_amount,
  discount_amount), mac, type (1 order, 2 agreement)}.
- "Status Codes" (beta-docs.zalopay.vn/docs/developer-tools/knowledge-base/status-codes): return_code 1 SUCCESS,
  2 FAIL, 3 PROCESSING; "if the return_code is 2 (FAIL), check the sub_return_code"; CreateOrder sub codes -68
  DUPLICATE_APPS_TRANS_ID, -401 ILLEGAL_DATA_REQUEST, -402 ILLEGAL_APP/SIGNATURE_REQUEST, -429 LIMIT_REQUEST_REACH,
  -500 SYSTEM_ERROR, -999 SYSTEM_MAINTENANCE; QueryOrder -54 TIME_INVALID ("the transaction is expired"). The rest
  of that page's QueryOrder and Refund tables is cut off in the stored copy.
- ZaloPay's own Node SDK OpenAPI spec (zalopay-oss/zalopay-nodejs specs/zlp.yaml, OrderQueryResponse,
  RefundQueryResponse, OrderCreateResponse): the negative return codes (-500 SYSTEM_ERROR, -429
  LIMIT_REQUEST_REACH, 406 ILLEGAL_STATUS, -405 ILLEGAL_CLIENT_REQUEST, -403 ILLEGAL_SIGNATURE_REQUEST, -402
  ILLEGAL_APP_REQUEST, -401 ILLEGAL_DATA_REQUEST), the sub codes 1 success, -32 / -301 system error, -33 app
  maintenance, -34 / -35 payment channel in maintenance or not supported, -43 bank in maintenance, -88 function in
  maintenance, -101 "refund successful (ATM / Visa / Master / JCB cardholders are refunded in 3-5 working days)",
  -135 system maintenance, -322 payment code expired ("the transaction failed, the account was not debited"), -329
  "the user cancelled the payment"; CreateOrder -33 APP_MAINTENANCE, -68 ALREADY_EXISTS; the answers' fields
  (query: is_processing, amount, zp_trans_id; create: zp_trans_token, order_url; refund: refund_id), and its test
  mocks (src/zalopay/__tests__/__mocks__/order/responses.ts, refund/responses.ts).
- "Refund for a transaction" / "Query for refund status" (docs.zalopay.vn/docs/specs/order-refund,
  order-query-refund): refunds are asynchronous, named by the merchant's m_refund_id and ZaloPay's refund_id; the
  query answer is {return_code, return_message, sub_return_code, sub_return_message}.

Statuses: the callback is a paid order (APPROVED); an agreement callback (type 2) binds a wallet, no payment. A query
answer: return_code 1 APPROVED (paid), 3 PENDING (is_processing), 2 failed: the sub code says why (-329 the user
cancelled, -322 / -54 expired: CANCELLED; maintenance and system errors: ERROR; other failures DECLINED). A negative
return_code is an ERROR of the call. A refund answer: 1 REFUNDED, 3 PENDING, 2 a failed refund.

A bare {return_code, return_message, sub_return_code, sub_return_message} is the query-refund answer or any call's
failure: its failures are ERRORs of the call, its -101 "refund successful" a REFUNDED refund; a bare success names no
operation and stays unmapped.

Not mapped: the v1 API (returncode, zptransid) and the legacy status table (docs.zalopay.vn/en/v1/general/errors.html,
whose negative codes are cut off in the stored copy), the channel codes (no stored table), disbursements (payouts).

Amount: VND (the callback's "Amount received (VND)"), a whole number. Lifecycle identity: zp_trans_id (ZaloPay's
transaction) is the attempt; the merchant's app_trans_id the payment; refund_id the refund.
"""

from __future__ import annotations

import json
from typing import Any

DATA_KEY = "_payobs_zalopay_data"

# return_code of a call that failed as a request (the SDK's OpenAPI spec).
CALL_ERRORS = {
    "-500": "PROCESSING_ERROR",  # SYSTEM_ERROR
    "-429": "PROCESSING_ERROR",  # LIMIT_REQUEST_REACH
    "406": "INVALID_REQUEST",  # ILLEGAL_STATUS
    "-405": "INVALID_REQUEST",  # ILLEGAL_CLIENT_REQUEST
    "-403": "CONFIGURATION_ERROR",  # ILLEGAL_SIGNATURE_REQUEST
    "-402": "CONFIGURATION_ERROR",  # ILLEGAL_APP_REQUEST / ILLEGAL_APP/SIGNATURE_REQUEST
    "-401": "INVALID_REQUEST",  # ILLEGAL_DATA_REQUEST
}

# sub_return_code of a failure.
SUB_REASONS = {
    "-32": "PROCESSING_ERROR",  # system error
    "-301": "PROCESSING_ERROR",  # system error
    "-33": "PROCESSING_ERROR",  # app in maintenance
    "-34": "PROCESSING_ERROR",  # payment channel in maintenance
    "-35": "TRANSACTION_NOT_PERMITTED",  # payment channel not supported or in maintenance
    "-43": "ISSUER_UNAVAILABLE",  # the bank is in maintenance
    "-88": "PROCESSING_ERROR",  # function in maintenance
    "-135": "PROCESSING_ERROR",  # system maintenance
    "-999": "PROCESSING_ERROR",  # SYSTEM_MAINTENANCE
    "-54": "UNKNOWN",  # TIME_INVALID: expired (CANCELLED)
    "-322": "UNKNOWN",  # payment code expired, not debited (CANCELLED)
    "-329": "UNKNOWN",  # the user cancelled (CANCELLED)
    "-68": "DUPLICATE",  # DUPLICATE_APPS_TRANS_ID / ALREADY_EXISTS
    **CALL_ERRORS,
}

CANCELLED_SUB_CODES = ["-54", "-322", "-329"]
# Maintenance and system failures: the call failed technically, nothing was paid.
ERROR_SUB_CODES = ["-32", "-301", "-33", "-34", "-88", "-135", "-999", "-500", "-429", "-401", "-402", "-403",
                   "-405", "-68"]

QUERY_STATUSES = {"1": "APPROVED", "2": "DECLINED", "3": "PENDING", **{code: "ERROR" for code in CALL_ERRORS}}
REFUND_STATUSES = {"1": "REFUNDED", "2": "DECLINED", "3": "PENDING", **{code: "ERROR" for code in CALL_ERRORS}}
CREATE_STATUSES = {"1": "PENDING", "2": "ERROR", **{code: "ERROR" for code in CALL_ERRORS}}
BARE_STATUSES = {"2": "ERROR", **{code: "ERROR" for code in CALL_ERRORS}}

_ANSWER_REASON = ["sub_return_code", "return_code"]

_FAILURE_RULES = [
    {"when": {"return_code": "2", "sub_return_code": {"in": CANCELLED_SUB_CODES}},
     "set": {"status_category": "CANCELLED"}},
    {"when": {"return_code": "2", "sub_return_code": {"in": ERROR_SUB_CODES}}, "set": {"status_category": "ERROR"}},
]

_ORDER_URLS = ["https://qcgateway.zalopay.vn/", "https://sbgateway.zalopay.vn/", "https://gateway.zalopay.vn/",
               "https://sb-openapi.zalopay.vn/", "https://openapi.zalopay.vn/"]

SPEC = {
    "provider": "zalopay",
    "aliases": ["zalopay", "zalo pay", "zalopay.vn", "zalopay wallet", "ví zalopay", "zalopay gateway"],
    "detect": [
        {"path": "data", "prefix": ['{"app_id"', '{"appid"'], "weight": 0.4},
        {"path": "mac", "exists": True, "weight": 0.2},
        {"path": "type", "in": [1, 2], "weight": 0.1},
        {"path": "zp_trans_id", "exists": True, "weight": 0.3},
        {"path": "zp_trans_token", "exists": True, "weight": 0.3},
        {"path": "order_url", "prefix": _ORDER_URLS, "weight": 0.5},
        {"path": "sub_return_code", "exists": True, "weight": 0.3},
        {"path": "sub_return_message", "exists": True, "weight": 0.1},
        {"path": "return_code", "in": list(QUERY_STATUSES), "weight": 0.1},
        {"path": "is_processing", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "VND",
    "reason_map": SUB_REASONS,
    "variants": [
        {
            "name": "agreement_callback",
            "match": {"mac": {"exists": True}, "type": "2", DATA_KEY: {"exists": True}},
            "not_a_payment": "a wallet agreement (binding) callback, not a payment",
        },
        {
            # Sent only when ZaloPay has received the money: a paid order.
            "name": "order_callback",
            "root": DATA_KEY,
            "match": {"mac": {"exists": True}, DATA_KEY: {"exists": True}},
            "status": "APPROVED",
            "fields": {
                "provider_transaction_id": ["zp_trans_id"],
                "amount": ["amount"],
                "event_time": ["server_time"],
                "merchant_id": ["app_id"],
                "attempt_id": ["zp_trans_id"],
                "payment_id": ["app_trans_id"],
            },
        },
        {
            "name": "create_order",
            "match": {"return_code": {"exists": True}, "order_url": {"exists": True}},
            "status_map": CREATE_STATUSES,
            "event_kind": "PAYMENT",
            "fields": {"status": ["return_code"], "reason_code": _ANSWER_REASON},
        },
        {
            "name": "refund",
            "match": {"return_code": {"exists": True}, "refund_id": {"exists": True}},
            "status_map": REFUND_STATUSES,
            "event_kind": "REFUND",
            "fields": {"status": ["return_code"], "reason_code": _ANSWER_REASON, "refund_id": ["refund_id"],
                       "provider_transaction_id": ["refund_id"]},
        },
        {
            "name": "query_order",
            "match": {"return_code": {"exists": True}, "is_processing": {"exists": True}},
            "status_map": QUERY_STATUSES,
            "fields": {"status": ["return_code"], "reason_code": _ANSWER_REASON,
                       "provider_transaction_id": ["zp_trans_id"], "attempt_id": ["zp_trans_id"],
                       "amount": ["amount"]},
            "rules": _FAILURE_RULES,
        },
        {
            # Query-refund answer or a failed call: no field names the operation.
            "name": "bare_answer",
            "match": {"return_code": {"exists": True}, "sub_return_code": {"exists": True}},
            "status_map": BARE_STATUSES,
            "default_currency": None,
            "fields": {"status": ["return_code"], "reason_code": _ANSWER_REASON},
            "rules": [{"when": {"sub_return_code": "-101"},
                       "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}}],
        },
    ],
}


def prepare(body: Any) -> Any:
    """Read the callback's ``data`` (a JSON string) as an object, beside the string as it came."""
    if not isinstance(body, dict) or DATA_KEY in body or "mac" not in body:
        return body
    data = body.get("data")
    if not isinstance(data, str):
        return body
    try:
        decoded = json.loads(data)
    except ValueError:
        return body
    return {**body, DATA_KEY: decoded} if isinstance(decoded, dict) else body
