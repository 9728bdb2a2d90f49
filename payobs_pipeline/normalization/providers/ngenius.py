"""Network International N-Genius Online (UAE, Saudi Arabia, Egypt, Jordan): the order and payment resources
the Order API answers with, the webhook around an order, and API error bodies.

Sources:
- https://docs.ngenius-payments.com/reference/two-stage-payments-orders (an order: action AUTH / SALE /
  PURCHASE, amount {currencyCode, value} with the value in minor units, emailAddress, billingAddress; media
  type application/vnd.ni-payment.v2+json) and the order / payment resources it returns (``_id``
  "urn:order:<reference>", reference, outletId, createDateTime, state; ``_embedded.payment[]`` with ``_id``
  "urn:payment:<reference>", reference, state, amount, paymentMethod {name (VISA, MASTERCARD, ...), pan,
  expiry, cardholderName}, updateDateTime, orderReference, authResponse {success, resultCode (the issuer's
  ISO 8583 code), resultMessage, authorizationCode, rrn, mid}, ``3ds``, and ``_embedded`` cnp:capture /
  cnp:refund)
- https://docs.ngenius-payments.com/reference/consuming-web-hooks (one POST per event on an order, "Events may
  be sent in quick succession (e.g. AUTHORISED followed by CAPTURED)"; the body carries eventId, eventName and
  the order)
- The payment states STARTED, AWAIT_3DS, AUTHORISED, PARTIALLY_CAPTURED, CAPTURED, PURCHASED, FAILED,
  REVERSED, POST_AUTH_REVIEW, and the webhook event names AUTHORISED, DECLINED, AUTHORISATION_FAILED,
  CAPTURED, PARTIALLY_CAPTURED, CAPTURE_FAILED, PURCHASED, PURCHASE_DECLINED, PURCHASE_FAILED, REFUNDED,
  PARTIALLY_REFUNDED, REFUND_FAILED, REVERSED, REVERSAL_FAILED, CANCELLED: the docs' state table was not in
  the lookup corpus; the names are those of N-Genius integrations' constant files and the N-Genius Click to
  Pay reference ("state": "AUTHORISED | PURCHASED | CAPTURED | POST_AUTH_REVIEW | AWAIT_3DS | FAILED").
- API errors: ``{"message": "Bad Request", "code": 400, "errors": [{"message": ..., "localizedMessage": ...,
  "errorCode": ..., "domain": ...}]}`` (the gateway's error envelope; the HTTP code gives the reason).

Lifecycle identity: the order (its ``reference``) is the payment; each entry of ``_embedded.payment`` is an
attempt (its ``reference``); captures and refunds are embedded in the payment they act on, so a refund event
names the payment (attempt) and the order.
"""

from __future__ import annotations

STATES = {
    "STARTED": "PENDING",
    "AWAIT_3DS": "PENDING",
    "POST_AUTH_REVIEW": "PENDING",
    "AUTHORISED": "APPROVED",
    "PURCHASED": "APPROVED",
    "CAPTURED": "APPROVED",
    "PARTIALLY_CAPTURED": "APPROVED",
    "FAILED": "DECLINED",
    "REVERSED": "CANCELLED",
}

# Webhook eventName -> (status, event_kind).
EVENTS = {
    "AUTHORISED": ("APPROVED", "AUTHORIZATION"),
    "PURCHASED": ("APPROVED", "AUTHORIZATION"),
    "DECLINED": ("DECLINED", "AUTHORIZATION"),
    "PURCHASE_DECLINED": ("DECLINED", "AUTHORIZATION"),
    "AUTHORISATION_FAILED": ("DECLINED", "AUTHORIZATION"),
    "PURCHASE_FAILED": ("DECLINED", "AUTHORIZATION"),
    "CAPTURED": ("APPROVED", "CAPTURE"),
    "PARTIALLY_CAPTURED": ("APPROVED", "CAPTURE"),
    "CAPTURE_FAILED": ("DECLINED", "CAPTURE"),
    "REFUNDED": ("REFUNDED", "REFUND"),
    "PARTIALLY_REFUNDED": ("REFUNDED", "REFUND"),
    "REFUND_FAILED": ("DECLINED", "REFUND"),
    "REVERSED": ("CANCELLED", "VOID"),
    "REVERSAL_FAILED": ("ERROR", "VOID"),
    "CANCELLED": ("CANCELLED", "AUTHORIZATION"),
}

# The error envelope's HTTP code.
HTTP_CODES = {
    "400": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR",
    "403": "CONFIGURATION_ERROR",
    "404": "INVALID_REQUEST",
    "409": "DUPLICATE",
    "415": "INVALID_REQUEST",
    "422": "INVALID_REQUEST",
    "429": "PROCESSING_ERROR",
    "500": "PROCESSING_ERROR",
    "502": "PROCESSING_ERROR",
    "503": "PROCESSING_ERROR",
    "504": "TIMEOUT",
}

PAYMENT_METHODS = {
    **{brand: "CARD" for brand in ("VISA", "MASTERCARD", "AMERICAN_EXPRESS", "DINERS_CLUB_INTERNATIONAL", "JCB",
                                   "DISCOVER", "CHINA_UNION_PAY", "MADA", "MEEZA")},
    "APPLE_PAY": "WALLET",
    "GOOGLE_PAY": "WALLET",
    "SAMSUNG_PAY": "WALLET",
}
CARD_BRANDS = {"AMERICAN_EXPRESS": "amex", "DINERS_CLUB_INTERNATIONAL": "diners", "CHINA_UNION_PAY": "unionpay",
               "MADA": "mada", "MEEZA": "meeza", "APPLE_PAY": None, "GOOGLE_PAY": None, "SAMSUNG_PAY": None}

# The fields of one payment (an attempt); the order's reference is the payment_id.
PAYMENT_FIELDS = {
    "provider_transaction_id": ["reference"],
    "status": ["state"],
    "reason_code": ["authResponse.resultCode", "authResponse.resultMessage"],
    "amount": ["amount.value"],
    "currency": ["amount.currencyCode"],
    "event_time": ["updateDateTime", "^createDateTime"],
    "payment_method": ["paymentMethod.name"],
    "card_brand": ["paymentMethod.name"],
    "merchant_id": ["outletId", "^outletId"],
    "attempt_id": ["reference"],
    "payment_id": ["orderReference", "^reference"],
    "customer_country": ["billingAddress.countryCode", "^billingAddress.countryCode"],
}

_EVENT_STATUSES = {name: status for name, (status, _) in EVENTS.items()}
_EVENT_KIND_RULES = [{"when": {"^eventName": name}, "set": {"event_kind": kind}}
                     for name, (_, kind) in EVENTS.items() if kind != "AUTHORIZATION"]

_WEBHOOK_FIELDS = {
    **PAYMENT_FIELDS,
    "status": ["^eventName"],
    "event_time": ["updateDateTime", "^order.createDateTime"],
    "merchant_id": ["outletId", "^order.outletId"],
    "payment_id": ["orderReference", "^order.reference"],
    "customer_country": ["billingAddress.countryCode", "^order.billingAddress.countryCode"],
}

SPEC = {
    "provider": "ngenius",
    "aliases": ["ngenius", "n-genius", "n_genius", "n-genius online", "ngenius online", "network international",
                "network_international", "networkinternational", "network international ngenius"],
    "detect": [
        {"path": "_id", "prefix": ["urn:order:", "urn:payment:"], "weight": 0.6},
        {"path": "order._id", "prefix": "urn:order:", "weight": 0.6},
        {"path": "eventName", "in": list(EVENTS), "weight": 0.2},
        {"path": "eventId", "exists": True, "weight": 0.1},
        {"path": "_embedded.payment.0._id", "prefix": "urn:payment:", "weight": 0.3},
        {"path": "outletId", "exists": True, "weight": 0.2},
        {"path": "authResponse.resultCode", "exists": True, "weight": 0.1},
        {"path": "amount.currencyCode", "exists": True, "weight": 0.05},
        {"path": "errors.0.localizedMessage", "exists": True, "weight": 0.3},
        {"path": "errors.0.domain", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {"name": "webhook", "root": "order._embedded.payment.0",
         "match": {"eventName": {"exists": True}, "order._embedded.payment.0": {"exists": True}},
         "fields": _WEBHOOK_FIELDS, "status_map": _EVENT_STATUSES, "rules": _EVENT_KIND_RULES},
        {"name": "webhook.order_without_payment", "match": {"eventName": {"exists": True}, "order": {"exists": True}},
         "not_a_payment": "an N-Genius order event that carries no payment"},
        {"name": "order", "root": "_embedded.payment.0",
         "match": {"_id": {"prefix": "urn:order:"}, "_embedded.payment.0": {"exists": True}},
         "fields": PAYMENT_FIELDS,
         "rules": [{"when": {"state": ["CAPTURED", "PARTIALLY_CAPTURED"]}, "set": {"event_kind": "CAPTURE"}},
                   {"when": {"state": "REVERSED"}, "set": {"event_kind": "VOID"}}]},
        {"name": "order_created", "match": {"_id": {"prefix": "urn:order:"}},
         "fields": {"provider_transaction_id": ["reference"], "status": ["state"], "amount": ["amount.value"],
                    "currency": ["amount.currencyCode"], "event_time": ["createDateTime"],
                    "merchant_id": ["outletId"], "payment_id": ["reference"]},
         "event_kind": "PAYMENT"},
        {"name": "payment", "match": {"_id": {"prefix": "urn:payment:"}}, "fields": PAYMENT_FIELDS,
         "rules": [{"when": {"state": ["CAPTURED", "PARTIALLY_CAPTURED"]}, "set": {"event_kind": "CAPTURE"}},
                   {"when": {"state": "REVERSED"}, "set": {"event_kind": "VOID"}}]},
        {"name": "api_error", "match": {"errors": {"exists": True}, "code": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["code"]}, "reason_map": HTTP_CODES},
    ],
}
