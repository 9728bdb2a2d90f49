"""Tap Payments (Kuwait, Saudi Arabia, UAE, Bahrain, Qatar, Oman, Egypt, Jordan): charge, authorize and refund
objects, as API responses and as the webhook Tap posts to the merchant's ``post.url`` (the same object).

Sources:
- https://developers.tap.company/reference/charge-response-codes (charge codes: 000 Captured, 001 Authorized,
  100 Initiated, 200 In Progress, 301 Abandoned, 302 Canceled, 303 Deferred, 304 Expired, 401 Failed, 402
  Failed, Invalid Parameter, 403 Failed, Duplicate, 404 Failed, Locked, 405 Failed, Invalid Card No, 406
  Failed, Invalid Expiry, 407 Failed, Expired Card, 408 Failed, Unspecified Failure, 501 Declined, 502
  Declined, Incorrect CSC/CVV, 503 Declined, 3D Security - Incorrect, 504 Declined, 3D Security - Card not
  Enrolled, 505 Declined, Insufficient Funds, 506 Declined, Transaction Type Not Supported, 507 Declined, Card
  Issuer, 508 ... - No Reply, 509 ... - Do not Contact, 510 ... - Referral Response, 511 ... - Error, 512
  Declined, Not Authenticated, 513 Declined, Card Acquirer - Error, 514 Declined, Card Issuer - Risk Check, 515
  Declined, Tap, 516 Declined, Authentication Failed, 601 Void, 701 Restricted, 702 Restricted, Retry Limit
  Exceeded, 703 Restricted, Bank, 704 Restricted, Tap, 801 Timed Out, 901 Unknown; refund codes: 000 Refunded,
  100 Pending, 200 In Progress, 301 Canceled, 401 Failed, 402 Failed, Invalid Parameter, 403 Failed,
  Duplicate, 501 Declined, 502 Declined, Insufficient Balance, 503 Declined, Refund not Supported, 504
  Declined, Partial Refund not Supported, 601 Restricted, 602 Restricted, Bank, 701 Timed Out, 801 Unknown;
  HTTP 400 / 401 / 402 / 403 / 404 / 409 / 429 / 5xx)
- https://developers.tap.company/docs/charges and https://developers.tap.company/reference/charges (the charge
  object: id chg_..., object "charge", live_mode, api_version, status INITIATED / IN_PROGRESS / ABANDONED /
  CANCELLED / FAILED / DECLINED / RESTRICTED / CAPTURED / VOID / TIMEDOUT / UNKNOWN, amount in major units,
  currency, threeDSecure, card_threeDSecure, reference {track, payment, gateway, acquirer, transaction,
  order}, response {code, message}, acquirer {response {code, message}} (the acquirer's ISO 8583 code),
  gateway {response}, card {first_six, scheme, brand, last_four}, source {id src_sa.mada / src_kw.knet /
  src_eg.fawry / src_bh.benefit / src_qa.qpay / src_tabby ..., payment_method, payment_type}, merchant,
  customer, transaction {created, ...}, post {url}, redirect {url}); authorize objects (auth_..., status
  AUTHORIZED ...) and refund objects (re_..., object "refund", charge_id, status PENDING / IN_PROGRESS /
  REFUNDED / CANCELLED / FAILED / DECLINED / RESTRICTED / TIMEDOUT / UNKNOWN)

Lifecycle identity: a charge (chg_) or an authorize (auth_) is the attempt; a refund (re_) names it in
charge_id; payment_id is the merchant's reference.order (else reference.transaction).
"""

from __future__ import annotations

_CUSTOMER = "CUSTOMER"
_PSP_RISK = "PSP_RISK"

STATUSES = {
    "INITIATED": "PENDING",
    "IN_PROGRESS": "PENDING",
    "DEFERRED": "PENDING",
    "ABANDONED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "FAILED": "ERROR",
    "DECLINED": "DECLINED",
    "RESTRICTED": "DECLINED",
    "CAPTURED": "APPROVED",
    "AUTHORIZED": "APPROVED",
    "VOID": "CANCELLED",
    "TIMEDOUT": "UNKNOWN",
    "UNKNOWN": "UNKNOWN",
}
REFUND_STATUSES = {
    "PENDING": "PENDING",
    "IN_PROGRESS": "PENDING",
    "REFUNDED": "REFUNDED",
    "CANCELLED": "CANCELLED",
    "FAILED": "DECLINED",  # docs/taxonomy.md: a failed refund is DECLINED
    "DECLINED": "DECLINED",
    "RESTRICTED": "DECLINED",
    "TIMEDOUT": "UNKNOWN",
    "UNKNOWN": "UNKNOWN",
}

CHARGE_REASONS = {
    "401": "PROCESSING_ERROR",  # Failed
    "402": "INVALID_REQUEST",  # Failed, Invalid Parameter
    "403": "DUPLICATE",  # Failed, Duplicate
    "404": "PROCESSING_ERROR",  # Failed, Locked
    "405": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Failed, Invalid Card No
    "406": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Failed, Invalid Expiry
    "407": "EXPIRED_CARD",  # Failed, Expired Card
    "408": "PROCESSING_ERROR",  # Failed, Unspecified Failure
    "501": "GENERIC_DECLINE",  # Declined
    "502": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},  # Declined, Incorrect CSC/CVV
    "503": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # Declined, 3D Security - Incorrect
    "504": "AUTHENTICATION_FAILED",  # Declined, 3D Security - Card not Enrolled
    "505": "INSUFFICIENT_FUNDS",  # Declined, Insufficient Funds
    "506": "TRANSACTION_NOT_PERMITTED",  # Declined, Transaction Type Not Supported
    "507": "GENERIC_DECLINE",  # Declined, Card Issuer
    "508": "ISSUER_UNAVAILABLE",  # Declined, Card Issuer - No Reply
    "509": "GENERIC_DECLINE",  # Declined, Card Issuer - Do not Contact
    "510": "GENERIC_DECLINE",  # Declined, Card Issuer - Referral Response
    "511": "ISSUER_UNAVAILABLE",  # Declined, Card Issuer - Error
    "512": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # Declined, Not Authenticated
    "513": "PROCESSING_ERROR",  # Declined, Card Acquirer - Error
    "514": "SUSPECTED_FRAUD",  # Declined, Card Issuer - Risk Check
    "515": {"reason": "RISK_REJECTED", "source": _PSP_RISK},  # Declined, Tap
    "516": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # Declined, Authentication Failed
    "701": "RISK_REJECTED",  # Restricted
    "702": "LIMIT_EXCEEDED",  # Restricted, Retry Limit Exceeded
    "703": "RESTRICTED_CARD",  # Restricted, Bank
    "704": {"reason": "RISK_REJECTED", "source": _PSP_RISK},  # Restricted, Tap
    "801": "TIMEOUT",  # Timed Out
}
REFUND_REASONS = {
    "401": "PROCESSING_ERROR",  # Failed
    "402": "INVALID_REQUEST",  # Failed, Invalid Parameter
    "403": "DUPLICATE",  # Failed, Duplicate
    "501": "GENERIC_DECLINE",  # Declined
    "502": {"reason": "INSUFFICIENT_FUNDS", "source": "MERCHANT_CONFIG"},  # Declined, Insufficient Balance
    "503": "TRANSACTION_NOT_PERMITTED",  # Declined, Refund not Supported
    "504": "TRANSACTION_NOT_PERMITTED",  # Declined, Partial Refund not Supported
    "601": "RISK_REJECTED",  # Restricted
    "602": "TRANSACTION_NOT_PERMITTED",  # Restricted, Bank
    "701": "TIMEOUT",  # Timed Out
}

PAYMENT_METHODS = {
    **{method: "CARD" for method in ("visa", "mastercard", "american_express", "amex", "mada", "knet", "benefit",
                                     "omannet", "naps", "qpay", "meeza", "unionpay", "jcb")},
    "apple_pay": "WALLET",
    "google_pay": "WALLET",
    "samsung_pay": "WALLET",
    "stc_pay": "WALLET",
    "benefitpay": "WALLET",
    "tabby": "BNPL",
    "tamara": "BNPL",
    "fawry": "CASH_VOUCHER",
}
CARD_BRANDS = {"MADA": "mada", "KNET": "knet", "BENEFIT": "benefit", "OMANNET": "omannet", "NAPS": "naps",
               "APPLE_PAY": None, "GOOGLE_PAY": None, "STC_PAY": None, "TABBY": None, "FAWRY": None}

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["response.code", "acquirer.response.code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["source.payment_method", "card.brand"],
    "card_brand": ["card.brand", "card.scheme", "source.payment_method"],
    "merchant_id": ["merchant.id"],
    "attempt_id": ["id"],
    "payment_id": ["reference.order", "reference.transaction"],
}

SPEC = {
    "provider": "tap",
    "aliases": ["tap", "tap_payments", "tap payments", "tappayments", "tap_company", "tap.company", "gosell",
                "tap_gosell"],
    "detect": [
        {"path": "id", "prefix": ["chg_TS", "chg_LV", "auth_TS", "auth_LV"], "weight": 0.5},
        {"path": "charge_id", "prefix": ["chg_TS", "chg_LV"], "weight": 0.4},
        # A Tap refund (re_TS... / re_LV...) is shaped like a Stripe refund (object "refund", id re_): its
        # charge_id, live_mode, api_version and post url make it Tap's.
        {"path": "id", "prefix": ["re_TS", "re_LV"], "weight": 0.3},
        {"path": "api_version", "exists": True, "weight": 0.1},
        {"path": "post.url", "exists": True, "weight": 0.1},
        {"path": "object", "in": ["charge", "authorize", "refund"], "weight": 0.05},
        {"path": "live_mode", "exists": True, "weight": 0.15},
        {"path": "threeDSecure", "exists": True, "weight": 0.15},
        {"path": "card_threeDSecure", "exists": True, "weight": 0.15},
        {"path": "reference.track", "exists": True, "weight": 0.2},
        {"path": "response.message", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": CHARGE_REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {"name": "refund", "match": {"object": "refund"}, "status_map": REFUND_STATUSES,
         "reason_map": REFUND_REASONS, "event_kind": "REFUND",
         "fields": {**_FIELDS, "attempt_id": ["charge_id"], "refund_id": ["id"]}},
        {"name": "charge", "match": {"status": {"exists": True}}, "fields": _FIELDS,
         "rules": [{"when": {"status": "VOID"}, "set": {"event_kind": "VOID"}},
                   # Tap's FAILED codes about the card data are the payer's, not a technical failure.
                   {"when": {"status": "FAILED", "response.code": ["405", "406", "407"]},
                    "set": {"status_category": "DECLINED"}}]},
    ],
}
