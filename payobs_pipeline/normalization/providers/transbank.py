"""Transbank (Chile): Webpay Plus / Webpay Plus Mall / Oneclick Mall / Transacción Completa REST responses.

Sources (Transbank Developers):
- https://www.transbankdevelopers.cl/referencia/webpay#confirmar-una-transaccion (commit / status response: vci,
  amount (CLP, no decimals), status, buy_order, session_id, card_detail.card_number, accounting_date (MMDD),
  transaction_date, authorization_code, payment_type_code, response_code, installments_amount,
  installments_number, balance; status INITIALIZED, AUTHORIZED, REVERSED, FAILED, NULLIFIED,
  PARTIALLY_NULLIFIED, CAPTURED)
- https://gist.github.com/juque/7aa51256e3d84db11f3e6f40db81a014 (copy of the reference's field list: vci TSY
  autenticación exitosa, TSN fallida, TO tiempo excedido, ABO abortada por el tarjetahabiente, U3 error interno,
  NP no participa, ACS2 autenticación fallida extranjera; payment_type_code VD venta débito, VN venta normal,
  VC venta en cuotas, SI 3 cuotas sin interés, S2 2 cuotas sin interés, NC N cuotas sin interés, VP venta prepago)
- https://www.transbankdevelopers.cl/referencia/webpay#reversar-o-anular-un-pago (refund response: type REVERSED,
  or type NULLIFIED with authorization_code, authorization_date, nullified_amount, balance, response_code)
- https://www.transbankdevelopers.cl/referencia/webpay#captura-diferida (capture response: authorization_code,
  authorization_date, captured_amount, response_code)
- https://www.transbankdevelopers.cl/referencia/oneclick (Oneclick Mall authorize: parent_buy_order,
  card_detail, details[] {amount, status, authorization_code, payment_type_code, response_code,
  installments_number, commerce_code, buy_order})
- https://www.transbankdevelopers.cl/documentacion/como_empezar#codigos-de-respuesta-de-autorizacion
  (response_code: 0 aprobada; -1 rechazo (posible error en el ingreso de datos), -2 rechazo (fallo al procesar:
  parámetros de la tarjeta y/o su cuenta), -3 error en transacción, -4 rechazo del emisor, -5 rechazo por riesgo
  de posible fraude; Webpay SOAP/Oneclick: -6 excede cupo máximo mensual, -7 excede límite diario por
  transacción, -8 rubro no autorizado; Oneclick: -96 tbk_user no existe, -97 máximo monto diario de pago
  excedido, -98 máximo monto de pago excedido, -99 máxima cantidad de pagos diarios excedida)
- https://www.transbankdevelopers.cl/documentacion/webpay-plus (flows: the return URL receives ``token_ws`` after a
  payment (the merchant must commit it to learn the outcome); ``TBK_TOKEN``, ``TBK_ORDEN_COMPRA`` and
  ``TBK_ID_SESION`` when the cardholder aborted in the payment form; only ``TBK_ORDEN_COMPRA`` and ``TBK_ID_SESION``
  after the form timed out) and the SOAP reference (Referencia API SOAP Webpay 7.3 "transacción anulada en
  formulario de pago", 7.4 "evento de timeout")
- https://www.transbankdevelopers.cl/referencia/oneclick (inscription finish: response_code, tbk_user,
  authorization_code, card_type, card_number: a card enrollment, not a payment)
- API errors: HTTP 4xx/5xx with ``{"error_message": "..."}`` (e.g. "Invalid value for parameter: amount",
  "Transaction already locked by another process"; 401 "Not Authorized").
Verification: the transbankdevelopers.cl reference pages were readable from the search index only in part (their
headers and flows); the field list comes from the gist copy above, the response_code meanings from the Transbank
documentation as known to the author.
Amounts are whole pesos (CLP exponent 0); Webpay carries no currency field, so CLP is the default.
A REVERSED refund undoes the authorization (VOID); a NULLIFIED one is a refund (anulación).

Lifecycle identity: Webpay gives no transaction id in the body beside the merchant's ``buy_order`` (unique per
transaction, the attempt) and the ``token`` the merchant kept; the attempt is the buy_order, the payment the
``session_id`` (or a Mall's ``parent_buy_order``). A nullification's ``authorization_code`` is its refund id.
"""

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {
    "INITIALIZED": "PENDING",  # created, the cardholder has not paid yet
    "AUTHORIZED": "APPROVED",
    "CAPTURED": "APPROVED",  # deferred capture done
    "FAILED": "DECLINED",  # rejected (response_code says why)
    "REVERSED": "CANCELLED",  # reversal: the authorization undone
    "NULLIFIED": "REFUNDED",  # anulación total
    "PARTIALLY_NULLIFIED": "REFUNDED",  # anulación parcial
}
REASONS = {
    "-1": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # posible error en el ingreso de datos
    "-2": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},  # fallo por parámetros de la tarjeta / cuenta
    "-3": "PROCESSING_ERROR",  # error en transacción
    "-4": "GENERIC_DECLINE",  # rechazada por parte del emisor
    "-5": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # transacción con riesgo de posible fraude
    "-6": "LIMIT_EXCEEDED",  # excede cupo máximo mensual
    "-7": "LIMIT_EXCEEDED",  # excede límite diario por transacción
    "-8": "TRANSACTION_NOT_PERMITTED",  # rubro no autorizado
    "-96": "INVALID_REQUEST",  # tbk_user no existe (Oneclick)
    "-97": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # Oneclick: máximo monto diario excedido
    "-98": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # Oneclick: máximo monto de pago excedido
    "-99": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # Oneclick: máxima cantidad de pagos diarios
}
PAYMENT_TYPES = dict.fromkeys(["VD", "VN", "VC", "SI", "S2", "NC", "VP"], "CARD")
_VCI_RULES = [
    # 3-D Secure outcome when the payment failed.
    {"when": {"^vci": ["TSN", "ACS2"]}, "set": {"failure_reason": "AUTHENTICATION_FAILED"}},
    {"when": {"^vci": ["TO", "ABO"]}, "set": {"failure_reason": "AUTHENTICATION_FAILED", "failure_source": "CUSTOMER"}},
    {"when": {"^vci": "U3"}, "set": {"failure_reason": "AUTHENTICATION_FAILED", "failure_source": "TECHNICAL"}},
]
_KIND_RULES = [
    {"when": {"status": "REVERSED"}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "INITIALIZED"}, "set": {"event_kind": "PAYMENT"}},
]
_TX_FIELDS = {
    "status": ["status"],
    "reason_code": ["response_code"],
    "amount": ["amount"],
    "event_time": ["transaction_date"],
    "payment_method": ["payment_type_code"],
    "provider_transaction_id": ["buy_order"],
    "attempt_id": ["buy_order"],
    "payment_id": ["session_id"],
}

TRANSBANK_ERROR_MESSAGES = ["Not Authorized", "Api mismatch error", "Invalid value for parameter",
                            "The transactions's date has passed max time", "The transaction's date has passed max time"]

SPEC = {
    "provider": "transbank",
    "aliases": ["transbank", "webpay", "webpay plus", "webpayplus", "webpay_plus", "oneclick", "transbank_webpay",
                "tbk", "webpay rest", "transaccion completa"],
    "detect": [
        {"path": "accounting_date", "exists": True, "weight": 0.3},
        {"path": "buy_order", "exists": True, "weight": 0.2},
        {"path": "payment_type_code", "in": list(PAYMENT_TYPES), "weight": 0.3},
        {"path": "vci", "exists": True, "weight": 0.2},
        {"path": "card_detail.card_number", "exists": True, "weight": 0.1},
        {"path": "parent_buy_order", "exists": True, "weight": 0.4},
        {"path": "details.0.payment_type_code", "in": list(PAYMENT_TYPES), "weight": 0.3},
        {"path": "details.0.commerce_code", "exists": True, "weight": 0.1},
        # Refund replies (transbankdevelopers.cl/referencia/webpay "Reversar o Anular un pago": a reversal
        # answers only {"type": "REVERSED"}; a nullification {"type": "NULLIFIED", authorization_code,
        # authorization_date, nullified_amount, balance, response_code}): Transbank's own words.
        {"path": "type", "in": ["REVERSED", "NULLIFIED"], "weight": 0.5},
        {"path": "nullified_amount", "exists": True, "weight": 0.3},
        {"path": "captured_amount", "exists": True, "weight": 0.3},
        {"path": "authorization_date", "exists": True, "weight": 0.2},
        # Error replies (transbankdevelopers.cl/referencia/webpay "Códigos de estado HTTP": 400, 401, 404, 422,
        # 500 answer {"error_message": "..."} and nothing else). Other gateways also name a field error_message
        # (Openpay's transaction), so the key alone is not enough; Transbank's own messages are (listed by
        # Transbank's plugin, TransbankDevelopers WooCommerce Webpay REST src/Helpers/ErrorUtil.php: 401 "Not
        # Authorized"; 422 "Api mismatch error, required version is ...", "Invalid value for parameter: <name>",
        # "The transactions's date has passed max time (7 days) to recover the status").
        {"path": "error_message", "exists": True, "weight": 0.2},
        {"path": "error_message", "prefix": TRANSBANK_ERROR_MESSAGES, "weight": 0.3},
        # Return-URL posts and Oneclick enrollment.
        {"path": "TBK_ORDEN_COMPRA", "exists": True, "weight": 0.5},
        {"path": "TBK_ID_SESION", "exists": True, "weight": 0.2},
        {"path": "TBK_TOKEN", "exists": True, "weight": 0.2},
        {"path": "token_ws", "exists": True, "weight": 0.5},
        {"path": "tbk_user", "exists": True, "weight": 0.5},
        {"path": "url", "prefix": ["https://webpay3g.transbank.cl", "https://webpay3gint.transbank.cl"], "weight": 0.5},
    ],
    "amount_unit": "major",
    "default_currency": "CLP",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_TYPES,
    "variants": [
        {
            "name": "oneclick_inscription",
            "match": {"tbk_user": {"exists": True}},
            "not_a_payment": "a Oneclick card enrollment (inscription), no payment",
        },
        {
            # The cardholder aborted in Webpay's form (TBK_TOKEN) or the form timed out (no token): nothing was
            # authorized.
            "name": "return_aborted",
            "match": {"TBK_ORDEN_COMPRA": {"exists": True}},
            "status": "CANCELLED",
            "fields": {"provider_transaction_id": ["TBK_ORDEN_COMPRA"], "attempt_id": ["TBK_ORDEN_COMPRA"],
                       "payment_id": ["TBK_ID_SESION"]},
        },
        {
            "name": "refund",
            "match": {"type": ["REVERSED", "NULLIFIED"]},
            "fields": {
                "status": ["type"],
                "reason_code": ["response_code"],
                "amount": ["nullified_amount"],
                "event_time": ["authorization_date"],
                "provider_transaction_id": ["authorization_code"],
                "refund_id": ["authorization_code"],
            },
            "rules": [{"when": {"type": "REVERSED"}, "set": {"event_kind": "VOID"}},
                      {"when": {"type": "NULLIFIED"}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "capture",
            "match": {"captured_amount": {"exists": True}},
            "event_kind": "CAPTURE",
            # Deferred capture exists for card authorizations only (transbankdevelopers.cl/referencia/webpay
            # "Captura diferida": credit cards).
            "default_payment_method": "CARD",
            "fields": {
                "status": ["response_code"],
                "reason_code": ["response_code"],
                "amount": ["captured_amount"],
                "event_time": ["authorization_date"],
                "provider_transaction_id": ["authorization_code"],
            },
            "status_map": {"0": "APPROVED", **dict.fromkeys(REASONS, "DECLINED")},
        },
        {
            # Oneclick Mall / Webpay Plus Mall: one detail per store; the first is the event.
            "name": "mall",
            "match": {"details.0.status": {"exists": True}},
            "root": "details.0",
            "fields": {**_TX_FIELDS, "event_time": ["^transaction_date"], "merchant_id": ["commerce_code"],
                       "payment_id": ["^parent_buy_order", "^buy_order", "^session_id"]},
            "rules": [*_VCI_RULES, *_KIND_RULES],
        },
        {
            "name": "transaction",
            "match": {"status": {"exists": True}},
            "fields": _TX_FIELDS,
            "rules": [*_VCI_RULES, *_KIND_RULES],
        },
        {
            "name": "api_error",
            "match": {"error_message": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["error_message"]},
            "rules": [{"when": {"error_message": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                      {"when": {"error_message": ["Not Authorized", "Unauthorized"]},
                       "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
    ],
}


def prepare(body):
    """The return URL's token_ws and a created transaction's token/url say nothing of the outcome."""
    if isinstance(body, dict) and "TBK_ORDEN_COMPRA" not in body and "TBK_TOKEN" not in body:
        if "token_ws" in body:
            raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "transbank: token_ws to commit, no outcome yet")
        if set(body) <= {"token", "url", "provider"} and "token" in body and "url" in body:
            raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "transbank: a created transaction's token and URL")
    return body
