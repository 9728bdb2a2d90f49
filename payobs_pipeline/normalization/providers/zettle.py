"""PayPal Zettle (iZettle point of sale): the Purchase (Purchase API v2, and the PurchaseCreated webhook that posts
it), Pusher webhook events that are not payments, and Finance API account transactions (balance movements).

Sources:
- Purchase API reference (iZettle/api-documentation purchase.adoc; "Purchase API", purchase.izettle.com): a
  purchase "represents a receipt, it's immutable"; it is created when "a purchase is finalized" (so it is always
  a completed sale). Fields purchaseUUID / purchaseUUID1 (the id as UUID v1), amount (minor units: "Unit price of
  the item in minor currency units e.g. EUR 10 will be 1000", the examples' amount 5000 SEK for 50 SEK), currency,
  country, timestamp, organizationId, payments [{uuid, amount, type, attributes {cardType, referenceNumber,
  authorizationCode ...}}], refund (true on a refund purchase, whose amount and payments are negative),
  refundsPurchaseUUID1 (the purchase it refunds), refunded / refundedByPurchaseUUIDs1. Payment types: IZETTLE_CARD,
  IZETTLE_CARD_ONLINE, IZETTLE_CASH, IZETTLE_INVOICE, SWISH, VIPPS, MOBILE_PAY, PAYPAL, STORE_CREDIT, GIFTCARD,
  KLARNA ("more payment types could be added").
  Purchase API v2 notes (purchase_v2.adoc): v2 lists every payment under ``payments`` only.
- Pusher API reference (iZettle/api-documentation pusher-api/api-reference.md, "Supported events") and its event
  payload guide (pusher-api/user-guides/event-subscriptions.md): the POST {organizationUuid, messageUuid,
  eventName, messageId, payload, timestamp} where payload is the other API's response body, sent as a JSON
  *string*. Events: PurchaseCreated (the Purchase), InvoiceCreated, OrganizationUpdated, CardPaymentAuthorized,
  ProductCreated/Updated/Deleted, InventoryBalanceChanged, InventoryTrackingStarted/Stopped,
  ApplicationConnectionRemoved, PersonalAssertionDeleted (and CardPaymentInvalid, PaymentCanceled,
  PaymentCreated, PaymentInitiated in the guide's table).
- Finance API account transactions (iZettle/api-documentation finance-api/overview.md; the schema as
  api-evangelist/zettle json-schema/zettle-transaction.json): {timestamp, amount (minor units, negative for
  refunds), originatorTransactionType, originatorTransactionUuid}: ledger movements of the merchant's Zettle
  account, kept as not_a_payment (a balance movement, not a payment outcome).

What is not mapped, and why: Zettle documents no declined or failed purchase (a purchase exists only once the
sale is finalized), and no decline-reason codes; the payloads of the Finance events CardPaymentAuthorized,
CardPaymentInvalid, PaymentCanceled, PaymentCreated, PaymentInitiated are defined in finance.adoc, which was not
findable in the stored documentation, so those events stay unmapped (NO_MATCHING_VARIANT) rather than guessed.
No Zettle API error body format was findable either: error answers are not mapped.

A refund purchase carries negative amounts; ``prepare`` reads its amount as the refunded sum (its absolute value).

Lifecycle identity: the purchase (purchaseUUID1) is the payment; its first payment's uuid the attempt (the id the
Finance API links transactions to); a refund purchase's purchaseUUID1 is the refund and refundsPurchaseUUID1 the
payment it refunds.
"""

from __future__ import annotations

import json
from typing import Any

STATUSES = {
    "SALE": "APPROVED",  # a finalized purchase (receipt)
    "REFUND": "REFUNDED",  # a purchase with refund: true
}

PAYMENT_TYPES = {
    "IZETTLE_CARD": "CARD", "IZETTLE_CARD_ONLINE": "CARD",
    "IZETTLE_CASH": "OTHER", "IZETTLE_INVOICE": "OTHER", "STORE_CREDIT": "OTHER", "GIFTCARD": "OTHER",
    "SWISH": "WALLET", "VIPPS": "WALLET", "MOBILE_PAY": "WALLET", "PAYPAL": "WALLET",
    "KLARNA": "BNPL",
}

PUSHER_EVENTS = ["PurchaseCreated", "InvoiceCreated", "OrganizationUpdated", "CardPaymentAuthorized",
                 "CardPaymentInvalid", "PaymentCanceled", "PaymentCreated", "PaymentInitiated", "ProductCreated",
                 "ProductUpdated", "ProductDeleted", "InventoryBalanceChanged", "InventoryTrackingStarted",
                 "InventoryTrackingStopped", "ApplicationConnectionRemoved", "PersonalAssertionDeleted",
                 "OrganizationFeatureUpdated"]
# Catalogue, inventory, account and invoice events: no payment outcome.
NOT_PAYMENT_EVENTS = ["InvoiceCreated", "OrganizationUpdated", "ProductCreated", "ProductUpdated", "ProductDeleted",
                      "InventoryBalanceChanged", "InventoryTrackingStarted", "InventoryTrackingStopped",
                      "ApplicationConnectionRemoved", "PersonalAssertionDeleted", "OrganizationFeatureUpdated"]

ORIGINATOR_TRANSACTION_TYPES = ["ADJUSTMENT", "ADVANCE", "ADVANCE_DOWNPAYMENT", "ADVANCE_FEE_DOWNPAYMENT", "CASHBACK",
                                "FAILED_PAYOUT", "FROZEN_FUNDS", "INVOICE_PAYMENT", "INVOICE_PAYMENT_FEE", "PAYMENT",
                                "PAYMENT_FEE", "PAYMENT_PAYOUT", "PAYOUT"]

_PURCHASE_FIELDS = {
    "provider_transaction_id": ["purchaseUUID1", "purchaseUUID"],
    "status": ["_payobs_zettle_kind"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["timestamp", "created"],
    "payment_method": ["payments.0.type"],
    "card_brand": ["payments.0.attributes.cardType"],
    "merchant_id": ["organizationId", "^organizationUuid"],
    "customer_country": ["country"],
    "attempt_id": ["payments.0.uuid"],
    "payment_id": ["purchaseUUID1", "purchaseUUID"],
}

_REFUND_FIELDS = {
    **_PURCHASE_FIELDS,
    "attempt_id": ["payments.0.references.refundsPayment"],
    "payment_id": ["refundsPurchaseUUID1", "refundsPurchaseUUID"],
    "refund_id": ["purchaseUUID1", "purchaseUUID"],
}


def _purchase_kind(purchase: dict) -> dict:
    """The purchase with its kind (SALE / REFUND) and a refund's amount as the refunded sum."""
    purchase = dict(purchase)
    is_refund = purchase.get("refund") is True or bool(purchase.get("refundsPurchaseUUID1"))
    purchase["_payobs_zettle_kind"] = "REFUND" if is_refund else "SALE"
    amount = purchase.get("amount")
    if is_refund and isinstance(amount, (int, float)) and not isinstance(amount, bool) and amount < 0:
        purchase["amount"] = -amount
    return purchase


def prepare(body: Any) -> Any:
    """Read a Pusher event's payload (a JSON string) as the object it encodes; mark a purchase sale or refund."""
    if not isinstance(body, dict):
        return body
    if "eventName" in body and isinstance(body.get("payload"), str):
        try:
            payload = json.loads(body["payload"])
        except ValueError:
            payload = None
        if isinstance(payload, dict):
            body = {**body, "payload": payload}
    if body.get("eventName") == "PurchaseCreated" and isinstance(body.get("payload"), dict):
        return {**body, "payload": _purchase_kind(body["payload"])}
    if "purchaseUUID1" in body or "purchaseUUID" in body:
        return _purchase_kind(body)
    return body


SPEC = {
    "provider": "zettle",
    "aliases": ["zettle", "izettle", "paypal zettle", "paypal pos", "zettle by paypal", "zettle.com", "izettle.com"],
    "detect": [
        {"path": "purchaseUUID1", "exists": True, "weight": 0.4},
        {"path": "purchaseUUID", "exists": True, "weight": 0.2},
        {"path": "globalPurchaseNumber", "exists": True, "weight": 0.1},
        {"path": "groupedVatAmounts", "exists": True, "weight": 0.15},
        {"path": "payments.0.type", "in": list(PAYMENT_TYPES), "weight": 0.2},
        {"path": "refundsPurchaseUUID1", "exists": True, "weight": 0.2},
        {"path": "eventName", "in": PUSHER_EVENTS, "weight": 0.4},
        {"path": "messageUuid", "exists": True, "weight": 0.1},
        {"path": "organizationUuid", "exists": True, "weight": 0.1},
        {"path": "originatorTransactionType", "in": ORIGINATOR_TRANSACTION_TYPES, "weight": 0.4},
        {"path": "originatorTransactionUuid", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_TYPES,
    "fields": _PURCHASE_FIELDS,
    "variants": [
        {"name": "webhook.purchase.refund", "root": "payload",
         "match": {"eventName": "PurchaseCreated", "payload._payobs_zettle_kind": "REFUND"},
         "fields": _REFUND_FIELDS, "event_kind": "REFUND"},
        {"name": "webhook.purchase", "root": "payload",
         "match": {"eventName": "PurchaseCreated", "payload._payobs_zettle_kind": "SALE"}},
        {"name": "webhook.not_a_payment", "match": {"eventName": NOT_PAYMENT_EVENTS},
         "not_a_payment": "a Zettle catalogue, inventory, invoice or account event is not a payment outcome"},
        {"name": "finance.transaction", "match": {"originatorTransactionType": {"exists": True}},
         "not_a_payment": "a Finance API account transaction is a balance movement, not a payment outcome"},
        {"name": "purchase.refund", "match": {"_payobs_zettle_kind": "REFUND"}, "fields": _REFUND_FIELDS,
         "event_kind": "REFUND"},
        {"name": "purchase", "match": {"_payobs_zettle_kind": "SALE"}},
    ],
}
