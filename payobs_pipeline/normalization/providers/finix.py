"""Finix: Transfers and Authorizations (API answers and the transfer / authorization webhooks that embed them),
dispute webhooks, non-payment webhooks, and the API error body.

Sources:
- "Failure Codes" (docs.finix.com/additional-resources/developers/implementation-and-testing/failure-codes; the
  same list in api-evangelist/finix-payments errors/finix-payments-decline-codes.yml): the failure_code and
  failure_message of a declined Transfer or Authorization, every code mapped in FAILURE_CODES; ACH returns R01-R04
  arrive as INSUFFICIENT_FUNDS, BANK_ACCOUNT_CLOSED, NO_BANK_ACCOUNT_FOUND, INVALID_BANK_ACCOUNT_NUMBER.
- "Error Codes" (docs.finix.com/additional-resources/developers/implementation-and-testing/error-codes;
  errors/finix-payments-problem-types.yml): errors as ``_embedded.errors[]`` of {code, logref, message, _links};
  codes BAD_REQUEST 400, UNKNOWN 401, UPSTREAM_PROCESSOR_ERROR 402, DECLINED 402 ("see failure_code and
  failure_message"), FORBIDDEN 403, NOT_FOUND 404, METHOD_NOT_ALLOWED 405, NOT_ACCEPTABLE 406, CONFLICT 409,
  UNPROCESSABLE_ENTITY 422, INVALID_FIELD 422, TOO_MANY_REQUESTS 429, SERVER_ERROR 500.
- "Webhook Events" (docs.finix.com/additional-resources/developers/webhooks/webhook-events;
  asyncapi/finix-payments-webhooks.yml): entity + type (created, updated ...) for application, authorization,
  dispute, merchant, settlement, transfer, ... ; the event embeds the resource, e.g. {"type": "created",
  "entity": "transfer", "occurred_at": ..., "_embedded": {"transfers": [{...}]}} (Finix's webhook examples, as in
  the older Finix API docs). "Payment Lifecycle" (docs.finix.com ... payment-lifecycle): an Authorization
  SUCCEEDED or FAILED, captured into a Transfer.
- Models (SDK source: finix-payments/finix-nodejs src/model/transfer.ts, authorization.ts, OpenAPI 2022-02-01):
  Transfer {id, amount "in cents", currency, state CANCELED | PENDING | FAILED | SUCCEEDED | UNKNOWN, type DEBIT |
  CREDIT | REVERSAL | FEE | ADJUSTMENT | DISPUTE | RESERVE | SETTLEMENT | UNKNOWN, subtype, merchant_identity,
  source, trace_id, failure_code, failure_message, parent_transfer (a REVERSAL's debit, as recalled)};
  Authorization {id, amount, currency, state, is_void, void_state, transfer (created when it SUCCEEDED),
  failure_code, failure_message, expires_at}.

Kinds: a DEBIT transfer is the sale, a REVERSAL the refund of a debit (REFUNDED when SUCCEEDED), a DISPUTE
transfer a chargeback movement; CREDIT (a payout to a payment instrument), FEE, ADJUSTMENT, RESERVE and SETTLEMENT
transfers move balances and are kept as not_a_payment. An Authorization that SUCCEEDED and is_void is a VOID.
Dispute webhooks are CHARGEBACK rows; their amount is not read (the dispute's currency field was not findable).
The cancellation codes CANCELLATION_VIA_API / CANCELLATION_VIA_DEVICE / EXCEEDED_CARDHOLDER_INPUT_TIME_LIMIT /
INCOMPLETE_TRANSACTION describe an attempt abandoned before a decision: CANCELLED, not declined.

Lifecycle identity: an Authorization's id is the attempt (its Transfer carries the attempt's capture); a DEBIT
transfer's id is its own attempt; a REVERSAL's id is the refund; a dispute's id the dispute.
"""

from __future__ import annotations

STATES = {
    "SUCCEEDED": "APPROVED",
    "PENDING": "PENDING",
    "FAILED": "DECLINED",
    "CANCELED": "CANCELLED",
    "UNKNOWN": "UNKNOWN",
}

FAILURE_CODES = {
    "ADDRESS_VERIFICATION_FAILED_RISK_RULES": "RISK_REJECTED",
    "ALLOWABLE_NUMBER_OF_PIN_ENTRY_TRIES_EXCEEDED": "AUTHENTICATION_FAILED",
    "AUTHORIZATION_EXPIRED_OR_ALREADY_CAPTURED": "INVALID_REQUEST",
    "BANK_ACCOUNT_CLOSED": "INVALID_CARD_DATA",
    "BANK_ACCOUNT_FROZEN": "RESTRICTED_CARD",
    "CALL_ISSUER": "GENERIC_DECLINE",
    "CANCELLATION_VIA_API": "UNKNOWN",  # cancelled before completion: CANCELLED (ABANDONED_CODES)
    "CANCELLATION_VIA_DEVICE": "UNKNOWN",
    "CARD_ACCOUNT_CLOSED": "INVALID_CARD_DATA",
    "CARD_NETWORK_ERROR": "PROCESSING_ERROR",
    "CARD_NOT_ACTIVATED_OR_BLOCKED": "RESTRICTED_CARD",
    "CARD_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "CARDHOLDER_PREVENTED_RECURRING_TRANSACTION": "REVOKED",
    "COMMUNICATION_ERROR": "PROCESSING_ERROR",
    "CVV_FAILED_RISK_RULES": "INCORRECT_CVC",
    "DEVICE_IN_USE": "PROCESSING_ERROR",
    "DEVICE_NOT_CONNECTED": "PROCESSING_ERROR",
    "DEVICE_UNREACHABLE": "PROCESSING_ERROR",
    "DO_NOT_HONOR": "GENERIC_DECLINE",
    "DUPLICATE_TRANSACTION": "DUPLICATE",
    "EXCEEDED_CARDHOLDER_INPUT_TIME_LIMIT": "UNKNOWN",  # card not presented in time: CANCELLED
    "EXCEEDS_APPROVAL_LIMIT": "LIMIT_EXCEEDED",
    "EXCEEDS_WITHDRAWAL_FREQUENCY_LIMIT": "LIMIT_EXCEEDED",
    "EXPIRED_CARD": "EXPIRED_CARD",
    "FRAUD_DETECTED": "SUSPECTED_FRAUD",
    "FRAUD_DETECTED_BY_FINIX": "RISK_REJECTED",
    "FRAUD_DETECTED_BY_ISSUER": "SUSPECTED_FRAUD",
    "GENERIC_DECLINE": "GENERIC_DECLINE",
    "INACTIVE_CARD": "RESTRICTED_CARD",
    "INCOMPLETE_TRANSACTION": "UNKNOWN",  # not completed by the cardholder: CANCELLED
    "INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "INVALID_ACCOUNT_NUMBER": "INVALID_CARD_DATA",
    "INVALID_AMOUNT": "INVALID_REQUEST",
    "INVALID_BANK_ACCOUNT_NUMBER": "INVALID_CARD_DATA",
    "INVALID_BANK_ACCOUNT_VALIDATION_CHECK": "INVALID_CARD_DATA",
    "INVALID_CARD": "INVALID_CARD_DATA",
    "INVALID_CARD_NUMBER_OR_EXPIRED_CARD": "INVALID_CARD_DATA",
    "INVALID_CVV": "INCORRECT_CVC",
    "INVALID_ISSUER": "INVALID_CARD_DATA",
    "INVALID_ROUTING_NUMBER": "INVALID_CARD_DATA",
    "INVALID_TRANSACTION": "TRANSACTION_NOT_PERMITTED",
    "ISSUER_POLICY_VIOLATION": "TRANSACTION_NOT_PERMITTED",
    "LOST_OR_STOLEN_CARD": "LOST_OR_STOLEN_CARD",
    "MAX_TRANSACTION_AMOUNT_EXCEEDED": "CONFIGURATION_ERROR",  # the merchant's max transaction amount
    "NO_BANK_ACCOUNT_FOUND": "INVALID_CARD_DATA",
    "NON_TRANSACTION_ACCOUNT": "TRANSACTION_NOT_PERMITTED",
    "PAYMENT_STOPPED": "REVOKED",
    "PICK_UP_CARD": "LOST_OR_STOLEN_CARD",
    "RESTRICTED_CARD": "RESTRICTED_CARD",
    "RESUBMIT_TRANSACTION": "PROCESSING_ERROR",
    "TRANSACTION_NOT_PERMITTED": "TRANSACTION_NOT_PERMITTED",
}
ABANDONED_CODES = ["CANCELLATION_VIA_API", "CANCELLATION_VIA_DEVICE", "EXCEEDED_CARDHOLDER_INPUT_TIME_LIMIT",
                   "INCOMPLETE_TRANSACTION"]

ERROR_CODES = {
    "BAD_REQUEST": "INVALID_REQUEST", "UNKNOWN": "CONFIGURATION_ERROR",  # 401: incorrect API key
    "UPSTREAM_PROCESSOR_ERROR": "PROCESSING_ERROR", "FORBIDDEN": "CONFIGURATION_ERROR",
    "NOT_FOUND": "INVALID_REQUEST", "METHOD_NOT_ALLOWED": "INVALID_REQUEST", "NOT_ACCEPTABLE": "INVALID_REQUEST",
    "CONFLICT": "INVALID_REQUEST", "UNPROCESSABLE_ENTITY": "INVALID_REQUEST", "INVALID_FIELD": "INVALID_REQUEST",
    "TOO_MANY_REQUESTS": "PROCESSING_ERROR", "SERVER_ERROR": "PROCESSING_ERROR",
}

REASONS = FAILURE_CODES  # the error codes are read only by the error variant (UNKNOWN there is the 401)

PAYMENT_TRANSFER_TYPES = ["DEBIT", "REVERSAL", "DISPUTE"]
BALANCE_TRANSFER_TYPES = ["CREDIT", "FEE", "ADJUSTMENT", "RESERVE", "SETTLEMENT"]
WEBHOOK_ENTITIES = ["application", "application_profile", "authorization", "balance_transfer", "checkout_form",
                    "compliance_form", "dispute", "evidence", "external_link", "fee", "fee_profile", "file",
                    "gateway_integration", "identity", "instrument", "instrument_history", "merchant",
                    "merchant_profile", "onboarding_form", "payment_link", "payout_profile", "subscription",
                    "risk_profile", "settlement", "transfer", "transfer_attempt", "verification",
                    "funding_transfer_attempt"]

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["state"],
    "reason_code": ["failure_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at"],
    "merchant_id": ["merchant_identity", "merchant"],
    "attempt_id": ["id"],
    "refund_id": ["id"],
}

_ABANDONED = {"when": {"failure_code": ABANDONED_CODES}, "set": {"status_category": "CANCELLED"}}

_TRANSFER_RULES = [
    {"when": {"type": "REVERSAL", "state": "SUCCEEDED"},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"type": "REVERSAL", "state": {"not_in": ["SUCCEEDED"]}}, "set": {"event_kind": "REFUND"}},
    {"when": {"type": "DISPUTE"}, "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
    _ABANDONED,
]
_AUTHORIZATION_RULES = [
    {"when": {"is_void": True, "state": "SUCCEEDED"}, "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    _ABANDONED,
]


SPEC = {
    "provider": "finix",
    "aliases": ["finix", "finix payments", "finixpayments", "finix.com", "finix-payments"],
    "detect": [
        {"path": "merchant_identity", "exists": True, "weight": 0.25},
        {"path": "trace_id", "exists": True, "weight": 0.1},
        {"path": "failure_code", "in": list(FAILURE_CODES), "weight": 0.3},
        {"path": "ready_to_settle_at", "exists": True, "weight": 0.15},
        {"path": "is_void", "exists": True, "weight": 0.1},
        {"path": "void_state", "exists": True, "weight": 0.1},
        {"path": "state", "in": list(STATES), "weight": 0.05},
        {"path": "type", "in": [*PAYMENT_TRANSFER_TYPES, *BALANCE_TRANSFER_TYPES], "weight": 0.05},
        {"path": "id", "prefix": ["TR", "AU"], "weight": 0.05},
        {"path": "_links.self.href", "prefix": ["https://finix.", "https://api-staging.finix"], "weight": 0.3},
        {"path": "entity", "in": WEBHOOK_ENTITIES, "weight": 0.2},
        {"path": "occurred_at", "exists": True, "weight": 0.1},
        {"path": "_embedded.transfers.0.merchant_identity", "exists": True, "weight": 0.3},
        {"path": "_embedded.authorizations.0.merchant_identity", "exists": True, "weight": 0.3},
        {"path": "_embedded.disputes", "exists": True, "weight": 0.2},
        {"path": "_embedded.disputes.0.respond_by", "exists": True, "weight": 0.3},
        {"path": "_embedded.errors.0.logref", "exists": True, "weight": 0.4},
        {"path": "_embedded.errors.0.code", "in": [*ERROR_CODES, "DECLINED"], "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATES,
    "reason_map": REASONS,
    "default_payment_method": "CARD",
    "fields": _FIELDS,
    "variants": [
        {
            "name": "error.declined",
            "match": {"_embedded.errors.0.code": "DECLINED"},
            "root": "_embedded.errors.0",
            "status": "DECLINED",
            "fields": {"provider_transaction_id": ["logref"], "reason_code": ["failure_code"]},
            "default_payment_method": None,
        },
        {
            "name": "error",
            "match": {"_embedded.errors.0.code": {"exists": True}, "_embedded.errors.0.message": {"exists": True}},
            "root": "_embedded.errors.0",
            "status": "ERROR",
            "reason_map": ERROR_CODES,
            "fields": {"provider_transaction_id": ["logref"], "reason_code": ["code"]},
            "default_payment_method": None,
        },
        {
            "name": "webhook.dispute",
            "match": {"entity": "dispute", "_embedded.disputes.0.id": {"exists": True}},
            "root": "_embedded.disputes.0",
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {"amount": [], "attempt_id": ["transfer"], "dispute_id": ["id"],
                       "reason_code": []},
        },
        {
            "name": "webhook.transfer.balance",
            "match": {"entity": "transfer", "_embedded.transfers.0.type": BALANCE_TRANSFER_TYPES},
            "not_a_payment": "a Finix credit, fee, adjustment, reserve or settlement transfer moves balances",
        },
        {
            "name": "webhook.transfer",
            "match": {"entity": "transfer", "_embedded.transfers.0.state": {"exists": True}},
            "root": "_embedded.transfers.0",
            "rules": _TRANSFER_RULES,
        },
        {
            "name": "webhook.authorization",
            "match": {"entity": "authorization", "_embedded.authorizations.0.state": {"exists": True}},
            "root": "_embedded.authorizations.0",
            "fields": {"payment_id": ["transfer"]},
            "rules": _AUTHORIZATION_RULES,
        },
        {
            "name": "webhook.not_a_payment",
            "match": {"entity": {"exists": True}, "type": {"exists": True}, "_embedded": {"exists": True}},
            "not_a_payment": "a Finix onboarding, merchant, identity, instrument, settlement or other event",
        },
        {
            "name": "transfer.balance",
            "match": {"type": BALANCE_TRANSFER_TYPES, "state": {"exists": True}, "id": {"exists": True}},
            "not_a_payment": "a Finix credit, fee, adjustment, reserve or settlement transfer moves balances",
        },
        {
            "name": "transfer",
            "match": {"type": {"in": [*PAYMENT_TRANSFER_TYPES, "UNKNOWN"]}, "state": {"exists": True},
                      "id": {"exists": True}},
            "rules": _TRANSFER_RULES,
        },
        {
            "name": "authorization",
            "match": {"is_void": {"exists": True}, "state": {"exists": True}, "id": {"exists": True}},
            "fields": {"payment_id": ["transfer"]},
            "rules": _AUTHORIZATION_RULES,
        },
    ],
}
