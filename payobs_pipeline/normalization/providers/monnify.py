"""Monnify (Moniepoint / TeamApt, Nigeria): the webhook envelope {eventType, eventData}, the API's answer envelope
{requestSuccessful, responseMessage, responseCode, responseBody} around a transaction or a refund, and its errors.

Sources:
- Webhook Events and Request Structure (Monnify docs, teamapt.atlassian.net/wiki/spaces/MON/pages/320864320):
  the envelope {eventType, eventData}; events Successful Collection (SUCCESSFUL_TRANSACTION), Successful / Failed
  Disbursement, Successful / Failed Refund, Settlement Completion, Mandate Status Change; the collection's eventData
  {product {type, reference}, transactionReference (Monnify's), paymentReference (the merchant's), paidOn,
  paymentDescription, metaData, paymentSourceInformation, destinationAccountInformation, amountPaid, totalPayable,
  settlementAmount, paymentStatus PAID, paymentMethod (CARD, ACCOUNT_TRANSFER, ...), currency NGN, cardDetails,
  customer}; amounts in naira (major units, "amountPaid": "100.00").
- Initiate Refund / Get Refund Status (same docs): refundReference, transactionReference, refundAmount, refundStatus
  IN_PROGRESS | FAILED | COMPLETED, refundType FULL_REFUND | PARTIAL_REFUND, comment ("if FAILED, comment will
  contain the reason"); response codes 0 (received), R1 transaction does not exist, R2 refund not permitted, R3
  refund above the transaction amount, R4 below the minimum refund amount, R5 merchant has insufficient funds, R7
  no refund initiated for the reference.
- The transaction's paymentStatus values PAID, OVERPAID, PARTIALLY_PAID, PENDING, ABANDONED, CANCELLED, FAILED,
  REVERSED, EXPIRED rest on recollection of Monnify's "Transaction status" reference (the stored pages show PAID):
  PARTIALLY_PAID (a transfer below the amount due) stays PENDING, REVERSED is money returned (a REFUND).

Not mapped: the disbursement, settlement, mandate and wallet events (no payments, NOT_A_PAYMENT_EVENT); the
disbursement API's D0x codes.
"""

from __future__ import annotations

STATUSES = {
    "PAID": "APPROVED",
    "OVERPAID": "APPROVED",
    "PARTIALLY_PAID": "PENDING",
    "PENDING": "PENDING",
    "ABANDONED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "FAILED": "DECLINED",
    "REVERSED": "REFUNDED",
}
REFUND_STATUSES = {"IN_PROGRESS": "PENDING", "COMPLETED": "REFUNDED", "FAILED": "DECLINED"}

RESPONSE_CODES = {
    "R1": "INVALID_REQUEST",  # transaction with the reference does not exist
    "R2": "TRANSACTION_NOT_PERMITTED",  # refund not permitted for the transaction
    "R3": "INVALID_REQUEST",  # refund amount above the transaction amount
    "R4": "INVALID_REQUEST",  # refund amount below the minimum
    "R5": "INSUFFICIENT_FUNDS",  # merchant has insufficient funds to process the refund
    "R7": "INVALID_REQUEST",  # no refund initiated for the reference
}

PAYMENT_METHODS = {
    "CARD": "CARD", "ACCOUNT_TRANSFER": "BANK_TRANSFER", "USSD": "BANK_TRANSFER", "DIRECT_DEBIT": "DIRECT_DEBIT",
    "CASH": "CASH_VOUCHER", "PHONE_NUMBER": "OTHER",
}

NON_PAYMENT_EVENTS = ["SUCCESSFUL_DISBURSEMENT", "FAILED_DISBURSEMENT", "REVERSED_DISBURSEMENT", "SETTLEMENT",
                      "MANDATE_STATUS_CHANGE", "WALLET_ACTIVITY", "LOW_BALANCE_ALERT"]
REFUND_EVENTS = ["SUCCESSFUL_REFUND", "FAILED_REFUND"]

_TRANSACTION = {
    "provider_transaction_id": ["transactionReference"],
    "status": ["paymentStatus"],
    "amount": ["amountPaid", "totalPayable"],
    "currency": ["currency"],
    "event_time": ["paidOn"],
    "payment_method": ["paymentMethod"],
    "card_brand": ["cardDetails.cardType"],
    "attempt_id": ["transactionReference"],
    "payment_id": ["paymentReference"],
}
_REFUND = {
    "provider_transaction_id": ["refundReference"],
    "status": ["refundStatus"],
    "amount": ["refundAmount"],
    "currency": ["currency"],
    "event_time": ["completedOn", "createdOn"],
    "payment_method": [],
    "card_brand": [],
    "attempt_id": ["transactionReference"],
    "payment_id": [],
    "refund_id": ["refundReference"],
}
_REVERSED = [{"when": {"paymentStatus": "REVERSED"}, "set": {"event_kind": "REFUND"}}]


def _refund(name: str, root: str, match: dict) -> dict:
    return {"name": name, "root": root, "match": match, "event_kind": "REFUND", "status_map": REFUND_STATUSES,
            "default_currency": "NGN", "fields": _REFUND}


SPEC = {
    "provider": "monnify",
    "aliases": ["monnify", "monnify.com", "moniepoint monnify", "teamapt monnify", "monnify api"],
    "detect": [
        {"path": "eventType", "in": ["SUCCESSFUL_TRANSACTION", *REFUND_EVENTS, *NON_PAYMENT_EVENTS], "weight": 0.3},
        {"path": "eventData.transactionReference", "prefix": "MNFY|", "weight": 0.3},
        {"path": "eventData.transactionReference", "prefix": "MFDS", "weight": 0.3},  # a disbursement
        {"path": "eventData.paymentStatus", "in": list(STATUSES), "weight": 0.1},
        {"path": "eventData.settlementAmount", "exists": True, "weight": 0.1},
        {"path": "eventData.refundStatus", "in": list(REFUND_STATUSES), "weight": 0.2},
        {"path": "requestSuccessful", "in": [True, False], "weight": 0.25},
        {"path": "responseCode", "exists": True, "weight": 0.05},
        {"path": "responseCode", "in": list(RESPONSE_CODES), "weight": 0.25},
        {"path": "responseBody.transactionReference", "prefix": "MNFY|", "weight": 0.3},
        {"path": "responseBody.refundStatus", "in": list(REFUND_STATUSES), "weight": 0.2},
        {"path": "responseBody.paymentStatus", "in": list(STATUSES), "weight": 0.1},
        {"path": "transactionReference", "prefix": "MNFY|", "weight": 0.4},
        {"path": "settlementAmount", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": RESPONSE_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _TRANSACTION,
    "variants": [
        {
            "name": "webhook.not_a_payment",
            "match": {"eventType": {"in": NON_PAYMENT_EVENTS}},
            "not_a_payment": "a disbursement, settlement, mandate or wallet event: no payment of a customer",
        },
        _refund("webhook.refund", "eventData", {"eventType": {"in": REFUND_EVENTS}}),
        {"name": "webhook.transaction", "root": "eventData",
         "match": {"^eventData.paymentStatus": {"exists": True}}, "rules": _REVERSED},
        {
            "name": "api.error",
            "match": {"requestSuccessful": False},
            "status": "ERROR",
            "fields": {"reason_code": ["responseCode"]},
        },
        _refund("api.refund", "responseBody", {"^responseBody.refundStatus": {"exists": True}}),
        {"name": "api.transaction", "root": "responseBody",
         "match": {"^responseBody.paymentStatus": {"exists": True}}, "rules": _REVERSED},
        {"name": "transaction", "match": {"transactionReference": {"exists": True}, "paymentStatus": {"exists": True}},
         "rules": _REVERSED},
    ],
}
