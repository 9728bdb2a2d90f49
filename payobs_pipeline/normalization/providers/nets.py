"""Nexi Nets Easy (Nets Checkout, now "Nexi Checkout"): webhooks, the payment object, the create-payment answer.

Sources:
- developer.nexigroup.com/nexi-checkout/en-EU/api/payment-v1/ (Payment API v1: amounts "in the lowest monetary
  unit" of the currency; webhook events), as modelled by SDKs' source:
  * a TypeScript SDK's webhook types (``EventName``: payment.created, payment.checkout.completed,
    payment.reservation.created(.v2), payment.reservation.failed, payment.charge.created(.v2),
    payment.charge.failed(.v2), payment.cancel.created, payment.cancel.failed, payment.refund.initiated(.v2),
    payment.refund.completed, payment.refund.failed; envelope ``id``, ``event``, ``timestamp``, ``merchantId``,
    ``merchantNumber``, ``data``; ``data.amount`` {amount, currency}, ``data.order.amount`` on payment.created /
    checkout.completed, ``data.paymentId``, ``chargeId``, ``refundId``, ``cancelId``, ``paymentType``,
    ``paymentMethod``, ``cardDetails.issuerCountry``, ``data.error`` {code, message, source} on the *.failed events)
  * github.com/Newex/SolidNetsEasyClient NetsEasyClient/Models/DTOs: Responses/Payments/PaymentStatus.cs (GET
    /v1/payments/{paymentId}: ``payment`` with paymentId, summary, paymentDetails, orderDetails, checkout, created,
    refunds, charges, ``terminated`` "only present if the payment has been terminated", myReference),
    Summary.cs (reservedAmount, chargedAmount, refundedAmount, cancelledAmount), OrderDetailsInfo.cs (amount
    "for example 10000", currency, reference), PaymentDetails.cs / Enums/PaymentTypeEnum.cs (paymentType CARD,
    INVOICE, A2A, INSTALLMENT, WALLET, PREPAID-INVOICE; paymentMethod e.g. Visa, MasterCard),
    Constants/EventNameConstants.cs

A payment object has no status field: :func:`prepare` reads it from the summary (terminated: cancelled; refunded,
charged, cancelled or reserved amounts; none of them: the checkout is still open). The failed events' error
``code`` is Nets' own (no table of it was found; it is not read as ISO 8583): it is kept as the raw code, and an
error whose ``source`` is the issuer is a plain issuer refusal. ``source`` "internal" (the webhook error's
``source``: "The source of the error, for example: 'internal'", SolidNetsEasyClient
NetsEasyClient/Models/DTOs/Responses/Webhooks/Common/WebhookError.cs, the docs' field text) is a failure inside
Nets, not a refusal: PROCESSING_ERROR, and a reservation or charge that failed so is an ERROR (a failed refund
stays DECLINED: the taxonomy's REFUND has no ERROR; a failed cancel is always an ERROR).

Lifecycle identity: the payment (``paymentId``) is both the payment and its one reservation (the attempt);
charges (``chargeId``), refunds (``refundId``) and cancels name it.
"""

from __future__ import annotations

from typing import Any

STATUS_KEY = "payobs_nets_status"  # prepare(): a payment object's state read from its summary
KIND_KEY = "payobs_nets_kind"
REFUND_KEY = "payobs_nets_refund_id"

EVENTS = {
    "payment.created": "PENDING",
    "payment.checkout.completed": "APPROVED",
    "payment.reservation.created": "APPROVED",
    "payment.reservation.created.v2": "APPROVED",
    "payment.reservation.failed": "DECLINED",
    "payment.charge.created": "APPROVED",
    "payment.charge.created.v2": "APPROVED",
    "payment.charge.failed": "DECLINED",
    "payment.charge.failed.v2": "DECLINED",
    "payment.cancel.created": "CANCELLED",
    "payment.cancel.failed": "ERROR",
    "payment.refund.initiated": "PENDING",
    "payment.refund.initiated.v2": "PENDING",
    "payment.refund.completed": "REFUNDED",
    "payment.refund.failed": "DECLINED",
}
EVENT_KINDS = {
    "PAYMENT": ["payment.created", "payment.checkout.completed"],
    "CAPTURE": ["payment.charge.created", "payment.charge.created.v2", "payment.charge.failed",
                "payment.charge.failed.v2"],
    "VOID": ["payment.cancel.created", "payment.cancel.failed"],
    "REFUND": ["payment.refund.initiated", "payment.refund.initiated.v2", "payment.refund.completed",
               "payment.refund.failed"],
}
PAYMENT_TYPES = {
    "CARD": "CARD",
    "INVOICE": "BNPL",
    "INSTALLMENT": "BNPL",
    "PREPAID-INVOICE": "OTHER",
    "A2A": "BANK_TRANSFER",
    "WALLET": "WALLET",
}
# paymentMethod names a scheme only for cards; wallets and invoices are named by the product.
CARD_BRANDS = {name: None for name in ["Swish", "Vipps", "MobilePay", "EasyInvoice", "EasyCampaign",
                                       "EasyInstallment", "RatePayInvoice", "ApplePay", "GooglePay", "PayPal",
                                       "Sofort", "Trustly", "Klarna", "Twint"]}
REASONS = {"Issuer": "GENERIC_DECLINE", "Internal": "PROCESSING_ERROR"}
# Operations whose failure inside Nets (error source internal) is a technical failure, not a refusal.
ERROR_WHEN_INTERNAL = ["payment.reservation.failed", "payment.charge.failed", "payment.charge.failed.v2"]

PAYMENT_OBJECT_STATUSES = {"CANCELLED": "CANCELLED", "REFUNDED": "REFUNDED", "CAPTURED": "APPROVED",
                           "VOIDED": "CANCELLED", "RESERVED": "APPROVED", "OPEN": "PENDING"}


def _positive(value: Any) -> bool:
    try:
        return int(value) > 0
    except (TypeError, ValueError):
        return False


def prepare(body: Any) -> Any:
    """A payment object with its state read from its summary; every other document unchanged (a shallow copy)."""
    if not isinstance(body, dict) or not isinstance(body.get("payment"), dict):
        return body
    payment = body["payment"]
    summary = payment.get("summary") if isinstance(payment.get("summary"), dict) else {}
    refunds = payment.get("refunds") if isinstance(payment.get("refunds"), list) else []
    if payment.get("terminated"):
        state, kind = "CANCELLED", "PAYMENT"
    elif _positive(summary.get("refundedAmount")):
        state, kind = "REFUNDED", "REFUND"
    elif _positive(summary.get("chargedAmount")):
        state, kind = "CAPTURED", "CAPTURE"
    elif _positive(summary.get("cancelledAmount")):
        state, kind = "VOIDED", "VOID"
    elif _positive(summary.get("reservedAmount")):
        state, kind = "RESERVED", "AUTHORIZATION"
    else:
        state, kind = "OPEN", "PAYMENT"
    last_refund = refunds[-1].get("refundId") if refunds and isinstance(refunds[-1], dict) else None
    return {**body, STATUS_KEY: state, KIND_KEY: kind, REFUND_KEY: last_refund}


# Aliases of the legacy API generation (its own module), named by both so a hint reaches either.
LEGACY_ALIASES = ["netaxept", "nets netaxept", "nets_netaxept", "bbs", "nexi netaxept"]

SPEC = {
    "provider": "nets",
    "aliases": ["nets", "nets_easy", "netseasy", "Nets Easy", "nexi_checkout", "nexi_nets", "dibs", "dibs_easy",
                "nets_checkout", "nexi_easy", *LEGACY_ALIASES],
    "detect": [
        {"path": "event", "in": list(EVENTS), "weight": 0.4},
        {"path": "data.paymentId", "exists": True, "weight": 0.3},
        {"path": "merchantNumber", "exists": True, "weight": 0.2},
        {"path": "payment.paymentId", "exists": True, "weight": 0.3},
        {"path": "payment.summary", "exists": True, "weight": 0.3},
        {"path": "payment.orderDetails.currency", "exists": True, "weight": 0.2},
        {"path": "payment.checkout.url", "exists": True, "weight": 0.2},
        {"path": "hostedPaymentPageUrl", "exists": True, "weight": 0.5},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_TYPES,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "webhook",
            "match": {"event": list(EVENTS), "data": {"exists": True}},
            "root": "data",
            "fields": {
                "provider_transaction_id": ["refundId", "chargeId", "cancelId", "paymentId"],
                "status": ["^event"],
                "reason_code": ["error.code", "error.source"],
                "amount": ["amount.amount", "order.amount.amount"],
                "currency": ["amount.currency", "order.amount.currency"],
                "event_time": ["^timestamp"],
                "merchant_id": ["^merchantId"],
                "payment_method": ["paymentType"],
                "card_brand": ["paymentMethod"],
                "card_country": ["cardDetails.issuerCountry"],
                "attempt_id": ["paymentId"],
                "payment_id": ["paymentId"],
                "refund_id": ["refundId"],
            },
            "status_map": EVENTS,
            "rules": [
                *({"when": {"^event": events}, "set": {"event_kind": kind}} for kind, events in EVENT_KINDS.items()),
                {"when": {"^event": "payment.reservation.failed", "error.source": "Issuer"},
                 "set": {"failure_source": "ISSUER"}},
                {"when": {"^event": ERROR_WHEN_INTERNAL, "error.source": "Internal"},
                 "set": {"status_category": "ERROR"}},
            ],
        },
        {
            "name": "payment",
            "match": {"payment.paymentId": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment.paymentId"],
                "status": [STATUS_KEY],
                "amount": ["payment.orderDetails.amount"],
                "currency": ["payment.orderDetails.currency"],
                "event_time": ["payment.created"],
                "payment_method": ["payment.paymentDetails.paymentType"],
                "card_brand": ["payment.paymentDetails.paymentMethod"],
                "attempt_id": ["payment.paymentId"],
                "payment_id": ["payment.paymentId"],
                "refund_id": [REFUND_KEY],
            },
            "status_map": PAYMENT_OBJECT_STATUSES,
            "rules": [{"when": {KIND_KEY: kind}, "set": {"event_kind": kind}}
                      for kind in ("PAYMENT", "REFUND", "CAPTURE", "VOID", "AUTHORIZATION")],
        },
        {
            # POST /v1/payments answer: the checkout the customer is still to complete.
            "name": "payment_created",
            "match": {"hostedPaymentPageUrl": {"exists": True}, "paymentId": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["paymentId"], "payment_id": ["paymentId"]},
        },
    ],
}
