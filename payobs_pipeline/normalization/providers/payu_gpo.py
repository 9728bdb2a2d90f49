"""PayU GPO (PayU Europe: Poland and CEE, REST API v2.1): the Create-order answer and the API's status-coded error
answers. The same PayU group as providers/payu.py, which already reads the GPO order notification / retrieved
order (order.status NEW, PENDING, WAITING_FOR_CONFIRMATION, COMPLETED, CANCELED) and the refund notification;
this module adds the shapes payu.py does not read, under the same ``payu`` provider (one mapping per API, as
PayPal REST / NVP / SOAP): the hint names PayU, the shape picks the module.

Sources:
- PayU GPO REST API reference, "Status codes" (developers.payu.com/europe/docs/ ... status codes: every answer
  carries ``status {statusCode, code, codeLiteral, statusDesc}``): SUCCESS (200/201), WARNING_CONTINUE_REDIRECT,
  WARNING_CONTINUE_3DS, WARNING_CONTINUE_CVV (the buyer must continue: redirect, 3-D Secure, CVV), ERROR_SYNTAX,
  ERROR_VALUE_INVALID, ERROR_VALUE_MISSING, ERROR_ORDER_NOT_UNIQUE (400), UNAUTHORIZED (401),
  UNAUTHORIZED_REQUEST (403), DATA_NOT_FOUND (404), TIMEOUT (408), BUSINESS_ERROR, ERROR_INTERNAL, GENERAL_ERROR,
  WARNING (500), SERVICE_NOT_AVAILABLE (503). The statusCode list as enumerated by the Dart client payu_payment
  (pub.dev models/payu_order PayUOrderStatus); the HTTP statuses and the UNAUTHORIZED pair from recollection of
  the docs' table.
- Create a new order (POST /api/v2_1/orders): {status {statusCode SUCCESS}, redirectUri (PayU's payment page),
  orderId (PayU's), extOrderId (the merchant's)}; with WARNING_CONTINUE_3DS / _CVV the buyer is sent to
  authenticate (redirectUri / iframeAllowed).

Not here: the GPO order and refund notifications (providers/payu.py); ``codeLiteral`` values (the docs' lists of
literal codes per API were not in the stored material, so a code is read through its statusCode).

Lifecycle identity: PayU's orderId is the payment (an order can take several payment attempts).
"""

from __future__ import annotations

CONTINUE_CODES = ["WARNING_CONTINUE_REDIRECT", "WARNING_CONTINUE_3DS", "WARNING_CONTINUE_CVV"]
# A created order's statusCode: the buyer pays (or authenticates first) on PayU's page; no outcome yet.
ORDER_CREATED_CODES = {"SUCCESS": "PENDING", **{code: "PENDING" for code in CONTINUE_CODES}}

# statusCode of an error answer -> taxonomy reason (API error answers).
ERROR_CODES = {
    "ERROR_SYNTAX": "INVALID_REQUEST",
    "ERROR_VALUE_INVALID": "INVALID_REQUEST",
    "ERROR_VALUE_MISSING": "INVALID_REQUEST",
    "ERROR_ORDER_NOT_UNIQUE": "DUPLICATE",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "UNAUTHORIZED_REQUEST": "CONFIGURATION_ERROR",
    "DATA_NOT_FOUND": "INVALID_REQUEST",
    "TIMEOUT": "TIMEOUT",
    "BUSINESS_ERROR": "INVALID_REQUEST",  # the request breaks a business rule of the order (e.g. a refund's amount)
    "ERROR_INTERNAL": "PROCESSING_ERROR",
    "GENERAL_ERROR": "PROCESSING_ERROR",
    "WARNING": "PROCESSING_ERROR",
    "SERVICE_NOT_AVAILABLE": "PROCESSING_ERROR",
}

_PAYMENT_PAGES = ["https://secure.payu.com/", "https://secure.snd.payu.com/", "https://merch-prod.snd.payu.com/"]

SPEC = {
    "provider": "payu",
    "aliases": ["payu", "payu_gpo", "payu gpo", "payu_europe", "payu europe", "payu_pl", "payu poland", "payu.pl",
                "payu.com"],
    "detect": [
        {"path": "status.statusCode", "in": [*CONTINUE_CODES, *ERROR_CODES], "weight": 0.6},
        {"path": "redirectUri", "prefix": _PAYMENT_PAGES, "weight": 0.6},
        {"path": "status.codeLiteral", "exists": True, "weight": 0.1},
        {"path": "extOrderId", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "variants": [
        {
            # Create order answered: the buyer is sent to PayU to pay (or to authenticate first).
            "name": "gpo.order_created",
            "match": {"orderId": {"exists": True}, "status.statusCode": list(ORDER_CREATED_CODES)},
            "status_map": ORDER_CREATED_CODES,
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["orderId"], "status": ["status.statusCode"],
                       "payment_id": ["orderId"]},
        },
        {
            "name": "gpo.error",
            "match": {"status.statusCode": list(ERROR_CODES)},
            "status": "ERROR",
            "fields": {"status": ["status.statusCode"],
                       "reason_code": ["status.codeLiteral", "status.code", "status.statusCode"],
                       "payment_id": ["orderId"]},
            "reason_map": ERROR_CODES,
        },
    ],
}
