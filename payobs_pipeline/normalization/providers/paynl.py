"""Pay.nl (PAY., Netherlands): the legacy REST API's transaction answers (Transaction/info, Transaction/status,
Transaction/start), its error answer, the exchange (notification) call, and the order API's order object
(connect.pay.nl /v1/orders: create, status, and the exchange that posts the order).

Sources:
- developer.pay.nl/docs/transaction-statuses ("processing statuses"), as the SDK encodes it
  (paynl/php-sdk src/Model/Pay/PayStatus.php): 100 PAID, 95 AUTHORIZE, 97 PARTLY_CAPTURED, 98 (awaiting
  confirmation), 85 VERIFY (held for a manual check), 80 PARTIAL_PAYMENT, 75 / 76 CONFIRMED, 20 / 25 / 40 / 50 / 90
  PENDING, -61 VOID, -63 / -64 DENIED, -70 / -71 CHARGEBACK, -72 / -81 REFUND, -82 PARTIAL_REFUND, -80 EXPIRED,
  -90 CANCEL; "any other negative state is a cancel". -60 is FAILURE (the payment failed).
- The legacy REST API (rest-api.pay.nl, the paynl/sdk result classes src/Result/Transaction/Transaction.php,
  Status.php, Refund.php): every answer has ``request`` {result 1 / 0, errorId, errorMessage}; Transaction/info
  has ``transactionId`` and ``paymentDetails`` {state, stateName, amount (in euro cents), currenyAmount /
  paidCurrenyAmount (in the transaction's currency), paymentProfileName, created, orderId}; Transaction/status
  ``paymentDetails`` {transactionId, orderId, state, stateName, currency, amount}; Transaction/start
  ``transaction`` {transactionId, paymentURL} (the payment page the shopper is sent to); an error answer is
  ``request.result`` 0 with its ``errorId`` (PAY-xxx), ``errorTag`` and ``errorMessage``.
- The exchange call (developer.pay.nl/docs/exchange-calls): ``action`` new_ppt (paid), pending, cancel,
  refund:add / refund:received, capture, chargeback, with ``order_id`` and ``payment_session_id``; the order
  API posts the order object under ``object``.
- The order API (paynl/php-sdk src/Model/Pay/PayOrder.php): id, orderId, reference, serviceId, ``status``
  {code, action}, ``amount`` {value (cents), currency}, payments[] {paymentMethod {id}, status}, createdAt,
  completedAt, links.redirect.

Amounts: the legacy ``paymentDetails.amount`` is in euro cents whatever the transaction's currency (the SDK's
"The amount in euro"), so it is read with EUR; the order API's ``amount`` names its currency. The exchange
call's amount is not read (its unit is not documented with it).

Lifecycle identity: the legacy transaction id (EX-xxxx-xxxx-xxxx) and the order API's ``orderId`` are the
attempt; the merchant's ``reference`` is the payment; a refund's ``refundId``.
"""

from __future__ import annotations

# Processing states (code and name) -> status category.
STATUSES = {
    "100": "APPROVED", "95": "APPROVED", "97": "APPROVED",
    "98": "PENDING", "85": "PENDING", "80": "PENDING", "75": "PENDING", "76": "PENDING",
    "20": "PENDING", "25": "PENDING", "40": "PENDING", "50": "PENDING", "90": "PENDING",
    "-60": "DECLINED", "-63": "DECLINED", "-64": "DECLINED",
    "-61": "CANCELLED", "-80": "CANCELLED", "-90": "CANCELLED", "-1": "CANCELLED",
    "-70": "CHARGEBACK", "-71": "CHARGEBACK",
    "-72": "REFUNDED", "-81": "REFUNDED", "-82": "REFUNDED",
    "paid": "APPROVED", "authorize": "APPROVED", "partly_captured": "APPROVED",
    "pending": "PENDING", "verify": "PENDING", "partial_payment": "PENDING", "confirmed": "PENDING",
    "failure": "DECLINED", "denied": "DECLINED",
    "void": "CANCELLED", "cancel": "CANCELLED", "expired": "CANCELLED",
    "chargeback": "CHARGEBACK",
    "refund": "REFUNDED", "partial_refund": "REFUNDED", "refunding": "REFUNDED",
}

# Exchange-call actions -> status category.
EXCHANGE_ACTIONS = {
    "new_ppt": "APPROVED", "capture": "APPROVED", "pending": "PENDING", "verify": "PENDING",
    "cancel": "CANCELLED", "refund:add": "REFUNDED", "refund:received": "REFUNDED", "chargeback": "CHARGEBACK",
}

REASONS = {
    "-63": "GENERIC_DECLINE", "-64": "GENERIC_DECLINE", "denied": "GENERIC_DECLINE",
    "-60": "UNKNOWN", "failure": "UNKNOWN",
}

PAYMENT_METHODS = {
    "ideal": "BANK_TRANSFER", "overboeking": "BANK_TRANSFER", "sofortbanking": "BANK_TRANSFER",
    "sofort": "BANK_TRANSFER", "giropay": "BANK_TRANSFER", "eps": "BANK_TRANSFER",
    "visa mastercard": "CARD", "visa": "CARD", "mastercard": "CARD", "american express": "CARD",
    "bancontact": "CARD", "maestro": "CARD", "creditcard": "CARD",
    "paypal": "WALLET", "apple pay": "WALLET", "google pay": "WALLET",
    "klarna": "BNPL", "afterpay": "BNPL", "riverty": "BNPL", "in3": "BNPL", "billink": "BNPL",
    "incasso": "DIRECT_DEBIT", "sepa direct debit": "DIRECT_DEBIT",
}

REFUND_CODES = ["-72", "-81", "-82", "refund", "partial_refund", "refunding"]
CHARGEBACK_CODES = ["-70", "-71", "chargeback"]

# Error messages that name the merchant's own set-up (service id, token, rights), not the request's data.
SETUP_ERRORS = ["Service not found", "No rights", "Access denied", "Invalid token", "Token invalid",
                "Authentication", "Not authorized", "Unauthorized"]

_LEGACY = {
    "provider_transaction_id": ["transactionId", "paymentDetails.transactionId"],
    "status": ["paymentDetails.state", "paymentDetails.stateName"],
    "reason_code": ["paymentDetails.state", "paymentDetails.stateName"],
    "amount": ["paymentDetails.amount"],
    "payment_method": ["paymentDetails.paymentProfileName"],
    "event_time": ["paymentDetails.modified", "paymentDetails.created"],
    "attempt_id": ["transactionId", "paymentDetails.transactionId"],
    "payment_id": ["saleData.orderData.reference", "statsDetails.extra1"],
}

_ORDER = {
    "provider_transaction_id": ["orderId", "id"],
    "status": ["status.code", "status.action"],
    "reason_code": ["status.code", "status.action"],
    "amount": ["amount.value"],
    "currency": ["amount.currency"],
    "event_time": ["completedAt", "modifiedAt", "createdAt"],
    "attempt_id": ["orderId", "id"],
    "payment_id": ["reference"],
}

# An order is the PAYMENT; its refund and chargeback states are later lifecycle events of it.
_ORDER_LIFECYCLE = [
    {"when": {"status.code": REFUND_CODES}, "set": {"event_kind": "REFUND"}},
    {"when": {"status.code": CHARGEBACK_CODES}, "set": {"event_kind": "DISPUTE"}},
]

SPEC = {
    "provider": "paynl",
    "aliases": ["paynl", "pay.nl", "pay nl", "pay_nl", "paynl_payment", "pay. paynl"],
    "detect": [
        # Legacy REST answers: the request envelope and its details.
        {"path": "request.errorId", "exists": True, "weight": 0.3},
        {"path": "request.errorMessage", "exists": True, "weight": 0.1},
        {"path": "request.result", "in": ["0", "1"], "weight": 0.1},
        {"path": "paymentDetails.stateName", "exists": True, "weight": 0.3},
        {"path": "paymentDetails.paymentProfileName", "exists": True, "weight": 0.1},
        {"path": "transactionId", "prefix": "EX-", "weight": 0.2},
        {"path": "paymentDetails.transactionId", "prefix": "EX-", "weight": 0.2},
        {"path": "transaction.transactionId", "prefix": "EX-", "weight": 0.2},
        {"path": "transaction.paymentURL", "exists": True, "weight": 0.1},
        # Exchange call.
        {"path": "payment_session_id", "exists": True, "weight": 0.4},
        {"path": "action", "in": list(EXCHANGE_ACTIONS), "weight": 0.2},
        # Order API order (and its exchange under "object").
        {"path": "serviceId", "prefix": "SL-", "weight": 0.4},
        {"path": "object.serviceId", "prefix": "SL-", "weight": 0.6},
        {"path": "links.redirect", "prefix": ["https://checkout.pay.nl/", "https://connect.pay.nl/"], "weight": 0.2},
        {"path": "status.action", "exists": True, "weight": 0.1},
        {"path": "manualTransferCode", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {"request.result": "0"},
            "status": "ERROR",
            "fields": {"reason_code": ["request.errorTag", "request.errorId"]},
            "rules": [
                {"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"request.errorMessage": {"prefix": SETUP_ERRORS}},
                 "set": {"failure_reason": "CONFIGURATION_ERROR", "failure_source": "MERCHANT_CONFIG"}},
                {"when": {"request.errorTag": "permissionDenied"},
                 "set": {"failure_reason": "CONFIGURATION_ERROR", "failure_source": "MERCHANT_CONFIG"}},
            ],
        },
        {
            "name": "transaction.start",
            "match": {"transaction.paymentURL": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["transaction.transactionId"],
                       "attempt_id": ["transaction.transactionId"]},
        },
        {
            "name": "transaction",
            "match": {"paymentDetails": {"exists": True}},
            "fields": _LEGACY,
            "default_currency": "EUR",  # paymentDetails.amount is in euro cents (see the docstring)
        },
        {
            "name": "exchange",
            "match": {"action": {"exists": True}, "order_id": {"exists": True}},
            "fields": {"provider_transaction_id": ["order_id"], "status": ["action"], "attempt_id": ["order_id"]},
            "status_map": EXCHANGE_ACTIONS,
            "rules": [{"when": {"action": "capture"}, "set": {"event_kind": "CAPTURE"}}],
        },
        {
            "name": "order.exchange",
            "match": {"object.status": {"exists": True}, "object.amount": {"exists": True}},
            "root": "object",
            "event_kind": "PAYMENT",
            "fields": _ORDER,
            "rules": _ORDER_LIFECYCLE,
        },
        {
            "name": "order",
            "match": {"status.code": {"exists": True}, "amount.value": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": _ORDER,
            "rules": _ORDER_LIFECYCLE,
        },
    ],
}
