"""MercadoPago: Payments API payment objects and chargeback objects.

Sources (Mercado Pago Developers):
- https://www.mercadopago.com.br/developers/en/reference/payments/_payments_id/get (payment object:
  status, status_detail, transaction_amount, currency_id, payment_method_id, payment_type_id, date_*)
- https://www.mercadopago.com.br/developers/en/docs/checkout-api/response-handling/collection-results
  (every status and status_detail)
- https://www.mercadopago.com.br/developers/en/docs/checkout-pro-preferences/how-tos/improve-payment-approval/reasons-for-rejection
  (cc_rejected_* reasons)
- https://www.mercadopago.com.br/developers/en/reference/chargebacks/_chargebacks_id/get (chargeback object)
- https://www.mercadopago.com.ar/developers/en/docs/sales-processing/payment-methods (payment_method_id,
  payment_type_id values per country)
Amounts are in major units (``transaction_amount`` is a decimal number). MercadoPago does not
say which declines are soft or hard, so decline types are the reasons' defaults. Webhook
notifications (``{"type": "payment", "data": {"id": ...}}``) carry only the payment id: they
have no outcome to normalize and are left to the cascade.
"""

# status_detail values (collection-results page) that explain a rejection or an error.
REASONS = {
    "cc_rejected_insufficient_amount": "INSUFFICIENT_FUNDS",
    "insufficient_amount": "INSUFFICIENT_FUNDS",
    "cc_rejected_bad_filled_card_number": "INVALID_CARD_DATA",
    "cc_rejected_bad_filled_date": "INVALID_CARD_DATA",
    "cc_rejected_bad_filled_other": "INVALID_CARD_DATA",
    "cc_rejected_bad_filled_security_code": "INCORRECT_CVC",
    # MercadoPago's own fraud prevention refused the payment.
    "cc_rejected_high_risk": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "cc_rejected_blacklist": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "cc_rejected_call_for_authorize": "GENERIC_DECLINE",
    "cc_rejected_card_disabled": "RESTRICTED_CARD",
    "cc_rejected_card_error": "PROCESSING_ERROR",
    "cc_rejected_duplicated_payment": "DUPLICATE",
    "cc_rejected_invalid_installments": "TRANSACTION_NOT_PERMITTED",
    "cc_rejected_max_attempts": "LIMIT_EXCEEDED",
    "cc_amount_rate_limit_exceeded": "LIMIT_EXCEEDED",
    "cc_rejected_other_reason": "GENERIC_DECLINE",
    "cc_rejected_3ds_mandatory": "AUTHENTICATION_REQUIRED",
    "cc_rejected_3ds_challenge": "AUTHENTICATION_FAILED",
    "rejected_by_bank": "GENERIC_DECLINE",
    "rejected_by_regulations": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "PSP_RISK"},
    "rejected_insufficient_data": "INVALID_REQUEST",
    "bank_error": "PROCESSING_ERROR",
}

# payment.status; status_detail refines it through the rules below.
STATUSES = {
    "approved": "APPROVED",
    "authorized": "APPROVED",
    "pending": "PENDING",
    "in_process": "PENDING",
    "rejected": "DECLINED",
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
    "charged_back": "CHARGEBACK",
    # The buyer opened a claim (mediation): a dispute in MercadoPago's words.
    "in_mediation": "CHARGEBACK",
}

# payment_type_id, the method family; payment_method_id names the scheme or network.
PAYMENT_TYPES = {
    **dict.fromkeys(["credit_card", "debit_card", "prepaid_card", "voucher_card"], "CARD"),
    **dict.fromkeys(["account_money", "digital_wallet"], "WALLET"),
    # Mercado Crédito ("cuotas sin tarjeta") is a buy-now-pay-later credit line.
    "digital_currency": "BNPL",
    # Cash slips paid at a store or ATM: OXXO, PagoFácil, Rapipago, Efecty, PEC, PayCash ...
    **dict.fromkeys(["ticket", "atm"], "CASH_VOUCHER"),
    "bank_transfer": "BANK_TRANSFER",
    "crypto_transfer": "OTHER",
}
_BOLETO_IDS = ["bolbradesco", "boletobancario", "boleto"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["status_detail"],
    "amount": ["transaction_amount"],
    "currency": ["currency_id"],
    # The last change is the event (a refund or chargeback updates a payment approved earlier).
    "event_time": ["date_last_updated", "date_approved", "date_created"],
    "payment_method": ["payment_type_id"],
    "merchant_id": ["collector_id"],
}
_PAYMENT_RULES = [
    # PIX travels as payment_type bank_transfer, boleto as ticket: the method id says which.
    {"when": {"payment_method_id": "pix"}, "set": {"payment_method": "PIX"}},
    {"when": {"payment_method_id": _BOLETO_IDS}, "set": {"payment_method": "BOLETO"}},
    # A card error or a bank error is a technical failure, not an issuer's refusal.
    {"when": {"status": "rejected", "status_detail": ["cc_rejected_card_error", "bank_error"]},
     "set": {"status_category": "ERROR"}},
]

SPEC = {
    "provider": "mercadopago",
    "aliases": ["mercadopago", "mercado_pago", "mercadopago_v1", "mp", "mercadolibre"],
    "detect": [
        {"path": "status_detail", "exists": True, "weight": 0.3},
        {"path": "payment_type_id", "exists": True, "weight": 0.3},
        {"path": "payment_method_id", "exists": True, "weight": 0.2},
        {"path": "currency_id", "exists": True, "weight": 0.2},
        {"path": "collector_id", "exists": True, "weight": 0.2},
        {"path": "coverage_applied", "exists": True, "weight": 0.3},
        {"path": "date_documentation_deadline", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_TYPES,
    "variants": [
        {
            # GET /v1/chargebacks/{id}: the dispute on one or more payments.
            "name": "chargeback",
            "match": {"coverage_applied": {"exists": True}, "payments": {"exists": True}},
            "status": "CHARGEBACK",
            "fields": {
                "provider_transaction_id": ["payments.0", "id"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["date_last_updated", "date_created"],
            },
        },
        {
            # Card payments: payment_method_id is the scheme (visa, master, amex, elo, naranja ...).
            "name": "card_payment",
            "match": {"status": {"exists": True},
                      "payment_type_id": ["credit_card", "debit_card", "prepaid_card"]},
            "fields": {**_PAYMENT_FIELDS, "card_brand": ["payment_method_id"]},
            "rules": _PAYMENT_RULES,
        },
        {
            "name": "payment",
            "match": {"status": {"exists": True}, "transaction_amount": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
    ],
}
