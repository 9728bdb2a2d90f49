"""Wells Fargo Retail Services (WFRS, the private-label credit card programme for retailers): the dealer
transaction service's answer — the SOAP ``submitTransactionResponse/submitTransactionReturn`` and the REST
gateway's JSON transaction answer (``/credit-cards/private-label/new-accounts/v2/payment/transactions/{action}``).

Sources (the WFRS dealer web-services guide, as thelabnyc/django-oscar-wfrs encodes it in
src/wellsfargo/core/constants.py and reads it in connector/actions.py and connector/transactions.py):
- transactionStatus / transaction_status: A1 "Approved. For time-out reversal and void transactions, match was
  found and processed"; A0 "Transaction not approved or declined. For time-out reversal and void transactions,
  match was found but was already funded"; A2 "Time-out reversal or void approved, but no matching transaction
  was found"; A3 "Time-out reversal or void approved, but matched duplicate transactions".
- transactionCode: 5 authorization for future charge, 7 cancel existing authorization, 3 charge for previous
  authorization, 1 authorize and charge, 2 time-out reversal for previous "authorization and charge", 4 return or
  credit, 9 time-out reversal for return or credit, VS void sale, VR void return.
- The REST answer does not repeat the action (it is the request's path), so it is read as an authorization.
- The answer: accountNumber, amount (a decimal in dollars), authorizationNumber, planNumber, ticketNumber,
  transactionCode, transactionMessage ("APPROVED: 000000", "AUTH DENIED"), transactionStatus, uuid (the
  merchant's request id), disclosure, faults (with faultDetailString when the request was refused); the REST
  answer: transaction_status, status_message, authorization_number, amount, plan_number, ticket_number,
  account_number.

Outcome by kind (``prepare``): an authorization or charge is APPROVED (A1) or DECLINED (A0); a return is
REFUNDED (A1) or DECLINED (A0); a void or time-out reversal is CANCELLED when processed (A1, A3) and an ERROR when
the match was already funded (A0) or not found (A2). An answer with faults is an ERROR.

Currency: the answer names none; the programme is Wells Fargo's US private-label credit, in US dollars (the
library also carries Canadian locales, whose answers would not say so: see the report of this mapping).

Lifecycle identity: the merchant's uuid is the attempt; the ticket number is the merchant's order (the payment).
"""

from __future__ import annotations

from typing import Any

KEY = "payobs_wellsfargo"

# transactionCode -> event kind.
KINDS = {"5": "AUTHORIZATION", "1": "AUTHORIZATION", "3": "CAPTURE", "4": "REFUND",
         "7": "VOID", "2": "VOID", "9": "VOID", "VS": "VOID", "VR": "VOID"}

# (kind, transactionStatus) -> outcome.
OUTCOMES = {
    ("AUTHORIZATION", "A1"): "approved", ("AUTHORIZATION", "A0"): "declined",
    ("CAPTURE", "A1"): "approved", ("CAPTURE", "A0"): "declined",
    ("REFUND", "A1"): "refunded", ("REFUND", "A0"): "declined",
    ("VOID", "A1"): "voided", ("VOID", "A3"): "voided", ("VOID", "A0"): "already_funded",
    ("VOID", "A2"): "no_match",
}

STATUSES = {"approved": "APPROVED", "declined": "DECLINED", "refunded": "REFUNDED", "voided": "CANCELLED",
            "already_funded": "ERROR", "no_match": "ERROR", "fault": "ERROR"}

# Outcome -> failure reason (the status code itself names no reason: A0 reads "AUTH DENIED").
REASONS = {
    "declined": "GENERIC_DECLINE",
    "already_funded": "INVALID_REQUEST",  # the void / reversal came after the transaction was funded
    "no_match": "INVALID_REQUEST",        # no transaction matched the void / reversal
    "fault": "INVALID_REQUEST",           # the request was refused (faultDetailString)
}


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _answer(body: dict) -> dict | None:
    envelope = body.get("Envelope")
    if isinstance(envelope, dict):
        response = (envelope.get("Body") or {}).get("submitTransactionResponse") \
            if isinstance(envelope.get("Body"), dict) else None
        result = response.get("submitTransactionReturn") if isinstance(response, dict) else None
        return result if isinstance(result, dict) else None
    if "transaction_status" in body:
        # The REST answer does not repeat the action (it is in the request's path): read as an authorization.
        return {"transactionStatus": body.get("transaction_status"), "amount": body.get("amount"),
                "authorizationNumber": body.get("authorization_number"), "ticketNumber": body.get("ticket_number"),
                "transactionMessage": body.get("status_message")}
    return None


def _has_fault(faults: Any) -> bool:
    if isinstance(faults, list):
        return any(_has_fault(fault) for fault in faults)
    if isinstance(faults, dict):
        return "faultDetailString" in faults or any(_has_fault(v) for k, v in faults.items() if not k.startswith("@"))
    return False


def prepare(body: Any) -> Any:
    """The answer with its kind and outcome (``payobs_wellsfargo``), or the body as it is."""
    answer = _answer(body) if isinstance(body, dict) else None
    if answer is None:
        return body
    status = (_text(answer.get("transactionStatus")) or "").upper()
    kind = KINDS.get((_text(answer.get("transactionCode")) or "").upper(), "AUTHORIZATION")
    outcome = "fault" if _has_fault(answer.get("faults")) else OUTCOMES.get((kind, status))
    prepared = {"kind": kind, "outcome": outcome, "status": status or None,
                **{key: _text(answer.get(key)) for key in ("amount", "authorizationNumber", "ticketNumber", "uuid",
                                                           "transactionMessage")}}
    return {KEY: {key: value for key, value in prepared.items() if value is not None}}


SPEC = {
    "provider": "wellsfargo",
    "aliases": ["wellsfargo", "wells fargo", "wells fargo retail services", "wfrs", "wells_fargo",
                "wells fargo financing", "wellsfargo_retail"],
    "detect": [
        {"path": "Envelope.Body.submitTransactionResponse.submitTransactionReturn.transactionStatus", "exists": True,
         "weight": 0.9},
        {"path": "transaction_status", "in": ["A0", "A1", "A2", "A3"], "weight": 0.4},
        {"path": "plan_number", "exists": True, "weight": 0.1},
        {"path": "ticket_number", "exists": True, "weight": 0.1},
        {"path": "authorization_number", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "USD",
    "status_map": STATUSES,
    "variants": [
        {
            "name": "transaction",
            "match": {f"{KEY}.outcome": {"exists": True}},
            "root": KEY,
            "fields": {
                "provider_transaction_id": ["uuid", "authorizationNumber"],
                "status": ["outcome"],
                "reason_code": ["status", "transactionMessage"],
                "amount": ["amount"],
                "attempt_id": ["uuid"],
                "payment_id": ["ticketNumber"],
            },
            "rules": [
                *({"when": {"kind": kind}, "set": {"event_kind": kind}}
                  for kind in ("AUTHORIZATION", "CAPTURE", "REFUND", "VOID")),
                *({"when": {"outcome": outcome}, "set": {"failure_reason": reason}} for outcome, reason in REASONS.items()),
            ],
        },
    ],
}
