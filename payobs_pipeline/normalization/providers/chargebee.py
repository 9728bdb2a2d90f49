"""Chargebee: the Transaction object (API answers, bare or wrapped as ``{"transaction": {...}}``), webhook events
that carry a transaction (payment_succeeded, payment_failed, payment_refunded ...), the non-payment events, and the
API error body.

Sources:
- "Transactions" (chargebee.com/docs/transactions.html): status Success ("payment attempt was successful"), Voided
  ("payment attempt was canceled"), Failure, Timeout ("no response received while trying to charge the card"),
  Unknown ("needs to be checked and reconciled"), In-Progress ("waiting for response from the payment gateway"),
  Needs Attention ("payment confirmation not received from the payment gateway"); types Authorization, Payment,
  Refund, Payment Reversal ("a process of refunding a completed payment ... if the payment initially succeeds but
  later fails, a reversal transaction is created").
- Transaction model (chargebee/chargebee-python chargebee/models/transaction/operations.py and responses.py; the
  Java enum Transaction.Status on javadoc.io): status in_progress, success, voided, failure, timeout,
  needs_attention; type authorization, payment, refund, payment_reversal; fields id, customer_id,
  subscription_id, payment_method, gateway, date, currency_code, amount (an integer in the currency's minor unit),
  id_at_gateway, error_code, error_text (the gateway's), error_detail {error_code, decline_code,
  network_error_code, processor_error_code, error_cause_id ...}, linked_invoices [{invoice_id}],
  refunded_txn_id, reference_transaction_id, masked_card_number. Payment methods: the PaymentMethod enum
  (chargebee-php ClassBasedEnums/PaymentMethod.php). The field list is SDK source.
- Events (EventType enum in chargebee/chargebee-python chargebee/models/enums.py and chargebee-php): the event
  {id, occurred_at, source, object "event", api_version, content {transaction, invoice, customer ...}, event_type,
  webhook_status}; payment events transaction_created, transaction_updated, payment_succeeded, payment_failed,
  payment_refunded, payment_initiated, refund_initiated, authorization_succeeded, authorization_voided (each with
  the transaction in content); transaction_deleted and every other event (customer, subscription, invoice, card,
  payment source ...) are not payment outcomes.
- API errors (the SDKs' error classes, e.g. rubydoc ChargeBee::APIError, chargebee-node ChargebeeError; the error
  codes by type as listed by chargebee typings generator, SDK source): {message, type, api_error_code, param,
  error_code, error_msg, error_param, http_status_code}; type payment: payment_processing_failed,
  payment_method_verification_failed, payment_method_not_present, payment_gateway_currency_incompatible,
  payment_intent_invalid, payment_intent_invalid_amount; invalid_request: resource_not_found,
  resource_limit_exhausted, param_wrong_value, duplicate_entry, db_connection_failure, invalid_state_for_request,
  http_method_not_supported, invalid_request, resource_limit_exceeded; operation_failed: internal_error,
  internal_temporary_error, request_blocked, api_request_limit_exceeded, site_not_ready, site_read_only_mode; no
  type: api_authentication_failed, api_authorization_failed, site_not_found, configuration_incompatible.

Reasons: Chargebee passes through each gateway's own error_code/error_text and documents no table of its own; the
reason is read from error_detail.network_error_code (the card network's code, through the shared ISO 8583 and
network tables), then error_detail.decline_code and error_code through the same tables, else UNKNOWN. A payment
error body (payment_processing_failed, payment_method_verification_failed) is the card's decline: DECLINED.

Lifecycle identity: the transaction id is the attempt (a refund's refunded_txn_id, the transaction it refunds);
the first linked invoice the payment; a refund transaction's own id the refund.
"""

from __future__ import annotations

STATUSES = {
    "success": "APPROVED",
    "in_progress": "PENDING",  # waiting for the gateway (direct debit)
    "failure": "DECLINED",
    "voided": "CANCELLED",
    "timeout": "UNKNOWN",  # no answer from the gateway: money may have moved, reconcile
    "needs_attention": "UNKNOWN",  # no payment confirmation from the gateway
}

PAYMENT_EVENTS = ["transaction_created", "transaction_updated", "payment_succeeded", "payment_failed",
                  "payment_refunded", "payment_initiated", "refund_initiated", "authorization_succeeded",
                  "authorization_voided"]

PAYMENT_ERRORS = {  # type "payment"
    "payment_processing_failed": "GENERIC_DECLINE",  # the gateway declined the charge
    "payment_method_verification_failed": "GENERIC_DECLINE",  # the card was refused when verified
    "payment_method_not_present": "INVALID_REQUEST",
    "payment_gateway_currency_incompatible": "CONFIGURATION_ERROR",
    "payment_intent_invalid": "INVALID_REQUEST",
    "payment_intent_invalid_amount": "INVALID_REQUEST",
}
DECLINE_ERRORS = ["payment_processing_failed", "payment_method_verification_failed"]

API_ERRORS = {
    # invalid_request
    "resource_not_found": "INVALID_REQUEST", "resource_limit_exhausted": "INVALID_REQUEST",
    "param_wrong_value": "INVALID_REQUEST", "duplicate_entry": "DUPLICATE", "db_connection_failure": "PROCESSING_ERROR",
    "invalid_state_for_request": "INVALID_REQUEST", "http_method_not_supported": "INVALID_REQUEST",
    "invalid_request": "INVALID_REQUEST", "resource_limit_exceeded": "INVALID_REQUEST",
    # operation_failed
    "internal_error": "PROCESSING_ERROR", "internal_temporary_error": "PROCESSING_ERROR",
    "request_blocked": "PROCESSING_ERROR", "api_request_limit_exceeded": "PROCESSING_ERROR",
    "site_not_ready": "CONFIGURATION_ERROR", "site_read_only_mode": "CONFIGURATION_ERROR",
    # no type
    "api_authentication_failed": "CONFIGURATION_ERROR", "api_authorization_failed": "CONFIGURATION_ERROR",
    "site_not_found": "CONFIGURATION_ERROR", "configuration_incompatible": "CONFIGURATION_ERROR",
}

REASONS = {**PAYMENT_ERRORS, **API_ERRORS}

PAYMENT_METHODS = {
    "card": "CARD", "unionpay": "CARD",
    **{wallet: "WALLET" for wallet in ("amazon_payments", "paypal_express_checkout", "alipay", "apple_pay",
                                       "wechat_pay", "google_pay", "venmo", "upi", "payconiq_by_bancontact",
                                       "kakao_pay", "naver_pay", "revolut_pay", "cash_app_pay")},
    **{debit: "DIRECT_DEBIT" for debit in ("direct_debit", "netbanking_emandates", "pay_to")},
    **{bank: "BANK_TRANSFER" for bank in ("bank_transfer", "ach_credit", "sepa_credit", "ideal", "sofort",
                                          "bancontact", "giropay", "dotpay", "faster_payments",
                                          "sepa_instant_transfer", "automated_bank_transfer",
                                          "online_banking_poland", "pay_by_bank", "trustly", "kbc_payment_button")},
    "klarna_pay_now": "BNPL", "boleto": "BOLETO",
    **{other: "OTHER" for other in ("cash", "check", "other", "custom", "chargeback", "stablecoin")},
}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["error_detail.network_error_code", "error_detail.decline_code", "error_code",
                    "error_detail.error_code"],
    "amount": ["amount"],
    "currency": ["currency_code"],
    "event_time": ["date", "updated_at"],
    "payment_method": ["payment_method"],
    "merchant_id": ["gateway_account_id"],
    "attempt_id": ["refunded_txn_id", "id"],
    "payment_id": ["linked_invoices.0.invoice_id"],
    "refund_id": ["id"],
}

_RULES = [
    {"when": {"type": ["refund", "payment_reversal"], "status": "success"},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"type": ["refund", "payment_reversal"], "status": {"not_in": ["success"]}},
     "set": {"event_kind": "REFUND"}},
    {"when": {"type": {"not_in": ["refund", "payment_reversal"]}, "status": "voided"}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "timeout"}, "set": {"failure_reason": "TIMEOUT"}},
]


def _transaction_variant(name: str, root: str | None, match: dict) -> dict:
    rooted = {"root": root} if root else {}
    return {"name": name, **rooted, "match": match, "fields": _TRANSACTION_FIELDS, "rules": _RULES}


SPEC = {
    "provider": "chargebee",
    "aliases": ["chargebee", "charge bee", "chargebee.com", "chargebee billing", "chargebee payments"],
    "detect": [
        {"path": "webhook_status", "exists": True, "weight": 0.3},
        {"path": "event_type", "in": PAYMENT_EVENTS, "weight": 0.2},
        {"path": "api_version", "in": ["v1", "v2"], "weight": 0.1},
        {"path": "occurred_at", "exists": True, "weight": 0.1},
        {"path": "content.transaction.id", "prefix": "txn_", "weight": 0.3},
        {"path": "id", "prefix": "txn_", "weight": 0.3},
        {"path": "transaction.id", "prefix": "txn_", "weight": 0.5},
        {"path": "gateway_account_id", "exists": True, "weight": 0.2},
        {"path": "id_at_gateway", "exists": True, "weight": 0.1},
        {"path": "linked_invoices", "exists": True, "weight": 0.1},
        {"path": "currency_code", "exists": True, "weight": 0.05},
        {"path": "api_error_code", "in": list(REASONS), "weight": 0.5},
        {"path": "error_msg", "exists": True, "weight": 0.05},
        {"path": "http_status_code", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "card_network",
    "payment_method_map": PAYMENT_METHODS,
    "fields": _TRANSACTION_FIELDS,
    "variants": [
        {
            "name": "error.decline",
            "match": {"api_error_code": DECLINE_ERRORS},
            "status": "DECLINED",
            "fields": {"reason_code": ["api_error_code"]},
        },
        {
            "name": "error",
            "match": {"api_error_code": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["api_error_code"]},
        },
        {
            "name": "event.not_a_payment.deleted",
            "match": {"event_type": "transaction_deleted", "webhook_status": {"exists": True}},
            "not_a_payment": "a deleted transaction is bookkeeping, not a payment outcome",
        },
        _transaction_variant("event.transaction", "content.transaction",
                             {"event_type": PAYMENT_EVENTS, "content.transaction.status": {"exists": True}}),
        {
            "name": "event.not_a_payment",
            "match": {"event_type": {"exists": True}, "content": {"exists": True}},
            "not_a_payment": "a Chargebee customer, subscription, invoice, card or payment source event",
        },
        _transaction_variant("transaction.wrapped", "transaction",
                             {"transaction.id": {"exists": True}, "transaction.status": {"in": list(STATUSES)}}),
        _transaction_variant("transaction", None, {"id": {"exists": True}, "status": {"in": list(STATUSES)},
                                                   "type": {"exists": True}}),
    ],
}
