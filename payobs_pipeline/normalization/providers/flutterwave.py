"""Flutterwave (Rave) v3: transactions (charge / verify), webhooks, refunds, chargebacks and API errors.

Sources (Flutterwave documentation):
- https://developer.flutterwave.com/docs/transaction-verification and
  https://developer.flutterwave.com/reference/endpoints/transactions#verify-a-transaction (envelope
  {"status": "success", "message", "data"}; data.id, tx_ref, flw_ref, amount and charged_amount in major
  units, currency, processor_response, auth_model, status successful / failed / pending, payment_type,
  created_at, card.{first_6digits, last_4digits, issuer, country "NIGERIA NG", type "VERVE"}, customer)
- https://flutterwaveinc.mintlify.app/other-features/recurring-payments/tokenization (charge response with
  status "pending", processor_response "Approved", card.type MASTERCARD, card.country NG)
- https://developer.flutterwave.com/docs/webhooks (v3 webhook {"event": "charge.completed", "data": {...}};
  "transfer.completed" and subscription events are not payments)
- https://developer.flutterwave.com/reference/endpoints/transactions#create-a-refund (refund data.id,
  tx_id, flw_ref, amount_refunded, status completed / pending, destination, created_at)
- https://developer.flutterwave.com/reference/endpoints/chargebacks (chargeback id, amount, flw_ref,
  status initiated / accepted / declined / won / lost, stage, due_datetime, transaction_id, tx_ref)
- https://developer.flutterwave.com/docs/transfer-rates (GET /v3/transfers/rates: {"status": "success", "message":
  "Transfer amount fetched", "data": {"rate", "source": {"currency", "amount"}, "destination": {"currency",
  "amount"}}}, "for transfer estimation only": an FX quote for a payout, not a payment)
- Flutterwave v3 error body {"status": "error", "message": "...", "data": null}
- api-evangelist/flutterwave json-schema/flutterwave-charge-schema.json and
  examples/flutterwave-charge-completed-webhook-example.json (v4 charge: id chg_..., amount "in major units",
  status pending / succeeded / failed, payment_method.type card / mobile_money / bank_transfer / ussd / opay,
  processor_response {type, code}, created_datetime; webhook {"type": "charge.completed", "data": {...}})
Older generations and returns an integration stores (v2 "Rave" docs, developer.flutterwave.com/v2.0/):
- v2 webhook (developer.flutterwave.com/v2.0/reference/webhooks, sample payload): a flat body {id, txRef, flwRef,
  orderRef, amount, charged_amount, status successful / failed / pending, currency, createdAt, customer, entity,
  "event.type": CARD_TRANSACTION / ACCOUNT_TRANSACTION / MPESA_TRANSACTION / ...}; the "event.type" names are
  read from recollection of that page (only CARD_TRANSACTION is in the stored excerpt).
- v2 verify (POST /flwv3-pug/getpaidx/api/v2/verify, "Tx Fetched"): data {txid, txref, flwref, amount,
  chargedamount, currency, chargecode, chargemessage, status, vbvcode, vbvmessage, acctcode, acctmessage,
  paymenttype}; the v2 verification guide says give value only when status is successful AND chargecode is 00 or 0
  (so a "successful" transaction with another chargecode, e.g. 02 "requires validation", is PENDING).
- v2 charge / inline and mobile SDK answers (Rave inline.js callback ``response.tx``; the Android SDK's "Tx Fetched"
  answer, gist.github.com/bolaware, Flutterwave's Rave Android README example): {id, txRef, flwRef,
  chargeResponseCode 00 / 02, chargeResponseMessage, status, vbvrespcode, vbvrespmessage, paymentType}; same rule
  on chargeResponseCode. vbvrespcode / vbvcode are the issuer's ISO 8583 codes ("RR" is Rave's "validation failed",
  read through vbvrespmessage).
- Flutterwave Standard (v3) redirect (developer.flutterwave.com/docs/collecting-payments/standard: "we'll redirect
  to your redirect_url with status, tx_ref and transaction_id", status successful / cancelled, and "completed" in
  the newer checkout): the customer's return, read as the outcome it states (no amount; verify gives it).
Payment types (payment_type): card, account, ussd, bank_transfer, mobilemoneyghana, mobilemoneyuganda,
mobilemoneyzambia, mobilemoneyrwanda, mobilemoneyfranco, mpesa, barter, applepay, googlepay, enaira,
opay, 1voucher, paypal. Mobile money (M-Pesa, MoMo) is a wallet; account / USSD / bank transfer move money
from the customer's bank account (BANK_TRANSFER).

Lifecycle identity: a Flutterwave transaction (``data.id``, ``flw_ref``) is one attempt; the merchant's
``tx_ref`` is the payment (a retry of the same order may reuse its reference). Refunds and chargebacks are
their own objects naming the transaction (``tx_id`` / ``transaction_id``).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, UnmappedPayload

TRANSACTION_STATUSES = {
    "successful": "APPROVED",
    "success": "APPROVED",
    "succeeded": "APPROVED",
    "completed": "APPROVED",
    "failed": "DECLINED",
    "pending": "PENDING",
    "success-pending-validation": "PENDING",
    "pending-validation": "PENDING",
    "cancelled": "CANCELLED",
    "voided": "CANCELLED",
    "error": "ERROR",
}
REFUND_STATUSES = {
    "completed": "REFUNDED",
    "successful": "REFUNDED",
    "pending": "PENDING",
    "processing": "PENDING",
    "failed": "DECLINED",
}

# processor_response texts (the issuer's / processor's message, passed through).
PROCESSOR_RESPONSES = {
    "declined": "GENERIC_DECLINE",
    "transaction declined": "GENERIC_DECLINE",
    "do not honour": "GENERIC_DECLINE",
    "do not honor": "GENERIC_DECLINE",
    "declined by issuer": "GENERIC_DECLINE",
    "refer to card issuer": "GENERIC_DECLINE",
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "insufficient funds in customer wallet": "INSUFFICIENT_FUNDS",
    "not sufficient funds": "INSUFFICIENT_FUNDS",
    "expired card": "EXPIRED_CARD",
    "card expired": "EXPIRED_CARD",
    "invalid card number": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "invalid card": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "incorrect pin": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "invalid pin": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "pin tries exceeded": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "invalid otp": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "otp expired": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    # PIN/OTP charges (auth_model PIN): the one-time token the customer entered to validate the charge
    # (developer.flutterwave.com/docs/card-payments: "validate the charge" with the OTP) was wrong.
    "invalid token supplied": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "invalid token": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    # v2 vbvrespmessage of a GTB OTP card charge whose token was wrong (Rave Android SDK's "Tx Fetched" example).
    "token authentication failed. incorrect token supplied.": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "token authentication failed. incorrect token supplied": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "3ds authentication failed": "AUTHENTICATION_FAILED",
    "transaction not permitted to cardholder": "TRANSACTION_NOT_PERMITTED",
    "transaction not permitted": "TRANSACTION_NOT_PERMITTED",
    "transaction not permitted to terminal": "CONFIGURATION_ERROR",
    "restricted card": "RESTRICTED_CARD",
    "lost card": "LOST_OR_STOLEN_CARD",
    "stolen card": "LOST_OR_STOLEN_CARD",
    "pick up card": "LOST_OR_STOLEN_CARD",
    "suspected fraud": "SUSPECTED_FRAUD",
    "exceeds withdrawal limit": "LIMIT_EXCEEDED",
    "exceeds withdrawal amount limit": "LIMIT_EXCEEDED",
    "issuer or switch inoperative": "ISSUER_UNAVAILABLE",
    "issuer unavailable": "ISSUER_UNAVAILABLE",
    "transaction error": "PROCESSING_ERROR",
    "system malfunction": "PROCESSING_ERROR",
    "timeout": "TIMEOUT",
    "transaction timed out": "TIMEOUT",
    "duplicate transaction": "DUPLICATE",
    "fraudulent transaction": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "transaction blocked by fraud rules": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "customer cancelled": {"reason": "REVOKED", "source": "CUSTOMER"},
}

# Error body messages -> reason (the v3 error body has no code; anything else is INVALID_REQUEST).
ERROR_MESSAGES = {
    "invalid authorization key": "CONFIGURATION_ERROR",
    "invalid secret key": "CONFIGURATION_ERROR",
    "authorization required": "CONFIGURATION_ERROR",
    "no transaction was found": "INVALID_REQUEST",
    "transaction not found": "INVALID_REQUEST",
    "duplicate transaction reference": "DUPLICATE",
    "transaction reference already exists": "DUPLICATE",
    "an error occurred": "PROCESSING_ERROR",
    "internal server error": "PROCESSING_ERROR",
    "service unavailable": "PROCESSING_ERROR",
}
ERROR_REASON_KEY = "_payobs_error_reason"
CARD_COUNTRY_KEY = "_payobs_card_country"

PAYMENT_TYPES = {
    "card": "CARD",
    "debit_ng_account": "BANK_TRANSFER",
    "account": "BANK_TRANSFER",
    "account-ach-us": "DIRECT_DEBIT",
    "ach_payment": "DIRECT_DEBIT",
    "ussd": "BANK_TRANSFER",
    "bank_transfer": "BANK_TRANSFER",
    "banktransfer": "BANK_TRANSFER",
    "mobilemoneyghana": "WALLET",
    "mobilemoneyuganda": "WALLET",
    "mobilemoneyzambia": "WALLET",
    "mobilemoneyrwanda": "WALLET",
    "mobilemoneyfranco": "WALLET",
    "mobilemoneytanzania": "WALLET",
    "mobile_money": "WALLET",
    "mpesa": "WALLET",
    "barter": "WALLET",
    "applepay": "WALLET",
    "googlepay": "WALLET",
    "enaira": "WALLET",
    "opay": "WALLET",
    "paypal": "WALLET",
    "1voucher": "CASH_VOUCHER",
    "qr": "WALLET",
}
CHARGEBACK_STATUSES = ["initiated", "pending", "accepted", "declined", "won", "lost", "reversed"]

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id", "flw_ref"],
    "status": ["status"],
    # v3: the processor's message; v4: an object whose type names the outcome and code is the ISO code.
    "reason_code": ["processor_response.code", "processor_response.type", "processor_response"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["payment_type", "payment_method.type"],
    "card_brand": ["card.type"],
    "card_country": [CARD_COUNTRY_KEY],
    "event_time": ["created_at", "created_datetime"],
    "merchant_id": ["account_id"],
    "attempt_id": ["id", "flw_ref"],
    "payment_id": ["tx_ref", "reference"],
}
# A transaction kept without payment_type whose card object names the card charged (verify-transaction response:
# card {first_6digits, last_4digits, issuer, country, type, token "flw-t..."}) was a card payment.
_TRANSACTION_RULES = [
    {"when": {"payment_type": {"exists": False}, "payment_method": {"exists": False},
              "card.last_4digits": {"exists": True}},
     "set": {"payment_method": "CARD"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount_refunded", "amount"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "refund_id": ["id"],
    "attempt_id": ["tx_id", "transaction_id"],
}
_CHARGEBACK_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "dispute_id": ["id"],
    "attempt_id": ["transaction_id"],
    "payment_id": ["tx_ref"],
}
# v2 (Rave) shapes: the webhook's "event.type" (a key with a dot, copied aside by prepare) names the method.
V2_EVENT_TYPE_KEY = "_payobs_v2_event_type"
V2_EVENT_TYPES = {
    "CARD_TRANSACTION": "CARD",
    "ACCOUNT_TRANSACTION": "BANK_TRANSFER",
    "USSD_TRANSACTION": "BANK_TRANSFER",
    "BANK_TRANSFER_TRANSACTION": "BANK_TRANSFER",
    "MPESA_TRANSACTION": "WALLET",
    "MOBILEMONEYGH_TRANSACTION": "WALLET",
    "MOBILEMONEYUG_TRANSACTION": "WALLET",
    "MOBILEMONEYZM_TRANSACTION": "WALLET",
    "BARTER_TRANSACTION": "WALLET",
}
V2_APPROVED_CHARGE_CODES = ["00", "0"]
# A "successful" v2 transaction whose charge code is not 00 / 0 still awaits validation (OTP, 3-D Secure).
_V2_PENDING_RULE = [{"when": {"status": "successful", "chargecode": {"not_in": V2_APPROVED_CHARGE_CODES}},
                     "set": {"status_category": "PENDING"}}]
_V2_CAMEL_PENDING_RULE = [{"when": {"status": "successful",
                                   "chargeResponseCode": {"not_in": V2_APPROVED_CHARGE_CODES}},
                           "set": {"status_category": "PENDING"}}]
_V2_WEBHOOK_FIELDS = {
    "provider_transaction_id": ["id", "flwRef"],
    "status": ["status"],
    "reason_code": ["vbvrespmessage", "vbvrespcode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": [V2_EVENT_TYPE_KEY, "paymentType"],
    "event_time": ["createdAt"],
    "attempt_id": ["id", "flwRef"],
    "payment_id": ["txRef"],
}
_V2_CAMEL_FIELDS = {**_V2_WEBHOOK_FIELDS,
                    "reason_code": ["vbvrespmessage", "vbvrespcode", "chargeResponseMessage"]}
_V2_VERIFY_FIELDS = {
    "provider_transaction_id": ["txid", "flwref"],
    "status": ["status"],
    "reason_code": ["vbvmessage", "vbvcode", "acctmessage", "acctcode", "chargemessage"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["paymenttype"],
    "event_time": ["created"],
    "attempt_id": ["txid", "flwref"],
    "payment_id": ["txref"],
}
# Flutterwave Standard's redirect: ?status=successful|cancelled|completed&tx_ref=...&transaction_id=...
REDIRECT_STATUSES = {"successful": "APPROVED", "completed": "APPROVED", "cancelled": "CANCELLED",
                     "failed": "DECLINED"}
_REDIRECT_FIELDS = {
    "provider_transaction_id": ["transaction_id", "tx_ref"],
    "status": ["status"],
    "amount": [],
    "currency": [],
    "attempt_id": ["transaction_id"],
    "payment_id": ["tx_ref"],
}
NON_PAYMENT_EVENT_PREFIXES = ("transfer.", "subscription.", "payout.", "virtual", "bvn.", "account_")

SPEC = {
    "provider": "flutterwave",
    "aliases": ["flutterwave", "flw", "rave", "ravepay", "flutterwave_v3", "flutter_wave"],
    "detect": [
        {"path": "data.flw_ref", "exists": True, "weight": 0.6},
        # The card object of a verified transaction (verify-transaction response): Flutterwave's card tokens are
        # "flw-t..." and its digits members are spelled first_6digits / last_4digits.
        {"path": "data.card.token", "prefix": "flw-t", "weight": 0.5},
        {"path": "data.card.last_4digits", "exists": True, "weight": 0.2},
        {"path": "data.tx_ref", "exists": True, "weight": 0.3},
        {"path": "data.processor_response", "exists": True, "weight": 0.3},
        {"path": "data.charged_amount", "exists": True, "weight": 0.2},
        {"path": "data.app_fee", "exists": True, "weight": 0.1},
        {"path": "event", "in": ["charge.completed", "transfer.completed", "refund.completed"], "weight": 0.2},
        {"path": "data.amount_refunded", "exists": True, "weight": 0.3},
        # Transfer (payout) webhooks, kept unprocessed.
        {"path": "data.complete_message", "exists": True, "weight": 0.4},
        {"path": "data.debit_currency", "exists": True, "weight": 0.2},
        {"path": "flw_ref", "exists": True, "weight": 0.6},
        {"path": "tx_ref", "exists": True, "weight": 0.2},
        {"path": "processor_response", "exists": True, "weight": 0.2},
        {"path": "data.0.flw_ref", "exists": True, "weight": 0.6},
        # v4 charge objects (chg_ ids, processor_response as an object) in webhooks with a webhook_id.
        {"path": "data.id", "prefix": "chg_", "weight": 0.3},
        {"path": "data.processor_response.type", "exists": True, "weight": 0.3},
        {"path": "webhook_id", "exists": True, "weight": 0.1},
        # v2 (Rave): flwRef / txRef (camelCase), the webhook's orderRef "URF_...", the verify answer's chargecode.
        {"path": "flwRef", "exists": True, "weight": 0.5},
        {"path": "orderRef", "prefix": "URF_", "weight": 0.2},
        {"path": V2_EVENT_TYPE_KEY, "in": list(V2_EVENT_TYPES), "weight": 0.3},
        {"path": "data.flwref", "exists": True, "weight": 0.4},
        {"path": "data.chargecode", "exists": True, "weight": 0.2},
        {"path": "data.vbvmessage", "exists": True, "weight": 0.1},
        {"path": "data.flwRef", "exists": True, "weight": 0.5},
        {"path": "data.chargeResponseCode", "exists": True, "weight": 0.2},
        {"path": "tx.flwRef", "exists": True, "weight": 0.5},
        {"path": "tx.chargeResponseCode", "exists": True, "weight": 0.2},
        # Flutterwave Standard's redirect: tx_ref with transaction_id and a status.
        {"path": "transaction_id", "exists": True, "weight": 0.2},
        {"path": "status", "in": list(REDIRECT_STATUSES), "weight": 0.15},
    ],
    "amount_unit": "major",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": PROCESSOR_RESPONSES,
    "reason_fallback": "iso8583",
    "payment_method_map": {**PAYMENT_TYPES, **V2_EVENT_TYPES},
    "variants": [
        {"name": "webhook.not_a_payment", "match": {"event": {"prefix": list(NON_PAYMENT_EVENT_PREFIXES)}},
         "not_a_payment": "a Flutterwave transfer (payout), subscription or account event"},
        {"name": "transfer_rate", "match": {"data.rate": {"exists": True}, "data.source.currency": {"exists": True},
                                            "data.destination.currency": {"exists": True}},
         "not_a_payment": "a Flutterwave transfer rate quote (FX estimate for a payout)"},
        {"name": "refund", "root": "data", "match": {"data.tx_id": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "chargeback", "root": "data",
         "match": {"data.stage": {"exists": True}, "data.status": CHARGEBACK_STATUSES},
         "fields": _CHARGEBACK_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "chargeback_list", "root": "data.0",
         "match": {"data.0.stage": {"exists": True}, "data.0.status": CHARGEBACK_STATUSES},
         "fields": _CHARGEBACK_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        # v2 (Rave) answers and callbacks, before the v3 transaction (they also carry data.id / data.status).
        {"name": "v2.verify", "root": "data",
         "match": {"data.flwref": {"exists": True}, "data.status": {"exists": True},
                   "data.chargecode": {"exists": True}},
         "fields": _V2_VERIFY_FIELDS, "rules": _V2_PENDING_RULE},
        {"name": "v2.verify", "root": "data",
         "match": {"data.flwref": {"exists": True}, "data.status": {"exists": True}},
         "fields": _V2_VERIFY_FIELDS},
        {"name": "v2.transaction", "root": "data",
         "match": {"data.flwRef": {"exists": True}, "data.status": {"exists": True},
                   "data.chargeResponseCode": {"exists": True}},
         "fields": _V2_CAMEL_FIELDS, "rules": _V2_CAMEL_PENDING_RULE},
        {"name": "v2.transaction", "root": "data",
         "match": {"data.flwRef": {"exists": True}, "data.status": {"exists": True}},
         "fields": _V2_CAMEL_FIELDS},
        {"name": "v2.inline_callback", "root": "tx",
         "match": {"tx.flwRef": {"exists": True}, "tx.status": {"exists": True},
                   "tx.chargeResponseCode": {"exists": True}},
         "fields": _V2_CAMEL_FIELDS, "rules": _V2_CAMEL_PENDING_RULE},
        {"name": "v2.inline_callback", "root": "tx",
         "match": {"tx.flwRef": {"exists": True}, "tx.status": {"exists": True}},
         "fields": _V2_CAMEL_FIELDS},
        # The v2 webhook states the final status (no charge code).
        {"name": "v2.webhook", "match": {"flwRef": {"exists": True}, "status": {"exists": True}},
         "fields": _V2_WEBHOOK_FIELDS},
        {"name": "standard.redirect",
         "match": {"tx_ref": {"exists": True}, "status": list(REDIRECT_STATUSES), "flw_ref": {"exists": False},
                   "amount": {"exists": False}},
         "fields": _REDIRECT_FIELDS, "status_map": REDIRECT_STATUSES},
        {"name": "transaction", "root": "data", "match": {"data.status": {"exists": True}, "data.id": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        {"name": "transaction_list", "root": "data.0", "match": {"data.0.flw_ref": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        {"name": "transaction.bare", "match": {"flw_ref": {"exists": True}, "status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        {"name": "error", "match": {"status": "error", "message": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["status"], "reason_code": ["message"]},
         "rules": [{"when": {ERROR_REASON_KEY: reason}, "set": {"failure_reason": reason}}
                   for reason in ("CONFIGURATION_ERROR", "DUPLICATE", "INVALID_REQUEST", "PROCESSING_ERROR")]},
    ],
}


def prepare(body: Any) -> Any:
    """Refuse transfer events; read the card country ("NIGERIA NG" -> NG); name an error body's reason.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if isinstance(body.get("event.type"), str) and "flwRef" in body:
        # The v2 webhook's "event.type" key holds a dot, which a path cannot name.
        body = {**body, V2_EVENT_TYPE_KEY: body["event.type"]}
    event = body.get("event")
    if isinstance(event, str) and event.startswith(NON_PAYMENT_EVENT_PREFIXES):
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"flutterwave: {event} is not a payment event")
    if body.get("status") == "error" and isinstance(body.get("message"), str):
        message = body["message"].strip().lower().rstrip(".")
        reason = next((r for text, r in ERROR_MESSAGES.items() if text in message), "INVALID_REQUEST")
        return {**body, ERROR_REASON_KEY: reason}
    data = body.get("data")
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict):
        # A list holding one object (GET /chargebacks?flw_ref=, GET /transactions?tx_ref=) is that object.
        body, data = {**body, "data": data[0]}, data[0]
    if isinstance(data, dict) and ("tx_id" in data or "stage" in data) and not data.get("currency"):
        # Refund and chargeback objects state an amount but no currency: keep it aside, never guess one.
        aside = {k: v for k, v in data.items() if k not in ("amount", "amount_refunded")}
        aside["_payobs_amount_without_currency"] = data.get("amount_refunded", data.get("amount"))
        return {**body, "data": aside}
    holder = data if isinstance(data, dict) else body
    card = holder.get("card")
    country = card.get("country") if isinstance(card, dict) else None
    if isinstance(country, str) and country.split():
        code = country.split()[-1]
        if len(code) == 2 and code.isalpha():
            holder = {**holder, CARD_COUNTRY_KEY: code.upper()}
            return {**body, "data": holder} if holder is not body and isinstance(data, dict) else holder
    return body
