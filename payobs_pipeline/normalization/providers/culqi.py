"""Culqi (Peru): charges, refunds, orders (PagoEfectivo, Cuotéalo, wallets), events and API error bodies.

Sources (Culqi docs):
- https://docs.culqi.com/es/documentacion/pagos-online/cargo-unico/cargos (charge object: ``object: "charge"``,
  id ``chr_live_`` / ``chr_test_``, amount in céntimos, amount_refunded, current_amount, currency_code (older:
  currency) PEN / USD, source{iin{card_brand, issuer{country_code}}}, outcome{type ``venta_exitosa``, code
  ``AUT0000``, merchant_message, user_message}, capture, reference_code, authorization_code, creation_date (ms),
  antifraud_details{country_code})
- https://docs.culqi.com/es/documentacion/pagos-online/denegaciones/ (declines come back as an error object:
  ``object: "error"``, type ``card_error``, code ``card_declined``, decline_code expired_card / stolen_card /
  lost_card / insufficient_funds / contact_issuer / invalid_cvv / incorrect_cvv / too_many_attempts_cvv /
  issuer_not_available / issuer_decline_operation / invalid_card / processing_error / fraudulent / culqi_card,
  merchant_message, user_message, charge_id)
- Culqi API reference (apidocs.culqi.com) errors: authentication_error 401, invalid_request_error 400,
  parameter_error 400, card_error 402, limit_api_error 429, resource_error 404 / 409, api_error 500
- Refunds (``object: "refund"``, id ``ref_``, charge_id, amount, reason solicitud_comprador / duplicado /
  fraudulento, creation_date); orders (``object: "order"``, id ``ord_``, amount, currency_code, state created /
  pending / paid / expired / deleted, payment_code (CIP), paid_at, creation_date) for PagoEfectivo, Cuotéalo
  and wallet payments
- https://docs.culqi.com/es/documentacion/pagos-online/webhooks/ (event: ``object: "event"``, id ``evt_``,
  type charge.creation.succeeded / charge.creation.failed / refund.creation.succeeded / order.status.changed /
  customer.* / card.* / plan.* / subscription.*, creation_date, ``data`` holding the object as a JSON string)
- https://docs.culqi.com/es/documentacion/culqi-3ds/v1/uso-libreria (POST /v2/charges answers 201 when the
  charge was created, 200 when it must first go through Culqi3DS authentication: ``action_code: "REVIEW"``)
- github.com/culqi/culqi-php and culqi/culqi-java READMEs (API v1, "Botón de Pago Web", the older generation:
  response codigo_respuesta venta_registrada / venta_exitosa / comercio_invalido / parametro_invalido /
  expiracion_invalida / cvv_invalido / operacion_denegada / fondos_insuficientes / contactar_emisor /
  error_procesamiento / tarjeta_perdida / tarjeta_robada / tarjeta_vencida / devolucion_exitosa, ticket,
  numero_pedido ("retries relate to the same order number"), id_transaccion, marca, pais_emisor; consulta
  estado_transaccion Creada / Abandonada / Denegada / Exitosa / Depositada / Devuelta)

Lifecycle identity: the charge (``chr_``) is the attempt (API v1: the ``ticket``, with ``numero_pedido`` the
payment); a declined charge's error body names it in
``charge_id``; a refund (``ref_``) names its ``charge_id``; an order (``ord_``) is a payment of its own (cash /
bank / BNPL / wallet), with no card attempt under it.
"""

from __future__ import annotations

import json
from typing import Any

_PSP_RISK = {"source": "PSP_RISK"}

DECLINE_CODES = {
    "expired_card": "EXPIRED_CARD",
    "stolen_card": "LOST_OR_STOLEN_CARD",
    "lost_card": "LOST_OR_STOLEN_CARD",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "contact_issuer": "GENERIC_DECLINE",
    "invalid_cvv": "INCORRECT_CVC",
    "incorrect_cvv": "INCORRECT_CVC",
    # Too many wrong security codes: the issuer blocks further tries for now.
    "too_many_attempts_cvv": {"reason": "INCORRECT_CVC", "decline_type": "HARD"},
    "issuer_not_available": "ISSUER_UNAVAILABLE",
    "issuer_decline_operation": "GENERIC_DECLINE",
    "invalid_card": "TRANSACTION_NOT_PERMITTED",  # the card has restrictions for this kind of transaction
    "processing_error": "PROCESSING_ERROR",
    "fraudulent": "SUSPECTED_FRAUD",  # the issuer suspects fraud
    "culqi_card": "CONFIGURATION_ERROR",  # a Culqi test card used in production
    "card_declined": "GENERIC_DECLINE",
}
# ``code`` of parameter errors about the card data.
PARAMETER_CODES = {
    "invalid_number": "INVALID_CARD_DATA",
    "invalid_card_number": "INVALID_CARD_DATA",
    "invalid_expiration_month": "INVALID_CARD_DATA",
    "invalid_expiration_year": "INVALID_CARD_DATA",
    "invalid_expiration_date": "INVALID_CARD_DATA",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_currency": "INVALID_REQUEST",
}
ERROR_TYPES = {
    "card_error": "GENERIC_DECLINE",
    "authentication_error": "CONFIGURATION_ERROR",
    "invalid_request_error": "INVALID_REQUEST",
    "parameter_error": "INVALID_REQUEST",
    "resource_error": "INVALID_REQUEST",
    "limit_api_error": "PROCESSING_ERROR",  # rate limited
    "api_error": "PROCESSING_ERROR",
}
ERROR_TYPE_STATUS = {**dict.fromkeys(ERROR_TYPES, "ERROR"), "card_error": "DECLINED"}
REASONS = {**ERROR_TYPES, **PARAMETER_CODES, **DECLINE_CODES}

# outcome.type of a charge (a charge object exists only once authorized; declines answer an error object).
OUTCOMES = {"venta_exitosa": "APPROVED"}
ORDER_STATES = {
    "created": "PENDING",
    "pending": "PENDING",  # the CIP / payment code was issued and awaits payment
    "paid": "APPROVED",
    "expired": "CANCELLED",
    "deleted": "CANCELLED",
}
REFUND_STATES = {"succeeded": "REFUNDED", "pending": "PENDING", "failed": "DECLINED", "rejected": "DECLINED"}
# API v1 (Botón de Pago Web) codigo_respuesta and estado_transaccion.
V1_STATUSES = {
    "venta_registrada": "PENDING",  # the sale was registered; the card form has not been submitted yet
    "venta_exitosa": "APPROVED",
    "comercio_invalido": "ERROR",
    "parametro_invalido": "ERROR",
    "error_procesamiento": "ERROR",
    "expiracion_invalida": "DECLINED",
    "cvv_invalido": "DECLINED",
    "operacion_denegada": "DECLINED",
    "fondos_insuficientes": "DECLINED",
    "contactar_emisor": "DECLINED",
    "tarjeta_perdida": "DECLINED",
    "tarjeta_robada": "DECLINED",
    "tarjeta_vencida": "DECLINED",
    "devolucion_exitosa": "REFUNDED",  # annulled or refunded
    "creada": "PENDING",
    "abandonada": "CANCELLED",  # the customer closed the payment form
    "denegada": "DECLINED",
    "exitosa": "APPROVED",
    "depositada": "APPROVED",  # being settled
    "devuelta": "REFUNDED",
}
V1_REASONS = {
    "comercio_invalido": "CONFIGURATION_ERROR",
    "parametro_invalido": "INVALID_REQUEST",
    "error_procesamiento": "PROCESSING_ERROR",
    "expiracion_invalida": "INVALID_CARD_DATA",
    "cvv_invalido": "INCORRECT_CVC",
    "operacion_denegada": "GENERIC_DECLINE",
    "fondos_insuficientes": "INSUFFICIENT_FUNDS",
    "contactar_emisor": "GENERIC_DECLINE",
    "tarjeta_perdida": "LOST_OR_STOLEN_CARD",
    "tarjeta_robada": "LOST_OR_STOLEN_CARD",
    "tarjeta_vencida": "EXPIRED_CARD",
}
_V1_FIELDS = {
    "provider_transaction_id": ["ticket", "id_transaccion"],
    "status": ["estado_transaccion", "codigo_respuesta"],
    "reason_code": ["codigo_respuesta"],
    "card_brand": ["marca"],
    "card_country": ["pais_emisor"],
    "merchant_id": ["codigo_comercio"],
    "attempt_id": ["ticket", "id_transaccion"],
    "payment_id": ["numero_pedido"],
}

# Events about customers, cards, plans, subscriptions and tokens: not payment outcomes.
NON_PAYMENT_EVENT_PREFIXES = ["customer.", "card.", "plan.", "subscription.", "token."]

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["outcome.type"],
    "reason_code": ["outcome.code"],
    "amount": ["amount"],
    "currency": ["currency_code", "currency"],
    "event_time": ["creation_date", "capture_date"],
    "payment_method": ["source.type"],
    "card_brand": ["source.iin.card_brand", "source.source.iin.card_brand"],
    "card_country": ["source.iin.issuer.country_code", "source.source.iin.issuer.country_code"],
    "customer_country": ["antifraud_details.country_code"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["reason"],
    "amount": ["amount"],
    "currency": ["currency_code", "currency"],
    "event_time": ["creation_date"],
    "attempt_id": ["charge_id"],
    "refund_id": ["id"],
}
_ORDER_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["state"],
    "amount": ["amount"],
    "currency": ["currency_code", "currency"],
    "event_time": ["paid_at", "updated_at", "creation_date"],
    "payment_id": ["id"],
}
_ERROR_FIELDS = {
    "provider_transaction_id": ["charge_id"],
    "status": ["type"],
    "reason_code": ["decline_code", "code", "type"],
    "attempt_id": ["charge_id"],
}
PAYMENT_METHODS = {"card": "CARD", "yape": "WALLET"}
# A card_error is about a card charge.
_ERROR_RULES = [{"when": {"type": "card_error"}, "set": {"payment_method": "CARD"}}]
# Event types of the non-payment families (customers, cards, plans, subscriptions), as the panel lists them.
NON_PAYMENT_EVENT_TYPES = [
    f"{family}.{action}.succeeded" for family in ("customer", "card", "plan", "subscription")
    for action in ("creation", "update", "deletion")
]

SPEC = {
    "provider": "culqi",
    "aliases": ["culqi", "culqi peru", "culqi_pe", "culqi.com"],
    "detect": [
        {"path": "outcome.type", "in": list(OUTCOMES), "weight": 0.6},
        {"path": "outcome.code", "prefix": "AUT", "weight": 0.3},
        {"path": "id", "prefix": ["chr_live_", "chr_test_", "ref_live_", "ref_test_", "ord_live_", "ord_test_",
                                  "evt_live_", "evt_test_"], "weight": 0.6},
        {"path": "charge_id", "prefix": ["chr_live_", "chr_test_"], "weight": 0.4},
        {"path": "source.iin.card_brand", "exists": True, "weight": 0.3},
        {"path": "merchant_message", "exists": True, "weight": 0.3},
        # The error types Culqi names alone (Stripe's API shares card_error, invalid_request_error, api_error and
        # authentication_error): with merchant_message they name a Culqi error body.
        {"path": "type", "in": ["parameter_error", "limit_api_error"], "weight": 0.2},
        {"path": "user_message", "exists": True, "weight": 0.2},
        {"path": "decline_code", "in": list(DECLINE_CODES), "weight": 0.3},
        {"path": "type", "in": ["charge.creation.succeeded", "charge.creation.failed",
                                "refund.creation.succeeded", "order.status.changed"], "weight": 0.5},
        {"path": "type", "in": NON_PAYMENT_EVENT_TYPES, "weight": 0.4},
        {"path": "action_code", "in": ["REVIEW"], "weight": 0.3},
        {"path": "codigo_respuesta", "in": list(V1_STATUSES), "weight": 0.5},
        {"path": "codigo_comercio", "exists": True, "weight": 0.3},
        {"path": "estado_transaccion", "in": ["Creada", "Abandonada", "Denegada", "Exitosa", "Depositada",
                                              "Devuelta"], "weight": 0.3},
    ],
    "amount_unit": "minor",
    "payment_method_map": PAYMENT_METHODS,
    "reason_map": REASONS,
    "variants": [
        {"name": "event.not_a_payment",
         "match": {"object": "event", "type": {"prefix": NON_PAYMENT_EVENT_PREFIXES}},
         "not_a_payment": "a Culqi event about a customer, card, plan, subscription or token"},
        {"name": "event.charge", "root": "data", "match": {"object": "event", "data.object": "charge"},
         "fields": _CHARGE_FIELDS, "status_map": OUTCOMES, "default_payment_method": "CARD"},
        {"name": "event.refund", "root": "data", "match": {"object": "event", "data.object": "refund"},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATES, "status": "REFUNDED", "event_kind": "REFUND"},
        {"name": "event.order", "root": "data", "match": {"object": "event", "data.object": "order"},
         "fields": _ORDER_FIELDS, "status_map": ORDER_STATES, "event_kind": "PAYMENT",
         "default_payment_method": None},
        {"name": "event.error", "root": "data", "match": {"object": "event", "data.object": "error"},
         "fields": _ERROR_FIELDS, "status_map": ERROR_TYPE_STATUS},
        {"name": "charge", "match": {"object": "charge"}, "fields": _CHARGE_FIELDS, "status_map": OUTCOMES},
        {"name": "refund", "match": {"object": "refund"}, "fields": _REFUND_FIELDS, "status": "REFUNDED",
         "event_kind": "REFUND"},
        {"name": "order", "match": {"object": "order"}, "fields": _ORDER_FIELDS, "status_map": ORDER_STATES,
         "event_kind": "PAYMENT"},
        {
            # A charge that needs 3DS authentication before Culqi decides.
            "name": "charge_review",
            "match": {"action_code": "REVIEW"},
            "status": "PENDING",
            "fields": {"provider_transaction_id": ["id"]},
        },
        {
            # API v1 (Botón de Pago Web): sale creation, processing, query and annulment answers.
            "name": "v1_sale",
            "match": {"codigo_comercio": {"exists": True}},
            "fields": _V1_FIELDS,
            "status_map": V1_STATUSES,
            "reason_map": V1_REASONS,
            "default_payment_method": "CARD",
            "rules": [{"when": {"codigo_respuesta": "venta_registrada", "estado_transaccion": {"exists": False}},
                       "set": {"event_kind": "PAYMENT"}},
                      {"when": {"estado_transaccion": "Abandonada"}, "set": {"event_kind": "PAYMENT"}}],
        },
        {
            # An error body. card_error is the issuer's (or Culqi's) refusal of a charge that was attempted
            # (charge_id); every other type is a request that failed.
            "name": "error",
            "match": {"object": "error"},
            "fields": _ERROR_FIELDS,
            "status_map": ERROR_TYPE_STATUS,
            "rules": _ERROR_RULES,
        },
    ],
}


def prepare(body: Any) -> Any:
    """An event's ``data`` is the object as a JSON string: parse it. A refund carries no currency: its amount
    cannot be stated in a currency, so it is dropped rather than guessed."""
    if not isinstance(body, dict):
        return body
    if body.get("object") == "event" and isinstance(body.get("data"), str):
        try:
            data = json.loads(body["data"])
        except ValueError:
            return body
        body = {**body, "data": data}
    for key in (None, "data"):
        document = body if key is None else body.get(key)
        if (isinstance(document, dict) and document.get("object") == "refund"
                and not (document.get("currency_code") or document.get("currency")) and "amount" in document):
            document = {k: v for k, v in document.items() if k != "amount"}
            body = document if key is None else {**body, key: document}
    return body
