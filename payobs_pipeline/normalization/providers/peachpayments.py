"""Peach Payments (South Africa, Kenya, Mauritius; the Open Payment Platform / OPPWA API): Copy and Pay and
Server-to-Server payment results, webhooks and their result codes.

The OPPWA result codes (the documented regular-expression families and the specific codes), the payment fields,
rules and the prepare hook are shared with ACI Worldwide's own spec (``aci``) in ``_oppwa.py``, which cites the
result-code sources (docs.oppwa.com/reference/resultCodes and its mirrors, partner.peachpayments.com/docs/
result-codes).

Sources particular to Peach Payments:
- https://developer.peachpayments.com (Peach Payments' payment methods: cards, APPLEPAY, GOOGLEPAY, EFTSECURE /
  CAPITECPAY instant EFT, PAYFLEX / ZEROPAY / FLOAT buy now pay later, MASTERPASS / SCANTOPAY QR wallets, MPESA,
  1FORYOU cash voucher; webhooks {"type": "PAYMENT", "payload": {...}})
- https://partner.peachpayments.com/docs/result-codes (the result codes a payment service provider returns)

Detection: the same OPPWA document is Peach Payments' when its currency is one of Peach's markets (ZAR, KES,
MUR) or its brand one of Peach's local methods (EFTSECURE, CAPITECPAY, PAYFLEX, ...); any other OPPWA document
is ACI's (``aci``), and the platform's shape alone does not reach the detection threshold here.

Lifecycle identity: a payment's ``id`` is the attempt; a capture, reversal or refund names it in referencedId
(its own id is the refund); payment_id is the merchant's merchantTransactionId.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers import _oppwa
from payobs_pipeline.normalization.providers._oppwa import (  # noqa: F401  (the shared table, named here too)
    CODE_REASONS,
    FAMILIES,
    FAMILY_REASONS,
    FAMILY_STATUSES,
    family,
    prepare,
)

PAYMENT_METHODS = {
    **{brand: "CARD" for brand in _oppwa.CARD_BRAND_METHODS},
    "applepay": "WALLET",
    "googlepay": "WALLET",
    "samsungpay": "WALLET",
    "paypal": "WALLET",
    "masterpass": "WALLET",
    "scantopay": "WALLET",
    "mpesa": "WALLET",
    "eftsecure": "BANK_TRANSFER",
    "capitecpay": "BANK_TRANSFER",
    "payflex": "BNPL",
    "zeropay": "BNPL",
    "float": "BNPL",
    "mobicred": "BNPL",
    "1foryou": "CASH_VOUCHER",
}
CARD_BRANDS = {"MASTER": "mastercard", "APPLEPAY": None, "GOOGLEPAY": None, "SAMSUNGPAY": None, "PAYPAL": None,
               "MASTERPASS": None, "SCANTOPAY": None, "MPESA": None, "EFTSECURE": None, "CAPITECPAY": None,
               "PAYFLEX": None, "ZEROPAY": None, "FLOAT": None, "MOBICRED": None, "1FORYOU": None}

SPEC = {
    "provider": "peachpayments",
    "aliases": ["peachpayments", "peach_payments", "peach payments", "peach", "peach_payments_za",
                "peachpayments_copyandpay"],
    "detect": [
        # The platform's shape alone stays below the threshold: an OPPWA document is Peach Payments' when its
        # currency is one of Peach's markets or its brand one of Peach's local methods, else ACI's (aci). Neither
        # alone reaches it either: a South African rand amount from any other gateway is not Peach's.
        *_oppwa.detect(0.5),
        *_oppwa.peach_signals(0.45),
    ],
    "amount_unit": "major",
    "reason_map": {**CODE_REASONS, **FAMILY_REASONS},
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        *_oppwa.variants("Peach Payments")[:-1],
        # A Checkout webhook or redirect kept without its currency (developer.peachpayments.com/docs/
        # checkout-redirect-response lists amount and currency side by side): Peach settles in several currencies
        # (ZAR, KES, MUR, USD ...), so the amount is not read without one; the result code still decides.
        {"name": "payment.without_currency",
         "match": {"result.code": {"exists": True}, "currency": {"exists": False}, "amount": {"exists": True}},
         "fields": {key: paths for key, paths in _oppwa.FIELDS.items() if key not in ("amount", "currency")},
         "status_map": FAMILY_STATUSES, "rules": _oppwa.RULES},
        _oppwa.variants("Peach Payments")[-1],
    ],
}
