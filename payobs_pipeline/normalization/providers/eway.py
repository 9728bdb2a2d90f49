"""eWAY (Eway) Rapid API v3: Direct / Responsive Shared Page / Transparent Redirect results, refunds, errors.

Sources:
- eway.io/api-v3 ("Response & error codes": TransactionStatus true = approved; ResponseMessage holds one or
  more comma-separated codes, "including Beagle failure codes"; Errors holds comma-separated V6xxx / S5xxx codes;
  ResponseCode is the 2-digit bank response code; Payment.TotalAmount "in the lowest denomination" (cents),
  Payment.CurrencyCode ISO 4217; a Refund response's Refund object names the refunded TransactionID)
- The code table of eWAY's PHP SDK (github.com/eWAYPayment/eway-rapid-php resource/lang/en.ini), as quoted in
  github.com/webaware/eway-payment-gateway includes/class.EwayResponse.php (getCodeDescription): approved
  A2000 / A2008 / A2010 / A2011 / A2016; declines D4401-D4499 (the bank's ISO 8583 code after "D44"); Beagle
  fraud F7000-F7010, F9001-F9113; system S5000-S5099 (S5085 / S5086 started / routed 3dSecure, S5099 access
  code in progress); validation V6000-V6212

``TransactionStatus`` decides approved vs not; a failure with an ``Errors`` code is an ERROR (the request was
refused before any authorisation), one whose ResponseMessage says the payment is still in progress (S5099,
S5085, S5086, S5088) is PENDING, the rest is a DECLINED authorisation. A Create Access Code answer
(SharedPaymentUrl / FormActionURL, no TransactionStatus yet) is the checkout the customer is still to pay.
A bare ``{TransactionID, TransactionStatus, ResponseCode, ResponseMessage, Errors}`` success is the answer to a
capture (CapturePayment) or a cancel (CancelAuthorisation) alike: it is left unmapped rather than guessed.

Lifecycle identity: the attempt is the ``TransactionID``; a Refund answer's own TransactionID is the refund and
``Refund.TransactionID`` the refunded transaction; the Access Code is the payment (the checkout every result of
it names).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

STATUS_KEY = "payobs_eway_status"  # prepare(): APPROVED / DECLINED / ERROR / PENDING, from the flags and codes
ERRORS_KEY = "payobs_eway_errors"  # prepare(): Errors split on commas
MESSAGES_KEY = "payobs_eway_messages"  # prepare(): ResponseMessage split on commas

APPROVED_CODES = ["A2000", "A2008", "A2010", "A2011", "A2016"]
# ResponseMessage codes of a payment that has not finished (3-D Secure started / routed, PayPal transaction
# created, access code in progress / incomplete).
IN_PROGRESS_CODES = ["S5085", "S5086", "S5088", "S5099"]

_DECLINE_SUFFIXES = ["01", "02", "03", "04", "05", "06", "07", "09", "12", "13", "14", "15", "19", "21", "22", "23",
                     "25", "30", "31", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "50",
                     "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "66", "67",
                     "75", "82", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99"]
# eWAY's own meaning where it names the code differently from ISO 8583.
_DECLINE_OWN = {
    "D4406": "PROCESSING_ERROR",  # Error
    "D4409": "UNKNOWN",  # Request In Progress: a refusal that names no reason
    "D4421": "GENERIC_DECLINE",  # No Action Taken
    "D4450": "PROCESSING_ERROR",  # Visa Checkout Transaction Error
    "D4482": "INCORRECT_CVC",  # CVV Validation Error
    "D4490": {"reason": "ISSUER_UNAVAILABLE", "source": "TECHNICAL"},  # Cut off In Progress
    "D4495": "GENERIC_DECLINE",  # Amex Declined
    "D4496": "PROCESSING_ERROR",  # System Error
    "D4497": "PROCESSING_ERROR",  # MasterPass Error
    "D4498": "PROCESSING_ERROR",  # PayPal Create Transaction Error
    "D4499": "INVALID_REQUEST",  # Invalid Transaction for Auth/Void
}
DECLINE_CODES: dict[str, Any] = {
    **{f"D44{suffix}": ISSUER_CODE_REASONS[suffix] for suffix in _DECLINE_SUFFIXES if suffix in ISSUER_CODE_REASONS},
    **_DECLINE_OWN,
}

_PSP_FRAUD = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}
FRAUD_CODES: dict[str, Any] = {
    **dict.fromkeys([f"F70{n:02d}" for n in range(0, 11)], _PSP_FRAUD),  # Beagle: undefined ... denied, PayPal rules
    "F9001": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # Custom Fraud Rule (the merchant's)
    **dict.fromkeys([f"F90{n:02d}" for n in range(10, 51)] + ["F9113"], _PSP_FRAUD),  # Beagle Alerts rules
}

SYSTEM_CODES: dict[str, Any] = {
    "S5000": "PROCESSING_ERROR",  # System Error
    "S5010": "PROCESSING_ERROR",  # Unknown error returned by gateway
    "S5011": "PROCESSING_ERROR",  # PayPal Connection Error
    "S5012": "CONFIGURATION_ERROR",  # PayPal Settings Error
}

# V6xxx: the request was refused by validation. Most are the request's fields; these name the card, the
# account's set-up or a duplicate.
VALIDATION_CODES: dict[str, Any] = {
    **{f"V6{n:03d}": "INVALID_REQUEST" for n in range(0, 213)},
    "V6010": "CONFIGURATION_ERROR",  # TransactionType not certified for the account
    **dict.fromkeys(["V6021", "V6022", "V6033", "V6034", "V6035", "V6100", "V6101", "V6102", "V6103", "V6104",
                     "V6105", "V6110", "V6126"], "INVALID_CARD_DATA"),  # card holder / number / dates / issue no.
    **dict.fromkeys(["V6023", "V6106", "V6127"], "INCORRECT_CVC"),  # card security code (CVN)
    "V6111": "CONFIGURATION_ERROR",  # Unauthorized API Access, Account Not PCI Certified
    "V6125": "CONFIGURATION_ERROR",  # Selected Payment Type not enabled
    "V6140": "CONFIGURATION_ERROR",  # Merchant account is suspended
    "V6141": "CONFIGURATION_ERROR",  # Invalid PayPal account details or API signature
    "V6142": "TRANSACTION_NOT_PERMITTED",  # Authorize not available for Bank/Branch
    "V6143": "CONFIGURATION_ERROR",  # Invalid Public Key
    "V6146": "CONFIGURATION_ERROR",  # Client Side Encryption Key Missing or Invalid
    "V6152": "DUPLICATE",  # Original transaction already refunded for total amount
    "V6153": "TRANSACTION_NOT_PERMITTED",  # Card type not supported by merchant
    "V6161": "CONFIGURATION_ERROR",  # Encryption failed, missing or invalid key
}

REASONS: dict[str, Any] = {**DECLINE_CODES, **FRAUD_CODES, **SYSTEM_CODES, **VALIDATION_CODES}

STATUSES = {"APPROVED": "APPROVED", "DECLINED": "DECLINED", "ERROR": "ERROR", "PENDING": "PENDING"}


def _codes(value: Any) -> list[str]:
    if not isinstance(value, str):
        return []
    return [code.strip() for code in value.split(",") if code.strip()]


def _bare_reply(body: dict) -> bool:
    """Only the result flags: the answer to a capture or a cancel, which do not say which they are."""
    return not any(body.get(key) for key in ("Payment", "Customer", "Verification", "Refund", "TransactionType",
                                            "AccessCode", "AuthorisationCode", "BeagleScore", "TotalAmount"))


def prepare(body: Any) -> Any:
    """An eWAY result with its code lists split and its status read (see the module docstring).

    Pure: returns a shallow copy with extra top-level keys; the original is untouched.
    """
    if not isinstance(body, dict) or ("TransactionStatus" not in body and "Errors" not in body):
        return body
    errors, messages = _codes(body.get("Errors")), _codes(body.get("ResponseMessage"))
    approved = body.get("TransactionStatus")
    if isinstance(approved, str):
        approved = approved.strip().lower() == "true"
    if errors:
        status = "ERROR"
    elif approved is True:
        status = None if _bare_reply(body) else "APPROVED"
    elif any(code in IN_PROGRESS_CODES for code in messages):
        status = "PENDING"
    elif approved is False:
        status = "DECLINED"
    elif body.get("SharedPaymentUrl") or body.get("FormActionURL") or body.get("AccessCode"):
        status = "PENDING"  # Create Access Code: the customer is still to pay
    else:
        status = None
    return {**body, ERRORS_KEY: errors, MESSAGES_KEY: messages, STATUS_KEY: status}


_REASON_PATHS = [f"{ERRORS_KEY}.{i}" for i in range(3)] + [f"{MESSAGES_KEY}.{i}" for i in range(4)] + ["ResponseCode"]

SPEC = {
    "provider": "eway",
    "aliases": ["eway", "eWAY", "eway_rapid", "ewayrapid", "eway_rapid_v3", "eway_au", "eway_nz"],
    "detect": [
        {"path": "TransactionStatus", "exists": True, "weight": 0.3},
        {"path": "ResponseMessage", "prefix": ["A20", "D44", "F70", "F90", "F91", "S50"], "weight": 0.3},
        # V6xxx: eWAY Rapid's own validation codes ("Validation Response Codes"), in the Errors list.
        {"path": "Errors", "prefix": ["V6"], "weight": 0.4},
        {"path": "Errors", "prefix": ["S50", "D44", "F70", "F90"], "weight": 0.3},
        {"path": "Payment.InvoiceReference", "exists": True, "weight": 0.1},
        {"path": "BeagleScore", "exists": True, "weight": 0.3},
        {"path": "Verification.CVN", "exists": True, "weight": 0.1},
        {"path": "Payment.TotalAmount", "exists": True, "weight": 0.1},
        {"path": "TransactionID", "exists": True, "weight": 0.1},
        {"path": "SharedPaymentUrl", "exists": True, "weight": 0.4},
        {"path": "FormActionURL", "exists": True, "weight": 0.3},
        {"path": "AccessCode", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "reason_fallback": "iso8583",
    "reason_map": REASONS,
    "status_map": STATUSES,
    "variants": [
        {
            "name": "refund",
            "match": {"Refund": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["TransactionID"],
                "status": [STATUS_KEY],
                "reason_code": _REASON_PATHS,
                "amount": ["Refund.TotalAmount"],
                "currency": ["Refund.CurrencyCode"],
                "attempt_id": ["Refund.TransactionID"],
            },
            "event_kind": "REFUND",
            "status_map": {**STATUSES, "APPROVED": "REFUNDED"},
        },
        {
            "name": "result",
            "match": {"TransactionStatus": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["TransactionID"],
                "status": [STATUS_KEY],
                "reason_code": _REASON_PATHS,
                "amount": ["Payment.TotalAmount"],
                "currency": ["Payment.CurrencyCode"],
                "payment_id": ["AccessCode"],
                "customer_country": ["Customer.Country"],
            },
            "rules": [
                {"when": {"Customer.CardDetails": {"exists": True}}, "set": {"payment_method": "CARD"}},
            ],
        },
        {
            # Create Access Code (Responsive Shared Page / Transparent Redirect) answer, or its errors.
            "name": "access_code",
            "match": {"AccessCode": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {
                "status": [STATUS_KEY],
                "reason_code": _REASON_PATHS,
                "amount": ["Payment.TotalAmount"],
                "currency": ["Payment.CurrencyCode"],
                "payment_id": ["AccessCode"],
                "provider_transaction_id": ["AccessCode"],
            },
        },
        {
            # The errors of a request that named no access code: the refused request's Payment (echoed) still says
            # what was to be paid.
            "name": "errors",
            "match": {"Errors": {"exists": True}},
            "fields": {"status": [STATUS_KEY], "reason_code": _REASON_PATHS, "amount": ["Payment.TotalAmount"],
                       "currency": ["Payment.CurrencyCode"]},
        },
    ],
}
