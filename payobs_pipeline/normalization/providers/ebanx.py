"""EBANX: Direct API and Query API payment responses, refund responses and API errors.

Sources (EBANX developer docs and the official PHP library ebanx/benjamin):
- https://docs.ebanx.com/docs/payments/guides/features/payment-notifications (statuses CO
  confirmed, CA cancelled; the notification itself carries only hashes, no outcome)
- https://docs.ebanx.com/docs/reports/transactions-reports/payments-report (API status
  CO, CA, OP open, PE pending)
- https://docs.ebanx.com/docs/resources/error-codes/card-error-codes (payment.transaction_status
  {acquirer, code OK/NOK, description} for cards)
- https://docs.ebanx.com/docs/resources/error-codes/apm-error-codes (transaction_status
  description_code for alternative payment methods)
- https://docs.ebanx.com/docs/resources/errorCodes ({"status": "ERROR", "status_code": "BP-DR-..."})
- https://www.ebanx.com/business/en/developers/api-reference/error-codes and
  https://docs.ebanx.com/docs/resources/error-codes/api-error-codes (every BP-* code: BP-DR-* are the direct
  request's field and amount validations, BP-SA-* the integration key, BP-CH-* a payment method not enabled)
- github.com/ebanx/benjamin src/Services/Gateways (payment type codes: boleto, pix, oxxo, spei,
  eft (PSE), baloto, pagoefectivo, rapipago, pagofacil, servipag, webpay, nequi, picpay ...)
Amounts are decimal strings in major units: amount_ext in the merchant's currency_ext.
EBANX payment notifications (operation=payment_status_change&hash_codes=...) carry no status
or amount: ``prepare`` refuses them with ``NOTIFICATION_WITHOUT_OUTCOME`` (never guessed); the
pipeline sees the payment when the merchant's Query API response lands in the lake. A payment
object stored without its ``{"payment": ...}`` envelope is read as the same payment.
EBANX does not state soft/hard: decline types are the reasons' defaults.
"""

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_PSP_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}
# Raised for a notification that names payments but says nothing of their outcome.

# Card transaction_status.description values (card-error-codes), keyed in lower case.
CARD_DESCRIPTIONS = {
    "Not accepted": "GENERIC_DECLINE",
    "Insufficient funds": "INSUFFICIENT_FUNDS",
    "Incorrect customer data": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "Expired card": "EXPIRED_CARD",
    "Security code mismatch": "INCORRECT_CVC",
    "Invalid card or card type": "INVALID_CARD_DATA",
    "Invalid card number": "INVALID_CARD_DATA",
    "3-D Secure required": "AUTHENTICATION_REQUIRED",
    "Timeout": "TIMEOUT",
    "No response from acquirer": "TIMEOUT",
    "Acquirer response error": "PROCESSING_ERROR",
    # Shown by EBANX's sandbox for its decline test cards.
    "Sandbox - Not enough balance": "INSUFFICIENT_FUNDS",
}

# APM transaction_status.description_code values (apm-error-codes).
APM_CODES = {
    "ATTEMPTS_EXCEEDED_MPIN_OR_OTP": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "BIN_MISMATCH": "TRANSACTION_NOT_PERMITTED",
    "BROKEN_COMMUNICATION": "PROCESSING_ERROR",
    "CANNOT_TRANSACTION": "ISSUER_UNAVAILABLE",
    "COMMUNICATION_MISMATCH": "PROCESSING_ERROR",
    "CUSTOMER_NUMBER_OR_ACCOUNT_CHANGE": "INVALID_CARD_DATA",
    "INSUFFICIENT_FUNDS_OR_DAILY_LIMIT": "INSUFFICIENT_FUNDS",
}

# API error status_code values (errorCodes): requests refused before a payment existed.
API_ERRORS = {
    "BP-DR-0": "DUPLICATE",  # payment already exists with this merchant_payment_code
    "BP-DR-84": "DUPLICATE",  # same customer and amount within N minutes
    "BP-DR-102": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # too many attempts
    "BP-DR-93": "PROCESSING_ERROR",  # PSE ACH error creating the payment
    "BP-CH-1": "CONFIGURATION_ERROR",
    "BP-SA-1": "CONFIGURATION_ERROR",  # integration_key not found
    "DA-1": "CONFIGURATION_ERROR",  # Direct API: invalid integration key
    "BP-DR-35": "CONFIGURATION_ERROR",
    "BP-DR-36": "CONFIGURATION_ERROR",
    "BP-DR-38": "CONFIGURATION_ERROR",
    **dict.fromkeys(
        ["BP-DR-2", "BP-DR-3", "BP-DR-5", "BP-DR-6", "BP-DR-7", "BP-DR-8", "BP-DR-9", "BP-DR-10", "BP-DR-11",
         "BP-DR-12", "BP-DR-34", "BP-DR-41", "BP-DR-49", "BP-DR-68", "BP-DR-69", "BP-DR-70", "BP-DR-71",
         "BP-ZIP-1", "BP-ZIP-2", "BP-ZIP-3"],
        "INVALID_REQUEST",
    ),
}

# Codes the table above does not list take their family's reason (api-error-codes page).
_API_ERROR_FAMILY_RULES = [
    {"when": {"status_code": {"prefix": ["BP-DR-", "BP-ZIP-", "BP-R-", "BP-REF-", "BP-CAP-", "BP-CAN-", "BP-QR-"]}},
     "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"status_code": {"prefix": ["BP-SA-", "BP-CH-"]}}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    *({"when": {"status_code": sorted(c for c, v in API_ERRORS.items()
                                      if (v if isinstance(v, str) else v["reason"]) == reason)},
       "set": {"failure_reason": reason}}
      for reason in sorted({v if isinstance(v, str) else v["reason"] for v in API_ERRORS.values()})),
]

PAYMENT_STATUSES = {
    "CO": "APPROVED",  # confirmed (paid)
    "PE": "PENDING",  # waiting for the payer or the bank
    "OP": "PENDING",  # opened: checkout started, nothing paid yet
    "CA": "CANCELLED",  # cancelled or expired unpaid (declined cards: see rules)
}
# Refund status: RE requested, PE pending, CO confirmed, CA cancelled (only CO is money returned).
REFUND_STATUSES = {"RE": "PENDING", "PE": "PENDING", "CO": "REFUNDED", "CA": "CANCELLED"}

PAYMENT_METHODS = {
    **dict.fromkeys(
        ["creditcard", "debitcard", "visa", "mastercard", "amex", "elo", "hipercard", "diners", "discover",
         "aura", "carnet", "cabal", "naranja", "nativa", "maestro", "webpay", "_creditcard", "_debitcard"],
        "CARD",
    ),
    "boleto": "BOLETO",
    "pix": "PIX",
    **dict.fromkeys(
        ["oxxo", "baloto", "efecty", "pagoefectivo", "rapipago", "pagofacil", "cupon", "otroscupones",
         "sencillito", "pagosnet", "safetypay-cash", "safetypaycash"],
        "CASH_VOUCHER",
    ),
    **dict.fromkeys(
        ["spei", "eft", "pse", "tef", "itau", "bradesco", "bancodobrasil", "banrisul", "multicaja", "servipag",
         "safetypay", "safetypay-online", "safetypayonline", "flow", "khipu"],
        "BANK_TRANSFER",
    ),
    **dict.fromkeys(["ebanxaccount", "nequi", "picpay", "mercadopago", "paypal", "machpay", "yape", "daviplata"],
                    "WALLET"),
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["hash"],
    "status": ["status"],
    "reason_code": ["transaction_status.description_code", "transaction_status.description"],
    "amount": ["amount_ext"],
    "currency": ["currency_ext"],
    "event_time": ["status_date", "confirm_date", "open_date"],
    "payment_method": ["payment_type_code"],
    "card_brand": ["payment_type_code"],
    "customer_country": ["country"],  # the payment's country (lower case in responses: "br")
    # The payment hash is EBANX's id of the attempt; merchant_payment_code is the merchant's id of
    # the payment (unique per merchant: BP-DR-0 "payment already exists with this merchant_payment_code").
    "attempt_id": ["hash"],
    "payment_id": ["merchant_payment_code"],
    # A Query response listing a refund (see the refund rules below) is about that refund.
    "refund_id": ["refunds.0.id"],
}
_PAYMENT_RULES = [
    # A card the acquirer refused ends as CA with transaction_status NOK: a decline, not a cancellation.
    {"when": {"status": "CA", "transaction_status.code": "NOK"}, "set": {"status_category": "DECLINED"}},
    # An authorization waiting for capture (auto_capture=false) is already approved.
    {"when": {"status": "PE", "pre_approved": True, "transaction_status.code": "OK"},
     "set": {"status_category": "APPROVED"}},
    # Acquirer timeouts and errors: a technical failure, not a refusal; CA means nothing was charged.
    {"when": {"status": "CA", "transaction_status.description": ["Timeout", "No response from acquirer",
                                                                  "Acquirer response error"]},
     "set": {"status_category": "ERROR"}},
    # The payer or merchant cancelled an APM payment.
    {"when": {"transaction_status.description_code": ["CANCELED_BY_MERCHANT", "CANCELED_BY_PAYER"]},
     "set": {"status_category": "CANCELLED"}},
    # A card authorized by the acquirer (pre_approved, transaction_status OK) and then cancelled by the
    # merchant (ws/cancel of an uncaptured payment) is the void of that authorization.
    {"when": {"status": "CA", "pre_approved": True, "transaction_status.code": "OK"},
     "set": {"event_kind": "VOID"}},
    # Query response of a payment with a refund: the row is about that refund.
    {"when": {"refunds.0.status": ["PE", "RE"]}, "set": {"status_category": "PENDING", "event_kind": "REFUND"}},
    {"when": {"refunds.0.status": "CO"}, "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
]

SPEC = {
    "provider": "ebanx",
    "aliases": ["ebanx", "ebanx_pay", "ebanx_direct", "ebanxpagamentos"],
    "detect": [
        {"path": "payment.hash", "exists": True, "weight": 0.5},
        {"path": "payment.merchant_payment_code", "exists": True, "weight": 0.2},
        {"path": "payment.payment_type_code", "exists": True, "weight": 0.2},
        {"path": "payment.status", "in": ["CO", "PE", "OP", "CA"], "weight": 0.2},
        {"path": "payment.transaction_status.acquirer", "exists": True, "weight": 0.2},
        {"path": "refund.merchant_refund_code", "exists": True, "weight": 0.2},
        {"path": "status_code", "prefix": "BP-", "weight": 0.8},
        # The payment object without its envelope.
        {"path": "hash", "exists": True, "weight": 0.1},
        {"path": "currency_ext", "exists": True, "weight": 0.3},
        {"path": "amount_ext", "exists": True, "weight": 0.2},
        {"path": "merchant_payment_code", "exists": True, "weight": 0.2},
        # Payment notification (refused in prepare, recognised first).
        {"path": "operation", "in": ["payment_status_change"], "weight": 0.5},
        {"path": "hash_codes", "exists": True, "weight": 0.3},
        # Payout API response (money the merchant sends, not a payment).
        {"path": "payout.uid", "exists": True, "weight": 0.5},
    ],
    "amount_unit": "major",
    "status_map": PAYMENT_STATUSES,
    "reason_map": {**CARD_DESCRIPTIONS, **APM_CODES, **API_ERRORS},
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            # Payout API response {"payout": {"uid", "status": PA/CA/PE/OP}}: a payout to a payee.
            "name": "payout",
            "match": {"payout": {"exists": True}, "payment": {"exists": False}},
            "not_a_payment": "an EBANX payout (money sent to a payee), not a payment",
        },
        {
            # Refund API response: the refund beside the refunded payment.
            "name": "refund",
            "match": {"refund.id": {"exists": True}, "payment.hash": {"exists": True}},
            "root": "refund",
            "fields": {
                # The refund's own id; the payment hash is its parent.
                "provider_transaction_id": ["id", "^payment.hash"],
                "status": ["status"],
                "amount": ["amount_ext"],
                "currency": ["^payment.currency_ext"],
                "event_time": ["confirm_date", "pending_date", "request_date"],
                "payment_method": ["^payment.payment_type_code"],
                "card_brand": ["^payment.payment_type_code"],
                "customer_country": ["^payment.country"],
                "refund_id": ["id"],
                "attempt_id": ["^payment.hash"],
                "payment_id": ["^payment.merchant_payment_code"],
            },
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
        },
        {
            # Direct API (payment creation) and Query API responses.
            "name": "payment",
            "match": {"payment.hash": {"exists": True}},
            "root": "payment",
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
        {
            # The payment object stored on its own (no {"payment": ...} envelope).
            "name": "payment.bare",
            "match": {"hash": {"exists": True}, "currency_ext": {"exists": True}, "status": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
        {
            # An API error: the request was refused before a payment existed.
            "name": "api_error",
            "match": {"status": "ERROR", "status_code": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["status"], "reason_code": ["status_code"]},
            "rules": _API_ERROR_FAMILY_RULES,
        },
    ],
}


def prepare(body):
    """Refuse a payment notification: it names payment hashes, never their status or amount."""
    if isinstance(body, dict) and "hash_codes" in body and "status" not in body and "payment" not in body:
        raise UnmappedPayload(
            NOTIFICATION_WITHOUT_OUTCOME,
            f"ebanx: {body.get('operation') or 'payment'} notification for {body.get('hash_codes')} carries no "
            "status or amount; the outcome is in the Query API response",
        )
    return body
