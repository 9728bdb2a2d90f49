"""PayPal Payflow Gateway (Payflow Pro, Payflow Link): name-value responses and Silent Post / Post data.

Payflow is a PayPal product: its rows have provider ``paypal`` (one module per API generation, see
providers/__init__.py); the hint (``PayPal Payflow``, ``payflow``, ``payflow_link``) names PayPal and this
module's shape (``RESULT`` / ``PNREF`` / ``RESPMSG``) picks the generation.

Sources:
- https://developer.paypal.com/api/nvp-soap/payflow/integration-guide/transaction-responses/ (credit card
  transaction responses: PNREF, PPREF, RESULT "RESULT=0 means the transaction was approved ... Any other value
  for RESULT indicates a decline or error", RESPMSG, AUTHCODE "returned for sale, authorization, and voice
  authorization credit card transactions", AVSADDR, AVSZIP, CVV2MATCH)
- PayPal Manager help "RESULT Values for Transaction Declines or Errors"
  (paypalobjects.com/en_US/vhelp/paypalmanager_help/result_values_for_transaction_declines_or_errors.htm) and the
  same table in the Payflow Link User's Guide (200004.en_US-200906, Appendix A "RESULT Codes and RESPMSG Values",
  TABLE A.1) and the Payflow ACH Payment Service Guide (TABLE 8.5): every RESULT value below, including "126
  Fraud Protection Services Filter - Flagged for review by filters ... The transaction has been authorized but
  requires you to review and to manually accept the transaction before it will be allowed to settle"; RESULT
  values below zero are communication errors (no transaction reached the server)
- Payflow Link User's Guide, Appendix B "Data Returned by the Post and Silent Post Features" (TABLE B.4: AUTHCODE,
  AVSDATA, PNREF, RESPMSG, RESULT; with ECHODATA=True also AMOUNT, METHOD, TYPE, ...): a Silent Post is sent
  "whenever a transaction succeeds"
- Payflow transaction types (TRXTYPE; Payflow Link ``TYPE``): S sale, A authorization, D delayed capture,
  C credit, V void, F voice authorization; TENDER: C credit card, A ACH, K TeleCheck, P PayPal

Amounts are major units (``AMT`` / Payflow Link ``AMOUNT``) in ``CURRENCY`` (a request parameter, echoed only when
sent). Most responses carry no amount; a post that has one but names no currency gives no amount
(docs/taxonomy.md: amount_minor is in the currency's minor units).
Lifecycle identity: PNREF is the transaction (the attempt); ORIGID names the original transaction of a capture,
credit or void.
"""

from __future__ import annotations

from typing import Any

STATUS_KEY = "payobs_payflow_result"  # prepare(): the RESULT as the status table knows it
AMOUNT_KEY = "payobs_payflow_amount"  # prepare(): the amount, only when the message names its currency

_MERCHANT_RISK = {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}
_TIMEOUT = {"reason": "TIMEOUT", "source": "TECHNICAL"}

# RESULT -> (status_category, failure_reason or None). The RESULT table cited above.
RESULTS: dict[str, tuple[str, Any]] = {
    "0": ("APPROVED", None),  # Approved
    "1": ("ERROR", "CONFIGURATION_ERROR"),  # User authentication failed
    "2": ("ERROR", "CONFIGURATION_ERROR"),  # Invalid tender type (not supported by the merchant bank account)
    "3": ("ERROR", "INVALID_REQUEST"),  # Invalid transaction type
    "4": ("ERROR", "INVALID_REQUEST"),  # Invalid amount format
    "5": ("ERROR", "CONFIGURATION_ERROR"),  # Invalid merchant information
    "6": ("ERROR", "INVALID_REQUEST"),  # Invalid or unsupported currency code
    "7": ("ERROR", "INVALID_REQUEST"),  # Field format error
    "8": ("ERROR", "CONFIGURATION_ERROR"),  # Not a transaction server
    "9": ("ERROR", "INVALID_REQUEST"),  # Too many parameters or invalid stream
    "10": ("ERROR", "INVALID_REQUEST"),  # Too many line items
    "11": ("UNKNOWN", _TIMEOUT),  # Client time-out waiting for response
    "12": ("DECLINED", "GENERIC_DECLINE"),  # Declined
    "13": ("DECLINED", "GENERIC_DECLINE"),  # Referral: needs a voice authorization
    "14": ("ERROR", "CONFIGURATION_ERROR"),  # Invalid Client Certification ID
    "19": ("ERROR", "INVALID_REQUEST"),  # Original transaction ID not found
    "20": ("ERROR", "INVALID_REQUEST"),  # Cannot find the customer reference number
    "22": ("DECLINED", "INVALID_CARD_DATA"),  # Invalid ABA number
    "23": ("DECLINED", "INVALID_CARD_DATA"),  # Invalid account number
    "24": ("DECLINED", "INVALID_CARD_DATA"),  # Invalid expiration date
    "25": ("ERROR", "CONFIGURATION_ERROR"),  # Invalid Host Mapping (tender not set up with the merchant bank)
    "26": ("ERROR", "CONFIGURATION_ERROR"),  # Invalid vendor account
    "27": ("ERROR", "CONFIGURATION_ERROR"),  # Insufficient partner permissions
    "28": ("ERROR", "CONFIGURATION_ERROR"),  # Insufficient user permissions
    "29": ("ERROR", "INVALID_REQUEST"),  # Invalid XML document
    "30": ("DECLINED", "DUPLICATE"),  # Duplicate transaction
    "36": ("ERROR", "PROCESSING_ERROR"),  # OLTP Transaction failed
    "50": ("DECLINED", "INSUFFICIENT_FUNDS"),  # Insufficient funds available in account
    "51": ("DECLINED", "LIMIT_EXCEEDED"),  # Exceeds per transaction limit
    "99": ("ERROR", "PROCESSING_ERROR"),  # General error
    "100": ("ERROR", "CONFIGURATION_ERROR"),  # Transaction type not supported by host
    "101": ("ERROR", "INVALID_REQUEST"),  # Time-out value too small
    "102": ("ERROR", "PROCESSING_ERROR"),  # Processor not available
    "103": ("UNKNOWN", {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"}),  # Error reading response from host
    "104": ("UNKNOWN", _TIMEOUT),  # Timeout waiting for processor response
    "105": ("ERROR", "INVALID_REQUEST"),  # Credit error (already credited, or not a creditable transaction)
    "106": ("ERROR", "PROCESSING_ERROR"),  # Host not available
    "107": ("ERROR", "PROCESSING_ERROR"),  # Duplicate suppression time-out
    "108": ("ERROR", "INVALID_REQUEST"),  # Void error (already voided or settled)
    "109": ("UNKNOWN", _TIMEOUT),  # Time-out waiting for host response
    "110": ("ERROR", "INVALID_REQUEST"),  # Referenced auth (against order) Error
    "111": ("ERROR", "INVALID_REQUEST"),  # Capture error (not an authorization, or already captured)
    "112": ("DECLINED", {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"}),  # Failed AVS check
    "113": ("DECLINED", "LIMIT_EXCEEDED"),  # Merchant sale total will exceed the sales cap (ACH)
    "114": ("DECLINED", "INCORRECT_CVC"),  # Card Security Code (CSC) Mismatch
    "115": ("ERROR", "PROCESSING_ERROR"),  # System busy, try again later
    "116": ("ERROR", "PROCESSING_ERROR"),  # VPS Internal error. Failed to lock terminal number
    "117": ("DECLINED", _MERCHANT_RISK),  # Failed merchant rule check (security settings, AVS, CSC)
    "118": ("ERROR", "INVALID_REQUEST"),  # Invalid keywords found in string fields
    "119": ("ERROR", "PROCESSING_ERROR"),  # General failure within PIM Adapter
    "120": ("ERROR", "INVALID_REQUEST"),  # Attempt to reference a failed transaction
    "121": ("ERROR", "CONFIGURATION_ERROR"),  # Not enabled for feature
    "122": ("DECLINED", "LIMIT_EXCEEDED"),  # Merchant sale total will exceed the credit cap (ACH)
    "125": ("DECLINED", _MERCHANT_RISK),  # Fraud Protection Services Filter - Declined by filters
    "126": ("PENDING", None),  # Flagged for review by filters: authorized, held for the merchant's review
    "127": ("APPROVED", None),  # Not processed by filters (the transaction itself went through)
    "128": ("DECLINED", _MERCHANT_RISK),  # Declined by merchant after being flagged for review by filters
    "131": ("ERROR", "CONFIGURATION_ERROR"),  # Version 1 Payflow Pro SDK client no longer supported
    "133": ("ERROR", "INVALID_REQUEST"),  # Data mismatch in HTTP retry request
    "150": ("UNKNOWN", _TIMEOUT),  # Issuing bank timed out
    "151": ("DECLINED", "ISSUER_UNAVAILABLE"),  # Issuing bank unavailable
    "200": ("ERROR", "PROCESSING_ERROR"),  # Reauth error
    "201": ("ERROR", "PROCESSING_ERROR"),  # Order error
    "402": ("ERROR", "PROCESSING_ERROR"),  # PIM Adapter Unavailable
    "403": ("ERROR", "PROCESSING_ERROR"),  # PIM Adapter stream error
    "404": ("UNKNOWN", _TIMEOUT),  # PIM Adapter Timeout
    "1000": ("ERROR", "PROCESSING_ERROR"),  # Generic host error (the processor's message in RESPMSG)
    # Buyer Authentication Service (3-D Secure) unavailable / timed out / invalid client version or timeout value.
    **dict.fromkeys(["1001", "1002", "1011", "1012", "1013"], ("ERROR", "PROCESSING_ERROR")),
    **dict.fromkeys(["1003", "1004"], ("ERROR", "CONFIGURATION_ERROR")),
}
# RESULT below zero: "communication errors" - the transaction never reached the Payflow server.
_COMMUNICATION_ERROR = "communication_error"
# Any other RESULT "indicates a decline or error": a refusal whose reason the table does not give.
_OTHER = "other"

STATUSES = {code: status for code, (status, _reason) in RESULTS.items()}
STATUSES.update({_COMMUNICATION_ERROR: "ERROR", _OTHER: "DECLINED"})
REASONS = {code: reason for code, (_status, reason) in RESULTS.items() if reason is not None}

# Transaction types: TRXTYPE (Payflow Pro) / TYPE (Payflow Link post).
_TYPE_PATHS = ("TRXTYPE", "TYPE")

RULES = [
    # The card fields come back only for card transactions (AUTHCODE "returned for sale, authorization, and voice
    # authorization credit card transactions"; AVS / CVV2 results are the card issuer's).
    *({"when": {key: {"exists": True}}, "set": {"payment_method": "CARD"}}
      for key in ("AUTHCODE", "AVSADDR", "AVSZIP", "CVV2MATCH", "AVSDATA")),
    # A credit returns money, a void releases an authorization, a delayed capture captures one.
    *({"when": {key: "C"}, "set": {"event_kind": "REFUND"}} for key in _TYPE_PATHS),
    *({"when": {key: "C", STATUS_KEY: "0"}, "set": {"status_category": "REFUNDED"}} for key in _TYPE_PATHS),
    *({"when": {key: "V"}, "set": {"event_kind": "VOID"}} for key in _TYPE_PATHS),
    *({"when": {key: "V", STATUS_KEY: "0"}, "set": {"status_category": "CANCELLED"}} for key in _TYPE_PATHS),
    *({"when": {key: "D"}, "set": {"event_kind": "CAPTURE"}} for key in _TYPE_PATHS),
    # RESULT below zero: the request never reached the server (a communication failure).
    {"when": {STATUS_KEY: _COMMUNICATION_ERROR}, "set": {"failure_reason": "PROCESSING_ERROR"}},
]

SPEC = {
    "provider": "paypal",
    "aliases": ["paypal", "paypal_payflow", "payflow", "payflow_pro", "payflow_link", "paypal_payflow_pro",
                "paypal_payflow_link", "payflowpro", "verisign_payflow"],
    "detect": [
        # RESULT with PNREF (Payflow's own "Payment Network Reference ID") and RESPMSG.
        {"path": "PNREF", "exists": True, "weight": 0.4},
        {"path": "RESULT", "exists": True, "weight": 0.1},
        {"path": "RESPMSG", "exists": True, "weight": 0.2},
        {"path": "PPREF", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "fields": {
        "provider_transaction_id": ["PNREF"],
        "status": [STATUS_KEY],
        "reason_code": ["RESULT"],
        "amount": [AMOUNT_KEY],
        "currency": ["CURRENCY"],
        "event_time": ["TRANSTIME"],
        "payment_method": ["TENDER", "METHOD"],
        "attempt_id": ["PNREF"],
        "customer_country": ["COUNTRY", "BILLTOCOUNTRY"],
    },
    "status_map": STATUSES,
    "reason_map": REASONS,
    # TENDER (C card, A ACH, K TeleCheck, P PayPal) and the Payflow Link post's METHOD (CC card, ECHECK).
    "payment_method_map": {"C": "CARD", "CC": "CARD", "A": "DIRECT_DEBIT", "K": "DIRECT_DEBIT",
                           "ECHECK": "DIRECT_DEBIT", "P": "WALLET"},
    "rules": RULES,
    "variants": [
        # A RESULT that is not a number is not a Payflow response.
        {"name": "payflow", "match": {STATUS_KEY: {"exists": True}, "PNREF": {"exists": True}}},
        {"name": "payflow", "match": {STATUS_KEY: {"exists": True}, "RESPMSG": {"exists": True}}},
    ],
}


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def prepare(body: Any) -> Any:
    """The RESULT as the status table reads it, and the amount only when a currency names its unit.

    Pure: returns a shallow copy with extra keys, or the body unchanged when RESULT is not a Payflow RESULT.
    """
    if not isinstance(body, dict):
        return body
    result = _text(body.get("RESULT"))
    if result is None or not result.lstrip("-").isdigit():
        return body
    if result.startswith("-"):
        status = _COMMUNICATION_ERROR
    else:
        result = str(int(result))
        status = result if result in RESULTS else _OTHER
    extra: dict[str, Any] = {STATUS_KEY: status}
    amount = body.get("AMT", body.get("AMOUNT"))
    if _text(body.get("CURRENCY")) and _text(amount):
        extra[AMOUNT_KEY] = amount
    return {**body, **extra}
