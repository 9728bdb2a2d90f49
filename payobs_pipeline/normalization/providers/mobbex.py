"""Mobbex (Argentina): the checkout and application webhooks ({type, data {result, view, payment, user}}), the
payment's status a code with its text.

Sources:
- Mobbex developers site, repo mobbexco/developers: statuses.md ("Códigos de Estado", the states of a
  transaction: 0 Sin Estado, 1 Pendiente, 2 En Espera (a cash coupon awaiting payment), 3 Autorizada (a card
  authorization awaiting capture), 200 Paga, 300 Completada, 301 Liquidada, 400 Declinada, 401 Expirada,
  500 Error, 600 Cancelación en proceso, 601 Cancelada) and webhooks.md (the webhook's content: type payment,
  data.result, data.view, data.payment {id, operation.type, status {code, text, message}, total, currency
  {code, text}, source {name, type, number, installment}, user, reference}; total a decimal in the currency).
- Mobbex's webhook test tool (repo mobbexco/WebhooksTestTool, data.json): a checkout webhook (type checkout,
  operation.type payment.v2, status 2 "En Espera" for a Rapipago/PagoFácil cash coupon, created, updated).

Read as: 200, 300, 301 and 3 (authorized) -> APPROVED; 0, 1, 2 -> PENDING; 400 -> DECLINED; 401 (expired) ->
CANCELLED; 500 -> ERROR; 601 (cancelled after payment) -> CANCELLED, a VOID. 600 (a cancellation in process)
says no outcome yet and is left unmapped. Mobbex's stored pages give no reason codes for a decline (only
status.message, the acquirer's text, e.g. "APROBADA - Autorizada"), so every decline is UNKNOWN; the newer,
finer status table of mobbex.dev (codes 4xx per reason) and Mobbex's API error bodies are not stored and are
not mapped.
"""

from __future__ import annotations

STATUSES = {
    "0": "PENDING",     # Sin Estado
    "1": "PENDING",     # Pendiente
    "2": "PENDING",     # En Espera: a cash coupon awaiting payment
    "3": "APPROVED",    # Autorizada: a card authorization awaiting capture
    "200": "APPROVED",  # Paga
    "300": "APPROVED",  # Completada
    "301": "APPROVED",  # Liquidada
    "400": "DECLINED",  # Declinada
    "401": "CANCELLED",  # Expirada
    "500": "ERROR",     # Error
}
VOID_STATUSES = {"601": "CANCELLED"}  # Cancelada

PAYMENT_METHODS = {"card": "CARD", "cash": "CASH_VOUCHER"}

_CODES = [*STATUSES, *VOID_STATUSES, "600"]


# data.payment, as the variants' root.
_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status.code"],
    "reason_code": ["status.message"],
    "amount": ["total"],
    "currency": ["currency.code"],
    "event_time": ["updated", "created"],
    "payment_method": ["source.type"],
    "card_brand": ["source.name"],
    "attempt_id": ["id"],
    "payment_id": ["reference"],
}


def _webhook_variants(envelope: str) -> list[dict]:
    payment = f"{envelope}data.payment"
    return [
        {
            "name": f"{envelope}webhook.void",
            "root": payment,
            "match": {f"{payment}.status.code": {"in": list(VOID_STATUSES)}},
            "event_kind": "VOID",
            "status_map": VOID_STATUSES,
        },
        {
            "name": f"{envelope}webhook.payment",
            "root": payment,
            "match": {f"{payment}.status.code": {"exists": True}, f"{payment}.id": {"exists": True}},
        },
    ]


SPEC = {
    "provider": "mobbex",
    "aliases": ["mobbex", "mobbex.com", "mobbex checkout", "api.mobbex.com"],
    "detect": [
        {"path": "data.payment.status.code", "in": _CODES, "weight": 0.25},
        {"path": "data.payment.operation.type", "exists": True, "weight": 0.2},
        {"path": "data.payment.status.text", "exists": True, "weight": 0.1},
        {"path": "data.payment.total", "exists": True, "weight": 0.05},
        {"path": "data.view.type", "exists": True, "weight": 0.15},
        {"path": "data.result", "exists": True, "weight": 0.05},
        {"path": "type", "in": ["checkout", "payment"], "weight": 0.05},
        {"path": "form.data.payment.status.code", "in": _CODES, "weight": 0.25},
        {"path": "form.data.payment.operation.type", "exists": True, "weight": 0.2},
        {"path": "form.data.payment.status.text", "exists": True, "weight": 0.1},
        {"path": "form.data.view.type", "exists": True, "weight": 0.15},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _FIELDS,
    # webhooks.md shows the webhook as the request Mobbex sends ({url, method, form}): its body is form.
    "variants": [*_webhook_variants(""), *_webhook_variants("form.")],
}
