"""Mastercard Gateway (MPGS, Mastercard Payment Gateway Services; white-labelled by acquirers) REST API.

Sources:
- developer.mastercard.com/mastercard-gateway/documentation/testing/trans-error/ and
  ap-gateway.mastercard.com/api/documentation/integrationGuidelines/apiReference/apiRefTransactionErrors.html
  ("Use the API response field result to determine the API operation outcome": SUCCESS, FAILURE (declined or
  unable to be processed: see response.gatewayCode), PENDING (submitted to the acquirer, no outcome yet),
  UNKNOWN (the gateway is unable to determine the outcome with the acquirer), ERROR (a validation or processing
  error: error.cause INVALID_REQUEST (does not conform to the API protocol), REQUEST_REJECTED (security
  reasons: firewall rules, expired certificate, ...; review the authentication credentials), SERVER_BUSY,
  SERVER_FAILED; error.field, error.validationType, error.explanation)).
- developer.mastercard.com/mastercard-gateway/documentation/testing/comm-error-and-how-to-handle/
  (response.gatewayCode starting with DECLINED: the issuer has not approved or the card type is not accepted;
  INVALID_CSC / EXPIRED_CARD: the payer's card details; INSUFFICIENT_FUNDS; TIMED_OUT) and
  /documentation/testing/response-code/ (the response.gatewayCode enumeration: APPROVED, APPROVED_AUTO,
  APPROVED_PENDING_SETTLEMENT, PARTIALLY_APPROVED, DECLINED, DECLINED_AVS, DECLINED_CSC, DECLINED_AVS_CSC,
  DECLINED_DO_NOT_CONTACT, DECLINED_INVALID_PIN, DECLINED_PIN_REQUIRED, DECLINED_PAYMENT_PLAN, REFERRED,
  EXPIRED_CARD, INSUFFICIENT_FUNDS, INVALID_CSC, AUTHENTICATION_FAILED, NOT_ENROLLED_3D_SECURE, BLOCKED,
  NOT_SUPPORTED, EXCEEDED_RETRY_LIMIT, NO_BALANCE, TIMED_OUT, ACQUIRER_SYSTEM_ERROR, SYSTEM_ERROR,
  UNSPECIFIED_FAILURE, LOCK_FAILURE, DUPLICATE_BATCH, ABORTED, CANCELLED, PENDING, SUBMITTED,
  DEFERRED_TRANSACTION_RECEIVED, AUTHENTICATION_IN_PROGRESS, UNKNOWN).
- API reference, Transaction response (PAY / AUTHORIZE / CAPTURE / REFUND / VOID operations and the transaction
  notification): result, response.gatewayCode, response.acquirerCode (the acquirer's / issuer's code),
  transaction.id, transaction.type (AUTHORIZATION, PAYMENT, CAPTURE, REFUND, VOID_AUTHORIZATION, VOID_CAPTURE,
  VOID_PAYMENT, VOID_REFUND, VERIFICATION), transaction.amount and transaction.currency (a decimal in the
  currency's major units), order.id (the merchant's order), sourceOfFunds.provided.card.brand / scheme,
  timeOfRecord.
Lifecycle identity: order.id is the payment; the transaction.id of an AUTHORIZATION or PAYMENT is the attempt;
a CAPTURE / REFUND / VOID names its own transaction.id (the refund's refund_id); the order ties them together.
"""

from __future__ import annotations

_CUSTOMER_CARD = {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"}

# response.gatewayCode -> (status, reason).
GATEWAY_CODES = {
    "APPROVED": ("APPROVED", None),
    "APPROVED_AUTO": ("APPROVED", None),
    "APPROVED_PENDING_SETTLEMENT": ("APPROVED", None),
    "PARTIALLY_APPROVED": ("APPROVED", None),
    "DECLINED": ("DECLINED", "GENERIC_DECLINE"),
    "DECLINED_AVS": ("DECLINED", _CUSTOMER_CARD),
    "DECLINED_AVS_CSC": ("DECLINED", "INCORRECT_CVC"),
    "DECLINED_CSC": ("DECLINED", "INCORRECT_CVC"),
    "DECLINED_DO_NOT_CONTACT": ("DECLINED", {"reason": "GENERIC_DECLINE", "decline_type": "HARD"}),
    "DECLINED_INVALID_PIN": ("DECLINED", "AUTHENTICATION_FAILED"),
    "DECLINED_PIN_REQUIRED": ("DECLINED", "AUTHENTICATION_REQUIRED"),
    "DECLINED_PAYMENT_PLAN": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),
    "REFERRED": ("DECLINED", "GENERIC_DECLINE"),
    "EXPIRED_CARD": ("DECLINED", "EXPIRED_CARD"),
    "INSUFFICIENT_FUNDS": ("DECLINED", "INSUFFICIENT_FUNDS"),
    "NO_BALANCE": ("DECLINED", "INSUFFICIENT_FUNDS"),
    "INVALID_CSC": ("DECLINED", "INCORRECT_CVC"),
    "AUTHENTICATION_FAILED": ("DECLINED", "AUTHENTICATION_FAILED"),
    "NOT_ENROLLED_3D_SECURE": ("DECLINED", "AUTHENTICATION_FAILED"),
    "BLOCKED": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    "NOT_SUPPORTED": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),
    "EXCEEDED_RETRY_LIMIT": ("DECLINED", "LIMIT_EXCEEDED"),
    "TIMED_OUT": ("UNKNOWN", "TIMEOUT"),
    "ACQUIRER_SYSTEM_ERROR": ("ERROR", "PROCESSING_ERROR"),
    "SYSTEM_ERROR": ("ERROR", "PROCESSING_ERROR"),
    "UNSPECIFIED_FAILURE": ("ERROR", "PROCESSING_ERROR"),
    "LOCK_FAILURE": ("ERROR", "PROCESSING_ERROR"),
    "DUPLICATE_BATCH": ("ERROR", "DUPLICATE"),
    "ABORTED": ("CANCELLED", None),
    "CANCELLED": ("CANCELLED", None),
    "PENDING": ("PENDING", None),
    "SUBMITTED": ("PENDING", None),
    "DEFERRED_TRANSACTION_RECEIVED": ("PENDING", None),
    "AUTHENTICATION_IN_PROGRESS": ("PENDING", None),
    "UNKNOWN": ("UNKNOWN", None),
}
# result, when no gatewayCode is given.
RESULTS = {"SUCCESS": "APPROVED", "FAILURE": "DECLINED", "PENDING": "PENDING", "UNKNOWN": "UNKNOWN",
           "ERROR": "ERROR"}
STATUSES = {**RESULTS, **{code: status for code, (status, _) in GATEWAY_CODES.items()}}
REASONS = {code: reason for code, (_, reason) in GATEWAY_CODES.items() if reason is not None}

# error.cause of a result ERROR body.
ERROR_CAUSES = {
    "INVALID_REQUEST": "INVALID_REQUEST",
    "REQUEST_REJECTED": "CONFIGURATION_ERROR",  # security: firewall rules, certificate, credentials
    "SERVER_BUSY": "PROCESSING_ERROR",
    "SERVER_FAILED": "PROCESSING_ERROR",
}
# Request fields naming the merchant account itself: a value the gateway refuses for them means the account or
# its acquirer set-up (merchant acquirer relationship) is wrong, not the payment's data.
_ACCOUNT_FIELDS = ["merchantId", "merchant", "merchant.id", "apiUsername", "apiPassword"]

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["transaction.id"],
    "status": ["response.gatewayCode", "result"],
    "reason_code": ["response.gatewayCode", "response.acquirerCode"],
    "amount": ["transaction.amount", "order.amount"],
    "currency": ["transaction.currency", "order.currency"],
    "event_time": ["timeOfRecord", "transaction.acquirer.date", "order.creationTime"],
    "card_brand": ["sourceOfFunds.provided.card.brand", "sourceOfFunds.provided.card.scheme"],
    "payment_id": ["order.id"],
    "merchant_id": ["merchant"],
}

# Aliases of the legacy API generation (its own module), named by both so a hint reaches either.
LEGACY_ALIASES = ["vpc", "virtual payment client", "mastercard_migs", "migs_vpc", "anz egate", "egate"]

SPEC = {
    "provider": "mpgs",
    "aliases": ["mpgs", "mastercard gateway", "mastercard_gateway", "mastercard payment gateway",
                "mastercard payment gateway services", "mastercard_payment_gateway_services", "mastercard mpgs",
                "tns", "tnspayments", "mastercard internet gateway service", "migs", *LEGACY_ALIASES],
    "detect": [
        {"path": "response.gatewayCode", "in": list(GATEWAY_CODES), "weight": 0.5},
        {"path": "result", "in": list(RESULTS), "weight": 0.2},
        {"path": "transaction.type", "in": ["AUTHORIZATION", "PAYMENT", "CAPTURE", "REFUND", "VOID_AUTHORIZATION",
                                            "VOID_CAPTURE", "VOID_PAYMENT", "VOID_REFUND", "VERIFICATION"],
         "weight": 0.2},
        {"path": "sourceOfFunds.provided.card", "exists": True, "weight": 0.2},
        # The error body: {"error": {"cause", "explanation", "field", "validationType"}, "result": "ERROR"}.
        {"path": "error.cause", "in": list(ERROR_CAUSES), "weight": 0.2},
        {"path": "error.validationType", "in": ["INVALID", "MISSING", "UNSUPPORTED"], "weight": 0.2},
        {"path": "error.explanation", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "default_payment_method": "CARD",
    "variants": [
        {
            "name": "error",
            "match": {"result": "ERROR", "error": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error.cause"]},
            "reason_map": ERROR_CAUSES,
            "reason_fallback": None,
            "default_payment_method": None,
            "rules": [{"when": {"error.field": _ACCOUNT_FIELDS}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            "name": "refund",
            "match": {"transaction.type": "REFUND"},
            "fields": _TRANSACTION_FIELDS,
            "event_kind": "REFUND",
            "status_map": {"APPROVED": "REFUNDED", "SUCCESS": "REFUNDED", "APPROVED_AUTO": "REFUNDED",
                           "APPROVED_PENDING_SETTLEMENT": "REFUNDED"},
            "rules": [{"when": {"result": ["FAILURE", "ERROR"]}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "void",
            "match": {"transaction.type": ["VOID_AUTHORIZATION", "VOID_CAPTURE", "VOID_PAYMENT", "VOID_REFUND"]},
            "fields": _TRANSACTION_FIELDS,
            "event_kind": "VOID",
            "status_map": {"APPROVED": "CANCELLED", "SUCCESS": "CANCELLED", "APPROVED_AUTO": "CANCELLED"},
            "rules": [{"when": {"result": ["FAILURE", "ERROR"]}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "capture",
            "match": {"transaction.type": "CAPTURE"},
            "fields": _TRANSACTION_FIELDS,
            "event_kind": "CAPTURE",
        },
        {
            # AUTHORIZATION / PAYMENT (and a transaction without a type): the authorization attempt.
            "name": "transaction",
            "match": {"response.gatewayCode": {"exists": True}},
            "fields": {**_TRANSACTION_FIELDS, "attempt_id": ["transaction.id"]},
        },
    ],
}
