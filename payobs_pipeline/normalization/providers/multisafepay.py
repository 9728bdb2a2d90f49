"""MultiSafepay (Netherlands): JSON API v1 orders (``{"success", "data": {order}}`` answers of GET / POST
/orders and the order posted to the notification URL), refund answers and API error bodies.

Sources:
- docs.multisafepay.com/reference (API reference, "Orders": the order object: order_id (the merchant's),
  transaction_id (MultiSafepay's), status, financial_status, amount and amount_refunded (in cents), currency,
  payment_details {type (IDEAL, VISA, MASTERCARD, AMEX, MAESTRO, PAYPAL, APPLEPAY, GOOGLEPAY, BANKTRANS,
  DIRDEB, SOFORT, BANCONTACT, GIROPAY, EPS, KLARNA, AFTERPAY, IN3, PAYAFTER, EINVOICE, ...), account_iban,
  issuer_id, recurring_id}, payment_methods [...], reason, reason_code, customer {country, ...}, created,
  modified, related_transactions; the create-order answer {order_id, payment_url}; POST /orders/{id}/refunds
  answers {transaction_id, refund_id})
- docs.multisafepay.com "Payment statuses" / "Order status" (status and financial_status: initialized (the
  customer is to pay), uncleared (awaiting manual review or clearing), reserved (a refund or payout waiting to be
  processed), completed (paid), shipped, declined, cancelled, void (cancelled by the merchant), expired (not paid
  in time), refunded, partial_refunded, chargedback)
- docs.multisafepay.com/reference/error-reference (and docs/troubleshooting): ``error_code`` / ``error_info``:
  1000 Unknown error (or unknown message type: the payment method is disabled), 1001 Invalid amount, 1002 Invalid
  currency, 1003 Invalid account ID, 1004 Invalid site ID, 1005 Invalid security code, 1006 Invalid transaction /
  order ID, 1007 Invalid IP address, 1008 Invalid description, 1010 Invalid variable, 1011 Invalid customer
  account ID, 1012 Invalid customer security code, 1013 Invalid signature, ...

- MultiSafepay Connect, the legacy XML API (SDK source, no stored docs page): the reply's root element names the
  request (``status``, ``redirecttransaction``, ``directtransaction``) and carries ``result="ok"`` or
  ``result="error"`` with ``error {code, description}`` (wp-pay-gateways/multisafepay-connect src/Client.php); a
  status reply {ewallet {id, status, created, modified, reasoncode, reason}, customer {currency, amount,
  country, ...}, transaction {id (the merchant's), currency, amount (cents), description}, paymentdetails {type,
  ...}} (src/XML/StatusResponseMessage.php); ewallet statuses completed, initialized, uncleared (created, not yet
  cleared), void (cancelled), declined (rejected), refunded, expired (src/Statuses.php; thephpleague/
  omnipay-multisafepay src/Message/CompletePurchaseResponse.php adds canceled), the same words as the JSON API's;
  a redirect-transaction reply {transaction {id, payment_url}} is the payment page (no outcome yet). The error
  codes are the JSON API's table above.

Amounts are cents of ``currency``. Lifecycle identity: the order (order_id) is the payment; transaction_id is
MultiSafepay's transaction, the attempt; a refund answer's refund_id is the refund. Connect: ewallet.id is
MultiSafepay's transaction (the attempt), transaction.id the merchant's order (the payment).
"""

from __future__ import annotations

from typing import Any

ORDER_STATUSES = {
    "initialized": "PENDING",
    "uncleared": "PENDING",
    "reserved": "PENDING",
    "completed": "APPROVED",
    "shipped": "APPROVED",
    "declined": "DECLINED",
    "cancelled": "CANCELLED",
    "canceled": "CANCELLED",
    "void": "CANCELLED",
    "expired": "CANCELLED",
    "refunded": "REFUNDED",
    "partial_refunded": "REFUNDED",
    "chargedback": "CHARGEBACK",
    "charged_back": "CHARGEBACK",
}
ERROR_CODES: dict[str, Any] = {
    "1000": "CONFIGURATION_ERROR",  # unknown message type: the payment method is disabled or unavailable
    "1001": "INVALID_REQUEST",  # Invalid amount
    "1002": "INVALID_REQUEST",  # Invalid currency
    "1003": "CONFIGURATION_ERROR",  # Invalid account ID
    "1004": "CONFIGURATION_ERROR",  # Invalid site ID
    "1005": "CONFIGURATION_ERROR",  # Invalid security code
    "1006": "INVALID_REQUEST",  # Invalid transaction / order ID
    "1007": "INVALID_REQUEST",  # Invalid IP address
    "1008": "INVALID_REQUEST",  # Invalid description
    "1010": "INVALID_REQUEST",  # Invalid variable
    "1011": "CONFIGURATION_ERROR",  # Invalid customer account ID
    "1012": "CONFIGURATION_ERROR",  # Invalid customer security code
    "1013": "CONFIGURATION_ERROR",  # Invalid signature
}
PAYMENT_METHODS = {
    **dict.fromkeys(["visa", "mastercard", "amex", "maestro", "creditcard", "cartebancaire", "dankort", "bancontact",
                     "postepay", "vvvgiftcard"], "CARD"),
    **dict.fromkeys(["ideal", "banktrans", "sofort", "giropay", "eps", "trustly", "mybank", "belfius", "kbc",
                     "cbc", "idealqr", "inghomepay", "dotpay", "alipay_bank"], "BANK_TRANSFER"),
    **dict.fromkeys(["paypal", "applepay", "googlepay", "alipay", "alipayplus", "wechat", "amazonbtn", "paysafecard"],
                    "WALLET"),
    **dict.fromkeys(["dirdeb", "directdebit"], "DIRECT_DEBIT"),
    **dict.fromkeys(["klarna", "afterpay", "riverty", "in3", "payafter", "einvoice", "santander", "billink",
                     "bnpl_instm", "bnpl_inst"], "BNPL"),
}
CARD_BRANDS = {"VISA": "visa", "MASTERCARD": "mastercard", "AMEX": "amex", "MAESTRO": "maestro",
               "IDEAL": None, "PAYPAL": None, "BANKTRANS": None, "DIRDEB": None, "KLARNA": None, "AFTERPAY": None}

_ORDER_FIELDS = {
    "provider_transaction_id": ["transaction_id", "order_id"],
    "status": ["status", "financial_status"],
    "reason_code": ["reason_code", "reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["modified", "created"],
    "payment_method": ["payment_details.type", "payment_methods.0.type"],
    "card_brand": ["payment_details.type"],
    "payment_id": ["order_id"],
    "attempt_id": ["transaction_id"],
    "customer_country": ["customer.country"],
}

# Connect XML replies: the root element names the request (wp-pay-gateways/multisafepay-connect src/Client.php).
CONNECT_ROOTS = ["status", "redirecttransaction", "directtransaction"]
_CONNECT_STATUS_FIELDS = {
    "provider_transaction_id": ["ewallet.id"],
    "status": ["ewallet.status"],
    "reason_code": ["ewallet.reasoncode", "ewallet.reason"],
    "amount": ["transaction.amount"],
    "currency": ["transaction.currency"],
    "event_time": ["ewallet.modified", "ewallet.created"],
    "payment_method": ["paymentdetails.type"],
    "card_brand": ["paymentdetails.type"],
    "attempt_id": ["ewallet.id"],
    "payment_id": ["transaction.id"],
    "customer_country": ["customer.country"],
}
_ORDER_RULES = [
    {"when": {"status": ["refunded", "partial_refunded"]}, "set": {"event_kind": "REFUND"}},
    {"when": {"status": ["chargedback", "charged_back"]}, "set": {"event_kind": "DISPUTE"}},
    {"when": {"status": "void"}, "set": {"event_kind": "VOID"}},
]

SPEC = {
    "provider": "multisafepay",
    "aliases": ["multisafepay", "multi safepay", "multi_safepay", "msp", "multisafe pay", "multisafepay_api"],
    "detect": [
        {"path": "data.financial_status", "exists": True, "weight": 0.5},
        {"path": "data.payment_details.type", "exists": True, "weight": 0.2},
        {"path": "data.fastcheckout", "exists": True, "weight": 0.3},
        {"path": "data.payment_url", "prefix": ["https://payv2.multisafepay.com/", "https://testpayv2.multisafepay.com/",
                                                "https://pay.multisafepay.com/", "https://testpay.multisafepay.com/"],
         "weight": 0.9},
        {"path": "error_info", "exists": True, "weight": 0.4},
        {"path": "error_code", "exists": True, "weight": 0.1},
        {"path": "success", "in": [True, False], "weight": 0.1},
        # The order as posted to the notification URL.
        {"path": "financial_status", "exists": True, "weight": 0.5},
        {"path": "fastcheckout", "exists": True, "weight": 0.3},
        # Connect XML replies: the result attribute on the request's root, the ewallet block of a status reply.
        *({"path": f"{root}.@result", "in": ["ok", "error"], "weight": 0.3} for root in CONNECT_ROOTS),
        {"path": "status.ewallet.status", "exists": True, "weight": 0.3},
        {"path": "status.paymentdetails", "exists": True, "weight": 0.1},
        *({"path": f"{root}.error.code", "exists": True, "weight": 0.2} for root in CONNECT_ROOTS),
        {"path": "redirecttransaction.transaction.payment_url", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": ORDER_STATUSES,
    "reason_map": ERROR_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            # {"success": false, "error_code": 1006, "error_info": "Invalid transaction ID"}: the request refused.
            "name": "error",
            "match": {"error_code": {"exists": True}, "success": False},
            "status": "ERROR",
            "fields": {"status": ["error_code"], "reason_code": ["error_code"]},
            "rules": [
                {"when": {"error_info": {"prefix": ["Invalid transaction ID", "Invalid order ID"]}},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
            ],
        },
        {
            # The create-order answer: the payment page the customer is sent to (no outcome yet).
            "name": "order.created",
            "match": {"data.payment_url": {"exists": True}, "data.status": {"exists": False}},
            "root": "data",
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"status": ["order_id"], "provider_transaction_id": ["order_id"], "payment_id": ["order_id"]},
        },
        {
            # A refund answer: {"data": {"transaction_id", "refund_id"}} (the refund was accepted).
            "name": "refund.created",
            "match": {"data.refund_id": {"exists": True}, "data.status": {"exists": False}},
            "root": "data",
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {"status": ["refund_id"], "provider_transaction_id": ["refund_id"], "refund_id": ["refund_id"],
                       "attempt_id": ["transaction_id"]},
        },
        {
            "name": "order",
            "match": {"data.status": {"exists": True}},
            "root": "data",
            "fields": _ORDER_FIELDS,
            "rules": _ORDER_RULES,
        },
        {
            "name": "notification.order",
            "match": {"financial_status": {"exists": True}, "status": {"exists": True}},
            "fields": _ORDER_FIELDS,
            "rules": _ORDER_RULES,
        },
        # Connect XML: <status result="error"><error><code>1006</code><description>...</description></error>.
        *({
            "name": f"connect.{root}.error",
            "match": {f"{root}.@result": "error"},
            "root": root,
            "status": "ERROR",
            "fields": {"status": ["error.code"], "reason_code": ["error.code"]},
        } for root in CONNECT_ROOTS),
        {
            "name": "connect.status",
            "match": {"status.ewallet.status": {"exists": True}},
            "root": "status",
            "fields": _CONNECT_STATUS_FIELDS,
            "rules": [{"when": {"ewallet.status": rule["when"]["status"]}, "set": rule["set"]}
                      for rule in _ORDER_RULES],
        },
        {
            # The redirect-transaction answer: the payment page the customer is sent to (no outcome yet).
            "name": "connect.redirecttransaction",
            "match": {"redirecttransaction.transaction.payment_url": {"exists": True}},
            "root": "redirecttransaction",
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"status": ["@result"], "provider_transaction_id": ["transaction.id"],
                       "payment_id": ["transaction.id"]},
        },
    ],
}
