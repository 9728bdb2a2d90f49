"""Redsys (Spain, TPV Virtual / Sermepa): online notifications, REST and SOAP (trataPeticion) replies.

Sources:
- Redsys "Manual de integración con el TPV Virtual" / pagosonline.redsys.es "Parámetros de respuesta" and
  "Códigos de respuesta" (Ds_Response: "0000 a 0099 Transacción autorizada para pagos y preautorizaciones",
  "0900 Transacción autorizada para devoluciones y confirmaciones", "0400 Transacción autorizada para
  anulaciones"; the denial codes listed below), reproduced at www.uviseo.com/noticia/15/codigos-respuesta-tpv-
  virtual-redsys and alejandrolopez123.com/122-php16/438-codigos-de-resultado-error-de-los-tpvs-de-redsys-antes-
  sermepa (the table this project's Redsys heuristic family already used; this spec supersedes it for the
  documented shapes).
- The same manual's response parameters: Ds_Amount (in the currency's minor units: "los dos últimos dígitos
  se consideran decimales" for euros), Ds_Currency (ISO 4217 numeric: 978 EUR), Ds_Order (the merchant's
  order), Ds_MerchantCode (FUC), Ds_Terminal, Ds_TransactionType (0 autorización, 1 preautorización,
  2 confirmación de preautorización, 3 devolución automática, 9 anulación de preautorización,
  O autorización en diferido, P confirmación de autorización en diferido, Q anulación de autorización en
  diferido), Ds_AuthorisationCode, Ds_Card_Brand (1 VISA, 2 MASTERCARD, 6 DINERS, 8 AMEX, 9 JCB, 22 UPI),
  Ds_Card_Country.
- Redirection / REST (HMAC_SHA256_V1): the notification and the trataPeticionREST reply are
  {Ds_SignatureVersion, Ds_MerchantParameters (Base64 of a JSON object of the Ds_ parameters), Ds_Signature};
  a refused REST request is {"errorCode": "SIS0xxx"}. SOAP (trataPeticion): the reply's trataPeticionReturn
  is an XML string <RETORNOXML><CODIGO>0 | SIS0xxx</CODIGO><OPERACION>Ds_ parameters</OPERACION></RETORNOXML>
  (CODIGO 0: the request was processed, OPERACION has the outcome; a SIS code: refused before processing).
- SIS error codes (same manual, "Códigos de error"): SIS0042 la firma enviada no es correcta, SIS0051 número de
  pedido repetido; the others are request validation errors (SIS0018, SIS0019, SIS0020, ... parameter
  missing or wrong).
A Ds_Response outside the documented table says nothing by itself: the spec leaves it unmapped (deferred).
Lifecycle identity: Ds_Order is the merchant's order (the payment; Redsys refunds and confirmations name the
same Ds_Order), Ds_AuthorisationCode the authorization's code; Redsys has no per-operation id.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any
from urllib.parse import unquote

from payobs_pipeline.normalization.formats import PayloadParseError, parse_content

RESULT_KEY = "payobs_redsys_result"  # the padded Ds_Response, or "authorised" / "refund_authorised" / ...
CODE_KEY = "payobs_redsys_code"  # the padded Ds_Response (four digits)

# Ds_Response denials -> (status, reason).
DENIALS = {
    "0101": ("DECLINED", "EXPIRED_CARD"),  # tarjeta caducada
    "0102": ("DECLINED", "SUSPECTED_FRAUD"),  # tarjeta en excepción transitoria o bajo sospecha de fraude
    "0104": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # operación no permitida para esa tarjeta o terminal
    "0106": ("DECLINED", {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"}),  # intentos de PIN excedidos
    "0116": ("DECLINED", "INSUFFICIENT_FUNDS"),  # disponible insuficiente
    "0118": ("DECLINED", "INVALID_CARD_DATA"),  # tarjeta no registrada
    "0125": ("DECLINED", "INVALID_CARD_DATA"),  # tarjeta no efectiva
    "0129": ("DECLINED", "INCORRECT_CVC"),  # código de seguridad (CVV2/CVC2) incorrecto
    "0180": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # tarjeta ajena al servicio
    "0184": ("DECLINED", "AUTHENTICATION_FAILED"),  # error en la autenticación del titular
    "0190": ("DECLINED", "GENERIC_DECLINE"),  # denegación del emisor sin especificar motivo
    "0191": ("DECLINED", "INVALID_CARD_DATA"),  # fecha de caducidad errónea
    "0202": ("DECLINED", "SUSPECTED_FRAUD"),  # excepción transitoria o sospecha de fraude con retirada
    "0904": ("ERROR", "CONFIGURATION_ERROR"),  # comercio no registrado en FUC
    "0909": ("ERROR", "PROCESSING_ERROR"),  # error de sistema
    "0912": ("DECLINED", "ISSUER_UNAVAILABLE"),  # emisor no disponible
    "9912": ("DECLINED", "ISSUER_UNAVAILABLE"),  # emisor no disponible
    "0913": ("DECLINED", "DUPLICATE"),  # pedido repetido
    "0944": ("ERROR", "INVALID_REQUEST"),  # sesión incorrecta
    "0950": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # operación de devolución no permitida
    "9064": ("DECLINED", "INVALID_CARD_DATA"),  # número de posiciones de la tarjeta incorrecto
    "9078": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # tipo de operación no permitida para esa tarjeta
    "9093": ("DECLINED", "INVALID_CARD_DATA"),  # tarjeta no existente
    "9094": ("DECLINED", "GENERIC_DECLINE"),  # rechazo servidores internacionales
    "9253": ("DECLINED", "INVALID_CARD_DATA"),  # tarjeta no cumple el check-digit
    "9256": ("ERROR", "CONFIGURATION_ERROR"),  # el comercio no puede realizar preautorizaciones
    "9257": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # esta tarjeta no permite operativa de preautorizaciones
    "9261": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),  # control de restricciones
    "9915": ("CANCELLED", None),  # a petición del usuario se ha cancelado el pago
}
# SIS error codes of a refused request.
SIS_ERRORS = {
    "SIS0042": "CONFIGURATION_ERROR",  # la firma enviada no es correcta
    "SIS0051": "DUPLICATE",  # número de pedido repetido
}

_AUTHORISED = "authorised"  # 0000-0099
_AUTHORISED_900 = "authorised_900"  # refunds and confirmations
_AUTHORISED_400 = "authorised_400"  # cancellations

STATUSES = {
    _AUTHORISED: "APPROVED",
    _AUTHORISED_400: "CANCELLED",
    **{code: status for code, (status, _) in DENIALS.items()},
}
REASONS = {**{code: reason for code, (_, reason) in DENIALS.items() if reason is not None}, **SIS_ERRORS}
CARD_BRANDS = {"1": "visa", "2": "mastercard", "6": "diners", "8": "amex", "9": "jcb", "22": "unionpay",
               "7": None}

_FIELDS = {
    "provider_transaction_id": ["Ds_AuthorisationCode", "Ds_Order"],
    "status": [RESULT_KEY],
    "reason_code": [CODE_KEY],
    "amount": ["Ds_Amount"],
    "currency": ["Ds_Currency"],
    "card_brand": ["Ds_Card_Brand"],
    "payment_id": ["Ds_Order"],
    "merchant_id": ["Ds_MerchantCode"],
}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _decode_parameters(encoded: str) -> dict | None:
    """Ds_MerchantParameters: Base64 (standard or URL-safe) of a JSON object whose values may be URL-encoded."""
    text = encoded.strip()
    padded = text + "=" * (-len(text) % 4)
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            decoded = json.loads(decode(padded).decode("utf-8"))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            continue
        if isinstance(decoded, dict):
            return {key: unquote(value) if isinstance(value, str) else value for key, value in decoded.items()}
    return None


def _flat(body: dict) -> dict | None:
    """The Ds_ parameters of any documented Redsys shape, or None."""
    envelope = body.get("Envelope")
    if isinstance(envelope, dict):
        reply = ((envelope.get("Body") or {}).get("trataPeticionResponse") or {}).get("trataPeticionReturn")
        if isinstance(reply, str):
            try:
                _, parsed = parse_content(reply, "xml")
            except PayloadParseError:
                return None
            body = parsed
        elif isinstance(reply, dict):
            body = reply
    retorno = body.get("RETORNOXML")
    if isinstance(retorno, dict):
        operation = retorno.get("OPERACION")
        flat = dict(operation) if isinstance(operation, dict) else {}
        flat["CODIGO"] = retorno.get("CODIGO")
        return flat
    encoded = body.get("Ds_MerchantParameters")
    if isinstance(encoded, str):
        decoded = _decode_parameters(encoded)
        return decoded if decoded is not None else None
    if "Ds_Response" in body or "errorCode" in body:
        return dict(body)
    return None


def prepare(body: Any) -> Any:
    """One flat dict of Ds_ parameters with RESULT_KEY / CODE_KEY, whatever the Redsys shape."""
    if not isinstance(body, dict):
        return body
    flat = _flat(body)
    if flat is None:
        return body
    # Parameter names are case-insensitive in practice (Ds_Response / DS_RESPONSE): use the manual's spelling.
    known = {name.lower(): name for name in ("Ds_Response", "Ds_Amount", "Ds_Currency", "Ds_Order",
                                             "Ds_MerchantCode", "Ds_TransactionType", "Ds_AuthorisationCode",
                                             "Ds_Card_Brand", "Ds_Card_Country", "Ds_Terminal")}
    flat = {known.get(key.lower(), key) if isinstance(key, str) else key: value for key, value in flat.items()}
    code = _text(flat.get("Ds_Response"))
    sis = _text(flat.get("CODIGO")) or _text(flat.get("errorCode"))
    if code is None and sis is not None and sis.upper().startswith("SIS"):
        return {**flat, RESULT_KEY: "sis_error", CODE_KEY: sis.upper()}
    if code is None or not code.isdigit() or len(code) > 4:
        return flat
    padded = code.zfill(4)
    if padded <= "0099":
        result = _AUTHORISED
    elif padded == "0900":
        result = _AUTHORISED_900
    elif padded == "0400":
        result = _AUTHORISED_400
    else:
        result = padded
    return {**flat, RESULT_KEY: result, CODE_KEY: padded}


# Ds_Card_Number (masked) and Ds_Card_Brand are sent for a card payment only (the manual's response
# parameters): a card. Bizum, PayPal and transfers carry neither.
_CARD_RULES = [{"when": {path: {"exists": True}}, "set": {"payment_method": "CARD"}}
               for path in ("Ds_Card_Brand", "Ds_Card_Number", "Ds_Card_Country")]

SPEC = {
    "provider": "redsys",
    "aliases": ["redsys", "sermepa", "redsys tpv", "tpv virtual", "tpv_virtual", "redsys_tpv", "servired",
                "redsys rest", "redsys_redirect", "redsys_soap"],
    "detect": [
        {"path": "Ds_MerchantParameters", "exists": True, "weight": 0.6},
        {"path": "Ds_SignatureVersion", "exists": True, "weight": 0.3},
        {"path": "Envelope.Body.trataPeticionResponse.trataPeticionReturn", "exists": True, "weight": 0.9},
        {"path": "RETORNOXML.CODIGO", "exists": True, "weight": 0.4},
        {"path": "RETORNOXML.OPERACION.Ds_Response", "exists": True, "weight": 0.4},
        # Ds_Response is the Redsys (Sermepa) response code's own name (the "Ds_" parameters of the manual): a
        # REST trataPeticion reply may keep nothing else (a confirmation's 0900, a cancellation's 0400).
        {"path": "Ds_Response", "exists": True, "weight": 0.5},
        {"path": "Ds_AuthorisationCode", "exists": True, "weight": 0.2},
        {"path": "Ds_Order", "exists": True, "weight": 0.2},
        {"path": "Ds_MerchantCode", "exists": True, "weight": 0.2},
        {"path": "errorCode", "prefix": "SIS", "weight": 0.6},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            # A request refused before processing (REST errorCode, SOAP CODIGO SIS0xxx).
            "name": "sis_error",
            "match": {RESULT_KEY: "sis_error"},
            "status": "ERROR",
            "fields": {"reason_code": [CODE_KEY], "payment_id": ["Ds_Order"]},
            "rules": [{"when": {CODE_KEY: {"prefix": "SIS"}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                      *[{"when": {CODE_KEY: code}, "set": {"failure_reason": reason}}
                        for code, reason in sorted(SIS_ERRORS.items())]],
        },
        {
            # 3 devolución automática.
            "name": "refund",
            "match": {RESULT_KEY: {"exists": True}, "Ds_TransactionType": "3"},
            "fields": _FIELDS,
            "event_kind": "REFUND",
            "rules": _CARD_RULES,
            "status_map": {_AUTHORISED_900: "REFUNDED", _AUTHORISED: "REFUNDED",
                           **{code: "DECLINED" for code in DENIALS}},
        },
        {
            # 9 / Q: cancellation of a (deferred) pre-authorization.
            "name": "void",
            "match": {RESULT_KEY: {"exists": True}, "Ds_TransactionType": ["9", "Q"]},
            "fields": _FIELDS,
            "event_kind": "VOID",
            "rules": _CARD_RULES,
            "status_map": {_AUTHORISED_400: "CANCELLED", _AUTHORISED_900: "CANCELLED", _AUTHORISED: "CANCELLED",
                           **{code: "ERROR" for code in DENIALS}},
        },
        {
            # 2 / P: confirmation of a (deferred) pre-authorization.
            "name": "capture",
            "match": {RESULT_KEY: {"exists": True}, "Ds_TransactionType": ["2", "P"]},
            "fields": _FIELDS,
            "event_kind": "CAPTURE",
            "status_map": {_AUTHORISED_900: "APPROVED"},
            "rules": _CARD_RULES,
        },
        {
            # A cancellation answered 0400 without a transaction type.
            "name": "cancellation",
            "match": {RESULT_KEY: _AUTHORISED_400},
            "fields": _FIELDS,
            "event_kind": "VOID",
            "rules": _CARD_RULES,
        },
        {
            # 0 / 1 / O and notifications without a type: the authorization (0900 is only for refunds and
            # confirmations: without a type saying which, it stays unmapped).
            "name": "authorization",
            "match": {RESULT_KEY: {"exists": True}},
            "fields": {**_FIELDS, "attempt_id": ["Ds_AuthorisationCode"]},
            "rules": _CARD_RULES,
        },
    ],
}
