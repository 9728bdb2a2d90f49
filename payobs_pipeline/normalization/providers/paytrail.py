"""Paytrail (Finland; formerly Checkout Finland): the redirect / callback URL parameters of a payment, the Get
payment answer, the Create payment answer, the refund answer and the API error body.

Sources (the Paytrail Payment API documentation, paytrail/api-documentation docs/README.md, docs/examples.md and
the OpenAPI file docs/paytrail-api.yaml, published as docs.paytrail.com):
- "Redirect and callback URL parameters": checkout-account, checkout-algorithm, checkout-amount ("payment amount
  in currency minor unit, e.g. cents"), checkout-stamp (the merchant's unique id), checkout-reference,
  checkout-transaction-id (Paytrail's transaction id), checkout-status, checkout-provider (the payment method
  provider the client used), checkout-settlement-reference, signature. The same parameters reach the callback URL.
- "Statuses": new (created, nothing more; only from Get), ok ("accepted by the provider and confirmed
  successfully"), fail ("cancelled by the user or rejected by the provider"), pending ("initially approved by the
  provider but further processing is required": an anti-fraud check, an invoice awaiting manual activation, a
  refund awaiting approval), delayed ("may take days to complete ... handled the same way as pending").
- Get (``GET /payments/{transactionId}``): transactionId, status, amount (minor units), currency, stamp,
  reference, createdAt, href (while new), provider, filingCode, paidAt, settlementReference, cardInfo
  {partialPan, countryCode (the issuer's country), bin}.
- Create (``POST /payments``) answers transactionId, href (the hosted payment page), reference, terms, groups,
  providers[]: a payment opened, not paid.
- Refund (``POST /payments/{transactionId}/refund``) answers RefundResponse {status ok / pending / fail,
  transactionId (the refund's), provider}; "Refund operation is asynchronous".
- Error (the ``Error`` schema of BadRequest 400, Unauthorized 401, NotFound 404, 422 and default answers):
  {status "error", message, meta[]}.
- Currency: "Currency, only EUR supported at the moment" (create payment request body; paytrail/paytrail-js-sdk
  CreatePaymentRequest): the redirect parameters carry no currency, so they are read as EUR.
- Provider ids (docs/payment-method-providers.md): banks (osuuspankki, nordea, danske, saastopankki, pop, aktia,
  handelsbanken, spankki, alandsbanken, omasp), creditcard, mobile wallets (mobilepay, pivo, siirto, applepay,
  googlepay), credit / invoice (collectorb2c, collectorb2b / walley, jousto, oplasku, riverty).

A refund's callback carries the same parameters as a payment's (the docs say so), with nothing that tells them
apart, so a callback is read as the payment's. "fail" names no reason: DECLINED with failure_reason UNKNOWN.

Lifecycle identity: the Paytrail transaction id is the attempt; the merchant's stamp is the payment.
"""

from __future__ import annotations

STATUSES = {"ok": "APPROVED", "fail": "DECLINED", "pending": "PENDING", "delayed": "PENDING", "new": "PENDING"}

REFUND_STATUSES = {"ok": "REFUNDED", "pending": "PENDING", "fail": "DECLINED"}

REASONS = {"fail": "UNKNOWN"}

PAYMENT_METHODS = {
    **{bank: "BANK_TRANSFER" for bank in ("osuuspankki", "nordea", "danske", "saastopankki", "pop", "aktia",
                                          "handelsbanken", "spankki", "alandsbanken", "omasp")},
    "creditcard": "CARD", "amex": "CARD",
    **{wallet: "WALLET" for wallet in ("mobilepay", "pivo", "siirto", "applepay", "googlepay")},
    **{credit: "BNPL" for credit in ("collectorb2c", "collectorb2b", "walley", "jousto", "oplasku", "riverty",
                                     "afterpay")},
}

SPEC = {
    "provider": "paytrail",
    "aliases": ["paytrail", "paytrail oyj", "checkout finland", "checkout.fi", "checkoutfi", "paytrail payment api"],
    "detect": [
        # Redirect / callback parameters.
        {"path": "checkout-transaction-id", "exists": True, "weight": 0.4},
        {"path": "checkout-status", "in": list(STATUSES), "weight": 0.3},
        {"path": "checkout-stamp", "exists": True, "weight": 0.1},
        {"path": "checkout-account", "exists": True, "weight": 0.1},
        {"path": "checkout-algorithm", "in": ["sha256", "sha512"], "weight": 0.1},
        # Get payment / Create payment answers.
        {"path": "href", "prefix": ["https://pay.paytrail.com/", "https://services.paytrail.com/"], "weight": 0.5},
        {"path": "stamp", "exists": True, "weight": 0.3},
        {"path": "filingCode", "exists": True, "weight": 0.3},
        {"path": "settlementReference", "exists": True, "weight": 0.2},
        {"path": "cardInfo.partialPan", "exists": True, "weight": 0.2},
        {"path": "paidAt", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "terms", "exists": True, "weight": 0.1},
        {"path": "customProviders", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "default_currency": "EUR",  # "only EUR supported" (see the docstring)
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "redirect",
            "match": {"checkout-status": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["checkout-transaction-id"],
                "status": ["checkout-status"],
                "reason_code": ["checkout-status"],
                "amount": ["checkout-amount"],
                "payment_method": ["checkout-provider"],
                "merchant_id": ["checkout-account"],
                "attempt_id": ["checkout-transaction-id"],
                "payment_id": ["checkout-stamp"],
            },
        },
        {
            "name": "error",
            "match": {"status": "error", "message": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["message"]},
            # The Error schema answers input validation (400), authorisation (401) and not-found (404) alike and
            # names no code; the body does not say which, so the request is taken as invalid.
            "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "create",
            "match": {"transactionId": {"exists": True}, "providers": {"exists": True}, "href": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "default_currency": None,
            "fields": {"provider_transaction_id": ["transactionId"], "attempt_id": ["transactionId"]},
        },
        {
            "name": "refund",
            "match": {"transactionId": {"exists": True}, "status": {"exists": True}, "stamp": {"exists": False},
                      "amount": {"exists": False}},
            "event_kind": "REFUND",
            "default_currency": None,
            "fields": {"provider_transaction_id": ["transactionId"], "status": ["status"],
                       "reason_code": ["status"], "refund_id": ["transactionId"]},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "payment",
            "match": {"transactionId": {"exists": True}, "status": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["transactionId"],
                "status": ["status"],
                "reason_code": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["paidAt", "createdAt"],
                "payment_method": ["provider"],
                "card_country": ["cardInfo.countryCode"],
                "attempt_id": ["transactionId"],
                "payment_id": ["stamp"],
            },
        },
    ],
}
