"""Skrill (Paysafe digital wallets): the Quick Checkout status_url notification (a form POST), the payout status
notification, and the Automated Payments / Merchant Query Interface error answer. Paysafe's own Payments API is
providers/paysafe.py: a different message kind.

Sources:
- "Appendix H: Failed Reason Codes" (docs.paysafe.com/docs/digital-wallets/quick-checkout/error-codes): the
  failed_reason_code values 01-80 ("mappings of codes Skrill receives from external processors and failures due
  to internal procedures"); the page could be read up to code 80 (fraud rules), later codes are not mapped.
- Quick Checkout status_url parameters (the Skrill Quick Checkout Integration Guide, docs.paysafe.com quick
  checkout pages): pay_to_email (the merchant), pay_from_email (the customer), merchant_id, customer_id,
  transaction_id (the merchant's reference), mb_transaction_id (Skrill's id), mb_amount / mb_currency (in the
  merchant account's currency), amount / currency (the amount the merchant posted, major units), status
  (2 processed, 0 pending, -1 cancelled, -2 failed, -3 chargeback), failed_reason_code, md5sig, sha2sig,
  payment_type, merchant_fields. The status list and payment_type codes rest on the guide as recalled, not a
  stored page.
- "Payout Status Notification" (docs.paysafe.com/docs/digital-wallets/unlinked-merchant-bank-payouts/
  payout-status-notification): pay_from_email is the merchant, pay_to_email the payee, mb_amount /
  mb_currency, status -2 failed, 2 processed, 0 pending, 1 scheduled, -1 cancelled, -4 returned: not a payment.
- "Appendix B: Error Messages" (docs.paysafe.com/docs/digital-wallets/api-mqi/error-messages): the Automated
  Payments and MQI error codes (INVALID_OR_MISSING_ACTION, INVALID_*, MISSING_*, LOGIN_INVALID, CANNOT_LOGIN,
  PAYMENT_DENIED, ALREADY_EXECUTED, BALANCE_NOT_ENOUGH, ...). Their XML envelope
  (``<response><error><error_msg>``) is from recollection.

A status_url post of a failed payment (-2) names its reason in failed_reason_code (only when the merchant has
it enabled); -1 is a payment the customer cancelled; -3 a chargeback of an earlier payment.

Lifecycle identity: mb_transaction_id is the attempt, the merchant's transaction_id the payment; a chargeback
(-3) is the dispute of that attempt, with no id of its own.
"""

from __future__ import annotations

STATUSES = {"2": "APPROVED", "0": "PENDING", "-1": "CANCELLED", "-2": "DECLINED", "-3": "CHARGEBACK"}

REASONS = {
    "01": "GENERIC_DECLINE",  # referred by card issuer
    "02": "CONFIGURATION_ERROR",  # invalid merchant, account inactive
    "03": "LOST_OR_STOLEN_CARD",  # pick-up card
    "04": "GENERIC_DECLINE",  # declined by card issuer
    "05": "INSUFFICIENT_FUNDS",
    "06": "GENERIC_DECLINE",  # merchant / NETELLER / processor declined
    "07": "AUTHENTICATION_FAILED",  # incorrect PIN
    "08": "AUTHENTICATION_FAILED",  # PIN tries exceeded, card blocked
    "09": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "10": "LIMIT_EXCEEDED",  # transaction frequency limit exceeded
    "11": "LIMIT_EXCEEDED",  # invalid amount: too high, too low, limit exceeded
    "12": "INVALID_CARD_DATA",  # invalid credit card or bank account
    "13": "INVALID_CARD_DATA",  # invalid card issuer
    "15": "DUPLICATE",  # duplicate transaction reference
    "19": "CONFIGURATION_ERROR",  # authentication credentials expired / invalid
    "20": "TRANSACTION_NOT_PERMITTED",  # NETELLER member in a blocked country
    "22": "INVALID_REQUEST",  # unsupported Accept header or content type
    "24": "EXPIRED_CARD",
    "27": "INVALID_REQUEST",  # API function not supported
    "28": "LOST_OR_STOLEN_CARD",
    "30": "INVALID_REQUEST",  # format failure
    "31": "LIMIT_EXCEEDED",  # limit exceeded with provider
    "32": "INCORRECT_CVC",  # card security code check failed
    "34": "TRANSACTION_NOT_PERMITTED",  # illegal transaction
    "35": "TRANSACTION_NOT_PERMITTED",  # member / merchant not entitled, account closed
    "37": "RESTRICTED_CARD",  # card restricted by card issuer
    "38": "SUSPECTED_FRAUD",  # security violation
    "42": "RESTRICTED_CARD",  # card blocked by card issuer
    "44": "ISSUER_UNAVAILABLE",  # issuing bank or network not available
    "45": "TRANSACTION_NOT_PERMITTED",  # card type not processed by the authorisation centre
    "51": "PROCESSING_ERROR",  # system error
    "58": "TRANSACTION_NOT_PERMITTED",  # not permitted by acquirer
    "63": "TRANSACTION_NOT_PERMITTED",  # not permitted for cardholder
    "64": "INVALID_REQUEST",  # invalid account / field / reference, bad request
    "67": "UNKNOWN",  # BitPay session expired (CANCELLED, see EXPIRED_REASONS)
    "68": "INVALID_REQUEST",  # referenced transaction not settled
    "69": "AUTHENTICATION_REQUIRED",  # referenced transaction not fully authenticated
    "70": "AUTHENTICATION_FAILED",  # customer failed 3DS verification
    "80": "RISK_REJECTED",  # fraud rules
}
EXPIRED_REASONS = ["67"]

# Automated Payments / MQI error codes (Appendix B).
API_ERRORS = {
    "INVALID_OR_MISSING_ACTION": "INVALID_REQUEST",
    "INVALID_REC_PAYMENT_ID": "INVALID_REQUEST",
    "LOGIN_INVALID": "CONFIGURATION_ERROR",
    "PAYOUTS_NOT_ENABLED": "CONFIGURATION_ERROR",
    "CANNOT_LOGIN": "CONFIGURATION_ERROR",
    "PAYMENT_DENIED": "CONFIGURATION_ERROR",  # API not enabled or IP not allowed
    "NO_LOGIN_EXPLANATION": "CONFIGURATION_ERROR",
    "ALREADY_EXECUTED": "DUPLICATE",
    "EXECUTION_PENDING": "DUPLICATE",
    "BALANCE_NOT_ENOUGH": "INSUFFICIENT_FUNDS",
    "CHECK_FOR_VERIFIED_EMAIL": "CONFIGURATION_ERROR",
    "COUNTRY_BLOCKED_FOR_PAYMENTS": "TRANSACTION_NOT_PERMITTED",
    "DISALLOWED_CROSS_REGION_PAYMENT": "TRANSACTION_NOT_PERMITTED",
    "DISALLOWED_RECIPIENT": "TRANSACTION_NOT_PERMITTED",
    "INVALID_AMOUNT": "INVALID_REQUEST",
    "INVALID_BNF_EMAIL": "INVALID_REQUEST",
}

# Quick Checkout payment_type codes (recollection of the guide's payment method codes).
PAYMENT_METHODS = {
    "WLT": "WALLET", "NTL": "WALLET", "PSC": "CASH_VOUCHER", "ACC": "CARD", "VSA": "CARD", "MSC": "CARD",
    "VSD": "CARD", "VSE": "CARD", "MAE": "CARD", "AMX": "CARD", "DIN": "CARD", "JCB": "CARD", "GCB": "CARD",
    "OBT": "BANK_TRANSFER", "GIR": "BANK_TRANSFER", "DID": "DIRECT_DEBIT", "SFT": "BANK_TRANSFER",
    "IDL": "BANK_TRANSFER", "NPY": "BANK_TRANSFER", "PLI": "BANK_TRANSFER", "EPY": "BANK_TRANSFER",
}

SPEC = {
    "provider": "skrill",
    "aliases": ["skrill", "moneybookers", "skrill quick checkout", "skrill.com", "paysafe skrill"],
    "detect": [
        {"path": "mb_transaction_id", "exists": True, "weight": 0.35},
        {"path": "mb_amount", "exists": True, "weight": 0.15},
        {"path": "mb_currency", "exists": True, "weight": 0.1},
        {"path": "pay_to_email", "exists": True, "weight": 0.1},
        {"path": "pay_from_email", "exists": True, "weight": 0.05},
        {"path": "md5sig", "exists": True, "weight": 0.05},
        {"path": "response.error.error_msg", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["mb_transaction_id"],
        "status": ["status"],
        "reason_code": ["failed_reason_code"],
        "amount": ["amount", "mb_amount"],
        "currency": ["currency", "mb_currency"],
        "payment_method": ["payment_type"],
        "merchant_id": ["merchant_id"],
        "attempt_id": ["mb_transaction_id"],
        "payment_id": ["transaction_id"],
    },
    "variants": [
        {"name": "api_error", "match": {"response.error.error_msg": {"exists": True}}, "status": "ERROR",
         "reason_map": API_ERRORS,
         "fields": {"provider_transaction_id": [], "reason_code": ["response.error.error_msg"], "amount": [],
                    "currency": [], "attempt_id": [], "payment_id": []}},
        {"name": "payout_notification",
         "match": {"mb_transaction_id": {"exists": True}, "customer_id": {"exists": False},
                   "amount": {"exists": False}},
         "not_a_payment": "a payout from the merchant's wallet (pay_from_email is the merchant)"},
        {"name": "status_url", "match": {"mb_transaction_id": {"exists": True}, "status": {"in": list(STATUSES)}},
         "rules": [{"when": {"status": "-2", "failed_reason_code": EXPIRED_REASONS},
                    "set": {"status_category": "CANCELLED"}}]},
    ],
}
