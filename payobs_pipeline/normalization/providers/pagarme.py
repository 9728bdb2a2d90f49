"""Pagar.me (Brazil, Stone group): the Core API v5 charge, order and webhook, its error body, and the legacy
API v4 transaction, postback, refund and error body.

Sources:
- Pagar.me API v5 (docs.pagar.me/reference): the charge object (id ``ch_...``, code, gateway_id, amount and
  paid_amount in centavos, status, currency, payment_method credit_card / debit_card / boleto / pix / voucher /
  cash / safetypay / private_label, paid_at, order {id ``or_...``}, customer, last_transaction), the order object
  (id ``or_...``, code, status pending / paid / canceled / failed, charges[]), the transaction object
  (id ``tran_...``, transaction_type, status, success, acquirer_name, acquirer_return_code, acquirer_message,
  card {brand, billing_address.country}, gateway_response {code, errors[]}, antifraud_response {status}) and
  webhooks ``{"id": "hook_...", "account": {...}, "type": "charge.paid", "created_at", "data": {...}}`` with the
  events order.paid / order.payment_failed / order.canceled / charge.paid / charge.payment_failed /
  charge.refunded / charge.pending / charge.processing / charge.underpaid / charge.overpaid /
  charge.chargedback / charge.antifraud_* .
- The status values, as Pagar.me's own integration core declares them (pagarme/ecommerce-module-core
  src/Kernel/ValueObjects/ChargeStatus.php: paid, pending, canceled, processing, failed, underpaid, overpaid;
  TransactionStatus.php: captured, partial_capture, authorized_pending_capture, waiting_capture, voided,
  partial_void, refunded, partial_refunded, with_error, not_authorized, failed, chargedback, generated,
  underpaid, paid, overpaid, waiting_payment, pending_refund, expired, pending_review, analyzing).
- Webhook examples: the charge.paid and charge.refunded payloads published for Pagar.me v5 (scribd
  "Webhook Exemplo Charge Paid" / "Charge Refunded Order") and the Stone Connect webhook page
  (connect-v2.stone.com.br/reference/retorno-webhook), same envelope.
- v5 errors: HTTP 400/422 ``{"message": "The request is invalid.", "errors": {"field": ["..."]}, "request":
  {...}}``, 401 ``{"message": "Authorization has been denied for this request."}``, 404 ``{"message": "... not
  found"}``, 500 ``{"message": "An error has occurred."}``.
- API v4 (docs.pagar.me/v4/reference/status-das-transacoes and /v1/reference/objeto-transaction):
  ``object`` transaction, status processing / authorized / paid / refunded / waiting_payment / pending_refund /
  refused / chargedback / analyzing / pending_review; refuse_reason and status_reason acquirer / antifraud /
  internal_error / no_acquirer / acquirer_timeout; acquirer_response_code; tid; amount in centavos;
  payment_method credit_card / debit_card / boleto / pix; card_brand. Postbacks (form-encoded: id, event
  transaction_status_changed, old_status, current_status, desired_status, object, transaction[...]).
  Errors (docs.pagar.me/v1/reference/erros): ``{"errors": [{"message", "parameter_name", "type"}], "method",
  "url"}`` with type invalid_parameter / action_forbidden / internal_error / not_found.
- Acquirer return codes: Pagar.me's acquirer is Stone, whose authorizer codes
  (sdkandroid.stone.com.br/docs/codigos-retorno-autorizador) are the ISO 8583:1993 action codes written with
  four digits: 0000 approved, 1000 do not honour, 1001 expired card, 1002 suspected fraud, 1004 restricted card,
  1006 PIN tries exceeded, 1009 invalid card acceptor, 1010 invalid amount, 1011 invalid card number, 1016 not
  sufficient funds, 1017 incorrect PIN, 1019/1020 transaction not permitted, 1021/1023 limit exceeded, 1022
  security violation, 1025 card blocked, 1045 invalid CVV, 2000-2010 pick-up (lost 2008, stolen 2009), 9102
  invalid transaction, 9108/9109 processing error, 9111 issuer time-out, 9112 issuer unavailable, 9999. Other
  acquirers behind Pagar.me (Cielo, Rede, GetNet) pass ABECS codes through, read with the shared ABECS table.

Payment methods: boleto -> BOLETO, pix -> PIX (docs/taxonomy.md has both), voucher (meal vouchers) and
private_label are cards, cash is Stone's POS cash, safetypay a bank transfer.

A charge whose status is "canceled" after it was paid is a refund (Pagar.me cancels a captured card charge by
refunding it): the transaction status ("refunded", "voided") says which, so it is read first.

Lifecycle identity: the charge (``ch_...``) is the attempt; the order (``or_...``) is the payment; a refund
is the charge's cancel operation, its last transaction (``tran_...``), whose id is the refund_id; v4: the transaction id is
the attempt, the refund object's id (``re_...``) the refund.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers._abecs import ABECS_REASONS

# v5 charge statuses (ChargeStatus.php) and transaction statuses (TransactionStatus.php), one table: the words
# mean the same wherever they appear.
STATUSES = {
    # charge / order
    "paid": "APPROVED",
    "overpaid": "APPROVED",
    "pending": "PENDING",
    "processing": "PENDING",
    "underpaid": "PENDING",  # a boleto paid below its amount: the charge stays open for the rest
    "canceled": "CANCELLED",
    "failed": "DECLINED",
    "chargedback": "CHARGEBACK",
    # transaction
    "captured": "APPROVED",
    "partial_capture": "APPROVED",
    "authorized_pending_capture": "APPROVED",
    "waiting_capture": "APPROVED",
    "not_authorized": "DECLINED",
    "notauthorized": "DECLINED",
    "with_error": "ERROR",
    "witherror": "ERROR",
    "voided": "CANCELLED",
    "partial_void": "CANCELLED",
    "refunded": "REFUNDED",
    "partial_refunded": "REFUNDED",
    "pending_refund": "PENDING",
    "generated": "PENDING",
    "viewed": "PENDING",
    "waiting_payment": "PENDING",
    "expired": "CANCELLED",
    "analyzing": "PENDING",
    "pending_review": "PENDING",
    # v4 transaction
    "authorized": "APPROVED",
    "refused": "DECLINED",
}

# Stone authorizer codes (ISO 8583:1993 action codes on four digits), Pagar.me's own reasons, v4 refuse_reason.
ACQUIRER_CODES = {
    "1000": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},
    "1001": {"reason": "EXPIRED_CARD", "decline_type": "HARD"},
    "1002": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},
    "1003": "CONFIGURATION_ERROR",
    "1004": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"},
    "1005": "CONFIGURATION_ERROR",
    "1006": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "1007": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},
    "1008": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},
    "1009": "CONFIGURATION_ERROR",
    "1010": "INVALID_REQUEST",
    "1011": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},
    "1012": "AUTHENTICATION_REQUIRED",
    "1014": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},
    "1015": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},
    "1016": {"reason": "INSUFFICIENT_FUNDS", "decline_type": "SOFT"},
    "1017": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "1018": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},
    "1019": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},
    "1020": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},
    "1021": {"reason": "LIMIT_EXCEEDED", "decline_type": "SOFT"},
    "1022": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},
    "1023": {"reason": "LIMIT_EXCEEDED", "decline_type": "SOFT"},
    "1024": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},
    "1025": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"},
    "1027": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "1045": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "2000": {"reason": "GENERIC_DECLINE", "decline_type": "HARD"},
    "2001": {"reason": "EXPIRED_CARD", "decline_type": "HARD"},
    "2002": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},
    "2004": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"},
    "2008": {"reason": "LOST_OR_STOLEN_CARD", "decline_type": "HARD"},
    "2009": {"reason": "LOST_OR_STOLEN_CARD", "decline_type": "HARD"},
    "2010": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},
    "9102": "INVALID_REQUEST",
    "9104": "INVALID_REQUEST",
    "9107": "ISSUER_UNAVAILABLE",
    "9108": "PROCESSING_ERROR",
    "9109": "PROCESSING_ERROR",
    "9111": "TIMEOUT",
    "9112": "ISSUER_UNAVAILABLE",
    "9113": "DUPLICATE",
    "9999": "PROCESSING_ERROR",
}

REASONS = {
    **ABECS_REASONS,
    **ACQUIRER_CODES,
    # antifraud_response.status (v5) and refuse_reason / status_reason (v4)
    "reproved": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "antifraud": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "acquirer": "GENERIC_DECLINE",
    "internal_error": "PROCESSING_ERROR",
    "no_acquirer": "CONFIGURATION_ERROR",
    "acquirer_timeout": "TIMEOUT",
    # v4 error types
    "invalid_parameter": "INVALID_REQUEST",
    "not_found": "INVALID_REQUEST",
    "action_forbidden": "CONFIGURATION_ERROR",
}

PAYMENT_METHODS = {
    "credit_card": "CARD", "debit_card": "CARD", "voucher": "CARD", "private_label": "CARD",
    "boleto": "BOLETO", "pix": "PIX", "safetypay": "BANK_TRANSFER", "bank_transfer": "BANK_TRANSFER",
    "cash": "OTHER", "checkout": "OTHER",
}

# v5 webhook types whose charge/order status alone does not say the event.
_WEBHOOK_RULES = [
    {"when": {"^type": ["charge.refunded", "charge.partial_canceled"]},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"^type": "charge.chargedback"}, "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
]

_V5_RULES = [
    {"when": {"status": "chargedback"}, "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
    {"when": {"last_transaction.status": ["voided", "partial_void"]}, "set": {"event_kind": "VOID"}},
    {"when": {"last_transaction.status": "pending_refund"}, "set": {"event_kind": "REFUND"}},
    # with_error: the transaction failed between Pagar.me and the acquirer; with no acquirer code, a processing
    # error of the provider's.
    {"when": {"last_transaction.status": ["with_error", "witherror"],
              "last_transaction.acquirer_return_code": {"exists": False}},
     "set": {"failure_reason": "PROCESSING_ERROR", "failure_source": "TECHNICAL"}},
    {"when": {"last_transaction.antifraud_response.status": "reproved"},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["last_transaction.status", "status"],
    "reason_code": ["last_transaction.acquirer_return_code", "last_transaction.antifraud_response.status",
                    "last_transaction.acquirer_message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paid_at", "canceled_at", "updated_at", "created_at", "^created_at"],
    "payment_method": ["payment_method", "last_transaction.transaction_type"],
    "card_brand": ["last_transaction.card.brand"],
    "merchant_id": ["^account.id"],
    "merchant_name": ["^account.name"],
    "attempt_id": ["id"],
    "payment_id": ["order.id", "order_id"],
    # A refund of a charge is its cancel operation, the charge's last transaction (operation_type "cancel").
    "refund_id": ["last_transaction.id"],
    "card_country": ["last_transaction.card.billing_address.country"],
    "customer_country": ["customer.address.country", "last_transaction.card.billing_address.country"],
}

_ORDER_FIELDS = {
    "provider_transaction_id": ["charges.0.id", "id"],
    "status": ["charges.0.last_transaction.status", "charges.0.status", "status"],
    "reason_code": ["charges.0.last_transaction.acquirer_return_code",
                    "charges.0.last_transaction.antifraud_response.status",
                    "charges.0.last_transaction.acquirer_message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["charges.0.paid_at", "closed_at", "updated_at", "created_at", "^created_at"],
    "payment_method": ["charges.0.payment_method", "charges.0.last_transaction.transaction_type"],
    "card_brand": ["charges.0.last_transaction.card.brand"],
    "merchant_id": ["^account.id"],
    "merchant_name": ["^account.name"],
    "attempt_id": ["charges.0.id"],
    "payment_id": ["id"],
    "card_country": ["charges.0.last_transaction.card.billing_address.country"],
    "customer_country": ["customer.address.country"],
}

_V4_FIELDS = {
    "provider_transaction_id": ["id", "tid"],
    "status": ["status"],
    "reason_code": ["acquirer_response_code", "refuse_reason", "status_reason"],
    "amount": ["amount"],
    "event_time": ["date_updated", "date_created"],
    "payment_method": ["payment_method"],
    "card_brand": ["card_brand", "card.brand"],
    "attempt_id": ["id", "tid"],
    "payment_id": ["metadata.order_id", "reference_key"],
    "card_country": ["card.country"],
    "customer_country": ["customer.country", "billing.address.country"],
}

# v4 postback, form-encoded: the transaction's fields arrive as transaction[...] keys.
_V4_POSTBACK_FIELDS = {
    "provider_transaction_id": ["id", "transaction[id]"],
    "status": ["current_status", "transaction[status]"],
    "reason_code": ["transaction[acquirer_response_code]", "transaction[refuse_reason]", "transaction[status_reason]"],
    "amount": ["transaction[amount]"],
    "event_time": ["transaction[date_updated]", "transaction[date_created]"],
    "payment_method": ["transaction[payment_method]"],
    "card_brand": ["transaction[card_brand]"],
    "attempt_id": ["id", "transaction[id]"],
}

SPEC = {
    "provider": "pagarme",
    "aliases": ["pagarme", "pagar.me", "pagar me", "pagarme v5", "pagarme core", "pagarme core api",
                "pagar.me v4", "pagarme v4", "mundipagg"],
    "detect": [
        # v5 ids: ch_ (charge), or_ (order), tran_ (transaction), hook_ (webhook), acc_ (account).
        {"path": "id", "prefix": ["ch_", "or_"], "weight": 0.2},
        {"path": "id", "prefix": "hook_", "weight": 0.4},
        {"path": "last_transaction.id", "prefix": "tran_", "weight": 0.5},
        {"path": "charges.0.id", "prefix": "ch_", "weight": 0.3},
        {"path": "charges.0.last_transaction.id", "prefix": "tran_", "weight": 0.4},
        {"path": "data.id", "prefix": ["ch_", "or_"], "weight": 0.3},
        {"path": "data.last_transaction.id", "prefix": "tran_", "weight": 0.3},
        {"path": "data.charges.0.id", "prefix": "ch_", "weight": 0.2},
        {"path": "account.id", "prefix": "acc_", "weight": 0.1},
        {"path": "type", "prefix": ["charge.", "order."], "weight": 0.1},
        {"path": "gateway_id", "exists": True, "weight": 0.1},
        # v4 transaction / refund / error
        {"path": "object", "in": ["transaction"], "weight": 0.2},
        {"path": "refuse_reason", "exists": True, "weight": 0.2},
        {"path": "acquirer_response_code", "exists": True, "weight": 0.2},
        {"path": "status_reason", "in": ["acquirer", "antifraud", "internal_error", "no_acquirer",
                                          "acquirer_timeout"], "weight": 0.2},
        {"path": "acquirer_name", "in": ["pagarme", "stone", "cielo", "rede", "development"], "weight": 0.2},
        {"path": "errors.0.parameter_name", "exists": True, "weight": 0.4},
        {"path": "errors.0.type", "in": ["invalid_parameter", "action_forbidden", "internal_error", "not_found"],
         "weight": 0.2},
        {"path": "fraud_coverage_fee", "exists": True, "weight": 0.5},
        {"path": "charge_fee_recipient_id", "exists": True, "weight": 0.2},
        {"path": "transaction[object]", "in": ["transaction"], "weight": 0.4},
        {"path": "event", "in": ["transaction_status_changed"], "weight": 0.3},
        {"path": "desired_status", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "webhook_charge",
            "match": {"type": {"prefix": "charge."}, "data.id": {"exists": True}},
            "root": "data",
            "fields": _CHARGE_FIELDS,
            "rules": _V5_RULES + _WEBHOOK_RULES,
        },
        {
            "name": "webhook_order",
            "match": {"type": {"prefix": "order."}, "data.id": {"exists": True}},
            "root": "data",
            "fields": _ORDER_FIELDS,
            "rules": [{"when": {"charges.0.status": "chargedback"},
                       "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}}],
        },
        {
            "name": "webhook_other",
            "match": {"type": {"exists": True}, "account.id": {"prefix": "acc_"}, "data": {"exists": True}},
            "not_a_payment": "a Pagar.me webhook about a customer, card, subscription, invoice, recipient or transfer",
        },
        {
            "name": "order",
            "match": {"id": {"prefix": "or_"}},
            "fields": _ORDER_FIELDS,
            "rules": [{"when": {"charges.0.status": "chargedback"},
                       "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}}],
        },
        {
            "name": "charge",
            "match": {"id": {"prefix": "ch_"}},
            "fields": _CHARGE_FIELDS,
            "rules": _V5_RULES,
        },
        {
            "name": "v5_error",
            "match": {"message": {"exists": True}, "id": {"exists": False}, "object": {"exists": False},
                      "errors.0.parameter_name": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["message"]},
            # 400/422 validation and 404 ("Charge not found.") answers: the request; 401: the API key; 500: Pagar.me.
            "rules": [
                {"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"message": "Authorization has been denied for this request."},
                 "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                {"when": {"message": "An error has occurred."}, "set": {"failure_reason": "PROCESSING_ERROR"}},
            ],
        },
        {
            "name": "v4_error",
            "match": {"errors.0.type": {"exists": True}, "url": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["errors.0.type"]},
        },
        {
            "name": "v4_postback",
            "match": {"transaction[status]": {"exists": True}},
            "fields": _V4_POSTBACK_FIELDS,
            "rules": [{"when": {"current_status": "chargedback"}, "set": {"event_kind": "DISPUTE"}}],
        },
        {
            "name": "v4_refund",
            "match": {"object": "refund"},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "event_time": ["date_updated", "date_created"], "attempt_id": ["transaction_id"],
                       "refund_id": ["id"]},
            "status_map": {"refunded": "REFUNDED", "pending_refund": "PENDING"},
        },
        {
            "name": "v4_chargeback",
            "match": {"object": "chargeback"},
            "status": "CHARGEBACK",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "reason_code": ["reason_code"],
                       "amount": ["amount"], "event_time": ["date_updated", "date_created"],
                       "attempt_id": ["transaction_id"], "dispute_id": ["id"]},
        },
        {
            "name": "v4_transaction",
            "match": {"object": "transaction"},
            "fields": _V4_FIELDS,
            "rules": [{"when": {"refuse_reason": "antifraud"},
                       "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
                      # A boleto refund awaiting confirmation: the refund is pending, not the payment.
                      {"when": {"status": "pending_refund"}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "v4_other",
            "match": {"object": ["customer", "card", "subscription", "plan", "recipient", "transfer", "balance",
                                 "payable", "bank_account", "postback"]},
            "not_a_payment": "a Pagar.me v4 customer, card, subscription, plan, recipient, transfer or balance object",
        },
    ],
}
