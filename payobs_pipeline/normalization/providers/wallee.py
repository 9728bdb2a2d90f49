"""wallee (and PostFinance Checkout, the same platform white-labelled by PostFinance): the Transaction,
TransactionCompletion and Refund entities of the web service API, the webhook notice that names a changed entity,
and the API's client / server error bodies.

Sources (the platform's generated SDK models, one per entity, e.g. the PostFinance Checkout TypeScript models in
ArminWindlin/postfinance-typescript-sdx src/models/, which mirror app-wallee.com/en-us/doc/api/web-service):
- Transaction {id, state, authorizationAmount, completedAmount, refundedAmount (decimal amounts), currency,
  merchantReference, failureReason {category, name, description}, userFailureMessage, authorizedOn, completedOn,
  failedOn, createdOn, billingAddress {country}, paymentConnectorConfiguration {paymentMethodConfiguration {name}},
  linkedSpaceId, spaceViewId, version}; TransactionState: CREATE, PENDING, CONFIRMED, PROCESSING, FAILED,
  AUTHORIZED, VOIDED, COMPLETED, FULFILL, DECLINE.
- FailureReason.category (FailureCategory): TEMPORARY_ISSUE, INTERNAL, END_USER, CONFIGURATION, DEVELOPER.
- TransactionCompletion (a capture; a TransactionAwareEntity naming its linkedTransaction) {id, amount, state,
  lastCompletion, lineItemVersion, mode, processorReference, failureReason, succeededOn, failedOn}; its states CREATE,
  SCHEDULED, PENDING, FAILED, SUCCESSFUL.
- Refund {id, amount, state, type, externalId, transaction {id, currency, merchantReference}, failureReason,
  succeededOn, failedOn}; RefundState: CREATE, SCHEDULED, PENDING, MANUAL_CHECK, FAILED, SUCCESSFUL; RefundType:
  MERCHANT_INITIATED_ONLINE, MERCHANT_INITIATED_OFFLINE, CUSTOMER_INITIATED_AUTOMATIC, CUSTOMER_INITIATED_MANUAL.
- Webhook notice {eventId, entityId, listenerEntityId, listenerEntityTechnicalName (Transaction, Refund,
  TransactionCompletion, ...), spaceId, webhookListenerId, timestamp} and, in current versions, the entity's new
  ``state``: the listener reads the entity by its id ("processWebhook ... getTransaction(entityId)").
- Errors: ClientError {id, date, message, defaultMessage, type: END_USER_ERROR | CONFIGURATION_ERROR |
  DEVELOPER_ERROR} (HTTP 442) and ServerError {id, date, message} (HTTP 542).

Readings: AUTHORIZED, COMPLETED and FULFILL (completed and cleared for delivery) are approvals; CREATE, PENDING,
CONFIRMED and PROCESSING a payment under way; VOIDED is CANCELLED; FAILED is DECLINED when the failure's category
is END_USER (the buyer's card or account) and an ERROR for the platform's or integration's categories
(TEMPORARY_ISSUE, INTERNAL -> PROCESSING_ERROR; CONFIGURATION -> CONFIGURATION_ERROR; DEVELOPER -> INVALID_REQUEST);
DECLINE (the delivery decision refused the completed transaction, wallee's fraud check) is DECLINED as
RISK_REJECTED. A refund SUCCESSFUL is REFUNDED, FAILED DECLINED, the other states PENDING; a completion SUCCESSFUL
is an APPROVED capture. A webhook notice without a state carries no outcome (NOTIFICATION_WITHOUT_OUTCOME).

Lifecycle identity: the transaction id is the attempt, the merchantReference the payment; a completion's and a
refund's own id are the capture and refund, their linkedTransaction / transaction.id the attempt.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

TRANSACTION_STATES = {
    "CREATE": "PENDING", "PENDING": "PENDING", "CONFIRMED": "PENDING", "PROCESSING": "PENDING",
    "FAILED": "DECLINED", "AUTHORIZED": "APPROVED", "VOIDED": "CANCELLED", "COMPLETED": "APPROVED",
    "FULFILL": "APPROVED", "DECLINE": "DECLINED",
}

REFUND_STATES = {
    "CREATE": "PENDING", "SCHEDULED": "PENDING", "PENDING": "PENDING", "MANUAL_CHECK": "PENDING",
    "FAILED": "DECLINED", "SUCCESSFUL": "REFUNDED",
}

COMPLETION_STATES = {
    "CREATE": "PENDING", "SCHEDULED": "PENDING", "PENDING": "PENDING", "FAILED": "DECLINED", "SUCCESSFUL": "APPROVED",
}

# FailureReason.category; the delivery decision DECLINE; the API's client error types.
REASONS = {
    "END_USER": {"reason": "GENERIC_DECLINE", "source": "CUSTOMER"},
    "TEMPORARY_ISSUE": "PROCESSING_ERROR",
    "INTERNAL": "PROCESSING_ERROR",
    "CONFIGURATION": "CONFIGURATION_ERROR",
    "DEVELOPER": "INVALID_REQUEST",
    "DECLINE": "RISK_REJECTED",
    "END_USER_ERROR": "INVALID_REQUEST",
    "CONFIGURATION_ERROR": "CONFIGURATION_ERROR",
    "DEVELOPER_ERROR": "INVALID_REQUEST",
}

TECHNICAL_CATEGORIES = ["TEMPORARY_ISSUE", "INTERNAL", "CONFIGURATION", "DEVELOPER"]

# paymentMethodConfiguration.name as the platform names its payment methods.
PAYMENT_METHODS = {
    "credit / debit card": "CARD", "credit card": "CARD", "card": "CARD", "visa": "CARD", "mastercard": "CARD",
    "american express": "CARD", "postfinance card": "WALLET", "twint": "WALLET", "paypal": "WALLET",
    "apple pay": "WALLET", "google pay": "WALLET", "postfinance e-finance": "BANK_TRANSFER", "sofort": "BANK_TRANSFER",
    "ideal": "BANK_TRANSFER", "direct debit (sepa)": "DIRECT_DEBIT", "sepa direct debit": "DIRECT_DEBIT",
    "invoice": "BNPL", "powerpay": "BNPL", "klarna": "BNPL",
}

REFUND_TYPES = ["MERCHANT_INITIATED_ONLINE", "MERCHANT_INITIATED_OFFLINE", "CUSTOMER_INITIATED_AUTOMATIC",
                "CUSTOMER_INITIATED_MANUAL"]


def prepare(body: Any) -> Any:
    """A webhook notice that names the changed entity but not its state carries no outcome: the listener reads it."""
    if isinstance(body, dict) and "listenerEntityTechnicalName" in body and "entityId" in body \
            and not body.get("state"):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"wallee: {body.get('listenerEntityTechnicalName')} {body.get('entityId')} changed; "
                              "its state is read from the API")
    return body


SPEC = {
    "provider": "wallee",
    "aliases": ["wallee", "wallee ag", "postfinance checkout", "postfinancecheckout", "postfinance checkout flex",
                "wallee payment", "whitelabel machine"],
    "detect": [
        {"path": "listenerEntityTechnicalName", "exists": True, "weight": 0.5},
        {"path": "webhookListenerId", "exists": True, "weight": 0.3},
        {"path": "spaceId", "exists": True, "weight": 0.1},
        {"path": "linkedSpaceId", "exists": True, "weight": 0.3},
        {"path": "spaceViewId", "exists": True, "weight": 0.1},
        {"path": "authorizationAmount", "exists": True, "weight": 0.2},
        {"path": "state", "in": list(TRANSACTION_STATES) + list(REFUND_STATES), "weight": 0.1},
        {"path": "linkedTransaction", "exists": True, "weight": 0.2},
        {"path": "lineItemVersion", "exists": True, "weight": 0.1},
        {"path": "type", "in": REFUND_TYPES, "weight": 0.3},
        {"path": "transaction.linkedSpaceId", "exists": True, "weight": 0.2},
        {"path": "type", "in": ["END_USER_ERROR", "CONFIGURATION_ERROR", "DEVELOPER_ERROR"], "weight": 0.2},
        {"path": "defaultMessage", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": TRANSACTION_STATES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "client_error",
            "match": {"type": {"in": ["END_USER_ERROR", "CONFIGURATION_ERROR", "DEVELOPER_ERROR"]},
                      "message": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["type"], "event_time": ["date"]},
        },
        {
            "name": "webhook_refund",
            "match": {"listenerEntityTechnicalName": "Refund", "state": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["entityId"], "status": ["state"], "event_time": ["timestamp"],
                       "refund_id": ["entityId"]},
            "status_map": REFUND_STATES,
        },
        {
            "name": "webhook_completion",
            "match": {"listenerEntityTechnicalName": "TransactionCompletion", "state": {"exists": True}},
            "event_kind": "CAPTURE",
            "fields": {"provider_transaction_id": ["entityId"], "status": ["state"], "event_time": ["timestamp"]},
            "status_map": COMPLETION_STATES,
        },
        {
            "name": "webhook_transaction",
            "match": {"listenerEntityTechnicalName": "Transaction", "state": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["entityId"], "status": ["state"], "reason_code": ["state"],
                       "event_time": ["timestamp"], "attempt_id": ["entityId"]},
        },
        {
            "name": "refund",
            "match": {"type": {"in": REFUND_TYPES}, "state": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "status": ["state"],
                       "reason_code": ["failureReason.category"], "amount": ["amount"],
                       "currency": ["transaction.currency", "currency"],
                       "event_time": ["succeededOn", "failedOn", "createdOn"], "refund_id": ["id"],
                       "attempt_id": ["transaction.id"], "payment_id": ["transaction.merchantReference"]},
            "status_map": REFUND_STATES,
        },
        {
            "name": "completion",
            "match": {"linkedTransaction": {"exists": True}, "state": {"exists": True},
                      "lineItemVersion": {"exists": True}},
            "event_kind": "CAPTURE",
            # A completion names its amount but not its currency (the transaction's): the amount is left out
            # rather than read in an unknown unit.
            "fields": {"provider_transaction_id": ["id"], "status": ["state"],
                       "reason_code": ["failureReason.category"],
                       "event_time": ["succeededOn", "failedOn", "createdOn"], "attempt_id": ["linkedTransaction"]},
            "status_map": COMPLETION_STATES,
            "rules": [{"when": {"state": "FAILED", "failureReason.category": {"in": TECHNICAL_CATEGORIES}},
                       "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "transaction",
            "match": {"state": {"in": list(TRANSACTION_STATES)}, "id": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["id"], "status": ["state"],
                       "reason_code": ["failureReason.category", "state"],
                       "amount": ["authorizationAmount", "completedAmount"], "currency": ["currency"],
                       "event_time": ["failedOn", "completedOn", "authorizedOn", "createdOn"],
                       "payment_method": ["paymentConnectorConfiguration.paymentMethodConfiguration.name"],
                       "customer_country": ["billingAddress.country"],
                       "attempt_id": ["id"], "payment_id": ["merchantReference"]},
            "rules": [{"when": {"state": "FAILED", "failureReason.category": {"in": TECHNICAL_CATEGORIES}},
                       "set": {"status_category": "ERROR"}}],
        },
    ],
}
