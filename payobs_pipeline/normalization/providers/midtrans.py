"""Midtrans (Indonesia): Core API and Snap charge/status responses, HTTP(S) notifications and API errors.

Sources (Midtrans documentation):
- https://docs.midtrans.com/docs/transaction-status-cycle (transaction_status pending, capture, settlement,
  deny, cancel, expire, failure, refund, chargeback, partial_refund, partial_chargeback, authorize: meanings
  and transitions; "deny: the credentials used for payment are rejected by the payment provider or Midtrans
  Fraud Detection System (FDS)"; "failure: unexpected error during transaction processing, mostly when the
  bank fails to respond")
- https://docs.midtrans.com/docs/https-notification-webhooks and docs.midtrans.com/reference/get-transaction-
  status-1 (notification handling: capture + fraud_status challenge = challenged by FDS, awaiting the merchant's
  decision; capture + accept = success; fraud_status accept / challenge / deny)
- https://docs.midtrans.com/reference/status-codes and /reference/code-4xx (status_code 200 success,
  201 pending / challenge, 202 denied; 400 validation error, 401 access denied (server/client key),
  402 no access for this payment type, 403 content not acceptable, 404 not found, 405 method not allowed,
  406 duplicate order ID, 407 expired transaction, 408 wrong data type, 409 too many transactions for the same
  card, 410 account deactivated / GoPay user blocked, 411 token_id missing, invalid or timed out,
  412 status cannot be updated, 413 syntax error, 414 refund rejected: merchant insufficient funds,
  429 rate limit; 5xx server and partner errors)
- naelrudd/midtrans-docs-llm-agents docs/bank-response-codes.md (mirror of docs.midtrans.com "Bank Response
  Codes": deny notification example with status_code 202, channel_response_code "05" / channel_response_message
  "Do not honour", masked_card, bank, card_type, gross_amount "17000.00"; the channel response code is the
  bank's ISO 8583 code)
- https://docs.midtrans.com/docs/transaction-status-cycle ("deny: ... To know the reason and details for denied
  transaction, see the status_message field in the response"): responses without channel_response_code carry the
  bank's code in status_message ("Deny by Bank [BNI] with code [05] and message [Do not honour]"); prepare()
  reads it from there.
- https://docs.midtrans.com/docs/apa-itu-eci-pada-protokol-3ds (ECI: Visa/Amex/JCB 05 authenticated, 06 attempted,
  07 "3DS was not successful"; Mastercard 02 / 01 / 00): a card deny with no bank code and ECI 07 / 00 is a
  failed 3DS authentication. A deny whose fraud_status is accept and that names no bank code was refused by the
  payment provider (GENERIC_DECLINE). A capture with
  fraud_status deny is denied by the FDS as fraud (https-notification-webhooks: handle capture + deny as a
  failure): DECLINED, RISK_REJECTED.
- Returns a merchant stores: the Snap redirect to the Finish / Unfinish / Error Redirect URL carries
  ``?order_id=...&status_code=...&transaction_status=...`` (docs.midtrans.com/docs/snap-advanced-feature /
  "Snap Redirect": finish_redirect_url; also the finish_redirect_url member of a Snap JS onSuccess / onPending
  result, whose own body is the transaction status answer and is read as one): read as the status it names, with
  no amount and so no currency. Snap JS onError results and Snap API errors ({"error_messages": [...]}, Snap API
  reference "Response" / docs.midtrans.com/docs/error-code-and-response-code: 401 "Access denied due to
  unauthorized transaction, please check client or server key", 400 validation messages such as
  "transaction_details.gross_amount ...", "order_id ... has already been taken" / "sudah digunakan") are ERROR
  bodies; the error_messages shape is from recollection of the Snap reference (no stored example page).
- Midtrans payment types: credit_card, gopay, shopeepay, qris, bank_transfer (va_numbers[].bank),
  echannel (Mandiri bill payment), permata, bca_klikpay, bca_klikbca, bri_epay, cimb_clicks, danamon_online,
  uob_ezpay, cstore (store indomaret / alfamart), akulaku, kredivo.

gross_amount is a decimal string in major units of IDR (Midtrans charges in IDR; "currency" is given on newer
notifications). transaction_time and settlement_time are Western Indonesian Time (GMT+7) without an offset:
prepare() adds it.

Lifecycle identity: transaction_id is the attempt (one per charge); order_id is the merchant's order, unique
per Midtrans transaction, and is the payment. A refund notification is the same transaction with status refund /
partial_refund and a refunds[] list: the refund is its last entry (refund_chargeback_id). A chargeback is
reported on the transaction (its transaction_id stands for the dispute).
"""

from __future__ import annotations

import re
from typing import Any

TRANSACTION_STATUSES = {
    "capture": "APPROVED",
    "settlement": "APPROVED",
    "authorize": "APPROVED",
    "pending": "PENDING",
    "deny": "DECLINED",
    "cancel": "CANCELLED",
    "expire": "CANCELLED",
    "failure": "ERROR",
    "refund": "REFUNDED",
    "partial_refund": "REFUNDED",
    "chargeback": "CHARGEBACK",
    "partial_chargeback": "CHARGEBACK",
}
# status_code of error responses (4xx/5xx); 2xx codes carry no failure reason (202 "denied" does not say
# whether the payment provider or the FDS refused).
STATUS_CODES = {
    "400": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR",
    "402": "CONFIGURATION_ERROR",
    "403": "INVALID_REQUEST",
    "404": "INVALID_REQUEST",
    "405": "INVALID_REQUEST",
    "406": "DUPLICATE",
    "407": "INVALID_REQUEST",  # expired transaction
    "408": "INVALID_REQUEST",
    "409": "LIMIT_EXCEEDED",  # too many transactions for the same card number
    "410": "CONFIGURATION_ERROR",  # merchant account deactivated
    "411": "INVALID_REQUEST",  # token_id missing, invalid or timed out
    "412": "INVALID_REQUEST",
    "413": "INVALID_REQUEST",
    "414": {"reason": "INSUFFICIENT_FUNDS", "source": "MERCHANT_CONFIG"},  # refund: merchant balance too low
    "429": "PROCESSING_ERROR",
    "500": "PROCESSING_ERROR",
    "501": "CONFIGURATION_ERROR",
    "502": "ISSUER_UNAVAILABLE",
    "503": "ISSUER_UNAVAILABLE",
    "504": "TIMEOUT",
}
PAYMENT_TYPES = {
    "credit_card": "CARD",
    "gopay": "WALLET",
    "shopeepay": "WALLET",
    "qris": "WALLET",
    "other_qris": "WALLET",
    "dana": "WALLET",
    "ovo": "WALLET",
    "bank_transfer": "BANK_TRANSFER",
    "echannel": "BANK_TRANSFER",
    "permata": "BANK_TRANSFER",
    "bca_klikpay": "BANK_TRANSFER",
    "bca_klikbca": "BANK_TRANSFER",
    "bri_epay": "BANK_TRANSFER",
    "cimb_clicks": "BANK_TRANSFER",
    "danamon_online": "BANK_TRANSFER",
    "uob_ezpay": "BANK_TRANSFER",
    "mandiri_clickpay": "BANK_TRANSFER",
    "cstore": "CASH_VOUCHER",
    "akulaku": "BNPL",
    "kredivo": "BNPL",
    "gopay_later": "BNPL",
}

TIME_KEY = "_payobs_time_wib"
REFUND_ID_KEY = "_payobs_refund_id"
REFUND_AMOUNT_KEY = "_payobs_refund_amount"
BANK_CODE_KEY = "_payobs_bank_code"
THREEDS_FAILED = "3ds_not_authenticated"
# deny with fraud_status accept: the FDS let it through, so the payment provider refused it (transaction-status-cycle
# "deny: ... rejected by the payment provider or Midtrans Fraud Detection System").
PROVIDER_DENIED = "denied_by_payment_provider"
# ECI values the Midtrans ECI page gives for "3DS was not successful" (Visa/Amex/JCB 07, Mastercard 00).
_FAILED_3DS_ECI = ("07", "00")
_BANK_CODE_IN_MESSAGE = re.compile(r"with code \[([0-9A-Za-z]{1,3})\]")

_FIELDS = {
    "provider_transaction_id": ["transaction_id"],
    "status": ["transaction_status"],
    "reason_code": ["channel_response_code", BANK_CODE_KEY, "status_code"],
    "amount": ["gross_amount"],
    "currency": ["currency"],
    "event_time": [TIME_KEY],
    "payment_method": ["payment_type"],
    "merchant_id": ["merchant_id"],
    "attempt_id": ["transaction_id"],
    "payment_id": ["order_id"],
    "refund_id": [REFUND_ID_KEY],
}
ERROR_MESSAGE_PREFIXES = [
    "Access denied due to unauthorized transaction", "Merchant doesn't have access", "Merchant does not have access",
    "Duplicate order ID", "One or more parameters in the payload is invalid", "Transaction doesn't exist",
    "Transaction does not exist", "The requested resource is not found", "Validation Error",
    "token_id is missing", "Token id is missing", "Payment type is not allowed", "Merchant cannot modify",
    "Transaction status cannot be updated", "Sorry. Our system is recovering from unexpected issues",
]

# Snap API error bodies ({"error_messages": [...]}): a reason from the first message (docs.midtrans.com
# error-code-and-response-code); anything else is a rejected request.
SNAP_ERROR_KEY = "_payobs_snap_error"
SNAP_ERROR_MESSAGES = {
    "access denied": "CONFIGURATION_ERROR",
    "unknown merchant": "CONFIGURATION_ERROR",
    "has already been taken": "DUPLICATE",
    "sudah digunakan": "DUPLICATE",
    "has been paid and utilized": "DUPLICATE",
}
SNAP_ERROR_REASONS = ("CONFIGURATION_ERROR", "DUPLICATE", "INVALID_REQUEST")
# The Snap redirect's query (order_id, status_code, transaction_status): no transaction id, amount or currency.
_REDIRECT_FIELDS = {**_FIELDS, "provider_transaction_id": ["order_id"], "reason_code": ["status_code"],
                    "attempt_id": [], "currency": []}

SPEC = {
    "provider": "midtrans",
    "aliases": ["midtrans", "veritrans", "midtrans_snap", "midtrans_core_api", "midtrans_coreapi", "snap"],
    "detect": [
        {"path": "transaction_status", "in": list(TRANSACTION_STATUSES), "weight": 0.3},
        {"path": "payment_type", "in": list(PAYMENT_TYPES), "weight": 0.2},
        {"path": "status_message", "prefix": ["midtrans payment notification", "Success, Credit Card",
                                              "Success, transaction is found", "Success, Bank Transfer",
                                              "Success, GoPay", "Success, QRIS", "Success, Mandiri Bill",
                                              "Success, PERMATA", "Success, cstore", "Success, Refund"],
         "weight": 0.4},
        {"path": "status_code", "exists": True, "weight": 0.1},
        {"path": "signature_key", "exists": True, "weight": 0.1},
        {"path": "fraud_status", "in": ["accept", "challenge", "deny"], "weight": 0.2},
        {"path": "gross_amount", "exists": True, "weight": 0.1},
        {"path": "va_numbers", "exists": True, "weight": 0.1},
        {"path": "redirect_url", "prefix": ["https://app.midtrans.com", "https://app.sandbox.midtrans.com"],
         "weight": 0.6},
        {"path": "status_message", "prefix": ERROR_MESSAGE_PREFIXES, "weight": 0.4},
        {"path": "validation_messages", "exists": True, "weight": 0.2},
        # The Snap redirect's status_code next to transaction_status (200 success, 201 pending, 202 denied,
        # 407 expired).
        {"path": "status_code", "in": ["200", "201", "202", "407"], "weight": 0.1},
        # Snap API errors: {"error_messages": ["transaction_details.gross_amount ...", ...]}.
        {"path": "error_messages.0", "prefix": ["transaction_details.", "Access denied due to unauthorized transaction",
                                                "customer_details.", "item_details"], "weight": 0.5},
    ],
    "amount_unit": "major",
    "default_currency": "IDR",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": {**STATUS_CODES, THREEDS_FAILED: "AUTHENTICATION_FAILED", PROVIDER_DENIED: "GENERIC_DECLINE"},
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_TYPES,
    "fields": _FIELDS,
    "variants": [
        {"name": "snap_token", "match": {"token": {"exists": True}, "redirect_url": {"exists": True}},
         "not_a_payment": "a Snap payment page token: the payment has not been attempted yet"},
        {"name": "refund", "match": {"transaction_status": ["refund", "partial_refund"]},
         "fields": {**_FIELDS, "amount": [REFUND_AMOUNT_KEY, "refund_amount", "gross_amount"]},
         "event_kind": "REFUND"},
        {"name": "chargeback", "match": {"transaction_status": ["chargeback", "partial_chargeback"]},
         "fields": {**_FIELDS, "amount": [REFUND_AMOUNT_KEY, "gross_amount"]}, "event_kind": "DISPUTE"},
        {"name": "snap.redirect",
         "match": {"order_id": {"exists": True}, "transaction_status": {"exists": True},
                   "transaction_id": {"exists": False}, "gross_amount": {"exists": False}},
         "default_currency": None, "fields": _REDIRECT_FIELDS},
        {"name": "snap.error", "match": {"error_messages": {"exists": True}, "transaction_status": {"exists": False}},
         "status": "ERROR", "default_currency": None,
         "fields": {**_FIELDS, "status": ["error_messages.0"], "reason_code": ["error_messages.0"]},
         "rules": [{"when": {SNAP_ERROR_KEY: reason}, "set": {"failure_reason": reason}}
                   for reason in SNAP_ERROR_REASONS]},
        {"name": "transaction", "match": {"transaction_status": {"exists": True}},
         "rules": [
             # Card capture challenged by the FDS: the merchant must approve or deny it.
             {"when": {"transaction_status": "capture", "fraud_status": "challenge"},
              "set": {"status_category": "PENDING"}},
             {"when": {"transaction_status": "deny", "fraud_status": "deny"},
              "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
             # A card capture the FDS denied (fraud_status deny: "transaction is denied as fraud"): no charge.
             {"when": {"transaction_status": "capture", "fraud_status": "deny"},
              "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
             {"when": {"transaction_status": "cancel", "payment_type": "credit_card"},
              "set": {"event_kind": "VOID"}},
         ]},
        # Error body: {"status_code": "401", "status_message": "...", "id": "..."} and no transaction.
        # Without an amount (docs.midtrans.com/reference/code-statuses: a 4xx/5xx means no transaction was
        # created) the IDR default would describe nothing: the error carries no currency.
        {"name": "error_without_amount",
         "match": {"status_code": {"prefix": ["3", "4", "5"]}, "status_message": {"exists": True},
                   "gross_amount": {"exists": False}},
         "status": "ERROR", "default_currency": None,
         "fields": {**_FIELDS, "status": ["status_code"], "reason_code": ["status_code"]}},
        {"name": "error", "match": {"status_code": {"prefix": ["3", "4", "5"]}, "status_message": {"exists": True}},
         "status": "ERROR", "fields": {**_FIELDS, "status": ["status_code"], "reason_code": ["status_code"]}},
    ],
}


def _wib(value: Any) -> Any:
    """A Midtrans local timestamp ("2024-01-05 10:20:30", GMT+7) with its offset made explicit."""
    if not isinstance(value, str) or len(value) != 19 or value[10] not in " T":
        return value
    return value.replace(" ", "T") + "+07:00"


def prepare(body: Any) -> Any:
    """Make the WIB timestamp explicit and pick the latest refund of a refund notification.

    Pure: returns a copy when it adds keys; the original is untouched.
    """
    if isinstance(body, dict) and "transaction_status" not in body and isinstance(body.get("error_messages"), list):
        first = str(body["error_messages"][0] if body["error_messages"] else "").lower()
        reason = next((r for text, r in SNAP_ERROR_MESSAGES.items() if text in first), "INVALID_REQUEST")
        return {**body, SNAP_ERROR_KEY: reason}
    if not isinstance(body, dict) or "transaction_status" not in body:
        return body
    added: dict[str, Any] = {}
    for key in ("settlement_time", "transaction_time"):
        if body.get(key):
            added[TIME_KEY] = _wib(body[key])
            break
    status = str(body.get("transaction_status", "")).lower()
    refunds = body.get("refunds")
    if status == "deny" and not body.get("channel_response_code"):
        found = _BANK_CODE_IN_MESSAGE.search(str(body.get("status_message") or ""))
        if found:
            added[BANK_CODE_KEY] = found.group(1)
        elif str(body.get("payment_type", "")).lower() == "credit_card" and str(body.get("eci", "")) in _FAILED_3DS_ECI \
                and str(body.get("fraud_status", "")).lower() != "deny":
            added[BANK_CODE_KEY] = THREEDS_FAILED
        elif str(body.get("fraud_status", "")).lower() == "accept":
            added[BANK_CODE_KEY] = PROVIDER_DENIED
    if status in ("refund", "partial_refund", "chargeback", "partial_chargeback") and isinstance(refunds, list):
        latest = next((r for r in reversed(refunds) if isinstance(r, dict)), None)
        if latest is not None:
            if status.endswith("refund") and latest.get("refund_chargeback_id") is not None:
                added[REFUND_ID_KEY] = str(latest["refund_chargeback_id"])
            if latest.get("refund_amount") is not None:
                added[REFUND_AMOUNT_KEY] = latest["refund_amount"]
    return {**body, **added} if added else body
