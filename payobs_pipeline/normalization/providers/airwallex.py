"""Airwallex Payments (online payments): PaymentIntents, PaymentAttempts, refunds, disputes, webhook events and
API error bodies.

Sources (Airwallex documentation and Airwallex's own plugin library source, not tests):
- https://www.airwallex.com/docs/payments/reference/payment-statuses (PaymentIntent statuses
  REQUIRES_PAYMENT_METHOD "created, but no payment details have been provided yet, or the previous attempt
  failed", REQUIRES_CUSTOMER_ACTION, REQUIRES_CAPTURE, PENDING, PENDING_REVIEW, SUCCEEDED, CANCELLED; a
  PaymentIntent holds several PaymentAttempts, its status follows the latest one)
- https://www.airwallex.com/docs/api/payments/payment_intents and the api-evangelist airwallex PaymentIntent
  schema (id int_..., amount in major units, currency, merchant_order_id, status also CREATED / EXPIRED,
  captured_amount, cancellation_reason, next_action, latest_payment_attempt)
- https://www.airwallex.com/docs/api/payments/payment_attempts (PaymentAttempt: id att_..., payment_intent_id,
  status, amount, currency, payment_method {type, card {brand, issuer_country_code}}, authorization_code,
  provider_original_response_code, merchant_advice_code, failure_code, acquirer_reference_number)
- https://www.airwallex.com/docs/developer-tools/webhooks/listen-for-webhook-events/online-payments and
  .../payload-examples__online-payments (event {id evt_..., name, accountId / account_id, data.object: the
  Retrieve-API body}; payment_intent.created / requires_payment_method / updated / requires_capture /
  requires_customer_action / pending / pending_review / succeeded / cancelled; payment_attempt.received /
  authentication_redirected / pending_authorization / authorized / capture_requested / settled / paid /
  cancelled / expired / risk_declined / failed_to_process / authentication_failed / authorization_failed /
  capture_failed); Airwallex's plugin library Airwallex\\PayappsPlugin\\CommonLibrary\\Configuration\\Webhook
  (also refund.received / accepted / processing / settled / failed, payment_dispute.requires_response /
  challenged / accepted / expired / pending_closure / pending_decision / won / lost / reversed,
  payment_consent.*, customer.*, payment_method.*, payment_link.*, pos.terminal.*, fraud.*, funds_split.*)
- https://www.airwallex.com/docs/payments__refunds (refunds against a PaymentIntent or PaymentAttempt; received,
  then succeeded or failed asynchronously)
- https://www.airwallex.com/docs/payments__error-response-codes, payments__error-codes and
  online-payments__native-api__error-response-codes (error body {code, source, message, trace_id, details,
  provider_original_response_code "only for code processor_declined / provider_declined or issuer_declined"};
  400 codes 3ds_not_supported, amount_above_limit, amount_below_limit, authentication_declined,
  card_brand_not_supported, configuration_error, currency_not_supported, duplicate_request, ...; 401
  unauthorized; 404 not_found; internal_error; service_unavailable) and the plugin library's
  Gateway/AWXClientAPI/PaymentIntent/Confirm.php (confirm error codes validation_error, duplicate_request,
  suspended_from_online_payments, frequency_above_limit, invalid_status_for_operation, provider_unavailable,
  configuration_error, authentication_declined, risk_declined, resource_already_exists, provider_declined,
  quote_expired, payment_method_not_allowed, card_brand_not_supported, issuer_declined,
  no_3ds_liability_shift, 3ds_not_supported, rejected_by_routing_rules, unauthorized, not_found,
  resource_not_found)
- A third-party enum of the same codes with their ISO 8583 equivalents (PaymentErrorIsoEnum, package cn.lp:
  issuer_error.insufficient_funds 51, issuer_error.card_expired 54, issuer_error.suspected_fraud 59,
  issuer_error.exceed_limit 61, issuer_error.incorrect_pin 55, processor_unavailable 91, issuer_unavailable 91,
  payment_channel_unavailable, merchant_not_registered ...): used only for the issuer_error.* sub-codes,
  which Airwallex's own pages do not list.

Amounts are major units (USD 16.66, KRW 62723): amount_unit "major".

Lifecycle identity: a PaymentAttempt (att_) is one authorization attempt; the PaymentIntent (int_) is the
payment (payment_id) over its attempts. An intent names its attempt in latest_payment_attempt.id; an intent
with no attempt yet (or cancelled before one) is a PAYMENT row. Refunds (rfd_) and disputes are their own
objects naming payment_intent_id and payment_attempt_id.
"""

from __future__ import annotations

INTENT_STATUSES = {
    "CREATED": "PENDING",
    "REQUIRES_PAYMENT_METHOD": "PENDING",  # no payment details yet; DECLINED when the latest attempt failed (rules)
    "REQUIRES_CUSTOMER_ACTION": "PENDING",
    "PENDING": "PENDING",
    "PENDING_REVIEW": "PENDING",
    "REQUIRES_CAPTURE": "APPROVED",  # authorized, waiting for the merchant's capture
    "SUCCEEDED": "APPROVED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
}
ATTEMPT_STATUSES = {
    "RECEIVED": "PENDING",
    "AUTHENTICATION_REDIRECTED": "PENDING",
    "PENDING_AUTHORIZATION": "PENDING",
    "AUTHORIZED": "APPROVED",
    "CAPTURE_REQUESTED": "APPROVED",
    "SETTLED": "APPROVED",
    "PAID": "APPROVED",
    "SUCCEEDED": "APPROVED",
    "FAILED": "DECLINED",  # ERROR for a technical failure code (rules)
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
}
REFUND_STATUSES = {
    "RECEIVED": "PENDING",
    "ACCEPTED": "PENDING",
    "PROCESSING": "PENDING",
    "SETTLED": "REFUNDED",
    "SUCCEEDED": "REFUNDED",
    "FAILED": "DECLINED",
}

_CUSTOMER = "CUSTOMER"
# Decline codes (a PaymentAttempt's failure_code, or the code of a confirm call's error body).
DECLINE_CODES = {
    # The issuer's or the downstream provider's decline; its provider_original_response_code (ISO 8583) is more
    # specific and wins through the iso8583 fallback.
    "issuer_declined": "GENERIC_DECLINE",
    "processor_declined": "GENERIC_DECLINE",
    "provider_declined": "GENERIC_DECLINE",
    "awx_pay_error": "GENERIC_DECLINE",
    "risk_declined": "RISK_REJECTED",
    # Routing rules the merchant set in Airwallex rejected the payment.
    "rejected_by_routing_rules": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "authentication_declined": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "no_3ds_liability_shift": "AUTHENTICATION_FAILED",
    "3ds_not_supported": "TRANSACTION_NOT_PERMITTED",
    "card_brand_not_supported": "TRANSACTION_NOT_PERMITTED",
    "currency_not_supported": "TRANSACTION_NOT_PERMITTED",
    "payment_method_not_allowed": "TRANSACTION_NOT_PERMITTED",
    "amount_above_limit": "LIMIT_EXCEEDED",
    "frequency_above_limit": "LIMIT_EXCEEDED",
    # issuer_error.* sub-codes (see the module docstring for their source).
    "issuer_error.issuer_declined": "GENERIC_DECLINE",
    "issuer_error.insufficient_funds": "INSUFFICIENT_FUNDS",
    "issuer_error.card_expired": "EXPIRED_CARD",
    "issuer_error.invalid_expiry": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "issuer_error.card_number_invalid": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "issuer_error.invalid_3_digit": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "issuer_error.invalid_4_digit": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "issuer_error.incorrect_pin": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "issuer_error.suspected_fraud": "SUSPECTED_FRAUD",
    "issuer_error.exceed_limit": "LIMIT_EXCEEDED",
    "issuer_error.exceed_limit_1": "LIMIT_EXCEEDED",
    "issuer_error.exceed_merchant_limit": "LIMIT_EXCEEDED",
    "issuer_error.exceed_frequency_limit": "LIMIT_EXCEEDED",
    "issuer_error.card_not_activated": "RESTRICTED_CARD",
    "issuer_error.payment_method_unavailable": "TRANSACTION_NOT_PERMITTED",
    "issuer_error.error_with_payment": "PROCESSING_ERROR",
    "validation_error.invalid_pan": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
}
# Technical, request and account errors: an attempt that failed with one of these is ERROR, not a decline.
ERROR_CODES = {
    "validation_error": "INVALID_REQUEST",
    "resource_not_found": "INVALID_REQUEST",
    "not_found": "INVALID_REQUEST",
    "invalid_status_for_operation": "INVALID_REQUEST",
    "state_invalid_for_operation": "INVALID_REQUEST",
    "operation_not_supported": "INVALID_REQUEST",
    "amount_below_limit": "INVALID_REQUEST",
    "quote_expired": "INVALID_REQUEST",
    "verification_expired": "INVALID_REQUEST",
    "duplicate_request": "DUPLICATE",
    "resource_already_exists": "DUPLICATE",
    "unauthorized": "CONFIGURATION_ERROR",
    "configuration_error": "CONFIGURATION_ERROR",
    "suspended_from_online_payments": "CONFIGURATION_ERROR",
    "merchant_not_registered": "CONFIGURATION_ERROR",
    "no_payment_methods": "CONFIGURATION_ERROR",
    "internal_error": "PROCESSING_ERROR",
    "service_unavailable": "PROCESSING_ERROR",
    "processor_unavailable": "PROCESSING_ERROR",
    "provider_unavailable": "PROCESSING_ERROR",
    "payment_channel_unavailable": "PROCESSING_ERROR",
    "issuer_unavailable": "ISSUER_UNAVAILABLE",
}
# A webhook's event name, read last: the reason when the attempt names no failure_code.
EVENT_REASONS = {
    "payment_attempt.risk_declined": "RISK_REJECTED",
    "payment_attempt.authentication_failed": "AUTHENTICATION_FAILED",
    "payment_attempt.failed_to_process": "PROCESSING_ERROR",
    "payment_attempt.authorization_failed": "GENERIC_DECLINE",
    "payment_attempt.capture_failed": "PROCESSING_ERROR",
}
REASONS = {**DECLINE_CODES, **ERROR_CODES, **EVENT_REASONS}
_TECHNICAL = [code for code, reason in ERROR_CODES.items() if reason != "ISSUER_UNAVAILABLE"]

PAYMENT_METHODS = {
    "card": "CARD",
    "applepay": "WALLET", "googlepay": "WALLET", "alipaycn": "WALLET", "alipayhk": "WALLET", "alipay": "WALLET",
    "wechatpay": "WALLET", "gcash": "WALLET", "dana": "WALLET", "kakaopay": "WALLET", "tng": "WALLET",
    "truemoney": "WALLET", "rabbit_line_pay": "WALLET", "grabpay": "WALLET", "shopee_pay": "WALLET",
    "ovo": "WALLET", "boost": "WALLET", "paypal": "WALLET", "paypay": "WALLET", "naver_pay": "WALLET",
    "toss_pay": "WALLET", "payco": "WALLET", "airwallex_pay": "WALLET", "doku_ewallet": "WALLET",
    "linkaja": "WALLET", "maxima": "WALLET", "narvesen": "WALLET", "go_pay": "WALLET", "alipayplus": "WALLET",
    "klarna": "BNPL", "afterpay": "BNPL", "atome": "BNPL", "zip": "BNPL", "affirm": "BNPL", "paidy": "BNPL",
    "ach_direct_debit": "DIRECT_DEBIT", "bacs_direct_debit": "DIRECT_DEBIT", "becs_direct_debit": "DIRECT_DEBIT",
    "sepa_direct_debit": "DIRECT_DEBIT", "eft_direct_debit": "DIRECT_DEBIT",
    "bank_transfer": "BANK_TRANSFER", "online_banking": "BANK_TRANSFER", "fps": "BANK_TRANSFER",
    "pay_now": "BANK_TRANSFER", "paynow": "BANK_TRANSFER", "promptpay": "BANK_TRANSFER", "fpx": "BANK_TRANSFER",
    "duit_now": "BANK_TRANSFER", "ideal": "BANK_TRANSFER", "bancontact": "BANK_TRANSFER", "blik": "BANK_TRANSFER",
    "sofort": "BANK_TRANSFER", "eps": "BANK_TRANSFER", "trustly": "BANK_TRANSFER", "p24": "BANK_TRANSFER",
    "mybank": "BANK_TRANSFER", "pay_by_bank": "BANK_TRANSFER", "upi": "BANK_TRANSFER", "pix": "PIX",
    "konbini": "CASH_VOUCHER", "seven_eleven": "CASH_VOUCHER", "indomaret": "CASH_VOUCHER",
    "alfamart": "CASH_VOUCHER", "paysafecash": "CASH_VOUCHER", "paysafecard": "CASH_VOUCHER",
    "boleto": "BOLETO", "oxxo": "CASH_VOUCHER", "permatanet": "BANK_TRANSFER", "jenius_pay": "BANK_TRANSFER",
}

INTENT_EVENTS = ["payment_intent.created", "payment_intent.requires_payment_method", "payment_intent.updated",
                 "payment_intent.requires_capture", "payment_intent.capture_required",
                 "payment_intent.requires_customer_action", "payment_intent.pending",
                 "payment_intent.pending_review", "payment_intent.succeeded", "payment_intent.capture_requested",
                 "payment_intent.requested_capture", "payment_intent.cancelled", "payment_intent.payment_failed"]
ATTEMPT_EVENTS = ["payment_attempt.received", "payment_attempt.authentication_redirected",
                  "payment_attempt.pending_authorization", "payment_attempt.authorized",
                  "payment_attempt.capture_requested", "payment_attempt.settled", "payment_attempt.paid",
                  "payment_attempt.cancelled", "payment_attempt.expired", "payment_attempt.risk_declined",
                  "payment_attempt.failed_to_process", "payment_attempt.authentication_failed",
                  "payment_attempt.authorization_failed", "payment_attempt.capture_failed"]
REFUND_EVENTS = ["refund.received", "refund.accepted", "refund.processing", "refund.settled", "refund.succeeded",
                 "refund.failed"]
DISPUTE_EVENT_PREFIX = "payment_dispute."
NON_PAYMENT_EVENT_PREFIXES = ["payment_consent.", "customer.", "payment_method.", "payment_link.", "pos.",
                              "fraud.", "funds_split.", "payment.", "wallet_transfer.", "transfer.", "payout.",
                              "conversion.", "deposit.", "issuing.", "account.", "account_capability.",
                              "balance.", "billing.", "invoice.", "subscription.", "charge.", "rfi.",
                              "beneficiary.", "linked_account.", "global_account.", "direct_debit.",
                              "connected_account_transfer.", "batch_transfer."]
_EVENT_NAMES = [*INTENT_EVENTS, *ATTEMPT_EVENTS, *REFUND_EVENTS]

_ATTEMPT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_code", "provider_original_response_code", "^name"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at", "^created_at"],
    "payment_method": ["payment_method.type"],
    "card_brand": ["payment_method.card.brand"],
    "card_country": ["payment_method.card.issuer_country_code"],
    "customer_country": ["payment_method.billing.address.country_code"],
    "decline_type": ["merchant_advice_code"],
    "attempt_id": ["id"],
    "payment_id": ["payment_intent_id"],
    "refund_id": [],
}
_ATTEMPT_RULES = [
    {"when": {"status": "FAILED", "failure_code": _TECHNICAL}, "set": {"status_category": "ERROR"}},
    {"when": {"status": "FAILED", "^name": "payment_attempt.failed_to_process", "failure_code": {"exists": False}},
     "set": {"status_category": "ERROR"}},
    {"when": {"^name": ["payment_attempt.capture_requested", "payment_attempt.capture_failed"]},
     "set": {"event_kind": "CAPTURE"}},
]
_INTENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["latest_payment_attempt.failure_code", "latest_payment_attempt.provider_original_response_code",
                    "^name"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at", "^created_at"],
    "payment_method": ["latest_payment_attempt.payment_method.type"],
    "card_brand": ["latest_payment_attempt.payment_method.card.brand"],
    "card_country": ["latest_payment_attempt.payment_method.card.issuer_country_code"],
    "customer_country": ["latest_payment_attempt.payment_method.billing.address.country_code",
                         "customer.address.country_code"],
    "decline_type": ["latest_payment_attempt.merchant_advice_code"],
    "merchant_id": ["connected_account_id"],
    "attempt_id": ["latest_payment_attempt.id"],
    "payment_id": ["id"],
    "refund_id": [],
}
_INTENT_RULES = [
    # "or the previous attempt failed": the intent went back to REQUIRES_PAYMENT_METHOD after a failed attempt.
    {"when": {"status": "REQUIRES_PAYMENT_METHOD", "latest_payment_attempt.status": "FAILED"},
     "set": {"status_category": "DECLINED"}},
    {"when": {"status": "REQUIRES_PAYMENT_METHOD", "latest_payment_attempt.status": "FAILED",
              "latest_payment_attempt.failure_code": _TECHNICAL},
     "set": {"status_category": "ERROR"}},
    # No attempt yet: the payment's own state.
    {"when": {"latest_payment_attempt.id": {"exists": False}}, "set": {"event_kind": "PAYMENT"}},
    # Cancelling an intent whose attempt was authorized releases the authorization.
    {"when": {"status": "CANCELLED", "latest_payment_attempt.status": "CANCELLED",
              "latest_payment_attempt.authorization_code": {"exists": True}},
     "set": {"event_kind": "VOID"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_code", "failure_reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at", "^created_at"],
    "refund_id": ["id"],
    "attempt_id": ["payment_attempt_id"],
    "payment_id": ["payment_intent_id"],
}
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status", "^name"],
    "reason_code": ["reason.type", "reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at", "^created_at"],
    "dispute_id": ["id"],
    "attempt_id": ["payment_attempt_id"],
    "payment_id": ["payment_intent_id"],
}
_ERROR_FIELDS = {
    "status": ["code"],
    "reason_code": ["code", "details.code", "provider_original_response_code",
                    "details.provider_original_response_code", "details.original_response_code"],
}

SPEC = {
    "provider": "airwallex",
    "aliases": ["airwallex", "awx", "airwallex_payments", "airwallex pay", "airwallex_pa", "airwallex_online"],
    "detect": [
        {"path": "id", "prefix": "int_", "weight": 0.4},
        {"path": "id", "prefix": "att_", "weight": 0.3},
        {"path": "id", "prefix": "rfd_", "weight": 0.1},
        {"path": "payment_intent_id", "prefix": "int_", "weight": 0.4},
        {"path": "latest_payment_attempt.id", "prefix": "att_", "weight": 0.4},
        {"path": "latest_payment_attempt.payment_intent_id", "prefix": "int_", "weight": 0.2},
        {"path": "merchant_order_id", "exists": True, "weight": 0.1},
        {"path": "request_id", "exists": True, "weight": 0.1},
        {"path": "name", "in": _EVENT_NAMES, "weight": 0.4},
        {"path": "name", "prefix": [DISPUTE_EVENT_PREFIX, "payment_consent.", "payment_link.", "funds_split."],
         "weight": 0.4},
        {"path": "data.object.id", "prefix": ["int_", "att_", "rfd_", "cst_", "mtd_"], "weight": 0.3},
        {"path": "data.object.payment_intent_id", "prefix": "int_", "weight": 0.3},
        {"path": "accountId", "exists": True, "weight": 0.2},
        # Error bodies: codes only Airwallex documents, and its trace_id.
        {"path": "code", "in": ["issuer_declined", "provider_declined", "processor_declined", "risk_declined",
                                "suspended_from_online_payments", "no_3ds_liability_shift", "3ds_not_supported",
                                "rejected_by_routing_rules", "invalid_status_for_operation", "quote_expired",
                                "authentication_declined", "frequency_above_limit", "amount_above_limit",
                                "amount_below_limit", "card_brand_not_supported", "payment_method_not_allowed",
                                "provider_unavailable", "processor_unavailable", "awx_pay_error"],
         "weight": 0.5},
        {"path": "code", "in": ["validation_error", "duplicate_request", "resource_not_found",
                                "resource_already_exists", "service_unavailable", "internal_error",
                                "configuration_error", "unauthorized"], "weight": 0.2},
        {"path": "trace_id", "exists": True, "weight": 0.3},
        {"path": "provider_original_response_code", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "decline_type_fallback": "mastercard_mac",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "event.not_a_payment", "match": {"name": {"prefix": NON_PAYMENT_EVENT_PREFIXES},
                                                  "data.object": {"exists": True}},
         "not_a_payment": "an Airwallex consent, customer, payment method, link, terminal, payout or balance event"},
        {"name": "event.payment_intent", "root": "data.object",
         "match": {"name": {"prefix": "payment_intent."}, "data.object": {"exists": True}},
         "fields": _INTENT_FIELDS, "status_map": INTENT_STATUSES, "rules": _INTENT_RULES},
        {"name": "event.payment_attempt", "root": "data.object",
         "match": {"name": {"prefix": "payment_attempt."}, "data.object": {"exists": True}},
         "fields": _ATTEMPT_FIELDS, "status_map": ATTEMPT_STATUSES, "rules": _ATTEMPT_RULES},
        {"name": "event.refund", "root": "data.object",
         "match": {"name": {"prefix": "refund."}, "data.object": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "event.dispute", "root": "data.object",
         "match": {"name": {"prefix": DISPUTE_EVENT_PREFIX}, "data.object": {"exists": True}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "payment_intent", "match": {"id": {"prefix": "int_"}, "status": {"exists": True}},
         "fields": _INTENT_FIELDS, "status_map": INTENT_STATUSES, "rules": _INTENT_RULES},
        {"name": "payment_attempt", "match": {"id": {"prefix": "att_"}, "status": {"exists": True}},
         "fields": _ATTEMPT_FIELDS, "status_map": ATTEMPT_STATUSES, "rules": _ATTEMPT_RULES},
        {"name": "refund", "match": {"id": {"prefix": "rfd_"}, "payment_intent_id": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # Error body {code, message, source?, trace_id?, details?, provider_original_response_code?}.
        {"name": "error", "match": {"code": {"exists": True}, "message": {"exists": True}, "id": {"exists": False}},
         "status": "ERROR", "fields": _ERROR_FIELDS,
         # A confirm call refused by the issuer, the provider, the risk screen or authentication: a decline.
         "rules": [{"when": {"code": list(DECLINE_CODES)}, "set": {"status_category": "DECLINED"}}]},
    ],
}

