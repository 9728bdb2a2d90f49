"""Openpay (BBVA; Mexico, Colombia, Peru): charge transactions, webhooks and API error bodies.

Sources (Openpay docs):
- https://documents.openpay.mx/en/api/ (Transaction object: id, authorization, transaction_type charge / payout /
  fee / transfer / refund, operation_type in / out, method card / bank_account / store, status in_progress /
  completed / failed (and cancelled, refunded, charge_pending, chargeback_pending / chargeback_accepted /
  chargeback_adjustment on charges), amount in major units with two decimals, currency, creation_date,
  operation_date, order_id, error_message, card{brand, type, bank_name}, payment_method{type store / bank_transfer,
  reference, clabe}, refund{...} on a refunded charge)
- https://documents.openpay.mx/en/docs/webhooks.html (event body ``{"type", "event_date", "transaction"}``; types
  charge.created, charge.succeeded, charge.failed, charge.cancelled, charge.refunded, charge.rescored.to.decline,
  subscription.charge.failed, payout.created / succeeded / failed, transfer.succeeded, fee.succeeded,
  fee.refund.succeeded, spei.received, chargeback.created / rejected / accepted, verification)
- https://docs.openpay.co/en/docs/errors.html and https://documents.openpay.mx/en/?p=3498 (error object:
  category request / internal / gateway, error_code, description, http_code, request_id; the general table
  1000-1008 was read from these pages; 1009-1018, the storage codes 2001-2011 and the account codes 4001-4002
  are the same tables' further rows as Openpay publishes them but could not be re-read in full here)
- Card codes 3001-3012 with Openpay's Spanish descriptions ("La tarjeta fue declinada" 3001, "...ha expirado"
  3002, "...no tiene fondos suficientes" 3003, "...identificada como una tarjeta robada" 3004, "...rechazada por
  el sistema antifraudes" 3005, "La operación no esta permitida" 3006, "Deprecado. La tarjeta fue declinada"
  3007, "...no es soportada en transacciones en línea" 3008, "...reportada como perdida" 3009, "El banco ha
  restringido la tarjeta" 3010, "...solicitado que la tarjeta sea retenida" 3011, "Se requiere solicitar al banco
  autorización" 3012), as republished in a public package's openPayErrors table (app.unpkg.com @controlla/cli);
  2004-2011 and the 3D Secure codes 3201 / 3203 as a merchant integration's decline-message table citing
  documents.openpay.mx/docs/errors.html lists them (found by string search).
Colombia and Peru use the same API (api.openpay.co / api.openpay.pe): PSE (Colombia) comes as ``bank_account``,
cash at stores (OXXO, 7-Eleven, Efecty...) as ``store``.

Lifecycle identity: the charge transaction (its ``id``) is the attempt; the merchant's ``order_id`` is the payment
(unique per charge attempt in Openpay, error 1006 on reuse, so it groups a merchant's retries only if the merchant
reuses it across attempts after a failure). A refunded charge names its refund in ``refund.id``; a chargeback is
reported as a state of the charge (chargeback_* statuses, chargeback.* events), so the disputed charge is the
dispute.
"""

from __future__ import annotations

_PSP_RISK = {"source": "PSP_RISK"}

# error_code of error bodies (and of failed charges' transactions).
ERROR_CODES = {
    # General
    "1000": "PROCESSING_ERROR",  # 500 internal server error
    "1001": "INVALID_REQUEST",  # 400 bad request / wrong format / missing fields
    "1002": "CONFIGURATION_ERROR",  # 401 not authenticated (api key / merchant id invalid)
    "1003": "INVALID_REQUEST",  # 422 parameters look valid but request failed
    "1004": "PROCESSING_ERROR",  # 503 a required service is not available
    "1005": "INVALID_REQUEST",  # 404 a required resource does not exist
    "1006": "DUPLICATE",  # 409 a transaction with the same order_id exists
    "1007": "GENERIC_DECLINE",  # 402 funds transfer between card / bank account and Openpay rejected
    "1008": "CONFIGURATION_ERROR",  # 423 one of the required accounts is deactivated
    "1009": "INVALID_REQUEST",  # 413 request entity too large
    "1010": "CONFIGURATION_ERROR",  # 403 public key used for a private-key call
    "1011": "INVALID_REQUEST",  # 404 resource not found
    "1012": "LIMIT_EXCEEDED",  # 412 amount out of the allowed limits
    "1013": "CONFIGURATION_ERROR",  # 423 operation not allowed for the resource
    "1014": "CONFIGURATION_ERROR",  # 401 account inactive
    "1015": "TIMEOUT",  # 504 no response from the gateway
    "1016": "DUPLICATE",  # 409 merchant email already in use
    "1017": "ISSUER_UNAVAILABLE",  # 503 payment gateway not available
    "1018": "LIMIT_EXCEEDED",  # 423 charge attempts above the allowed number
    # Storage (cards, bank accounts)
    "2001": "DUPLICATE",  # 409 CLABE already registered
    "2002": "DUPLICATE",  # 409 card already registered
    "2003": "DUPLICATE",  # 409 customer external id already registered
    "2004": "INVALID_CARD_DATA",  # 422 card number check digit (Luhn) invalid
    "2005": "EXPIRED_CARD",  # 400 expiration date already passed
    "2006": "INVALID_CARD_DATA",  # 400 security code (CVV2) missing
    "2007": "CONFIGURATION_ERROR",  # 412 test card number in production
    "2008": "TRANSACTION_NOT_PERMITTED",  # 412 card not valid for points
    "2009": "INCORRECT_CVC",  # 412 security code invalid
    "2010": "AUTHENTICATION_FAILED",  # 402 3D Secure authentication failed
    "2011": "TRANSACTION_NOT_PERMITTED",  # 412 card type not supported
    # Cards
    "3001": "GENERIC_DECLINE",  # 402 the card was declined
    "3002": "EXPIRED_CARD",  # 402 the card has expired
    "3003": "INSUFFICIENT_FUNDS",  # 402 the card does not have sufficient funds
    "3004": "LOST_OR_STOLEN_CARD",  # 402 the card was reported stolen
    "3005": {"reason": "RISK_REJECTED", **_PSP_RISK},  # 402 rejected by the anti-fraud system
    "3006": "TRANSACTION_NOT_PERMITTED",  # 412 operation not allowed for this customer or transaction
    "3007": "GENERIC_DECLINE",  # 402 deprecated: the card was declined
    "3008": "TRANSACTION_NOT_PERMITTED",  # 412 card not supported in online transactions
    "3009": "LOST_OR_STOLEN_CARD",  # 402 the card was reported lost
    "3010": "RESTRICTED_CARD",  # 402 the bank restricted the card
    "3011": "LOST_OR_STOLEN_CARD",  # 402 the bank asked to retain the card (pick up)
    "3012": "GENERIC_DECLINE",  # 412 bank authorization required (call the issuer)
    # 3D Secure
    "3201": "AUTHENTICATION_FAILED",  # the authentication with the bank could not be completed
    "3203": "AUTHENTICATION_FAILED",  # 3D Secure authentication rejected by the bank
    # Accounts
    "4001": "CONFIGURATION_ERROR",  # 412 the Openpay account does not have sufficient funds (payouts)
    "4002": "CONFIGURATION_ERROR",  # 412 the operation cannot be completed: pending fees
}
# error_message of a failed charge (the description of its error_code), as Openpay writes them.
ERROR_MESSAGES = {
    "the card was declined": "GENERIC_DECLINE",
    "the card was declined by the bank": "GENERIC_DECLINE",
    "la tarjeta fue declinada": "GENERIC_DECLINE",
    "the card has expired": "EXPIRED_CARD",
    "la tarjeta ha expirado": "EXPIRED_CARD",
    "the card doesn't have sufficient funds": "INSUFFICIENT_FUNDS",
    "the card does not have sufficient funds": "INSUFFICIENT_FUNDS",
    "la tarjeta no tiene fondos suficientes": "INSUFFICIENT_FUNDS",
    "the card was reported as stolen": "LOST_OR_STOLEN_CARD",
    "la tarjeta ha sido identificada como una tarjeta robada": "LOST_OR_STOLEN_CARD",
    "fraud risk detected by anti-fraud system": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "the card was rejected by the anti-fraud system": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "la tarjeta ha sido rechazada por el sistema antifraudes": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "the card was reported as lost": "LOST_OR_STOLEN_CARD",
    "la tarjeta fue reportada como perdida": "LOST_OR_STOLEN_CARD",
    "the bank has restricted the card": "RESTRICTED_CARD",
    "el banco ha restringido la tarjeta": "RESTRICTED_CARD",
}
REASONS = {**ERROR_CODES, **{m: e for message, e in ERROR_MESSAGES.items() for m in (message, message + ".")}}
# Codes that mean the card was tried and refused (an authorization outcome, not a failed request).
DECLINE_CODES = ["1007", "2010", *(f"30{n:02d}" for n in range(1, 13)), "3201", "3203"]
ERROR_CATEGORIES = ["request", "internal", "gateway"]

STATUSES = {
    "completed": "APPROVED",
    "in_progress": "PENDING",  # store / bank reference issued, or 3DS redirect pending
    "charge_pending": "PENDING",
    "failed": "DECLINED",
    "cancelled": "CANCELLED",  # expired or cancelled before payment (store references)
    "canceled": "CANCELLED",
    "expired": "CANCELLED",
    "refunded": "REFUNDED",
    "chargeback_pending": "CHARGEBACK",
    "chargeback_accepted": "CHARGEBACK",
    "chargeback_adjustment": "CHARGEBACK",
}
EVENT_TYPES = {
    "charge.created": "PENDING",
    "charge.succeeded": "APPROVED",
    "charge.failed": "DECLINED",
    "subscription.charge.failed": "DECLINED",
    "charge.rescored.to.decline": "DECLINED",
    "charge.cancelled": "CANCELLED",
    "charge.refunded": "REFUNDED",
    "chargeback.created": "CHARGEBACK",
    "chargeback.rejected": "CHARGEBACK",
    "chargeback.accepted": "CHARGEBACK",
}
# Events about money the merchant moves out, fees, incoming transfers to the account, or the webhook check.
NON_PAYMENT_EVENT_PREFIXES = ["payout.", "transfer.", "fee.", "spei.received", "verification"]

PAYMENT_METHODS = {
    "card": "CARD",
    "bank_account": "BANK_TRANSFER",  # SPEI (Mexico), PSE (Colombia)
    "bank": "BANK_TRANSFER",
    "bank_transfer": "BANK_TRANSFER",
    "store": "CASH_VOUCHER",  # paynet / OXXO / 7-Eleven / Efecty reference
    "customer": "CARD",  # a charge on a stored customer card
}

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["error_code", "error_message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["operation_date", "creation_date"],
    "payment_method": ["method", "payment_method.type"],
    "card_brand": ["card.brand"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
    "refund_id": ["refund.id"],
}
_CHARGEBACK_STATUSES = ["chargeback_pending", "chargeback_accepted", "chargeback_adjustment"]
_RULES = [
    # A chargeback is a state of the disputed charge: the charge is the dispute.
    {"when": {"status": _CHARGEBACK_STATUSES}, "set": {"event_kind": "DISPUTE"}},
]
_WEBHOOK_RULES = [
    {"when": {"^type": "charge.rescored.to.decline"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {"^type": {"prefix": "chargeback."}}, "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
]

SPEC = {
    "provider": "openpay",
    "aliases": ["openpay", "open pay", "open_pay", "openpay.mx", "openpay_mx", "openpay mexico", "openpay_co",
                "openpay colombia", "openpay_pe", "openpay peru", "bbva openpay"],
    "detect": [
        {"path": "operation_type", "in": ["in", "out"], "weight": 0.3},
        {"path": "transaction_type", "in": ["charge", "refund", "payout", "fee", "transfer"], "weight": 0.3},
        {"path": "method", "in": list(PAYMENT_METHODS), "weight": 0.2},
        {"path": "transaction.operation_type", "in": ["in", "out"], "weight": 0.4},
        {"path": "transaction.transaction_type", "in": ["charge", "refund", "payout", "fee", "transfer"],
         "weight": 0.3},
        {"path": "event_date", "exists": True, "weight": 0.2},
        {"path": "type", "in": [*EVENT_TYPES, "verification"], "weight": 0.2},
        {"path": "type", "prefix": ["payout.", "fee.", "spei.received"], "weight": 0.2},
        {"path": "verification_code", "exists": True, "weight": 0.3},
        {"path": "category", "in": ERROR_CATEGORIES, "weight": 0.3},
        {"path": "error_code", "exists": True, "weight": 0.2},
        {"path": "http_code", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "webhook.not_a_payment", "match": {"type": {"prefix": NON_PAYMENT_EVENT_PREFIXES}},
         "not_a_payment": "an Openpay payout, transfer, fee, incoming SPEI or webhook verification event"},
        {"name": "not_a_payment", "match": {"transaction_type": ["payout", "fee", "transfer"]},
         "not_a_payment": "an Openpay payout, fee or transfer between accounts"},
        {"name": "webhook.transaction.not_a_payment",
         "match": {"transaction.transaction_type": ["payout", "fee", "transfer"]},
         "not_a_payment": "an Openpay payout, fee or transfer between accounts"},
        {
            "name": "webhook.refund",
            "root": "transaction",
            "match": {"type": "charge.refunded", "transaction": {"exists": True}},
            "fields": {**_FIELDS, "status": ["^type"], "amount": ["refund.amount", "amount"],
                       "event_time": ["refund.operation_date", "refund.creation_date", "^event_date"]},
            "status_map": EVENT_TYPES,
            "event_kind": "REFUND",
        },
        {
            "name": "webhook.charge",
            "root": "transaction",
            "match": {"transaction": {"exists": True}},
            "fields": {**_FIELDS, "status": ["status", "^type"],
                       "event_time": ["operation_date", "^event_date", "creation_date"]},
            "status_map": EVENT_TYPES,
            "rules": [*_RULES, *_WEBHOOK_RULES],
        },
        {
            # A refund transaction returned on its own (POST /charges/{id}/refund answers the charge, whose
            # ``refund`` holds it; a listing may give the refund transaction itself).
            "name": "refund_transaction",
            "match": {"transaction_type": "refund"},
            "status_map": {"completed": "REFUNDED", "in_progress": "PENDING", "failed": "DECLINED"},
            "fields": {**_FIELDS, "attempt_id": [], "refund_id": ["id"]},
            "event_kind": "REFUND",
        },
        {
            "name": "refunded_charge",
            "match": {"status": "refunded", "refund": {"exists": True}},
            "fields": {**_FIELDS, "amount": ["refund.amount", "amount"],
                       "event_time": ["refund.operation_date", "refund.creation_date", "operation_date"]},
        },
        {
            # The answer to POST /charges/{id}/refund (documents.openpay.mx/en/api/, "Refund a charge": it returns
            # the charge transaction with the refund transaction in ``refund``): the charge keeps its own status
            # (completed), the refund transaction's status says how the refund went.
            "name": "charge_with_refund",
            "match": {"refund.transaction_type": "refund", "refund.status": {"exists": True}},
            "fields": {**_FIELDS, "status": ["refund.status"], "amount": ["refund.amount", "amount"],
                       "currency": ["refund.currency", "currency"],
                       "event_time": ["refund.operation_date", "refund.creation_date", "operation_date"]},
            "status_map": {"completed": "REFUNDED", "in_progress": "PENDING", "failed": "DECLINED"},
            "event_kind": "REFUND",
        },
        {"name": "charge", "match": {"id": {"exists": True}, "status": {"exists": True}}, "fields": _FIELDS,
         "rules": _RULES},
        {
            # An API error body. Card refusals (30xx, 1007, 2010) are declined authorizations; the rest are
            # requests that failed.
            "name": "error",
            "match": {"category": ERROR_CATEGORIES, "error_code": {"exists": True}},
            # request_id names the API call, not a charge: no attempt id.
            "fields": {"status": ["category"], "reason_code": ["error_code"]},
            "status_map": dict.fromkeys(ERROR_CATEGORIES, "ERROR"),
            "rules": [{"when": {"error_code": DECLINE_CODES}, "set": {"status_category": "DECLINED"}}],
        },
    ],
}
