"""Przelewy24 (P24, Poland): the REST API's transaction and refund notifications, the card notifications, the
transaction-by-session answer, the refund answers and the API error bodies; and the legacy (API 3.2) status
notification.

Sources (Przelewy24 REST API documentation, developers.przelewy24.pl, "Przelewy24 REST API Documentation" 1.0.16,
as the OpenAPI file published at api-evangelist/przelewy24 openapi/_original/openapi.yml and its json-schema/
split):
- Transaction registration / notification: "On transaction success the URL address transferred in urlStatus is
  used to send notification ... The notification is sent only for correct payments. The system does not send
  information on invalid or failed payments." The notification (TransactionResult) carries merchantId, posId,
  sessionId (the merchant's unique id), amount, originAmount, currency, orderId (P24's numeric transaction id),
  methodId, statement, sign. Amounts are "in groszy, 1234 means PLN 12.34". The merchant then confirms the payment
  with transaction/verify ("Transaction will be confirmed only after verification process").
- Get transaction by sessionId (TransactionBySessionIdResponse, ``{data: {...}, responseCode}``): status "0 - no
  payment, 1 - advance payment, 2 - payment made, 3 - payment returned", amount, currency, orderId, sessionId,
  date (registration), dateOfTransaction (payment), paymentMethod, clientEmail ...
- Refund notification (TransactionRefundResult, sent to the refund's urlStatus): orderId, sessionId, merchantId,
  requestId, refundsUuid, amount ("in lowest currency unit, e.g. 1.23 PLN = 123"), currency, timestamp (UNIX),
  status "0 - completed, 1 - rejected", sign.
- Refund request answers: 201 TransactionRefund201 ``{data: [{orderId, sessionId, amount, description, status true,
  message "success"}], responseCode 0}`` (accepted; the outcome follows in the refund notification); 409
  TransactionRefund409 ``{error: [{... status false, message}], code 409}`` with message "Transaction not found",
  "Transaction in wrong status - cannot refund", "Insufficient funds available", "The amount of refund exceeds
  available amount for the transaction".
- Card API notifications: CardPaymentPositiveNotification {merchantId, posId, orderId, sessionId, method, result
  {error "0", message "Correct Transaction", cardInfoData}, sign} and CardPaymentNegativeNotification {..., result
  {error, message "Incorrect Transaction", rejectReason ("declined"), behaviour ("abort"), issuerResponseCode
  ("Response code from the bank")}}: the issuer's ISO 8583 code is read through the shared table.
- Transaction verification answer (PUT /api/v1/transaction/verify; json-schema/
  extended_TransactionVerificationResponse.json: {data: {status "success"}, responseCode 0}): the merchant's verify
  accepted, the transaction confirmed ("Transaction will be confirmed only after verification process"): APPROVED.
  It names no transaction and carries no amount.
- Error bodies: InvalidInputData {error "Invalid input data", code 400}, UnauthorizedResponse {error "Incorrect
  authentication", code 401}, TransactionNotFoundResponse {error "Transaction not found", responseCode 0},
  ErrorCodeResponse {error "Undefined error", code 500}.
- Legacy API 3.2 status notification (urlStatus POST, key=value): p24_merchant_id, p24_pos_id, p24_session_id,
  p24_amount (groszy), p24_currency, p24_order_id, p24_method, p24_statement, p24_sign - likewise sent only for a
  correct payment.

The transaction notification has no status field: P24 sends it only for a correct payment, so it is APPROVED.
Payment methods are numeric ids of P24's own list (bank transfers, BLIK, cards, wallets) that the documentation
returns from payment/methods rather than stating, so no payment method is read from them; the card notifications
are CARD.

Lifecycle identity: the P24 orderId is the attempt; the merchant's sessionId (unique per transaction registration)
is the payment; a refund's refundsUuid (the merchant's id of the refund request) is the refund.
"""

from __future__ import annotations

SESSION_STATUSES = {"0": "PENDING", "1": "PENDING", "2": "APPROVED", "3": "REFUNDED"}
REFUND_STATUSES = {"0": "REFUNDED", "1": "DECLINED"}
CARD_RESULTS = {"0": "APPROVED"}  # result.error of a card notification; any other code is a refusal (rule)

REASONS = {
    # Error bodies (the "error" text) and HTTP codes.
    "invalid input data": "INVALID_REQUEST",
    "incorrect authentication": "CONFIGURATION_ERROR",
    "transaction not found": "INVALID_REQUEST",
    "transaction not exist": "INVALID_REQUEST",
    "undefined error": "PROCESSING_ERROR",
    "unknown error": "PROCESSING_ERROR",
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "409": "INVALID_REQUEST", "500": "PROCESSING_ERROR",
    # Refund conflicts (TransactionRefund409 messages).
    "transaction in wrong status - cannot refund": "INVALID_REQUEST",
    "the amount of refund exceeds available amount for the transaction": "INVALID_REQUEST",
    "insufficient funds available": {"reason": "INSUFFICIENT_FUNDS", "source": "MERCHANT_CONFIG"},
    # A rejected refund names no reason.
    "1": "UNKNOWN",
    # Card notifications: the reject reason when the issuer's code says nothing more.
    "declined": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},
}

_IDS = {"attempt_id": ["orderId"], "payment_id": ["sessionId"], "merchant_id": ["merchantId"]}

SPEC = {
    "provider": "przelewy24",
    "aliases": ["przelewy24", "p24", "przelewy 24", "przelewy24.pl", "przelewy24 rest", "dialcom24"],
    "detect": [
        # REST notifications: the merchant's sessionId beside P24's orderId, signed.
        {"path": "sessionId", "exists": True, "weight": 0.15},
        {"path": "orderId", "exists": True, "weight": 0.1},
        {"path": "sign", "exists": True, "weight": 0.15},
        {"path": "posId", "exists": True, "weight": 0.15},
        {"path": "originAmount", "exists": True, "weight": 0.2},
        {"path": "methodId", "exists": True, "weight": 0.1},
        {"path": "statement", "exists": True, "weight": 0.1},
        {"path": "refundsUuid", "exists": True, "weight": 0.3},
        {"path": "requestId", "exists": True, "weight": 0.05},
        {"path": "result.rejectReason", "exists": True, "weight": 0.2},
        {"path": "result.behaviour", "exists": True, "weight": 0.1},
        {"path": "result.cardInfoData", "exists": True, "weight": 0.1},
        # Transaction by sessionId.
        {"path": "data.sessionId", "exists": True, "weight": 0.2},
        {"path": "data.orderId", "exists": True, "weight": 0.1},
        {"path": "data.statement", "exists": True, "weight": 0.1},
        {"path": "data.accountMD5", "exists": True, "weight": 0.2},
        {"path": "data.dateOfTransaction", "exists": True, "weight": 0.1},
        {"path": "responseCode", "exists": True, "weight": 0.05},
        # Refund request answers (data[] / error[] of refund items; a list's first element is read by name).
        {"path": "data.0.message", "in": ["success"], "weight": 0.15},
        {"path": "data.0.status", "in": [True], "weight": 0.05},
        {"path": "error.0.sessionId", "exists": True, "weight": 0.2},
        {"path": "error.0.orderId", "exists": True, "weight": 0.1},
        # Legacy API 3.2 notification.
        {"path": "p24_session_id", "exists": True, "weight": 0.4},
        {"path": "p24_order_id", "exists": True, "weight": 0.3},
        {"path": "p24_sign", "exists": True, "weight": 0.1},
        {"path": "p24_merchant_id", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "variants": [
        {
            "name": "refund_notification",
            "match": {"refundsUuid": {"exists": True}, "status": {"exists": True}, "orderId": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["refundsUuid"], "status": ["status"], "reason_code": ["status"],
                       "amount": ["amount"], "currency": ["currency"], "event_time": ["timestamp"],
                       "refund_id": ["refundsUuid"], **_IDS},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "card_notification",
            "match": {"result.error": {"exists": True}, "orderId": {"exists": True}, "sessionId": {"exists": True}},
            "default_payment_method": "CARD",
            "fields": {"provider_transaction_id": ["orderId"], "status": ["result.error"],
                       "reason_code": ["result.issuerResponseCode", "result.rejectReason", "result.error"], **_IDS},
            "status_map": CARD_RESULTS,
            # The negative notification (a rejectReason, or an error code other than "0") is a refusal.
            "rules": [{"when": {"result.error": {"exists": True}}, "set": {"status_category": "DECLINED"}},
                      {"when": {"result.error": "0", "result.rejectReason": {"exists": False}},
                       "set": {"status_category": "APPROVED"}}],
        },
        {
            "name": "transaction_notification",
            "match": {"orderId": {"exists": True}, "sessionId": {"exists": True}, "sign": {"exists": True},
                      "amount": {"exists": True}},
            "status": "APPROVED",
            "fields": {"provider_transaction_id": ["orderId"], "amount": ["amount"], "currency": ["currency"], **_IDS},
        },
        {
            "name": "refund_accepted",
            "root": "data.0",
            "match": {"data.0.orderId": {"exists": True}, "data.0.message": {"exists": True}},  # data is a list
            "status": "PENDING",
            "event_kind": "REFUND",
            "default_currency": "PLN",  # "The refunded amount, in polish groshes" (RefundArrayObjectBody)
            "fields": {"provider_transaction_id": ["orderId"], "amount": ["amount"], "attempt_id": ["orderId"],
                       "payment_id": ["sessionId"]},
        },
        {
            "name": "verify_answer",
            "match": {"data.status": "success", "data.sessionId": {"exists": False}},
            "status": "APPROVED",
            "fields": {},
        },
        {
            "name": "transaction_by_session",
            "root": "data",
            "match": {"data.sessionId": {"exists": True}, "data.status": {"exists": True}},
            "fields": {"provider_transaction_id": ["orderId"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["dateOfTransaction", "date"],
                       "attempt_id": ["orderId"], "payment_id": ["sessionId"]},
            "status_map": SESSION_STATUSES,
        },
        {
            "name": "refund_conflict",
            "root": "error.0",
            "match": {"error.0.message": {"exists": True}, "error.0.orderId": {"exists": True}},
            "status": "ERROR",
            "event_kind": "REFUND",
            "default_currency": "PLN",  # "The refunded amount, in polish groshes" (ErrorRefundArrayObject)
            "fields": {"provider_transaction_id": ["orderId"], "reason_code": ["message", "^code"],
                       "amount": ["amount"], "attempt_id": ["orderId"], "payment_id": ["sessionId"]},
        },
        {
            "name": "error",
            "match": {"error": {"exists": True}, "sessionId": {"exists": False}, "data": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["error", "code"]},
        },
        {
            "name": "legacy_notification",
            "match": {"p24_session_id": {"exists": True}, "p24_order_id": {"exists": True}},
            "status": "APPROVED",
            "fields": {"provider_transaction_id": ["p24_order_id"], "amount": ["p24_amount"],
                       "currency": ["p24_currency"], "merchant_id": ["p24_merchant_id"],
                       "attempt_id": ["p24_order_id"], "payment_id": ["p24_session_id"]},
        },
    ],
}
