"""Hubtel (Ghana): the Online Checkout's web callback {ResponseCode, Status, Data {...}} and the Sales API's
response codes.

Sources:
- Checkout callback (hubtel.readme.io/reference/checkout-callback, "Sample Web Checkout Webhook"): {ResponseCode
  "0000", Status "Success", Data {CheckoutId, SalesInvoiceId, ClientReference, Status, Amount (a decimal: 0.5),
  CustomerPhoneNumber, PaymentDetails {MobileMoneyNumber, PaymentType "mobilemoney", Channel "mtn-gh"},
  Description}}.
- API Reference - Online Checkout (dev-docs.hubtel.com/frontend/tools-and-sdks/checkout/api-reference.html;
  businessdocs-developers.hubtel.com): checkoutId "unique Hubtel reference for the transaction", clientReference
  the merchant's (max 32 characters); payment by mobile money, card, GHQR, Hubtel wallet; "the checkout invoice has
  three statuses: pending, completed and cancelled".
- Response codes (hubtel.readme.io/reference/response-codes, Hubtel Sales API): 0000 processed successfully; 0001
  accepted, a callback will follow; 0005 HTTP failure reaching the payment partner, "the transaction state is not
  known"; 2001 failed at the payment processor (no or invalid PIN, USSD timeout, ...); 2100 customer's phone switched
  off; 2101 invalid Airtel Money PIN; 2102 Airtel Money insufficient funds; 2103 number not registered on Airtel
  Money; 2050 MTN Mobile Money insufficient funds; 2051 number not registered on MTN Mobile Money; 2152 not
  registered on Tigo Cash; 2153 above Tigo Cash's maximum; 2154 above Tigo Cash's daily limit; 2200 / 2201 recipient
  / customer not registered on Vodafone Cash. The 4xxx codes (4000 validation errors, 4101 business not set up or
  authorization failed, 4103 permission denied) are from recollection of the same page, cut short in the store.
- Currency: the callback carries none; Hubtel's checkout and Sales API collect in Ghana cedis (the channels are the
  Ghanaian networks mtn-gh, vodafone-gh, tigo-gh), so GHS is the one currency (a reading, not a sentence of the docs).

The callback's ResponseCode gives the outcome and the reason (Data.Status only repeats it). Not mapped: the checkout
invoice's status check (pending / completed / cancelled) whose answer was not in a stored page, and cancellations
(the callback is sent for a final payment outcome; a cancelled invoice sends no documented code).
"""

from __future__ import annotations

RESPONSE_CODES = {
    "0000": "APPROVED",
    "0001": "PENDING",
    "0005": "UNKNOWN",  # the payment partner could not be reached: the transaction's state is not known
}
REASONS = {
    "0005": "TIMEOUT",
    "2001": "AUTHENTICATION_FAILED",  # no or invalid PIN, USSD session timeout, ... at the payment processor
    "2100": "ISSUER_UNAVAILABLE",  # the customer's phone is switched off
    "2101": "AUTHENTICATION_FAILED",  # invalid Airtel Money PIN
    "2102": "INSUFFICIENT_FUNDS",  # Airtel Money
    "2103": "INVALID_CARD_DATA",  # number not registered on Airtel Money
    "2050": "INSUFFICIENT_FUNDS",  # MTN Mobile Money
    "2051": "INVALID_CARD_DATA",  # number not registered on MTN Mobile Money
    "2152": "INVALID_CARD_DATA",  # not registered on Tigo Cash
    "2153": "LIMIT_EXCEEDED",  # above Tigo Cash's maximum
    "2154": "LIMIT_EXCEEDED",  # above Tigo Cash's daily limit
    "2200": "INVALID_CARD_DATA",  # recipient not registered on Vodafone Cash
    "2201": "INVALID_CARD_DATA",  # customer not registered on Vodafone Cash
    "4000": "INVALID_REQUEST",
    "4101": "CONFIGURATION_ERROR",
    "4103": "CONFIGURATION_ERROR",
}
# A failed payment's codes are declines; the 4xxx codes are errors of the request.
STATUSES = {
    **RESPONSE_CODES,
    **{code: "DECLINED" for code in REASONS if code.startswith("2")},
    **{code: "ERROR" for code in REASONS if code.startswith("4")},
}
PAYMENT_METHODS = {"mobilemoney": "WALLET", "card": "CARD", "wallet": "WALLET", "hubtel": "WALLET",
                   "ghqr": "WALLET", "bankpay": "BANK_TRANSFER"}

SPEC = {
    "provider": "hubtel",
    "aliases": ["hubtel", "hubtel.com", "hubtel checkout", "hubtel online checkout", "hubtel payments"],
    "detect": [
        {"path": "Data.CheckoutId", "exists": True, "weight": 0.4},
        {"path": "Data.SalesInvoiceId", "exists": True, "weight": 0.2},
        {"path": "Data.ClientReference", "exists": True, "weight": 0.1},
        {"path": "ResponseCode", "in": list(STATUSES), "weight": 0.2},
        {"path": "Data.PaymentDetails.Channel", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "GHS",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["Data.CheckoutId"],
        "status": ["ResponseCode"],
        "reason_code": ["ResponseCode"],
        "amount": ["Data.Amount"],
        "payment_method": ["Data.PaymentDetails.PaymentType"],
        "attempt_id": ["Data.CheckoutId"],
        "payment_id": ["Data.ClientReference"],
    },
    "variants": [
        {"name": "checkout_callback", "match": {"ResponseCode": {"exists": True}, "Data.CheckoutId": {"exists": True}}},
        {
            "name": "error",
            "match": {"ResponseCode": {"exists": True}, "Data.CheckoutId": {"exists": False}},
            "fields": {"provider_transaction_id": [], "amount": [], "attempt_id": []},
        },
    ],
}
