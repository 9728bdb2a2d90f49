"""Getnet (Santander): Getnet API v1 payments (credit, debit, boleto, Pix), confirm/cancel responses, callbacks, errors.

Sources (Getnet developer documentation, developers.getnet.com.br, and its API reference mirror):
- https://developers.getnet.com.br/api#tag/Pagamento (credit/debit payment response: payment_id, seller_id, amount
  in centavos, currency, order_id, status, received_at, credit/debit {delayed, authorization_code, authorized_at,
  reason_code, reason_message, acquirer, soft_descriptor, brand, terminal_nsu, acquirer_transaction_id,
  transaction_id}; status APPROVED, AUTHORIZED (pre-authorization), CONFIRMED (captured), CANCELED, DENIED,
  PENDING, ERROR)
- https://a53unok0r1.apifox.cn/259983753d0 (Getnet regional API reference: the same payment schema and the error
  object ``{status_code, name, message, details: [{status, error_code, description, description_detail,
  payment_id, acquirer_transaction_id, terminal_nsu}]}``) and https://a53unok0r1.apifox.cn/259983750d0 (endpoints:
  authorize, capture, cancel, boleto, Pix, webhooks)
- https://developers.getnet.com.br/api#tag/Pagamento%2Fpaths%2F~1v1~1payments~1credit~1%7Bpayment_id%7D~1confirm
  (``credit_confirm``), .../cancel (``credit_cancel``) and /v1/payments/cancel/request (cancel_request_id, status
  ACCEPTED/DENIED: the refund request)
- https://developers.getnet.com.br/api#tag/Boleto (boleto {boleto_id, bank, status_code, status_label,
  typeful_line, bar_code, issue_date, expiration_date, our_number}: issued = PENDING)
- https://developers.getnet.com.br/api#tag/Pix (POST /v1/payments/qrcode/pix: status WAITING, additional_data
  {transaction_id, qr_code, creation_date_qrcode, expiration_date_qrcode, psp_code})
- https://developers.getnet.com.br/api#section/Notificacoes (callbacks: payment_type, customer_id, order_id,
  payment_id, amount, status, number_installments, terminal_nsu, authorization_code, acquirer_transaction_id,
  brand, error_code, description_detail)
- https://docs.cielo.com.br/ecommerce-cielo/page/abecs (the issuer's ABECS codes Getnet returns in reason_code)
Verification: the developers.getnet.com.br pages themselves were not readable from the search index used for this
spec; the payment and error schemas come from the apifox mirror above, the status list and the confirm/cancel/
cancel-request, boleto, Pix and callback shapes from Getnet's public API reference as known to the author. Getnet's
own ``error_code`` table (PAYMENTS-xxx, GENERIC-xxx) could not be read: codes it does not explain stay UNKNOWN unless
``description_detail`` starts with the issuer's code. Getnet Europe (ex-Wirecard, ``transaction-state``) is not
covered.
HTTP errors: 400 validation, 401/403 credentials, 402 payment refused, 404 not found, 5xx Getnet side; the error
body's ``details[0].status`` (DENIED, NOT APPROVED, ERROR) says which, else its ``status_code``.

Lifecycle identity: ``payment_id`` is the attempt; the merchant's ``order_id`` is the payment; a cancel request
(``cancel_request_id``) is the refund.
"""

from payobs_pipeline.normalization.providers._abecs import ABECS_REASONS

STATUSES = {
    "APPROVED": "APPROVED",
    "AUTHORIZED": "APPROVED",  # pre-authorization (delayed capture)
    "CONFIRMED": "APPROVED",  # captured
    "PAID": "APPROVED",  # boleto / Pix paid (callbacks)
    "PENDING": "PENDING",  # boleto issued, debit awaiting authentication
    "WAITING": "PENDING",  # Pix QR code awaiting payment
    "DENIED": "DECLINED",
    "NOT APPROVED": "DECLINED",
    "NOT_APPROVED": "DECLINED",
    "ERROR": "ERROR",
    "CANCELED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",  # boleto / Pix expired unpaid
}
# Error bodies without a details[0].status: by HTTP status.
_HTTP_STATUSES = {
    "400": "ERROR", "401": "ERROR", "403": "ERROR", "404": "ERROR", "409": "ERROR", "422": "ERROR",
    "402": "DECLINED", "500": "ERROR", "502": "ERROR", "503": "ERROR", "504": "ERROR",
}
PAYMENT_METHODS = {
    "credit": "CARD", "debit": "CARD", "boleto": "BOLETO", "pix": "PIX",
    "CREDIT": "CARD", "DEBIT": "CARD", "BOLETO": "BOLETO", "PIX": "PIX",
}

# Getnet's own error_code values whose meaning Getnet states in the error's ``description`` (the table itself
# could not be read, see above). PAYMENTS-011 "Número de parcelas excede limite": the card does not accept the
# requested number of installments (a 402 NOT APPROVED), i.e. the card does not permit this transaction.
_GETNET_CODES = {
    "PAYMENTS-011": "TRANSACTION_NOT_PERMITTED",
}
REASONS = {**ABECS_REASONS, **_GETNET_CODES}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["payment_id"],
    "status": ["status"],
    "reason_code": ["credit.reason_code", "debit.reason_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["credit.authorized_at", "debit.authorized_at", "received_at"],
    "card_brand": ["credit.brand", "debit.brand"],
    "merchant_id": ["seller_id"],
    "attempt_id": ["payment_id"],
    "payment_id": ["order_id"],
}
_PAYMENT_RULES = [
    {"when": {"credit": {"exists": True}}, "set": {"payment_method": "CARD"}},
    {"when": {"debit": {"exists": True}}, "set": {"payment_method": "CARD"}},
    {"when": {"boleto": {"exists": True}}, "set": {"payment_method": "BOLETO"}},
    {"when": {"credit_confirm": {"exists": True}}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"debit_confirm": {"exists": True}}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": ["CANCELED", "CANCELLED"]}, "set": {"event_kind": "VOID"}},
    {"when": {"credit_cancel": {"exists": True}}, "set": {"event_kind": "VOID"}},
]
_HTTP_RULES = [
    {"when": {"status_code": ["400", "404", "422"]}, "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"status_code": ["401", "403"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"status_code": "409"}, "set": {"failure_reason": "DUPLICATE"}},
    {"when": {"status_code": ["500", "502", "503"]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {"status_code": "504"}, "set": {"failure_reason": "TIMEOUT"}},
]

SPEC = {
    "provider": "getnet",
    "aliases": ["getnet", "get net", "getnet_br", "getnet brasil", "santander getnet", "getnet_api", "getnetlac"],
    "detect": [
        {"path": "seller_id", "exists": True, "weight": 0.3},
        {"path": "payment_id", "exists": True, "weight": 0.2},
        {"path": "credit.terminal_nsu", "exists": True, "weight": 0.2},
        {"path": "credit.acquirer_transaction_id", "exists": True, "weight": 0.2},
        {"path": "debit.terminal_nsu", "exists": True, "weight": 0.2},
        {"path": "boleto.boleto_id", "exists": True, "weight": 0.3},
        {"path": "boleto.typeful_line", "exists": True, "weight": 0.1},
        {"path": "additional_data.qr_code", "exists": True, "weight": 0.2},
        {"path": "additional_data.psp_code", "exists": True, "weight": 0.2},
        {"path": "credit_confirm", "exists": True, "weight": 0.3},
        {"path": "credit_cancel", "exists": True, "weight": 0.3},
        {"path": "cancel_request_id", "exists": True, "weight": 0.3},
        # Error body.
        {"path": "details.0.description_detail", "exists": True, "weight": 0.3},
        {"path": "details.0.error_code", "exists": True, "weight": 0.2},
        {"path": "status_code", "exists": True, "weight": 0.1},
        # Callback (query string).
        {"path": "payment_type", "in": ["credit", "debit", "boleto", "pix"], "weight": 0.2},
        {"path": "terminal_nsu", "exists": True, "weight": 0.15},
        {"path": "customer_id", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            # A cancel (refund) request after the day of the sale.
            "name": "cancel_request",
            "match": {"cancel_request_id": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {
                "provider_transaction_id": ["cancel_request_id"],
                "status": ["status"],
                "amount": ["cancel_amount", "amount"],
                "currency": ["currency"],
                "event_time": ["cancel_request_at"],
                "merchant_id": ["seller_id"],
                "attempt_id": ["payment_id"],
                "refund_id": ["cancel_request_id"],
            },
            "status_map": {"ACCEPTED": "PENDING", "DENIED": "DECLINED", "ERROR": "ERROR", "CANCELED": "REFUNDED",
                           "CANCELLED": "REFUNDED", "SUCCESS": "REFUNDED", "PROCESSED": "REFUNDED"},
        },
        {
            "name": "pix",
            "match": {"additional_data.qr_code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "status": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["additional_data.creation_date_qrcode"],
                "attempt_id": ["payment_id"],
                "payment_id": ["order_id"],
            },
            "default_payment_method": "PIX",
            "payment_method_map": {},
        },
        {
            "name": "payment",
            "match": {"payment_id": {"exists": True}, "status": {"exists": True}, "payment_type": {"exists": False}},
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
        {
            "name": "callback",
            "match": {"payment_type": {"exists": True}, "status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "status": ["status"],
                "reason_code": ["reason_code", "error_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["authorization_timestamp", "payment_date"],
                "payment_method": ["payment_type"],
                "card_brand": ["brand"],
                "attempt_id": ["payment_id"],
                "payment_id": ["order_id"],
            },
        },
        {
            "name": "error",
            "match": {"status_code": {"exists": True}, "payment_id": {"exists": False}},
            "default_currency": None,
            "fields": {
                "provider_transaction_id": ["details.0.payment_id"],
                "status": ["details.0.status", "status_code"],
                # Getnet's own error_code, then the issuer's code written before its text in description_detail
                # ("51 - SALDO INSUFICIENTE"), which the shared tables read.
                "reason_code": ["details.0.error_code", "details.0.description_detail"],
                "attempt_id": ["details.0.payment_id"],
            },
            "status_map": _HTTP_STATUSES,
            "rules": _HTTP_RULES,
        },
    ],
}
