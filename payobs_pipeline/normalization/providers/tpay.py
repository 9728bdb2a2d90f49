"""Tpay (Tpay.com, Krajowy Integrator Płatności, Poland): the transaction notification (POST key=value to the
result URL) and the Open API transaction answer.

Sources:
- Transaction notification (docs.tpay.com "tpay_notifications"; support.tpay.com "How to collect POST
  notification about transaction?"; parameters as typed in the @tax1driver/ts-tpay NotificationTransactionData
  reference, tax1driver.github.io/ts-tpay): id (the merchant's id), tr_id (Tpay's transaction title, TR-...),
  tr_date, tr_crc (the merchant's own reference), tr_amount (the transaction's target amount), tr_paid (the amount
  actually paid), tr_desc, tr_status, tr_error, tr_email, md5sum, test_mode. Amounts are in PLN, in major units
  (the Open API's "amount: Transaction amount (in PLN)", docs-api.tpay.com/en/first-steps/first-transaction).
- "Jakie statusy mogą przyjąć powiadomienia POST o płatnościach?" (support.tpay.com): a correct payment has
  tr_amount = tr_paid, tr_status TRUE, tr_error none; an overpayment when only correct payments are accepted has
  tr_status FALSE, tr_error overpay, and "the merchant can react manually ... accept it in full or only the target
  amount" (a second notification follows); accepted in full, tr_status TRUE with tr_error overpay; an
  underpayment within the merchant's threshold, tr_error surcharge.
- "Jak rozróżnić powiadomienia w trybie dwuetapowego przyjmowania płatności?" (support.tpay.com): in two-step
  acceptance the first notification has tr_status PAID; the second TRUE or CHARGEBACK "depending on the decision in
  the first step" - CHARGEBACK is the payment returned to the payer (a refund, not a card dispute).
- Open API (docs-api.tpay.com, "Create a transaction"): POST /transactions answers {result "success", requestId,
  transactionId, title, posId, status "pending" ("The transaction is awaiting payment"), date {creation,
  realization}, amount, currency, description, payer {...}, payments {status, method, amountPaid, date},
  transactionPaymentUrl}; a transaction later reads correct (paid and accepted), paid (paid, awaiting the
  merchant's acceptance, as the PAID notification) or refund.

tr_status FALSE names why in tr_error (overpay / surcharge): the money is paid but the merchant has not accepted
it, so the payment is PENDING.

Not found in the stored documentation: the Open API's error body, and any notification of a failed payment (Tpay
notifies paid transactions only), so no failure reason is mapped.

Lifecycle identity: tr_id (the Open API's title; transactionId its id) is the attempt; the merchant's tr_crc is the
payment (the Open API answer names no merchant reference).
"""

from __future__ import annotations

NOTIFICATION_STATUSES = {"TRUE": "APPROVED", "FALSE": "PENDING", "PAID": "PENDING", "CHARGEBACK": "REFUNDED"}
API_STATUSES = {"pending": "PENDING", "correct": "APPROVED", "paid": "PENDING", "refund": "REFUNDED"}

SPEC = {
    "provider": "tpay",
    "aliases": ["tpay", "tpay.com", "tpaycom", "tpay com", "krajowy integrator platnosci", "transferuj",
                "transferuj.pl"],
    "detect": [
        {"path": "tr_id", "exists": True, "weight": 0.3},
        {"path": "tr_status", "in": list(NOTIFICATION_STATUSES), "weight": 0.3},
        {"path": "tr_crc", "exists": True, "weight": 0.2},
        {"path": "tr_paid", "exists": True, "weight": 0.2},
        {"path": "md5sum", "exists": True, "weight": 0.1},
        {"path": "tr_error", "in": ["none", "overpay", "surcharge"], "weight": 0.1},
        # Open API transaction.
        {"path": "transactionPaymentUrl", "prefix": ["https://secure.tpay.com", "https://openapi.sandbox.tpay.com",
                                                    "https://secure.sandbox.tpay.com"], "weight": 0.6},
        {"path": "title", "prefix": "TR-", "weight": 0.2},
        {"path": "posId", "prefix": "ps_", "weight": 0.3},
        {"path": "payer.payerId", "prefix": "py_", "weight": 0.2},
        {"path": "payments.amountPaid", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "variants": [
        {
            "name": "notification",
            "match": {"tr_id": {"exists": True}, "tr_status": {"exists": True}},
            "default_currency": "PLN",
            "status_map": NOTIFICATION_STATUSES,
            "fields": {"provider_transaction_id": ["tr_id"], "status": ["tr_status"], "amount": ["tr_paid", "tr_amount"],
                       "event_time": ["tr_date"], "merchant_id": ["id"], "attempt_id": ["tr_id"],
                       "payment_id": ["tr_crc"]},
        },
        {
            "name": "transaction",
            "match": {"transactionId": {"exists": True}, "status": {"exists": True}, "title": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": API_STATUSES,
            "fields": {"provider_transaction_id": ["transactionId"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["date.realization", "date.creation"],
                       "merchant_id": ["posId"], "customer_country": ["payer.country"],
                       "attempt_id": ["title"]},
        },
    ],
}
