"""Mollie: Payments API v2 objects (payment, refund, chargeback, order) and next-gen webhook events.

Sources (Mollie docs and official clients):
- https://docs.mollie.com/reference/get-payment (status open/pending/authorized/paid/canceled/expired/failed,
  ``amount: {"currency", "value": "10.00"}`` in major units as a string, method, countryCode, details)
- https://docs.mollie.com/payments/status-changes (what each payment status means)
- https://docs.mollie.com/components/handling-errors and https://docs.mollie.com/reference/extra-payment-parameters
  (card ``details.failureReason`` values, ``details.cardLabel``, ``details.cardCountryCode``)
- mollie-api-node ``CardFailureReason`` / mollie-api-go ``FailureReason`` (the same 15 values)
- https://docs.mollie.com/reference/get-refund (queued/pending/processing/refunded/failed/canceled),
  https://docs.mollie.com/reference/get-chargeback (``reason.code``, ``paymentId``),
  https://docs.mollie.com/reference/get-order (created/paid/authorized/canceled/shipping/completed/expired/pending)
- https://docs.mollie.com/reference/payments-api-webhooks and https://docs.mollie.com/reference/webhooks-new
  (payment.paid / payment.failed ... events; full payloads embed the entity)
- SEPA Direct Debit ``details.bankReasonCode``: EPC R-transaction reason codes (AM04, MD06, MS02, ...)
- https://docs.mollie.com/reference/get-capture (``resource: capture``, ``status`` pending/succeeded/failed,
  absent on older captures) and https://docs.mollie.com/reference/handling-errors (error body:
  ``status`` HTTP code, ``title``, ``detail``, ``field``, ``_links.documentation``)
- v1 API (deprecated, still in old lakes): https://docs.mollie.com/reference/v1/payments-api/get-payment
  (``amount`` a decimal string in EUR, ``createdDatetime``/``paidDatetime``..., top-level ``failureReason``,
  statuses open/cancelled/pending/expired/failed/paid/paidout/refunded/charged_back)
- v1 refunds (www.mollie.com/en/docs/reference/refunds/get, now docs.mollie.com/reference/v1/refunds-api/get-refund:
  the payment embedded under ``payment``, ``amount`` a decimal string in EUR, ``refundedDatetime``; statuses pending /
  processing / refunded as hackage mollie-api-haskell-0.2.0.0 Mollie.API.Refunds documents them) and v1 chargebacks
  (docs.mollie.com/reference/v1/chargebacks-api/list-chargebacks: ``payment`` the tr_ id, ``chargebackDatetime``,
  ``reversedDatetime``); the v1 field layout rests on recollection of those pages' examples, not a stored copy
- order lines (docs.mollie.com/reference/get-order ``lines[]``: ``resource: orderline``, ``odl_``, their own
  statuses): one product of an order, not a payment event (the order carries the outcome)
- mollie-api-python tests/responses (payment_single, payments_list, capture_single, chargeback_single,
  payment_rejected): list responses embed the objects under ``_embedded.<resource>s``
- https://docs.mollie.com/reference/get-payment-link (``resource: payment-link``, ``pl_``, no status: ``paidAt``
  once paid) and next-gen ``payment-link.paid`` events; simple next-gen payloads carry only ``entityId``
- https://docs.mollie.com/reference/get-settlement, get-subscription, get-mandate, get-customer: resources
  with statuses of their own (settlement ``failed``, subscription ``canceled``, mandate ``pending``) that
  are not payment events
The classic webhook posts only ``id=tr_...``; the lake stores the payment fetched after it. A row
holding only that id (or a simple next-gen event naming an ``entityId``) is refused by ``prepare``
with ``NOTIFICATION_WITHOUT_OUTCOME``: its outcome is in the resource's GET response.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# Where prepare() leaves a chargeback's or refund's amount without its minus sign (read first, see _unsigned_amount).
UNSIGNED_AMOUNT_KEY = "_payobs_unsigned_amount"


# Mollie resources that are not payment events: payouts to the merchant, billing schedules,
# debit authorizations, account objects. Their statuses must never read as payment outcomes.
NOT_PAYMENT_RESOURCES = [
    "settlement", "subscription", "mandate", "customer", "balance", "balance-transaction", "balance-report",
    "invoice", "sales-invoice", "profile", "onboarding", "organization", "permission", "terminal", "client",
    "method", "client-link", "webhook", "route",
    # An order line (docs.mollie.com/reference/get-order, lines[]: resource "orderline", id odl_, status created /
    # authorized / paid / shipping / canceled / completed) is one product's fulfilment within an order: the order
    # carries the payment's outcome.
    "orderline",
]

REASONS = {
    # Card failureReason values.
    "authentication_abandoned": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "authentication_failed": "AUTHENTICATION_FAILED",
    "authentication_required": "AUTHENTICATION_REQUIRED",
    "authentication_unavailable_acs": {"reason": "AUTHENTICATION_FAILED", "source": "ISSUER"},
    "card_declined": "GENERIC_DECLINE",
    "refused_by_issuer": "GENERIC_DECLINE",
    "card_expired": "EXPIRED_CARD",
    "inactive_card": "RESTRICTED_CARD",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "invalid_cvv": "INCORRECT_CVC",
    "invalid_ccv": "INCORRECT_CVC",  # spelling used by the Go client
    "invalid_card_holder_name": "INVALID_CARD_DATA",
    "invalid_card_number": "INVALID_CARD_DATA",
    "invalid_card_type": "TRANSACTION_NOT_PERMITTED",
    "possible_fraud": "SUSPECTED_FRAUD",
    "unknown_reason": "UNKNOWN",
    # SEPA Direct Debit bankReasonCode (and chargeback reason.code) values.
    "AC01": "INVALID_CARD_DATA",  # account identifier incorrect
    "AC04": "INVALID_CARD_DATA",  # account closed
    "AC06": "RESTRICTED_CARD",  # account blocked
    "AC13": "TRANSACTION_NOT_PERMITTED",  # debtor account type not allowed
    "AG01": "TRANSACTION_NOT_PERMITTED",  # transaction forbidden on this account
    "AG02": "INVALID_REQUEST",  # invalid operation code
    "AM04": "INSUFFICIENT_FUNDS",
    "AM05": "DUPLICATE",
    "BE05": "INVALID_REQUEST",  # unrecognised initiating party
    "CNOR": "ISSUER_UNAVAILABLE",  # creditor bank not registered
    "DNOR": "ISSUER_UNAVAILABLE",  # debtor bank not registered
    "FF01": "INVALID_REQUEST",  # invalid file format
    "MD01": "REVOKED",  # no mandate
    "MD02": "INVALID_REQUEST",  # mandate data missing or incorrect
    "MD06": "REVOKED",  # refund requested by the end customer
    "MD07": "INVALID_CARD_DATA",  # end customer deceased
    "MS02": "REVOKED",  # refused by the debtor
    "MS03": "GENERIC_DECLINE",  # reason not specified
    "RC01": "INVALID_CARD_DATA",  # BIC incorrect
    "RR01": "TRANSACTION_NOT_PERMITTED",  # regulatory reasons
    "RR02": "TRANSACTION_NOT_PERMITTED",
    "RR03": "TRANSACTION_NOT_PERMITTED",
    "RR04": "TRANSACTION_NOT_PERMITTED",
    "SL01": "TRANSACTION_NOT_PERMITTED",  # specific service offered by the debtor bank
}

PAYMENT_METHODS = {
    **dict.fromkeys(["creditcard", "pointofsale"], "CARD"),
    **dict.fromkeys(["applepay", "googlepay", "paypal", "twint", "satispay", "payconiq", "bancomatpay",
                     "mbway"], "WALLET"),
    # mistercash and inghomepay are the v1 API names (Bancontact, ING Home'Pay).
    **dict.fromkeys(["ideal", "bancontact", "mistercash", "inghomepay", "banktransfer", "belfius", "kbc", "eps",
                     "giropay", "sofort", "przelewy24", "mybank", "trustly", "blik", "paybybank"], "BANK_TRANSFER"),
    "directdebit": "DIRECT_DEBIT",
    **dict.fromkeys(["klarna", "klarnapaylater", "klarnapaynow", "klarnasliceit", "in3", "riverty", "billie",
                     "alma"], "BNPL"),
    **dict.fromkeys(["paysafecard", "multibanco"], "CASH_VOUCHER"),
    **dict.fromkeys(["giftcard", "voucher"], "OTHER"),
}

_PAYMENT_STATUSES = {
    "open": "PENDING",
    "pending": "PENDING",
    "authorized": "APPROVED",
    "paid": "APPROVED",
    "failed": "DECLINED",
    "canceled": "CANCELLED",
    "expired": "CANCELLED",
}
# v1 statuses: British "cancelled", and later lifecycle states the v1 payment itself took on.
# Where a v1 payment keeps its fields (docs.mollie.com/reference/v1/payments-api/get-payment), with or without
# its "resource" key.
_V1_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failureReason", "details.failureReason", "details.bankReasonCode"],
    "amount": ["amount"],
    "event_time": ["paidDatetime", "failedDatetime", "cancelledDatetime", "expiredDatetime", "createdDatetime"],
    "payment_method": ["method"],
    "card_brand": ["details.cardLabel"],
    "card_country": ["details.cardCountryCode"],
    "customer_country": ["countryCode"],
    "merchant_id": ["profileId"],
    "attempt_id": ["id"],
}
_V1_PAYMENT_STATUSES = {
    **_PAYMENT_STATUSES,
    "cancelled": "CANCELLED",
    "paidout": "APPROVED",
    "refunded": "REFUNDED",
    "charged_back": "CHARGEBACK",
}
# Error body ``status`` (the HTTP code): the request was refused, no payment was made.
_ERROR_STATUSES = {
    "400": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR",  # missing or wrong API key
    "403": "CONFIGURATION_ERROR",  # the key may not do this (method not enabled, wrong profile)
    "404": "INVALID_REQUEST",
    "409": "DUPLICATE",  # idempotency-key conflict
    "410": "INVALID_REQUEST",
    "415": "INVALID_REQUEST",
    "422": "INVALID_REQUEST",
    "429": "PROCESSING_ERROR",  # rate limited
    "500": "PROCESSING_ERROR",
    "502": "PROCESSING_ERROR",
    "503": "PROCESSING_ERROR",
    "504": "TIMEOUT",
}


# Refund statuses (docs.mollie.com/reference/get-refund).
_REFUND_STATUSES = ("queued", "pending", "processing", "refunded", "failed", "canceled")


def _documents(match: dict, root: str | None, name: str = "") -> list[dict]:
    """The resources, bare or embedded at ``root`` (a webhook event's entity)."""
    prefix = f"{root}." if root else ""
    extra = {"root": root} if root else {}
    times = ["^createdAt"] if root and name == "event." else []
    return [
        {
            "name": f"{name}not_a_payment", "match": {**match, f"{prefix}resource": NOT_PAYMENT_RESOURCES}, **extra,
            "not_a_payment": "a settlement, subscription, mandate or account resource is not a payment event",
        },
        {
            # A payment link has no status: paidAt is set once a payment through it succeeded.
            "name": f"{name}payment_link", "match": {**match, f"{prefix}resource": "payment-link"}, **extra,
            # It names no payment (tr_) made through it: a state of the payment as a whole.
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["id"],
                "amount": ["amount.value"],
                "currency": ["amount.currency"],
                "event_time": times + ["paidAt", "createdAt"],
                "merchant_id": ["profileId"],
                "payment_id": ["id"],
            },
            "rules": [{"when": {"paidAt": {"exists": True}}, "set": {"status_category": "APPROVED"}}],
        },
        {
            "name": f"{name}payment", "match": {**match, f"{prefix}resource": "payment"}, **extra,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["details.failureReason", "details.bankReasonCode"],
                "amount": ["amount.value"],
                "currency": ["amount.currency"],
                "event_time": times + ["paidAt", "failedAt", "canceledAt", "expiredAt", "authorizedAt",
                                       "createdAt"],
                "payment_method": ["details.wallet", "method"],
                "card_brand": ["details.cardLabel"],
                "card_country": ["details.cardCountryCode"],
                "customer_country": ["countryCode"],  # the customer's country, detected during checkout
                "merchant_id": ["profileId"],
                # The payment (tr_) is the attempt; an order (ord_) it belongs to is the payment.
                "attempt_id": ["id"],
                "payment_id": ["orderId"],
            },
            "rules": [
                # The shopper left the 3-D Secure page: an abandoned payment, not a decline.
                {"when": {"status": "failed", "details.failureReason": "authentication_abandoned"},
                 "set": {"status_category": "CANCELLED"}},
                # authorizedAt is set only for payments authorized first (captureMode manual, Klarna...):
                # such a payment turns paid when it is captured, a confirmation and not a new decision.
                {"when": {"status": "paid", "authorizedAt": {"exists": True}}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
        {
            "name": f"{name}refund", "match": {**match, f"{prefix}resource": "refund"}, **extra,
            "fields": {
                # A refund (re_) or chargeback (chb_) is its own transaction; paymentId is its parent.
                "provider_transaction_id": ["id", "paymentId"],
                "status": ["status"],
                "amount": [f"^{UNSIGNED_AMOUNT_KEY}", "amount.value"],
                "currency": ["amount.currency"],
                "event_time": times + ["createdAt"],
                "attempt_id": ["paymentId"],
                "refund_id": ["id"],
                "payment_id": ["orderId"],
            },
            "event_kind": "REFUND",
            # get-refund: queued and pending until Mollie pays it out, processing, refunded, failed, canceled.
            "status_map": {"queued": "PENDING", "pending": "PENDING", "processing": "PENDING",
                           "refunded": "REFUNDED", "failed": "DECLINED", "canceled": "CANCELLED"},
        },
        {
            "name": f"{name}chargeback", "match": {**match, f"{prefix}resource": "chargeback"}, **extra,
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {
                "provider_transaction_id": ["id", "paymentId"],
                "attempt_id": ["paymentId"],
                "dispute_id": ["id"],
                "reason_code": ["reason.code"],
                "amount": [f"^{UNSIGNED_AMOUNT_KEY}", "amount.value"],
                "currency": ["amount.currency"],
                "event_time": times + ["createdAt"],
            },
        },
        {
            "name": f"{name}capture", "match": {**match, f"{prefix}resource": "capture"}, **extra,
            "event_kind": "CAPTURE",
            "fields": {
                "provider_transaction_id": ["id", "paymentId"],
                "attempt_id": ["paymentId"],
                "status": ["status"],
                "amount": ["amount.value"],
                "currency": ["amount.currency"],
                "event_time": times + ["createdAt"],
            },
            "status_map": {"pending": "PENDING", "succeeded": "APPROVED", "failed": "ERROR"},
            # Captures created before Mollie added ``status`` exist only once they went through.
            "rules": [{"when": {"status": {"exists": False}}, "set": {"status_category": "APPROVED"}}],
        },
        {
            "name": f"{name}order", "match": {**match, f"{prefix}resource": "order"}, **extra,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "amount": ["amount.value"],
                "currency": ["amount.currency"],
                "event_time": times + ["paidAt", "authorizedAt", "canceledAt", "expiredAt", "createdAt"],
                "payment_method": ["method"],
                "customer_country": ["billingAddress.country"],
                "merchant_id": ["profileId"],
                "payment_id": ["id"],
            },
            # An order is the payment as a whole; its payments (tr_) are the attempts.
            "event_kind": "PAYMENT",
            "status_map": {"created": "PENDING", "pending": "PENDING", "authorized": "APPROVED", "paid": "APPROVED",
                           "shipping": "APPROVED", "completed": "APPROVED", "canceled": "CANCELLED",
                           "expired": "CANCELLED"},
        },
    ]


SPEC = {
    "provider": "mollie",
    "aliases": ["mollie", "mollie_payments"],
    "detect": [
        {"path": "resource", "in": ["payment", "refund", "chargeback", "capture", "order", "event", "payment-link"],
         "weight": 0.5},
        {"path": "resource", "in": NOT_PAYMENT_RESOURCES, "weight": 0.2},
        # Mollie's own resource name for an order line (no other API names its resource "orderline").
        {"path": "resource", "in": ["orderline"], "weight": 0.3},
        {"path": "id",
         "prefix": ["tr_", "re_", "chb_", "cpt_", "ord_", "event_", "pl_", "stl_", "sub_", "mdt_", "odl_"],
         "weight": 0.2},
        {"path": "_links.documentation.href", "prefix": "https://docs.mollie.com", "weight": 0.5},
        # An error body's HAL documentation link (docs.mollie.com/overview/handling-errors: application/hal+json,
        # status, title, detail, field, _links.documentation {href, type "text/html"}): Mollie's own error shape even
        # when the logged link was trimmed. A bare {status, title, detail} (RFC 7807) is no Mollie signal.
        {"path": "_links.documentation.type", "in": ["text/html"], "weight": 0.5},
        {"path": "_embedded.payments.0.resource", "exists": True, "weight": 0.3},
        {"path": "_links.self.href", "prefix": "https://api.mollie.com", "weight": 0.5},
        {"path": "profileId", "prefix": "pfl_", "weight": 0.3},
        # A refund or chargeback names its payment (tr_) in paymentId (get-refund, get-chargeback).
        {"path": "paymentId", "prefix": "tr_", "weight": 0.3},
        {"path": "_embedded.entity.resource", "exists": True, "weight": 0.2},
        # v1 payments (docs.mollie.com/reference/v1/payments-api/get-payment): createdDatetime (v1's own name for
        # the creation time; with a tr_ id it names a v1 payment) and the payment screen's URL on Mollie's own site
        # in links.paymentUrl (present while the payment is open).
        {"path": "createdDatetime", "exists": True, "weight": 0.3},
        {"path": "links.paymentUrl", "prefix": ["https://www.mollie.com/", "https://www.mollie.nl/"], "weight": 0.5},
    ],
    "amount_unit": "major",
    "status_map": _PAYMENT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        *_documents({"resource": "event"}, "_embedded.entity", "event."),
        {
            # v1 payment: before the v2 payment variant, which would find no amount object in it.
            "name": "v1.payment",
            "match": {"resource": "payment", "createdDatetime": {"exists": True}},
            "default_currency": "EUR",  # v1 amounts are always EUR
            "fields": _V1_PAYMENT_FIELDS,
            # v1 payments took on refunded / charged_back themselves (REFUND / DISPUTE by their status).
            "status_map": _V1_PAYMENT_STATUSES,
        },
        {
            # v1 refund (www.mollie.com/en/docs/reference/refunds/get, the v1 reference; its statuses pending /
            # processing / refunded as mollie-api-haskell 0.2's RefundStatus documents them): the parent payment is
            # embedded under "payment" (v2 names it paymentId), amount a decimal string in EUR like v1 payments.
            "name": "v1.refund",
            "match": {"resource": "refund", "paymentId": {"exists": False}, "payment": {"exists": True}},
            "event_kind": "REFUND",
            "default_currency": "EUR",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"],
                       "amount": [f"^{UNSIGNED_AMOUNT_KEY}", "amount"], "event_time": ["refundedDatetime"],
                       "attempt_id": ["payment.id", "payment"], "refund_id": ["id"]},
            "status_map": {"queued": "PENDING", "pending": "PENDING", "processing": "PENDING",
                           "refunded": "REFUNDED", "failed": "DECLINED", "canceled": "CANCELLED"},
        },
        {
            # v1 chargeback (docs.mollie.com/reference/v1/chargebacks-api/get-chargeback: id chb_, payment the tr_
            # id, amount a decimal string in EUR, chargebackDatetime, reversedDatetime).
            "name": "v1.chargeback",
            "match": {"resource": "chargeback", "chargebackDatetime": {"exists": True}},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "default_currency": "EUR",
            "fields": {"provider_transaction_id": ["id"], "amount": [f"^{UNSIGNED_AMOUNT_KEY}", "amount"],
                       "event_time": ["chargebackDatetime"], "attempt_id": ["payment.id", "payment"],
                       "dispute_id": ["id"]},
        },
        # The same v1 payment logged without its "resource" key: v1 payment ids are tr_ and only v1 has
        # createdDatetime (docs.mollie.com/reference/v1/payments-api/get-payment).
        {
            "name": "v1.payment",
            "match": {"resource": {"exists": False}, "id": {"prefix": "tr_"}, "createdDatetime": {"exists": True},
                      "status": {"exists": True}},
            "default_currency": "EUR",  # v1 amounts are always EUR
            "fields": _V1_PAYMENT_FIELDS,
            "status_map": _V1_PAYMENT_STATUSES,
        },
        *_documents({}, None),
        # A list response kept whole: the first embedded object is the one the row is about.
        *(variant for kind in ("payment", "refund", "chargeback", "capture", "order")
          for variant in _documents({f"_embedded.{kind}s.0.resource": kind}, f"_embedded.{kind}s.0", "list.")
          if variant["name"] == f"list.{kind}"),
        {
            # The API refused the request (error body): no payment was created.
            "name": "api_error",
            "match": {"title": {"exists": True}, "detail": {"exists": True}, "resource": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["status"]},
            "reason_map": _ERROR_STATUSES,
        },
        {
            # The same error body without its detail (docs.mollie.com/reference/handling-errors documents status,
            # title, detail, field and _links.documentation; a 5xx answer logged with only status and title is the
            # same refusal): told by a documented HTTP error status and the _links.documentation link into
            # docs.mollie.com, which no payment resource carries without its "resource" key.
            "name": "api_error_without_detail",
            "match": {"title": {"exists": True}, "status": {"in": [int(code) for code in _ERROR_STATUSES]},
                      "_links.documentation.href": {"prefix": "https://docs.mollie.com/"},
                      "resource": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["status"]},
            "reason_map": _ERROR_STATUSES,
        },
    ],
}


# Resource ids a classic webhook can post (payments, refunds, chargebacks, orders, subscriptions...).
_WEBHOOK_ID_PREFIXES = ("tr_", "re_", "chb_", "ord_", "sub_", "pl_", "cst_", "mdt_", "stl_")


def prepare(body: Any) -> Any:
    """Refuse notifications that name a resource without its state; pass every other document through.

    The classic webhook posts ``id=tr_...`` only, and a next-gen event with the *simple* payload
    has ``entityId`` but no ``_embedded.entity`` snapshot: the outcome is in the resource's GET
    response, so neither is ever guessed at.
    """
    if not isinstance(body, dict):
        return body
    resource_id = body.get("id")
    if set(body) == {"id"} and isinstance(resource_id, str) and resource_id.startswith(_WEBHOOK_ID_PREFIXES):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"mollie: classic webhook for {resource_id} carries no status or amount")
    embedded = body.get("_embedded")
    if body.get("resource") == "event" and "entityId" in body and not (isinstance(embedded, dict) and embedded.get("entity")):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"mollie: {body.get('type')} event for {body.get('entityId')} has no entity snapshot")
    body = _with_resource(body)
    document = embedded.get("entity") if isinstance(embedded, dict) and body.get("resource") == "event" else body
    unsigned = _unsigned_amount(document) if isinstance(document, dict) else None
    return {**body, UNSIGNED_AMOUNT_KEY: unsigned} if unsigned is not None else body


def _unsigned_amount(document: dict) -> str | None:
    """A chargeback's or refund's ``amount.value`` without its minus sign, or None when it has none.

    A chargeback is money "reclaimed and deducted from your Mollie balance" (docs.mollie.com/reference/
    chargebacks-api), and such amounts may be sent signed as a deduction (``"value": "-13.00"``); the resource
    already says the direction (a chargeback is a DISPUTE, a refund a REFUND), and amount_minor is the size of
    the money moved (docs/taxonomy.md), so the sign is dropped. The stored payload is left as it is.
    """
    if document.get("resource") not in ("chargeback", "refund"):
        return None
    amount = document.get("amount")
    value = amount.get("value") if isinstance(amount, dict) else None
    if isinstance(value, str) and value.strip().startswith("-"):
        return value.strip()[1:]
    return None


def _with_resource(body: dict) -> dict:
    """A refund or chargeback object kept without its ``resource`` (as integrations such as activepieces pass it on).

    Refunds and chargebacks name their payment in ``paymentId`` (a ``tr_`` id, get-refund / get-chargeback); a
    chargeback's own id is ``chb_``, and a chargeback has no status while a refund has one of the refund statuses.
    """
    if "resource" in body or not str(body.get("paymentId", "")).startswith("tr_") \
            or not isinstance(body.get("amount"), dict):
        return body
    if str(body.get("id", "")).startswith("chb_") and "status" not in body:
        return {**body, "resource": "chargeback"}
    if str(body.get("status", "")).lower() in _REFUND_STATUSES and not str(body.get("id", "")).startswith("chb_"):
        return {**body, "resource": "refund"}
    return body

