"""SecurePay (Australia Post's gateway): the Secure XML API (``<SecurePayMessage>`` payment replies) and the newer
REST API (card payment, refund and error bodies).

Sources:
- SecurePay "Secure XML API Integration Guide" (v1.1 2010 / v1.4 2017; copies at vdocuments.site,
  pdfslide.us and scribd 549020929): the response ``<SecurePayMessage>`` with MessageInfo (messageID,
  messageTimestamp, apiVersion), RequestType (Payment, Echo, Periodic ...), MerchantInfo, ``Status``
  (statusCode, statusDescription: "000 Normal" means the message was processed and each Txn carries its own
  result; the appendix "SecurePay Status Codes": 504 Invalid Merchant ID, 505 Invalid URL, 510 Unable To
  Connect To Server, 511 Server Connection Aborted During Transaction, 512 Transaction timed out By Client,
  513 General Database Error, 514 Error loading properties file, 515 Fatal Unknown Error, 516 Request type
  unavailable, 517 Message Format Error, 524 Response not received, 545 System maintenance in progress,
  550 Invalid password, 575 Not implemented, 577 Too Many Records for Processing, 580 Process method has not been
  called, 595 Merchant Disabled), and ``Payment/TxnList/Txn`` with txnType (0 Standard Payment, 4 Refund,
  6 Client Reversal (void), 10 Preauthorise, 11 Preauth Complete, 15 Direct Entry Debit, 17 Direct Entry
  Credit), txnSource, amount (an integer in cents), currency, purchaseOrderNo, approved (Yes / No),
  responseCode, responseText, settlementDate, txnID, CreditCardInfo (pan, expiryDate, cardType,
  cardDescription); DirectEntryInfo for bank account debits
- SecurePay "Bank and SecurePay Response Codes" (19/07/2013; studylib.net/doc/18642880,
  helpticketsearch.com/bank-securepay-response-codes): bank response codes 00-99 (00/08/11/16/77 approved, the
  rest the ISO 8583 meanings: 05 Do Not Honour, 51 Insufficient Funds, 54 Expired Card ...) and SecurePay's own
  codes 100+ (100 Invalid Transaction Amount, 101 Invalid Card Number, 102 Invalid Expiry Date Format,
  103 Invalid Purchase Order, 104 Invalid Merchant ID, 106 Card Type Unsupported, 109 Invalid credit card CVV
  number format, 110 Unable To Connect To Server, 111 Server Connection Aborted During Transaction, 112
  Transaction timed out By Client, 113 General Database Error, 114 Error loading properties file, 115 Fatal
  Unknown Error, 116 Request type unavailable, 117 Message Format Error, 124 Gateway Connection Aborted During
  Transaction, 125 Unknown Error Code, 126 Unable to connect to gateway, 131 Invalid Number Format, 132 Invalid
  Date Format, 133 Transaction for refund not in database, 134 Refund amount greater than original amount, 151
  Invalid Currency Code)
- SecurePay REST API (auspost.com.au/payments/docs/securepay, "Card Payments"): a payment / refund answer with
  createdAt, amount (cents), currency, status (paid, failed, unknown), bankTransactionId, gatewayResponseCode (the
  bank's code), gatewayResponseMessage, errorCode, customerCode, merchantCode, orderId, fraudResult; errors
  ``{"errors": [{"id", "code", "detail", "source"}]}``

A statusCode of two digits is the bank's response code answered at the message level (the transaction was
refused: DECLINED). Amounts are cents of ``currency``.
Lifecycle identity: txnID / bankTransactionId is the bank's transaction (an authorisation's attempt_id, a
refund's refund_id); purchaseOrderNo / orderId is the merchant's order (payment_id).
"""

from __future__ import annotations

from typing import Any

SP_KEY = "payobs_securepay"

_CUSTOMER = "CUSTOMER"
_TECHNICAL = "TECHNICAL"

# Message-level Status codes (the guide's appendix).
STATUS_CODES: dict[str, Any] = {
    "504": "CONFIGURATION_ERROR",  # Invalid Merchant ID
    "505": "CONFIGURATION_ERROR",  # Invalid URL
    "510": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # Unable To Connect To Server
    "511": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # Server Connection Aborted During Transaction
    "512": {"reason": "TIMEOUT", "source": _TECHNICAL},  # Transaction timed out By Client
    "513": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # General Database Error
    "514": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # Error loading properties file
    "515": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # Fatal Unknown Error
    "516": "CONFIGURATION_ERROR",  # Request type unavailable
    "517": "INVALID_REQUEST",  # Message Format Error
    "524": {"reason": "TIMEOUT", "source": _TECHNICAL},  # Response not received
    "545": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # System maintenance in progress
    "550": "CONFIGURATION_ERROR",  # Invalid password
    "575": "CONFIGURATION_ERROR",  # Not implemented
    "577": "INVALID_REQUEST",  # Too Many Records for Processing
    "580": "INVALID_REQUEST",  # Process method has not been called
    "595": "CONFIGURATION_ERROR",  # Merchant Disabled
}
# SecurePay's own transaction response codes (100+); 00-99 are the bank's, read through the ISO 8583 table.
RESPONSE_CODES: dict[str, Any] = {
    "100": "INVALID_REQUEST",  # Invalid Transaction Amount
    "101": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid Card Number
    "102": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid Expiry Date Format
    "103": "INVALID_REQUEST",  # Invalid Purchase Order
    "104": "CONFIGURATION_ERROR",  # Invalid Merchant ID
    "106": "TRANSACTION_NOT_PERMITTED",  # Card Type Unsupported
    "109": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},  # Invalid credit card CVV number format
    "110": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "111": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "112": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "113": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "114": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "115": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "116": "CONFIGURATION_ERROR",
    "117": "INVALID_REQUEST",
    "124": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "125": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "126": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "131": "INVALID_REQUEST",
    "132": "INVALID_REQUEST",
    "133": "INVALID_REQUEST",  # Transaction for refund not in database
    "134": "INVALID_REQUEST",  # Refund amount greater than original amount
    "151": "INVALID_REQUEST",  # Invalid Currency Code
}
# Bank codes SecurePay lists as approvals.
_APPROVED_BANK_CODES = {"00", "08", "11", "16", "77"}

OUTCOMES = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR", "unknown": "UNKNOWN",
            "refunded": "REFUNDED", "cancelled": "CANCELLED"}
REST_STATUSES = {"paid": "APPROVED", "approved": "APPROVED", "failed": "DECLINED", "unknown": "UNKNOWN"}
TXN_KINDS = {"4": "REFUND", "6": "VOID", "11": "CAPTURE"}
CARD_TYPES = {"0": None, "1": "jcb", "2": "amex", "3": "diners", "4": None, "5": "mastercard", "6": "visa"}


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _xml_message(message: dict[str, Any]) -> dict[str, Any]:
    status = message.get("Status") if isinstance(message.get("Status"), dict) else {}
    code = _text(status.get("statusCode")) or ""
    payment = message.get("Payment") if isinstance(message.get("Payment"), dict) else {}
    txn_list = payment.get("TxnList") if isinstance(payment.get("TxnList"), dict) else {}
    txn = txn_list.get("Txn")
    txn = txn[0] if isinstance(txn, list) and txn else txn
    txn = txn if isinstance(txn, dict) else {}
    card = txn.get("CreditCardInfo") if isinstance(txn.get("CreditCardInfo"), dict) else {}
    flat = {
        "requesttype": _text(message.get("RequestType")),
        "statuscode": code or None,
        "statusdescription": _text(status.get("statusDescription")),
        "txntype": _text(txn.get("txnType")),
        "amount": _text(txn.get("amount")),
        "currency": _text(txn.get("currency")),
        "purchaseorderno": _text(txn.get("purchaseOrderNo")),
        "responsecode": _text(txn.get("responseCode")),
        "responsetext": _text(txn.get("responseText")),
        "txnid": _text(txn.get("txnID")),
        "cardtype": _text(card.get("cardType")),
        "method": "CARD" if card else ("DIRECT_DEBIT" if txn.get("DirectEntryInfo") else None),
    }
    if code.lstrip("0") == "" and code:  # 000 Normal: the Txn tells
        if not txn:
            flat["outcome"] = "unknown"
        elif (_text(txn.get("approved")) or "").lower() == "yes":
            kind = flat["txntype"]
            flat["outcome"] = "refunded" if kind == "4" else "cancelled" if kind == "6" else "approved"
        else:
            response = flat["responsecode"] or ""
            flat["outcome"] = "error" if response in RESPONSE_CODES and response not in ("101", "102", "106", "109") \
                else "declined"
    elif len(code) <= 2 and code.isdigit():  # the bank's code at the message level
        flat["outcome"] = "approved" if code in _APPROVED_BANK_CODES else "declined"
    else:
        flat["outcome"] = "error"
    if not flat.get("currency"):
        flat.pop("amount", None)
    return {key: value for key, value in flat.items() if value is not None}


def prepare(body: Any) -> Any:
    """A Secure XML reply as one flat ``payobs_securepay`` dict with its outcome."""
    if isinstance(body, dict) and isinstance(body.get("SecurePayMessage"), dict):
        return {SP_KEY: _xml_message(body["SecurePayMessage"])}
    return body


SPEC = {
    "provider": "securepay",
    "aliases": ["securepay", "secure pay", "secure_pay", "securepay_au", "securepay australia", "securepay_xml",
                "securexml", "auspost_securepay", "australia post securepay"],
    "detect": [
        {"path": "SecurePayMessage.Status", "exists": True, "weight": 0.9},
        {"path": "SecurePayMessage.MessageInfo", "exists": True, "weight": 0.3},
        # REST API payment answer.
        {"path": "gatewayResponseCode", "exists": True, "weight": 0.3},
        {"path": "bankTransactionId", "exists": True, "weight": 0.3},
        {"path": "merchantCode", "exists": True, "weight": 0.2},
        {"path": "gatewayResponseMessage", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "reason_map": {**STATUS_CODES, **RESPONSE_CODES},
    "reason_fallback": "iso8583",
    "card_brand_map": CARD_TYPES,
    "variants": [
        {
            "name": "xml.echo",
            "match": {f"{SP_KEY}.requesttype": "Echo"},
            "not_a_payment": "an Echo (connectivity check) is not a payment",
        },
        {
            "name": "xml.payment",
            "match": {f"{SP_KEY}.outcome": {"exists": True}},
            "root": SP_KEY,
            "default_payment_method": "CARD",
            "fields": {
                "provider_transaction_id": ["txnid"],
                "status": ["outcome"],
                "reason_code": ["responsecode", "statuscode"],
                "amount": ["amount"],
                "currency": ["currency"],
                "payment_method": ["method"],
                "card_brand": ["cardtype"],
                "payment_id": ["purchaseorderno"],
                "attempt_id": ["txnid"],
            },
            "status_map": OUTCOMES,
            "payment_method_map": {"card": "CARD", "direct_debit": "DIRECT_DEBIT"},
            "rules": [
                *({"when": {"txntype": code}, "set": {"event_kind": kind}} for code, kind in TXN_KINDS.items()),
            ],
        },
        {
            # REST API errors: {"errors": [{"id", "code", "detail"}]}: the request refused.
            "name": "rest.error",
            "match": {"errors.0.code": {"exists": True}, "errors.0.detail": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["errors.0.code"], "reason_code": ["errors.0.code"]},
            "rules": [
                {"when": {"errors.0.code": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"errors.0.code": {"prefix": ["UNAUTHORIZED", "unauthorized", "FORBIDDEN", "forbidden",
                                                       "invalid_client", "INVALID_CLIENT"]}},
                 "set": {"failure_reason": "CONFIGURATION_ERROR"}},
            ],
        },
        {
            "name": "rest.payment",
            "match": {"status": list(REST_STATUSES), "bankTransactionId": {"exists": True}},
            "default_payment_method": "CARD",
            "fields": {
                "provider_transaction_id": ["bankTransactionId"],
                "status": ["status"],
                "reason_code": ["gatewayResponseCode", "errorCode"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["createdAt"],
                "payment_id": ["orderId"],
                "attempt_id": ["bankTransactionId"],
                "merchant_id": ["merchantCode"],
            },
            "status_map": REST_STATUSES,
        },
    ],
}
