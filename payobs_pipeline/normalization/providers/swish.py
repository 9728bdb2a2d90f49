"""Swish (Sweden): the Swish Commerce API's payment request and refund objects (the callback posts the object
itself; GET returns the same), and its error objects {errorCode, errorMessage, additionalInformation}.

Sources:
- Guide Swish API, Integration Guide version 1.6 (Swish, 2017-03-24; stored as usermanual.wiki "Guide Swish API
  170324"): the payment request (id, payeePaymentReference the merchant's order, paymentReference the bank's
  payment reference, callbackUrl, payerAlias, payeeAlias, amount in SEK as a decimal, currency SEK, message, status,
  dateCreated, datePaid, errorCode, errorMessage), the refund (id, payerPaymentReference, originalPaymentReference,
  paymentReference, payerAlias, payeeAlias, amount, currency, status, dateCreated, datePaid, errorCode,
  errorMessage, additionalInformation) and the statuses: payment request CREATED, PAID, DECLINED (the payer
  declined), ERROR (see errorCode), CANCELLED (cancelled by the merchant); refund CREATED, DEBITED (taken from the
  merchant's account, not yet paid to the payer), PAID, ERROR. The refund's DEBITED rests on recollection of the
  guide: the stored page's text did not show the refund status table.
- The guide's error code table, as transcribed in a Swish client's SwishErrorCode.java (package
  egghead.swish.swishcreatepayment.swish.model): ACMT01, ACMT03, ACMT07, AM02, AM03, AM06, BANKIDCL, BANKIDONGOING,
  BANKIDUNKN, BE18, DS24, FF08, FF10, PA02, RF02, RF03, RF04, RF06, RF07, RF08, RP01, RP02, RP03, RP06, TM01; and the
  texts of the WooCommerce Swish gateways (woocommerce-gateway-swish-ecommerce, woo-swish-e-commerce): RF07
  "Transaction declined" (e.g. the payer's Swish limit), DS24 "Swish has no knowledge of whether the payment was
  successful or not", TM01 "timed out before the payment was started".

Read as: PAID -> APPROVED (a refund: REFUNDED); CREATED and a refund's DEBITED -> PENDING; DECLINED (by the payer),
CANCELLED, and an ERROR with BANKIDCL (the payer cancelled BankID) or TM01 (the payer never started) -> CANCELLED;
an ERROR with DS24 -> UNKNOWN (money may have moved); FF10 and BANKIDONGOING -> ERROR; any other ERROR -> DECLINED
with the code's reason. Not mapped: newer codes of the current guide (RF09-RF12, VR01/VR02, AM14, RP04, RP09, ...)
were not in a stored source; the create call's 422 answer is a JSON list of error objects (one object is mapped,
a list is no document).
"""

from __future__ import annotations

STATUSES = {
    "CREATED": "PENDING",
    "PAID": "APPROVED",
    "DECLINED": "CANCELLED",  # the payer declined in the app
    "CANCELLED": "CANCELLED",  # the merchant cancelled the payment request
    "ERROR": "DECLINED",  # errorCode says why (see the rules)
}
REFUND_STATUSES = {
    "CREATED": "PENDING",
    "DEBITED": "PENDING",
    "PAID": "REFUNDED",
    "ERROR": "DECLINED",
}

ERROR_CODES = {
    "ACMT01": "TRANSACTION_NOT_PERMITTED",  # counterpart is not activated
    "ACMT03": "TRANSACTION_NOT_PERMITTED",  # payer not enrolled
    "ACMT07": "CONFIGURATION_ERROR",  # payee not enrolled
    "AM02": "INVALID_REQUEST",  # amount value is too large
    "AM03": "INVALID_REQUEST",  # invalid or missing currency
    "AM06": "INVALID_REQUEST",  # amount less than agreed minimum
    "BANKIDCL": "UNKNOWN",  # payer cancelled BankID signing (CANCELLED)
    "BANKIDONGOING": "PROCESSING_ERROR",  # BankID already in use
    "BANKIDUNKN": "AUTHENTICATION_FAILED",  # BankID not able to authorize the payment
    "BE18": "INVALID_REQUEST",  # payer alias is invalid
    "DS24": "TIMEOUT",  # no answer from the banks after the payment was started (UNKNOWN)
    "FF08": "INVALID_REQUEST",  # paymentReference is invalid
    "FF10": "PROCESSING_ERROR",  # bank system processing error
    "PA02": "INVALID_REQUEST",  # amount missing or not a valid number
    "RF02": "INVALID_REQUEST",  # original payment not found or older than 13 months
    "RF03": "INVALID_REQUEST",  # refund payer alias does not match the original payee alias
    "RF04": "INVALID_REQUEST",  # organization number does not match the original payment's
    "RF06": "INVALID_REQUEST",  # SSN does not match the original payment's
    "RF07": "GENERIC_DECLINE",  # transaction declined (e.g. the payer's Swish limit)
    "RF08": "INVALID_REQUEST",  # amount exceeds the original payment minus previous refunds
    "RP01": "CONFIGURATION_ERROR",  # missing merchant Swish number
    "RP02": "INVALID_REQUEST",  # wrong formatted message
    "RP03": "INVALID_REQUEST",  # callback URL missing or not HTTPS
    "RP06": "DUPLICATE",  # a payment request already exists for that payer
    "TM01": "UNKNOWN",  # timed out before the payment was started (CANCELLED)
}

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["errorCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["datePaid", "dateCreated"],
    "merchant_id": ["payeeAlias"],
    "attempt_id": ["id"],
    "payment_id": ["payeePaymentReference"],
}

_RULES = [
    {"when": {"status": "ERROR", "errorCode": {"in": ["BANKIDCL", "TM01"]}}, "set": {"status_category": "CANCELLED"}},
    {"when": {"status": "ERROR", "errorCode": "DS24"}, "set": {"status_category": "UNKNOWN"}},
    {"when": {"status": "ERROR", "errorCode": {"in": ["FF10", "BANKIDONGOING"]}}, "set": {"status_category": "ERROR"}},
]

SPEC = {
    "provider": "swish",
    "aliases": ["swish", "swish commerce", "swish handel", "getswish", "getswish.se", "swish e-commerce"],
    "detect": [
        {"path": "payeePaymentReference", "exists": True, "weight": 0.3},
        {"path": "payeeAlias", "exists": True, "weight": 0.2},
        {"path": "payerAlias", "exists": True, "weight": 0.1},
        {"path": "originalPaymentReference", "exists": True, "weight": 0.3},
        {"path": "payerPaymentReference", "exists": True, "weight": 0.2},
        {"path": "errorCode", "in": list(ERROR_CODES), "weight": 0.45},
        {"path": "errorMessage", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": ERROR_CODES,
    "default_payment_method": "BANK_TRANSFER",
    "fields": _FIELDS,
    "variants": [
        {
            "name": "refund",
            "match": {"originalPaymentReference": {"exists": True}, "status": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_FIELDS, "attempt_id": [], "payment_id": [], "refund_id": ["id"],
                       "merchant_id": ["payerAlias"]},
        },
        {
            "name": "payment_request",
            "match": {"payeeAlias": {"exists": True}, "status": {"exists": True}},
            "rules": _RULES,
        },
        {
            "name": "error",
            "match": {"errorCode": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "rules": [{"when": {"errorCode": "RF07"}, "set": {"status_category": "DECLINED"}}],
        },
    ],
}
