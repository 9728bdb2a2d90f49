"""Windcave (formerly Payment Express / DPS) REST API: transactions and sessions.

Sources:
- windcave.com/developer-e-commerce-api-rest (REST guide: sessions for the Hosted Payment Page, transactions;
  sec.windcave.com / uat.windcave.com ``/api/v1/sessions`` and ``/api/v1/transactions``)
- GET /api/v1/sessions/{id} answers as returned by Windcave's UAT host, quoted in an integration's source
  (a Firebase webhook service, ``handleWebhook``): session ``id``, ``state`` ("complete"), ``type``, ``amount``
  (a decimal string), ``currency``, ``merchantReference``, ``methods``, ``callbackUrls``
  approved / declined / cancelled, ``links`` to ``.../api/v1/...``, and ``transactions[]`` with ``id``,
  ``authorised`` (true / false: the outcome), ``allowRetry``, ``reCo`` and ``responseText`` (also under
  ``acquirer``), ``authCode``, ``type`` (purchase ...), ``method`` (card, applepay, googlepay), ``dateTimeUtc``,
  ``amount``, ``currency``, ``card.type`` (visa), ``sessionId``
- windcave.com/developer-integrated-eftpos-responsecodes (ReCo: "the fully numeric Response Codes are defined by
  the bank or acquirers"; 00 approved, 03 invalid merchant, 76 Declined, 91 the issuer cannot be reached ...)

``authorised`` decides approved vs declined; ``reCo`` is the bank's (ISO 8583) code, read through the shared
table except where Windcave documents its own meaning (76 Declined). Transaction types: purchase and auth are
authorizations, complete the capture, refund a refund, void the release of an authorisation; validate is a card
check with no payment. A session with no transaction yet is the checkout the customer is still to pay.

Not mapped (no output documentation found in the stored corpora): PxPay 2.0 / PxPost / PxFusion XML answers and
REST error bodies; they fall to the heuristic normalizer.

Lifecycle identity: the attempt is the transaction ``id``; the payment is the session (``sessionId`` on its
transactions); a refund transaction's own ``id`` is the refund.
"""

from __future__ import annotations

from typing import Any

_WINDCAVE_API = ["https://sec.windcave.com/api/v1/", "https://uat.windcave.com/api/v1/",
                 "https://sec.paymentexpress.com/api/v1/", "https://uat.paymentexpress.com/api/v1/"]

AUTHORISED = {"true": "APPROVED", "false": "DECLINED"}
TRANSACTION_KINDS = {"purchase": "AUTHORIZATION", "auth": "AUTHORIZATION", "complete": "CAPTURE",
                     "refund": "REFUND", "void": "VOID"}
SESSION_STATES = {"init": "PENDING", "pending": "PENDING", "processing": "PENDING"}
PAYMENT_METHODS = {
    "card": "CARD",
    **dict.fromkeys(["applepay", "googlepay", "paypal", "alipay", "wechat", "wechatpay", "unionpay"], "WALLET"),
    "account2account": "BANK_TRANSFER",
}
# Windcave's own meaning of a ReCo where it differs from ISO 8583 (eftpos response codes page).
REASONS = {"76": "GENERIC_DECLINE"}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["authorised"],
    "reason_code": ["reCo", "acquirer.reCo", "responseText"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["dateTimeUtc"],
    "payment_method": ["method"],
    "card_brand": ["card.type"],
    "payment_id": ["sessionId"],
}


def _transaction_rules(prefix: str = "") -> list[dict]:
    rules: list[dict] = [
        {"when": {f"{prefix}type": kind}, "set": {"event_kind": event_kind}}
        for kind, event_kind in TRANSACTION_KINDS.items() if event_kind != "AUTHORIZATION"
    ]
    rules += [
        {"when": {f"{prefix}type": "refund", f"{prefix}authorised": True}, "set": {"status_category": "REFUNDED"}},
        {"when": {f"{prefix}type": "void", f"{prefix}authorised": True}, "set": {"status_category": "CANCELLED"}},
    ]
    return rules


def prepare(body: Any) -> Any:
    """Unchanged: every Windcave answer maps declaratively (kept for the provider contract's purity check)."""
    return body


# Aliases of the legacy API generation (its own module), named by both so a hint reaches either.
LEGACY_ALIASES = ["payment express", "pxfusion", "pxpay2", "windcave_pxpay", "windcave_pxpost"]

SPEC = {
    "provider": "windcave",
    "aliases": ["windcave", "payment_express", "paymentexpress", "dps", "pxpay", "pxpost", "windcave_rest",
                *LEGACY_ALIASES],
    "detect": [
        {"path": "reCo", "exists": True, "weight": 0.4},
        {"path": "allowRetry", "exists": True, "weight": 0.3},
        {"path": "authorised", "in": [True, False], "weight": 0.1},
        {"path": "responseText", "exists": True, "weight": 0.1},
        {"path": "currencyNumeric", "exists": True, "weight": 0.1},
        {"path": "links.0.href", "prefix": _WINDCAVE_API, "weight": 0.4},
        {"path": "callbackUrls.approved", "exists": True, "weight": 0.2},
        {"path": "transactions.0.reCo", "exists": True, "weight": 0.4},
        {"path": "transactions.0.allowRetry", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "status_map": AUTHORISED,
    "variants": [
        {
            "name": "transaction.validate",
            "match": {"type": "validate", "authorised": {"exists": True}},
            "not_a_payment": "a card validation (no payment)",
        },
        {
            "name": "transaction",
            "match": {"authorised": {"exists": True}, "id": {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "rules": _transaction_rules(),
        },
        {
            "name": "session.validate",
            "match": {"transactions.0.type": "validate"},
            "not_a_payment": "a card validation session (no payment)",
        },
        {
            # A session with its transaction(s): the (first listed) transaction is the outcome.
            "name": "session.transaction",
            "match": {"transactions.0.authorised": {"exists": True}},
            "root": "transactions.0",
            "fields": {**_TRANSACTION_FIELDS, "payment_id": ["sessionId", "^id"]},
            "rules": _transaction_rules(),
        },
        {
            "name": "session.open",
            "match": {"state": list(SESSION_STATES), "callbackUrls": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["state"],
                "amount": ["amount"],
                "currency": ["currency"],
                "payment_id": ["id"],
            },
            "status_map": SESSION_STATES,
        },
    ],
}
