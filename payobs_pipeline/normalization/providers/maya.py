"""Maya (formerly PayMaya; Maya Business online payments, Philippines): the payment object of the Payments API and of
its webhooks, the Checkout webhook body, the Create Checkout answer and the API error body.

Sources (the Maya developer hub, developers.maya.ph):
- "Payment Statuses" (https://developers.maya.ph/docs/payment-statuses, also /v5.17/reference/payment-statuses and
  the guide /reference/understanding-payment-statuses-in-maya-checkout): PENDING_TOKEN, PENDING_PAYMENT,
  FOR_AUTHENTICATION, AUTHENTICATING, AUTH_SUCCESS, AUTH_FAILED ("Authentication of payment has failed"),
  PAYMENT_EXPIRED ("not executed, and expiration time has been reached"), PAYMENT_PROCESSING, PAYMENT_SUCCESS,
  PAYMENT_FAILED, PAYMENT_CANCELLED ("No credit/debit card or e-wallet deduction was made"), VOIDED (reversed
  before settlement), REFUNDED (fully or partially reversed after settlement); for authorize and capture,
  AUTHORIZED, CAPTURED and CAPTURE_HOLD_EXPIRED ("Authorization expired before capture"; dev-forum.maya.ph topic
  484, "Which payment status indicate a final state").
- Webhooks ("Receive real-time payment information using webhooks", /docs/receive-real-time-payment-information-
  using-webhooks; "Configuring Your Webhook for Maya Checkout"): PAYMENT_SUCCESS, PAYMENT_FAILED, PAYMENT_EXPIRED,
  PAYMENT_CANCELLED, AUTHORIZED, and the older CHECKOUT_SUCCESS / CHECKOUT_FAILURE / CHECKOUT_DROPOUT /
  CHECKOUT_CANCELLED, 3DS_PAYMENT_* and RECURRING_PAYMENT_* names, each sent with the payment status of the same
  meaning. The Checkout webhook body ("New webhook data values for Pay with Maya", /v5.17/changelog/webhook-data-
  pay-with-maya) carries id, requestReferenceNumber, receiptNumber, createdAt, updatedAt, paymentScheme
  (master-card, visa, jcb, bancnet, american-express, wechat-*, maya-wallet, maya-credit, maya-bnpl, wechat,
  shopeepay, alipay, gcash, qrph), expressCheckout, refundedAmount, status (the checkout's, e.g. COMPLETED),
  paymentStatus, paymentDetails.responses.efs {receipt, payer, amount}, totalAmount; the payment object of the
  Payments API (Retrieve Payment) carries id, isPaid, status, amount, currency, canVoid, canRefund, canCapture,
  createdAt, updatedAt, fundSource {type, details.scheme}, receiptNumber, requestReferenceNumber.
- "Payment Errors" (https://developers.maya.ph/page/payment-errors, /reference/payment-errors,
  /reference/other-payment-errors, /reference/customer-account-and-card-related-errors): the error body
  ``{"code": "PY0009", "message": "Payment does not exist."}``, 2553 "Missing/invalid parameters." with
  ``parameters[]``; the table's PY codes are mapped below. PY0002 / PY0121 (card expired), PY0036 (card not
  supported), PY0105 (insufficient balance), PY0117 (card is invalid), PY0119 (issuer declined card or account) and
  ACQ084 (blocked by the acquirer) are card declines (the decline-code pages name them so): DECLINED, not ERROR.
  The "server related" codes (PY0015, PY0016, PY0040, PY0041, PY0060, PY0066, PY0067, PY0069, PY0122, PY0143,
  PY9999: "System has encountered a systematic error or is unreachable / timed out") are PROCESSING_ERROR.
- Create Checkout answers ``{"checkoutId", "redirectUrl"}``: a checkout opened, not paid.

Not found: a reason field on a PAYMENT_FAILED payment or webhook body (none in the pages read), so a failed
payment is DECLINED / UNKNOWN, and an AUTH_FAILED one AUTHENTICATION_FAILED; the refund and void objects of the
Payments API; amounts are major units (decimal strings or numbers), in PHP unless named.

Lifecycle identity: the payment (checkout) id is the attempt, as voids and refunds are requested on it; the
merchant's requestReferenceNumber is the payment.
"""

from __future__ import annotations

STATUSES = {
    "PENDING_TOKEN": "PENDING",
    "PENDING_PAYMENT": "PENDING",
    "FOR_AUTHENTICATION": "PENDING",
    "AUTHENTICATING": "PENDING",
    "AUTH_SUCCESS": "PENDING",
    "AUTH_FAILED": "DECLINED",
    "PAYMENT_PROCESSING": "PENDING",
    "PAYMENT_SUCCESS": "APPROVED",
    "PAYMENT_FAILED": "DECLINED",
    "PAYMENT_EXPIRED": "CANCELLED",
    "PAYMENT_CANCELLED": "CANCELLED",
    "VOIDED": "CANCELLED",
    "REFUNDED": "REFUNDED",
    "AUTHORIZED": "APPROVED",
    "CAPTURED": "APPROVED",
    "CAPTURE_HOLD_EXPIRED": "CANCELLED",
}

TECHNICAL = {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"}
MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

# Error codes the decline-code pages name as the card's or issuer's answer.
CARD_DECLINES = {
    "PY0002": "EXPIRED_CARD",
    "PY0121": "EXPIRED_CARD",
    "PY0036": "TRANSACTION_NOT_PERMITTED",  # card is not supported
    "PY0105": "INSUFFICIENT_FUNDS",
    "PY0117": "INVALID_CARD_DATA",  # card is invalid (BIN invalid or unknown)
    "PY0119": "GENERIC_DECLINE",  # issuer declined card or account
    "ACQ084": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # transaction was blocked by the acquirer
}

REASONS = {
    "PAYMENT_FAILED": "UNKNOWN",
    "AUTH_FAILED": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    **CARD_DECLINES,
    "2553": "INVALID_REQUEST",  # missing / invalid parameters
    "PY0001": TECHNICAL,  # generic system error
    "PY0064": "INVALID_REQUEST",  # invalid JSON format
    **{code: TECHNICAL for code in ("PY0015", "PY0016", "PY0040", "PY0041", "PY0060", "PY0066", "PY0067", "PY0069",
                                    "PY0122", "PY0143", "PY9999")},
    "PY0007": "INVALID_REQUEST",  # invalid token status
    "PY0008": "INVALID_REQUEST",  # token is invalid
    "PY0009": "INVALID_REQUEST",  # payment does not exist (404)
    "PY0019": MERCHANT_CONFIG,  # forbidden: the account has no access to the API (401)
    "PY0021": TECHNICAL,  # failed to add customer
    "PY0023": "INVALID_REQUEST",  # customer does not exist
    "PY0024": TECHNICAL,  # failed to delete customer
    "PY0025": TECHNICAL,  # failed to update customer details
    "PY0026": TECHNICAL,  # failed to update card details
    "PY0027": "INVALID_REQUEST",  # card does not exist
    "PY0028": TECHNICAL,  # failed to delete card
    "PY0029": "INVALID_REQUEST",  # no card found for customer
    "PY0030": "INVALID_REQUEST",  # invalid card token status
    "PY0037": "TRANSACTION_NOT_PERMITTED",  # currency is not supported
    "PY0038": "INVALID_REQUEST",  # webhook does not exist
    "PY0039": "DUPLICATE",  # webhook already exists
    "PY0042": "INVALID_REQUEST",  # charging of subscription is not applicable
    "PY0043": "DUPLICATE",  # card already exists
    "PY0044": "INVALID_REQUEST",  # payment is invalid
    "PY0045": "INVALID_REQUEST",  # payment is not available for void
    "PY0046": "INVALID_REQUEST",  # refund does not exist
    "PY0047": "INVALID_REQUEST",  # payment is ineligible for refund
    "PY0048": "INVALID_REQUEST",  # requested refund amount ...
}

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("card", "master-card", "visa", "jcb", "bancnet", "american-express")},
    **{wallet: "WALLET" for wallet in ("paymaya", "maya", "maya-wallet", "wechat", "wechat-dynamic-qr",
                                       "wechat-payer-qr", "wechat-official-qr", "shopeepay", "alipay", "gcash")},
    **{credit: "BNPL" for credit in ("maya-credit", "maya-bnpl")},
}

# paymentScheme names a wallet as often as a card scheme: only the card schemes are card brands.
CARD_BRANDS = {
    "master-card": "mastercard", "american-express": "amex", "bancnet": "bancnet",
    **{wallet: None for wallet in ("paymaya", "maya", "maya-wallet", "maya-credit", "maya-bnpl", "wechat",
                                   "wechat-dynamic-qr", "wechat-payer-qr", "wechat-official-qr", "shopeepay",
                                   "alipay", "gcash", "qrph")},
}

CHECKOUT_PAGES = ["https://payments.maya.ph/", "https://payments-web-sandbox.maya.ph/",
                  "https://payments-web-sandbox.paymaya.com/", "https://payments.paymaya.com/"]

_PAYMENT_RULES = [
    {"when": {"status": "VOIDED"}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "CAPTURE_HOLD_EXPIRED"}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "CAPTURED"}, "set": {"event_kind": "CAPTURE"}},
]

SPEC = {
    "provider": "maya",
    "aliases": ["maya", "paymaya", "pay maya", "maya business", "maya checkout", "maya payments", "paymaya checkout",
                "maya philippines"],
    "detect": [
        # Payment object.
        {"path": "fundSource", "exists": True, "weight": 0.3},
        {"path": "isPaid", "exists": True, "weight": 0.2},
        {"path": "canVoid", "exists": True, "weight": 0.2},
        {"path": "canRefund", "exists": True, "weight": 0.1},
        {"path": "requestReferenceNumber", "exists": True, "weight": 0.3},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        # Checkout webhook body.
        {"path": "paymentStatus", "in": list(STATUSES), "weight": 0.3},
        {"path": "paymentScheme", "exists": True, "weight": 0.1},
        {"path": "expressCheckout", "exists": True, "weight": 0.1},
        {"path": "paymentDetails.responses.efs", "exists": True, "weight": 0.2},
        # Create Checkout answer.
        {"path": "checkoutId", "exists": True, "weight": 0.3},
        {"path": "redirectUrl", "prefix": CHECKOUT_PAGES, "weight": 0.4},
    ],
    "amount_unit": "major",
    "default_currency": "PHP",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "error",
            "match": {"code": {"exists": True}, "message": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["code"]},
            "rules": [{"when": {"code": list(CARD_DECLINES)}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "create_checkout",
            "match": {"checkoutId": {"exists": True}, "redirectUrl": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "default_currency": None,
            "fields": {"provider_transaction_id": ["checkoutId"], "attempt_id": ["checkoutId"]},
        },
        {
            # The Checkout webhook body: the checkout with its payment status.
            "name": "checkout_webhook",
            "match": {"paymentStatus": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["paymentStatus"],
                "reason_code": ["paymentStatus"],
                "amount": ["totalAmount.value", "totalAmount.amount",
                           "paymentDetails.responses.efs.amount.total.value"],
                "currency": ["totalAmount.currency", "paymentDetails.responses.efs.amount.total.currency"],
                "event_time": ["updatedAt", "createdAt"],
                "payment_method": ["paymentScheme"],
                "card_brand": ["paymentScheme"],
                "attempt_id": ["id"],
                "payment_id": ["requestReferenceNumber"],
            },
            "rules": [{"when": {"paymentStatus": "VOIDED"}, "set": {"event_kind": "VOID"}},
                      {"when": {"paymentStatus": "CAPTURE_HOLD_EXPIRED"}, "set": {"event_kind": "VOID"}},
                      {"when": {"paymentStatus": "CAPTURED"}, "set": {"event_kind": "CAPTURE"}}],
        },
        {
            # The payment object (Retrieve Payment, PAYMENT_* webhooks).
            "name": "payment",
            "match": {"id": {"exists": True}, "status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["updatedAt", "createdAt"],
                "payment_method": ["fundSource.type"],
                "card_brand": ["fundSource.details.scheme"],
                "attempt_id": ["id"],
                "payment_id": ["requestReferenceNumber"],
            },
            "rules": _PAYMENT_RULES,
        },
    ],
}
