"""Cellulant Tingg Checkout: the webhook to the merchant's callback URL (v3, snake_case), the query-status answer
(v2 custom checkout, camelCase) and its processing status codes.

Sources:
- Tingg "Implement webhook via callback URL" (docs.tingg.africa/docs/checkout-v3-implement-webhook-via-callback-url):
  sent when a full payment is made; fields checkout_request_id, merchant_transaction_id, request_amount,
  original_request_amount, request_currency_code, original_request_currency_code, account_number, currency_code,
  amount_paid, service_charge_amount, request_date, service_code, request_status_code (177 partially paid, 178
  fully paid, 179 partially paid but expired, 129 expired without payments, 102 insufficient funds, 101 invalid
  pin / cancelled, 99 generic failed payment status), request_status_description, MSISDN, payments (the
  successful payments). Amounts are doubles in the currency.
- Tingg "Query Status" (docs.tingg.africa/reference/query-status, v3): request status codes 99 (a failed payment
  received, the request still open), 129, 130 (new request), 176 (partial payment, request closed), 178, 179, 180
  (fully paid, acknowledged as rejected by the merchant), 183 (fully paid, accepted by the merchant), 188
  (received by the merchant, accept/reject later), 184 / 185 (part / full refund initiated), 186 / 187 (part /
  full refund processed), 191 (refund expired), 422 (invalid request).
- Tingg "Query Request Status" (docs.tingg.africa/docs/checkout-v2-custom-checkout-api-query-request-status): the
  answer {statusCode, statusDescription, checkoutRequestID, merchantTransactionID, requestStatusCode, ...};
  statusCode 200 success, 500 generic failure, 1001 no checkout request found, 1013 not JSON, 1014 missing
  merchantTransactionID, 1015 missing checkoutRequestID. The rest of the v2 answer's fields (requestAmount,
  currencyCode, amountPaid, ...) are read by the v3 names camel-cased: an assumption, not a stored sample.

Read as: 178, 176, 183, 188 -> APPROVED; 130, 177 -> PENDING; 129, 179 (partial payments reversed), 180 (the
merchant rejected the paid request, the payments reversed) -> CANCELLED; 99 -> DECLINED (no reason), 102 ->
INSUFFICIENT_FUNDS, 101 -> AUTHENTICATION_FAILED; 422 -> ERROR; 184, 185 -> a REFUND, PENDING; 186, 187 ->
REFUNDED; 191 -> a REFUND, CANCELLED.
"""

from __future__ import annotations

STATUSES = {
    "130": "PENDING",     # new request raised by the merchant
    "177": "PENDING",     # partially paid, still open
    "178": "APPROVED",    # fully paid
    "176": "APPROVED",    # partial payment, request closed (partial payments accepted)
    "183": "APPROVED",    # fully paid, accepted by the merchant
    "188": "APPROVED",    # payment received by the merchant, accept/reject later
    "129": "CANCELLED",   # expired without payment
    "179": "CANCELLED",   # expired with partial payments, reversed
    "180": "CANCELLED",   # fully paid but rejected by the merchant: the payments are reversed
    "99": "DECLINED",     # a failed payment; the request stays open
    "102": "DECLINED",    # insufficient funds
    "101": "DECLINED",    # invalid pin / cancelled
    "422": "ERROR",       # invalid request
}
REFUND_STATUSES = {
    "184": "PENDING",     # part refund initiated
    "185": "PENDING",     # full refund initiated
    "186": "REFUNDED",    # part refund processed
    "187": "REFUNDED",    # full refund processed
    "191": "CANCELLED",   # refund expired
}
REASONS = {
    "99": "UNKNOWN",
    "102": "INSUFFICIENT_FUNDS",
    "101": "AUTHENTICATION_FAILED",
    "422": "INVALID_REQUEST",
}
# statusCode of the v2 query answer when the query itself failed.
ANSWER_ERRORS = {
    "500": "PROCESSING_ERROR",
    "1001": "INVALID_REQUEST",
    "1013": "INVALID_REQUEST",
    "1014": "INVALID_REQUEST",
    "1015": "INVALID_REQUEST",
}

_CODES = [*STATUSES, *REFUND_STATUSES]

_WEBHOOK = {
    "provider_transaction_id": ["checkout_request_id"],
    "status": ["request_status_code"],
    "reason_code": ["request_status_code"],
    "amount": ["request_amount", "amount_paid"],
    "currency": ["request_currency_code", "currency_code"],
    "event_time": ["request_date"],
    "attempt_id": ["checkout_request_id"],
    "payment_id": ["merchant_transaction_id"],
}
_QUERY = {
    "provider_transaction_id": ["checkoutRequestID"],
    "status": ["requestStatusCode"],
    "reason_code": ["requestStatusCode"],
    "amount": ["requestAmount", "amountPaid"],
    "currency": ["requestCurrencyCode", "currencyCode"],
    "event_time": ["requestDate"],
    "attempt_id": ["checkoutRequestID"],
    "payment_id": ["merchantTransactionID"],
}

SPEC = {
    "provider": "cellulant",
    "aliases": ["cellulant", "tingg", "cellulant tingg", "tingg checkout", "tingg.africa", "mula checkout"],
    "detect": [
        {"path": "checkout_request_id", "exists": True, "weight": 0.3},
        {"path": "merchant_transaction_id", "exists": True, "weight": 0.15},
        {"path": "request_status_code", "in": _CODES, "weight": 0.2},
        {"path": "service_charge_amount", "exists": True, "weight": 0.1},
        {"path": "checkoutRequestID", "exists": True, "weight": 0.3},
        {"path": "merchantTransactionID", "exists": True, "weight": 0.15},
        {"path": "requestStatusCode", "in": _CODES, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "fields": _WEBHOOK,
    "variants": [
        {
            "name": "webhook.refund",
            "match": {"request_status_code": {"in": list(REFUND_STATUSES)}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            # Tingg names no refund id: the refund is known by the request it returns.
            "fields": {**_WEBHOOK, "refund_id": []},
        },
        {
            "name": "webhook",
            "match": {"request_status_code": {"exists": True}},
        },
        {
            "name": "query.error",
            "match": {"statusCode": {"not_in": ["200"]}, "requestStatusCode": {"exists": False},
                      "statusDescription": {"exists": True}},
            "status": "ERROR",
            "reason_map": ANSWER_ERRORS,
            "fields": {"reason_code": ["statusCode"], "amount": [], "currency": [], "event_time": []},
        },
        {
            "name": "query.refund",
            "match": {"requestStatusCode": {"in": list(REFUND_STATUSES)}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_QUERY, "refund_id": []},
        },
        {
            "name": "query",
            "match": {"requestStatusCode": {"exists": True}},
            "fields": _QUERY,
        },
    ],
}
