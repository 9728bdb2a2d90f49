"""LiqPay (PrivatBank, Ukraine), API version 3: the callback's data (the base64 ``data`` parameter decoded), the
answers of the Server-Server API (pay, hold, status, refund ...) and its error answers.

Sources:
- Callback (https://www.liqpay.ua/en/doc/api/callback): data = base64(JSON) with action, payment_id, status,
  version, type, paytype, public_key, acq_id, order_id, liqpay_order_id, description, sender_card_mask2,
  sender_card_bank, sender_card_type, sender_card_country (numeric ISO 3166), amount (major units), currency,
  commissions, amount_debit / amount_credit, is_3ds, mpi_eci, create_date / end_date (milliseconds since the
  epoch), transaction_id, err_code, err_description. Statuses (same page): final success, failure, error
  ("incorrect data"), reversed (refunded), subscribed, unsubscribed; awaiting the customer 3ds_verify,
  captcha_verify, cvv_verify, ivr_verify, otp_verify, password_verify, phone_verify, pin_verify,
  receiver_verify, sender_verify, senderapp_verify, wait_qr, wait_sender, p24_verify, mp_verify; other
  cash_wait, hold_wait (amount held on the sender's account), invoice_wait, prepared, processing, wait_accept
  (money taken from the customer, the shop not yet verified), wait_card, wait_compensation (paid, awaiting the
  daily compensation), wait_lc, wait_reserve (money reserved for a refund), wait_secure (payment under
  review), try_again (failed, the customer may try again).
- Errors (https://www.liqpay.ua/en/doc/api/errors): {"status": "error", "err_code", "err_description"}, sent
  when a request's status is failure or error: anti-fraud (limit, frod, decline), non-financial (err_auth ...
  expired_qr, 5) and financial (90, 101-115, 2903, 2915, 3914, 9851-9989) codes. The whole table with its
  descriptions as a LiqPay integration copies it: a LiqPayHandler ERROR_DESCRIPTION / STATUSES (PHP) and the
  liqpy LiqpayAntiFraudErrcode / LiqpayNonFinancialErrcode / LiqpayFinancialErrcode literals.
- Payment types (paytype, the checkout and callback parameters): card, liqpay,
  privat24, masterpass, moment_part (installments), paypart, cash, invoice, qr, apay, gpay.

The callback arrives as two POST parameters, data (base64 of the JSON) and signature: ``prepare`` decodes data when
a row keeps it so (a row starting "eyJ" is base64 of a JSON object).

A payment the customer did not confirm in time (err_code expired_3ds, expired_otp, ... expired_prepared) is
CANCELLED, never a decline. ``sender_card_country`` is numeric (804): not read as a country.

Lifecycle identity: LiqPay's payment_id is the attempt; the merchant's order_id is the payment; a refund
(action refund, or status reversed) names the payment it refunds by the same ids and has no id of its own.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

STATUSES = {
    "success": "APPROVED",
    "hold_wait": "APPROVED",  # the amount is held: an authorization awaiting completion
    "wait_accept": "APPROVED",  # the customer has paid; the shop's verification is pending
    "wait_compensation": "APPROVED",  # paid; compensated in the daily payout
    "subscribed": "APPROVED",  # the subscription is issued (its first payment made)
    "failure": "DECLINED",
    "try_again": "DECLINED",
    "error": "ERROR",
    "reversed": "REFUNDED",
    **{waiting: "PENDING" for waiting in (
        "3ds_verify", "captcha_verify", "cvv_verify", "ivr_verify", "otp_verify", "password_verify",
        "phone_verify", "pin_verify", "receiver_verify", "sender_verify", "senderapp_verify", "wait_qr",
        "wait_sender", "p24_verify", "mp_verify", "cash_wait", "invoice_wait", "prepared", "processing",
        "wait_card", "wait_lc", "wait_reserve", "wait_secure")},
}

# err_code (https://www.liqpay.ua/en/doc/api/errors).
REASONS = {
    # Anti-fraud.
    "limit": "LIMIT_EXCEEDED",
    "frod": "RISK_REJECTED",
    "decline": "RISK_REJECTED",
    # Non-financial.
    "err_auth": "CONFIGURATION_ERROR",
    "err_cache": "INVALID_REQUEST",
    "user_not_found": "INVALID_REQUEST",
    "err_sms_send": "PROCESSING_ERROR",
    "err_sms_otp": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "shop_blocked": "CONFIGURATION_ERROR",
    "shop_not_active": "CONFIGURATION_ERROR",
    "invalid_signature": "CONFIGURATION_ERROR",
    "order_id_empty": "INVALID_REQUEST",
    "err_shop_not_agent": "CONFIGURATION_ERROR",
    "err_card_def_notfound": "CONFIGURATION_ERROR",
    "err_no_card_token": "INVALID_REQUEST",
    "err_card_liqpay_def": "TRANSACTION_NOT_PERMITTED",
    "err_card_type": "TRANSACTION_NOT_PERMITTED",
    "err_card_country": "TRANSACTION_NOT_PERMITTED",
    "err_limit_amount": "LIMIT_EXCEEDED",
    "err_payment_amount_limit": "LIMIT_EXCEEDED",
    "amount_limit": "LIMIT_EXCEEDED",
    "payment_err_sender_card": "TRANSACTION_NOT_PERMITTED",
    "payment_processing": "PROCESSING_ERROR",
    "err_payment_discount": "INVALID_REQUEST",
    "err_wallet": "PROCESSING_ERROR",
    "err_get_verify_code": "AUTHENTICATION_REQUIRED",
    "err_verify_code": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "wait_info": "PROCESSING_ERROR",
    "err_path": "INVALID_REQUEST",
    "err_payment_cash_acq": "CONFIGURATION_ERROR",
    "err_split_amount": "INVALID_REQUEST",
    "err_card_receiver_def": "CONFIGURATION_ERROR",
    "payment_err_status": "INVALID_REQUEST",
    "public_key_not_found": "CONFIGURATION_ERROR",
    "payment_not_found": "INVALID_REQUEST",
    "payment_not_subscribed": "INVALID_REQUEST",
    "wrong_amount_currency": "INVALID_REQUEST",
    "err_amount_hold": "INVALID_REQUEST",
    "err_access": "CONFIGURATION_ERROR",
    "order_id_duplicate": "DUPLICATE",
    "err_blocked": "CONFIGURATION_ERROR",
    "err_empty": "INVALID_REQUEST",
    "err_empty_phone": "INVALID_REQUEST",
    "err_missing": "INVALID_REQUEST",
    "err_wrong": "INVALID_REQUEST",
    "err_wrong_currency": "INVALID_REQUEST",
    "err_phone": "INVALID_REQUEST",
    "err_card": "INVALID_CARD_DATA",
    "err_card_bin": "INVALID_CARD_DATA",
    "err_terminal_notfound": "CONFIGURATION_ERROR",
    "err_commission_notfound": "CONFIGURATION_ERROR",
    "err_payment_create": "PROCESSING_ERROR",
    "err_mpi": "AUTHENTICATION_FAILED",  # the card could not be checked (3-D Secure MPI)
    "err_currency_is_not_allowed": "TRANSACTION_NOT_PERMITTED",
    "err_look": "PROCESSING_ERROR",
    "err_mods_empty": "PROCESSING_ERROR",
    "payment_err_type": "INVALID_REQUEST",
    "err_payment_currency": "TRANSACTION_NOT_PERMITTED",
    "err_payment_exchangerates": "PROCESSING_ERROR",
    "err_signature": "CONFIGURATION_ERROR",
    "err_api_action": "INVALID_REQUEST",
    "err_api_callback": "INVALID_REQUEST",
    "err_api_ip": "CONFIGURATION_ERROR",
    "5": "TRANSACTION_NOT_PERMITTED",  # the card does not support 3-D Secure
    # Financial.
    "90": "PROCESSING_ERROR",  # general error during processing
    "101": "INVALID_REQUEST",  # the token was created by another merchant
    "102": "INVALID_REQUEST",  # the token is not active
    "103": "LIMIT_EXCEEDED",  # the token's maximum purchase amount reached
    "104": "LIMIT_EXCEEDED",  # the token's transaction limit reached
    "105": "TRANSACTION_NOT_PERMITTED",  # card not supported
    "106": "CONFIGURATION_ERROR",  # the merchant may not pre-authorize
    "107": "CONFIGURATION_ERROR",  # the acquirer does not support 3-D Secure
    "108": "INVALID_REQUEST",  # no such token
    "109": "LIMIT_EXCEEDED",  # attempt limit from this IP
    "110": "TIMEOUT",  # the session expired
    "111": "RESTRICTED_CARD",  # the card's branch is blocked
    "112": "LIMIT_EXCEEDED",  # the card's daily limit for the branch
    "113": "TRANSACTION_NOT_PERMITTED",  # P2P to foreign banks' cards closed for now
    "114": "LIMIT_EXCEEDED",  # completion limit reached
    "115": "INVALID_REQUEST",  # wrong receiver name
    "2903": "LIMIT_EXCEEDED",  # the card's daily limit
    "2915": "DUPLICATE",  # this order_id already exists
    "3914": "TRANSACTION_NOT_PERMITTED",  # payments from this country are forbidden
    "9851": "EXPIRED_CARD",
    "9852": "INVALID_CARD_DATA",
    "9854": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},  # declined, try again later
    "9855": "TRANSACTION_NOT_PERMITTED",
    "9857": "TRANSACTION_NOT_PERMITTED",
    "9859": "INSUFFICIENT_FUNDS",
    "9860": "LIMIT_EXCEEDED",
    "9861": "LIMIT_EXCEEDED",  # the card's internet payment limit
    "9863": "RESTRICTED_CARD",
    "9867": "INVALID_REQUEST",  # wrong transaction amount
    "9868": "GENERIC_DECLINE",
    "9872": "GENERIC_DECLINE",
    "9882": "TRANSACTION_NOT_PERMITTED",
    "9886": "CONFIGURATION_ERROR",  # the merchant may not make recurring payments
    "9961": "GENERIC_DECLINE",
    "9989": "INVALID_CARD_DATA",
}

# The customer did not confirm in time: the payment was abandoned.
EXPIRED = ["expired_phone", "expired_3ds", "expired_otp", "expired_cvv", "expired_p24", "expired_sender",
           "expired_pin", "expired_ivr", "expired_captcha", "expired_password", "expired_senderapp",
           "expired_prepared", "expired_mp", "expired_qr"]

PAYMENT_METHODS = {
    "card": "CARD",
    "liqpay": "WALLET",
    "masterpass": "WALLET",
    "apay": "WALLET",
    "gpay": "WALLET",
    "privat24": "BANK_TRANSFER",
    "invoice": "BANK_TRANSFER",
    "moment_part": "BNPL",
    "paypart": "BNPL",
    "cash": "CASH_VOUCHER",
    "qr": "OTHER",
}

ACTIONS = ["pay", "hold", "subscribe", "paydonate", "auth", "regular", "refund", "status", "hold_completion",
           "unsubscribe", "paysplit", "apay", "gpay"]

_FIELDS = {
    "provider_transaction_id": ["payment_id", "transaction_id"],
    "status": ["status"],
    "reason_code": ["err_code", "code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["end_date", "create_date"],
    "payment_method": ["paytype"],
    "card_brand": ["sender_card_type"],
    "merchant_id": ["public_key"],
    "attempt_id": ["payment_id"],
    "payment_id": ["order_id"],
}

def prepare(body: Any) -> Any:
    """The callback's JSON, when the row keeps the POST parameters (data = base64 of the JSON, signature)."""
    if not isinstance(body, dict) or "status" in body:
        return body
    data, signature = body.get("data"), body.get("signature")
    if not isinstance(data, str) or not isinstance(signature, str):
        return body
    try:
        decoded = json.loads(base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError):
        return body
    return decoded if isinstance(decoded, dict) else body


SPEC = {
    "provider": "liqpay",
    "aliases": ["liqpay", "liq pay", "liqpay.ua", "privatbank liqpay", "privat liqpay"],
    "detect": [
        {"path": "liqpay_order_id", "exists": True, "weight": 0.5},
        {"path": "sender_card_mask2", "exists": True, "weight": 0.3},
        {"path": "acq_id", "exists": True, "weight": 0.2},
        {"path": "public_key", "prefix": ["sandbox_i", "i"], "weight": 0.1},
        {"path": "paytype", "in": list(PAYMENT_METHODS), "weight": 0.1},
        {"path": "action", "in": ACTIONS, "weight": 0.1},
        {"path": "status", "in": [s for s in STATUSES if s not in ("success", "failure", "error", "processing")],
         "weight": 0.2},
        {"path": "err_code", "exists": True, "weight": 0.25},
        {"path": "err_description", "exists": True, "weight": 0.25},
        {"path": "result", "in": ["ok", "error"], "weight": 0.1},
        # The callback's POST parameters: data (base64 of a JSON object: "eyJ...") and signature.
        {"path": "data", "prefix": "eyJ", "weight": 0.3},
        {"path": "signature", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "fields": _FIELDS,
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "unsubscribe.not_a_payment", "match": {"action": "unsubscribe"},
         "not_a_payment": "a LiqPay subscription cancelled: no payment"},
        {"name": "refund", "match": {"action": "refund"}, "event_kind": "REFUND",
         "fields": {"refund_id": ["refund_id"]},
         "status_map": {"success": "REFUNDED", "wait_reserve": "PENDING"}},
        {"name": "reversed", "match": {"status": "reversed"}, "event_kind": "REFUND",
         "fields": {"refund_id": ["refund_id"]}},
        {"name": "payment", "match": {"status": {"exists": True}},
         "rules": [{"when": {"err_code": EXPIRED}, "set": {"status_category": "CANCELLED"}}
                   ]},
    ],
}
