"""PayPal Classic API (SOAP): the XML responses of the same calls the NVP API answers (providers/paypal_nvp.py).

Sources (PayPal SOAP API Developer Reference; https://developer.paypal.com/api/nvp-soap/ and
https://developer.paypal.com/api/nvp-soap/errors/):
- Response structure: ``<SOAP-ENV:Envelope><SOAP-ENV:Body><DoDirectPaymentResponse>`` with ``Timestamp``,
  ``Ack`` (AckCodeType: Success, SuccessWithWarning, Failure, FailureWithWarning), ``CorrelationID``,
  ``Version``, ``Build`` and ``Errors`` (``ShortMessage``, ``LongMessage``, ``ErrorCode``, ``SeverityCode``,
  ``ErrorParameters ParamID="ProcessorResponse"`` with its ``Value``)
- DoDirectPaymentResponse (``Amount currencyID``, ``AVSCode``, ``CVV2Code``, ``TransactionID``, ``PaymentStatus``),
  DoExpressCheckoutPaymentResponse (``DoExpressCheckoutPaymentResponseDetails``: ``Token``, ``PaymentInfo`` with
  ``TransactionID``, ``GrossAmount currencyID``, ``PaymentStatus``, ``PendingReason``, ``ReasonCode``,
  ``PaymentType``, ``PaymentDate``), DoAuthorizationResponse (``TransactionID``, ``Amount``,
  ``AuthorizationInfo``), DoCaptureResponse (``DoCaptureResponseDetails``: ``AuthorizationID``, ``PaymentInfo``),
  DoVoidResponse (``AuthorizationID``), RefundTransactionResponse (``RefundTransactionID``, ``GrossRefundAmount``,
  ``RefundInfo.RefundStatus``), DoReferenceTransactionResponse (``DoReferenceTransactionResponseDetails``:
  ``BillingAgreementID``, ``PaymentInfo``, ``AVSCode``, ``CVV2Code``, ``TransactionID``),
  GetTransactionDetailsResponse (``PaymentTransactionDetails.PaymentInfo``)
``prepare`` names the SOAP elements with their NVP keys, so the statuses, error codes, rules and lifecycle ids
are those of paypal_nvp (one table, two encodings).
A SOAP fault (``<SOAP-ENV:Fault>`` with ``faultcode``, ``faultstring``, ``detail``; no Ack) is read with the SOAP 1.1
fault codes (W3C SOAP 1.1 note, section 4.4.1 "SOAP Fault Codes": ``Client`` "the message was incorrectly formed or
did not contain the appropriate information", ``Server`` "the message could not be processed for reasons not
directly attributable to the contents of the message"): a Client fault is an invalid request, a Server fault a
processing error on PayPal's side, and a fault whose detail or faultstring says the processing timed out leaves the
outcome unknown (TIMEOUT). Its shape alone names no provider: only a PayPal hint sends it here.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.providers import paypal_nvp

# The responses this module reads, under Envelope.Body.
OPERATIONS = (
    "DoDirectPaymentResponse", "DoExpressCheckoutPaymentResponse", "DoAuthorizationResponse", "DoCaptureResponse",
    "DoReauthorizationResponse", "DoVoidResponse", "RefundTransactionResponse", "DoReferenceTransactionResponse",
    "GetTransactionDetailsResponse", "GetExpressCheckoutDetailsResponse", "SetExpressCheckoutResponse",
    "DoNonReferencedCreditResponse",
)

FAULT_KEY = "payobs_soap_fault"  # prepare(): the SOAP fault's code, string and detail under this key
OPERATION_KEY = "payobs_soap_operation"  # prepare(): the response element's name (DoCaptureResponse ...)
# The operations that are by definition a capture, a void or a refund of an earlier authorization or payment
# (SOAP API reference: DoCapture "captures an authorized payment", DoVoid "voids an order or an authorization",
# RefundTransaction "issues a refund"): their answer is about that step even when a failed call names no id.
_OPERATION_KINDS = {"DoCaptureResponse": "CAPTURE", "DoVoidResponse": "VOID", "RefundTransactionResponse": "REFUND"}
_OPERATION_RULES = [{"when": {OPERATION_KEY: operation}, "set": {"event_kind": kind}}
                    for operation, kind in _OPERATION_KINDS.items()]
_TIMEOUT_PREFIXES = ["Timeout", "timeout", "Time-out", "Timed out", "timed out"]

SPEC = {
    **paypal_nvp.SPEC,
    "aliases": ["paypal", "paypal_soap", "paypal_classic", "paypal_pro", "paypal_payments_pro", "paypal_express"],
    "detect": [
        *({"path": f"Envelope.Body.{op}.Ack", "exists": True, "weight": 0.9} for op in OPERATIONS),
        # A response stored without its SOAP envelope.
        *({"path": f"{op}.Ack", "exists": True, "weight": 0.8} for op in OPERATIONS),
        # A SOAP fault: too generic to name PayPal by itself (far below the detection threshold), but it makes
        # this module, not the REST one, read a fault that a PayPal hint names.
        {"path": "Envelope.Body.Fault.faultcode", "exists": True, "weight": 0.1},
    ],
    "variants": [
        {
            "name": "soap.fault",
            "match": {f"{FAULT_KEY}.code": {"exists": True}},
            "root": FAULT_KEY,
            "status": "ERROR",
            "fields": {"reason_code": ["code"]},
            "reason_map": {"Client": "INVALID_REQUEST", "Server": "PROCESSING_ERROR"},
            "reason_fallback": None,
            "rules": [
                {"when": {"detail": {"prefix": _TIMEOUT_PREFIXES}},
                 "set": {"status_category": "UNKNOWN", "failure_reason": "TIMEOUT"}},
                {"when": {"string": {"prefix": _TIMEOUT_PREFIXES}},
                 "set": {"status_category": "UNKNOWN", "failure_reason": "TIMEOUT"}},
            ],
        },
        *({**variant, "rules": [*variant.get("rules", paypal_nvp.SPEC.get("rules", [])), *_OPERATION_RULES]}
          for variant in paypal_nvp.SPEC["variants"]),
    ],
}


def prepare(body: Any) -> Any:
    """The SOAP response as the NVP keys paypal_nvp reads (``Errors.ErrorCode`` -> ``L_ERRORCODE0`` ...)."""
    if not isinstance(body, dict):
        return body
    fault = _fault(body)
    if fault:
        return {FAULT_KEY: fault}
    response, operation = _response(body)
    if response is None:
        return body
    return {**paypal_nvp.prepare(to_nvp(response, operation)), OPERATION_KEY: operation}


def _fault(body: dict) -> dict | None:
    """A SOAP fault's code (namespace prefix dropped: ``SOAP-ENV:Server`` -> ``Server``), string and detail."""
    envelope = body.get("Envelope")
    container = envelope.get("Body") if isinstance(envelope, dict) else None
    fault = container.get("Fault") if isinstance(container, dict) else None
    if not isinstance(fault, dict):
        return None
    code = _text(fault.get("faultcode"))
    fields = {"code": code.rsplit(":", 1)[-1] if code else None, "string": _text(fault.get("faultstring")),
              "detail": _text(fault.get("detail"))}
    return {key: value for key, value in fields.items() if value} or None


def _response(body: dict) -> tuple[dict | None, str | None]:
    envelope = body.get("Envelope")
    container = envelope.get("Body") if isinstance(envelope, dict) else body
    if not isinstance(container, dict):
        return None, None
    for operation in OPERATIONS:
        response = container.get(operation)
        if isinstance(response, dict):
            return response, operation
    return None, None


def to_nvp(response: dict, operation: str | None = None) -> dict:
    """One SOAP ``...Response`` element as the NVP response of the same call."""
    details = _first(response.get(f"{operation[:-len('Response')]}ResponseDetails")) if operation else None
    if details is None:
        details = _first(response.get("PaymentTransactionDetails"))  # GetTransactionDetails
    details = details or {}
    info = _first(details.get("PaymentInfo")) or _first(response.get("PaymentInfo")) or {}
    auth_info = _first(response.get("AuthorizationInfo")) or {}
    refund_info = _first(response.get("RefundInfo")) or {}
    error = _first(response.get("Errors")) or {}
    parameter = _first(error.get("ErrorParameters")) or {}
    amount = _first(info.get("GrossAmount")) or _first(response.get("Amount")) or _first(details.get("Amount"))
    refund_amount = _first(response.get("GrossRefundAmount"))
    nvp = {
        "ACK": _text(response.get("Ack")),
        "CORRELATIONID": _text(response.get("CorrelationID")),
        "TIMESTAMP": _text(response.get("Timestamp")),
        "VERSION": _text(response.get("Version")),
        "BUILD": _text(response.get("Build")),
        "L_ERRORCODE0": _text(error.get("ErrorCode")),
        "L_SHORTMESSAGE0": _text(error.get("ShortMessage")),
        "L_SEVERITYCODE0": _text(error.get("SeverityCode")),
        "L_ERRORPARAMID0": _text(parameter.get("@ParamID")),
        "L_ERRORPARAMVALUE0": _text(parameter.get("Value")),
        "TOKEN": _text(details.get("Token")) or _text(response.get("Token")),
        "TRANSACTIONID": _text(info.get("TransactionID")) or _text(response.get("TransactionID"))
        or _text(details.get("TransactionID")),
        "PARENTTRANSACTIONID": _text(info.get("ParentTransactionID")),
        "AUTHORIZATIONID": _text(details.get("AuthorizationID")) or _text(response.get("AuthorizationID")),
        "REFUNDTRANSACTIONID": _text(response.get("RefundTransactionID")),
        "AMT": _text(amount),
        "CURRENCYCODE": _text(amount.get("@currencyID")) if isinstance(amount, dict) else None,
        "GROSSREFUNDAMT": _text(refund_amount),
        "PAYMENTSTATUS": _text(info.get("PaymentStatus")) or _text(auth_info.get("PaymentStatus"))
        or _text(response.get("PaymentStatus")),
        "PENDINGREASON": _text(info.get("PendingReason")) or _text(auth_info.get("PendingReason"))
        or _text(refund_info.get("PendingReason")),
        "REASONCODE": _text(info.get("ReasonCode")),
        "PAYMENTTYPE": _text(info.get("PaymentType")),
        "ORDERTIME": _text(info.get("PaymentDate")),
        "REFUNDSTATUS": _text(refund_info.get("RefundStatus")),
        "CHECKOUTSTATUS": _text(details.get("CheckoutStatus")),
        "AVSCODE": _text(response.get("AVSCode")) or _text(details.get("AVSCode")),
        "CVV2MATCH": _text(response.get("CVV2Code")) or _text(details.get("CVV2Code")),
        "BILLINGAGREEMENTID": _text(details.get("BillingAgreementID")),
    }
    if refund_amount is not None and not nvp["CURRENCYCODE"] and isinstance(refund_amount, dict):
        nvp["CURRENCYCODE"] = _text(refund_amount.get("@currencyID"))
    return {key: value for key, value in nvp.items() if value is not None}


def _first(value: Any) -> Any:
    """A repeated element (a list) read as its first occurrence."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
