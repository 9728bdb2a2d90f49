"""WePay (Chase): the v2 checkout object and its API error body, and the v3 payments, refunds and disputes with
their notifications and error body.

Sources:
- v2 "The /checkout API calls" (developer.wepay.com/api/api-calls/checkout, version 2016-08-10; the older
  wepay.com/developer/reference/checkout and checkout-2014-01-08): the checkout states new, authorized, captured,
  released, cancelled, refunded, charged back, failed, expired (and, before 2016-07-13, reserved); partial refunds
  and chargebacks leave the state as it is and show in refund.amount_refunded and chargeback.amount_charged_back.
  "What are the checkout object states?" (support.wepay.com/hc/en-us/articles/203609153) says the same; "Why can't
  I refund an authorized payment?" (support.wepay.com/hc/en-us/articles/203608983): authorized means WePay has
  collected the payment, in review or awaiting payout.
- The checkout's fields (checkout_id, account_id, reference_id, amount and gross in major units, currency,
  create_time, fee, refund, chargeback, payment_method.type credit_card) as in the omnipay-wepay test fixture
  tests/Mock/CustomCheckoutPurchaseSuccess.txt (collizo4sky/omnipay-wepay, amount 25.5 USD). payment_bank (a v2
  bank payment) as DIRECT_DEBIT rests on recollection.
- v2 "Errors" (developer.wepay.com/api/general/errors and wepay.com/developer/reference/errors): the body {error,
  error_description, error_code, details[{target, target_type, reason_code, message}]}; error categories
  invalid_request, access_denied, invalid_scope, invalid_client, processing_error; the support article "WePay API
  Error Codes" (support.wepay.com/hc/en-us/articles/203609273) adds invalid_parameter and throttle_exceeded. The
  codes: generic 1001-1016, payment 2001-2009, 2018, 2019, account 3004 (lists quoted from the errors page by
  support.interpodia.com/knowledge/wepay-orders-error-codes and help.virtualbarter.com); 3002 and 4003 from the
  errors page's examples, details reason_code INVALID_CREDIT_CARD_NUMBER likewise. The other 3xxx-7xxx codes of
  that page were not findable and are not mapped (their error category still gives the reason).
  The payment codes 2001-2008 and 2018 refuse a card: DECLINED; 2009 (the card in the wrong state) and 2019
  (unknown processing error) are ERRORs.
- v3 "Payment Lifecycles" (dev.wepay.com/payments-101/payment-lifecycles, dev.wepay.com/docs/resources/
  payment-life-cycles): payments end completed, failed or canceled, pending before that; refunds pending,
  completed, failed. "API Reason Codes" (dev.wepay.com/api/guides/api-reason-codes): a failed payment's
  failure_reason.reason_code NOT_CAPTURED, ECHECK_FRAUD, BANK_NOT_CONFIRMED, BANK_SYSTEM_ERROR, PAYMENT_EXPIRED
  (detail request_expired), REVIEW (detail risk_review); the card detail codes of that page were not findable.
- v3 GET /notifications (alpha-developer.wepay.com/api/latest/operation/GET_notifications): the notification {id,
  resource "notifications", topic "payments.completed", event_time, owner, payload (the payment: id, resource
  "payments", path, amount 4200, currency, status, failure_reason, pending_reasons, owner)}; its errors
  INVALID_PARAMS, NOT_AUTHORIZED, UNEXPECTED_ERROR. v3 "Errors" (dev.wepay.com/api/guides/errors): the body
  {error_code, error_message, details[{message, reason_code, target, target_type}]}, e.g. TOKEN_CONFLICT and the
  ACCOUNT_CANNOT_* codes (HTTP 400). v3 amounts in cents rests on that example and recollection; dispute
  statuses were not findable: a dispute document or notification is a CHARGEBACK row whatever its status.

Lifecycle identity: v2, the checkout_id is the attempt and the merchant's reference_id the payment; a refund or
chargeback has no id of its own. v3, the payment id is the attempt; a refund's id the refund, its payment.id the
attempt; a dispute's id the dispute, its payment.id the attempt.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

CHECKOUT_STATES = {
    "new": "PENDING",            # created, payer has not submitted their payment information yet
    "authorized": "APPROVED",    # WePay has charged the card (risk review or payout may still be pending)
    "reserved": "APPROVED",      # before 2016-07-13: reserved from the payer
    "captured": "APPROVED",
    "released": "APPROVED",      # credited to the payee account
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
    "charged back": "CHARGEBACK",
    "failed": "DECLINED",
    "expired": "CANCELLED",      # left in new for 30 minutes: abandoned
}
PAYMENT_STATUSES = {  # v3 payments and refunds
    "pending": "PENDING",
    "completed": "APPROVED",
    "failed": "DECLINED",
    "canceled": "CANCELLED",
}
REFUND_STATUSES = {"pending": "PENDING", "completed": "REFUNDED", "failed": "DECLINED"}

ERROR_CATEGORIES = {
    "invalid_request": "INVALID_REQUEST",
    "invalid_parameter": "INVALID_REQUEST",
    "access_denied": "CONFIGURATION_ERROR",
    "invalid_scope": "CONFIGURATION_ERROR",
    "invalid_client": "CONFIGURATION_ERROR",
    "processing_error": "PROCESSING_ERROR",
    "throttle_exceeded": "PROCESSING_ERROR",
}
GENERIC_ERROR_CODES = {
    "1001": "INVALID_REQUEST",      # API call that does not exist
    "1002": "INVALID_REQUEST",      # missing required header
    "1003": "INVALID_REQUEST",      # invalid parameter value
    "1004": "INVALID_REQUEST",      # missing required parameter
    "1005": "INVALID_REQUEST",      # parameters not parseable
    "1006": "CONFIGURATION_ERROR",  # unable to authenticate (access_token)
    "1007": "PROCESSING_ERROR",     # too many requests
    "1008": "PROCESSING_ERROR",     # unexpected error at WePay
    "1009": "INVALID_REQUEST",      # user data error
    "1010": "CONFIGURATION_ERROR",  # insufficient permissions
    "1011": "CONFIGURATION_ERROR",  # access_token revoked
    "1012": "CONFIGURATION_ERROR",  # OAuth2 code expired
    "1013": "CONFIGURATION_ERROR",  # client_id does not match the code
    "1014": "CONFIGURATION_ERROR",  # IP not on the app's whitelist
    "1015": "CONFIGURATION_ERROR",  # API version invalid or expired
    "1016": "CONFIGURATION_ERROR",  # API version not valid for the app
    "2009": "INVALID_REQUEST",      # credit_card object in an invalid state for that action
    "2019": "PROCESSING_ERROR",     # unknown processing error, retry later
    "3002": "CONFIGURATION_ERROR",  # applications can only modify accounts they have created
    "3004": "CONFIGURATION_ERROR",  # the account cannot transact
    "4003": "INVALID_REQUEST",      # invalid payment method
}
PAYMENT_ERROR_CODES = {  # the card refused: DECLINED
    "2001": "RISK_REJECTED",              # AVS check failed (invalid billing address)
    "2002": "TRANSACTION_NOT_PERMITTED",  # card type not supported by the merchant
    "2003": "TRANSACTION_NOT_PERMITTED",  # issuing bank: card not supported
    "2004": "GENERIC_DECLINE",            # issuing bank declined without saying why
    "2005": "INSUFFICIENT_FUNDS",
    "2006": "LOST_OR_STOLEN_CARD",
    "2007": "EXPIRED_CARD",
    "2008": "INVALID_CARD_DATA",          # CVV, expiration date, card number or name invalid
    "2018": "TRANSACTION_NOT_PERMITTED",  # card does not support recurring or card-on-file
}
DETAIL_REASON_CODES = {"INVALID_CREDIT_CARD_NUMBER": "INVALID_CARD_DATA"}

PAYMENT_FAILURE_REASONS = {  # v3 failure_reason.reason_code
    "NOT_CAPTURED": "GENERIC_DECLINE",
    "ECHECK_FRAUD": "SUSPECTED_FRAUD",
    "BANK_NOT_CONFIRMED": "INVALID_CARD_DATA",  # failed due to incorrect information
    "BANK_SYSTEM_ERROR": "PROCESSING_ERROR",
    "PAYMENT_EXPIRED": "UNKNOWN",               # not captured in time: CANCELLED (rule)
    "REVIEW": "RISK_REJECTED",                  # detail risk_review
}
V3_ERROR_CODES = {
    "INVALID_PARAMS": "INVALID_REQUEST",
    "TOKEN_CONFLICT": "INVALID_REQUEST",
    "NOT_AUTHORIZED": "CONFIGURATION_ERROR",
    "UNEXPECTED_ERROR": "PROCESSING_ERROR",
    "ACCOUNT_CANNOT_BE_DELETED": "INVALID_REQUEST",
    "ACCOUNT_CANNOT_BE_MODIFIED": "INVALID_REQUEST",
    "ACCOUNT_CANNOT_CREATE_TERMINALS": "CONFIGURATION_ERROR",
    "ACCOUNT_CANNOT_PROCESS_PAYOUTS": "CONFIGURATION_ERROR",
}

PAYMENT_METHODS = {"credit_card": "CARD", "payment_bank": "DIRECT_DEBIT"}

V3_RESOURCES = ["payments", "refunds", "disputes", "notifications"]

IPN_ID_KEYS = {"checkout_id", "preapproval_id", "withdrawal_id", "account_id", "user_id", "credit_card_id"}


def prepare(body: Any) -> Any:
    """A v2 IPN (the callback_uri POST) names only the object whose state changed: fetch it for the state."""
    if isinstance(body, dict) and body and set(body) <= IPN_ID_KEYS:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "wepay: an IPN carries only the id of the object to fetch (GET /checkout)")
    return body


_V3_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_reason.reason_code", "failure_reason.details.0.detail_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["create_time"],
    "merchant_id": ["owner.id"],
    "attempt_id": ["id"],
    "payment_method": [],
    "payment_id": [],
}
_V3_REFUND = {"status_map": REFUND_STATUSES, "event_kind": "REFUND",
              "fields": {"attempt_id": ["payment.id"], "refund_id": ["id"]}}
_V3_DISPUTE = {"status": "CHARGEBACK", "event_kind": "DISPUTE",
               "fields": {"attempt_id": ["payment.id"], "dispute_id": ["id"], "reason_code": []}}
_EXPIRED = {"when": {"failure_reason.reason_code": "PAYMENT_EXPIRED"}, "set": {"status_category": "CANCELLED"}}

SPEC = {
    "provider": "wepay",
    "aliases": ["wepay", "we pay", "wepay.com", "chase wepay", "wepay-v2", "wepay-v3"],
    "detect": [
        # v2 checkout
        {"path": "checkout_id", "exists": True, "weight": 0.3},
        {"path": "chargeback.amount_charged_back", "exists": True, "weight": 0.3},
        {"path": "refund.amount_refunded", "exists": True, "weight": 0.2},
        {"path": "fee.fee_payer", "exists": True, "weight": 0.1},
        {"path": "hosted_checkout", "exists": True, "weight": 0.05},
        {"path": "state", "in": list(CHECKOUT_STATES), "weight": 0.05},
        # v2 error body
        {"path": "error_code", "in": [*GENERIC_ERROR_CODES, *PAYMENT_ERROR_CODES], "weight": 0.3},
        {"path": "error", "in": list(ERROR_CATEGORIES), "weight": 0.1},
        {"path": "error_description", "exists": True, "weight": 0.1},
        {"path": "documentation_url", "prefix": ["https://developer.wepay.com"], "weight": 0.3},
        # v3 resources, notifications and error body
        {"path": "resource", "in": V3_RESOURCES, "weight": 0.2},
        {"path": "path", "prefix": ["/payments/", "/refunds/", "/disputes/", "/notifications/"], "weight": 0.3},
        {"path": "owner.resource", "in": ["accounts", "applications"], "weight": 0.2},
        {"path": "payload.path", "prefix": ["/"], "weight": 0.1},
        {"path": "error_code", "in": list(V3_ERROR_CODES), "weight": 0.25},
        {"path": "error_message", "exists": True, "weight": 0.05},
        {"path": "details.0.target_type", "in": ["HTTP_REQUEST_BODY", "HTTP_REQUEST_PATH", "HTTP_REQUEST_QUERY_STRING",
                                                 "HTTP_REQUEST_HEADER", "SDK_PARAMETER"], "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": CHECKOUT_STATES,
    "reason_map": PAYMENT_FAILURE_REASONS,  # read by the v3 documents only (v2 checkouts carry no code)
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["checkout_id"],
        "status": ["state"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["create_time"],
        "merchant_id": ["account_id"],
        "payment_method": ["payment_method.type"],
        "attempt_id": ["checkout_id"],
        "payment_id": ["reference_id"],
    },
    "variants": [
        {
            "name": "v2.error.declined",
            "match": {"error_code": list(PAYMENT_ERROR_CODES), "error_description": {"exists": True}},
            "status": "DECLINED",
            "reason_map": PAYMENT_ERROR_CODES,
            "fields": {"provider_transaction_id": [], "reason_code": ["error_code"],
                       "amount": [], "attempt_id": [], "payment_id": []},
            "default_payment_method": "CARD",
        },
        {
            "name": "v2.error",
            "match": {"error": {"exists": True}, "error_description": {"exists": True}},
            "status": "ERROR",
            "reason_map": {**GENERIC_ERROR_CODES, **DETAIL_REASON_CODES, **ERROR_CATEGORIES},
            "fields": {"provider_transaction_id": [],
                       "reason_code": ["error_code", "details.0.reason_code", "error"],
                       "amount": [], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "v3.error",
            "match": {"error_code": {"exists": True}, "error_message": {"exists": True}},
            "status": "ERROR",
            "reason_map": V3_ERROR_CODES,
            "fields": {"provider_transaction_id": [], "reason_code": ["error_code"],
                       "amount": [], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "v2.checkout.refunded",
            "match": {"checkout_id": {"exists": True}, "state": "refunded"},
            "fields": {"amount": ["refund.amount_refunded", "amount"]},
        },
        {
            "name": "v2.checkout.charged_back",
            "match": {"checkout_id": {"exists": True}, "state": "charged back"},
            "fields": {"amount": ["chargeback.amount_charged_back", "amount"]},
        },
        {
            "name": "v2.checkout",
            "match": {"checkout_id": {"exists": True}, "state": {"exists": True}},
        },
        {"name": "v3.notification.payment",
         "match": {"resource": "notifications", "payload.resource": "payments"},
         "root": "payload", "amount_unit": "minor", "status_map": PAYMENT_STATUSES,
         "fields": {**_V3_FIELDS, "event_time": ["^event_time", "create_time"]}, "rules": [_EXPIRED]},
        {"name": "v3.notification.refund",
         "match": {"resource": "notifications", "payload.resource": "refunds"},
         "root": "payload", "amount_unit": "minor", "status_map": REFUND_STATUSES, "event_kind": "REFUND",
         "fields": {**_V3_FIELDS, "event_time": ["^event_time", "create_time"], **_V3_REFUND["fields"]}},
        {"name": "v3.notification.dispute",
         "match": {"resource": "notifications", "payload.resource": "disputes"},
         "root": "payload", "amount_unit": "minor", "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {**_V3_FIELDS, "event_time": ["^event_time", "create_time"], **_V3_DISPUTE["fields"]}},
        {"name": "v3.notification.not_a_payment",
         "match": {"resource": "notifications", "topic": {"exists": True}},
         "not_a_payment": "a WePay account, legal entity, payout or other non-payment notification"},
        {"name": "v3.payment", "match": {"resource": "payments", "status": {"exists": True}},
         "amount_unit": "minor", "status_map": PAYMENT_STATUSES, "fields": _V3_FIELDS, "rules": [_EXPIRED]},
        {"name": "v3.refund", "match": {"resource": "refunds", "status": {"exists": True}},
         "amount_unit": "minor", "status_map": REFUND_STATUSES, "event_kind": "REFUND",
         "fields": {**_V3_FIELDS, **_V3_REFUND["fields"]}},
        {"name": "v3.dispute", "match": {"resource": "disputes"},
         "amount_unit": "minor", "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {**_V3_FIELDS, **_V3_DISPUTE["fields"]}},
    ],
}
