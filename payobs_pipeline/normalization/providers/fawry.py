"""FawryPay (Egypt): the server-to-server notification V2 (POST JSON), the Get Payment Status answers (V1
PaymentStatusResponse and V2), and the status-code error answers.

Sources:
- https://developer.fawrystaging.com/docs/server-apis/payment-notifications/server-notification-v2 (requestId,
  fawryRefNumber (the order's reference in atFawry, shown to the customer and used to pay), merchantRefNumber,
  customerName, customerMobile, customerMail, customerMerchantId, paymentAmount, orderAmount, fawryFees,
  shippingFees, authNumber, orderStatus, paymentMethod, paymentTime, messageSignature, orderExpiryDate,
  orderItems, failureErrorCode, failureReason; "the status of your clients' transactions can range from
  created, paid, cancelled, expired, shipped to delivered")
- https://atfawry.com/developer-guide/payment-status.html (PaymentStatusResponse: referenceNumber,
  merchantRefNumber, paymentAmount, paymentDate, expirationTime, paymentStatus PAID, UNPAID, REFUNDED, EXPIRED,
  CANCELLED, FAILED; paymentMethod PAYATFAWRY, CASHONDELIVERY, CARD, WALLET; statusCode 200 Success, 9901
  merchant code is blank or invalid, 9944 reference number is blank, 9946 blank or invalid signature, 9938
  payment not found; sample error {"type": "PaymentStatusResponse", "statusCode": 9946, "statusDescription":
  "Wrong Signature"})
- https://developer.fawrystaging.com/docs/server-apis/cancel-payment-api (an unpaid order can be cancelled; a paid
  one is refunded through the Refund API) and .../refund-issue-api (full or partial refunds of a captured
  payment)
- Notification V2 example (orderStatus PAID, paymentMethod "Mobile Wallet", paymentTime in epoch milliseconds)
  and the notification's order statuses NEW, PAID, CANCELED, REFUNDED, PARTIAL_REFUNDED, EXPIRED, FAILED.

Lifecycle identity: the FawryPay order (fawryRefNumber / referenceNumber) is the attempt; the merchant's order
(merchantRefNumber) is the payment; a refund keeps the order's reference.
"""

from __future__ import annotations

STATUSES = {
    "NEW": "PENDING",
    "UNPAID": "PENDING",
    "PAID": "APPROVED",
    "DELIVERED": "APPROVED",
    "CANCELED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "FAILED": "DECLINED",
    "REFUNDED": "REFUNDED",
    "PARTIAL_REFUNDED": "REFUNDED",
}

REASONS = {
    "9901": "CONFIGURATION_ERROR",  # merchant code is blank or invalid
    "9944": "INVALID_REQUEST",  # reference number is blank
    "9946": "CONFIGURATION_ERROR",  # blank or invalid signature (the merchant's secure key)
    "9938": "INVALID_REQUEST",  # payment not found
}

PAYMENT_METHODS = {
    "payatfawry": "CASH_VOUCHER",  # a reference number paid at any Fawry point of sale
    "pay at fawry": "CASH_VOUCHER",
    "cashondelivery": "CASH_VOUCHER",
    "card": "CARD",
    "wallet": "WALLET",
    "mwallet": "WALLET",
    "mobile wallet": "WALLET",
    "valu": "BNPL",
}

_NOTIFICATION_FIELDS = {
    "provider_transaction_id": ["fawryRefNumber"],
    "status": ["orderStatus"],
    "reason_code": ["failureErrorCode", "failureReason"],
    "amount": ["paymentAmount", "orderAmount"],
    "event_time": ["paymentTime"],
    "payment_method": ["paymentMethod"],
    "attempt_id": ["fawryRefNumber"],
    "payment_id": ["merchantRefNumber"],
}
_STATUS_FIELDS = {
    "provider_transaction_id": ["referenceNumber", "fawryRefNumber"],
    "status": ["paymentStatus", "orderStatus"],
    "reason_code": ["failureErrorCode", "failureReason"],
    "amount": ["paymentAmount", "orderAmount"],
    "event_time": ["paymentDate", "paymentTime"],
    "payment_method": ["paymentMethod"],
    "attempt_id": ["referenceNumber", "fawryRefNumber"],
    "payment_id": ["merchantRefNumber"],
}
_REFUNDS = [{"when": {"orderStatus": ["REFUNDED", "PARTIAL_REFUNDED"]}, "set": {"event_kind": "REFUND"}}]

SPEC = {
    "provider": "fawry",
    "aliases": ["fawry", "fawrypay", "fawry pay", "atfawry", "fawry_pay", "myfawry"],
    "detect": [
        {"path": "fawryRefNumber", "exists": True, "weight": 0.6},
        {"path": "merchantRefNumber", "exists": True, "weight": 0.2},
        {"path": "messageSignature", "exists": True, "weight": 0.1},
        {"path": "orderStatus", "in": list(STATUSES), "weight": 0.1},
        {"path": "type", "in": ["PaymentStatusResponse", "ChargeResponse"], "weight": 0.4},
        {"path": "statusDescription", "exists": True, "weight": 0.1},
        {"path": "paymentStatus", "in": list(STATUSES), "weight": 0.1},
        {"path": "referenceNumber", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "major",
    "default_currency": "EGP",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "status_error", "match": {"statusCode": {"exists": True}, "paymentStatus": {"exists": False},
                                           "orderStatus": {"exists": False}},
         "status": "ERROR", "fields": {"reason_code": ["statusCode"]}, "default_currency": None},
        {"name": "notification", "match": {"orderStatus": {"exists": True}, "fawryRefNumber": {"exists": True}},
         "fields": _NOTIFICATION_FIELDS, "rules": _REFUNDS},
        {"name": "payment_status", "match": {"paymentStatus": {"exists": True}}, "fields": _STATUS_FIELDS,
         "rules": [{"when": {"paymentStatus": ["REFUNDED", "PARTIAL_REFUNDED"]}, "set": {"event_kind": "REFUND"}}]},
        {"name": "order", "match": {"orderStatus": {"exists": True}}, "fields": _STATUS_FIELDS, "rules": _REFUNDS},
    ],
}
