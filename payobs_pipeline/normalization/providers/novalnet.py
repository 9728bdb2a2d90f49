"""Novalnet (Germany): Payment API v2 answers and webhook notifications (JSON).

Sources:
- Novalnet "Status code & Description" (sandboxdeveloper.novalnet.com/resources/status-code): every answer has a
  result {status SUCCESS | FAILURE, status_code, status_text} ("the decision making about the API/Notification
  result will solely depend on the parameter status under the object result"; a failure example: status_code
  300085 "The payment method is temporarily unavailable, please try again later"), and a transaction {status
  ...} giving the transaction's state: PROGRESS (a temporary state while the customer is redirected), PENDING,
  ON_HOLD (authorized, awaiting capture), CONFIRMED, DEACTIVATED (cancelled), FAILURE. The stored excerpt of
  that page stops after PROGRESS; the other values and their meaning are those the Novalnet shop plugins
  (github.com/Novalnet-AG, plugin source, not tests) check: PENDING, ON_HOLD, CONFIRMED, DEACTIVATED.
- Novalnet "Webhook events" (sandboxdeveloper.novalnet.com/resources/webhooks/events) and "Notification Webhooks
  Parameter Reference" (developer.novalnet.com/asynchronousnotification/parameterspassed): event {type,
  checksum, tid, parent_tid (the original transaction of a follow-up event: chargeback, credit entry, ...)},
  result, transaction {tid, amount in the smaller currency unit (cents), currency, payment_type, order_no,
  status, payment_data {card_brand, ...}}, customer {billing {country_code}}; event.type PAYMENT,
  TRANSACTION_CAPTURE, TRANSACTION_CANCEL, TRANSACTION_REFUND, TRANSACTION_UPDATE, SUBSCRIPTION_CANCEL,
  SUBSCRIPTION_UPDATE, SUBSCRIPTION_SUSPEND, SUBSCRIPTION_REACTIVATE, CREDIT, CHARGEBACK, INSTALMENT, RENEWAL,
  AFFILIATE_CREATION, AFFILIATE_ACTIVATION, INSTALMENT_CANCEL, PAYMENT_REMINDER, COLLECTION, CALL_N_PAY,
  PAY_BY_LINK, PAYMENT_LINK_UPDATE, ACCOUNT_ACTIVATION, PRODUCT_ACTIVATION. A refund names its amount in
  transaction.refund {tid, amount, currency}.
Not found in the stored documentation: the list of result.status_code error codes and their meanings; a
FAILURE therefore keeps its status_code as the raw reason with reason UNKNOWN (no guess).
Lifecycle identity: transaction.tid is the attempt (a follow-up event's parent_tid names the original one);
order_no is the merchant's payment; a refund's or chargeback's own tid is its id.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "CONFIRMED": "APPROVED",
    "ON_HOLD": "APPROVED",  # authorized, awaiting capture
    "PENDING": "PENDING",
    "PROGRESS": "PENDING",  # the customer is being redirected
    "DEACTIVATED": "CANCELLED",
    "FAILURE": "DECLINED",
}
PAYMENT_TYPES = {
    "CREDITCARD": "CARD", "DIRECT_DEBIT_SEPA": "DIRECT_DEBIT", "GUARANTEED_DIRECT_DEBIT_SEPA": "DIRECT_DEBIT",
    "DIRECT_DEBIT_ACH": "DIRECT_DEBIT", "INVOICE": "OTHER", "GUARANTEED_INVOICE": "BNPL",
    "INSTALMENT_INVOICE": "BNPL", "INSTALMENT_DIRECT_DEBIT_SEPA": "BNPL", "PREPAYMENT": "BANK_TRANSFER",
    "CASHPAYMENT": "CASH_VOUCHER", "MULTIBANCO": "BANK_TRANSFER", "PAYPAL": "WALLET", "APPLEPAY": "WALLET",
    "GOOGLEPAY": "WALLET", "ALIPAY": "WALLET", "WECHATPAY": "WALLET", "IDEAL": "BANK_TRANSFER",
    "ONLINE_TRANSFER": "BANK_TRANSFER", "ONLINE_BANK_TRANSFER": "BANK_TRANSFER", "GIROPAY": "BANK_TRANSFER",
    "EPS": "BANK_TRANSFER", "PRZELEWY24": "BANK_TRANSFER", "POSTFINANCE": "BANK_TRANSFER",
    "POSTFINANCE_CARD": "CARD", "BANCONTACT": "BANK_TRANSFER", "TRUSTLY": "BANK_TRANSFER", "BLIK": "BANK_TRANSFER",
    # follow-up payment types of chargebacks and credit entries
    "CREDITCARD_CHARGEBACK": "CARD", "RETURN_DEBIT_SEPA": "DIRECT_DEBIT", "PAYPAL_CHARGEBACK": "WALLET",
    "REVERSAL": "DIRECT_DEBIT", "INVOICE_CREDIT": "OTHER", "ONLINE_TRANSFER_CREDIT": "BANK_TRANSFER",
    "CASHPAYMENT_CREDIT": "CASH_VOUCHER", "MULTIBANCO_CREDIT": "BANK_TRANSFER",
}
NOT_PAYMENT_EVENTS = ["SUBSCRIPTION_CANCEL", "SUBSCRIPTION_UPDATE", "SUBSCRIPTION_SUSPEND",
                      "SUBSCRIPTION_REACTIVATE", "AFFILIATE_CREATION", "AFFILIATE_ACTIVATION", "INSTALMENT_CANCEL",
                      "PAYMENT_REMINDER", "COLLECTION", "PAYMENT_LINK_UPDATE", "ACCOUNT_ACTIVATION",
                      "PRODUCT_ACTIVATION"]

_FIELDS = {
    "provider_transaction_id": ["transaction.tid", "event.tid"],
    "status": ["transaction.status"],
    "reason_code": ["result.status_code"],
    "amount": ["transaction.amount"],
    "currency": ["transaction.currency"],
    "payment_method": ["transaction.payment_type"],
    "card_brand": ["transaction.payment_data.card_brand"],
    "customer_country": ["customer.billing.country_code"],
    "merchant_id": ["merchant.project", "merchant.vendor"],
    "attempt_id": ["event.parent_tid", "transaction.tid"],
    "payment_id": ["transaction.order_no"],
}
# result.status FAILURE is a failure whatever the transaction's state says.
_FAILURE_RULE = {"when": {"result.status": "FAILURE"}, "set": {"status_category": "DECLINED"}}

SPEC = {
    "provider": "novalnet",
    "aliases": ["novalnet", "novalnet ag", "novalnet_ag", "novalnet payment", "novalnet_api"],
    "detect": [
        {"path": "result.status", "in": ["SUCCESS", "FAILURE"], "weight": 0.15},
        {"path": "result.status_text", "exists": True, "weight": 0.15},
        {"path": "result.status_code", "exists": True, "weight": 0.1},
        {"path": "transaction.tid", "exists": True, "weight": 0.3},
        {"path": "transaction.status", "in": sorted(TRANSACTION_STATUSES), "weight": 0.1},
        {"path": "event.checksum", "exists": True, "weight": 0.3},
        {"path": "event.type", "in": ["PAYMENT", "TRANSACTION_CAPTURE", "TRANSACTION_CANCEL", "TRANSACTION_REFUND",
                                      "TRANSACTION_UPDATE", "CREDIT", "CHARGEBACK", "INSTALMENT", "RENEWAL",
                                      *NOT_PAYMENT_EVENTS], "weight": 0.2},
    ],
    "amount_unit": "minor",
    "payment_method_map": PAYMENT_TYPES,
    "status_map": TRANSACTION_STATUSES,
    "variants": [
        {
            "name": "webhook_not_a_payment",
            "match": {"event.type": NOT_PAYMENT_EVENTS},
            "not_a_payment": "a Novalnet subscription, affiliate, reminder, collection or account notification",
        },
        {
            # A refund: its own tid and amount under transaction.refund.
            "name": "webhook_refund",
            "match": {"event.type": "TRANSACTION_REFUND"},
            "fields": {**_FIELDS, "amount": ["transaction.refund.amount", "transaction.amount"],
                       "currency": ["transaction.refund.currency", "transaction.currency"],
                       "refund_id": ["transaction.refund.tid", "event.tid"]},
            "status_map": {"CONFIRMED": "REFUNDED", "ON_HOLD": "REFUNDED", "PENDING": "PENDING",
                           "DEACTIVATED": "REFUNDED"},
            "event_kind": "REFUND",
            "rules": [{"when": {"result.status": "FAILURE"}, "set": {"status_category": "DECLINED"}}],
        },
        {
            # Chargeback or return debit: the event's tid is the chargeback, parent_tid the payment.
            "name": "webhook_chargeback",
            "match": {"event.type": "CHARGEBACK"},
            "fields": {**_FIELDS, "dispute_id": ["transaction.tid", "event.tid"]},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
        },
        {
            # An incoming credit (invoice, prepayment, cash payment paid by the customer).
            "name": "webhook_credit",
            "match": {"event.type": "CREDIT"},
            "fields": _FIELDS,
            "event_kind": "PAYMENT",
            "rules": [_FAILURE_RULE],
        },
        {
            "name": "webhook_capture",
            "match": {"event.type": "TRANSACTION_CAPTURE"},
            "fields": _FIELDS,
            "event_kind": "CAPTURE",
            "rules": [_FAILURE_RULE],
        },
        {
            "name": "webhook_cancel",
            "match": {"event.type": "TRANSACTION_CANCEL"},
            "fields": _FIELDS,
            "event_kind": "VOID",
            "status_map": {"DEACTIVATED": "CANCELLED"},
            "rules": [{"when": {"result.status": "FAILURE"}, "set": {"status_category": "ERROR"}}],
        },
        {
            # PAYMENT, TRANSACTION_UPDATE, RENEWAL, INSTALMENT, PAY_BY_LINK ... and the API's payment answers.
            "name": "transaction",
            "match": {"transaction.status": {"exists": True}},
            "fields": _FIELDS,
            "rules": [_FAILURE_RULE],
        },
        {
            # A FAILURE answer with no transaction: the request was refused (authentication, parameters).
            "name": "api_error",
            "match": {"result.status": "FAILURE"},
            "fields": {"status": ["result.status"], "reason_code": ["result.status_code"]},
            "status": "ERROR",
        },
    ],
}
