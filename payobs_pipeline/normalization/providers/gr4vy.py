"""Gr4vy (payment orchestration): the transaction, capture and refund resources as the API returns them, the webhook
event that wraps one of them in ``{type: "event", name, target}``, and the API error body.

Sources:
- Transaction statuses (docs.gr4vy.com "Transaction statuses"; the same table on the white-label
  docs.mattildapayments.com/guides/api/statuses/transactions, and gr4vy/gr4vy-python
  src/gr4vy/models/transactionstatus.py): processing (being processed with the payment services),
  buyer_approval_pending (needs the buyer's approval: a hosted page or 3DS), authorization_succeeded (authorized, not
  yet captured), authorization_failed (could not be authorized "due to technical issues or limitations of the
  payment service"), authorization_declined (declined by the payment service), capture_pending (submitted for
  capture), capture_succeeded (authorized and captured), authorization_void_pending, authorization_voided.
- Transaction error codes (docs.gr4vy.com/guides/api/error-codes, as catalogued in api-evangelist/gr4vy
  errors/gr4vy-decline-codes.yml; the same list on docs.mattildapayments.com .../transactions/error-codes): the
  ``error_code`` of a failed or declined transaction, capture or refund — core failures (incomplete_buyer_approval,
  failed_buyer_approval, missing_redirect_url, flow_decline, all_attempts_skipped, canceled), connector declines
  (insufficient_funds, incorrect_cvv, expired_payment_method, suspected_fraud, issuer_decline ...) and connector
  failures (service_error, service_network_error, invalid_service_credentials, duplicate_transaction ...).
  ``iso_response_code`` is the ISO 8583 response code (read through the shared issuer table after error_code).
- Capture (gr4vy-python src/gr4vy/models/capture.py, capturestatus.py): type "capture", transaction_id, amount in
  the smallest currency unit, status succeeded / pending / declined / failed / canceled, error_code.
- Refund (gr4vy-python src/gr4vy/models/refund.py, refundstatus.py): type "refund", transaction_id, amount in the
  smallest currency unit, status processing / succeeded / failed / declined / voided, error_code,
  transaction_external_identifier.
- Payment methods (gr4vy-python src/gr4vy/models/method.py).
- Webhooks (docs.gr4vy.com/guides/features/webhooks/payload and /events, catalogued in api-evangelist/gr4vy
  asyncapi/gr4vy-webhooks.yml; payload example on docs.mattildapayments.com/guides/features/webhooks/payload):
  ``{"type": "event", "id", "name": "transaction.captured", "created_at", "merchant_account_id", "gr4vy_id",
  "environment", "target": <the resource as the API returns it>}``; transaction.*, capture.*, refund.* are payment
  events; buyer.*, payment-method.*, payout.*, gift-card.*, payment-link.*, report-execution.*, shipping-details.*,
  api-key-pair.*, monitoring.* are not.
- Error body (gr4vy-python src/gr4vy/errors/error409.py; the 12 documented responses in api-evangelist/gr4vy
  errors/gr4vy-problem-types.yml, from docs.gr4vy.com/reference/errors): ``{"type": "error", "code", "status",
  "message", "details": [...]}`` with codes bad_request 400, unauthorized 401, forbidden 403, not_found 404,
  method_not_allowed 405, duplicate_record 409, too_early 425, too_many_requests 429, server_error 500, bad_gateway
  502, gateway_timeout 504.

Amounts are in the currency's smallest unit throughout. A transaction whose status is capture_* is the CAPTURE
event, authorization_void* the VOID. A transaction canceled by a cancel action (error_code canceled) or by its buyer
(cancelled_buyer_approval) is CANCELLED, not a failure. Chargebacks are not mapped (no documented chargeback
webhook payload could be read).

Lifecycle identity: the transaction id is the attempt (a capture's or refund's transaction_id), the merchant's
external_identifier the payment, a refund's id its refund id.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "processing": "PENDING",
    "buyer_approval_pending": "PENDING",
    "authorization_succeeded": "APPROVED",
    "authorization_declined": "DECLINED",
    "authorization_failed": "ERROR",  # technical issues or limitations of the payment service
    "authorization_void_pending": "PENDING",
    "authorization_voided": "CANCELLED",
    "capture_pending": "PENDING",
    "capture_succeeded": "APPROVED",
}
CAPTURE_STATUSES = {
    "succeeded": "APPROVED", "pending": "PENDING", "declined": "DECLINED", "failed": "ERROR", "canceled": "CANCELLED",
}
REFUND_STATUSES = {
    "processing": "PENDING", "succeeded": "REFUNDED", "failed": "DECLINED", "declined": "DECLINED",
    "voided": "CANCELLED",
}

ERROR_CODES = {
    # Core failures.
    "incomplete_buyer_approval": "AUTHENTICATION_FAILED",  # the buyer closed the redirect without authenticating
    "failed_buyer_approval": "AUTHENTICATION_FAILED",  # failed 3DS
    "missing_redirect_url": "CONFIGURATION_ERROR",
    "flow_decline": "RISK_REJECTED",  # declined by a Flow rule
    "all_attempts_skipped": "CONFIGURATION_ERROR",  # no outcome of the matched Flow rule usable
    # Connector declines.
    "canceled_payment_method": "LOST_OR_STOLEN_CARD",  # reported lost, stolen or otherwise canceled
    "expired_authorization": "INVALID_REQUEST",  # the authorization to capture has expired
    "expired_payment_method": "EXPIRED_CARD",
    "incorrect_billing_address": "INVALID_CARD_DATA",
    "incorrect_country": "TRANSACTION_NOT_PERMITTED",
    "incorrect_currency": "TRANSACTION_NOT_PERMITTED",
    "incorrect_cvv": "INCORRECT_CVC",
    "incorrect_expiry_date": "INVALID_CARD_DATA",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "issuer_decline": "GENERIC_DECLINE",
    "other_decline": "GENERIC_DECLINE",
    "refused_transaction": "TRANSACTION_NOT_PERMITTED",  # legal reasons: watch list, embargo, sanctions
    "service_decline": "GENERIC_DECLINE",
    "suspected_fraud": "SUSPECTED_FRAUD",
    # Connector failures.
    "disputed_transaction": "TRANSACTION_NOT_PERMITTED",  # cannot be refunded: a chargeback was initiated
    "duplicate_transaction": "DUPLICATE",
    "insufficient_service_permissions": "CONFIGURATION_ERROR",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_payment_method": "TRANSACTION_NOT_PERMITTED",  # not supported by the service
    "invalid_service_configuration": "CONFIGURATION_ERROR",
    "invalid_service_credentials": "CONFIGURATION_ERROR",
    "invalid_service_response": "PROCESSING_ERROR",
    "invalid_tax_identifier": "INVALID_REQUEST",
    "missing_billing_address": "INVALID_REQUEST",
    "missing_cvv": "INCORRECT_CVC",  # the CVV is required
    "missing_shipping_address": "INVALID_REQUEST",
    "missing_tax_identifier": "INVALID_REQUEST",
    "refund_period_expired": "TRANSACTION_NOT_PERMITTED",
    "requires_buyer_authentication": "AUTHENTICATION_REQUIRED",
    "service_error": "PROCESSING_ERROR",
    "service_network_error": "TIMEOUT",  # unreachable or timed out
    "service_rate_limit": "PROCESSING_ERROR",
    "internal_error": "PROCESSING_ERROR",
    "invalid_billing_address": "INVALID_REQUEST",
    "invalid_operation": "CONFIGURATION_ERROR",  # not implemented / not supported for this request
    "invalid_request_parameters": "INVALID_REQUEST",
    "invalid_service_request": "INVALID_REQUEST",
    "invalid_shipping_address": "INVALID_REQUEST",
    "service_resource_conflict": "CONFIGURATION_ERROR",
    "unavailable_payment_method": "RESTRICTED_CARD",  # temporarily frozen or otherwise unavailable
    "unexpected_state": "CONFIGURATION_ERROR",
    "unknown_error": "UNKNOWN",
    "unknown_payment_method": "INVALID_CARD_DATA",  # the account is unknown
    "unknown_service_resource": "INVALID_REQUEST",
    "unrecognised_country": "INVALID_REQUEST",
    "unrecognised_currency": "INVALID_REQUEST",
    "unrecognised_payment_method": "INVALID_CARD_DATA",
    "unrecognised_scheme": "TRANSACTION_NOT_PERMITTED",
    "unsupported_country": "TRANSACTION_NOT_PERMITTED",
    "unsupported_currency": "TRANSACTION_NOT_PERMITTED",
    "unsupported_payment_method": "TRANSACTION_NOT_PERMITTED",
    "unsupported_scheme": "TRANSACTION_NOT_PERMITTED",
    "unsupported_transaction": "TRANSACTION_NOT_PERMITTED",  # this type of purchase, e.g. gambling
    "refund_already_satisfied": "INVALID_REQUEST",  # already fully refunded
}
# The transaction ended by a cancel action or by its buyer: CANCELLED, not a failure.
CANCEL_CODES = ["canceled", "cancelled_buyer_approval"]

# The API error body's code (taxonomy: API error answers).
API_ERROR_CODES = {
    "bad_request": "INVALID_REQUEST",
    "unauthorized": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
    "not_found": "INVALID_REQUEST",
    "method_not_allowed": "INVALID_REQUEST",
    "duplicate_record": "DUPLICATE",
    "too_early": "PROCESSING_ERROR",  # the original request is still processing
    "too_many_requests": "PROCESSING_ERROR",
    "server_error": "PROCESSING_ERROR",
    "bad_gateway": "PROCESSING_ERROR",
    "gateway_timeout": "TIMEOUT",
}

PAYMENT_METHODS = {
    "card": "CARD", "network-token": "CARD", "click-to-pay": "CARD", "chaseorbital": "CARD",
    **{m: "WALLET" for m in ("applepay", "googlepay", "googlepay_pan_only", "paypal", "venmo", "alipay", "alipayhk",
                             "wechat", "gcash", "grabpay", "gopay", "dana", "ovo", "shopeepay", "paymaya", "kakaopay",
                             "linepay", "rabbitlinepay", "truemoney", "touchngo", "boost", "linkaja", "cashapp",
                             "mercadopago", "nequi", "picpay", "paypay", "vipps", "swish", "paze", "yape",
                             "singteldash", "maybankqrpay", "thaiqr")},
    **{m: "BANK_TRANSFER" for m in ("ideal", "sofort", "giropay", "eps", "trustly", "trustlyeurope", "p24", "blik",
                                    "bancontact", "pse", "spei", "upi", "netbanking", "paybybank", "payid", "payto",
                                    "khipu", "onlinebankingcz", "interac", "wero", "plaid", "stitch", "capitec",
                                    "breb", "webpay")},
    **{m: "DIRECT_DEBIT" for m in ("bank", "ach", "sepa", "bacs", "becs", "gocardless", "stripedd")},
    **{m: "BNPL" for m in ("affirm", "afterpay", "cashappafterpay", "clearpay", "klarna", "laybuy", "latitude",
                           "latitudeds", "scalapay", "zippay", "paypalpaylater", "oney_3x", "oney_4x", "oney_6x",
                           "oney_10x", "oney_12x", "everydaypay", "nupay")},
    "pix": "PIX",
    "boleto": "BOLETO",
    **{m: "CASH_VOUCHER" for m in ("oxxo", "efecty", "pagoefectivo", "konbini", "seveneleven", "multibanco",
                                   "rapipago", "redpagos", "abitab", "servipag", "payvalida", "bcp", "multipago")},
}

TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["error_code", "iso_response_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["payment_method.method", "method"],
    "card_brand": ["payment_method.scheme"],
    "customer_country": ["buyer.billing_details.address.country", "country"],
    "merchant_id": ["merchant_account_id", "^merchant_account_id"],
    "attempt_id": ["id"],
    "payment_id": ["external_identifier"],
}
CAPTURE_FIELDS = {
    **TRANSACTION_FIELDS,
    "payment_method": [],
    "card_brand": [],
    "customer_country": [],
    "attempt_id": ["transaction_id"],
    "payment_id": ["transaction_external_identifier"],
}
REFUND_FIELDS = {**CAPTURE_FIELDS, "reason_code": ["error_code"], "refund_id": ["id"]}

TRANSACTION_RULES = [
    {"when": {"status": {"in": ["capture_pending", "capture_succeeded"]}}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": {"in": ["authorization_void_pending", "authorization_voided"]}}, "set": {"event_kind": "VOID"}},
    {"when": {"error_code": {"in": CANCEL_CODES}}, "set": {"status_category": "CANCELLED"}},
]

# Webhook targets that are not payments (docs.gr4vy.com webhook events).
NON_PAYMENT_TARGETS = ["buyer", "payment-method", "payout", "gift-card", "payment-link", "report-execution",
                       "shipping-details", "api-key-pair", "monitoring", "incident"]
# Webhook event names that are not payments (their target types vary).
NON_PAYMENT_EVENT_PREFIXES = ["buyer.", "payment-method.", "payout.", "gift-card.", "payment-link.",
                              "report-execution.", "shipping-details.", "api-key-pair.", "monitoring."]

_UNIQUE_STATUSES = [s for s in TRANSACTION_STATUSES if "_" in s]


def _resource_variants(prefix: str, root: str | None) -> list[dict]:
    """The transaction, capture and refund resources, at the top level or as a webhook's ``target``."""
    rooted = {"root": root} if root else {}
    name = root or "resource"
    return [
        {"name": f"{name}.refund", **rooted, "match": {f"{prefix}type": "refund", f"{prefix}id": {"exists": True}},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND", "fields": REFUND_FIELDS},
        {"name": f"{name}.capture", **rooted, "match": {f"{prefix}type": "capture", f"{prefix}id": {"exists": True}},
         "status_map": CAPTURE_STATUSES, "event_kind": "CAPTURE", "fields": CAPTURE_FIELDS,
         "rules": [{"when": {"error_code": {"in": CANCEL_CODES}}, "set": {"status_category": "CANCELLED"}}]},
        {"name": f"{name}.transaction", **rooted,
         "match": {f"{prefix}type": "transaction", f"{prefix}status": {"in": list(TRANSACTION_STATUSES)}},
         "fields": TRANSACTION_FIELDS, "rules": TRANSACTION_RULES},
    ]


SPEC = {
    "provider": "gr4vy",
    "aliases": ["gr4vy", "gravy", "gr4vy.com", "gr4vy api", "gr4vy payment orchestration"],
    "detect": [
        # Webhook envelope.
        {"path": "gr4vy_id", "exists": True, "weight": 0.4},
        {"path": "target.type", "in": ["transaction", "refund", "capture"], "weight": 0.1},
        {"path": "target.status", "in": _UNIQUE_STATUSES, "weight": 0.3},
        {"path": "target.payment_service_transaction_id", "exists": True, "weight": 0.15},
        {"path": "target.transaction_reconciliation_id", "exists": True, "weight": 0.2},
        # Transaction resource.
        {"path": "status", "in": _UNIQUE_STATUSES, "weight": 0.3},
        {"path": "payment_service_transaction_id", "exists": True, "weight": 0.15},
        {"path": "type", "in": ["transaction", "refund", "capture"], "weight": 0.05},
        {"path": "captured_amount", "exists": True, "weight": 0.05},
        {"path": "authorized_amount", "exists": True, "weight": 0.05},
        # Refund resource.
        {"path": "transaction_reconciliation_id", "exists": True, "weight": 0.3},
        {"path": "payment_service_refund_id", "exists": True, "weight": 0.2},
        {"path": "reconciliation_id", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": ERROR_CODES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "fields": TRANSACTION_FIELDS,
    "variants": [
        {"name": "error", "match": {"type": "error", "code": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["code"], "amount": [], "currency": []}, "reason_map": API_ERROR_CODES},
        {"name": "event.not_a_payment", "match": {"type": "event", "name": {"prefix": NON_PAYMENT_EVENT_PREFIXES}},
         "not_a_payment": "buyer, payment-method, payout, gift-card, payment-link, report, shipping-details, "
                          "api-key and monitoring events are not payments"},
        {"name": "event.other_target", "match": {"type": "event", "target.type": {"in": NON_PAYMENT_TARGETS}},
         "not_a_payment": "the event's target is not a transaction, capture or refund"},
        *_resource_variants("target.", "target"),
        *_resource_variants("", None),
    ],
}
