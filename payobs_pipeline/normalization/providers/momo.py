"""MoMo (Vietnam) payment gateway, AIO v2 (``/v2/gateway/api/...``): the IPN the gateway posts to the merchant's
ipnUrl (and the same parameters on the redirectUrl), the Check Transaction Status answer, the create answer (a
payUrl to send the customer to), the Reverse & Refund answer, and every answer's resultCode when a call fails.

Sources:
- "Payment Notification" (developers.momo.vn/v3/docs/payment/api/result-handling/notification): the IPN is a JSON
  POST {partnerCode, orderId, requestId, amount, orderInfo, orderType ("momo_wallet"), transId, resultCode, message,
  payType, responseTime (a timestamp in milliseconds), extraData, signature}; the redirect carries the same
  parameters in its query string.
- "Check Transaction Status" (developers.momo.vn/v3/docs/payment/api/payment-api/query): {partnerCode, requestId,
  orderId, extraData, amount, transId, payType ("web or qr"), resultCode, refundTrans, message, responseTime,
  paymentOption (momo, pay_later)}.
- "Reverse & Refund" (developers.momo.vn/v3/docs/payment/api/payment-api/refund): the request names the refund by a
  new orderId ("must be different from orderId of the original purchase transaction") and the purchase by its
  transId; the answer is {partnerCode, orderId, requestId, amount, transId, resultCode, message, responseTime}.
- The create answer (developers.momo.vn/v3/docs/payment/api/credit/onetime and the wallet pages): {partnerCode,
  requestId, orderId, amount, responseTime, message, resultCode, payUrl, deeplink, qrCodeUrl}. Amounts are Long in
  VND ("Currency: VND").
- "List Result Codes" (developers.momo.vn/v3/docs/payment/api/result-handling/resultcode; the Vietnamese page, as
  copied at vvc.vn/ma-loi-momo-1683801416, also lists 8000), catalogued code by code in api-evangelist/momo
  errors/momo-error-codes.yml: 0 successful; 9000 authorized (for a 1-step payment the success, for a 2-step one
  awaiting capture or cancel); 1000, 7000, 7002, 8000 pending; System / Merchant errors 10-99; User / payment
  failures 1001-1088, 2019, 4001-4100.

Statuses: a System or Merchant error (maintenance, access, authentication, format, amount, duplicate ids) is an
ERROR of the call; 1001 insufficient funds, 1002 rejected by the issuer of the payment method, 1004 daily / monthly
limit, 1007 inactive or nonexistent account, 1026 promotion rules, 4001 account restricted, 4002 account not
verified (biometrics via NFC), 4100 the user failed to log in are DECLINED; 1005 the URL or QR code expired and 1006
the user denied to confirm the payment are CANCELLED (expired unpaid / the customer gave up); 1003 "cancelled after
successfully authorized" (by the merchant or MoMo's timeout) and 1017 "cancelled by merchant" are VOIDs. 1080 (a
refund failed during processing), 1081 (refund rejected, perhaps already refunded or above the refundable amount),
1088 (the payment is ineligible to be refunded) fail a refund.

payType: the query page documents "web or qr" and the IPN example "qr" (the MoMo wallet); "webApp", "app",
"miniapp", "napas" (domestic ATM card) and "credit" (international card) are the values the other request types
(payWithATM, payWithCC) return in our recollection, not from a stored page: napas and credit map to CARD.

Not mapped: the AIO v1 messages (errorCode / localMessage) and the Business Page user-activity events (not
payments, another API).

Lifecycle identity: transId (MoMo's transaction) is the attempt; the merchant's orderId is the payment (requestId is
only the call's idempotency key). A refund answer's orderId is the refund's own id; it does not name the purchase's
orderId, only its transId (the attempt).
"""

from __future__ import annotations

PENDING_CODES = ["1000", "7000", "7002", "8000"]
CANCELLED_CODES = ["1005", "1006"]  # the URL / QR code expired; the user denied to confirm the payment
VOID_CODES = ["1003", "1017"]  # cancelled after authorization (merchant or MoMo timeout); cancelled by merchant

DECLINES = {
    "1001": "INSUFFICIENT_FUNDS",
    "1002": "GENERIC_DECLINE",  # rejected by the issuer of the payment method
    "1004": "LIMIT_EXCEEDED",  # daily / monthly payment limit
    "1007": "RESTRICTED_CARD",  # inactive or nonexistent user account
    "1026": "TRANSACTION_NOT_PERMITTED",  # restricted by promotion rules
    "4001": "RESTRICTED_CARD",  # the user account is restricted
    "4002": "AUTHENTICATION_REQUIRED",  # the account is not verified (biometrics via NFC)
    "4100": "AUTHENTICATION_FAILED",  # the user failed to log in
    # Refunds.
    "1080": "PROCESSING_ERROR",  # the refund failed during processing, retry later
    "1081": "INVALID_REQUEST",  # rejected: already refunded or above the refundable amount
    "1088": "TRANSACTION_NOT_PERMITTED",  # the payment is ineligible to be refunded
}

ERRORS = {
    "10": "PROCESSING_ERROR",  # system under maintenance
    "11": "CONFIGURATION_ERROR",  # access denied (merchant settings)
    "12": "CONFIGURATION_ERROR",  # unsupported API version
    "13": "CONFIGURATION_ERROR",  # merchant authentication failed
    "20": "INVALID_REQUEST",  # bad format request
    "21": "INVALID_REQUEST",  # invalid transaction amount
    "22": "INVALID_REQUEST",  # amount out of range
    "40": "DUPLICATE",  # duplicated requestId
    "41": "DUPLICATE",  # duplicated orderId
    "42": "INVALID_REQUEST",  # invalid orderId or not found
    "43": "DUPLICATE",  # an analogous transaction is being processed
    "45": "INVALID_REQUEST",  # duplicated ItemId
    "47": "INVALID_REQUEST",  # inapplicable information in the given data
    "98": "PROCESSING_ERROR",  # the QR code was not generated
    "99": "PROCESSING_ERROR",  # unknown error
    "2019": "INVALID_REQUEST",  # invalid orderGroupId
}

RESULT_STATUSES = {
    "0": "APPROVED",
    "9000": "APPROVED",  # authorized
    **{code: "PENDING" for code in PENDING_CODES},
    **{code: "CANCELLED" for code in (*CANCELLED_CODES, *VOID_CODES)},
    **{code: "DECLINED" for code in DECLINES},
    **{code: "ERROR" for code in ERRORS},
}
REFUND_STATUSES = {**RESULT_STATUSES, "0": "REFUNDED"}
REASONS = {**DECLINES, **ERRORS}

PAYMENT_METHODS = {
    "qr": "WALLET", "web": "WALLET", "webApp": "WALLET", "app": "WALLET", "miniapp": "WALLET",
    "napas": "CARD", "credit": "CARD",
}

_PAY_URLS = ["https://test-payment.momo.vn/", "https://payment.momo.vn/"]

_FIELDS = {
    "provider_transaction_id": ["transId"],
    "status": ["resultCode"],
    "reason_code": ["resultCode"],
    "amount": ["amount"],
    "event_time": ["responseTime"],
    "payment_method": ["payType"],
    "merchant_id": ["partnerCode"],
    "attempt_id": ["transId"],
    "payment_id": ["orderId"],
}

SPEC = {
    "provider": "momo",
    "aliases": ["momo", "momo wallet", "momo e-wallet", "ví momo", "momo.vn", "momo payment gateway", "m_service"],
    "detect": [
        {"path": "orderType", "in": ["momo_wallet"], "weight": 0.5},
        {"path": "payUrl", "prefix": _PAY_URLS, "weight": 0.5},
        {"path": "deeplink", "prefix": "momo://", "weight": 0.3},
        {"path": "partnerCode", "exists": True, "weight": 0.2},
        {"path": "resultCode", "in": list(RESULT_STATUSES), "weight": 0.2},
        {"path": "transId", "exists": True, "weight": 0.1},
        {"path": "requestId", "exists": True, "weight": 0.1},
        {"path": "responseTime", "exists": True, "weight": 0.1},
        {"path": "payType", "in": list(PAYMENT_METHODS), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "VND",
    "status_map": RESULT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _FIELDS,
    "variants": [
        {
            # The create answer: the payment waits for the customer at payUrl.
            "name": "create",
            "match": {"payUrl": {"exists": True}, "resultCode": ["0"]},
            "status": "PENDING",
            "event_kind": "PAYMENT",
        },
        {
            # The Reverse & Refund answer: no payType, orderType, orderInfo or extraData, the refund's own orderId.
            "name": "refund",
            "match": {"partnerCode": {"exists": True}, "transId": {"exists": True}, "resultCode": {"exists": True},
                      "payType": {"exists": False}, "orderType": {"exists": False}, "orderInfo": {"exists": False},
                      "extraData": {"exists": False}, "refundTrans": {"exists": False}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_FIELDS, "attempt_id": ["transId"], "payment_id": [], "refund_id": ["orderId"]},
        },
        {
            # IPN, redirect and Check Transaction Status: the payment's result.
            "name": "result",
            "match": {"partnerCode": {"exists": True}, "resultCode": {"exists": True}},
            "rules": [{"when": {"resultCode": {"in": VOID_CODES}}, "set": {"event_kind": "VOID"}}],
        },
    ],
}
