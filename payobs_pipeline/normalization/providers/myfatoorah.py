"""MyFatoorah (Kuwait and the GCC, Egypt, Jordan): the GetPaymentStatus answer, the Webhook V1 events
(TransactionsStatusChanged, RefundStatusChanged, BalanceTransferred), the Webhook V2 PAYMENT_STATUS_CHANGED event
and the API error answer.

Sources:
- "Payment Inquiry" (docs.myfatoorah.com/docs/payment-inquiry): GetPaymentStatus by InvoiceId, PaymentId or
  CustomerReference; "MyFatoorah invoice may have more than one transaction. The InvoiceStatus parameter represents
  the overall status of the invoice": "Paid" if there is a successful transaction (TransactionStatus "Succss"),
  "Pending" if all transactions are "InProgress" or "Failed".
- The GetPaymentStatus Data and InvoiceTransactions fields as typed by SDK and integration code (myfatoorah_pay
  response/get_payment_status.dart on pub.dev; mukhsith/AdhariNew Utility/Models/MyFatoorah/
  InvoiceTransactionModel.cs; rezaRadBaramJK/sphoto-backend ... GetPaymentStatus/InvoiceTransaction.cs):
  IsSuccess, Message, ValidationErrors, Data {InvoiceId, InvoiceStatus, InvoiceReference, CustomerReference,
  InvoiceValue, InvoiceTransactions [{TransactionDate, PaymentGateway, ReferenceId, TrackId, TransactionId,
  PaymentId, AuthorizationId, TransactionStatus, TransationValue, CustomerServiceCharge, DueValue, PaidCurrency,
  PaidCurrencyValue, IpAddress, Country, Currency, Error, CardNumber, ErrorCode}]}. PaidCurrencyValue is in
  PaidCurrency, major units (KWD has three decimals).
- "Webhook V1" (docs.myfatoorah.com/docs/webhook-v1): {EventType 1 Transaction Status Changed, 2 Refund Status
  Changed, 3 Balance Transferred, ...; Event; DateTime "ddMMyyyyHHmmss"; CountryIsoCode; Data}. "Recurring Data
  Model" (EventType 5): the transaction status is SUCCESS or FAILED. "Refund Data Model"
  (docs.myfatoorah.com/docs/refund-data-model): Data {RefundId, RefundReference, CreatedDate, RefundStatus REFUNDED
  | CANCELED, Amount, Comments, InvoiceId, InvoiceRefernce, GatewayReference {PaymentId, AuthorizationId,
  ReferenceId, TransactionId, RefundAmount, Currency, PaymentMethod}}. The TransactionsStatusChanged Data fields
  read here (InvoiceId, InvoiceReference, CustomerReference, PaymentId, TransactionStatus) are the ones the
  official Magento 2 module reads (snaptec2020/myfatoorah-magento2-gateway Model/WebHook.php) plus the status
  words of the Recurring page; its amount fields are not read (not in a stored source).
- "Webhook V2", "Payment Status Data Model" (docs.myfatoorah.com/docs/webhook-v2-payment-status-data-model):
  Event {Code 1, Name PAYMENT_STATUS_CHANGED, CountryIsoCode, CreationDate, Reference}, Data.Invoice {Id, Status
  PAID | PENDING, Reference}, Data.Transaction (failed, authorized, released or successful transactions). The
  Transaction object's field names are not in the stored excerpt: the V2 event is read at the invoice level.
- Errors: answers with IsSuccess false, a Message and ValidationErrors [{Name, Error}] (the same typed models):
  an invalid request.

Not mapped: MyFatoorah's payment error code table (the MF0xx codes of a transaction's ErrorCode) is not among the
stored sources, so a failed transaction has failure_reason UNKNOWN with its code kept as the raw reason; the
recurring event's and the V2 transaction's field names; the supplier events.

Lifecycle identity: MyFatoorah's PaymentId is the attempt (one per transaction of an invoice); the InvoiceId is
the payment (the merchant's CustomerReference names it too); a refund is its RefundId.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "Succss": "APPROVED",  # sic, the GetPaymentStatus spelling
    "InProgress": "PENDING",
    "Failed": "DECLINED",
    "SUCCESS": "APPROVED",
    "FAILED": "DECLINED",
}

INVOICE_STATUSES = {"Paid": "APPROVED", "Pending": "PENDING", "PAID": "APPROVED", "PENDING": "PENDING"}

REFUND_STATUSES = {"REFUNDED": "REFUNDED", "CANCELED": "CANCELLED"}

V1_EVENTS = ["TransactionsStatusChanged", "RefundStatusChanged", "BalanceTransferred", "RecurringStatusChanged"]

_TRANSACTION = "Data.InvoiceTransactions.-1."

SPEC = {
    "provider": "myfatoorah",
    "aliases": ["myfatoorah", "my fatoorah", "myfatoorah.com", "fatoorah", "myfatoorah gateway"],
    "detect": [
        {"path": "Data.InvoiceTransactions", "exists": True, "weight": 0.4},
        {"path": "Data.InvoiceStatus", "in": list(INVOICE_STATUSES), "weight": 0.2},
        {"path": "IsSuccess", "exists": True, "weight": 0.1},
        {"path": "ValidationErrors", "exists": True, "weight": 0.1},
        {"path": "Event", "in": V1_EVENTS, "weight": 0.4},
        {"path": "EventType", "in": ["1", "2", "3", "5"], "weight": 0.1},
        {"path": "CountryIsoCode", "exists": True, "weight": 0.1},
        {"path": "Event.Name", "in": ["PAYMENT_STATUS_CHANGED"], "weight": 0.4},
        {"path": "Event.CountryIsoCode", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "variants": [
        {
            "name": "error",
            "match": {"IsSuccess": False, "Data.InvoiceTransactions": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["ValidationErrors.Name", "Message"]},
            "rules": [{"when": {"ValidationErrors": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "payment_status",
            "match": {"Data.InvoiceId": {"exists": True}, "Data.InvoiceStatus": {"exists": True}},
            "fields": {
                "provider_transaction_id": [_TRANSACTION + "PaymentId", "Data.InvoiceId"],
                "status": [_TRANSACTION + "TransactionStatus", "Data.InvoiceStatus"],
                "reason_code": [_TRANSACTION + "ErrorCode", _TRANSACTION + "Error"],
                "amount": [_TRANSACTION + "PaidCurrencyValue"],
                "currency": [_TRANSACTION + "PaidCurrency"],
                "event_time": [_TRANSACTION + "TransactionDate", "Data.CreatedDate"],
                "payment_method": [_TRANSACTION + "PaymentGateway"],
                "attempt_id": [_TRANSACTION + "PaymentId"],
                "payment_id": ["Data.InvoiceId"],
            },
            "status_map": {**TRANSACTION_STATUSES, **INVOICE_STATUSES},
        },
        {
            "name": "balance_transferred",
            "match": {"EventType": "3"},
            "not_a_payment": "a balance transfer to the merchant's bank account: a payout",
        },
        {
            "name": "refund_status",
            "root": "Data",
            "match": {"EventType": "2", "Data.RefundStatus": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {
                "provider_transaction_id": ["RefundId"],
                "status": ["RefundStatus"],
                "amount": ["GatewayReference.RefundAmount"],
                "currency": ["GatewayReference.Currency"],
                "attempt_id": ["GatewayReference.PaymentId"],
                "payment_id": ["InvoiceId"],
                "refund_id": ["RefundId"],
            },
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "transaction_status",
            "root": "Data",
            "match": {"EventType": "1", "Data.TransactionStatus": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["PaymentId", "InvoiceId"],
                "status": ["TransactionStatus"],
                "attempt_id": ["PaymentId"],
                "payment_id": ["InvoiceId"],
            },
            "status_map": TRANSACTION_STATUSES,
        },
        {
            "name": "payment_status_changed_v2",
            "root": "Data",
            "match": {"Event.Name": "PAYMENT_STATUS_CHANGED"},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["Invoice.Id"],
                "status": ["Invoice.Status"],
                "event_time": ["^Event.CreationDate"],
                "payment_id": ["Invoice.Id"],
            },
            "status_map": INVOICE_STATUSES,
        },
    ],
}
