"""TSYS Cayan (formerly Merchant Warehouse) MerchantWARE 4.5 Credit web service: the SOAP transaction result.

TSYS TransIT (Multipass) is not mapped: its API reference and response code table were not findable in the
stored corpora (its JSON replies status PASS/FAIL and responseCode A0000/D.... are known only from recollection).

Sources (SDK source: the MerchantWARE documentation itself was not findable):
- ActiveMerchant lib/active_merchant/billing/gateways/merchant_ware_version_four.rb (activemerchant/active_merchant):
  the v4 Credit service (ps1.merchantware.net/Merchantware/ws/RetailTransaction/v4/Credit.asmx) and its
  operations SaleKeyed, RepeatSale, PreAuthorizationKeyed, PostAuthorization, Void, Refund; the reply is
  //{Operation}Response/{Operation}Result; ApprovalStatus is "APPROVED" or "<STATUS>;<code>;<message>"; a
  non-empty ErrorMessage is a failure; Token is the transaction reference; amounts in dollars; US only.
- Its fixtures test/unit/gateways/merchant_ware_version_four_test.rb: APPROVED sale / pre-authorization / void /
  repeat sale results (Amount, AuthorizationCode, AvsResponse, CvResponse, Token, TransactionType ...),
  "DECLINED;1024;invalid exp date", "DECLINED;1019;original transaction id not found" (a void refused), and the
  ErrorMessage replies "amount cannot be null. Parameter name: amount" (a SOAP fault, HTTP 400) and "Invalid
  card number.".
- The other ApprovalStatus words, FAILED and REFERRAL, rest on recollection of the MerchantWARE 4.5 guide; the
  rest of its decline code table was not findable (a decline with another code has no reason).

``prepare`` lifts the result out of its SOAP envelope and splits ApprovalStatus into its word, code and message.
Lifecycle identity: Token is the transaction (a sale's the attempt, a refund's the refund); InvoiceNumber the
merchant's payment.
"""

from __future__ import annotations

from typing import Any

OPERATIONS = ["SaleKeyed", "RepeatSale", "PreAuthorizationKeyed", "PostAuthorization", "Void", "Refund"]

APPROVAL_STATUSES = {"APPROVED": "APPROVED", "DECLINED": "DECLINED", "REFERRAL": "DECLINED", "FAILED": "ERROR"}

DECLINE_CODES = {
    "1024": "INVALID_CARD_DATA",  # invalid exp date
    "1019": "INVALID_REQUEST",    # original transaction id not found
}
ERROR_MESSAGES = {
    "Invalid card number.": "INVALID_CARD_DATA",
    "amount cannot be null. Parameter name: amount": "INVALID_REQUEST",
}
REFERRAL = {"REFERRAL": "GENERIC_DECLINE"}  # call the issuer


def _result(body: Any) -> tuple[str, dict] | None:
    """The operation and its {Operation}Result of a SOAP reply, or None."""
    if not isinstance(body, dict):
        return None
    soap_body = (body.get("Envelope") or {}).get("Body") if isinstance(body.get("Envelope"), dict) else None
    if not isinstance(soap_body, dict) or len(soap_body) != 1:
        return None
    (response_name, response), = soap_body.items()
    operation = response_name[: -len("Response")] if response_name.endswith("Response") else None
    result = response.get(f"{operation}Result") if operation and isinstance(response, dict) else None
    return (operation, result) if isinstance(result, dict) else None


def prepare(body: Any) -> Any:
    """The transaction result with its operation, and ApprovalStatus split into word, code and message."""
    found = _result(body)
    if found is None:
        return body
    operation, result = found
    prepared = {**result, "operation": operation}
    status = result.get("ApprovalStatus")
    if isinstance(status, str) and status.strip():
        word, _, rest = status.partition(";")
        code, _, message = rest.partition(";")
        prepared.update(approval_word=word.strip(), decline_code=code.strip() or None,
                        decline_message=message.strip() or None)
    return prepared


def _detect(operation: str) -> list[dict]:
    result = f"Envelope.Body.{operation}Response.{operation}Result"
    return [
        {"path": f"{result}.ApprovalStatus", "exists": True, "weight": 0.2},
        {"path": f"{result}.ErrorMessage", "exists": True, "weight": 0.2},
        {"path": f"{result}.CardType", "exists": True, "weight": 0.15},
        {"path": f"{result}.EntryMode", "exists": True, "weight": 0.1},
        {"path": f"{result}.TransactionType", "exists": True, "weight": 0.1},
    ]


_FIELDS = {
    "provider_transaction_id": ["Token"],
    "status": ["approval_word"],
    "reason_code": ["decline_code", "approval_word"],
    "amount": ["Amount"],
    "attempt_id": ["Token"],
    "payment_id": ["InvoiceNumber"],
}

SPEC = {
    "provider": "tsys",
    "aliases": ["tsys", "tsys cayan", "cayan", "merchantware", "merchant warehouse", "merchantwarehouse",
                "merchant_ware", "merchantware 4.5"],
    "detect": [signal for operation in OPERATIONS for signal in _detect(operation)],
    "amount_unit": "major",
    "default_currency": "USD",
    "default_payment_method": "CARD",
    "status_map": APPROVAL_STATUSES,
    "reason_map": {**DECLINE_CODES, **REFERRAL},
    "fields": _FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"operation": {"exists": True}, "ErrorMessage": {"exists": True}},
            "status": "ERROR",
            "reason_map": ERROR_MESSAGES,
            "default_currency": None,
            "fields": {"reason_code": ["ErrorMessage"], "amount": []},
        },
        {
            "name": "void",
            "match": {"operation": "Void", "approval_word": {"exists": True}},
            "event_kind": "VOID",
            "default_currency": None,
            "fields": {"amount": []},
            "rules": [{"when": {"approval_word": "APPROVED"}, "set": {"status_category": "CANCELLED"}},
                      {"when": {"approval_word": {"not_in": ["APPROVED"]}}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "refund",
            "match": {"operation": "Refund", "approval_word": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"refund_id": ["Token"], "attempt_id": []},
            "rules": [{"when": {"approval_word": "APPROVED"}, "set": {"status_category": "REFUNDED"}}],
        },
        {
            "name": "capture",
            "match": {"operation": "PostAuthorization", "approval_word": {"exists": True}},
            "event_kind": "CAPTURE",
        },
        {
            "name": "transaction",
            "match": {"operation": {"exists": True}, "approval_word": {"exists": True}},
        },
    ],
}
