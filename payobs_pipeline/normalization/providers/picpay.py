"""PicPay (Brazil), E-commerce Public API (appws.picpay.com/ecommerce/public): the order status answer, the payment
order creation answer, the capture and cancellation (refund) answers, the callback, and the error bodies.

Sources (PicPay's own documentation repository, PicPay/picpay-docs-digital-payments):
- "PicPay - E-commerce Public API" OpenAPI 3.0 (static/swagger/ecommerce-en.json; Portuguese ecommerce.json):
  POST /payments answers {referenceId, paymentUrl (https://app.picpay.com/checkout/...), expiresAt, qrcode
  {content, base64}}; GET /payments/{referenceId}/status answers {authorizationId ("payment authorization number
  (if paid)"), referenceId, status, summary {authorized, paid, refunded}}; POST /payments/{referenceId}/capture
  answers {id, referenceId, status, summary}; POST /payments/{referenceId}/refunds answers {id ("unique
  cancellation identifier"), referenceId, summary}. ``value`` and the summary amounts are "in BRL" (decimals,
  major units).
- status enum: created (record created), expired (deadline for payment expired; also a cancelled unpaid order),
  authorized (authorized and awaiting capture), paid (paid, captured), refunded (paid and refunded), chargeback
  (paid and with chargeback). "Obter status do pagamento" (docs/checkout/guides/order-status.md) adds analysis
  (PicPay reviewing suspected fraud).
- Callback (the OpenAPI's /callback and docs/checkout/guides/notifications.md): PicPay POSTs only {referenceId,
  authorizationId}; the merchant must GET the status: a notification without outcome.
- Errors: 401 {message: "O Token informado é inválido"}; 422 {message: "Algumas propriedades não passaram no teste
  de validação." / "Some properties did not pass the validation test.", errors [{field, message}]}, the refund
  422s "O valor do cancelamento é maior do que o valor total do pagamento." (cancellation exceeds the payment),
  "Cancel value is less than 0.", "The payment has already been completely canceled.", the capture 422 "O valor
  enviado é maior do que o valor total da transação original."; 500 {message: "Problema geral, verifique se a
  transação foi criada ou cancele a mesma."}. The bodies carry no HTTP status, so a 401 and a 500 are told
  apart by their documented messages.

PicPay documents no decline reasons for the e-commerce API: a payer who does not pay lets the order expire
(CANCELLED); there is no DECLINED status.

Lifecycle identity: the merchant's referenceId is the payment; PicPay's authorizationId is the attempt (present
once authorized); a cancellation (refund) is the refunds answer's id.
"""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {
    "created": "PENDING",
    "analysis": "PENDING",  # PicPay reviewing suspected fraud
    "authorized": "APPROVED",  # authorized, awaiting capture
    "paid": "APPROVED",
    "expired": "CANCELLED",
    "refunded": "REFUNDED",
    "chargeback": "CHARGEBACK",
}

# Error messages the OpenAPI documents (the bodies carry no code).
ERROR_MESSAGES = {
    "O Token informado é inválido": "CONFIGURATION_ERROR",
    "Algumas propriedades não passaram no teste de validação.": "INVALID_REQUEST",
    "Some properties did not pass the validation test.": "INVALID_REQUEST",
    "O valor do cancelamento é maior do que o valor total do pagamento.": "INVALID_REQUEST",
    "The cancellation amount is greater than the total payment amount.": "INVALID_REQUEST",
    "Cancel value is less than 0.": "INVALID_REQUEST",
    "The payment has already been completely canceled.": "INVALID_REQUEST",
    "O valor enviado é maior do que o valor total da transação original.": "INVALID_REQUEST",
    "Problema geral, verifique se a transação foi criada ou cancele a mesma.": "PROCESSING_ERROR",
}


def prepare(body):
    """The callback carries only the order's ids: the merchant must GET its status."""
    if isinstance(body, dict) and body.get("referenceId") and set(body) <= {"referenceId", "authorizationId"}:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "picpay: callback ids only; GET /payments/{id}/status")
    return body


_STATUS_FIELDS = {
    "provider_transaction_id": ["authorizationId", "referenceId"],
    "status": ["status"],
    "amount": ["summary.paid"],
    "attempt_id": ["authorizationId"],
    "payment_id": ["referenceId"],
}

SPEC = {
    "provider": "picpay",
    "aliases": ["picpay", "picpay e-commerce", "picpay ecommerce", "picpay.com", "pic pay"],
    "detect": [
        {"path": "paymentUrl", "prefix": ["https://app.picpay.com/checkout/"], "weight": 0.6},
        {"path": "qrcode.base64", "exists": True, "weight": 0.1},
        {"path": "authorizationId", "exists": True, "weight": 0.3},
        {"path": "referenceId", "exists": True, "weight": 0.2},
        {"path": "summary.authorized", "exists": True, "weight": 0.2},
        {"path": "summary.refunded", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "BRL",
    "default_payment_method": "WALLET",
    "status_map": STATUSES,
    "fields": _STATUS_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"message": {"exists": True}, "referenceId": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "default_payment_method": None,
            "fields": {"reason_code": ["message", "errors.message"]},
            "reason_map": ERROR_MESSAGES,
        },
        {
            "name": "created",
            "match": {"referenceId": {"exists": True}, "paymentUrl": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["referenceId"], "payment_id": ["referenceId"]},
        },
        {
            # The refunds answer: no status, the cancelled amount in summary.refunded.
            "name": "cancellation",
            "match": {"id": {"exists": True}, "summary": {"exists": True}, "status": {"exists": False}},
            "status": "REFUNDED",
            "fields": {"provider_transaction_id": ["id"], "amount": ["summary.refunded"], "refund_id": ["id"],
                       "payment_id": ["referenceId"]},
        },
        {
            "name": "capture",
            "match": {"id": {"exists": True}, "status": {"in": list(STATUSES)}},
            "event_kind": "CAPTURE",
            "fields": {**_STATUS_FIELDS, "provider_transaction_id": ["id"], "attempt_id": []},
        },
        {
            "name": "status_refunded",
            "match": {"status": "refunded"},
            "fields": {**_STATUS_FIELDS, "amount": ["summary.refunded"], "refund_id": []},
        },
        {
            "name": "status_authorized",
            "match": {"status": "authorized"},
            "fields": {**_STATUS_FIELDS, "amount": ["summary.authorized"]},
        },
        {
            # Nothing paid yet (or never): the summary's zeros are no amount of the order.
            "name": "status_unpaid",
            "match": {"status": {"in": ["created", "analysis", "expired"]}},
            "fields": {**_STATUS_FIELDS, "amount": []},
        },
        {
            "name": "status",
            "match": {"status": {"in": list(STATUSES)}},
        },
    ],
}
