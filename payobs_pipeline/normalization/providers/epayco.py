"""ePayco (Colombia): the confirmation / response page fields (x_*), the transaction validation answer, the
charge answers of the payment API (card, PSE, cash) and its error bodies.

Sources (ePayco's developer documentation, docs.epayco.co "Confirmación y respuesta de transacciones", and the
official SDK epayco/epayco-python, whose mappers rebuild the legacy answers field by field):
- Confirmation / response (url_confirmation POST, url_response GET, and ``GET
  secure.epayco.co/validation/v1/reference/{ref_payco}`` answering ``{"success", "title_response",
  "text_response", "last_action", "data": {x_*}}``): x_ref_payco (ePayco's reference), x_id_invoice /
  x_id_factura (the merchant's invoice), x_amount (pesos, a decimal), x_currency_code, x_bank_name, x_cardnumber,
  x_respuesta / x_response / x_transaction_state (the state's name), x_cod_respuesta / x_cod_response /
  x_cod_transaction_state (its number), x_response_reason_text, x_errorcode, x_approval_code,
  x_transaction_id (the receipt), x_transaction_date, x_franchise, x_customer_country, x_signature,
  x_test_request (epaycosdk/mappers/tdc.py TdcQueryResponseMapper).
- Transaction states (x_cod_transaction_state): 1 Aceptada, 2 Rechazada, 3 Pendiente, 4 Fallida, 6 Reversada,
  7 Retenida, 8 Iniciada, 9 Expirada, 10 Abandonada, 11 Cancelada, 12 Antifraude (docs.epayco.co; the SDK's
  mappers/base.py: "1 -> Approved / Aceptada; 2, 4, 10, 11 -> Cancelled, failed or rejected; 3, 7 -> Pending;
  6 -> Reversed").
- Card charge (``/payment/v1/charge/create``, TdcResponseMapper): ``{"status": true, "success": true, "type":
  "Create payment", "data": {ref_payco, factura, descripcion, valor, iva, baseiva, moneda, banco, estado,
  respuesta, autorizacion, recibo, fecha, franquicia, cod_respuesta, cod_error, ..., cc_network_response {code,
  message}}, "object": "payment"}``; cc_network_response carries the card network's ISO 8583 code ("00"
  Aprobada, "04", "51", ...), read through the shared ISO table.
- Errors (mappers/tdc.py legacy_error_response, mappers/base.py legacy_validation_error_response): ``{"status":
  false, "message": "ErrorException: [103] ...", "data": "<json>", "errors": {"http_code": 400}}`` and ``{"success":
  false, "titleResponse": "Error", "textResponse": "...", "lastAction": "validation data", "data": {"totalErrors",
  "errors": [{"codError", "errorMessage"}]}}``.
- Franchises (x_franchise / franquicia): VS, MC, AM, DC, CR (cards); PSE (bank transfer); EF Efecty, GA Gana,
  BA Baloto, PR Punto Red, RS Red Servi (cash vouchers); DP Daviplata, NQ Nequi (wallets); SP SafetyPay.

Reversada (6) is a reversal of an accepted payment: REFUNDED. Antifraude (12) is the risk engine's refusal.

Lifecycle identity: x_ref_payco is the attempt (one per try); the merchant's x_id_invoice is the payment.
"""

from __future__ import annotations

STATUSES = {
    "Aceptada": "APPROVED",
    "Aprobada": "APPROVED",
    "Rechazada": "DECLINED",
    "Pendiente": "PENDING",
    "Fallida": "ERROR",
    "Reversada": "REFUNDED",
    "Retenida": "PENDING",
    "Iniciada": "PENDING",
    "Expirada": "CANCELLED",
    "Abandonada": "CANCELLED",
    "Cancelada": "CANCELLED",
    "Antifraude": "DECLINED",
}

REASONS = {
    "Antifraude": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "Fallida": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("VS", "MC", "AM", "DC", "CR", "visa", "mastercard", "amex", "diners", "codensa")},
    "PSE": "BANK_TRANSFER", "SP": "BANK_TRANSFER",
    **{cash: "CASH_VOUCHER" for cash in ("EF", "GA", "BA", "PR", "RS", "efecty", "gana", "baloto", "puntored",
                                         "redservi")},
    "DP": "WALLET", "NQ": "WALLET", "daviplata": "WALLET", "nequi": "WALLET",
}

CARD_BRANDS = {"VS": "visa", "MC": "mastercard", "AM": "amex", "DC": "diners", "CR": "codensa"}

_X_FIELDS = {
    "provider_transaction_id": ["x_ref_payco"],
    "status": ["x_respuesta", "x_response", "x_transaction_state"],
    "reason_code": ["x_response_reason_text", "x_errorcode", "x_respuesta"],
    "amount": ["x_amount"],
    "currency": ["x_currency_code"],
    "event_time": ["x_transaction_date", "x_fecha_transaccion"],
    "payment_method": ["x_franchise"],
    "card_brand": ["x_franchise"],
    "merchant_id": ["x_cust_id_cliente"],
    "attempt_id": ["x_ref_payco"],
    "payment_id": ["x_id_invoice", "x_id_factura"],
    "customer_country": ["x_customer_country"],
}

_CHARGE_FIELDS = {
    "provider_transaction_id": ["data.ref_payco"],
    "status": ["data.estado"],
    "reason_code": ["data.cc_network_response.code", "data.respuesta", "data.estado"],
    "amount": ["data.valor"],
    "currency": ["data.moneda"],
    "event_time": ["data.fecha"],
    "payment_method": ["data.franquicia"],
    "card_brand": ["data.franquicia"],
    "attempt_id": ["data.ref_payco"],
    "payment_id": ["data.factura"],
}

SPEC = {
    "provider": "epayco",
    "aliases": ["epayco", "e-payco", "epayco colombia", "epayco.co"],
    "detect": [
        {"path": "x_ref_payco", "exists": True, "weight": 0.6},
        {"path": "x_cod_transaction_state", "exists": True, "weight": 0.2},
        {"path": "x_respuesta", "in": list(STATUSES), "weight": 0.2},
        {"path": "x_cust_id_cliente", "exists": True, "weight": 0.2},
        {"path": "data.x_ref_payco", "exists": True, "weight": 0.6},
        {"path": "data.ref_payco", "exists": True, "weight": 0.5},
        {"path": "data.cc_network_response", "exists": True, "weight": 0.2},
        {"path": "type", "in": ["Create payment"], "weight": 0.1},
        {"path": "title_response", "exists": True, "weight": 0.1},
        {"path": "lastAction", "exists": True, "weight": 0.2},
        {"path": "titleResponse", "exists": True, "weight": 0.2},
        {"path": "textResponse", "exists": True, "weight": 0.1},
        {"path": "message", "prefix": "ErrorException: [", "weight": 0.7},
    ],
    "amount_unit": "major",
    "default_currency": "COP",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": {**CARD_BRANDS, **{k: None for k in ("PSE", "SP", "EF", "GA", "BA", "PR", "RS", "DP", "NQ")}},
    "variants": [
        {
            "name": "validation_error",
            "match": {"success": False, "data.x_ref_payco": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["data.errors.0.codError", "text_response", "textResponse"]},
            "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "legacy_error",
            "match": {"status": False, "message": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["message"]},
            "rules": [
                {"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"errors.http_code": [401, 403]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                {"when": {"errors.http_code": [500, 502, 503]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
            ],
        },
        {
            "name": "validation",
            "match": {"data.x_ref_payco": {"exists": True}},
            "root": "data",
            "fields": _X_FIELDS,
        },
        {
            "name": "charge",
            "match": {"data.ref_payco": {"exists": True}},
            "fields": _CHARGE_FIELDS,
        },
        {
            "name": "confirmation",
            "match": {"x_ref_payco": {"exists": True}},
            "fields": _X_FIELDS,
        },
    ],
}
