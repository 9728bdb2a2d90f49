"""Flow (Flow.cl, Chile): the payment status answer, the payment creation answer, the refund answer, the
confirmation callback and the API error body.

Sources (Flow API REST v1 reference, https://developers.flow.cl/api and the tutorials "Estado de una orden",
"Confirmación de orden", "Reversar orden"; the typed client flowcl-node-api-client, IFlowResponse / FlowStatus):
- ``payment/getStatus`` (also getStatusByCommerceId / getStatusByFlowOrder / getStatusExtended): flowOrder
  (Flow's order number), commerceOrder (the merchant's order), requestDate, status, subject, currency, amount (in
  the currency's units: CLP has no decimals), payer, optional, pending_info {media, date}, paymentData {date,
  media, conversionDate, conversionRate, amount, currency, fee, balance, transferDate}, merchantId; the extended
  form adds lastError {code, message, medioCode} (the last refused try's code and the payment method's own code).
- status: 1 pending payment ("pendiente de pago"), 2 paid ("pagada"), 3 rejected ("rechazada"), 4 cancelled
  ("anulada") (FlowStatus PENDING_PAYMENT = 1, PAIED = 2, REJECTED = 3, CANCELED = 4).
- ``payment/create`` answers {url, token, flowOrder}: an order opened, nothing paid.
- Confirmation (urlConfirmation POST) carries only ``token``: the merchant must call getStatus, so the
  callback alone is a notification without outcome.
- ``refund/create`` / ``refund/getStatus`` answer {token, flowRefundOrder, date, status created / accepted /
  rejected / refunded / canceled, amount, fee}.
- Errors: HTTP 400 / 401 ``{"code": <number>, "message": "..."}``; the reference lists no table of the codes,
  and the body does not say which HTTP status it came with, so every error answer is read as an invalid request.
- paymentData.media names the method: Webpay (cards), Servipag, Multicaja (cash or transfer), Mach, Onepay,
  Khipu / transferencia (bank transfer), Flow's own "Flow" wallet.

Flow documents no table of decline reasons (lastError.code / medioCode are the payment method's own codes, not
listed): a rejected payment has failure_reason UNKNOWN.

Lifecycle identity: flowOrder is the attempt and the payment (one order per payment); commerceOrder is the
merchant's reference; a refund is its flowRefundOrder.
"""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {"1": "PENDING", "2": "APPROVED", "3": "DECLINED", "4": "CANCELLED"}

REFUND_STATUSES = {"created": "PENDING", "accepted": "PENDING", "refunded": "REFUNDED", "rejected": "DECLINED",
                   "canceled": "CANCELLED"}

PAYMENT_METHODS = {
    "webpay": "CARD", "webpay plus": "CARD", "onepay": "WALLET", "mach": "WALLET", "flow": "WALLET",
    "servipag": "CASH_VOUCHER", "multicaja": "CASH_VOUCHER", "khipu": "BANK_TRANSFER",
    "transferencia": "BANK_TRANSFER",
}


def prepare(body):
    """A confirmation callback carries only the token of the order to look up: no outcome to read."""
    if isinstance(body, dict) and set(body) == {"token"}:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "flow: confirmation token only; call payment/getStatus")
    return body


SPEC = {
    "provider": "flow",
    "aliases": ["flow", "flow.cl", "flowcl", "flow chile", "flow api"],
    "detect": [
        {"path": "flowOrder", "exists": True, "weight": 0.5},
        {"path": "commerceOrder", "exists": True, "weight": 0.3},
        {"path": "paymentData.balance", "exists": True, "weight": 0.1},
        {"path": "pending_info", "exists": True, "weight": 0.1},
        {"path": "flowRefundOrder", "exists": True, "weight": 0.6},
        {"path": "url", "prefix": ["https://www.flow.cl/", "https://sandbox.flow.cl/"], "weight": 0.4},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "refund",
            "match": {"flowRefundOrder": {"exists": True}},
            "event_kind": "REFUND",
            "default_currency": "CLP",  # refunds are in the order's currency; Flow's refunds answer names none
            "fields": {"provider_transaction_id": ["flowRefundOrder"], "status": ["status"], "amount": ["amount"],
                       "event_time": ["date"], "refund_id": ["flowRefundOrder"]},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "create",
            "match": {"flowOrder": {"exists": True}, "token": {"exists": True}, "status": {"exists": False}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["flowOrder"], "payment_id": ["flowOrder"]},
        },
        {
            "name": "payment_status",
            "match": {"flowOrder": {"exists": True}, "status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["flowOrder"],
                "status": ["status"],
                "reason_code": ["lastError.medioCode", "lastError.code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["paymentData.date", "requestDate"],
                "payment_method": ["paymentData.media", "pending_info.media"],
                "merchant_id": ["merchantId"],
                "attempt_id": ["flowOrder"],
                "payment_id": ["flowOrder"],
            },
        },
        {
            "name": "error",
            "match": {"code": {"exists": True}, "message": {"exists": True}, "flowOrder": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"]},
            "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
    ],
}
