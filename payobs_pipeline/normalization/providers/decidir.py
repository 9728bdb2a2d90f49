"""Decidir / Payway Argentina (Prisma Medios de Pago) payments API ("Decidir 2", API REST /api/v2): the payment
answer (POST /payments, GET /payments/{id}), the refund answer (POST /payments/{id}/refunds and its annulment)
and the API's error bodies.

Sources:
- Payway SDK PHP README (repo payway-ar/sdk-php-ventaonline, README.md, formerly decidir/sdk-php-v2): the
  payment answer's fields (id, site_transaction_id, payment_method_id, bin, amount, currency, installments,
  payment_type single/distributed, status, status_details {ticket, card_authorization_code,
  address_validation_code, error}, date, fraud_detection, site_id, establishment_name); amount a long whose last
  two digits are the decimals ("1200 ARS = AR$ 12,00": minor units); currencies ARS and USD; refunds and their
  annulment ("Anulación / Devolución Total", "Devolución Parcial", "Anulación de Devolución").
- Payway SDK Java (repo payway-ar/sdk-java-ventaonline): src/main/java/com/decidir/sdk/dto/Status.java, the
  payment and refund statuses (approved, pre_approved, approved_with_refund, rejected, review, refunded,
  annulled, accredited, annulment_approved, refund_approved, group_rejected, group_annulled, invoice_generated,
  invoice_not_generated, reversed, adhered, cancelled "status for cancelled refunds", challenge pending,
  fingerprint pending); dto/CardErrorCode.java, the types of status_details.error (invalid_number,
  security_code_error, expired_card, insufficient_amount, request_authorization_card, cybersource_error,
  group_rejected, card_declined, processing_error, invalid_card "generic error"); dto/CardErrorReason.java, the
  reason {id, description, additional_description}; exceptions/DecidirError.java, the error bodies by
  error_type (invalid_request_error and its validation_errors [{code, param}], invalid_status_error,
  not_found_error, authentication_error, api_error, api_connection_error, rate_limit_error).
- The card brand's reason ids (status_details.error.reason.id): the README links the table ("Códigos de
  Errores de Medios de Pago", documentacion-ventasonline.payway.com.ar, manejo-de-errores-de-medios-de-pago)
  but the page is not stored. The ids are Prisma's host response codes; they are read here from Prisma's POS
  integration header (VPI host response codes 01-96 with their texts: PEDIR AUTORIZACION, COMERCIO INVALIDO,
  CAPTURAR TARJETA, DENEGADA, ..., FONDOS INSUFICIENTES, TARJETA VENCIDA, ..., ERROR EN SISTEMA). That Decidir's
  reason ids are those same codes rests on my recollection of the Decidir page, not on a stored copy.

Read as: approved, pre_approved (authorized, to be captured), accredited (an offline coupon paid),
approved_with_refund -> APPROVED; rejected, group_rejected -> DECLINED; review (Cybersource manual review),
challenge/fingerprint pending (3DS), invoice_generated (an offline coupon issued, not yet paid) -> PENDING;
invoice_not_generated -> ERROR; annulled, group_annulled, annulment_approved, reversed -> CANCELLED (a VOID);
refunded, refund_approved -> REFUNDED. A refund answer: approved -> REFUNDED, cancelled (the refund annulled)
-> CANCELLED, rejected -> DECLINED. "adhered" (a card adhered to a debit, no payment) is left unmapped.
"""

from __future__ import annotations

STATUSES = {
    "approved": "APPROVED",
    "pre_approved": "APPROVED",
    "accredited": "APPROVED",
    "approved_with_refund": "APPROVED",
    "rejected": "DECLINED",
    "group_rejected": "DECLINED",
    "review": "PENDING",
    "challenge pending": "PENDING",
    "fingerprint pending": "PENDING",
    "invoice_generated": "PENDING",
    "invoice_not_generated": "ERROR",
}
VOID_STATUSES = {
    "annulled": "CANCELLED",
    "group_annulled": "CANCELLED",
    "annulment_approved": "CANCELLED",
    "reversed": "CANCELLED",
}
REFUNDED_STATUSES = {"refunded": "REFUNDED", "refund_approved": "REFUNDED"}
# The answer of POST /payments/{id}/refunds and of its annulment (DELETE .../refunds/{refund_id}).
REFUND_STATUSES = {"approved": "REFUNDED", "refunded": "REFUNDED", "cancelled": "CANCELLED",
                   "rejected": "DECLINED"}

# status_details.error.reason.id: Prisma's host response codes (texts as Prisma writes them).
BRAND_REASONS = {
    "1": "GENERIC_DECLINE",              # PEDIR AUTORIZACION
    "2": "GENERIC_DECLINE",              # PEDIR AUTORIZACION
    "3": "CONFIGURATION_ERROR",          # COMERCIO INVALIDO
    "4": "LOST_OR_STOLEN_CARD",          # CAPTURAR TARJETA
    "5": "GENERIC_DECLINE",              # DENEGADA
    "7": "LOST_OR_STOLEN_CARD",          # RETENGA Y LLAME
    "12": "TRANSACTION_NOT_PERMITTED",   # TRANSAC. INVALIDA
    "13": "INVALID_REQUEST",             # MONTO INVALIDO
    "14": "INVALID_CARD_DATA",           # TARJETA INVALIDA
    "19": "ISSUER_UNAVAILABLE",          # REINICIE OPERACION
    "25": "INVALID_REQUEST",             # NO EXISTE ORIGINAL
    "30": "INVALID_REQUEST",             # ERROR EN FORMATO
    "38": "AUTHENTICATION_FAILED",       # EXCEDE ING. DE PIN
    "43": "LOST_OR_STOLEN_CARD",         # RETENER TARJETA
    "45": "TRANSACTION_NOT_PERMITTED",   # NO OPERA EN CUOTAS
    "46": "INVALID_CARD_DATA",           # TARJETA NO VIGENTE (not yet valid)
    "47": "AUTHENTICATION_REQUIRED",     # PIN REQUERIDO
    "48": "TRANSACTION_NOT_PERMITTED",   # EXCEDE MAX. CUOTAS
    "49": "INVALID_CARD_DATA",           # ERROR FECHA VENCIM.
    "50": "LIMIT_EXCEEDED",              # ENTREGA SUPERA LIMITE
    "51": "INSUFFICIENT_FUNDS",          # FONDOS INSUFICIENTES
    "53": "INVALID_CARD_DATA",           # CUENTA INEXISTENTE
    "54": "EXPIRED_CARD",                # TARJETA VENCIDA
    "55": "AUTHENTICATION_FAILED",       # PIN INCORRECTO
    "56": "RESTRICTED_CARD",             # TARJ. NO HABILITADA
    "57": "TRANSACTION_NOT_PERMITTED",   # TRANS. NO PERMITIDA
    "58": "CONFIGURATION_ERROR",         # SERVICIO INVALIDO (not permitted to the terminal)
    "61": "LIMIT_EXCEEDED",              # EXCEDE LIMITE
    "65": "LIMIT_EXCEEDED",              # EXCEDE LIM. TARJETA
    "76": "GENERIC_DECLINE",             # LLAMAR AL EMISOR
    "77": "INVALID_REQUEST",             # ERROR PLAN/CUOTAS
    "89": "CONFIGURATION_ERROR",         # TERMINAL INVALIDA
    "91": "ISSUER_UNAVAILABLE",          # EMISOR FUERA LINEA
    "94": "DUPLICATE",                   # NRO. SEC. DUPLICADO
    "95": "PROCESSING_ERROR",            # RE-TRANSMITIENDO
    "96": "PROCESSING_ERROR",            # ERROR EN SISTEMA
}
# status_details.error.type (CardErrorCode).
CARD_ERROR_TYPES = {
    "invalid_number": "INVALID_CARD_DATA",
    "security_code_error": "INCORRECT_CVC",
    "expired_card": "EXPIRED_CARD",
    "insufficient_amount": "INSUFFICIENT_FUNDS",
    "request_authorization_card": "GENERIC_DECLINE",
    "cybersource_error": "RISK_REJECTED",
    "group_rejected": "GENERIC_DECLINE",
    "card_declined": "GENERIC_DECLINE",
    "processing_error": "PROCESSING_ERROR",
    "invalid_card": "GENERIC_DECLINE",
}
# error_type of an error body (DecidirError).
ERROR_TYPES = {
    "invalid_request_error": "INVALID_REQUEST",
    "invalid_status_error": "INVALID_REQUEST",
    "not_found_error": "INVALID_REQUEST",
    "authentication_error": "CONFIGURATION_ERROR",
    "api_error": "PROCESSING_ERROR",
    "api_connection_error": "PROCESSING_ERROR",
    "rate_limit_error": "PROCESSING_ERROR",
}

_PAYMENT = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["status_details.error.reason.id", "status_details.error.type"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["date"],
    "card_brand": ["card_brand"],
    "merchant_id": ["site_id"],
    "attempt_id": ["id"],
    "payment_id": ["site_transaction_id"],
}

SPEC = {
    "provider": "decidir",
    "aliases": ["decidir", "decidir2", "decidir 2", "payway", "payway argentina", "payway.com.ar",
                "prisma decidir", "sps decidir", "developers.decidir.com", "ventasonline payway"],
    "detect": [
        {"path": "site_transaction_id", "exists": True, "weight": 0.35},
        {"path": "status_details", "exists": True, "weight": 0.15},
        {"path": "status_details.card_authorization_code", "exists": True, "weight": 0.1},
        {"path": "status_details.ticket", "exists": True, "weight": 0.1},
        {"path": "status_details.error.reason.additional_description", "exists": True, "weight": 0.1},
        {"path": "payment_method_id", "exists": True, "weight": 0.05},
        {"path": "payment_type", "in": ["single", "distributed"], "weight": 0.1},
        {"path": "status", "in": [*STATUSES, *VOID_STATUSES, *REFUNDED_STATUSES], "weight": 0.05},
        {"path": "validation_errors", "exists": True, "weight": 0.3},
        {"path": "error_type", "in": ["invalid_request_error", "invalid_status_error", "not_found_error"],
         "weight": 0.25},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": {**BRAND_REASONS, **CARD_ERROR_TYPES},
    "reason_fallback": "iso8583",
    "fields": _PAYMENT,
    "variants": [
        {
            "name": "error",
            "match": {"error_type": {"exists": True}, "site_transaction_id": {"exists": False}},
            "status": "ERROR",
            "reason_map": ERROR_TYPES,
            "fields": {"reason_code": ["error_type"]},
        },
        {
            "name": "refund",
            "match": {"site_transaction_id": {"exists": False}, "status": {"exists": True},
                      "amount": {"exists": True}, "payment_method_id": {"exists": False}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            # The answer names no currency (the payment's): its amount is left out.
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": [], "currency": [],
                       "reason_code": ["error.reason.id", "error.type"], "refund_id": ["id"]},
        },
        {
            "name": "payment.void",
            "match": {"site_transaction_id": {"exists": True}, "status": {"in": list(VOID_STATUSES)}},
            "event_kind": "VOID",
            "status_map": VOID_STATUSES,
        },
        {
            "name": "payment.refunded",
            "match": {"site_transaction_id": {"exists": True}, "status": {"in": list(REFUNDED_STATUSES)}},
            "event_kind": "REFUND",
            "status_map": REFUNDED_STATUSES,
            "fields": {**_PAYMENT, "refund_id": []},
        },
        {
            "name": "payment",
            "match": {"site_transaction_id": {"exists": True}},
        },
    ],
}
