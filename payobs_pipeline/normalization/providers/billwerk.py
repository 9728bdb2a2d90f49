"""Billwerk+ Pay (formerly Reepay, also Billwerk+ Optimize / Frisbii): the charge object (API answers to create /
get charge), the refund object, the webhook event and the API error body.

Sources:
- Billwerk+ Optimize docs, "Transaction errors" (optimize-docs.billwerk.com/docs/transaction_errors, also
  docu.billwerk.plus/en/payments/transactions/transaction-errors.html): the transaction states hard_declined
  ("irrecoverable ... future attempts will fail"), soft_declined ("possible recoverable ... e.g. insufficient
  funds"), processing_error ("errors in the processing chain ... not related to the payment method") and the
  transaction errors insufficient_funds, settle_blocked, credit_card_expired, declined_by_acquirer,
  credit_card_lost_or_stolen, credit_card_suspected_fraud, refund_amount_too_high, authorization_expired,
  authorization_amount_exceeded, authorization_voided, sca_required, risk_filter_block, fraud_block,
  emv_token_deleted, emv_token_suspended; the processing errors acquirer_communication_error, acquirer_error,
  acquirer_integration_error, acquirer_authentication_error, acquirer_configuration_error,
  acquirer_rejected_error as listed by the SDK source 0zd0/billwerk-sdk-php src/Enum/TransactionErrorEnum.php
  (the stored docs page is cut after emv_token_suspended).
- "Create charge" (optimize-docs.billwerk.com/reference/createcharge): the charge state settled, authorized,
  failed or pending; a failure answers HTTP 200 with state failed and error_state / error. SDK source,
  0zd0/billwerk-sdk-php src/Model/Charge/ChargeModel.php (handle "per account unique reference ... e.g. order
  id", state created / authorized / settled / failed / cancelled / pending, customer, amount in minor units,
  currency, authorized, settled, cancelled, created, transaction "assigned by Reepay", error, processing,
  source, order_lines, refunded_amount, authorized_amount, error_state, payment_context), src/Enum/
  RefundStateEnum.php (refunded, failed, processing), SourceTypeEnum.php (the payment method types), and the
  webhook event types InvoiceEventEnum / CustomerEventEnum / SubscriptionEventEnum.php (citing
  optimize-docs.billwerk.com/reference/event).
- "Errors" (optimize-docs.billwerk.com/docs/errors): the error body {code, error, message, http_status,
  http_reason, path, timestamp, request-id, transaction_error} and the HTTP codes 400 illegal operation, 401 no
  valid authentication, 403 not authorized, 404 not found, 405 method not allowed, 422 unprocessable (missing or
  malformed parameter), 429 request limiting (codes 122, 123), 500-504 server errors. The numeric API error
  code list the page links to is not in the stored sources: the error body's reason comes from its
  transaction_error, else its HTTP status.
- The webhook body {id, event_id, event_type, timestamp, signature, customer, invoice, transaction,
  subscription, credit_note, credit_amount}, the refund object {id, state, invoice, amount, currency, transaction,
  error, error_state, created, ref_transaction} and the source fields card_type / card_country / masked_card rest
  on my recollection of the API reference. Webhooks carry no amount.

Reading: a failed charge's error_state processing_error is an ERROR; hard and soft declines are DECLINED, the
transaction error naming the reason. A refund's state failed is a failed refund (DECLINED). Invoice webhooks
are payment outcomes (invoice_authorized, invoice_settled, invoice_failed, invoice_cancelled, invoice_refund,
invoice_refund_failed; invoice_created and invoice_reactivate are pending); dunning, change and credit
bookkeeping, customer and subscription events are not payment events.

Lifecycle identity: the transaction id (charge ``transaction``, webhook ``transaction``) is the attempt; the
charge / invoice handle (the merchant's order reference) is the payment; a refund's id is the refund.
"""

from __future__ import annotations

CHARGE_STATES = {
    "created": "PENDING",
    "pending": "PENDING",
    "authorized": "APPROVED",
    "settled": "APPROVED",
    "failed": "DECLINED",
    "cancelled": "CANCELLED",
}
REFUND_STATES = {"refunded": "REFUNDED", "processing": "PENDING", "failed": "DECLINED"}

HARD = {"decline_type": "HARD"}
SOFT = {"decline_type": "SOFT"}
TRANSACTION_ERRORS = {
    # Soft declines.
    "insufficient_funds": {"reason": "INSUFFICIENT_FUNDS", **SOFT},
    "settle_blocked": {"reason": "GENERIC_DECLINE", **SOFT},
    # Hard declines.
    "credit_card_expired": {"reason": "EXPIRED_CARD", **HARD},
    "declined_by_acquirer": {"reason": "GENERIC_DECLINE", **HARD},
    "credit_card_lost_or_stolen": {"reason": "LOST_OR_STOLEN_CARD", **HARD},
    "credit_card_suspected_fraud": {"reason": "SUSPECTED_FRAUD", **HARD},
    "refund_amount_too_high": {"reason": "INVALID_REQUEST", **HARD},
    "authorization_expired": {"reason": "INVALID_REQUEST", **HARD},
    "authorization_amount_exceeded": {"reason": "INVALID_REQUEST", **HARD},
    "authorization_voided": {"reason": "INVALID_REQUEST", **HARD},
    "sca_required": "AUTHENTICATION_REQUIRED",
    "risk_filter_block": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK", **HARD},
    "fraud_block": {"reason": "RISK_REJECTED", **HARD},
    "emv_token_deleted": {"reason": "RESTRICTED_CARD", **HARD},
    "emv_token_suspended": "RESTRICTED_CARD",
    # Processing errors.
    "acquirer_communication_error": "PROCESSING_ERROR",
    "acquirer_error": "PROCESSING_ERROR",
    "acquirer_integration_error": "CONFIGURATION_ERROR",
    "acquirer_authentication_error": "CONFIGURATION_ERROR",
    "acquirer_configuration_error": "CONFIGURATION_ERROR",
    "acquirer_rejected_error": "INVALID_REQUEST",  # e.g. amount too low or too high
}
PROCESSING_ERRORS = [code for code in TRANSACTION_ERRORS if code.startswith("acquirer_")]
DECLINES = [code for code in TRANSACTION_ERRORS if code not in PROCESSING_ERRORS]

HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "405": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
    "504": "TIMEOUT",
}

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("card", "card_token", "emv_token", "bcmc")},
    **{wallet: "WALLET" for wallet in ("mpo", "vipps", "vipps_recurring", "swish", "applepay", "googlepay", "paypal",
                                       "mobilepay_subscriptions", "mb_way", "payconiq", "satispay", "twint",
                                       "wechatpay", "bancomatpay", "paysera", "postfinance")},
    **{bnpl: "BNPL" for bnpl in ("viabill", "anyday", "klarna_pay_later", "klarna_slice_it", "resurs", "santander")},
    **{bank: "BANK_TRANSFER" for bank in ("klarna_pay_now", "klarna_direct_bank_transfer", "ideal", "p24", "blik",
                                          "pp_blik_oc", "giropay", "verkkopankki", "trustly", "eps", "estonia_banks",
                                          "latvia_banks", "lithuania_banks", "mybank", "offline_bank_transfer")},
    "sepa": "DIRECT_DEBIT", "klarna_direct_debit": "DIRECT_DEBIT",
    "multibanco": "CASH_VOUCHER", "paysafecard": "CASH_VOUCHER", "offline_cash": "CASH_VOUCHER",
    "manual": "OTHER", "offline_other": "OTHER",
}

INVOICE_EVENTS = {
    "invoice_authorized": "APPROVED",
    "invoice_settled": "APPROVED",
    "invoice_failed": "DECLINED",
    "invoice_cancelled": "CANCELLED",
    "invoice_created": "PENDING",
    "invoice_reactivate": "PENDING",  # a failed or cancelled invoice back to pending for processing
    "invoice_refund": "REFUNDED",
    "invoice_refund_failed": "DECLINED",
}
BOOKKEEPING_EVENTS = [
    "invoice_dunning", "invoice_dunning_notification", "invoice_dunning_cancelled", "invoice_changed",
    "invoice_credited",
    "customer_created", "customer_changed", "customer_deleted", "customer_payment_method_added",
    "customer_payment_method_failed", "customer_payment_method_updated", "customer_payment_method_reactivated",
    "customer_payment_method_deleted",
    "subscription_created", "subscription_payment_method_added", "subscription_payment_method_changed",
    "subscription_trial_end", "subscription_renewal", "subscription_cancelled", "subscription_uncancelled",
    "subscription_on_hold", "subscription_on_hold_dunning", "subscription_reactivated", "subscription_expired",
    "subscription_expired_dunning", "subscription_changed",
]

SPEC = {
    "provider": "billwerk",
    "aliases": ["billwerk", "billwerk+", "billwerk plus", "billwerk+ pay", "billwerk+ payments", "billwerk optimize",
                "reepay", "reepay.com", "frisbii", "frisbii pay"],
    "detect": [
        {"path": "error_state", "in": ["hard_declined", "soft_declined", "processing_error"], "weight": 0.4},
        {"path": "error", "in": list(TRANSACTION_ERRORS), "weight": 0.3},
        {"path": "handle", "exists": True, "weight": 0.15},
        {"path": "order_lines", "exists": True, "weight": 0.1},
        {"path": "refunded_amount", "exists": True, "weight": 0.1},
        {"path": "authorized_amount", "exists": True, "weight": 0.1},
        {"path": "recurring_payment_method", "exists": True, "weight": 0.1},
        {"path": "payment_context", "in": ["cit", "mit", "cit_cof"], "weight": 0.1},
        {"path": "event_type", "in": [*INVOICE_EVENTS, *BOOKKEEPING_EVENTS], "weight": 0.4},
        {"path": "event_id", "exists": True, "weight": 0.1},
        {"path": "invoice", "exists": True, "weight": 0.05},
        {"path": "transaction_error", "in": list(TRANSACTION_ERRORS), "weight": 0.3},
        {"path": "http_reason", "exists": True, "weight": 0.1},
        {"path": "request-id", "exists": True, "weight": 0.1},
        {"path": "credit_note", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "reason_map": {**TRANSACTION_ERRORS, **HTTP_REASONS},
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "webhook.not_a_payment",
            "match": {"event_type": {"in": BOOKKEEPING_EVENTS}},
            "not_a_payment": "a Billwerk+ dunning, bookkeeping, customer or subscription event",
        },
        {
            "name": "webhook.refund",
            "match": {"event_type": {"in": ["invoice_refund", "invoice_refund_failed"]}},
            "event_kind": "REFUND",
            "status_map": INVOICE_EVENTS,
            "fields": {"provider_transaction_id": ["transaction"], "status": ["event_type"],
                       "event_time": ["timestamp"], "refund_id": ["transaction"], "payment_id": ["invoice"]},
        },
        {
            "name": "webhook.invoice",
            "match": {"event_type": {"in": list(INVOICE_EVENTS)}},
            "status_map": INVOICE_EVENTS,
            "fields": {"provider_transaction_id": ["transaction"], "status": ["event_type"],
                       "event_time": ["timestamp"], "attempt_id": ["transaction"], "payment_id": ["invoice"]},
        },
        {
            "name": "error",
            "match": {"http_status": {"exists": True}, "http_reason": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["transaction_error", "http_status"]},
            "rules": [{"when": {"transaction_error": {"in": DECLINES}}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "refund",
            "match": {"state": {"in": list(REFUND_STATES)}, "invoice": {"exists": True}, "id": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATES,
            "fields": {"provider_transaction_id": ["id"], "status": ["state"], "reason_code": ["error"],
                       "amount": ["amount"], "currency": ["currency"], "event_time": ["created"],
                       "refund_id": ["id"], "attempt_id": ["ref_transaction"], "payment_id": ["invoice"]},
        },
        {
            "name": "charge",
            "match": {"handle": {"exists": True}, "state": {"in": list(CHARGE_STATES)}},
            "status_map": CHARGE_STATES,
            "fields": {
                "provider_transaction_id": ["transaction", "handle"],
                "status": ["state"],
                "reason_code": ["error", "error_state"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["cancelled", "settled", "authorized", "created"],
                "payment_method": ["source.type"],
                "card_brand": ["source.card_type"],
                "card_country": ["source.card_country"],
                "attempt_id": ["transaction"],
                "payment_id": ["handle"],
            },
            "rules": [{"when": {"state": "failed", "error_state": "processing_error"},
                       "set": {"status_category": "ERROR"}}],
        },
    ],
}
