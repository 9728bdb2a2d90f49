"""AstroPay (LatAm wallet, "OneTouch" deposits API): the deposit creation answer, the deposit status answer and
the deposit callback.

Sources: AstroPay's own API reference (developers-wallet.astropay.com) is not among the stored sources; this mapping
rests on merchants' integration code that copies it, and says so:
- A merchant's typed client (lib/astropay.ts of the project whose webhook handler imports AstroPayCallbackPayload;
  found by the exact type name): AstroPayDepositResponse {merchant_deposit_id, deposit_external_id, status
  'PENDING' | 'APPROVED' | 'CANCELLED', url, type 'default' | 'gateway'}; AstroPayDepositStatusResponse
  {merchant_deposit_id, deposit_external_id, status, amount, currency}; AstroPayCallbackPayload
  {deposit_external_id, merchant_deposit_id, status, merchant_user_id, deposit_user_id, end_status_date}.
- A payment platform's provider tests (projectSettlePayTests ... providersTests/AstroPay/AstroPayPayIn.java) post
  the callback {deposit_external_id, merchant_deposit_id, deposit_user_id, merchant_user_id, status,
  end_status_date} with status APPROVED, PENDING and CANCELED (that spelling), and create deposits with amount in
  major units and amount_currency (USD, ARS, BRL, CLP, COP, CRC, MXN, PEN, UYU).
- The status words: PENDING (the user has not completed the deposit), APPROVED (paid), CANCELLED (cancelled or
  expired; the "CANCELED" spelling read the same). The typed client also lists COMPLETED for callbacks, which
  no other source confirms: left unmapped.

Not mapped (no stored source): AstroPay's error bodies and codes, refunds and cashouts (payouts). AstroPay names
no decline reasons for deposits: a deposit is approved, pending or cancelled.

Amounts are major units with their currency, read only from the status answer (the callback and the creation
answer carry none).

Lifecycle identity: AstroPay's deposit_external_id is the attempt; the merchant's merchant_deposit_id the payment.

The older AstroPay Streamline API (no stored AstroPay page either; from SDK source, Wikimedia's DonationInterface
astropay_gateway/astropay.adapter.php and its tests/phpunit/includes/Responses/astropay/*.testresponse):
- NewInvoice answers JSON {status, link, desc}: status "0" = the invoice was created and the payer is sent to its
  link (PENDING: nothing paid yet); any other status is an error whose desc says what failed (the adapter: "error
  codes are unreliable, so we have to examine the description"): "invoice already used" (the merchant's invoice id
  was already used: DUPLICATE), "could not register user" / "could not make the deposit" (AstroPay overwhelmed, try
  again: PROCESSING_ERROR), "user unauthorized" / "user blacklisted" (the payer is barred by AstroPay: a DECLINE,
  RISK_REJECTED), "the user limit has been exceeded" (the payer spent too much via AstroPay: a DECLINE,
  LIMIT_EXCEEDED), "... param x_cpf" (the fiscal number is wrong: INVALID_REQUEST), "invalid control" (the request's
  signature: CONFIGURATION_ERROR).
- PaymentStatus and the return to the merchant's site carry result (6 transaction not found in the system, 7
  pending awaiting approval, 8 operation rejected by bank, 9 amount paid, transaction successfully concluded),
  x_invoice (the merchant's invoice), x_document (AstroPay's transaction id), x_amount and x_control (the
  signature); no currency ("Unfortunately, we don't get the currency code back"), so the amount is left out.
"""

from __future__ import annotations

from typing import Any

STATUSES = {
    "PENDING": "PENDING",
    "APPROVED": "APPROVED",
    "CANCELLED": "CANCELLED",
    "CANCELED": "CANCELLED",
}

# Streamline NewInvoice error desc (module docstring): its documented beginning -> (outcome, reason).
_INVOICE_ERRORS = (
    ("invoice already used", "ERROR", "DUPLICATE"),
    ("could not register user", "ERROR", "PROCESSING_ERROR"),
    ("could not make the deposit", "ERROR", "PROCESSING_ERROR"),
    ("user unauthorized", "DECLINED", "RISK_REJECTED"),
    ("user blacklisted", "DECLINED", "RISK_REJECTED"),
    ("the user limit has been exceeded", "DECLINED", "LIMIT_EXCEEDED"),
)
INVOICE_ERROR_KEY = "payobs_invoice_error"
STREAMLINE_RESULTS = {"9": "APPROVED", "7": "PENDING", "8": "DECLINED", "6": "ERROR"}


def _invoice_error(desc: str) -> str | None:
    text = desc.strip().lower()
    for start, _, _ in _INVOICE_ERRORS:
        if text.startswith(start):
            return start
    if text.rstrip(".").endswith("param x_cpf"):
        return "param x_cpf"
    if "invalid control" in text:
        return "invalid control"
    return None


def prepare(body: Any) -> Any:
    """A Streamline NewInvoice error with the documented error its desc names."""
    if isinstance(body, dict) and isinstance(body.get("desc"), str) and str(body.get("status")) not in ("", "0"):
        found = _invoice_error(body["desc"])
        if found:
            return {**body, INVOICE_ERROR_KEY: found}
    return body


SPEC = {
    "provider": "astropay",
    "aliases": ["astropay", "astro pay", "astropay onetouch", "astropay.com", "astropay wallet"],
    "detect": [
        {"path": "deposit_external_id", "exists": True, "weight": 0.4},
        {"path": "merchant_deposit_id", "exists": True, "weight": 0.2},
        {"path": "deposit_user_id", "exists": True, "weight": 0.1},
        {"path": "end_status_date", "exists": True, "weight": 0.1},
        # Streamline's return / PaymentStatus: x_control (its signature) beside x_document and x_invoice.
        {"path": "x_control", "exists": True, "weight": 0.3},
        {"path": "link", "prefix": ["https://sandbox.astropaycard.com/", "https://www.astropaycard.com/",
                                    "https://astropaycard.com/"], "weight": 0.5},
        {"path": "x_document", "exists": True, "weight": 0.2},
        {"path": "x_invoice", "exists": True, "weight": 0.1},
        {"path": "result", "in": list(STREAMLINE_RESULTS), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "WALLET",
    "status_map": STATUSES,
    "fields": {
        "provider_transaction_id": ["deposit_external_id"],
        "status": ["status"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["end_status_date"],
        "attempt_id": ["deposit_external_id"],
        "payment_id": ["merchant_deposit_id", "deposit_external_id"],
    },
    "variants": [
        {
            "name": "streamline.new_invoice_created",
            "match": {"status": "0", "link": {"exists": True}, "deposit_external_id": {"exists": False}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": [], "status": [], "amount": [], "currency": [], "event_time": [],
                       "attempt_id": [], "payment_id": []},
        },
        {
            "name": "streamline.new_invoice_error",
            "match": {"status": {"not_in": ["0"]}, "desc": {"exists": True},
                      "deposit_external_id": {"exists": False}},
            "status": "ERROR",
            "reason_map": {
                **{start: reason for start, _, reason in _INVOICE_ERRORS},
                "param x_cpf": "INVALID_REQUEST", "invalid control": "CONFIGURATION_ERROR",
            },
            "fields": {"provider_transaction_id": [], "status": [], "reason_code": [INVOICE_ERROR_KEY],
                       "amount": [], "currency": [], "event_time": [], "attempt_id": [], "payment_id": []},
            "rules": [{"when": {INVOICE_ERROR_KEY: [start for start, outcome, _ in _INVOICE_ERRORS
                                                    if outcome == "DECLINED"]},
                       "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "streamline.payment_status",
            "match": {"result": {"in": list(STREAMLINE_RESULTS)}, "x_invoice": {"exists": True}},
            "status_map": STREAMLINE_RESULTS,
            "reason_map": {"8": "GENERIC_DECLINE", "6": "INVALID_REQUEST"},
            "fields": {"provider_transaction_id": ["x_document"], "status": ["result"], "reason_code": ["result"],
                       "amount": [], "currency": [], "event_time": [], "attempt_id": ["x_document"],
                       "payment_id": ["x_invoice"]},
        },
        {
            # The creation answer: a deposit opened, the user sent to its url.
            "name": "deposit_created",
            "match": {"deposit_external_id": {"exists": True}, "url": {"exists": True}, "status": "PENDING"},
            "event_kind": "PAYMENT",
        },
        {
            "name": "deposit",
            "match": {"deposit_external_id": {"exists": True}, "status": {"in": list(STATUSES)}},
        },
    ],
}
