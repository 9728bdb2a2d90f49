"""Recurly: the API v3 Transaction (JSON), the API v3 error body (with its transaction_error), the JSON webhooks,
the legacy XML push notifications (successful_payment_notification, failed_payment_notification ...), and the
API v2 XML transaction error answer.

Sources:
- "API transaction errors" (docs.recurly.com/recurly-subscriptions/docs/api-transaction-errors; recurly/recurly-docs,
  the same page in markdown): every transaction error code by category (Approved, Soft, Configuration, Hard, Fraud,
  Communication, ThreeDSecureRequired, ThreeDSecureActionRequired, Amazon, Unknown, ApiError, Duplicate, Skles) with
  its customer and merchant messages, and the XML (API v2 ``<errors><transaction_error>``) and JSON (API v3
  ``{"error": {"type": "transaction", "transaction_error": {category, code, message, merchant_advice ...}}}``)
  examples. Every code there is mapped in REASONS; the Soft and Hard sections give the decline type.
- API v3 Transaction (Recurly's OpenAPI-generated clients: recurly/recurly-client-ruby
  lib/recurly/resources/transaction.rb, recurly-client-python recurly/resources.py, recurly-client-go
  transaction.go): id, uuid, type (authorization, capture, purchase, refund, verify), origin, currency, amount
  ("Total transaction amount", major units, a float), status (pending, scheduled, processing, success, void,
  declined, error, chargeback), status_code (the transaction error code), status_message, success, refunded,
  original_transaction_id ("if this transaction is a refund, the ID of the original transaction"), account,
  invoice, payment_method {object, card_type}, created_at, collected_at. The enum is the client's, not a docs page.
- API v3 errors (the clients' generated error classes, recurly-client-node lib/recurly/errors.js,
  recurly-client-python recurly/errors.py): error.type bad_request, internal_server_error,
  immutable_subscription, invalid_api_key, invalid_api_version, invalid_content_type, invalid_permissions,
  invalid_token, not_found, simultaneous_request, transaction, unauthorized, unavailable_in_api_version,
  unknown_api_version, validation, missing_feature, rate_limited (SDK source).
- "Payment notifications" (docs.recurly.com/recurly-subscriptions/docs/payment-notifications): the legacy payment
  webhooks scheduled, processing, succeeded, failed, refunded, voided, fraud info updated, transaction status
  updated, authorized; JSON payloads {id, object_type "payment", site_id, event_type, event_time, uuid} carry
  "only metadata" (no amount); XML payloads embed the full <transaction> (id, invoice_id, subscription_id,
  action, amount_in_cents, status, message ...). The XML root names, and the non-payment notification names
  (account, subscription, invoice, credit payment, dunning), as listed by an SDK's webhook parser
  (freckle/recurly-client, Haskell, the notification table) and the XML examples in SDK tests
  (killbilling/recurly-java-library; RiskioFr/recurly-notification-module).

Amounts: API v3 ``amount`` is in major units; XML ``amount_in_cents`` in minor units. A legacy XML notification
without a <currency> element gives no amount (it is read only where the currency is stated), never a guess.
Statuses: a refund transaction (type refund / successful_refund_notification) that succeeded is REFUNDED; void is
a VOID; chargeback is a DISPUTE; ``error`` is an ERROR. A v3 error of type transaction is the card's decline
(DECLINED with the transaction error's reason), ERROR where its category is communication or configuration.

Lifecycle identity: the transaction id (v3 ``id``, XML ``transaction.id``/``uuid``) is the attempt (a v3 refund's
``original_transaction_id``); the invoice (v3 ``invoice.id``, XML ``invoice_id``) the payment; a refund
transaction's own id is the refund.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {
    "success": "APPROVED",
    "pending": "PENDING",
    "scheduled": "PENDING",  # an asynchronous payment (ACH, SEPA) initiated
    "processing": "PENDING",
    "declined": "DECLINED",
    "error": "ERROR",
    "void": "CANCELLED",
    "chargeback": "CHARGEBACK",
}

# JSON webhook event_type of object_type "payment" (Payment notifications).
PAYMENT_EVENTS = {
    "succeeded": "APPROVED",
    "failed": "DECLINED",
    "scheduled": "PENDING",
    "processing": "PENDING",
    "refunded": "REFUNDED",
    "voided": "CANCELLED",
    "transaction_authorized": "APPROVED",
}

# Transaction error codes ("API transaction errors"), section by section.
_SOFT = {
    "declined": "GENERIC_DECLINE",
    "declined_saveable": "GENERIC_DECLINE",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "temporary_hold": "GENERIC_DECLINE",  # "known as a 'Do Not Honor' response"
    "try_again": "GENERIC_DECLINE",
    "too_many_attempts": "LIMIT_EXCEEDED",
    "simultaneous": "DUPLICATE",  # a simultaneous transaction already in progress
    "partial_approval": "INSUFFICIENT_FUNDS",
    "call_issuer": "GENERIC_DECLINE",
    "call_issuer_update_cardholder_data": "GENERIC_DECLINE",
    "processor_not_available": "ISSUER_UNAVAILABLE",
    "cancelled": "UNKNOWN",  # cancelled at the customer's request: CANCELLED (CUSTOMER_CANCELLED_CODES)
    "paypal_primary_declined": "GENERIC_DECLINE",
    "paypal_declined_use_alternate": "GENERIC_DECLINE",
    "unmapped_partner_error": "GENERIC_DECLINE",
    "declined_security_code": "INCORRECT_CVC",
    "roku_zip_code_mismatch": "INVALID_CARD_DATA",
    "roku_invalid_card_number": "INVALID_CARD_DATA",
    "exceeds_daily_limit": "LIMIT_EXCEEDED",
    "exceeds_max_amount": "LIMIT_EXCEEDED",
    "issuer_unavailable": "ISSUER_UNAVAILABLE",
    "payer_authentication_rejected": "AUTHENTICATION_FAILED",
    "three_d_secure_connection_error": "AUTHENTICATION_FAILED",
    "ach_return": "GENERIC_DECLINE",
    "ach_cancel": "UNKNOWN",  # the merchant cancelled the transaction: CANCELLED
    "ach_chargeback": "REVOKED",  # cancelled by the consumer
    "ach_credit_return": "GENERIC_DECLINE",
    "ach_validation_exception": "INVALID_REQUEST",
    "ach_exception": "PROCESSING_ERROR",
    "no_gateway_found_for_transaction_amount": "CONFIGURATION_ERROR",
    "merch_max_transaction_limit_exceeded": "CONFIGURATION_ERROR",
    "batch_processing_error": "PROCESSING_ERROR",
    "transaction_stale_at_gateway": "PROCESSING_ERROR",
    "invalid_payment_method": "GENERIC_DECLINE",
    "amazon_declined_review": "GENERIC_DECLINE",
    "billing_agreement_replaced": "GENERIC_DECLINE",
}
_HARD = {
    "paypal_cannot_pay_self": "TRANSACTION_NOT_PERMITTED",
    "billing_agreement_not_accepted": "AUTHENTICATION_FAILED",  # the customer did not accept the agreement
    "billing_agreement_already_accepted": "INVALID_REQUEST",
    "roku_invalid_cib": "REVOKED",  # the billing agreement is no longer valid, may have been cancelled
    "recurring_mandate_cancelled": "REVOKED",
    "declined_exception": "INVALID_REQUEST",
    "declined_missing_data": "INVALID_REQUEST",
    "invalid_data": "INVALID_REQUEST",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_email": "INVALID_REQUEST",
    "declined_card_number": "INVALID_CARD_DATA",
    "invalid_card_number": "INVALID_CARD_DATA",
    "invalid_account_number": "INVALID_CARD_DATA",
    "gateway_token_not_found": "INVALID_CARD_DATA",
    "expired_card": "EXPIRED_CARD",
    "declined_expiration_date": "INVALID_CARD_DATA",
    "invalid_merchant_type": "TRANSACTION_NOT_PERMITTED",
    "invalid_transaction": "TRANSACTION_NOT_PERMITTED",
    "invalid_issuer": "INVALID_CARD_DATA",
    "card_type_not_accepted": "TRANSACTION_NOT_PERMITTED",
    "payment_not_accepted": "TRANSACTION_NOT_PERMITTED",
    "restricted_card": "RESTRICTED_CARD",
    "restricted_card_chargeback": "RESTRICTED_CARD",
    "card_not_activated": "RESTRICTED_CARD",
    "deposit_referenced_chargeback": "TRANSACTION_NOT_PERMITTED",
    "customer_canceled_transaction": "REVOKED",  # the cardholder stopped this payment
    "cardholder_requested_stop": "REVOKED",
    "roku_invalid_payment_method": "GENERIC_DECLINE",
    "rjs_token_expired": "INVALID_REQUEST",
    "card_blocked": "REVOKED",  # the cardholder asked that this merchant's charges be refused
    "lifecycle_decline": "INVALID_CARD_DATA",  # re-enter billing information
    "no_billing_information": "INVALID_REQUEST",
    "paypal_invalid_billing_agreement": "REVOKED",
    "paypal_hard_decline": "GENERIC_DECLINE",
    "paypal_account_issue": "RESTRICTED_CARD",
    "paypal_expired_reference_id": "INVALID_REQUEST",
    "contract_not_found": "INVALID_REQUEST",
    "gateway_validation_exception": "INVALID_REQUEST",
    "invalid_name": "INVALID_REQUEST",
    "direct_debit_type_not_accepted": "TRANSACTION_NOT_PERMITTED",
    "three_d_secure_action_result_token_mismatch": "AUTHENTICATION_FAILED",
    "transaction_not_found": "INVALID_REQUEST",
    "transaction_settled": "INVALID_REQUEST",
    "transaction_already_voided": "INVALID_REQUEST",
    "transaction_failed_to_settle": "PROCESSING_ERROR",
    "payment_cannot_void_authorization": "PROCESSING_ERROR",
    "partial_credits_not_supported": "TRANSACTION_NOT_PERMITTED",
    "cannot_refund_unsettled_transactions": "INVALID_REQUEST",
    "transaction_cannot_be_refunded": "TRANSACTION_NOT_PERMITTED",
    "transaction_cannot_be_voided": "INVALID_REQUEST",
    "total_credit_exceeds_capture": "INVALID_REQUEST",
    "transaction_already_refunded": "INVALID_REQUEST",
    "authorization_expired": "INVALID_REQUEST",
    "authorization_already_captured": "INVALID_REQUEST",
    "authorization_amount_depleted": "INVALID_REQUEST",
    "transaction_cannot_be_authorized": "TRANSACTION_NOT_PERMITTED",
    "transaction_cannot_be_refunded_currently": "PROCESSING_ERROR",
    "invalid_billing_agreement_status": "REVOKED",
    "billing_agreement_not_found": "REVOKED",
    "invalid_payment_method_hard": "GENERIC_DECLINE",
}
_OTHER = {
    # Configuration
    **{code: "CONFIGURATION_ERROR" for code in (
        "reference_transactions_not_enabled", "invalid_gateway_configuration", "invalid_login", "cvv_required",
        "ssl_error", "no_gateway", "gateway_account_setup_incomplete", "ach_transactions_not_supported",
        "three_d_secure_not_supported", "three_d_secure_credential_error", "invalid_gateway_access_token",
        "contact_gateway")},
    "currency_not_supported": "TRANSACTION_NOT_PERMITTED",
    "zero_dollar_auth_not_supported": "TRANSACTION_NOT_PERMITTED",
    # Fraud
    "fraud_address": "RISK_REJECTED",  # AVS mismatch declined by the gateway's filters
    "fraud_security_code": "INCORRECT_CVC",
    "fraud_stolen_card": "LOST_OR_STOLEN_CARD",
    "fraud_ip_address": "RISK_REJECTED",
    "fraud_gateway": "RISK_REJECTED",
    "fraud_too_many_attempts": "LIMIT_EXCEEDED",
    "fraud_advanced_verification": "RISK_REJECTED",
    "fraud_velocity": "RISK_REJECTED",
    "fraud_generic": "SUSPECTED_FRAUD",
    "fraud_address_recurly": "RISK_REJECTED",
    "fraud_risk_check": "RISK_REJECTED",
    "fraud_manual_decision": "RISK_REJECTED",
    # Communication
    "gateway_unavailable": "PROCESSING_ERROR",
    "processor_unavailable": "ISSUER_UNAVAILABLE",
    "gateway_timeout": "TIMEOUT",
    "gateway_error": "PROCESSING_ERROR",
    "too_busy": "PROCESSING_ERROR",
    "gateway_rate_limited": "PROCESSING_ERROR",
    "moneybot_unavailable": "PROCESSING_ERROR",
    "moneybot_disconnect": "PROCESSING_ERROR",
    "transaction_service_v2_unavailable": "PROCESSING_ERROR",
    "transaction_service_v2_disconnect": "PROCESSING_ERROR",
    # 3-D Secure
    "three_d_secure_authentication": "AUTHENTICATION_REQUIRED",
    "three_d_secure_action_required": "AUTHENTICATION_REQUIRED",
    # Amazon
    **{code: "INVALID_REQUEST" for code in (
        "amazon_invalid_authorization_status", "amazon_invalid_close_attempt", "amazon_invalid_order_status",
        "amazon_invalid_create_order_reference", "amazon_order_not_modifiable", "amazon_amount_exceeded",
        "amazon_transaction_count_exceeded")},
    "amazon_not_authorized": "REVOKED",  # the billing agreement has authorization issues
    # Unknown, ApiError, Duplicate, Skles
    "recurly_error": "PROCESSING_ERROR",
    "unknown": "UNKNOWN",
    "api_error": "PROCESSING_ERROR",
    "duplicate_transaction": "DUPLICATE",
    **{code: "PROCESSING_ERROR" for code in (
        "vaultly_service_unavailable", "recurly_failed_to_get_token", "recurly_token_not_found",
        "recurly_credentials_not_found", "recurly_token_mismatch")},
}

# API v3 error.type (SDK source, see the docstring); "transaction" is read through its transaction_error.
ERROR_TYPES = {
    "bad_request": "INVALID_REQUEST", "validation": "INVALID_REQUEST", "not_found": "INVALID_REQUEST",
    "immutable_subscription": "INVALID_REQUEST", "invalid_api_version": "INVALID_REQUEST",
    "invalid_content_type": "INVALID_REQUEST", "invalid_token": "INVALID_REQUEST",
    "unavailable_in_api_version": "INVALID_REQUEST", "unknown_api_version": "INVALID_REQUEST",
    "invalid_api_key": "CONFIGURATION_ERROR", "invalid_permissions": "CONFIGURATION_ERROR",
    "unauthorized": "CONFIGURATION_ERROR", "missing_feature": "CONFIGURATION_ERROR",
    "internal_server_error": "PROCESSING_ERROR", "rate_limited": "PROCESSING_ERROR",
    "simultaneous_request": "PROCESSING_ERROR",  # another request on the same resource is in progress: retry
}

REASONS = {
    **{code: {"reason": reason, "decline_type": "SOFT"} for code, reason in _SOFT.items()},
    **{code: {"reason": reason, "decline_type": "HARD"} for code, reason in _HARD.items()},
    **_OTHER,
    **ERROR_TYPES,
}
APPROVED_CODES = ["approved", "approved_fraud_review"]
# A payment cancelled at the customer's or merchant's request, not a decline.
CANCELLED_CODES = ["cancelled", "ach_cancel"]
ERROR_CATEGORIES = ["communication", "configuration"]

PAYMENT_METHODS = {
    "credit_card": "CARD", "amazon": "WALLET", "amazon_billing_agreement": "WALLET", "paypal": "WALLET",
    "paypal_billing_agreement": "WALLET", "apple_pay": "WALLET", "google_pay": "WALLET", "venmo": "WALLET",
    "roku": "WALLET", "bank_account_info": "DIRECT_DEBIT", "iban_bank_account": "DIRECT_DEBIT",
    "sepadirectdebit": "DIRECT_DEBIT", "bacs": "DIRECT_DEBIT", "becs": "DIRECT_DEBIT", "ach": "DIRECT_DEBIT",
    "wire_transfer": "BANK_TRANSFER", "money_order": "OTHER", "check": "OTHER", "cash": "OTHER", "other": "OTHER",
    "eft": "BANK_TRANSFER", "boleto": "BOLETO", "pix": "PIX",
}

# Legacy XML push notifications (root element names).
XML_PAYMENT_NOTIFICATIONS = {
    "successful_payment_notification": None,  # status from the transaction (success)
    "failed_payment_notification": None,  # declined
    "scheduled_payment_notification": None,
    "processing_payment_notification": None,
    "transaction_authorized_notification": None,
    "transaction_status_updated_notification": None,
    "fraud_info_updated_notification": None,
    "successful_refund_notification": "REFUND",
    "void_payment_notification": "VOID",
}
XML_OTHER_NOTIFICATIONS = [
    "new_account_notification", "updated_account_notification", "canceled_account_notification",
    "billing_info_updated_notification", "billing_info_update_failed_notification", "reactivated_account_notification",
    "new_subscription_notification", "updated_subscription_notification", "scheduled_subscription_update_notification",
    "canceled_subscription_notification", "expired_subscription_notification", "renewed_subscription_notification",
    "subscription_paused_notification", "subscription_resumed_notification",
    "scheduled_subscription_pause_notification", "subscription_pause_modified_notification",
    "paused_subscription_renewal_notification", "subscription_pause_canceled_notification",
    "new_charge_invoice_notification", "processing_charge_invoice_notification",
    "past_due_charge_invoice_notification", "paid_charge_invoice_notification", "failed_charge_invoice_notification",
    "reopened_charge_invoice_notification", "updated_charge_invoice_notification", "new_credit_invoice_notification",
    "processing_credit_invoice_notification", "closed_credit_invoice_notification",
    "voided_credit_invoice_notification", "reopened_credit_invoice_notification", "open_credit_invoice_notification",
    "updated_credit_invoice_notification", "new_invoice_notification", "processing_invoice_notification",
    "closed_invoice_notification", "past_due_invoice_notification", "new_credit_payment_notification",
    "voided_credit_payment_notification", "new_dunning_event_notification",
]

TRANSACTION_TYPES = ["authorization", "capture", "purchase", "refund", "verify", "payment"]
TRANSACTION_ORIGINS = ["api", "chargeback", "external_recovery", "force_collect", "hpp", "merchant",
                       "recurly_admin", "recurlyjs", "recurring", "refunded_externally", "transparent"]

_CUSTOMER_CANCELLED = {"status_category": "CANCELLED"}

_V3_FIELDS = {
    "provider_transaction_id": ["id", "uuid"],
    "status": ["status"],
    "reason_code": ["status_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["collected_at", "updated_at", "created_at"],
    "payment_method": ["payment_method.object"],
    "card_brand": ["payment_method.card_type"],
    "customer_country": ["billing_address.country"],
    "attempt_id": ["original_transaction_id", "id"],
    "payment_id": ["invoice.id"],
    "refund_id": ["id"],
}


def _xml_fields(with_amount: bool) -> dict:
    return {
        "provider_transaction_id": ["id", "uuid"],
        "status": ["status"],
        "reason_code": ["transaction_error.error_code"],
        "amount": ["amount_in_cents"] if with_amount else ["_payobs_no_currency"],
        "currency": ["currency"],
        "event_time": ["date", "created_at"],
        "payment_method": ["payment_method"],
        "attempt_id": ["id", "uuid"],
        "payment_id": ["invoice_id"],
        "refund_id": ["_payobs_refund_id"],
    }


def _xml_payment_variants() -> list[dict]:
    variants = []
    for name, kind in XML_PAYMENT_NOTIFICATIONS.items():
        root = f"{name}.transaction"
        for with_amount in (True, False):
            variant = {"name": f"{name}{'' if with_amount else '.no_currency'}", "root": root,
                       "match": {root: {"exists": True},
                                 f"{root}.currency": {"exists": with_amount}},
                       "amount_unit": "minor", "fields": _xml_fields(with_amount),
                       "rules": [{"when": {"transaction_error.error_code": {"in": CANCELLED_CODES}},
                                  "set": _CUSTOMER_CANCELLED}]}
            if kind == "REFUND":
                variant["fields"] = {**variant["fields"], "refund_id": ["id", "uuid"]}
                variant["rules"] = [{"when": {"status": "success"}, "set": {"status_category": "REFUNDED"}}]
                variant["event_kind"] = "REFUND"
            elif kind == "VOID":
                variant["event_kind"] = "VOID"
            variants.append(variant)
    return variants


def prepare(body: Any) -> Any:
    """Refuse the JSON payment webhooks that name no outcome (their transaction is read through the API)."""
    if (isinstance(body, dict) and body.get("object_type") == "payment" and "site_id" in body
            and body.get("event_type") in ("fraud_info_updated", "transaction_status_updated")):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"recurly: payment {body.get('event_type')} webhook for {body.get('uuid')} has no status")
    return body


SPEC = {
    "provider": "recurly",
    "aliases": ["recurly", "recurly.com", "recurly subscriptions", "recurly billing", "recurly v3", "recurly v2"],
    "detect": [
        # API v3 transaction
        {"path": "status_code", "in": [*REASONS, *APPROVED_CODES], "weight": 0.3},
        {"path": "origin", "in": TRANSACTION_ORIGINS, "weight": 0.2},
        {"path": "collection_method", "in": ["automatic", "manual"], "weight": 0.15},
        {"path": "original_transaction_id", "exists": True, "weight": 0.1},
        {"path": "gateway_approval_code", "exists": True, "weight": 0.05},
        {"path": "object", "in": ["transaction"], "weight": 0.1},
        {"path": "subscription_ids", "exists": True, "weight": 0.1},
        # API v3 error
        {"path": "error.transaction_error.object", "in": ["transaction_error"], "weight": 0.6},
        {"path": "error.type", "in": [*ERROR_TYPES, "transaction"], "weight": 0.25},
        {"path": "error.params", "exists": True, "weight": 0.25},
        # JSON webhooks
        {"path": "object_type", "exists": True, "weight": 0.3},
        {"path": "site_id", "exists": True, "weight": 0.3},
        # XML notifications and the v2 error answer
        *({"path": name, "exists": True, "weight": 0.9} for name in XML_PAYMENT_NOTIFICATIONS),
        *({"path": name, "exists": True, "weight": 0.9} for name in XML_OTHER_NOTIFICATIONS),
        {"path": "errors.transaction_error.error_code", "exists": True, "weight": 0.8},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _V3_FIELDS,
    "variants": [
        {
            "name": "v3.error.transaction",
            "match": {"error.type": "transaction"},
            "root": "error",
            "status": "DECLINED",
            "fields": {"provider_transaction_id": ["transaction_error.transaction_id"],
                       "attempt_id": ["transaction_error.transaction_id"],
                       "reason_code": ["transaction_error.code", "transaction_error.decline_code"]},
            "rules": [{"when": {"transaction_error.category": ERROR_CATEGORIES}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "v3.error",
            "match": {"error.type": {"exists": True}, "error.message": {"exists": True}},
            "root": "error",
            "status": "ERROR",
            "fields": {"reason_code": ["type"]},
        },
        {
            "name": "v2.error.transaction",
            "match": {"errors.transaction_error.error_code": {"exists": True}, "errors.transaction": {"exists": True}},
            "root": "errors.transaction",
            "amount_unit": "minor",
            "fields": {**_xml_fields(True), "reason_code": ["^errors.transaction_error.error_code",
                                                            "transaction_error.error_code"]},
        },
        {
            "name": "webhook.payment",
            "match": {"object_type": "payment", "site_id": {"exists": True}},
            "status_map": PAYMENT_EVENTS,
            "fields": {"provider_transaction_id": ["uuid"], "status": ["event_type"], "event_time": ["event_time"],
                       "attempt_id": ["uuid"], "reason_code": [], "refund_id": []},
            "rules": [{"when": {"event_type": "refunded"}, "set": {"event_kind": "REFUND"}},
                      {"when": {"event_type": "voided"}, "set": {"event_kind": "VOID"}}],
        },
        {
            "name": "webhook.not_a_payment",
            "match": {"object_type": {"exists": True}, "site_id": {"exists": True}},
            "not_a_payment": "a Recurly account, subscription, invoice, credit payment or dunning webhook",
        },
        *_xml_payment_variants(),
        *({"name": name, "match": {name: {"exists": True}},
           "not_a_payment": "a Recurly account, subscription, invoice, credit payment or dunning notification"}
          for name in XML_OTHER_NOTIFICATIONS),
        {
            "name": "v3.transaction",
            "match": {"id": {"exists": True}, "status": {"in": list(STATUSES)}, "type": {"in": TRANSACTION_TYPES}},
            "rules": [
                {"when": {"type": "refund", "status": "success"},
                 "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
                {"when": {"type": "refund", "status": {"not_in": ["success"]}}, "set": {"event_kind": "REFUND"}},
                {"when": {"type": "capture"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"status": "void"}, "set": {"event_kind": "VOID"}},
                {"when": {"status": "chargeback"}, "set": {"event_kind": "DISPUTE"}},
                {"when": {"status_code": {"in": CANCELLED_CODES}}, "set": _CUSTOMER_CANCELLED},
            ],
        },
    ],
}
