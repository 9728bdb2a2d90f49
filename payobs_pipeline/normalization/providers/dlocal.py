"""dLocal: Payins API payments (response and notification bodies), refunds and chargebacks.

Sources (dLocal docs):
- https://docs.dlocal.com/reference/payment-status-codes (PENDING 100, PAID 200, REJECTED 300, CANCELLED 400,
  AUTHORIZED 600, VERIFIED 700; rejection codes 300-326)
- https://docs.dlocal.com/reference/the-payment-object (id "D-4-...", amount in the currency's major units,
  currency, country, payment_method_id / payment_method_type / payment_method_flow, card.brand,
  created_date / approved_date, status, status_code, status_detail)
- https://docs.dlocal.com/docs/cash-payments (OXXO ``OX``, Boleto ``BL``: type ``TICKET``),
  https://docs.dlocal.com/docs/pix (``PQ``), https://docs.dlocal.com/docs/bank-transfer-payments
- https://docs.dlocal.com/reference/refund-status-codes (PENDING, SUCCESS, REJECTED, CANCELLED),
  https://docs.dlocal.com/reference/chargebacks (chargeback notifications, ids "CHAR...")
- fmazzoli-dlocal/documentation payins-api-reference/payments.md (older docs: ids ``PAY...``)
- docs.dlocalgo.com (dLocal Go payments: ids ``DP-...``, ``merchant_checkout_token``, ``redirect_url``)
- https://docs.dlocal.com/reference/http-errors-payments and /reference/http-errors-cards (API error bodies
  ``{"code": 5008, "message": ..., "param": ...}`` with HTTP 4xx/5xx: 3001-3003, 4000, 5000-5015)
- The redirect back to the merchant after a REDIRECT-flow payment, as Wikimedia DonationInterface stores it
  (tests/phpunit/includes/Responses/dlocal/CashPaymentRedirect*.response; from SDK fixtures, no stored dLocal page):
  form-encoded status, date, signature and payment_id (an R-... id): the payment's status, no amount.
Notifications are POSTed with the same body as the payment object. An error body ({code, message}) is not
distinctive enough to claim without a provider hint; with one it maps.

The legacy card API (dLocal / AstroPay "api_curl", x_version 4.0: /api_curl/cc/sale, /auth, /capture) answers
form posts with flat x_* fields. No public reference of that retired API was found; what is read here is what
two client libraries' own source (not their tests) says of its answers:
- wix-playground/libpay-dlocal libpay-dlocal/src/main/scala/com/wix/pay/dlocal/package.scala: ``status`` "OK"
  is an answered call, anything else an error with ``error_code`` and ``desc``; the transaction's ``result`` is
  1 Canceled, 7 Pending, 8 Rejected (``desc`` the rejection), 9 Approved (a sale or a capture), 11 Authorized
  (an authorization, named by ``x_auth_id``); a sale names its transaction in ``x_document``; requests carry
  x_invoice, x_amount, x_currency and a capture x_auth_id.
- Business::OnlinePayment::DLocal (CPAN, lib/Business/OnlinePayment/DLocal.pm): sale and auth succeed on result
  9 or 11; the merchant's credentials are ``x_login`` and ``x_trans_key``, ``control`` the HMAC of the request
  under the secret key; a refund answers result 1 on success, so result 1 means different things by endpoint
  and is left unmapped (the answer stays unprocessed).
The ``desc`` of a rejection is free text no reference lists, so it is kept as the raw reason and maps to no
failure reason. An error whose ``desc`` names a credential parameter (x_login, x_trans_key) is the merchant's
set-up (CONFIGURATION_ERROR); other errors keep no reason.
"""

from __future__ import annotations

import re
from typing import Any

_CARD_BRANDS = {
    "VI": "visa", "MC": "mastercard", "AE": "amex", "EL": "elo", "HI": "hipercard", "DC": "diners", "JC": "jcb",
}

# status_code of REJECTED payments.
REASONS = {
    "300": "GENERIC_DECLINE",  # the payment was rejected
    "301": "GENERIC_DECLINE",  # rejected by bank
    "302": "INSUFFICIENT_FUNDS",  # insufficient amount
    "303": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # card blacklisted
    "304": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # score validation
    "305": "LIMIT_EXCEEDED",  # max attempts reached
    "306": "GENERIC_DECLINE",  # call bank for authorize
    "307": "DUPLICATE",  # duplicated payment
    "308": "RESTRICTED_CARD",  # credit card disabled
    "309": "EXPIRED_CARD",
    "310": "LOST_OR_STOLEN_CARD",  # card reported lost
    "311": "LOST_OR_STOLEN_CARD",  # card requested by the bank (pick up)
    "312": "RESTRICTED_CARD",  # card restricted by the bank
    "313": "LOST_OR_STOLEN_CARD",  # card reported stolen
    "314": "INVALID_CARD_DATA",  # invalid card number
    "315": "INCORRECT_CVC",  # invalid security code
    "316": "TRANSACTION_NOT_PERMITTED",  # unsupported operation
    "317": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # rejected due to high risk
    "318": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "319": "LIMIT_EXCEEDED",  # amount exceeded
    "320": "AUTHENTICATION_REQUIRED",  # 3D-Secure is required
    "321": "PROCESSING_ERROR",  # error in acquirer
    "322": "RESTRICTED_CARD",  # wallet disabled
    "323": "INVALID_CARD_DATA",  # invalid user account
    "324": "AUTHENTICATION_FAILED",  # invalid PIN
    "325": "LIMIT_EXCEEDED",  # transaction frequency limit exceeded
    "326": "RESTRICTED_CARD",  # user account disabled or blocked
}

# API error codes (http-errors-payments, http-errors-cards). Codes not listed take their range's reason
# (3xxx credentials and permissions, 4xxx not found, 5xxx invalid request, 7xxx dLocal's failure).
API_ERRORS = {
    "3001": "CONFIGURATION_ERROR",  # Invalid Credentials (403)
    "3002": "CONFIGURATION_ERROR",  # Unregistered IP address (403)
    "3003": "CONFIGURATION_ERROR",  # Merchant has no authorization to use this API (403)
    "4000": "INVALID_REQUEST",  # Payment not found (404)
    "5000": "INVALID_REQUEST",  # Invalid request
    "5001": "INVALID_REQUEST",  # Missing / invalid parameter
    "5002": "INVALID_REQUEST",  # Invalid transaction status
    "5003": "TRANSACTION_NOT_PERMITTED",  # Country not supported
    "5004": "TRANSACTION_NOT_PERMITTED",  # Currency not allowed for this country
    "5005": "TRANSACTION_NOT_PERMITTED",  # User unauthorized due to cadastral situation
    "5006": "LIMIT_EXCEEDED",  # User limit exceeded
    "5007": "LIMIT_EXCEEDED",  # Amount exceeded
    "5008": "INVALID_REQUEST",  # Token not found or inactive
    "5009": "DUPLICATE",  # Order ID is duplicated
    "5010": "TRANSACTION_NOT_PERMITTED",  # Method not available
    "5011": "INVALID_REQUEST",  # Enrollment not found
    "5013": "TRANSACTION_NOT_PERMITTED",  # Unsupported operation
    "5015": "GENERIC_DECLINE",  # The card was rejected by the bank (a decline, not an error)
}
_API_ERROR_RULES = [
    {"when": {"code": {"prefix": "3"}}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"code": {"prefix": ["4", "5", "6"]}}, "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"code": {"prefix": ["7", "8", "9"]}}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    *({"when": {"code": sorted(c for c, r in API_ERRORS.items() if r == reason)}, "set": {"failure_reason": reason}}
      for reason in sorted(set(API_ERRORS.values()))),
    {"when": {"code": "5015"}, "set": {"status_category": "DECLINED"}},
]

PAYMENT_METHOD_TYPES = {
    "CARD": "CARD",
    "BANK_TRANSFER": "BANK_TRANSFER",
    "TICKET": "CASH_VOUCHER",
    "WALLET": "WALLET",
    "DIRECT_DEBIT": "DIRECT_DEBIT",
}

_PAYMENT_STATUSES = {
    "PENDING": "PENDING",
    "PAID": "APPROVED",
    "AUTHORIZED": "APPROVED",
    "VERIFIED": "APPROVED",  # a card verification (zero amount) that succeeded
    "REJECTED": "DECLINED",
    "CANCELLED": "CANCELLED",
}


# Legacy api_curl answers (module docstring): ``result`` of an answered call. 1 is left out (Canceled for a void,
# success for a refund).
LEGACY_RESULTS = {"7": "PENDING", "8": "DECLINED", "9": "APPROVED", "11": "APPROVED"}
# prepare() names an error's cause here when its desc names a merchant credential parameter.
LEGACY_ERROR_CAUSE_KEY = "_payobs_legacy_error_cause"
_CREDENTIAL_PARAMETERS = re.compile(r"\b(x_login|x_trans_key)\b", re.IGNORECASE)
_LEGACY_FIELDS = {
    "provider_transaction_id": ["x_document", "x_auth_id"],
    "status": ["result"],
    "reason_code": ["desc"],
    "amount": ["x_amount_paid", "x_amount"],
    "currency": ["x_currency"],
    "attempt_id": ["x_document", "x_auth_id"],
    "payment_id": ["x_invoice"],
}

# Payouts v3 ``purpose`` values.
_PAYOUT_PURPOSES = ["REMITTANCES", "PAYROLL", "SUPPLIER_PAYMENT", "REFUND", "AID", "INVESTMENT", "OTHER"]
_NOT_A_PAYMENT = "a dLocal payout (money sent to a beneficiary), not a payment"

SPEC = {
    "provider": "dlocal",
    "aliases": ["dlocal", "d_local", "dlocal_payins", "dlocalgo"],
    "detect": [
        {"path": "id", "prefix": ["D-", "DP-", "REF-", "CHAR"], "weight": 0.4},
        {"path": "payment_method_flow", "in": ["DIRECT", "REDIRECT"], "weight": 0.4},
        {"path": "payment_id", "prefix": ["D-", "DP-"], "weight": 0.3},
        # The redirect back to the merchant after a REDIRECT-flow payment (payment_id, status, date, signature;
        # Wikimedia DonationInterface tests/phpunit/includes/Responses/dlocal/CashPaymentRedirect*.response):
        # the R- payment id dLocal gives a redirect payment, signed.
        {"path": "payment_id", "prefix": "R-", "weight": 0.4},
        {"path": "signature", "exists": True, "weight": 0.1},
        {"path": "status_code", "exists": True, "weight": 0.1},
        {"path": "payment_method_type", "in": ["CARD", "BANK_TRANSFER", "TICKET"], "weight": 0.1},
        # dLocal Go: its hosted checkout token and URL.
        {"path": "merchant_checkout_token", "exists": True, "weight": 0.3},
        {"path": "redirect_url", "prefix": ["https://checkout.dlocalgo.com/", "https://checkout-sbx.dlocalgo.com/"],
         "weight": 0.5},
        # Legacy api_curl card answers: the merchant's invoice, the request's signature echoed back, and the
        # amounts the call paid or captured.
        {"path": "x_invoice", "exists": True, "weight": 0.2},
        {"path": "control", "exists": True, "weight": 0.1},
        {"path": "x_auth_id", "exists": True, "weight": 0.1},
        {"path": "x_document", "exists": True, "weight": 0.2},
        {"path": "x_amount_paid", "exists": True, "weight": 0.2},
        {"path": "x_amount_captured", "exists": True, "weight": 0.2},
        {"path": "cc_descriptor", "exists": True, "weight": 0.2},
        # Payouts (recognised so they are kept out of payment metrics): v3 objects and v2 notifications.
        {"path": "flow_type", "in": ["B2C", "B2B", "P2P"], "weight": 0.3},
        {"path": "purpose", "in": _PAYOUT_PURPOSES, "weight": 0.2},
        {"path": "cashout_id", "exists": True, "weight": 0.5},
    ],
    "amount_unit": "major",
    "status_map": _PAYMENT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHOD_TYPES,
    # card.brand is dLocal's two-letter code (VI, MC, ...).
    "card_brand_map": _CARD_BRANDS,
    "variants": [
        # Payouts v3 object/notification (a beneficiary instead of a payer) and the v2 cashout notification.
        {"name": "payout", "match": {"beneficiary": {"exists": True}}, "not_a_payment": _NOT_A_PAYMENT},
        {"name": "payout", "match": {"cashout_id": {"exists": True}}, "not_a_payment": _NOT_A_PAYMENT},
        # Legacy api_curl answers (module docstring).
        {"name": "legacy.error", "match": {"status": "ERROR", "error_code": {"exists": True},
                                           "x_invoice": {"exists": False}, "id": {"exists": False}},
         "status": "ERROR", "default_payment_method": None,
         # error_code is the raw reason; it is not the Payins rejection code of the same number (REASONS).
         "fields": {"reason_code": ["error_code"]},
         "rules": [{"when": {}, "set": {"failure_reason": "UNKNOWN"}},
                   {"when": {LEGACY_ERROR_CAUSE_KEY: "credentials"},
                    "set": {"failure_reason": "CONFIGURATION_ERROR"}}]},
        {"name": "legacy.capture", "match": {"result": {"exists": True}, "x_auth_id": {"exists": True},
                                             "x_amount_captured": {"exists": True}},
         "event_kind": "CAPTURE", "status_map": LEGACY_RESULTS,
         "fields": {**_LEGACY_FIELDS, "amount": ["x_amount_captured", "x_amount"], "attempt_id": ["x_auth_id"]},
         "default_payment_method": "CARD"},
        {"name": "legacy.card", "match": {"result": {"exists": True}, "x_invoice": {"exists": True},
                                          "x_currency": {"exists": True}},
         "event_kind": "AUTHORIZATION", "status_map": LEGACY_RESULTS,
         "fields": _LEGACY_FIELDS, "default_payment_method": "CARD"},
        {
            # An API error body (HTTP 4xx/5xx): no payment was made, or the card was refused (5015).
            "name": "api_error",
            "match": {"code": {"exists": True}, "message": {"exists": True}, "status": {"exists": False},
                      "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"]},
            "reason_map": API_ERRORS,
            "rules": _API_ERROR_RULES,
        },
        {
            "name": "chargeback",
            "match": {"id": {"prefix": "CHAR"}},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {
                # The chargeback's own id (CHAR...): the payment is its parent, like a refund's.
                "provider_transaction_id": ["id", "payment_id"],
                "dispute_id": ["id"],
                "attempt_id": ["payment_id"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["created_date"],
            },
        },
        {
            "name": "refund",
            "match": {"id": {"prefix": "REF"}, "payment_id": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {
                "provider_transaction_id": ["id", "payment_id"],  # the refund's own id (REF-...)
                "status": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["created_date"],
                "refund_id": ["id"],
                "attempt_id": ["payment_id"],  # the refunded payment
            },
            # refund-status-codes: PENDING 100, SUCCESS 200, REJECTED 300, CANCELLED 400.
            "status_map": {"PENDING": "PENDING", "SUCCESS": "REFUNDED", "REJECTED": "DECLINED",
                           "CANCELLED": "CANCELLED"},
        },
        {
            # The answer to a capture (POST /payments with authorization_id, reference/capture-authorization):
            # a payment object of its own naming the authorization it captures.
            "name": "capture",
            "match": {"authorization_id": {"exists": True}},
            "event_kind": "CAPTURE",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["status_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["approved_date", "created_date"],
                "customer_country": ["country"],
                "attempt_id": ["authorization_id"],
            },
            "rules": [{"when": {"status": "REJECTED", "status_code": "321"}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "payment",
            "fields": {
                # A redirect return names the payment as payment_id (no id of its own).
                "provider_transaction_id": ["id", "payment_id"],
                "status": ["status"],
                "reason_code": ["status_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["approved_date", "created_date"],
                "payment_method": ["payment_method_type"],
                "card_brand": ["card.brand"],
                # The payment's country (the-payment-object: "country of the payment"), the payer's.
                "customer_country": ["country"],
                # The payment (D-...) is the attempt; order_id is the merchant's id of the payment
                # (reference/the-order-object: "the ID of the payment given by the merchant").
                "attempt_id": ["id", "payment_id"],
                "payment_id": ["order_id"],
            },
            "rules": [
                # The method id is more precise than its type: Boleto is a TICKET, Pix a bank transfer.
                {"when": {"payment_method_id": "BL"}, "set": {"payment_method": "BOLETO"}},
                {"when": {"payment_method_id": "PQ"}, "set": {"payment_method": "PIX"}},
                # OXXO and Rapipago are cash tickets even when the stored body lost its method type.
                {"when": {"payment_method_id": ["OX", "RP"]}, "set": {"payment_method": "CASH_VOUCHER"}},
                {"when": {"payment_method_id": "CARD"}, "set": {"payment_method": "CARD"}},
                # An acquirer fault is technical, not a decision on the payment.
                {"when": {"status": "REJECTED", "status_code": "321"}, "set": {"status_category": "ERROR"}},
            ],
        },
    ],
}


def prepare(body: Any) -> Any:
    """A legacy api_curl error's cause: the merchant's credentials when its desc names x_login or x_trans_key.

    Pure: returns a copy when it changes something; the original is untouched.
    """
    if isinstance(body, dict) and body.get("status") == "ERROR" and body.get("error_code") is not None:
        desc = body.get("desc")
        if isinstance(desc, str) and _CREDENTIAL_PARAMETERS.search(desc):
            return {**body, LEGACY_ERROR_CAUSE_KEY: "credentials"}
    return body
