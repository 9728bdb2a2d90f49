"""Asaas (Brazil): the payment (cobrança) object, the payment webhook and the API error body.

Sources:
- Asaas API v3 reference, payment object (docs.asaas.com/reference "Criar nova cobrança" / "Recuperar uma única
  cobrança"): object "payment", id ``pay_...``, customer ``cus_...``, value (reais, a decimal), netValue,
  billingType BOLETO / CREDIT_CARD / DEBIT_CARD / PIX / UNDEFINED / TRANSFER / DEPOSIT, status, dueDate,
  paymentDate, confirmedDate, clientPaymentDate, dateCreated, externalReference, invoiceUrl
  (https://www.asaas.com/i/...), bankSlipUrl, transactionReceiptUrl, creditCard {creditCardNumber,
  creditCardBrand, creditCardToken}, refunds[], deleted.
- Payment statuses (the OpenAPI PaymentStatus enum): PENDING, RECEIVED, CONFIRMED, OVERDUE, REFUNDED,
  RECEIVED_IN_CASH, REFUND_REQUESTED, REFUND_IN_PROGRESS, CHARGEBACK_REQUESTED, CHARGEBACK_DISPUTE,
  AWAITING_CHARGEBACK_REVERSAL, DUNNING_REQUESTED, DUNNING_RECEIVED, AWAITING_RISK_ANALYSIS, AUTHORIZED.
  CONFIRMED: "payment made, but the balance has not yet been made available"; RECEIVED: received; OVERDUE: past
  its due date, still payable.
- Webhooks (https://docs.asaas.com/docs/payment-events and /docs/webhook-para-cobrancas): ``{"id": "evt_...",
  "event": "PAYMENT_RECEIVED", "dateCreated", "payment": {...}}`` with PAYMENT_CREATED, PAYMENT_AWAITING_RISK_
  ANALYSIS, PAYMENT_APPROVED_BY_RISK_ANALYSIS, PAYMENT_REPROVED_BY_RISK_ANALYSIS ("card payment disapproved by
  manual risk analysis"), PAYMENT_AUTHORIZED, PAYMENT_UPDATED, PAYMENT_CONFIRMED, PAYMENT_RECEIVED,
  PAYMENT_CREDIT_CARD_CAPTURE_REFUSED ("credit card payment failure", changelog 2023-12-11), PAYMENT_ANTICIPATED,
  PAYMENT_OVERDUE, PAYMENT_DELETED, PAYMENT_RESTORED, PAYMENT_REFUNDED, PAYMENT_PARTIALLY_REFUNDED,
  PAYMENT_REFUND_IN_PROGRESS, PAYMENT_RECEIVED_IN_CASH_UNDONE, PAYMENT_CHARGEBACK_REQUESTED,
  PAYMENT_CHARGEBACK_DISPUTE, PAYMENT_AWAITING_CHARGEBACK_REVERSAL, PAYMENT_DUNNING_*, PAYMENT_BANK_SLIP_VIEWED,
  PAYMENT_CHECKOUT_VIEWED; TRANSFER_*, BILL_*, INVOICE_*, SUBSCRIPTION_* events are not payments.
- Refunds (https://docs.asaas.com/docs/refunds): the payment's refunds[] {dateCreated, status PENDING /
  CANCELLED / DONE, value, description, transactionReceiptUrl}: no id of their own.
- Errors (docs.asaas.com "Erros"): HTTP 400 ``{"errors": [{"code": "invalid_value", "description": "..."}]}``
  (invalid_customer, invalid_billingType, invalid_dueDate, invalid_value, invalid_action, invalid_object, ...);
  a refused card answers 400 ``{"errors": [{"code": "invalid_creditCard", "description": "Transação não
  autorizada. Verifique os dados do cartão de crédito e tente novamente."}]}``, documented as the card's
  refusal (so DECLINED, no issuer reason given); 401 ``invalid_access_token``.

Payment methods: BOLETO -> BOLETO, PIX -> PIX (docs/taxonomy.md), CREDIT_CARD / DEBIT_CARD -> CARD, TRANSFER /
DEPOSIT -> BANK_TRANSFER; UNDEFINED (the payer chooses) names none.

Lifecycle identity: the cobrança (``pay_...``) is both the attempt and the payment (Asaas retries a card on the
same cobrança); a refund has no id of its own (refund_id none); a chargeback is the cobrança's.
"""

from __future__ import annotations

STATUSES = {
    "PENDING": "PENDING",
    "AWAITING_RISK_ANALYSIS": "PENDING",
    "OVERDUE": "PENDING",  # past due, still payable
    "DUNNING_REQUESTED": "PENDING",  # unpaid, sent to debt collection
    "AUTHORIZED": "APPROVED",
    "CONFIRMED": "APPROVED",
    "RECEIVED": "APPROVED",
    "RECEIVED_IN_CASH": "APPROVED",
    "DUNNING_RECEIVED": "APPROVED",
    "REFUNDED": "REFUNDED",
    "REFUND_REQUESTED": "PENDING",
    "REFUND_IN_PROGRESS": "PENDING",
    "CHARGEBACK_REQUESTED": "CHARGEBACK",
    "CHARGEBACK_DISPUTE": "CHARGEBACK",
    "AWAITING_CHARGEBACK_REVERSAL": "CHARGEBACK",
}

REASONS = {
    "invalid_creditCard": "GENERIC_DECLINE",
    "invalid_access_token": "CONFIGURATION_ERROR",
    "PAYMENT_REPROVED_BY_RISK_ANALYSIS": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
}

PAYMENT_METHODS = {
    "BOLETO": "BOLETO", "PIX": "PIX", "CREDIT_CARD": "CARD", "DEBIT_CARD": "CARD",
    "TRANSFER": "BANK_TRANSFER", "DEPOSIT": "BANK_TRANSFER",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["value"],
    "event_time": ["confirmedDate", "paymentDate", "clientPaymentDate", "^dateCreated", "dateCreated"],
    "payment_method": ["billingType"],
    "card_brand": ["creditCard.creditCardBrand"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
    "refund_id": ["refunds.0.id"],  # Asaas refunds carry no id: none
}

# Webhook events whose payment.status alone does not tell the event.
_EVENT_RULES = [
    {"when": {"^event": "PAYMENT_CREDIT_CARD_CAPTURE_REFUSED"}, "set": {"status_category": "DECLINED"}},
    {"when": {"^event": "PAYMENT_REPROVED_BY_RISK_ANALYSIS"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {"^event": "PAYMENT_DELETED"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"^event": ["PAYMENT_REFUNDED", "PAYMENT_PARTIALLY_REFUNDED"]},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"^event": "PAYMENT_REFUND_IN_PROGRESS"}, "set": {"status_category": "PENDING", "event_kind": "REFUND"}},
    {"when": {"status": ["REFUND_REQUESTED", "REFUND_IN_PROGRESS"]}, "set": {"event_kind": "REFUND"}},
]

SPEC = {
    "provider": "asaas",
    "aliases": ["asaas", "asaas pagamentos", "asaas.com", "asaas api v3"],
    "detect": [
        {"path": "id", "prefix": "pay_", "weight": 0.2},
        {"path": "object", "in": ["payment"], "weight": 0.1},
        {"path": "invoiceUrl", "prefix": ["https://www.asaas.com/", "https://sandbox.asaas.com/"], "weight": 0.5},
        {"path": "billingType", "in": list(PAYMENT_METHODS) + ["UNDEFINED"], "weight": 0.3},
        {"path": "netValue", "exists": True, "weight": 0.1},
        {"path": "customer", "prefix": "cus_", "weight": 0.1},
        # Webhook envelope.
        {"path": "event", "prefix": ["PAYMENT_", "TRANSFER_", "BILL_", "INVOICE_", "SUBSCRIPTION_", "ACCOUNT_STATUS_",
                                     "CHECKOUT_", "MOBILE_PHONE_RECHARGE_", "RECEIVABLE_ANTICIPATION_"], "weight": 0.2},
        {"path": "dateCreated", "exists": True, "weight": 0.1},
        {"path": "payment.id", "prefix": "pay_", "weight": 0.2},
        {"path": "payment.invoiceUrl", "prefix": ["https://www.asaas.com/", "https://sandbox.asaas.com/"],
         "weight": 0.4},
        {"path": "payment.billingType", "exists": True, "weight": 0.2},
        {"path": "id", "prefix": "evt_", "weight": 0.2},
        # Error body.
        {"path": "errors.0.code", "in": ["invalid_creditCard", "invalid_customer", "invalid_billingType",
                                         "invalid_dueDate", "invalid_value", "invalid_action", "invalid_object",
                                         "invalid_access_token"], "weight": 0.3},
        {"path": "errors.0.description", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "BRL",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "webhook_payment",
            "match": {"event": {"prefix": "PAYMENT_"}, "payment.id": {"exists": True}},
            "root": "payment",
            "fields": {**_PAYMENT_FIELDS, "reason_code": ["^event"]},
            "rules": _EVENT_RULES,
        },
        {
            "name": "webhook_other",
            "match": {"event": {"exists": True}, "payment": {"exists": False}},
            "not_a_payment": "an Asaas webhook about a transfer, bill, invoice, subscription or account",
        },
        {
            "name": "error",
            "match": {"errors.0.code": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["errors.0.code"]},
            "rules": [
                {"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"errors.0.code": "invalid_access_token"}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                # The refused card: a decline with no reason named.
                {"when": {"errors.0.code": "invalid_creditCard"},
                 "set": {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE", "payment_method": "CARD"}},
            ],
        },
        {
            "name": "payment",
            "match": {"id": {"exists": True}, "status": {"exists": True}, "billingType": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
            "rules": [{"when": {"status": ["REFUND_REQUESTED", "REFUND_IN_PROGRESS"]}, "set": {"event_kind": "REFUND"}}],
        },
    ],
}
