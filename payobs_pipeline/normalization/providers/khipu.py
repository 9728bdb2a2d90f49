"""Khipu (Chile; instant bank-transfer payments): the payment answer (``GET /v3/payments/{id}``, ``GET
/v2/payments?notification_token=``), the version 3.0 notification that posts the reconciled payment, the version
1.3 notification that posts only a token, the payment creation answer and the API error body.

Sources:
- Khipu Instant Payment API v3.0, "Get payment by Id" (docs.khipu.com/apis/v3/instant-payments/openapi/other/
  getpaymentbyid.md, English docs.khipu.com/en/apis/v3/...; the same schema at
  docs.khipu.com/openapi/en/v1/instant-payment/openapi/operation/getPaymentById/ and the response example of
  "postPaymentByToken"): payment_id (12 characters, unique), payment_url, simplified_transfer_url,
  transfer_url, app_url (``khipu:///pos/<id>``), ready_for_terminal, notification_token, receiver_id (the
  collection account), conciliation_date, subject, amount ("without thousands separator, '.' as the decimal
  separator", so major units), currency (ISO 4217: CLP, CLF, ARS, PEN, MXN, USD, EUR, BOB, COP), status,
  status_detail, bank, bank_id, payer_name, payer_email, personal_identifier, bank_account_number,
  out_of_date_conciliation, transaction_id (the merchant's own id: invoice or order number), custom,
  payment_method, funds_source.
- status: ``pending`` (the payer has not started paying), ``verifying`` (the payment is being verified), ``done``
  (the payment is confirmed). status_detail: ``pending``, ``normal`` (verified and paid by a standard means),
  ``marked-paid-by-receiver`` (the collector marked it paid by other means), ``rejected-by-payer`` (the payer
  declared they will not pay), ``marked-as-abuse`` (the payer declared they will not pay and the charge was
  unsolicited), ``reversed`` (annulled by the merchant, the money returned to the payer). Same texts in the SDK
  model khipu/khipu-api-ruby-client lib/khipu-api-client/models/payments_response.rb.
- payment_method: regular_transfer, simplified_transfer, not_available (marked paid by the collector);
  funds_source debit / prepaid / credit or empty for a bank transfer (payments_response.rb).
- "Webhook para notificaciones" (docs.khipu.com/portal/es/payment-webhook, /portal/en/payment-webhook): with
  notify_api_version 1.3 (API 2.0) Khipu posts only ``notification_token`` (and ``api_version``) to be looked
  up: a notification without outcome. With 3.0 the POST carries the payment's data; "Create payment"
  (docs.khipu.com/apis/v3/instant-payments/openapi/other/postpayment.md) says notify_url is called "when the
  payment is reconciled" (conciliado), so such a notification without a status is a done payment. The exact
  field list of the 3.0 notification (payment_id, receiver_id, subject, amount, currency, transaction_id,
  payer and bank fields, no status) rests on recollection of that page's example, not on a stored copy.
- Create payment answers {payment_id, payment_url, simplified_transfer_url, transfer_url, app_url,
  ready_for_terminal}: a payment opened, nothing paid yet (PENDING, PAYMENT).
- Errors (SDK models khipu/khipu-api-java-client src/main/java/com/khipu/api/model/ValidationError.java,
  AuthorizationError.java, ServiceError.java; the Ruby client's models/validation_error.rb): ``{"status":
  <HTTP code>, "message": ..., "errors": [{"field", "message"}]}`` for 400 validation errors, ``{"status",
  "message"}`` for 403 authorization and 503 service errors; the v3 reference lists 400, 401, 403, 404, 500.
  Khipu documents no finer error code table for the payments API (the ``A000`` / ``E1xx`` codes of
  docs.khipu.com/portal/en/errors belong to the Open Finance data API, not to payments).

Khipu documents no declines: a bank transfer is either paid, still pending, refused by the payer
(rejected-by-payer / marked-as-abuse: CANCELLED, the payer abandoned it) or reversed by the merchant (REFUNDED).
Refunds (``POST /v3/payments/{id}/refunds``) answer only {message}; the payment itself then shows ``reversed``.
Amounts are major units; currency as the payment states it.

Lifecycle identity: Khipu's payment_id is the attempt; the merchant's transaction_id is the payment (else
Khipu's payment_id); a reversal is read from the payment (refund id: the payment_id, one reversal per payment).
"""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# status_detail first (it is the finer word), then status.
STATUSES = {
    "pending": "PENDING",
    "verifying": "PENDING",
    "done": "APPROVED",
    "normal": "APPROVED",
    "marked-paid-by-receiver": "APPROVED",
    "rejected-by-payer": "CANCELLED",
    "marked-as-abuse": "CANCELLED",
    "reversed": "REFUNDED",
}

STATUS_DETAILS = ["pending", "normal", "marked-paid-by-receiver", "rejected-by-payer", "marked-as-abuse",
                  "reversed"]

# The HTTP status an error body carries in its ``status`` (taxonomy: API error answers).
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "500": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {"regular_transfer": "BANK_TRANSFER", "simplified_transfer": "BANK_TRANSFER",
                   "not_available": "OTHER"}



def prepare(body):
    """A notification API 1.3 post carries only the token to look the payment up: no outcome to read."""
    if isinstance(body, dict) and body.get("notification_token") and "payment_id" not in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "khipu: notification_token only; call GET /payments")
    return body


_URL_PREFIXES = ["https://khipu.com/payment/", "https://app.khipu.com/payment/"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["payment_id"],
    "status": ["status_detail", "status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["conciliation_date"],
    "payment_method": ["payment_method"],
    "merchant_id": ["receiver_id"],
    "attempt_id": ["payment_id"],
    "payment_id": ["transaction_id", "payment_id"],
}

SPEC = {
    "provider": "khipu",
    "aliases": ["khipu", "khipu.com", "khipu chile", "khipu instant payments", "khipu api"],
    "detect": [
        {"path": "status_detail", "in": STATUS_DETAILS, "weight": 0.3},
        {"path": "notification_token", "exists": True, "weight": 0.3},
        {"path": "payment_url", "prefix": _URL_PREFIXES, "weight": 0.5},
        {"path": "simplified_transfer_url", "exists": True, "weight": 0.3},
        {"path": "app_url", "prefix": "khipu:", "weight": 0.5},
        {"path": "receiver_id", "exists": True, "weight": 0.1},
        {"path": "personal_identifier", "exists": True, "weight": 0.1},
        {"path": "bank_account_number", "exists": True, "weight": 0.1},
        {"path": "out_of_date_conciliation", "exists": True, "weight": 0.2},
        {"path": "responsible_user_email", "exists": True, "weight": 0.2},
        {"path": "api_version", "in": ["1.3"], "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"status": {"in": list(HTTP_REASONS)}, "message": {"exists": True},
                      "payment_id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["status"]},
            "reason_map": HTTP_REASONS,
        },
        {
            "name": "reversed",
            "match": {"payment_id": {"exists": True}, "status_detail": "reversed"},
            "event_kind": "REFUND",
        },
        {
            "name": "payment",
            "match": {"payment_id": {"exists": True}, "status": {"exists": True}},
        },
        {
            "name": "created",
            "match": {"payment_id": {"exists": True}, "payment_url": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
        },
        {
            # Notification API 3.0: posted when the payment is reconciled; it carries no status.
            "name": "notification_v3",
            "match": {"payment_id": {"exists": True}, "receiver_id": {"exists": True}, "amount": {"exists": True}},
            "status": "APPROVED",
        },
    ],
}
