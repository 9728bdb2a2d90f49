"""Niubiz (formerly VisaNet Perú): API Pagos authorization responses, their error bodies, and API Consultas.

Sources (Niubiz developers, desarrolladores.niubiz.com.pe):
- https://desarrolladores.niubiz.com.pe/api-pagos/ (API de Autorización: POST
  /api.authorization/v3/authorization/ecommerce/{merchantId}; response ``header {ecoreTransactionUUID,
  ecoreTransactionDate (epoch ms), millis}``, ``order {tokenId, purchaseNumber, amount (major units), installment,
  currency (PEN/USD), authorizedAmount, authorizationCode, actionCode, traceNumber, transactionDate,
  transactionId}``, ``dataMap {TERMINAL, BRAND_ACQUIRER, CARD, ORDER_ID, ACTION_CODE "000", CURRENCY "0604",
  TRANSACTION_DATE, ACTION_DESCRIPTION "Aprobado y completado con exito", ID_UNICO, MERCHANT, STATUS
  "Authorized", AMOUNT, AUTHORIZATION_CODE, TRANSACTION_ID, BRAND ...}``; a refused authorization is an HTTP 400
  ``{"errorCode": 400, "errorMessage": "NOT AUTHORIZED", "header": {...}, "data": {ACTION_CODE, ACTION_DESCRIPTION,
  STATUS "Not Authorized", AMOUNT, CURRENCY, ...}}``; STATUS Authorized / Not Authorized / Reject)
- https://desarrolladores.niubiz.com.pe/consultas/ (API Consultas: the same data map by purchase number)
- https://desarrolladores.niubiz.com.pe/devoluciones/ (API Devoluciones / anulación: STATUS Voided)
- Niubiz / VisaNet Perú action codes (ACTION_CODE, published with the Pago Web / API Pagos integration guides):
  000 aprobado; 101/201/266 tarjeta vencida; 102/107/108/116... contactar con entidad emisora; 104/110/204/402
  operación no permitida para esta tarjeta; 106/119/206 excedió intentos de clave; 109/401/754 comercio inválido
  o inhabilitado; 116 fondos insuficientes; 117/126/265/280 clave incorrecta; 118/180 tarjeta inválida;
  129 código de seguridad (CVV2) inválido; 181/182 tarjeta con restricciones; 183/666 problemas de comunicación;
  190/191/199 operación denegada; 202 fraude; 208 tarjeta perdida; 209 tarjeta robada; 263 error en el envío de
  parámetros; 264/290/912 entidad emisora no disponible; 300 número de pedido duplicado; 403 tarjeta no
  autenticada; 404 excedido número de transacciones; 423 se canceló el proceso de pago; 670-685 operación
  denegada por el módulo antifraude; 904 formato inválido; 909/910 error de sistema; 913/947 transmisión
  duplicada; 941 transacción ya anulada. This table could not be re-read from the search index for this
  change: the codes above are the commonly published list; unlisted codes stay UNKNOWN.
Amounts are in major units (``order.amount`` 10.5, ``dataMap.AMOUNT`` "10.50"); currency PEN or USD (the data
map's ISO numeric "0604"/"0840").

Lifecycle identity: ``TRANSACTION_ID`` / ``order.transactionId`` (``ID_UNICO``) is the attempt; the merchant's
``purchaseNumber`` is the payment.
"""

STATUSES = {
    "Authorized": "APPROVED",
    "Autorizado": "APPROVED",
    "Not Authorized": "DECLINED",
    "No Autorizado": "DECLINED",
    "Reject": "DECLINED",  # rejected before the issuer (antifraud, validation)
    "Rejected": "DECLINED",
    "Voided": "CANCELLED",  # anulada
    "Anulado": "CANCELLED",
    "Confirmed": "APPROVED",  # liquidated / captured
}
# Error bodies without a data map: by errorCode (HTTP status).
_ERROR_STATUSES = {"400": "ERROR", "401": "ERROR", "403": "ERROR", "404": "ERROR", "406": "ERROR", "500": "ERROR",
                   "502": "ERROR", "503": "ERROR", "504": "ERROR"}

_HARD = "HARD"
ACTION_CODES = {
    "101": "EXPIRED_CARD",  # Operación Denegada. Tarjeta Vencida.
    "102": "GENERIC_DECLINE",  # Operación Denegada. Contactar con entidad emisora de su tarjeta.
    "104": "TRANSACTION_NOT_PERMITTED",  # Operación Denegada. Operación no permitida para esta tarjeta.
    "106": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # Excedió intentos de clave secreta.
    "107": "GENERIC_DECLINE",  # Contactar con entidad emisora de su tarjeta.
    "108": "GENERIC_DECLINE",  # Contactar con entidad emisora de su tarjeta.
    "109": "CONFIGURATION_ERROR",  # Contactar con el comercio (comercio inválido).
    "110": "TRANSACTION_NOT_PERMITTED",  # Operación no permitida para esta tarjeta.
    "116": "INSUFFICIENT_FUNDS",  # Operación Denegada. Fondos insuficientes.
    "117": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # Clave secreta incorrecta.
    "118": "INVALID_CARD_DATA",  # Operación Denegada. Tarjeta Inválida.
    "119": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # Excedió intentos de clave secreta.
    "121": "LIMIT_EXCEEDED",  # Excedió límite.
    "126": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # Clave secreta inválida.
    "129": "INCORRECT_CVC",  # Operación Denegada. Código de seguridad invalido.
    "180": "INVALID_CARD_DATA",  # Operación Denegada. Tarjeta Inválida.
    "181": "RESTRICTED_CARD",  # Tarjeta con restricciones de débito.
    "182": "RESTRICTED_CARD",  # Tarjeta con restricciones de crédito.
    "183": "PROCESSING_ERROR",  # Problemas de comunicación.
    "190": "GENERIC_DECLINE",  # Operación Denegada. Contactar con entidad emisora de su tarjeta.
    "191": "GENERIC_DECLINE",
    "192": "GENERIC_DECLINE",
    "199": "GENERIC_DECLINE",  # Operación Denegada.
    "201": "EXPIRED_CARD",  # Tarjeta vencida.
    "202": "SUSPECTED_FRAUD",  # Operación Denegada (fraude).
    "204": "TRANSACTION_NOT_PERMITTED",  # Operación no permitida para esta tarjeta.
    "206": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # Excedió intentos de clave.
    "207": "GENERIC_DECLINE",  # Contactar con entidad emisora.
    "208": "LOST_OR_STOLEN_CARD",  # Tarjeta perdida.
    "209": "LOST_OR_STOLEN_CARD",  # Tarjeta robada.
    "263": "INVALID_REQUEST",  # Error en el envío de parámetros.
    "264": "ISSUER_UNAVAILABLE",  # Entidad emisora no está disponible.
    "265": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # Password incorrecto.
    "266": "EXPIRED_CARD",  # Tarjeta vencida.
    "280": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # Clave errónea.
    "290": "ISSUER_UNAVAILABLE",  # Entidad emisora no disponible.
    "300": "DUPLICATE",  # Número de pedido del comercio duplicado.
    "306": "GENERIC_DECLINE",  # Contactar con entidad emisora.
    "401": "CONFIGURATION_ERROR",  # Tienda inhabilitada.
    "402": "TRANSACTION_NOT_PERMITTED",  # Operación no permitida.
    "403": "AUTHENTICATION_FAILED",  # Tarjeta no autenticada.
    "404": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # Excedido número de transacciones.
    "420": "TRANSACTION_NOT_PERMITTED",  # Tarjeta no es VISA.
    "423": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # Se canceló el proceso de pago.
    "666": "PROCESSING_ERROR",  # Problemas de comunicación.
    "667": {"reason": "AUTHENTICATION_FAILED", "source": "TECHNICAL"},  # Transacción sin respuesta de 3-D Secure.
    **{str(code): {"reason": "RISK_REJECTED", "source": "PSP_RISK"} for code in range(670, 686)},  # antifraude
    "754": "CONFIGURATION_ERROR",  # Comercio no válido.
    "904": "INVALID_REQUEST",  # Formato de mensaje erróneo.
    "909": "PROCESSING_ERROR",  # Error de sistema.
    "910": "PROCESSING_ERROR",  # Error de sistema.
    "912": "ISSUER_UNAVAILABLE",  # Entidad emisora no disponible.
    "913": "DUPLICATE",  # Transmisión duplicada.
    "941": "DUPLICATE",  # Transacción ya anulada.
    "947": "DUPLICATE",  # Comunicación duplicada.
    # errorCode of an error body without an action code (HTTP status).
    "500": "PROCESSING_ERROR",
}

_FIELDS = {
    "provider_transaction_id": ["dataMap.TRANSACTION_ID", "order.transactionId", "dataMap.ID_UNICO",
                                "data.TRANSACTION_ID", "data.ID_UNICO"],
    "status": ["dataMap.STATUS", "order.status", "data.STATUS"],
    "reason_code": ["dataMap.ACTION_CODE", "order.actionCode", "data.ACTION_CODE"],
    "amount": ["order.amount", "dataMap.AMOUNT", "data.AMOUNT"],
    "currency": ["order.currency", "dataMap.CURRENCY", "data.CURRENCY"],
    "event_time": ["header.ecoreTransactionDate"],
    "card_brand": ["dataMap.BRAND", "data.BRAND"],
    "merchant_id": ["fulfillment.merchantId", "dataMap.MERCHANT", "data.MERCHANT"],
    "attempt_id": ["dataMap.TRANSACTION_ID", "order.transactionId", "dataMap.ID_UNICO", "data.TRANSACTION_ID",
                   "data.ID_UNICO"],
    "payment_id": ["order.purchaseNumber", "dataMap.PURCHASE_NUMBER", "data.PURCHASE_NUMBER"],
}
_RULES = [
    # The customer cancelled the payment form: nothing was decided.
    {"when": {"data.ACTION_CODE": "423"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"dataMap.ACTION_CODE": "423"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"dataMap.STATUS": ["Voided", "Anulado"]}, "set": {"event_kind": "VOID"}},
    {"when": {"data.STATUS": ["Voided", "Anulado"]}, "set": {"event_kind": "VOID"}},
]

SPEC = {
    "provider": "niubiz",
    "aliases": ["niubiz", "visanet", "visanet peru", "visanet_pe", "visanetperu", "vnforapps", "niubiz_pe",
                "pago web niubiz"],
    "detect": [
        {"path": "dataMap.ACTION_CODE", "exists": True, "weight": 0.5},
        {"path": "dataMap.ACTION_DESCRIPTION", "exists": True, "weight": 0.2},
        {"path": "header.ecoreTransactionUUID", "exists": True, "weight": 0.4},
        {"path": "order.purchaseNumber", "exists": True, "weight": 0.2},
        {"path": "order.actionCode", "exists": True, "weight": 0.2},
        {"path": "data.ACTION_CODE", "exists": True, "weight": 0.4},
        {"path": "data.ACTION_DESCRIPTION", "exists": True, "weight": 0.2},
        {"path": "errorCode", "exists": True, "weight": 0.1},
        {"path": "errorMessage", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": ACTION_CODES,
    "payment_method_map": {},
    "default_payment_method": "CARD",
    "variants": [
        {
            "name": "authorization",
            "match": {"dataMap": {"exists": True}},
            "fields": _FIELDS,
            "rules": _RULES,
        },
        {
            "name": "authorization_refused",
            "match": {"data.ACTION_CODE": {"exists": True}},
            "fields": _FIELDS,
            "rules": _RULES,
        },
        {
            "name": "order_only",
            "match": {"order.actionCode": {"exists": True}},
            "fields": {**_FIELDS, "status": ["order.status", "order.actionCode"]},
            "status_map": {"000": "APPROVED", **{code: "DECLINED" for code in
                                                 ["101", "102", "104", "116", "118", "129", "180", "190", "199"]}},
            "rules": _RULES,
        },
        {
            "name": "api_error",
            "match": {"errorCode": {"exists": True}},
            "fields": {"status": ["errorCode"], "reason_code": ["errorCode"],
                       "event_time": ["header.ecoreTransactionDate"]},
            "status_map": _ERROR_STATUSES,
            "rules": [
                {"when": {"errorCode": ["400", "404", "406"]}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"errorCode": ["401", "403"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                {"when": {"errorCode": ["500", "502", "503"]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
                {"when": {"errorCode": "504"}, "set": {"failure_reason": "TIMEOUT"}},
            ],
        },
    ],
}
