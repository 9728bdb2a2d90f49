"""PayTR (Turkey): the payment notification POSTed to the merchant's Callback URL by the iFrame API (cards) and
the Transfer/EFT iFrame API, and the error answer of PayTR's service APIs.

Sources:
- PayTR "iFrame API Step 2" (dev.paytr.com/en/iframe-api/iframe-api-2-adim) and "Direct API Step 2"
  (dev.paytr.com/en/direkt-api/direkt-api-2-adim): the POST fields merchant_oid, status ('success' or 'failed'),
  total_amount ("Multiplied by 100: e.g. 34.56 => 3456"; zero when the payment failed), hash, failed_reason_code
  and failed_reason_msg (failed payments only), test_mode, payment_type ('card' or 'eft'), currency ('TL', 'USD',
  'EUR', 'GBP', 'RUB'; success only), payment_amount (x100, success only).
- PayTR's failed_reason_code table for the iFrame API (the Turkish page, as PayTR SDKs and integrations copy it,
  e.g. a PayTR PHP client's IFRAME_CHECK_ERRORS and integration docs): 0 variable (the detailed reason in
  failed_reason_msg, e.g. card limit / balance insufficient), 1 identity verification not done (phone number not
  entered), 2 identity verification failed (wrong SMS code), 3 not approved after PayTR's security check, 6 the
  customer gave up and left the payment page (timeout or page closed), 8 no installments on this card, 9 the store
  has no authority to transact with this card, 10 3D Secure must be used, 11 security (fraud) warning, 99 technical
  integration error.
- PayTR "Transfer/EFT iFrame API Step 2" (dev.paytr.com/en/havale-eft-iframe-api/havale-eft-iframe-api-2-adim, and
  its Turkish copy): failed_reason_code 4 transfer not detected, 5 transfer amount insufficient, 6 the customer
  gave up, 7 notification not received (a previous one still being checked), 41 name mismatch, 42 TCKN mismatch,
  43 transfer already approved, 44 transfer refunded, 45 only one of the receipt's two names written.
- The service APIs' error answer {status "error", err_no, err_msg}: the err_no tables of the refund, status query
  and transfer APIs overlap (000-011 mean different things per API) and the body does not say which API answered:
  it is an ERROR whose reason stays UNKNOWN, err_no kept raw. The status query and refund answers are not mapped
  (their success bodies are not in a stored page).

Read as: success -> APPROVED; failed -> DECLINED with the reason of failed_reason_code, except 6 (the customer
gave up) -> CANCELLED and 99 (integration error) -> ERROR / CONFIGURATION_ERROR. Currency 'TL' is the lira
(TRY): prepare() writes it as TRY. A failed notification carries no currency and a zero total: no amount.
"""

from __future__ import annotations

from typing import Any

STATUSES = {"success": "APPROVED", "failed": "DECLINED"}

# failed_reason_code: the iFrame (card) table, then the Transfer/EFT table.
REASONS = {
    "0": "UNKNOWN",                       # variable: read failed_reason_msg
    "1": "AUTHENTICATION_FAILED",         # identity verification not done
    "2": "AUTHENTICATION_FAILED",         # identity verification failed (wrong SMS code)
    "3": "RISK_REJECTED",                 # not approved after PayTR's security check
    "8": "TRANSACTION_NOT_PERMITTED",     # no installments on this card
    "9": "TRANSACTION_NOT_PERMITTED",     # the store may not transact with this card
    "10": "AUTHENTICATION_REQUIRED",      # 3D Secure must be used
    "11": "RISK_REJECTED",                # security (fraud) warning
    "99": "CONFIGURATION_ERROR",          # technical integration error
    "4": "UNKNOWN",                       # transfer not detected
    "5": "INSUFFICIENT_FUNDS",            # transfer amount insufficient
    "7": "DUPLICATE",                     # a previous notification still being checked
    "41": "INVALID_CARD_DATA",            # payer name does not match the transfer
    "42": "INVALID_CARD_DATA",            # TCKN does not match the transfer
    "43": "DUPLICATE",                    # transfer already approved
    "44": "INVALID_REQUEST",              # transfer already refunded
    "45": "INVALID_CARD_DATA",            # only one of the receipt's two names written
}

PAYMENT_METHODS = {"card": "CARD", "eft": "BANK_TRANSFER"}

_NOTIFICATION = {
    "provider_transaction_id": ["merchant_oid"],
    "status": ["status"],
    "reason_code": ["failed_reason_code", "failed_reason_msg"],
    "amount": ["total_amount"],
    "currency": ["currency"],
    "payment_method": ["payment_type"],
    "payment_id": ["merchant_oid"],
}

SPEC = {
    "provider": "paytr",
    "aliases": ["paytr", "pay tr", "paytr.com", "www.paytr.com", "paytr iframe", "paytr odeme"],
    "detect": [
        {"path": "merchant_oid", "exists": True, "weight": 0.3},
        {"path": "failed_reason_code", "exists": True, "weight": 0.2},
        {"path": "failed_reason_msg", "exists": True, "weight": 0.1},
        {"path": "total_amount", "exists": True, "weight": 0.1},
        {"path": "hash", "exists": True, "weight": 0.05},
        {"path": "payment_type", "in": ["card", "eft"], "weight": 0.1},
        {"path": "status", "in": ["success", "failed"], "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _NOTIFICATION,
    "variants": [
        {
            "name": "notification.failed",
            "match": {"merchant_oid": {"exists": True}, "status": "failed"},
            # A failed notification has total_amount 0 and no currency.
            "fields": {**_NOTIFICATION, "amount": [], "currency": []},
            "rules": [
                {"when": {"failed_reason_code": "6"}, "set": {"status_category": "CANCELLED"}},
                {"when": {"failed_reason_code": "99"}, "set": {"status_category": "ERROR"}},
            ],
        },
        {
            "name": "notification",
            "match": {"merchant_oid": {"exists": True}, "status": {"exists": True}},
        },
        {
            "name": "error",
            "match": {"status": "error", "err_no": {"exists": True}},
            "status": "ERROR",
            "reason_map": {},
            "fields": {"reason_code": ["err_no"], "amount": [], "currency": []},
        },
    ],
}


def prepare(body: Any) -> Any:
    """PayTR writes the lira 'TL': the ISO code is TRY."""
    if isinstance(body, dict) and isinstance(body.get("currency"), str) and body["currency"].strip().upper() == "TL":
        return {**body, "currency": "TRY"}
    return body
