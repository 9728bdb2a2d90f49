"""Datatrans (Switzerland; a Planet company): the JSON API v1 transaction status (``GET /v1/transactions/{id}``),
the webhook Datatrans posts at the end of a payment (the same body), the authorize / validate answers, and the
API error body.

Sources:
- Datatrans API reference (api-reference.datatrans.ch, "Transaction status" and "Webhook"; docs.datatrans.ch "API
  Endpoints": init, authorize, validate, settle, cancel, credit (refund), status). The status body: transactionId,
  type (payment | credit | card_check), status, currency, refno (the merchant's reference), refno2, paymentMethod
  (the three-letter payment method code), detail {init, authorize {amount, acquirerAuthorizationCode}, settle
  {amount}, credit {amount}, fail {reason, message}}, customer, card {masked, expiryMonth, expiryYear, info {brand,
  type, usage, country (the issuing country), issuer}}, history[] {action, amount, source, date, success, ip};
  amounts "in the smallest available unit" (docs.pci-proxy.com charge.md, the same gateway).
- Transaction status codes (the TransactionStatusCode enum of the API reference): initialized, challenge_required,
  challenge_ongoing, authenticated, authorized, settled, canceled, transmitted, failed.
- Error body ``{"error": {"code", "message"}}`` (with the ``transactionId`` when one was created, as the
  authorize-with-alias "Response error" example shows: EXPIRED_CARD "expired card"), and the documented error codes:
  UNKNOWN_ERROR, UNAUTHORIZED, INVALID_JSON_PAYLOAD, UNRECOGNIZED_PROPERTY, INVALID_PROPERTY, CLIENT_ERROR,
  SERVER_ERROR, INVALID_TRANSACTION_STATUS, TRANSACTION_NOT_FOUND, EXPIRED_CARD, INVALID_CARD, BLOCKED_CARD,
  UNSUPPORTED_CARD, INVALID_ALIAS, INVALID_CVV, DUPLICATE_REFNO (DUPLICATED_REFNO in the older pages),
  DECLINED, SOFT_DECLINED, INVALID_SIGN, BLOCKED_BY_VELOCITY_CHECKER, THIRD_PARTY_ERROR, REFERRAL, INVALID_SETUP
  (datatrans/docs.pci-proxy.com and the API reference's error tables).
- Payment method codes (API reference ``paymentMethod``): cards VIS, ECA (Mastercard), AMX, DIN, DIS, JCB, CUP,
  MAU (Maestro), DNK (Dankort), BON, MYO, MFX, MPX, MDP; wallets APL (Apple Pay), PAY (Google Pay), PAP (PayPal),
  TWI (TWINT), PFC (PostFinance Card), ALP (Alipay), WEC (WeChat Pay), SAM (Samsung Pay), ESY, AZP, SCX, SWP;
  banks PEF (PostFinance E-Finance), EPS, DIB (Sofort), DII (iDEAL), SWB; direct debit ELV; invoice / BNPL INT
  (Byjuno), KLN (Klarna), REK (Reka card), CFY, ACC, JEL, PSC (paysafecard, cash), UAP.

Readings: authorized, settled and transmitted (settled and sent to the acquirer) are approvals; initialized,
challenge_required, challenge_ongoing and authenticated are a payment still under way (PENDING); canceled is
CANCELLED; failed is DECLINED, its reason read from ``detail.fail.reason`` through the error codes. A ``credit``
transaction is a refund: authorized, settled or transmitted is REFUNDED. An error body's code decides its status:
the card's and issuer's refusals (EXPIRED_CARD, INVALID_CARD, BLOCKED_CARD, UNSUPPORTED_CARD, INVALID_CVV, DECLINED,
SOFT_DECLINED, REFERRAL, BLOCKED_BY_VELOCITY_CHECKER) are DECLINED, the rest ERROR.

Lifecycle identity: transactionId is the attempt (and, for a credit, the refund), the merchant's refno the payment.
"""

from __future__ import annotations

STATUSES = {
    "initialized": "PENDING", "challenge_required": "PENDING", "challenge_ongoing": "PENDING",
    "authenticated": "PENDING", "authorized": "APPROVED", "settled": "APPROVED", "transmitted": "APPROVED",
    "canceled": "CANCELLED", "failed": "DECLINED",
}

CREDIT_STATUSES = {**STATUSES, "authorized": "REFUNDED", "settled": "REFUNDED", "transmitted": "REFUNDED"}

DECLINE_CODES = ("EXPIRED_CARD", "INVALID_CARD", "BLOCKED_CARD", "UNSUPPORTED_CARD", "INVALID_CVV", "DECLINED",
                 "SOFT_DECLINED", "REFERRAL", "BLOCKED_BY_VELOCITY_CHECKER")

ERROR_CODES = ("UNKNOWN_ERROR", "UNAUTHORIZED", "INVALID_JSON_PAYLOAD", "UNRECOGNIZED_PROPERTY", "INVALID_PROPERTY",
               "CLIENT_ERROR", "SERVER_ERROR", "INVALID_TRANSACTION_STATUS", "TRANSACTION_NOT_FOUND", "INVALID_ALIAS",
               "DUPLICATE_REFNO", "DUPLICATED_REFNO", "INVALID_SIGN", "THIRD_PARTY_ERROR", "INVALID_SETUP")

ERROR_STATUSES = {**{code: "DECLINED" for code in DECLINE_CODES}, **{code: "ERROR" for code in ERROR_CODES}}

REASONS = {
    "UNKNOWN_ERROR": "PROCESSING_ERROR",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "INVALID_JSON_PAYLOAD": "INVALID_REQUEST",
    "UNRECOGNIZED_PROPERTY": "INVALID_REQUEST",
    "INVALID_PROPERTY": "INVALID_REQUEST",
    "CLIENT_ERROR": "INVALID_REQUEST",
    "SERVER_ERROR": "PROCESSING_ERROR",
    "INVALID_TRANSACTION_STATUS": "INVALID_REQUEST",
    "TRANSACTION_NOT_FOUND": "INVALID_REQUEST",
    "EXPIRED_CARD": "EXPIRED_CARD",
    "INVALID_CARD": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "BLOCKED_CARD": "RESTRICTED_CARD",
    "UNSUPPORTED_CARD": "TRANSACTION_NOT_PERMITTED",
    "INVALID_ALIAS": "INVALID_REQUEST",
    "INVALID_CVV": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "DUPLICATE_REFNO": "DUPLICATE",
    "DUPLICATED_REFNO": "DUPLICATE",
    "DECLINED": "GENERIC_DECLINE",
    # A soft decline asks for the cardholder's authentication (3-D Secure) before the issuer approves.
    "SOFT_DECLINED": {"reason": "AUTHENTICATION_REQUIRED", "decline_type": "SOFT"},
    "INVALID_SIGN": "CONFIGURATION_ERROR",  # the merchant's HMAC sign does not match
    "BLOCKED_BY_VELOCITY_CHECKER": "RISK_REJECTED",
    "THIRD_PARTY_ERROR": "PROCESSING_ERROR",
    "REFERRAL": "GENERIC_DECLINE",  # the issuer asks for a voice referral
    "INVALID_SETUP": "CONFIGURATION_ERROR",
}

CARDS = ("VIS", "ECA", "AMX", "DIN", "DIS", "JCB", "CUP", "MAU", "DNK", "BON", "MYO", "MFX", "MPX", "MDP", "REK")

PAYMENT_METHODS = {
    **{code: "CARD" for code in CARDS},
    **{code: "WALLET" for code in ("APL", "PAY", "PAP", "TWI", "PFC", "ALP", "WEC", "SAM", "ESY", "AZP", "SCX", "SWP")},
    **{code: "BANK_TRANSFER" for code in ("PEF", "EPS", "DIB", "DII", "SWB")},
    "ELV": "DIRECT_DEBIT",
    **{code: "BNPL" for code in ("INT", "KLN", "CFY", "ACC", "JEL")},
    "PSC": "CASH_VOUCHER",
}

CARD_BRANDS = {
    "VIS": "visa", "ECA": "mastercard", "AMX": "amex", "DIN": "diners", "DIS": "discover", "JCB": "jcb",
    "CUP": "unionpay", "MAU": "maestro", "DNK": "dankort",
    **{code: None for code in ("BON", "MYO", "MFX", "MPX", "MDP", "REK", "PAP", "TWI", "PFC", "ALP", "WEC", "ESY",
                               "AZP", "SCX", "SWP", "PEF", "EPS", "DIB", "DII", "SWB", "ELV", "INT", "KLN", "CFY",
                               "ACC", "JEL", "PSC", "UAP")},
}

_STATUS_FIELDS = {
    "provider_transaction_id": ["transactionId"],
    "status": ["status"],
    "reason_code": ["detail.fail.reason", "detail.fail.message"],
    "amount": ["detail.settle.amount", "detail.credit.amount", "detail.authorize.amount", "history.0.amount"],
    "currency": ["currency"],
    "event_time": ["history.0.date"],
    "payment_method": ["paymentMethod"],
    "card_brand": ["paymentMethod"],
    "card_country": ["card.info.country"],
    "customer_country": ["customer.countryCode"],
    "payment_id": ["refno"],
}

SPEC = {
    "provider": "datatrans",
    "aliases": ["datatrans", "datatrans ag", "datatrans api", "datatrans json api", "planet datatrans"],
    "detect": [
        {"path": "transactionId", "exists": True, "weight": 0.2},
        {"path": "type", "in": ["payment", "credit", "card_check"], "weight": 0.2},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "status", "in": ["challenge_required", "challenge_ongoing", "transmitted"], "weight": 0.2},
        {"path": "refno", "exists": True, "weight": 0.2},
        {"path": "detail.authorize.acquirerAuthorizationCode", "exists": True, "weight": 0.3},
        {"path": "detail.settle", "exists": True, "weight": 0.2},
        {"path": "detail.init", "exists": True, "weight": 0.2},
        {"path": "detail.fail", "exists": True, "weight": 0.2},
        {"path": "history.0.action", "in": ["init", "authorize", "settle", "cancel", "credit", "authenticate"],
         "weight": 0.2},
        {"path": "paymentMethod", "in": list(PAYMENT_METHODS) + ["UAP"], "weight": 0.2},
        {"path": "acquirerAuthorizationCode", "exists": True, "weight": 0.3},
        # Error bodies: codes only Datatrans documents score enough alone; generic ones need the transactionId.
        {"path": "error.code", "in": ["INVALID_TRANSACTION_STATUS", "UNRECOGNIZED_PROPERTY", "INVALID_JSON_PAYLOAD",
                                      "DUPLICATE_REFNO", "DUPLICATED_REFNO", "BLOCKED_BY_VELOCITY_CHECKER",
                                      "SOFT_DECLINED", "INVALID_SIGN", "THIRD_PARTY_ERROR", "INVALID_SETUP",
                                      "INVALID_ALIAS", "UNSUPPORTED_CARD", "BLOCKED_CARD", "INVALID_CVV"],
         "weight": 0.5},
        {"path": "error.code", "in": ["UNKNOWN_ERROR", "UNAUTHORIZED", "INVALID_PROPERTY", "CLIENT_ERROR",
                                      "SERVER_ERROR", "TRANSACTION_NOT_FOUND", "EXPIRED_CARD", "INVALID_CARD",
                                      "DECLINED", "REFERRAL"], "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "error",
            "match": {"error.code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transactionId"],
                "status": ["error.code"],
                "reason_code": ["error.code"],
                "attempt_id": ["transactionId"],
            },
            "status_map": ERROR_STATUSES,
        },
        {
            "name": "credit",
            "match": {"type": "credit", "status": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {**_STATUS_FIELDS, "refund_id": ["transactionId"]},
            "status_map": CREDIT_STATUSES,
        },
        {
            "name": "status",
            "match": {"transactionId": {"exists": True}, "status": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {**_STATUS_FIELDS, "attempt_id": ["transactionId"]},
        },
        {
            # POST /v1/transactions/authorize (and validate) answer the new transaction and the acquirer's approval
            # code; a refused one answers the error body instead.
            "name": "authorize",
            "match": {"transactionId": {"exists": True}, "acquirerAuthorizationCode": {"exists": True}},
            "status": "APPROVED",
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["transactionId"], "attempt_id": ["transactionId"]},
        },
    ],
}
