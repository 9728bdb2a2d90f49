"""NICEPAY (Korea, NICE Payments) start API (``api.nicepay.co.kr/v1/payments``): the approval answer, the transaction
status answer and the webhook (the same payment object), the cancel answer, the returnUrl authentication result of
the server-approval model, and failed answers (resultCode / resultMsg).

Sources (NICEPAY's own developer manual, nicepayments/nicepay-manual):
- api/payment-window-server.md: the returnUrl POST {authResultCode ("0000: 인증성공 / 그외 인증 실패"; approval only
  when 0000), authResultMsg, tid (only on success), clientId, orderId, amount, mallReserved, authToken, signature}; the
  approval answer {resultCode ("0000: 성공 / 그외 실패"), resultMsg, tid, cancelledTid, orderId, ediDate, signature,
  status, paidAt, failedAt, cancelledAt, payMethod, amount, balanceAmt, goodsName, useEscrow, currency (KRW, USD,
  CNY), channel, approveNo, card {...}, vbank {...}, cancels [{tid, amount, cancelledAt, reason}], ...}.
- api/status-transaction.md (거래 조회): the same object; status paid (결제완료), ready (준비됨), failed (결제실패),
  cancelled (취소됨), partialCancelled (부분 취소됨), expired (만료됨); cancelledTid "the cancel TID NICEPAY issues
  (another value than tid on a partial cancel); use it to find the current cancel in cancels".
- api/hook.md (웹훅): the webhook posts the same payment object.
- common/code.md "API 응답코드": every resultCode (card 30xx, account transfer 40xx, virtual account 41xx, cash
  receipts 70xx, mobile phone Axxx, billing F1xx/F2xx, escrow C/D/Exxx, cancels 20xx, and the platform's A1xx-A4xx,
  9xxx, Sxxx, Txxx, Xxxx, Vxxx, Pxxx, Uxxx, Ixxx, Mxxx, Nxxx, Wxxx codes).

Statuses: paid APPROVED; ready PENDING (a virtual account issued, awaiting the deposit); failed DECLINED (its
resultCode names the reason); expired CANCELLED (not paid in time); cancelled / partialCancelled a REFUND for the
current cancel (cancels' entry, named by cancelledTid). The returnUrl authentication result: 0000 PENDING (the
approval is still to be requested), otherwise failed. An answer with a resultCode but no payment status is a failed
call (ERROR) unless its code is a success.

Reasons: the code table's meanings, grouped: card and account failures (3011 card number error, 3021 expiry error,
3095 the card issuer's failure answer, 4008 bank system stopped, 2159 bank failure, A001 mobile payment failed ...),
merchant set-up (3012-3014, 2151-2154, A109, U304/U305 ...), request errors (format, missing fields, amounts),
duplicates (2156, 2201, A127, P015, U112, U114 ...), timeouts (A245 authentication time exceeded, A299 / U303 API
delay), and the platform's own failures (DB, socket, encryption). I002 ("the user cancelled the payment") and P091
("the payment request was cancelled") are the customer giving up: CANCELLED. Codes the table lists twice with
different meanings (2011, 2012, 2032: an order lookup or a cancel; C002: "card issuer authentication failed" in the JS
SDK list and "not an escrow merchant" in the escrow list) map where both meanings agree, and C002 is left out.

Amounts are whole units of the answer's currency (KRW by default). Lifecycle identity: tid (NICEPAY's transaction
key) is the attempt; the merchant's orderId the payment; a cancel's cancelledTid (or its cancels entry's tid) the
refund.

Not mapped: NICEPAY Indonesia (a different company's API at nicepay.co.id; it would need a module of its own), the
legacy web.nicepay.co.kr (v3Payment.jsp) form-post API.
"""

from __future__ import annotations

SUCCESS_CODES = ["0000", "3001", "4000", "4100", "4110", "4120", "A000", "F200", "2001", "2211", "W000"]

STATUSES = {
    "paid": "APPROVED",
    "ready": "PENDING",  # a virtual account issued, awaiting the deposit
    "failed": "DECLINED",
    "expired": "CANCELLED",  # not paid before the virtual account expired
    "cancelled": "REFUNDED",
    "partialCancelled": "REFUNDED",
}
CANCEL_STATUSES = ["cancelled", "partialCancelled"]

# The customer gave up: CANCELLED.
CUSTOMER_CANCELLED_CODES = ["I002", "P091"]


def _codes(reason: str, *codes: str) -> dict[str, str]:
    return {code: reason for code in codes}


REASONS = {
    # Card (30xx).
    "3011": "INVALID_CARD_DATA",  # card number error
    **_codes("CONFIGURATION_ERROR", "3012", "3013", "3014", "3051", "3061"),  # card merchant set-up
    "3021": "INVALID_CARD_DATA",  # expiry date error
    **_codes("INVALID_REQUEST", "3022", "3023", "3024", "3041", "3052", "3062", "3071", "3072", "3081"),
    **_codes("TRANSACTION_NOT_PERMITTED", "3031", "3032", "3033", "3034", "3055", "3056", "3057", "3091"),
    "3053": "INVALID_CARD_DATA",  # foreign card that cannot be identified
    "3054": "PROCESSING_ERROR",  # exchange-rate conversion error
    "3073": "DUPLICATE",  # already captured
    "3095": "GENERIC_DECLINE",  # the card issuer's failure answer
    # Account transfer (40xx).
    "4001": "PROCESSING_ERROR",  # KFTC error answer
    "4002": "TRANSACTION_NOT_PERMITTED",  # bank not served for this merchant
    **_codes("INVALID_REQUEST", "4003", "4004", "4005", "4006", "4007"),
    "4008": "ISSUER_UNAVAILABLE",  # bank system service stopped
    # Virtual account (41xx).
    "4101": "LIMIT_EXCEEDED",  # above the maximum amount
    **_codes("INVALID_REQUEST", "4102", "4103", "4104", "4107", "4112", "4113", "4114", "4115", "4119", "4122",
             "4123", "4141"),
    **_codes("CONFIGURATION_ERROR", "4105", "4106", "4108", "4111", "4125", "4126", "4127", "4142", "4143", "4145"),
    **_codes("PROCESSING_ERROR", "4109", "4116", "4117", "4121"),
    "4118": "TRANSACTION_NOT_PERMITTED",  # account number suspended
    "4124": "DUPLICATE",  # deposit already processed
    # Cash receipts (70xx).
    **_codes("INVALID_REQUEST", "7002", "7004", "7005", "7006", "7007", "7009", "7011", "7012", "7013", "7014",
             "7015", "7041", "7042"),
    "7003": "DUPLICATE",
    "7008": "CONFIGURATION_ERROR",
    "7010": "PROCESSING_ERROR",  # VAN answer failed
    # Mobile phone payment (A0xx, A5xx).
    "A001": "GENERIC_DECLINE",  # mobile payment failed
    **_codes("INVALID_REQUEST", "A002", "A003", "A004", "A005", "A006", "A041"),
    **_codes("CONFIGURATION_ERROR", "A564", "A565", "A566", "A567", "A568"),
    # Common.
    "1534": "TRANSACTION_NOT_PERMITTED",  # partial cancel not possible
    "1615": "INVALID_REQUEST",
    "2000": "PROCESSING_ERROR",  # DB error
    **_codes("INVALID_REQUEST", "2011", "2012", "2032", "2157"),  # lookups and cancels: both meanings invalid
    **_codes("CONFIGURATION_ERROR", "2151", "2152", "2154"),  # merchant suspended, not registered
    **_codes("DUPLICATE", "2156", "2158", "2201"),  # duplicate request, already approved
    "2159": "ISSUER_UNAVAILABLE",  # the bank is failing
    # Billing (F1xx).
    **_codes("AUTHENTICATION_FAILED", "F102", "F103", "F104", "F105", "F113", "F114"),
    **_codes("PROCESSING_ERROR", "F106", "F107", "F108", "F109", "F110", "F111"),
    "F112": "INVALID_CARD_DATA",  # invalid card number (no card_bin)
    **_codes("CONFIGURATION_ERROR", "F115", "F116", "F117"),
    "F118": "TRANSACTION_NOT_PERMITTED",  # this card cannot be used
    "F201": "DUPLICATE",  # card already registered
    # Escrow (C/D/E).
    **_codes("CONFIGURATION_ERROR", "D002", "E002"),
    **_codes("INVALID_REQUEST", "C003", "C004", "C005", "C006", "C007", "D003", "D004", "D005", "D006", "D007",
             "D008", "D009", "D011", "E003", "E004", "E005", "E006", "E007", "E008", "E009", "E011"),
    **_codes("DUPLICATE", "D010", "E010"),
    # Cancels (20xx).
    "2003": "PROCESSING_ERROR",  # cancel failed
    **_codes("INVALID_REQUEST", "2010", "2013", "2026", "2031", "2033"),
    **_codes("TRANSACTION_NOT_PERMITTED", "2014", "2016", "2017", "2018", "2019", "2020", "2027", "2028", "2029",
             "2030", "2052"),
    "2015": "DUPLICATE",  # cancel already requested
    "2023": "LIMIT_EXCEEDED",  # cancel limit exceeded
    **_codes("CONFIGURATION_ERROR", "2024", "2025"),  # cancel password
    # Platform (A1xx-A4xx).
    **_codes("CONFIGURATION_ERROR", "A101", "A109", "A114", "A128", "A145", "A148", "A149", "A150", "A211", "A219",
             "A220", "A224", "A248", "A300", "A301", "A302", "A303", "A305", "A307"),
    **_codes("INVALID_REQUEST", "A102", "A106", "A107", "A108", "A112", "A113", "A115", "A116", "A117", "A118",
             "A119", "A120", "A121", "A122", "A123", "A124", "A125", "A126", "A147", "A210", "A212", "A214", "A215",
             "A216", "A217", "A218", "A221", "A222", "A223", "A227", "A242", "A243", "A247", "A249", "A251", "A255"),
    **_codes("PROCESSING_ERROR", "A110", "A111", "A144", "A201", "A202", "A203", "A204", "A205", "A213", "A226",
             "A244", "A246", "A252", "A253", "A254", "A256", "A257", "A258", "A304", "A306", "A400", "A401", "A402",
             "A403"),
    **_codes("DUPLICATE", "A127", "A225"),
    "A146": "TRANSACTION_NOT_PERMITTED",  # method not allowed for foreign currency
    "A241": "TRANSACTION_NOT_PERMITTED",  # card cannot use VISA3D
    "A245": "TIMEOUT",  # authentication time exceeded
    "A250": "RISK_REJECTED",  # phone number tampered (requested and authenticated numbers differ)
    "A299": "TIMEOUT",  # API delayed
    # Request and system (9xxx, Sxxx, Txxx, Xxxx).
    **_codes("INVALID_REQUEST", "9000", "9001"),
    **_codes("PROCESSING_ERROR", "9002", "S999", "S001", "S002", "T001", "T002", "T003", "T004", "T005", "X002",
             "X003", "X004"),
    "X001": "CONFIGURATION_ERROR",  # server domain set wrong
    # Request parameters not set (Vxxx).
    "V005": "TRANSACTION_NOT_PERMITTED",  # payment method not supported
    **_codes("INVALID_REQUEST", "V101", "V102", "V103", "V104", "V201", "V203", "V204", "V205", "V301", "V302",
             "V303", "V304", "V401", "V402", "V501", "V502", "V503", "V504", "V505", "V506", "V507", "V508", "V509",
             "V510", "V511", "V512", "V513", "V601", "V602", "V701", "VA01", "VA02", "VA03", "VA04", "VA05", "VA09",
             "VA10", "VB02", "VB05", "VB09", "VB10", "V801", "V802", "V803", "V004"),
    **_codes("CONFIGURATION_ERROR", "V202", "V001"),
    "V003": "PROCESSING_ERROR",  # abnormal excessive access
    # Start API (Pxxx).
    **_codes("INVALID_REQUEST", "P001", "P007", "P008", "P009", "P010", "P011", "P012", "P013", "P017", "P018",
             "P019", "P020", "P022", "P023", "P024", "P025", "P028", "P029", "P030", "P031", "P032", "P033", "P034",
             "P036", "P037", "P038", "P039", "P040", "P041", "P042", "P043"),
    **_codes("PROCESSING_ERROR", "P002", "P003", "P004", "P026", "P027", "P035", "P044", "P101", "P102", "P103"),
    **_codes("CONFIGURATION_ERROR", "P005", "P006", "P014", "P016"),
    "P015": "DUPLICATE",  # orderId already exists
    "P021": "TRANSACTION_NOT_PERMITTED",  # card not supported
    "P091": "UNKNOWN",  # the payment request was cancelled (CANCELLED)
    # Start API (Uxxx).
    **_codes("INVALID_REQUEST", "U100", "U101", "U103", "U105", "U106", "U107", "U111", "U113", "U116", "U117",
             "U118", "U120", "U121", "U122", "U123", "U124", "U125", "U126", "U127", "U128", "U129", "U130", "U131",
             "U132", "U301", "U302", "U308", "U309", "U318", "U319", "U320", "U321", "U324", "U325", "U332", "U502"),
    **_codes("CONFIGURATION_ERROR", "U102", "U104", "U108", "U109", "U304", "U305", "U306", "U307", "U310", "U312",
             "U313", "U315", "U316", "U333", "U334", "U335", "U336", "U337", "U338"),
    **_codes("TRANSACTION_NOT_PERMITTED", "U110", "U119"),
    **_codes("DUPLICATE", "U112", "U114"),
    "U115": "INVALID_REQUEST",  # deleted BID
    **_codes("PROCESSING_ERROR", "U314", "U317", "U322", "U323", "U501", "U503", "U504", "U506", "U507", "U508",
             "U509", "U700"),
    "U303": "TIMEOUT",  # API delayed
    "U311": "AUTHENTICATION_FAILED",  # authentication cancelled or failed
    # Payment window (JS SDK: C, I, M, N, S, W).
    "C001": "AUTHENTICATION_FAILED",  # ISP authentication cancelled or failed
    "I001": "PROCESSING_ERROR",  # communication with the server failed
    "I002": "UNKNOWN",  # the user cancelled the payment (CANCELLED)
    **_codes("INVALID_REQUEST", "I003", "I004", "I007", "W001", "W002"),
    **_codes("PROCESSING_ERROR", "I006", "N002", "N003"),
    **_codes("CONFIGURATION_ERROR", "M001", "M002", "S004", "S005"),
    "N001": "LIMIT_EXCEEDED",  # payments of 300,000 won or more not supported
}

PAY_METHODS = {
    "card": "CARD", "bank": "BANK_TRANSFER", "vbank": "BANK_TRANSFER", "cellphone": "OTHER",
    "naverpay": "WALLET", "kakaopay": "WALLET", "samsungpay": "WALLET", "payco": "WALLET", "ssgpay": "WALLET",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["tid"],
    "status": ["status"],
    "reason_code": ["resultCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paidAt", "failedAt", "ediDate"],
    "payment_method": ["payMethod"],
    "attempt_id": ["tid"],
    "payment_id": ["orderId"],
}

_CANCELLED_RULES = [{"when": {"resultCode": {"in": CUSTOMER_CANCELLED_CODES}},
                     "set": {"status_category": "CANCELLED"}}]

SPEC = {
    "provider": "nicepay",
    "aliases": ["nicepay", "nice pay", "nicepayments", "nice payments", "나이스페이", "nicepay.co.kr", "nicepay start"],
    "detect": [
        {"path": "authResultCode", "exists": True, "weight": 0.4},
        {"path": "authResultMsg", "exists": True, "weight": 0.2},
        {"path": "balanceAmt", "exists": True, "weight": 0.3},
        {"path": "cancelledTid", "exists": True, "weight": 0.3},
        {"path": "ediDate", "exists": True, "weight": 0.2},
        {"path": "useEscrow", "exists": True, "weight": 0.1},
        {"path": "goodsName", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "paidAt", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "KRW",
    "reason_map": REASONS,
    "payment_method_map": PAY_METHODS,
    "variants": [
        {
            # The returnUrl POST of the server-approval model.
            "name": "authentication",
            "match": {"authResultCode": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": {"0000": "PENDING"},
            "fields": {"status": ["authResultCode"], "reason_code": ["authResultCode"],
                       "provider_transaction_id": ["tid"], "attempt_id": ["tid"], "amount": ["amount"],
                       "payment_id": ["orderId"], "merchant_id": ["clientId"]},
            "rules": [{"when": {"authResultCode": {"not_in": ["0000"]}}, "set": {"status_category": "DECLINED"}},
                      {"when": {"authResultCode": {"in": CUSTOMER_CANCELLED_CODES}},
                       "set": {"status_category": "CANCELLED"}}],
        },
        {
            # A cancel: the refund the cancelledTid names (the cancels entry with that tid is the current one).
            "name": "cancel",
            "match": {"tid": {"exists": True}, "status": {"in": CANCEL_STATUSES}},
            "event_kind": "REFUND",
            "status_map": STATUSES,
            "fields": {**_PAYMENT_FIELDS, "amount": ["cancels.-1.amount", "amount"],
                       "event_time": ["cancelledAt", "cancels.-1.cancelledAt", "ediDate"],
                       "refund_id": ["cancelledTid", "cancels.-1.tid"]},
            "rules": [{"when": {"resultCode": {"not_in": SUCCESS_CODES}},
                       "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "payment",
            "match": {"tid": {"exists": True}, "status": {"exists": True}},
            "status_map": STATUSES,
            "fields": _PAYMENT_FIELDS,
            "rules": _CANCELLED_RULES,
        },
        {
            # A failed call: a resultCode and no payment status.
            "name": "error",
            "match": {"resultCode": {"not_in": SUCCESS_CODES}, "resultMsg": {"exists": True},
                      "status": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["resultCode"], "provider_transaction_id": ["tid"], "payment_id": ["orderId"]},
            "rules": _CANCELLED_RULES,
        },
    ],
}
