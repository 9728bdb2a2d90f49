"""BTCPay Server (Greenfield API v1): invoice webhooks and the invoice object.

Sources (SDK source and integration notes: the docs.btcpayserver.org Greenfield reference itself was not in the
stored corpora):
- dys2p/btcpay event.go (a Go Greenfield client): the webhook event types InvoiceCreated, InvoiceReceivedPayment,
  InvoiceProcessing, InvoiceExpired, InvoiceSettled, InvoiceInvalid, InvoicePaymentSettled; the event {deliveryId,
  webhookId, originalDeliveryId, isRedelivery, type, timestamp (unix seconds), storeId, invoiceId, metadata};
  manuallyMarked (InvoiceInvalid, InvoiceSettled), afterExpiration (InvoiceReceivedPayment), partiallyPaid
  (InvoiceExpired), overPaid (InvoiceProcessing); "settled" = paid in time, in full, and confirmed.
- OpenSats/website docs/btcpay-webhook-setup.md: the same payload with metadata.orderId.
- The invoice statuses New, Processing, Expired, Invalid, Settled and the invoice {id, storeId, amount (a decimal
  string in the invoice currency), currency, checkoutLink, createdTime, expirationTime, monitoringExpiration,
  status, additionalStatus, availableStatusesForManualMarking, metadata} as typed by Greenfield client code in the
  code index (TypeScript InvoiceStatus unions); additionalStatus values (PaidPartial, PaidLate, PaidOver, Marked,
  Invalid) rest on recollection. The Greenfield error body was not findable and is not mapped.

Outcomes: InvoiceSettled is the payment's approval; InvoicePaymentSettled settles one payment of the invoice
(possibly partial), so it stays PENDING until InvoiceSettled; InvoiceExpired is an invoice left unpaid
(CANCELLED); InvoiceInvalid is a payment that failed to confirm or an invoice marked invalid (DECLINED). A webhook
carries no amount. Lifecycle identity: the invoice id is the attempt, metadata.orderId the merchant's payment.
"""

from __future__ import annotations

WEBHOOK_EVENTS = {
    "InvoiceCreated": "PENDING",
    "InvoiceReceivedPayment": "PENDING",   # a payment seen, not confirmed
    "InvoiceProcessing": "PENDING",        # paid in full, awaiting confirmations
    "InvoicePaymentSettled": "PENDING",    # one payment confirmed; the invoice settles on InvoiceSettled
    "InvoiceSettled": "APPROVED",
    "InvoiceExpired": "CANCELLED",
    "InvoiceInvalid": "DECLINED",
}
INVOICE_STATUSES = {
    "New": "PENDING",
    "Processing": "PENDING",
    "Settled": "APPROVED",
    "Expired": "CANCELLED",
    "Invalid": "DECLINED",
}
INVALID_REASONS = {"InvoiceInvalid": "GENERIC_DECLINE", "Invalid": "GENERIC_DECLINE"}

SPEC = {
    "provider": "btcpayserver",
    "aliases": ["btcpayserver", "btcpay", "btcpay server", "btcpay-server", "btcpay greenfield"],
    "detect": [
        {"path": "deliveryId", "exists": True, "weight": 0.2},
        {"path": "webhookId", "exists": True, "weight": 0.2},
        {"path": "isRedelivery", "exists": True, "weight": 0.2},
        {"path": "invoiceId", "exists": True, "weight": 0.05},
        {"path": "storeId", "exists": True, "weight": 0.1},
        {"path": "type", "in": list(WEBHOOK_EVENTS), "weight": 0.2},
        {"path": "checkoutLink", "exists": True, "weight": 0.15},
        {"path": "availableStatusesForManualMarking", "exists": True, "weight": 0.35},
        {"path": "monitoringExpiration", "exists": True, "weight": 0.2},
        {"path": "additionalStatus", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": INVOICE_STATUSES,
    "reason_map": INVALID_REASONS,
    "default_payment_method": "OTHER",
    "fields": {
        "provider_transaction_id": ["id"],
        "status": ["status"],
        "reason_code": ["status"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["createdTime"],
        "merchant_id": ["storeId"],
        "attempt_id": ["id"],
        "payment_id": ["metadata.orderId"],
    },
    "variants": [
        {
            "name": "webhook",
            "match": {"type": list(WEBHOOK_EVENTS), "invoiceId": {"exists": True}},
            "status_map": WEBHOOK_EVENTS,
            "fields": {"provider_transaction_id": ["invoiceId"], "status": ["type"], "reason_code": ["type"],
                       "amount": [], "event_time": ["timestamp"], "attempt_id": ["invoiceId"]},
            "rules": [{"when": {"type": "InvoiceInvalid", "manuallyMarked": True},
                       "set": {"failure_reason": "RISK_REJECTED"}}],
        },
        {
            "name": "invoice",
            "match": {"id": {"exists": True}, "status": list(INVOICE_STATUSES), "checkoutLink": {"exists": True}},
        },
    ],
}
