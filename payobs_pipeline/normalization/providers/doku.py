"""DOKU (Indonesia; DOKU Checkout and DOKU Direct, formerly Jokul): the HTTP notification of a payment, the Check
Status answer (the same body) and the API error body.

Sources (DOKU developer documentation, developers.doku.com, and its earlier site jokul.doku.com / dashboard.doku.com):
- "HTTP Notification Sample - Non SNAP" (https://developers.doku.com/getting-started-with-doku-api/notification/
  http-notification-sample-non-snap, also dashboard.doku.com/docs/docs/http-notification/http-notification/):
  service.id (VIRTUAL_ACCOUNT, ...), acquirer.id (BCA, BANK_MANDIRI, ...), channel.id (VIRTUAL_ACCOUNT_BCA, ...),
  transaction {status, date (ISO 8601, UTC), original_request_id}, order {invoice_number, amount},
  virtual_account_info, virtual_account_payment; card notifications add card_payment (the card's masked number,
  approval code and the acquirer's response code and message: field names card_payment.response_code /
  response_message from recollection of the card sample, not read here).
- "Check Status API - Non SNAP" (https://developers.doku.com/getting-started-with-doku-api/check-status-api/non-snap)
  and "Status Mapping" (dashboard.doku.com/docs/docs/technical-references/status-mapping): transaction.status
  PENDING ("waiting to be paid by the customer"), SUCCESS ("paid by the customer"), FAILED ("failed to be paid"),
  EXPIRED ("due date is exceeded"), REFUNDED ("fund is refunded"), TIMEOUT ("Transaction is timeout ... Call Check
  Status API to get final status"; help.doku.com: "reaches a timeout due to connection issues"), REDIRECT ("waiting
  for acquirer verification"); "The response will be similar to HTTP notification". order.amount is "In IDR
  Currency and without decimal" (Host-to-Host card guide).
- Service ids (the channels of the status table): VIRTUAL_ACCOUNT, ONLINE_TO_OFFLINE (convenience stores: Alfa,
  Indomaret), CREDIT_CARD, DIRECT_DEBIT, E_MONEY / EMONEY / EWALLET, PAYLATER, and QRIS and PEER_TO_PEER (from
  recollection of DOKU Checkout's payment method types).
- DOKU API error codes ("Error Codes Glossary" of DOKU's API reference, dfo66gdng8.apidog.io/error-codes-glossary-
  1265070m0): the body ``{"status": "FAILED", "response_code": ..., "message": ...}`` with INVALID_PARAMETER (400),
  INVALID_TOKEN (401), MERCHANT_NOT_ACTIVE (403), TRANSACTION_NOT_FOUND (404), DUPLICATE_TRANSACTION (409),
  VALIDATION_ERROR (422), TOO_MANY_REQUESTS (429), SERVER_ERROR (500), MAINTENANCE_MODE (503).

Not mapped: the DOKU Checkout "Initiate Payment" answer (a checkout page opened; its sample was not in the pages
read) and the SNAP (BI standard) API bodies, whose responseCode tables were not read.

A card failure names the acquirer's ISO 8583 response code, read through the shared table; other failures name no
reason (DECLINED / UNKNOWN). TIMEOUT is an outcome not yet known (UNKNOWN / TIMEOUT), not a decline.

Lifecycle identity: order.invoice_number is the payment; transaction.original_request_id (the Request-Id of the
payment request DOKU answers) is the attempt.
"""

from __future__ import annotations

STATUSES = {
    "PENDING": "PENDING",
    "SUCCESS": "APPROVED",
    "FAILED": "DECLINED",
    "EXPIRED": "CANCELLED",
    "REFUNDED": "REFUNDED",
    "TIMEOUT": "UNKNOWN",
    "REDIRECT": "PENDING",
}

REASONS = {
    "FAILED": "UNKNOWN",
    "TIMEOUT": {"reason": "TIMEOUT", "source": "TECHNICAL"},
}

ERROR_REASONS = {
    "INVALID_PARAMETER": "INVALID_REQUEST",
    "VALIDATION_ERROR": "INVALID_REQUEST",
    "TRANSACTION_NOT_FOUND": "INVALID_REQUEST",
    "INVALID_TOKEN": {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"},
    "MERCHANT_NOT_ACTIVE": {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"},
    "DUPLICATE_TRANSACTION": "DUPLICATE",
    "TOO_MANY_REQUESTS": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
    "SERVER_ERROR": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
    "MAINTENANCE_MODE": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
}

PAYMENT_METHODS = {
    "VIRTUAL_ACCOUNT": "BANK_TRANSFER",
    "ONLINE_TO_OFFLINE": "CASH_VOUCHER",
    "CREDIT_CARD": "CARD",
    "DIRECT_DEBIT": "DIRECT_DEBIT",
    "E_MONEY": "WALLET",
    "EMONEY": "WALLET",
    "EWALLET": "WALLET",
    "QRIS": "WALLET",
    "PAYLATER": "BNPL",
    "PEER_TO_PEER": "BNPL",
}

SPEC = {
    "provider": "doku",
    "aliases": ["doku", "jokul", "doku jokul", "doku checkout", "doku direct", "doku payment", "nusa satu inti artha"],
    "detect": [
        # Notification / Check Status.
        {"path": "transaction.original_request_id", "exists": True, "weight": 0.3},
        {"path": "order.invoice_number", "exists": True, "weight": 0.2},
        {"path": "service.id", "in": list(PAYMENT_METHODS), "weight": 0.2},
        {"path": "acquirer.id", "exists": True, "weight": 0.1},
        {"path": "channel.id", "exists": True, "weight": 0.1},
        {"path": "virtual_account_info", "exists": True, "weight": 0.1},
        {"path": "card_payment", "exists": True, "weight": 0.1},
        {"path": "transaction.status", "in": list(STATUSES), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "IDR",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {"response_code": {"exists": True}, "status": "FAILED"},
            "status": "ERROR",
            "default_currency": None,
            "reason_map": ERROR_REASONS,
            "fields": {"reason_code": ["response_code"]},
        },
        {
            "name": "notification",
            "match": {"transaction.status": {"exists": True}, "order": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction.original_request_id", "order.invoice_number"],
                "status": ["transaction.status"],
                "reason_code": ["card_payment.response_code", "transaction.status"],
                "amount": ["order.amount"],
                "currency": ["order.currency"],
                "event_time": ["transaction.date"],
                "payment_method": ["service.id"],
                "attempt_id": ["transaction.original_request_id"],
                "payment_id": ["order.invoice_number"],
            },
        },
    ],
}
