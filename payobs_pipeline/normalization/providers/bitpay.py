"""BitPay (cryptocurrency invoices): the invoice resource, its Instant Payment Notifications (the legacy
body, the invoice itself, and the extended ``{"event": {code, name}, "data": {...}}`` body), refund
notifications, and API error bodies.

Sources:
- https://developer.bitpay.com/docs/invoice-states (base states: new (payments are applied only in this state;
  15 minutes; a partial payment still reads new), paid ("the amount paid is equal to or greater than the
  amount expected ... This status does not represent a payment guarantee for the merchant, it only indicates
  the customer has broadcasted a transaction"), confirmed, complete, expired, invalid; exceptionStatus
  (false, paidPartial, paidOver, paidLate) gives exception details)
- https://developer.bitpay.com/reference/notifications ("merchants should only mark an order as successful once
  the corresponding BitPay invoice has reached the status confirmed or complete")
- https://developer.bitpay.com/docs/invoice-webhooks (IPN example: id, url, status, price, currency,
  invoiceTime, expirationTime, currentTime, exceptionStatus, buyerFields {buyerCountry, ...},
  paymentSubtotals, orderId, transactionCurrency; by default IPNs for paid, confirmed and complete)
- https://developer.bitpay.com/reference/notification-codes.md (1003 invoice_paidInFull (status paid), 1004
  invoice_expired, 1005 invoice_confirmed, 1006 invoice_completed, 1012 invoice_manuallyNotified (the last
  notification resent), 1013 invoice_failedToConfirm (status invalid), invoice_declined, refund events)
- https://developer.bitpay.com/reference/notifications-refunds.md (refund IPN: event {code, name}, data {id
  (the refund), invoice (the invoice refunded), status, amount (in the invoice's currency), currency,
  refundFee, ...}; the refund statuses preview, created, pending, canceled, success, failure)
- bitpay-sdk InvoiceStatus (new, paid, confirmed, complete, expired, invalid) and API errors
  ``{"status": "error", "code": "...", "data": null, "message": "..."}`` / legacy ``{"error": "..."}``.

Lifecycle identity: a BitPay invoice (its id) is the attempt; the merchant's orderId is the payment; a refund
names its own id and the invoice it refunds.
"""

from __future__ import annotations

STATUSES = {
    "new": "PENDING",
    # Broadcast but unconfirmed: "does not represent a payment guarantee" (the docs say to wait for confirmed).
    "paid": "PENDING",
    "confirmed": "APPROVED",
    "complete": "APPROVED",
    "completed": "APPROVED",
    "expired": "CANCELLED",
    "invalid": "DECLINED",
    "declined": "DECLINED",
}

EVENTS = {
    "invoice_paidInFull": "PENDING",
    "invoice_expired": "CANCELLED",
    "invoice_confirmed": "APPROVED",
    "invoice_completed": "APPROVED",
    "invoice_failedToConfirm": "DECLINED",
    "invoice_declined": "DECLINED",
}

REFUND_STATUSES = {
    "preview": "PENDING",
    "created": "PENDING",
    "pending": "PENDING",
    "success": "REFUNDED",
    "failure": "DECLINED",
    "canceled": "CANCELLED",
    "cancelled": "CANCELLED",
}

_INVOICE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["price"],
    "currency": ["currency"],
    "event_time": ["currentTime", "invoiceTime"],
    "attempt_id": ["id"],
    "payment_id": ["orderId", "id"],
    "customer_country": ["buyerFields.buyerCountry", "buyer.country"],
}

_REFUND_FIELDS = {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                  "currency": ["currency"], "refund_id": ["id"], "attempt_id": ["invoice"]}

SPEC = {
    "provider": "bitpay",
    "aliases": ["bitpay", "bit pay", "bitpay.com", "bitpay_invoice"],
    "detect": [
        {"path": "url", "prefix": ["https://bitpay.com/invoice", "https://test.bitpay.com/invoice"], "weight": 0.6},
        {"path": "data.url", "prefix": ["https://bitpay.com/invoice", "https://test.bitpay.com/invoice"], "weight": 0.6},
        {"path": "event.name", "prefix": ["invoice_", "refund_"], "weight": 0.3},
        {"path": "event.code", "exists": True, "weight": 0.1},
        {"path": "exceptionStatus", "exists": True, "weight": 0.2},
        {"path": "data.exceptionStatus", "exists": True, "weight": 0.2},
        {"path": "paymentSubtotals", "exists": True, "weight": 0.2},
        {"path": "data.paymentSubtotals", "exists": True, "weight": 0.2},
        {"path": "invoiceTime", "exists": True, "weight": 0.1},
        {"path": "data.invoiceTime", "exists": True, "weight": 0.1},
        {"path": "data.invoice", "exists": True, "weight": 0.1},
        {"path": "data.refundFee", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "default_payment_method": "OTHER",
    "variants": [
        {"name": "ipn.refund", "root": "data", "match": {"event.name": {"prefix": "refund_"}, "data": {"exists": True}},
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["lastRefundNotification", "requestDate"],
                    "refund_id": ["id"], "attempt_id": ["invoice"]},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "ipn.invoice", "root": "data", "match": {"event.name": {"exists": True}, "data.id": {"exists": True}},
         "fields": {**_INVOICE_FIELDS, "status": ["status", "^event.name"]},
         "status_map": {**STATUSES, **EVENTS}},
        {"name": "invoice", "match": {"id": {"exists": True}, "status": {"exists": True}, "price": {"exists": True},
                                      "currency": {"exists": True}},
         "fields": _INVOICE_FIELDS},
        # An invoice (or its legacy IPN) kept without its currency: the state stands, but BitPay invoices are
        # priced in many currencies (developer.bitpay.com/reference/invoices: currency, "ISO 4217 3-character
        # currency code"), so a price without one is not read. A stored copy may keep only id and status.
        {"name": "invoice.without_currency",
         "match": {"id": {"exists": True}, "status": list(STATUSES), "currency": {"exists": False}},
         "fields": {key: paths for key, paths in _INVOICE_FIELDS.items() if key not in ("amount", "currency")}},
        {"name": "refund", "match": {"invoice": {"exists": True}, "status": {"exists": True}, "amount": {"exists": True},
                                     "currency": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # A refund (its notification's data, or a stored copy naming neither its invoice nor its currency): the
        # refund statuses are not invoice statuses, so the status says it is a refund; an amount without its
        # currency is not read.
        {"name": "refund.without_currency",
         "match": {"id": {"exists": True}, "status": list(REFUND_STATUSES), "currency": {"exists": False}},
         "fields": {key: paths for key, paths in _REFUND_FIELDS.items() if key not in ("amount", "currency")},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "refund", "match": {"id": {"exists": True}, "status": list(REFUND_STATUSES), "amount": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "api_error", "match": {"status": "error", "message": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["code", "message"]},
         "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}]},
    ],
}
