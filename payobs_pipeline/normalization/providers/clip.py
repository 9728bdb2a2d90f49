"""Clip (Payclip, Mexico), Payments API of Checkout Transparente (api.payclip.com/payments): the payment object POST
/payments and GET /payments/{id} answer, its webhook, and the error body.

Sources:
- Clip's reference "Realizar el pago con el SDK de Checkout Transparente" and "Realizar un pago"
  (developer.clip.mx/reference/realizar-el-pago-con-el-sdk-de-checkout-transparente, /reference/realizarpago):
  the payment answer {id, amount, tip_amount, amount_refunded, installments, capture_method, paid_amount,
  captured_amount, binary_mode, approved_at, country, currency ("Únicamente puede ser MXN"), external_reference,
  customer, payment_method {id (prepaid_visa, master...), type (credit_card, debit_card, prepaid_card), card {bin,
  issuer, country, last_digits}, token}, pending_action, receipt_no, refunds, status, status_detail {code,
  message}, created_at}; amounts are decimals (major units). Only the beginning of those pages is stored.
- The status values and the status_detail code table, as merchants' integration code transcribes them (an Angular
  checkout component's errorHandler for "Clip status codes"; a C# Clip client, ClipPaymentStatuses /
  ClipStatusDetailCodes; a Supabase migration listing approved · pending · rejected · cancelled · refunded ·
  authorized): approved AP-PAI01 paid, AP-REF01 partially refunded; refunded RE-REF01; authorized AU-CAP01 pending
  capture; cancelled CA-AUT01 / CA-MAN01 / CA-MER01; pending PE-3DS01 (waiting for 3DS, pending_action
  open_modal), PE-EMV01, PE-SIG01, PE-TIC01 (waiting for payment); rejected RE-3DS01 (3DS failed), RE-ISS01
  insufficient funds, RE-ISS02 not authorized by the bank, RE-ISS03 restricted card, RE-ISS04 card reserved for
  private use, RE-ISS05 transaction not permitted to the cardholder, RE-ISS06 pick up card, RE-ISS07 expired card,
  RE-ISS08 withdrawal limit exceeded, RE-ISS09 invalid PIN, RE-ISS10 PIN tries exceeded, RE-ISS11 refer to the
  issuer, RE-ISS12 invalid amount, RE-ISS13 issuer offline, RE-ISS14 issuer or switch inoperative, RE-ISS15 Visa/MC
  fallback, RE-ISS16 invalid card number, RE-ISS17 invalid merchant, RE-ISS18 invalid transaction, RE-ISS99
  generic error, RE-ERI05 KYC not completed, and RE-BIN01 / RE-ERI03 / RE-CHI01 / RE-ISS19 / RE-ISS20 "rejected".
- Webhook (the C# client's ClipWebhookNotification): {id, origin ("payments-api"), event_type (INSERT for a new
  payment, UPDATE on a status change)} with no status: the merchant must GET the payment — no outcome.
- Errors: {error_code, message} (error codes such as CL1127 "payment method not supported", CL2200, CL2290 in the
  same integration code); no table of them is stored: an error's failure_reason is UNKNOWN, its code kept.

Lifecycle identity: Clip's payment id is the attempt; the merchant's external_reference names the payment.
"""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {
    "approved": "APPROVED",
    "authorized": "APPROVED",  # AU-CAP01: authorized, pending capture
    "pending": "PENDING",
    "rejected": "DECLINED",
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
}

# status_detail.code of a rejected payment.
REASONS = {
    "RE-3DS01": "AUTHENTICATION_FAILED",
    "RE-ISS01": "INSUFFICIENT_FUNDS",
    "RE-ISS02": "GENERIC_DECLINE",  # not authorized by the bank
    "RE-ISS03": "RESTRICTED_CARD",
    "RE-ISS04": "GENERIC_DECLINE",  # card reserved for private use
    "RE-ISS05": "TRANSACTION_NOT_PERMITTED",  # not permitted to the cardholder
    "RE-ISS06": "LOST_OR_STOLEN_CARD",  # pick up card
    "RE-ISS07": "EXPIRED_CARD",
    "RE-ISS08": "LIMIT_EXCEEDED",
    "RE-ISS09": "AUTHENTICATION_FAILED",  # invalid PIN
    "RE-ISS10": "AUTHENTICATION_FAILED",  # PIN tries exceeded
    "RE-ISS11": "GENERIC_DECLINE",  # refer to the card issuer
    "RE-ISS12": "INVALID_REQUEST",  # invalid amount
    "RE-ISS13": "ISSUER_UNAVAILABLE",  # issuer offline
    "RE-ISS14": "ISSUER_UNAVAILABLE",  # issuer or switch inoperative
    "RE-ISS16": "INVALID_CARD_DATA",  # invalid card number
    "RE-ISS17": "CONFIGURATION_ERROR",  # invalid merchant
    "RE-ISS18": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "RE-ISS99": "GENERIC_DECLINE",  # generic error, try again
    "RE-ERI05": "CONFIGURATION_ERROR",  # the merchant's KYC not completed
    "RE-BIN01": "GENERIC_DECLINE",
    "RE-ERI03": "GENERIC_DECLINE",
    "RE-CHI01": "GENERIC_DECLINE",
    "RE-ISS19": "GENERIC_DECLINE",
    "RE-ISS20": "GENERIC_DECLINE",
}

PAYMENT_METHODS = {
    "credit_card": "CARD",
    "debit_card": "CARD",
    "prepaid_card": "CARD",
}

_CODE_PREFIXES = ["AP-", "AU-", "PE-", "RE-", "CA-"]


def prepare(body):
    """The webhook names the payment and the change only: the merchant must GET /payments/{id}."""
    if (isinstance(body, dict) and body.get("origin") == "payments-api" and "status" not in body
            and set(body) <= {"id", "origin", "event_type"}):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "clip: webhook names the payment only; GET /payments/{id}")
    return body


SPEC = {
    "provider": "clip",
    "aliases": ["clip", "payclip", "clip mx", "clip.mx", "clip checkout", "clip checkout transparente"],
    "detect": [
        {"path": "status_detail.code", "prefix": _CODE_PREFIXES, "weight": 0.4},
        {"path": "receipt_no", "exists": True, "weight": 0.2},
        {"path": "pending_action", "exists": True, "weight": 0.1},
        {"path": "amount_refunded", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "origin", "in": ["payments-api"], "weight": 0.3},
        {"path": "event_type", "in": ["INSERT", "UPDATE"], "weight": 0.2},
        {"path": "error_code", "prefix": ["CL"], "weight": 0.3},
    ],
    "amount_unit": "major",
    "default_currency": "MXN",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": {"prepaid_visa": "visa", "debit_visa": "visa", "visa": "visa", "master": "mastercard",
                       "debit_master": "mastercard", "prepaid_master": "mastercard", "amex": "amex"},
    "variants": [
        {
            "name": "error",
            "match": {"error_code": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["error_code", "message"]},
        },
        {
            # approved AP-REF01: the payment's last change is a partial refund.
            "name": "partially_refunded",
            "match": {"status": "approved", "status_detail.code": "AP-REF01"},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "amount": ["amount_refunded"], "currency": ["currency"],
                       "payment_id": ["external_reference", "id"], "refund_id": [],
                       "payment_method": ["payment_method.type"], "card_brand": ["payment_method.id"],
                       "card_country": ["payment_method.card.country"], "reason_code": ["status_detail.code"]},
        },
        {
            "name": "refunded",
            "match": {"status": "refunded"},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "amount": ["amount_refunded", "amount"],
                       "currency": ["currency"], "payment_id": ["external_reference", "id"], "refund_id": [],
                       "payment_method": ["payment_method.type"], "card_brand": ["payment_method.id"],
                       "card_country": ["payment_method.card.country"], "reason_code": ["status_detail.code"]},
        },
        {
            "name": "payment",
            "match": {"status": {"in": list(STATUSES)}},
            "reason_map": REASONS,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["status_detail.code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["approved_at", "created_at"],
                "payment_method": ["payment_method.type"],
                "card_brand": ["payment_method.id"],
                "card_country": ["payment_method.card.country"],
                "attempt_id": ["id"],
                "payment_id": ["external_reference", "id"],
            },
        },
    ],
}
