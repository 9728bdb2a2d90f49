"""AppyPay (Angola, appypay.co.ao): the charge webhook (a charge or refund whose status changed) and the charge
answer of its gateway API (gwy-api.appypay.co.ao/v2.0/charges), Multicaixa references (REF) and Multicaixa Express
(GPO) pushes.

AppyPay's own reference (developers.appypay.ao) is not public and not stored: this mapping rests on integrators'
source only, and maps only what that source shows.
- The charge webhook as an integration reads it (github.com/ovandunen/oportunidade-backend
  src/main/java/ao/co/oportunidade/webhook/dto/AppyPayWebhookPayload.java, from SDK source): id (AppyPay's
  transaction id), merchantTransactionId (the merchant's order id), type ("Charge", "Refund"), amount (a decimal),
  currency ("AOA"), status ("Success", "Pending", "Failed"), paymentMethod ("REF" for a reference), reference
  {referenceNumber, entity, dueDate, startDate, status}, events [{type, status, message, timestamp}], responseStatus
  {code, message, success, errorCode, errorDetails}, customer, createdDate, updatedDate, metadata; the same
  repository's README.md lists the statuses it routes: Success, Pending, Failed, Cancelled, and its
  docs/WEBHOOK_EXAMPLES.md shows a failed charge with responseStatus.errorCode INSUFFICIENT_FUNDS.
- The charge answer (github.com/Gomes19/appypay-sdk src/AppyPay/DTO/Responses/ChargeResponse.php and
  ResponseStatus.php, from SDK source): {id, merchantTransactionId, amount, currency, paymentMethod, responseStatus
  {successful, status, code, message, source, reference {referenceNumber, ...}}}, the charge's status read from
  responseStatus.status (README: charges listed by status "Pending"); payment methods GPO_<id> (Multicaixa Express
  push to the payer's phone) and REF_<id> (a Multicaixa reference paid at an ATM or in home banking).

Read as: Success -> APPROVED, Pending -> PENDING, Failed -> DECLINED, Cancelled -> CANCELLED; a Refund-type
document is a REFUND (Success -> REFUNDED, Failed -> DECLINED). Amounts are decimals in AOA (major units). Not
mapped: AppyPay's error-code table and API error bodies (not in any stored source; only INSUFFICIENT_FUNDS is shown),
QR codes (a code to show, not a payment outcome).
"""

from __future__ import annotations

STATUSES = {"Success": "APPROVED", "Pending": "PENDING", "Failed": "DECLINED", "Cancelled": "CANCELLED"}
REFUND_STATUSES = {"Success": "REFUNDED", "Pending": "PENDING", "Failed": "DECLINED", "Cancelled": "CANCELLED"}

ERROR_REASONS = {"INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS"}

# REF: a Multicaixa reference paid at an ATM or in home banking (read as Multibanco references are, CASH_VOUCHER);
# GPO: Multicaixa Express, the payer's mobile app (WALLET). The SDK's GPO_<id>/REF_<id> method ids are not read.
PAYMENT_METHODS = {"REF": "CASH_VOUCHER", "GPO": "WALLET"}

_CHARGE = {
    "provider_transaction_id": ["id"],
    "status": ["status", "responseStatus.status"],
    "reason_code": ["responseStatus.errorCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updatedDate", "createdDate"],
    "payment_method": ["paymentMethod"],
    "attempt_id": ["id"],
    "payment_id": ["merchantTransactionId"],
}


SPEC = {
    "provider": "appypay",
    "aliases": ["appypay", "appy pay", "appypay angola", "appypay.co.ao", "appypay.ao", "gwy-api.appypay.co.ao"],
    "detect": [
        {"path": "merchantTransactionId", "exists": True, "weight": 0.1},
        {"path": "reference.entity", "exists": True, "weight": 0.15},
        {"path": "reference.referenceNumber", "exists": True, "weight": 0.15},
        {"path": "responseStatus.reference.referenceNumber", "exists": True, "weight": 0.15},
        {"path": "responseStatus.successful", "exists": True, "weight": 0.1},
        {"path": "responseStatus.success", "exists": True, "weight": 0.1},
        {"path": "paymentMethod", "prefix": ["REF", "GPO"], "weight": 0.15},
        {"path": "type", "in": ["Charge", "Refund"], "weight": 0.1},
        {"path": "currency", "in": ["AOA"], "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": ERROR_REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _CHARGE,
    "variants": [
        {
            "name": "refund",
            "match": {"type": "Refund"},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_CHARGE, "attempt_id": [], "refund_id": ["id"]},
        },
        {"name": "charge"},
    ],
}
