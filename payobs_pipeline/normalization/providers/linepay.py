"""LINE Pay (Online API v3: Taiwan, Thailand; Japan until 2025): the API answers {returnCode, returnMessage, info}
of Request, Confirm, Capture, Pay Preapproved, Refund, Payment Details and Check Payment Status, and their error
answers.

Sources:
- LINE Pay Online API v3 (pay.line.me/documents/online_v3_en.html), per API: its response fields and its return
  codes, as copied API by API into enylin/line-pay-merchant docs/api-reference/*.md (request.md, confirm.md,
  capture.md, void.md, refund.md, payment-details.md, check-payment-status.md, pay-preapproved.md); the error
  code table also at developers.line.biz/en/docs/line-pay/appendix/ ("LINE Pay error codes", stored only up to
  1177). Codes: 1101 not a LINE Pay member, 1102 member unable to proceed, 1104 non-existing merchant, 1105
  merchant cannot use LINE Pay, 1106 header info error, 1110 unacceptable credit card, 1124 amount info error
  (scale), 1141 payment account error, 1142 low balance, 1145 payment in process, 1150 transaction history not
  found, 1152 same transactionId, 1153 amount differs from the requested, 1154 automatic-payment method unusable,
  1155 not refundable / wrong transaction number, 1159 payment request information not found, 1163 refundable
  date over, 1164 exceeded refundable amount, 1165 already refunded / voided, 1169 payment method and password
  authentication required, 1170 member's balance changed, 1172 same order number, 1177 more than 100 transactions
  asked, 1178 unsupported currency, 1179 unable to proceed, 1180 payment expired, 1183 amount must be above 0,
  1184 amount exceeds the requested, 1194 merchant cannot use preapproved payment, 1198 duplicated call, 1199
  internal request error, 1280-1298 the credit card's answers (1280 temporary error, 1281 payment error, 1282
  authorization error, 1283 suspected fraud, 1284 card payment temporarily stopped, 1285 missing / 1286 wrong
  card information, 1287 expired, 1288 low balance, 1289 credit limit exceeded, 1290 per-payment limit exceeded,
  1291 reported stolen, 1292 suspended, 1293 CVN error, 1294 blacklisted, 1295 wrong card number, 1296 unable to
  proceed the amount, 1298 declined), 1900 / 1902 temporary errors, 1999 request differs from the previous one,
  2101 parameter error, 2102 JSON format error, 9000 internal error.
- Check Payment Status (GET /v3/payments/requests/{transactionId}/check): 0000 before authorization, 0110
  authorization completed (the Confirm API may be called), 0121 cancelled by the user or timed out (20 min), 0122
  payment failed, 0123 payment completed.
- Payment Details (GET /v3/payments): info[] {transactionId, transactionDate, transactionType PAYMENT /
  PAYMENT_REFUND / PARTIAL_REFUND, payInfo[], orderId, currency, payStatus, refundList[], packages} with payStatus
  AUTHORIZATION / CAPTURE / VOIDED_AUTHORIZATION / EXPIRED_AUTHORIZATION (the docs' enum, as in the Offline SDK's
  LinePay\\Offline\\Enums\\PaymentStatus and the v4 authorizations guide); originalTransactionId on a refund row
  is from recollection of the v3 reference.
- Request answers info {paymentUrl {web, app}, transactionId, paymentAccessToken}: the payment waits for the user.
  Confirm / Capture / Pay Preapproved answers info {transactionId, orderId, payInfo[] {method, amount}, ...}.
  Refund answers info {refundTransactionId, refundTransactionDate}.

Not read: a bare ``{"returnCode": "0000"}`` with no info (Void, Check RegKey, Expire RegKey and Check Payment
Status "before authorization" all answer so: nothing in it says which); the answers carry no currency except
Payment Details, and payInfo splits an amount by method (BALANCE, DISCOUNT, POINT, CREDIT_CARD), so only Payment
Details gives a currency and no answer an amount read here.

Reasons: the card's 128x/129x answers and the member's own refusals (1101, 1102, 1110, 1141, 1142, 1154, 1169)
are DECLINED; the merchant's and the request's errors ERROR. 1180 (the payment expired before confirmation)
is CANCELLED.

Lifecycle identity: LINE Pay's transactionId is the attempt; the merchant's orderId the payment; a refund's
refundTransactionId the refund.
"""

from __future__ import annotations

_DECLINED = "DECLINED"
_ERROR = "ERROR"

# returnCode -> (status, reason).
RETURN_CODES = {
    "1101": (_DECLINED, "TRANSACTION_NOT_PERMITTED"),  # not a LINE Pay member
    "1102": (_DECLINED, "RESTRICTED_CARD"),  # the member is unable to proceed the transaction
    "1104": (_ERROR, "CONFIGURATION_ERROR"),  # non-existing merchant
    "1105": (_ERROR, "CONFIGURATION_ERROR"),  # the merchant cannot use LINE Pay
    "1106": (_ERROR, "CONFIGURATION_ERROR"),  # header (channel id / signature) info error
    "1110": (_DECLINED, "TRANSACTION_NOT_PERMITTED"),  # unacceptable credit card
    "1124": (_ERROR, "INVALID_REQUEST"),  # amount info error (scale)
    "1141": (_DECLINED, "RESTRICTED_CARD"),  # payment account status error
    "1142": (_DECLINED, "INSUFFICIENT_FUNDS"),  # low balance
    "1145": (_ERROR, "DUPLICATE"),  # payment in process
    "1150": (_ERROR, "INVALID_REQUEST"),  # transaction history not found
    "1152": (_ERROR, "DUPLICATE"),  # same transactionId
    "1153": (_ERROR, "INVALID_REQUEST"),  # amount differs from the requested
    "1154": (_DECLINED, "TRANSACTION_NOT_PERMITTED"),  # automatic-payment method unusable
    "1155": (_ERROR, "INVALID_REQUEST"),  # not refundable / wrong transaction number
    "1159": (_ERROR, "INVALID_REQUEST"),  # payment request information not found
    "1163": (_ERROR, "INVALID_REQUEST"),  # refundable date over
    "1164": (_ERROR, "INVALID_REQUEST"),  # exceeded refundable amount
    "1165": (_ERROR, "DUPLICATE"),  # already refunded / voided
    "1169": (_DECLINED, "AUTHENTICATION_REQUIRED"),  # payment method and password authentication required
    "1170": (_ERROR, "PROCESSING_ERROR"),  # the member's balance changed meanwhile
    "1172": (_ERROR, "DUPLICATE"),  # same order number
    "1177": (_ERROR, "INVALID_REQUEST"),  # more than 100 transactions asked
    "1178": (_ERROR, "INVALID_REQUEST"),  # unsupported currency
    "1179": (_ERROR, "INVALID_REQUEST"),  # unable to proceed the transaction (its status)
    "1183": (_ERROR, "INVALID_REQUEST"),  # amount must be above 0
    "1184": (_ERROR, "INVALID_REQUEST"),  # amount exceeds the requested
    "1194": (_ERROR, "CONFIGURATION_ERROR"),  # merchant cannot use preapproved payment
    "1198": (_ERROR, "DUPLICATE"),  # duplicated API call
    "1199": (_ERROR, "PROCESSING_ERROR"),  # internal request error
    "1280": (_ERROR, "PROCESSING_ERROR"),  # temporary error in the credit card payment
    "1281": (_DECLINED, "GENERIC_DECLINE"),  # credit card payment error
    "1282": (_DECLINED, "GENERIC_DECLINE"),  # credit card authorization error
    "1283": (_DECLINED, "SUSPECTED_FRAUD"),
    "1284": (_DECLINED, "ISSUER_UNAVAILABLE"),  # card payment temporarily stopped
    "1285": (_DECLINED, "INVALID_CARD_DATA"),  # missing card information
    "1286": (_DECLINED, "INVALID_CARD_DATA"),  # wrong card information
    "1287": (_DECLINED, "EXPIRED_CARD"),
    "1288": (_DECLINED, "INSUFFICIENT_FUNDS"),
    "1289": (_DECLINED, "LIMIT_EXCEEDED"),  # credit limit exceeded
    "1290": (_DECLINED, "LIMIT_EXCEEDED"),  # per-payment limit exceeded
    "1291": (_DECLINED, "LOST_OR_STOLEN_CARD"),
    "1292": (_DECLINED, "RESTRICTED_CARD"),  # card suspended
    "1293": (_DECLINED, "INCORRECT_CVC"),
    "1294": (_DECLINED, "RISK_REJECTED"),  # card on the blacklist
    "1295": (_DECLINED, "INVALID_CARD_DATA"),  # wrong card number
    "1296": (_DECLINED, "TRANSACTION_NOT_PERMITTED"),  # unable to proceed the amount
    "1298": (_DECLINED, "GENERIC_DECLINE"),  # the card has been declined
    "1900": (_ERROR, "PROCESSING_ERROR"),  # temporary error
    "1902": (_ERROR, "PROCESSING_ERROR"),
    "1999": (_ERROR, "INVALID_REQUEST"),  # request differs from the previous one
    "2101": (_ERROR, "INVALID_REQUEST"),  # parameter error
    "2102": (_ERROR, "INVALID_REQUEST"),  # JSON data format error
    "9000": (_ERROR, "PROCESSING_ERROR"),  # internal error
}
# Check Payment Status.
CHECK_STATUSES = {
    "0110": "PENDING",  # authorized by the user: the merchant's Confirm completes it
    "0121": "CANCELLED",  # cancelled by the user or timed out
    "0122": "DECLINED",  # payment failed (no reason given)
    "0123": "APPROVED",  # payment completed
}
# Payment Details payStatus.
PAY_STATUSES = {
    "AUTHORIZATION": "APPROVED",
    "CAPTURE": "APPROVED",
    "VOIDED_AUTHORIZATION": "CANCELLED",
    "EXPIRED_AUTHORIZATION": "CANCELLED",
}
REFUND_TYPES = ["PAYMENT_REFUND", "PARTIAL_REFUND"]

# 1180: the payment expired before confirmation.
ANSWER_STATUSES = {**{code: status for code, (status, _) in RETURN_CODES.items()}, **CHECK_STATUSES,
                   "1180": "CANCELLED"}
REASONS = {code: reason for code, (_, reason) in RETURN_CODES.items()}
REASONS["0122"] = "GENERIC_DECLINE"

PAYMENT_METHODS = {"CREDIT_CARD": "CARD", "BALANCE": "WALLET", "POINT": "WALLET", "DISCOUNT": "WALLET"}

_SUCCESS = {"returnCode": "0000"}
_CODES = ["0000", *ANSWER_STATUSES]

SPEC = {
    "provider": "linepay",
    "aliases": ["linepay", "line pay", "line_pay", "line-pay", "pay.line.me", "linepay tw", "rabbit line pay",
                "line pay taiwan", "line pay thailand"],
    "detect": [
        {"path": "returnCode", "in": _CODES, "weight": 0.5},
        {"path": "returnMessage", "exists": True, "weight": 0.1},
        {"path": "info.paymentUrl.web", "exists": True, "weight": 0.3},
        {"path": "info.paymentAccessToken", "exists": True, "weight": 0.2},
        {"path": "info.refundTransactionId", "exists": True, "weight": 0.3},
        {"path": "info.payInfo.0.method", "in": list(PAYMENT_METHODS), "weight": 0.3},
        {"path": "info.0.payStatus", "in": list(PAY_STATUSES), "weight": 0.3},
    ],
    "amount_unit": "major",
    "default_payment_method": "WALLET",
    "payment_method_map": PAYMENT_METHODS,
    "reason_map": REASONS,
    "fields": {
        "status": ["returnCode"],
        "reason_code": ["returnCode"],
        "provider_transaction_id": ["info.transactionId"],
        "attempt_id": ["info.transactionId"],
        "payment_id": ["info.orderId"],
    },
    "status_map": ANSWER_STATUSES,
    "variants": [
        {
            # Payment Details: the transactions asked for; the first is read.
            "name": "payment_details.refund",
            "match": {**_SUCCESS, "info.0.transactionType": {"in": REFUND_TYPES}},
            "root": "info.0",
            "status": "REFUNDED",
            "fields": {"provider_transaction_id": ["transactionId"], "refund_id": ["transactionId"],
                       "attempt_id": ["originalTransactionId"], "payment_id": ["orderId"], "currency": ["currency"],
                       "event_time": ["transactionDate"], "payment_method": ["payInfo.0.method"]},
        },
        {
            "name": "payment_details",
            "match": {**_SUCCESS, "info.0.payStatus": {"in": list(PAY_STATUSES)}},
            "root": "info.0",
            "status_map": PAY_STATUSES,
            "fields": {"provider_transaction_id": ["transactionId"], "status": ["payStatus"],
                       "attempt_id": ["transactionId"], "payment_id": ["orderId"], "currency": ["currency"],
                       "event_time": ["transactionDate"], "payment_method": ["payInfo.0.method"]},
            "rules": [
                {"when": {"payStatus": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"payStatus": ["VOIDED_AUTHORIZATION", "EXPIRED_AUTHORIZATION"]},
                 "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "refund",
            "match": {**_SUCCESS, "info.refundTransactionId": {"exists": True}},
            "status": "REFUNDED",
            "fields": {"provider_transaction_id": ["info.refundTransactionId"],
                       "refund_id": ["info.refundTransactionId"], "event_time": ["info.refundTransactionDate"]},
        },
        {
            # Request: the payment page waits for the user.
            "name": "request",
            "match": {**_SUCCESS, "info.paymentUrl": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
        },
        {
            # Confirm, Capture, Pay Preapproved: the payment was made (or authorized, with capture false).
            "name": "payment",
            "match": {**_SUCCESS, "info.transactionId": {"exists": True}},
            "status": "APPROVED",
            "fields": {"event_time": ["info.transactionDate"], "payment_method": ["info.payInfo.0.method"]},
        },
        {
            "name": "answer",
            "match": {"returnCode": {"in": list(ANSWER_STATUSES)}},
        },
    ],
}
