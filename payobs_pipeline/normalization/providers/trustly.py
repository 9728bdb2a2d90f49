"""Trustly (pay by bank): the Europe JSON-RPC 1.1 API's notifications, Deposit answer and error object, and the
North America API's event notifications and error body.

Sources:
- Europe (docs.trustly.com / eu.developers.trustly.com): "Notifications" (notifications-overview): API methods
  with a NotificationURL POST JSON-RPC notifications {method, params {signature, uuid, data}, version "1.1"}; the
  merchant answers {result {signature, uuid, method, data {status "OK"}}, version}. "Credit notification": sent
  "when the merchant's end-user's account balance should be credited (increased). This could for example be when
  a deposit has been made ... For e-commerce merchants, this is when the item should be shipped"; data {amount
  (decimal, "Dot (.) is used as decimal separator"), currency (ISO 4217), messageid ("Your unique ID of the
  transaction"), orderid ("The unique ID in our system for your messageid"), enduserid, notificationid, timestamp
  ("2010-01-20 14:42:04.675645+01"), attributes}. The pending notification (the payment is initiated, not yet
  settled), the debit notification (the end-user's balance is to be reduced: a deposit taken back, or a
  withdrawal / direct credit paid out) and the cancel notification (the order could not be completed; attributes
  {reason, details}) have the same data (docs.trustly.com/api/mdd-notifications-for-directcredit shows all
  four). account, kyc, payoutconfirmation, payoutfailed and payoutdowngraded notifications are about accounts,
  identity and payouts, not payments. "Error messages" (eu.developers.trustly.com/doc-old/docs/error-messages):
  {version, error {name "JSONRPCError", code, message, error {signature, uuid, method, data {code, message}}}};
  Deposit errors 602 ERROR_FUNCTION_ACCESS_DENIED, 607 ERROR_HOST_ACCESS_DENIED, 615 ERROR_INVALID_AMOUNT, 616
  ERROR_INVALID_CREDENTIALS, 620 ERROR_UNKNOWN, 622 ERROR_INVALID_CURRENCY_CODE, 623 ERROR_INVALID_PARAMETERS, 636
  ERROR_UNABLE_TO_VERIFY_RSA_SIGNATURE, 637 ERROR_DUPLICATE_MESSAGE_ID, 638 ERROR_ENDUSER_IS_BLOCKED, 639
  ERROR_NO_PUBLIC_KEY. The Deposit call answers {result {signature, uuid, method "Deposit", data {orderid, url}}}:
  an order opened, the end-user still to pay.
- North America (amer.developers.trustly.com): event notifications (integrate/core-concepts/webhooks-and-events;
  the OpenAPI's webhooks, as catalogued at api-evangelist/trustly asyncapi/trustly-north-america-webhooks.yml):
  merchantId, merchantReference, paymentType, transactionType, eventId, eventType (Establish, Authorize, Update,
  Process, Complete, Cancel, Expire, Failed, Deny, Dispute, Refund, Reverse, ...), objectId (the transaction),
  parentObjectId, createdAt, status, statusMessage, errorCode, paymentProviderTransaction.status / .statusMessage
  / .reasonCode. "Transaction Status" (payments/docs/transaction-status): New, Pending, Authorized, Processed
  ("The ACH debit has been submitted"), Completed ("paid, funds transferred"), Failed ("Internal failure ...
  unrelated to the merchant"), Expired, Canceled (by the consumer), Denied ("Money transfer was denied"), Reversed
  ("charged back by the bank or Trustly"), Partially Refunded, Refunded, Voided (by the merchant), On Hold.
  "Codes & Definitions" (payments/docs/type-definitions-sdk): payment provider status codes SW010 established,
  SW013 canceled, SW020 authorization received, SW021 authorization denied (insufficient funds), SW051 merchant
  error, SW052 financial institution error, SW053 internal network error, SW054 suspicious transaction activity,
  SW055 negative data, SW056 invalid account (unsupported account type), SW057 expired split token ("prompt the
  user to log in again"), SW059 instant transaction rejected due to risk, SW060 bank or network processor is down;
  UC01-UC23 the user cancelled at a named page. "Errors" (payments/docs/errors): {errors [{domain, code,
  message}]}, codes 100 internal, 150 remote (bank interface down), 200 invalid parameter, 210 duplicate request,
  300 security, 326 expired split token, 330 invalid account, 331 not enough balance, 375 access control, 378
  internal or bank request error, 380 invalid split token, 390 fraud analysis, 397 splitToken not valid.

Trustly is a bank payment: the payment method is BANK_TRANSFER. A Europe debit notification says money went back
out for the order; for a deposit that is the payment reversed, read as REFUNDED (a payout's debit is a payout, which
this mapping has no other word for).

Lifecycle identity: Europe - Trustly's orderid is the attempt, the merchant's messageid the payment; North
America - the transaction id (objectId) is the attempt, the merchant's merchantReference the payment, a refund's
parentObjectId the payment's transaction, and a Dispute / Reverse event's dispute the returned transaction (objectId).
"""

from __future__ import annotations

# Europe notifications by method.
EU_METHODS = {"credit": "APPROVED", "pending": "PENDING", "cancel": "CANCELLED", "debit": "REFUNDED"}

# North America statusMessage.
NA_STATUSES = {
    "New": "PENDING", "Pending": "PENDING", "Authorized": "APPROVED", "Processed": "APPROVED",
    "Completed": "APPROVED", "Failed": "ERROR", "Expired": "CANCELLED", "Canceled": "CANCELLED",
    "Cancelled": "CANCELLED", "Denied": "DECLINED", "Reversed": "CHARGEBACK", "Partially Refunded": "REFUNDED",
    "PartiallyRefunded": "REFUNDED", "Refunded": "REFUNDED", "Voided": "CANCELLED", "On Hold": "PENDING",
    "OnHold": "PENDING",
}
NA_REFUND_STATUSES = {"Completed": "REFUNDED", "Processed": "PENDING", "Pending": "PENDING", "New": "PENDING",
                      "Authorized": "PENDING", "Failed": "ERROR", "Denied": "DECLINED", "Canceled": "CANCELLED",
                      "Voided": "CANCELLED", "Expired": "CANCELLED"}

REASONS = {
    # Europe JSON-RPC error codes and names.
    "602": "CONFIGURATION_ERROR", "ERROR_FUNCTION_ACCESS_DENIED": "CONFIGURATION_ERROR",
    "607": "CONFIGURATION_ERROR", "ERROR_HOST_ACCESS_DENIED": "CONFIGURATION_ERROR",
    "615": "INVALID_REQUEST", "ERROR_INVALID_AMOUNT": "INVALID_REQUEST",
    "616": "CONFIGURATION_ERROR", "ERROR_INVALID_CREDENTIALS": "CONFIGURATION_ERROR",
    "620": "PROCESSING_ERROR", "ERROR_UNKNOWN": "PROCESSING_ERROR",
    "622": "INVALID_REQUEST", "ERROR_INVALID_CURRENCY_CODE": "INVALID_REQUEST",
    "623": "INVALID_REQUEST", "ERROR_INVALID_PARAMETERS": "INVALID_REQUEST",
    "636": "CONFIGURATION_ERROR", "ERROR_UNABLE_TO_VERIFY_RSA_SIGNATURE": "CONFIGURATION_ERROR",
    "637": "DUPLICATE", "ERROR_DUPLICATE_MESSAGE_ID": "DUPLICATE",
    "638": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "ERROR_ENDUSER_IS_BLOCKED": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "639": "CONFIGURATION_ERROR", "ERROR_NO_PUBLIC_KEY": "CONFIGURATION_ERROR",
    # North America payment provider status codes.
    "SW021": {"reason": "INSUFFICIENT_FUNDS", "source": "ISSUER"},
    "SW051": {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"},
    "SW052": {"reason": "ISSUER_UNAVAILABLE", "source": "ISSUER"},
    "SW053": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
    "SW054": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "SW055": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "SW056": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "ISSUER"},
    "SW057": {"reason": "AUTHENTICATION_REQUIRED", "source": "CUSTOMER"},
    "SW059": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "SW060": {"reason": "ISSUER_UNAVAILABLE", "source": "ISSUER"},
    # North America API error codes.
    "100": "PROCESSING_ERROR", "150": "ISSUER_UNAVAILABLE", "200": "INVALID_REQUEST", "210": "DUPLICATE",
    "300": "CONFIGURATION_ERROR", "326": "AUTHENTICATION_REQUIRED", "330": "TRANSACTION_NOT_PERMITTED",
    "331": "INSUFFICIENT_FUNDS", "375": "CONFIGURATION_ERROR", "378": "PROCESSING_ERROR", "380": "INVALID_REQUEST",
    "390": {"reason": "RISK_REJECTED", "source": "PSP_RISK"}, "397": "INVALID_REQUEST",
}

# Provider codes that are a refusal (of the bank or of Trustly's risk controls), not a technical failure.
DECLINE_CODES = ("SW021", "SW054", "SW055", "SW056", "SW057", "SW059")

_NA_FIELDS = {
    "provider_transaction_id": ["objectId"],
    "status": ["statusMessage"],
    "reason_code": ["paymentProviderTransaction.status", "errorCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["createdAt"],
    "merchant_id": ["merchantId"],
    "attempt_id": ["objectId"],
    "payment_id": ["merchantReference"],
}

SPEC = {
    "provider": "trustly",
    "aliases": ["trustly", "trustly group", "trustly pay", "paywithmybank", "pay with my bank", "trustly europe",
                "trustly north america"],
    "detect": [
        # Europe JSON-RPC.
        {"path": "version", "in": ["1.1"], "weight": 0.2},
        {"path": "method", "in": list(EU_METHODS) + ["account", "kyc", "payoutconfirmation", "payoutfailed",
                                                      "payoutdowngraded"], "weight": 0.2},
        {"path": "params.data.notificationid", "exists": True, "weight": 0.3},
        {"path": "params.data.messageid", "exists": True, "weight": 0.2},
        {"path": "params.data.orderid", "exists": True, "weight": 0.1},
        {"path": "params.signature", "exists": True, "weight": 0.1},
        {"path": "result.data.orderid", "exists": True, "weight": 0.3},
        {"path": "result.method", "exists": True, "weight": 0.1},
        {"path": "result.uuid", "exists": True, "weight": 0.1},
        {"path": "error.name", "in": ["JSONRPCError"], "weight": 0.3},
        {"path": "error.error.data.message", "prefix": "ERROR_", "weight": 0.3},
        # North America event notifications and errors.
        {"path": "eventType", "exists": True, "weight": 0.1},
        {"path": "objectType", "in": ["Transaction"], "weight": 0.2},
        {"path": "merchantReference", "exists": True, "weight": 0.2},
        {"path": "paymentType", "exists": True, "weight": 0.1},
        {"path": "statusMessage", "in": list(NA_STATUSES), "weight": 0.2},
        {"path": "paymentProviderTransaction.status", "prefix": ["SW", "UC"], "weight": 0.3},
        {"path": "errors.0.domain", "prefix": "com.trustly.", "weight": 0.7},
    ],
    "amount_unit": "major",
    "default_payment_method": "BANK_TRANSFER",
    "reason_map": REASONS,
    "variants": [
        {"name": "eu.account_or_payout.not_a_payment",
         "match": {"method": ["account", "kyc", "payoutconfirmation", "payoutfailed", "payoutdowngraded"],
                   "params": {"exists": True}},
         "not_a_payment": "a Trustly account, KYC or payout notification: no customer payment outcome"},
        {"name": "eu.notification_reply.not_a_payment",
         "match": {"result.data.status": {"exists": True}, "result.data.orderid": {"exists": False}},
         "not_a_payment": "the merchant's own reply to a Trustly notification (result.data.status), not Trustly's"},
        {
            "name": "eu.notification.debit",
            "root": "params.data",
            "match": {"method": "debit", "params.data": {"exists": True}},
            "event_kind": "REFUND",
            "status": "REFUNDED",
            "fields": {"provider_transaction_id": ["notificationid"], "amount": ["amount"], "currency": ["currency"],
                       "event_time": ["timestamp"], "attempt_id": ["orderid"], "payment_id": ["messageid"]},
        },
        {
            "name": "eu.notification",
            "root": "params.data",
            "match": {"method": list(EU_METHODS), "params.data": {"exists": True}},
            "status_map": EU_METHODS,
            "fields": {"provider_transaction_id": ["orderid"], "status": ["^method"], "reason_code": ["attributes.reason"],
                       "amount": ["amount"], "currency": ["currency"], "event_time": ["timestamp"],
                       "attempt_id": ["orderid"], "payment_id": ["messageid"]},
        },
        {
            "name": "eu.deposit_answer",
            "root": "result.data",
            "match": {"result.data.orderid": {"exists": True}, "result.data.url": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["orderid"], "attempt_id": ["orderid"]},
        },
        {
            "name": "eu.error",
            "match": {"error.code": {"exists": True}, "error.name": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error.error.data.message", "error.message", "error.code"]},
        },
        {
            "name": "na.error",
            "match": {"errors.0.code": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.code"]},
        },
        {
            "name": "na.refund",
            "match": {"eventType": ["Refund"], "statusMessage": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": NA_REFUND_STATUSES,
            "fields": {**_NA_FIELDS, "refund_id": ["objectId"], "attempt_id": ["parentObjectId"]},
        },
        {
            "name": "na.dispute",
            "match": {"eventType": ["Dispute", "Reverse"], "objectId": {"exists": True}},
            "status": "CHARGEBACK",
            # No dispute object is named: the dispute is the returned transaction's (objectId), once per transaction.
            "fields": _NA_FIELDS,
        },
        {
            "name": "na.event",
            "match": {"eventType": {"exists": True}, "statusMessage": {"exists": True}},
            "status_map": NA_STATUSES,
            "fields": _NA_FIELDS,
            # A Failed event covers "an error, decline, or cancellation": the provider code says which.
            "rules": [{"when": {"paymentProviderTransaction.status": list(DECLINE_CODES)},
                       "set": {"status_category": "DECLINED"}},
                      {"when": {"paymentProviderTransaction.status": {"prefix": "UC"}},
                       "set": {"status_category": "CANCELLED"}}],
        },
    ],
}
