"""PayPlug (France; groupe BPCE): the REST API payment and refund objects, which are also what PayPlug posts to the
notification URL (IPN) when a payment or refund changes.

Sources:
- PayPlug API reference (docs.payplug.com/api/apiref.html, "Payments", "Refunds", "Notifications"): a payment
  {id "pay_...", object "payment", is_live, amount (in cents), amount_refunded, currency, created_at, is_paid,
  paid_at, is_refunded, is_3ds, authorization {authorized_amount, authorized_at, expires_at} (deferred capture),
  card {last4, country, exp_month, exp_year, brand}, billing {country}, customer {country} (API versions before
  2019-08-06), hosted_payment {payment_url, return_url, cancel_url, paid_at}, notification {url, response_code},
  failure {code, message}, payment_method {type} (alternative methods), installment_plan_id, refundable_after,
  refundable_until, metadata}; a refund {id "re_...", object "refund", is_live, amount, currency, payment_id,
  created_at, metadata}. A notification "is a POST request containing the resource" (payment or refund) in JSON.
- The payment's failure codes: processing_error, card_declined, insufficient_funds, 3ds_declined,
  incorrect_number, fraud_suspected, method_unsupported, timeout, aborted; described in PayPlug's support article
  "How to use the payment information" (support.payplug.com): "There was an error while processing the payment",
  "The customer's bank declined the payment", "The card has reached its transaction limit", "The customer's bank
  could not complete 3DS authentication", "The card data is not correct (card number, expiry date or CVV)", "The
  payment is suspected to be a fraud", "You have aborted the transaction", "The customer has not tried to pay and
  left the payment page", "The payment method is not supported (e.g. e-carte bleue)".
- The same article's statuses: a payment is Pending until paid (not paid, aborted or failed), Paid, Refunded (the
  payment was completely refunded), Failed. The payplug-python library (payplug/resources.py) reads a notification
  by its ``object`` (payment, refund) and a payment's nested card, customer, hosted_payment, notification and
  failure objects.
- Alternative payment methods (apiref "payment_method"): oney_x3_with_fees, oney_x4_with_fees, oney_x3_without_fees,
  oney_x4_without_fees (Oney instalments), bancontact, apple_pay, american_express, satispay, ideal, mybank.

Readings: a failed payment's failure.code decides its status: aborted (by the merchant) and timeout (the customer
left without trying) are CANCELLED, processing_error an ERROR, the others DECLINED. A payment with is_paid is
APPROVED; one only authorized (deferred capture: authorization.authorized_at) is APPROVED too; one fully refunded
(is_refunded) is REFUNDED; any other payment is still PENDING (created, the customer has not paid). PayPlug's API
error bodies are not read here: the documentation pages available named no error body fields.

Lifecycle identity: the payment's id ("pay_...") is both attempt and payment (one payment object per attempt); a
refund's id ("re_...") is the refund, its payment_id the attempt and payment it refunds.
"""

from __future__ import annotations

FAILURE_STATUSES = {
    "processing_error": "ERROR",
    "card_declined": "DECLINED",
    "insufficient_funds": "DECLINED",
    "3ds_declined": "DECLINED",
    "incorrect_number": "DECLINED",
    "fraud_suspected": "DECLINED",
    "method_unsupported": "DECLINED",
    "timeout": "CANCELLED",
    "aborted": "CANCELLED",
}

REASONS = {
    "processing_error": "PROCESSING_ERROR",
    "card_declined": "GENERIC_DECLINE",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "3ds_declined": "AUTHENTICATION_FAILED",
    "incorrect_number": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "fraud_suspected": "SUSPECTED_FRAUD",
    "method_unsupported": "TRANSACTION_NOT_PERMITTED",
}

PAYMENT_METHODS = {
    **{oney: "BNPL" for oney in ("oney_x3_with_fees", "oney_x4_with_fees", "oney_x3_without_fees",
                                 "oney_x4_without_fees")},
    "bancontact": "CARD", "american_express": "CARD",
    "apple_pay": "WALLET", "satispay": "WALLET",
    "ideal": "BANK_TRANSFER", "mybank": "BANK_TRANSFER",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paid_at", "hosted_payment.paid_at", "authorization.authorized_at", "created_at"],
    "payment_method": ["payment_method.type"],
    "card_brand": ["card.brand"],
    "card_country": ["card.country"],
    "customer_country": ["billing.country", "customer.country"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}

SPEC = {
    "provider": "payplug",
    "aliases": ["payplug", "pay plug", "payplug sas", "payplug api"],
    "detect": [
        {"path": "is_live", "exists": True, "weight": 0.3},
        {"path": "id", "prefix": "pay_", "weight": 0.2},
        {"path": "object", "in": ["payment", "refund"], "weight": 0.1},
        {"path": "is_paid", "exists": True, "weight": 0.3},
        {"path": "is_refunded", "exists": True, "weight": 0.1},
        {"path": "hosted_payment.payment_url", "exists": True, "weight": 0.3},
        {"path": "refundable_until", "exists": True, "weight": 0.2},
        {"path": "installment_plan_id", "exists": True, "weight": 0.1},
        {"path": "failure.code", "in": list(FAILURE_STATUSES), "weight": 0.2},
        {"path": "payment_id", "prefix": "pay_", "weight": 0.3},
    ],
    "amount_unit": "minor",
    "default_payment_method": "CARD",
    "status_map": FAILURE_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "refund",
            "match": {"object": "refund"},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "default_payment_method": None,
            "fields": {"provider_transaction_id": ["id"], "amount": ["amount"], "currency": ["currency"],
                       "event_time": ["created_at"], "refund_id": ["id"], "attempt_id": ["payment_id"],
                       "payment_id": ["payment_id"]},
        },
        {
            "name": "failed_payment",
            "match": {"object": "payment", "failure.code": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {**_PAYMENT_FIELDS, "status": ["failure.code"], "reason_code": ["failure.code"]},
        },
        {
            "name": "refunded_payment",
            "match": {"object": "payment", "is_refunded": "true"},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            # The payment names none of its refunds (each is its own "re_" object): no refund id, never the payment's.
            "fields": {**_PAYMENT_FIELDS, "refund_id": ["refund_id"]},
        },
        {
            "name": "paid_payment",
            "match": {"object": "payment", "is_paid": "true"},
            "status": "APPROVED",
            "event_kind": "AUTHORIZATION",
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "authorized_payment",
            "match": {"object": "payment", "authorization.authorized_at": {"exists": True}},
            "status": "APPROVED",
            "event_kind": "AUTHORIZATION",
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "unpaid_payment",
            "match": {"object": "payment"},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": _PAYMENT_FIELDS,
        },
    ],
}
