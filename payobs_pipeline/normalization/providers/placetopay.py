"""PlacetoPay (Evertec; Colombia, Ecuador, Panama, Chile, ...): the WebCheckout (Redirection) session answers,
the session query, its notification, the reverse answer and the error answer.

Sources (PlacetoPay WebCheckout documentation, docs.placetopay.dev / docs-gateway "Checkout"; the official PHP
client dnetix/redirection, src/Entities/Status.php and its README):
- Every answer carries a status object ``{"status", "reason", "message", "date"}``; its ``status`` is one of
  OK, FAILED, APPROVED, APPROVED_PARTIAL, REJECTED, PENDING, PENDING_VALIDATION, REFUNDED, ERROR, UNKNOWN
  (Status.php); the session also takes PARTIAL_EXPIRED (a partially paid session that expired).
- Create session (``POST /api/session``): ``{"status": {"status": "OK", "reason": "PC", ...}, "requestId",
  "processUrl"}``: a checkout opened, nothing paid.
- Query session (``POST /api/session/{requestId}``): ``{"requestId", "status", "request": {"payment":
  {"reference", "amount": {"currency", "total"}}}, "payment": [{"status", "internalReference",
  "paymentMethod", "paymentMethodName", "issuerName", "amount": {"from": {...}, "to": {...}}, "authorization",
  "reference", "receipt", "franchise", "refunded", "processorFields"}]}``. Each transaction's status.reason is
  the processor's response code (ISO 8583 "00", "05", "51", ...), read through the shared ISO table. The
  session's REJECTED with reason "?C" is the buyer cancelling the session.
- Notification (POST to notificationUrl): ``{"status": {...}, "requestId", "reference", "signature"}``: the
  session's outcome, no amount.
- Reverse (``POST /api/reverse``): ``{"status": {...}, "payment": {transaction}}``: the transaction reversed
  (status.status APPROVED for the reverse operation itself, the transaction REFUNDED).
- Errors: ``{"status": {"status": "FAILED", "reason": 401, "message": "Autenticación fallida 103", "date"}}``
  (401 authentication; other reasons: the request was invalid).
- Amounts are decimals in the currency's major unit (``total``).

Lifecycle identity: the session (requestId) is the payment; a transaction (internalReference) is an attempt.
"""

from __future__ import annotations

STATUSES = {
    "APPROVED": "APPROVED",
    "APPROVED_PARTIAL": "PENDING",  # part of the session paid, the rest still due
    "PARTIAL_EXPIRED": "CANCELLED",
    "REJECTED": "DECLINED",
    "PENDING": "PENDING",
    "PENDING_VALIDATION": "PENDING",
    "REFUNDED": "REFUNDED",
    "ERROR": "ERROR",
    "FAILED": "ERROR",
    "UNKNOWN": "UNKNOWN",
    "OK": "PENDING",  # a session created
}

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("visa", "master", "mastercard", "amex", "diners", "visa_electron", "codensa",
                                 "credencial", "discover", "maestro")},
    "pse": "BANK_TRANSFER", "_pse_": "BANK_TRANSFER",
    "efecty": "CASH_VOUCHER", "_efecty_": "CASH_VOUCHER",
}

_STATUS_NAMES = list(STATUSES)

SPEC = {
    "provider": "placetopay",
    "aliases": ["placetopay", "place to pay", "placetopay evertec", "evertec placetopay", "webcheckout placetopay"],
    "detect": [
        {"path": "requestId", "exists": True, "weight": 0.3},
        {"path": "processUrl", "exists": True, "weight": 0.3},
        {"path": "status.status", "in": _STATUS_NAMES, "weight": 0.2},
        {"path": "status.reason", "exists": True, "weight": 0.1},
        {"path": "status.message", "exists": True, "weight": 0.05},
        {"path": "payment.0.internalReference", "exists": True, "weight": 0.3},
        {"path": "payment.internalReference", "exists": True, "weight": 0.4},
        {"path": "payment.0.paymentMethodName", "exists": True, "weight": 0.1},
        {"path": "request.payment.amount.total", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {"status.status": "FAILED", "requestId": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["status.reason"], "event_time": ["status.date"]},
            "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}},
                      {"when": {"status.reason": [401, "401"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            "name": "reverse",
            "match": {"payment.internalReference": {"exists": True}, "requestId": {"exists": False}},
            "root": "payment",
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["internalReference"], "status": ["status.status"],
                       "reason_code": ["status.reason"], "amount": ["amount.from.total"],
                       "currency": ["amount.from.currency"], "event_time": ["status.date"],
                       "payment_method": ["paymentMethod"], "card_brand": ["paymentMethod"],
                       "attempt_id": ["internalReference"], "refund_id": ["^payment.receipt"]},
            "status_map": {"REFUNDED": "REFUNDED", "APPROVED": "REFUNDED", "REJECTED": "DECLINED"},
        },
        {
            "name": "session_with_transaction",
            "match": {"requestId": {"exists": True}, "payment.0.status.status": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {
                "provider_transaction_id": ["payment.0.internalReference"],
                "status": ["payment.0.status.status", "status.status"],
                "reason_code": ["payment.0.status.reason", "status.reason"],
                "amount": ["payment.0.amount.from.total", "request.payment.amount.total"],
                "currency": ["payment.0.amount.from.currency", "request.payment.amount.currency"],
                "event_time": ["payment.0.status.date", "status.date"],
                "payment_method": ["payment.0.paymentMethod"],
                "card_brand": ["payment.0.paymentMethod"],
                "attempt_id": ["payment.0.internalReference"],
                "payment_id": ["requestId"],
            },
            # A reversed transaction is refunded whole (one reverse per transaction): the refund is the transaction's.
            "rules": [{"when": {"payment.0.status.status": "REFUNDED"}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "session",
            "match": {"requestId": {"exists": True}, "status.status": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["requestId"],
                "status": ["status.status"],
                "reason_code": ["status.reason"],
                "amount": ["request.payment.amount.total"],
                "currency": ["request.payment.amount.currency"],
                "event_time": ["status.date"],
                "payment_id": ["requestId"],
            },
            # The buyer cancelled the session (reason ?C): not a decline.
            "rules": [{"when": {"status.status": "REJECTED", "status.reason": "?C"},
                       "set": {"status_category": "CANCELLED"}}],
        },
    ],
}
