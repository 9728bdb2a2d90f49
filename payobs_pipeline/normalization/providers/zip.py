"""Zip (Zip Money / Zip Pay merchant API v1, Australia and New Zealand): the charge, the checkout and the refund
resources, and the error bodies (a charge that could not be made answers 402 with an error object).

Sources (the official merchant API clients' documentation, zipMoney/merchantapi-php docs/ and lib/Model/):
- docs/Api/ChargesApi.md (POST /charges "will return 201 if successful otherwise 402 with a specific error
  response"; a charge is created captured, or authorised with {capture: false} and captured or cancelled later;
  the 402 error codes account_insufficient_funds (customer does not have sufficient funds), account_inoperative
  (the account is in arrears or closed), account_locked, amount_invalid (does not match the approved checkout
  amount), fraud_check (fraud checks resulted in payment failure); capture: amount_invalid, invalid_state;
  cancel: invalid_state (the charge is not in authorised state))
- docs/Model/Charge.md and lib/Model/Charge.php (id, reference, order, state (authorised, captured, cancelled,
  declined, refunded, approved), authorised_amount, captured_amount, refunded_amount (decimals in major
  units), created_date, state_changes, customer_id)
- docs/Model/Checkout.md (id, uri, type, shopper, order {amount, currency, reference}, created, state, customer_id
  (only present if approved)) and docs/Model/Refund.md (id, charge_id, reason, amount, created)
- docs/Model/ErrorResponse.md ({"error": {"code", "message", "details": [{"name", "message"}]}}).

Amounts are decimals in major units; the charge carries no currency field: Zip Money charges are in AUD (NZD
for Zip New Zealand), so a charge without a currency is read as AUD.

Lifecycle identity: a Zip charge (id) is the attempt; the merchant's reference is the payment; a refund names
its id and the charge it refunds (charge_id).
"""

from __future__ import annotations

_CUSTOMER = "CUSTOMER"

CHARGE_STATES = {
    "approved": "APPROVED",
    "authorised": "APPROVED",
    "captured": "APPROVED",
    "declined": "DECLINED",
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
}

CHECKOUT_STATES = {
    "created": "PENDING",
    "approved": "PENDING",  # approved by the shopper: the merchant creates the charge next
    "completed": "APPROVED",
    "declined": "DECLINED",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
}

REASONS = {
    "account_insufficient_funds": "INSUFFICIENT_FUNDS",
    "account_inoperative": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"},
    "account_locked": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"},
    "amount_invalid": "INVALID_REQUEST",
    "fraud_check": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "invalid_state": "INVALID_REQUEST",
    "declined": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},
}

# The 402 codes are declines of the charge by Zip, not request errors.
_DECLINE_CODES = ["account_insufficient_funds", "account_inoperative", "account_locked", "fraud_check"]

SPEC = {
    "provider": "zip",
    "aliases": ["zip", "zipmoney", "zip money", "zip pay", "zippay", "zip.co", "zip co", "quadpay", "zip_money"],
    "detect": [
        {"path": "state_changes", "exists": True, "weight": 0.3},
        {"path": "authorised_amount", "exists": True, "weight": 0.3},
        {"path": "captured_amount", "exists": True, "weight": 0.1},
        {"path": "refunded_amount", "exists": True, "weight": 0.05},
        {"path": "state", "in": list({**CHARGE_STATES, **CHECKOUT_STATES}), "weight": 0.1},
        {"path": "uri", "prefix": ["https://zip.co", "https://account.sandbox.zipmoney.com.au",
                                   "https://account.zipmoney.com.au", "https://zipmoney.com.au"], "weight": 0.5},
        {"path": "charge_id", "exists": True, "weight": 0.2},
        {"path": "error.code", "in": [*_DECLINE_CODES, "amount_invalid", "invalid_state"], "weight": 0.5},
    ],
    "amount_unit": "major",
    "default_currency": "AUD",
    "default_payment_method": "BNPL",
    "reason_map": REASONS,
    "variants": [
        {"name": "charge_declined", "match": {"error.code": _DECLINE_CODES}, "status": "DECLINED",
         "fields": {"reason_code": ["error.code"]}, "default_currency": None},
        {"name": "api_error", "match": {"error.code": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["error.code"]}, "default_currency": None},
        {"name": "refund", "match": {"charge_id": {"exists": True}, "amount": {"exists": True}}, "status": "REFUNDED",
         "event_kind": "REFUND",
         "fields": {"provider_transaction_id": ["id"], "amount": ["amount"], "event_time": ["created"],
                    "refund_id": ["id"], "attempt_id": ["charge_id"]}},
        {"name": "checkout", "match": {"uri": {"exists": True}, "state": {"exists": True}}, "event_kind": "PAYMENT",
         "status_map": CHECKOUT_STATES,
         "fields": {"provider_transaction_id": ["id"], "status": ["state"], "amount": ["order.amount"],
                    "currency": ["order.currency"], "event_time": ["created"], "payment_id": ["order.reference", "id"]}},
        {"name": "charge_refunded", "match": {"id": {"exists": True}, "state": "refunded"}, "status": "REFUNDED",
         "event_kind": "REFUND",
         "fields": {"provider_transaction_id": ["id"], "amount": ["refunded_amount", "captured_amount"],
                    "currency": ["currency"], "event_time": ["created_date"], "attempt_id": ["id"],
                    "payment_id": ["reference", "id"]}},
        {"name": "charge", "match": {"id": {"exists": True}, "state": {"exists": True}}, "status_map": CHARGE_STATES,
         "fields": {"provider_transaction_id": ["id"], "status": ["state"], "reason_code": ["state"],
                    "amount": ["authorised_amount", "captured_amount", "amount"], "currency": ["currency"],
                    "event_time": ["created_date"], "attempt_id": ["id"], "payment_id": ["reference", "id"]},
         # A captured charge stays the charge's outcome (created captured, or authorised then captured: the
         # resource alone does not say which), so no CAPTURE kind is set from it.
         "rules": [{"when": {"state": "cancelled"}, "set": {"event_kind": "VOID"}}]},
    ],
}
