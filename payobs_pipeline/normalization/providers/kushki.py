"""Kushki (Colombia, Ecuador, Peru, Chile, Mexico): card charges, cash and transfer-in payments, webhooks, errors.

Sources (Kushki docs, docs.kushki.com/{co,ec,pe,cl,mx}):
- card-payments/one-step-payments (POST /card/v1/charges: a successful charge answers ``ticketNumber`` and
  ``transactionReference``; with ``fullResponse`` the ``details`` object adds transactionStatus APPROVAL /
  DECLINED, responseCode / responseText, approvalCode, approvedTransactionAmount, requestAmount, currencyCode,
  paymentBrand, cardCountry, processorBankName, created)
- notifications/one-time-payments/webhook-card (card webhook, snake_case: ticket_number, transaction_id,
  transaction_reference, transaction_type SALE, transaction_status APPROVAL / DECLINED, request_amount,
  approved_transaction_amount, currency_code, response_code, response_text, processorCode, processor.code /
  processor.message, payment_brand, card_country, created (ms); also sent for approved voids and refunds)
- notifications/one-time-payments/webhook-webpay-plus (Chile Webpay Plus: same snake_case body)
- notifications/one-time-payments/webhook-transfer-in (PSE and other transfer-in: status initializedTransaction /
  approvedTransaction / declinedTransaction / expiredTransaction, processorState OK / NOT_AUTHORIZED / FAILED,
  responseCode / responseText, ticketNumber, requestAmount, currency, completedAt)
- notifications/webhooks/webhook-cash-in (cash: status approvedTransaction / declinedTransaction, pin,
  expiration, totalAmount, currency, ticketNumber, completedAt)
- notifications/payment-button (smartLink payments: amount object, paymentMethod, status approved- /
  declinedTransaction)
- card-payments/3d-secure/3ds-error-codes (transactions declined by Kushki's security rules answer responseCode
  K322 "Transacción rechazada", with a ``rules`` list naming the cause: K325 3DS authentication failed, K328
  authentication failed, no security validation)
- getting-started/error-codes and card-payments/one-step-payments/error-codes (``{"code", "message"}`` bodies:
  006 abandoned, 017 invalid card, 201 invalid merchant, 228 processor unreachable, 577 invalid token, 621
  cancelled by user, 622 session timeout, 703 amount required, K001 invalid body, K002 unexpected error, K003
  processor does not exist, K004 invalid merchant ID ...), recurring-payments/error-codes (K006 - K026),
  cash-payments/declined-cash-transaction (C001 - C004), card-present error catalogue (processor / issuer
  responses are ISO 8583: 01 refer to issuer, 05 do not honor, 51 insufficient funds ...)
Amounts are major units (``subtotalIva0: 49.99``); an ``amount`` object is the sum of subtotalIva, subtotalIva0,
iva and ice (``prepare`` adds it up exactly).

Lifecycle identity: the ``ticketNumber`` identifies a transaction (voids and refunds are requested by it), so it
is the attempt; Kushki documents no payment id beside the merchant's free metadata.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

# Where prepare() leaves the total of an ``amount`` breakdown.
TOTAL_AMOUNT_KEY = "payobs_total_amount"
_AMOUNT_PARTS = ("subtotalIva", "subtotalIva0", "iva", "ice")

# Kushki's own codes (``code`` of API error bodies).
KUSHKI_CODES = {
    "006": {"reason": "GENERIC_DECLINE", "source": "CUSTOMER"},  # abandoned transaction
    "017": "INVALID_CARD_DATA",  # invalid card
    "201": "CONFIGURATION_ERROR",  # invalid merchant ID
    "228": "ISSUER_UNAVAILABLE",  # processor unreachable
    "577": "INVALID_REQUEST",  # the transaction token is invalid
    "621": {"reason": "GENERIC_DECLINE", "source": "CUSTOMER"},  # cancelled by the user
    "622": "TIMEOUT",  # session timeout
    "703": "INVALID_REQUEST",  # amount required
    # docs.kushki.com/co/en/api-reference (capture / void / refund errors as {code, message}):
    "205": "INVALID_REQUEST",  # Tipo de moneda no válida: the currency sent is not valid
    "220": "INVALID_REQUEST",  # Monto de la transacción es diferente al monto de la venta inicial
    "K001": "INVALID_REQUEST",  # invalid request body
    "K002": "PROCESSING_ERROR",  # an unexpected error has occurred
    "K003": "CONFIGURATION_ERROR",  # processor does not exist / error in gateway response
    "K004": "CONFIGURATION_ERROR",  # invalid merchant ID or credential
    "K006": "GENERIC_DECLINE",  # subscription rejected by the collection validation
    "K007": "RESTRICTED_CARD",  # card blocked by the issuer
    "K008": "INVALID_REQUEST",  # incorrect token
    "K010": "CONFIGURATION_ERROR",  # merchant not eligible for subscriptions
    "K011": "INVALID_REQUEST",  # invalid start date
    "K012": "INVALID_REQUEST",  # invalid subscription ID
    "K013": "INVALID_REQUEST",  # invalid end date
    "K014": "INVALID_REQUEST",  # invalid capture amount
    "K026": "CONFIGURATION_ERROR",  # merchant disabled
    "C001": "INVALID_REQUEST",  # invalid request body (cash)
    "C002": "PROCESSING_ERROR",  # an unexpected error has occurred (cash)
    "C003": "INVALID_REQUEST",  # invalid token (cash)
    "C004": "CONFIGURATION_ERROR",  # invalid merchant ID (cash)
    # Security rules (3DS error codes page): K322 is the generic answer, the rule's code says why.
    "K322": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "K325": "AUTHENTICATION_FAILED",
    "K328": "AUTHENTICATION_FAILED",
}
# Error-body codes that are a decision on the payment rather than a failed request.
_DECLINED_CODES = ["017", "K006", "K007", "K322", "K325", "K328"]
_CANCELLED_CODES = ["006", "621"]

# Processor / issuer response codes are ISO 8583; Kushki writes them with three digits ("000" approved).
ISO_THREE_DIGIT = {f"0{code}": entry for code, entry in ISSUER_CODE_REASONS.items() if len(code) == 2}
PROCESSOR_STATES = {
    "NOT_AUTHORIZED": "GENERIC_DECLINE",  # the bank did not authorize the transfer
    "FAILED": "PROCESSING_ERROR",
}

STATUSES = {
    "APPROVAL": "APPROVED",
    "APPROVED": "APPROVED",
    "approvedTransaction": "APPROVED",
    "DECLINED": "DECLINED",
    "declinedTransaction": "DECLINED",
    "INITIALIZED": "PENDING",
    "initializedTransaction": "PENDING",
    "PENDING": "PENDING",
    "expiredTransaction": "CANCELLED",
}

PAYMENT_METHODS = {
    "card": "CARD", "creditCard": "CARD", "debitCard": "CARD", "credit": "CARD", "debit": "CARD",
    "cash": "CASH_VOUCHER", "transfer": "BANK_TRANSFER", "transferIn": "BANK_TRANSFER", "pse": "BANK_TRANSFER",
    "spei": "BANK_TRANSFER", "webpay": "CARD",
}

_REASON_PATHS = [
    # Most specific first: a security rule's code, the processor's (issuer) code, then Kushki's response code.
    "rules.0.code", "details.rules.0.code", "processor.code", "details.processorCode", "processorCode",
    "details.responseCode", "responseCode",
    "response_code",
]
_CARD_FIELDS = {
    "provider_transaction_id": ["ticketNumber", "ticket_number", "details.ticketNumber"],
    "status": ["details.transactionStatus", "transactionStatus", "transaction_status"],
    "reason_code": _REASON_PATHS,
    "amount": ["details.requestAmount", "requestAmount", "request_amount", "details.approvedTransactionAmount",
               "approvedTransactionAmount", "approved_transaction_amount", TOTAL_AMOUNT_KEY],
    "currency": ["details.currencyCode", "currencyCode", "currency_code", "amount.currency", "currency"],
    "event_time": ["details.created", "created", "timestamp"],
    "card_brand": ["details.paymentBrand", "paymentBrand", "payment_brand"],
    "card_country": ["details.cardCountry", "card_country", "cardCountry"],
    "merchant_id": ["details.merchantId", "merchantId", "merchant_id"],
    "merchant_name": ["details.merchantName", "merchantName", "merchant_name"],
    "attempt_id": ["ticketNumber", "ticket_number", "details.ticketNumber"],
}
_CARD_RULES = [
    {"when": {"transaction_type": ["VOID", "VOID_PAYMENT", "ANNULMENT"]},
     "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"transaction_type": ["REFUND", "REFUND_PAYMENT"]},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"transactionType": ["VOID", "VOID_PAYMENT", "ANNULMENT"]},
     "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"transactionType": ["REFUND", "REFUND_PAYMENT"]},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
]
_ASYNC_FIELDS = {
    "provider_transaction_id": ["ticketNumber", "transactionId", "transactionReference"],
    "status": ["status"],
    "reason_code": ["processorState", "responseCode", "code"],
    "amount": ["totalAmount", "requestAmount", TOTAL_AMOUNT_KEY],
    "currency": ["currency", "amount.currency"],
    "event_time": ["completedAt", "created"],
    "payment_method": ["paymentMethod"],
    "merchant_id": ["merchantId"],
    "merchant_name": ["merchantName"],
    "attempt_id": ["ticketNumber", "transactionId", "transactionReference"],
}

SPEC = {
    "provider": "kushki",
    "aliases": ["kushki", "kushkipagos", "kushki pagos", "kushki_pagos", "kushki.com"],
    "detect": [
        {"path": "ticketNumber", "exists": True, "weight": 0.4},
        {"path": "ticket_number", "exists": True, "weight": 0.4},
        {"path": "details.transactionStatus", "in": ["APPROVAL", "DECLINED", "INITIALIZED"], "weight": 0.5},
        {"path": "transactionStatus", "in": ["APPROVAL", "DECLINED", "INITIALIZED"], "weight": 0.3},
        {"path": "transaction_status", "in": ["APPROVAL", "DECLINED"], "weight": 0.3},
        {"path": "approvedTransactionAmount", "exists": True, "weight": 0.2},
        {"path": "approved_transaction_amount", "exists": True, "weight": 0.2},
        {"path": "transactionReference", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["approvedTransaction", "declinedTransaction", "initializedTransaction",
                                  "expiredTransaction"], "weight": 0.4},
        {"path": "processorState", "in": ["OK", "NOT_AUTHORIZED", "FAILED"], "weight": 0.3},
        # K... / C... codes are Kushki's own; bare numeric codes (006, 017, 228...) are too common to name it.
        {"path": "code", "in": [code for code in KUSHKI_CODES if not code.isdigit()], "weight": 0.4},
        {"path": "code", "in": [code for code in KUSHKI_CODES if code.isdigit()], "weight": 0.2},
        {"path": "code", "prefix": "K0", "weight": 0.1},
        {"path": "message", "exists": True, "weight": 0.1},
        {"path": "responseCode", "in": ["K322"], "weight": 0.4},
        {"path": "rules.0.code", "in": ["K325", "K328"], "weight": 0.4},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": {**ISO_THREE_DIGIT, **PROCESSOR_STATES, **KUSHKI_CODES},
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            # A card charge with its outcome (API response with details, or the card / Webpay webhook).
            "name": "card",
            "match": {"ticketNumber": {"exists": True}, "details.transactionStatus": {"exists": True}},
            "fields": _CARD_FIELDS,
            "default_payment_method": "CARD",
            "payment_method_map": {},
            "rules": _CARD_RULES,
        },
        {
            "name": "card_webhook",
            "match": {"transaction_status": {"exists": True}},
            "fields": _CARD_FIELDS,
            "default_payment_method": "CARD",
            "payment_method_map": {},
            "rules": _CARD_RULES,
        },
        {
            "name": "card_status",
            "match": {"transactionStatus": {"exists": True}},
            "fields": _CARD_FIELDS,
            "default_payment_method": "CARD",
            "payment_method_map": {},
            "rules": _CARD_RULES,
        },
        {
            # Cash-in webhook (pin / voucher) and transfer-in webhook (PSE, processorState).
            "name": "cash_webhook",
            "match": {"status": {"exists": True}, "pin": {"exists": True}},
            "fields": _ASYNC_FIELDS,
            "default_payment_method": "CASH_VOUCHER",
            "payment_method_map": {},
        },
        {
            "name": "transfer_webhook",
            "match": {"status": {"exists": True}, "processorState": {"exists": True}},
            "fields": _ASYNC_FIELDS,
            "default_payment_method": "BANK_TRANSFER",
            "payment_method_map": {},
        },
        {
            # Payment button (smartLink) webhook and other approved- / declinedTransaction bodies.
            "name": "async_webhook",
            "match": {"status": list(STATUSES), "ticketNumber": {"exists": True}},
            "fields": {**_ASYNC_FIELDS, "reason_code": ["code", "responseCode"]},
        },
        {
            # Cash-in init answer: the voucher (pin) was issued, nothing is paid yet.
            "name": "cash_voucher",
            "match": {"pin": {"exists": True}, "ticketNumber": {"exists": True}},
            "status": "PENDING",
            "fields": _ASYNC_FIELDS,
            "default_payment_method": "CASH_VOUCHER",
            "payment_method_map": {},
        },
        {
            # POST /card/v1/charges without fullResponse: a ticketNumber is only issued for an approved charge
            # (docs-test.kushki.dev refund-a-transaction: "The ticketNumber is provided when a charge or a deferred
            # charge is successful"); transactionReference may be absent (older responses carry the ticket alone).
            "name": "charge_ticket",
            "match": {"ticketNumber": {"exists": True}, "code": {"exists": False}, "status": {"exists": False},
                      "message": {"exists": False}},
            "status": "APPROVED",
            "fields": _CARD_FIELDS,
            "default_payment_method": "CARD",
            "payment_method_map": {},
        },
        {
            # A transaction refused by Kushki's security rules (3DS): {"responseCode": "K322", "rules": [...]}.
            "name": "security_rules",
            "match": {"responseCode": {"exists": True}, "rules.0.code": {"exists": True}},
            "status": "DECLINED",
            "fields": {**_CARD_FIELDS, "reason_code": ["rules.0.code", "responseCode"]},
            "default_payment_method": "CARD",
            "payment_method_map": {},
        },
        {
            # An API error body {"code", "message"}: the request failed before or at the processor.
            "name": "error",
            "match": {"code": {"exists": True}, "message": {"exists": True}},
            "fields": {"status": ["code"], "reason_code": ["code"], "provider_transaction_id": ["ticketNumber"]},
            "status": "ERROR",
            "rules": [
                {"when": {"code": _DECLINED_CODES}, "set": {"status_category": "DECLINED"}},
                {"when": {"code": _CANCELLED_CODES}, "set": {"status_category": "CANCELLED"}},
            ],
        },
    ],
}


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def prepare(body: Any) -> Any:
    """Add up an ``amount`` breakdown (subtotalIva + subtotalIva0 + iva + ice) into one total, exactly."""
    if not isinstance(body, dict) or not isinstance(body.get("amount"), dict):
        return body
    breakdown = body["amount"]
    parts = [_decimal(breakdown.get(name)) for name in _AMOUNT_PARTS if breakdown.get(name) is not None]
    if not parts or any(part is None for part in parts):
        return body
    return {**body, TOTAL_AMOUNT_KEY: str(sum(parts, Decimal(0)))}
