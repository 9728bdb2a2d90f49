"""2C2P (Southeast Asia): PGW v4 payment inquiry responses and decoded backend notifications, Do Payment flow
responses, API errors, and the older redirect/backend responses (key=value payment_status, XML PaymentResponse,
Payment Maintenance XML).

Sources (2C2P developer documentation):
- https://developer.2c2p.com/docs/response-code-payment (Payment Response Codes: 0000 Successful, 0001
  Transaction is pending, 0003 Transaction is cancelled, 0004 soft-declined, resubmit after 3DS authentication,
  0999 System error, 2001 Transaction in progress, 2002 Transaction not found, 2003 Payment / Inquiry Failed,
  4000 Card Verification Successful, 4001-4054 the card host's responses: 4001 Refer to card issuer, 4005 Do not
  honor, 4014 Invalid Card Number, 4033 Expired Card - Pick Up, 4034 Suspected Fraud - Pick Up, 4035 Restricted
  Card - Pick Up, 4036 / 4038 Allowable PIN Tries Exceeded, 4041 Lost Card, 4043 Stolen Card, 4050 Host Down,
  4051 Insufficient Funds, 4054 Expired Card, ...: the last two digits are the ISO 8583 response code)
- https://developer.2c2p.com/docs/api-response-code (9004 value not valid ... 9007 Invalid merchant, 9015
  Existing Invoice Number, 9035 Payment failed, 9037 Merchant configuration is missing, 9040 token invalid,
  9041 Payment token already used, 9042 Hash value mismatch, 9057-9060 payment channel invalid / unauthorized /
  unconfigured, 9088-9095 sub-merchant errors, 9901-9909 recurring parameters, 9990-9999 internal requests failed)
- https://developer.2c2p.com/docs/payment-flow-response-code and /direct-api-payment-process-flow (Do Payment
  response codes 1000-1005: redirect / 3DS / app / payslip / QR, the customer still has to act; 2000 transaction
  completed, "perform payment inquiry to get payment status"; 2001 in progress; 2002 not found; 2003 failed to
  inquiry)
- https://developer.2c2p.com/docs/response-code-payment-maintenance-status-code (status AP approval pending,
  AE / AL / AM approved (APM), PF payment failed, AR authentication rejected (MPI reject), FF fraud rule
  rejected, IP rejected (invalid promotion), ROE routing rejected, RP refund pending, RF refund confirmed,
  RFF refund failed, RR / RR1 / RR2 / RR3 refund rejected, RS ready for settlement, V voided, VP void pending,
  EX payment expired, CTS / CTF tokenization)
- https://s.2c2p.com/securepayment/manual/responsedetail.html and s.2c2p.com/manuals/ios/reference/
  backendresponse.html (older PaymentResponse XML: respCode 00 approved / 05 do not honor for cards, 000 paid /
  001 pending for 123 payments; amt 12 digits without decimal point; status; failReason; tranRef;
  uniqueTransactionCode = invoice number)
- The v8.x redirect / backend response (form post: payment_status 000 success, 001 pending, 002 rejected,
  003 user cancelled, 999 error; channel_response_code = the bank's ISO 8583 code; currency = ISO 4217
  numeric; amount 12 digits in minor units)

Backend notifications of PGW v4 are a JWT ({"payload": "<token>"}). The format layer hands the mappings the
token's claims (formats: jwt; payobs never verifies signatures): the payment inquiry fields, mapped like an
inquiry response.

Lifecycle identity: tranRef is the attempt (2C2P's reference of the transaction); invoiceNo is the merchant's
invoice number, the payment. Refund states (RP / RF / RFF / RR) are rows of the refunded transaction: no refund
object id is given.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

CLASS_KEY = "_payobs_resp_class"
ISO_KEY = "_payobs_iso_code"
METHOD_KEY = "_payobs_method"
BRAND_KEY = "_payobs_card_brand"

# respCode -> status; codes not listed fall into their range (see _resp_class).
RESP_STATUSES = {
    "0000": "APPROVED",
    "0001": "PENDING",
    "0003": "CANCELLED",
    "0004": "DECLINED",
    "0999": "ERROR",
    "1000": "PENDING", "1001": "PENDING", "1002": "PENDING", "1003": "PENDING", "1004": "PENDING",
    "1005": "PENDING",
    "2001": "PENDING",
    "2002": "ERROR",
    "2003": "ERROR",
    "4000": "APPROVED",  # card verification successful
    "4008": "APPROVED",  # honor with ID
    "4009": "PENDING",  # request in progress
    "4010": "APPROVED",  # partial amount approved
    "4011": "APPROVED",  # approved VIP
    "4016": "APPROVED",  # approved, update track 3
    "4045": "APPROVED",  # settlement success
    "4047": "CANCELLED",  # cancel success
    "9035": "DECLINED",  # payment failed
    "4xxx": "DECLINED",
    "9xxx": "ERROR",
}
RESP_REASONS = {
    "0004": "AUTHENTICATION_REQUIRED",  # resubmit after 3DS authentication
    "0999": "PROCESSING_ERROR",
    "2002": "INVALID_REQUEST",
    "2003": "PROCESSING_ERROR",
    # 40xx as 2C2P words them (where the wording differs from ISO 8583 the wording wins)
    "4001": "GENERIC_DECLINE",
    "4002": "GENERIC_DECLINE",
    "4003": "CONFIGURATION_ERROR",
    "4004": "LOST_OR_STOLEN_CARD",
    "4005": "GENERIC_DECLINE",
    "4006": "PROCESSING_ERROR",
    "4007": "LOST_OR_STOLEN_CARD",
    "4012": "TRANSACTION_NOT_PERMITTED",
    "4013": "INVALID_REQUEST",
    "4014": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "4015": "INVALID_CARD_DATA",
    "4018": "REVOKED",
    "4019": "ISSUER_UNAVAILABLE",
    "4020": "PROCESSING_ERROR",
    "4021": "GENERIC_DECLINE",
    "4022": "PROCESSING_ERROR",
    "4023": "TRANSACTION_NOT_PERMITTED",
    "4024": "PROCESSING_ERROR",
    "4025": "INVALID_CARD_DATA",
    "4026": "DUPLICATE",
    "4027": "PROCESSING_ERROR",
    "4028": "ISSUER_UNAVAILABLE",
    "4029": "PROCESSING_ERROR",
    "4030": "INVALID_REQUEST",
    "4031": "ISSUER_UNAVAILABLE",
    "4032": "GENERIC_DECLINE",
    "4033": "EXPIRED_CARD",
    "4034": "SUSPECTED_FRAUD",
    "4035": "RESTRICTED_CARD",
    "4036": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "4037": "TRANSACTION_NOT_PERMITTED",
    "4038": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "4039": "TRANSACTION_NOT_PERMITTED",
    "4040": "TRANSACTION_NOT_PERMITTED",
    "4041": "LOST_OR_STOLEN_CARD",
    "4042": "TRANSACTION_NOT_PERMITTED",
    "4043": "LOST_OR_STOLEN_CARD",
    "4044": "TRANSACTION_NOT_PERMITTED",
    "4046": "PROCESSING_ERROR",  # settlement fail
    "4048": "PROCESSING_ERROR",  # cancel fail
    "4049": "INVALID_REQUEST",  # no transaction reference number
    "4050": "ISSUER_UNAVAILABLE",  # host down
    "4051": "INSUFFICIENT_FUNDS",
    "4052": "TRANSACTION_NOT_PERMITTED",
    "4053": "TRANSACTION_NOT_PERMITTED",
    "4054": "EXPIRED_CARD",
    # 9xxx API errors
    "9004": "INVALID_REQUEST", "9005": "INVALID_REQUEST", "9006": "INVALID_REQUEST",
    "9007": "CONFIGURATION_ERROR", "9008": "INVALID_REQUEST", "9009": "INVALID_REQUEST",
    "9010": "INVALID_REQUEST", "9012": "INVALID_REQUEST", "9013": "INVALID_REQUEST", "9014": "INVALID_REQUEST",
    "9015": "DUPLICATE",
    "9035": "UNKNOWN",
    "9037": "CONFIGURATION_ERROR", "9038": "PROCESSING_ERROR", "9039": "CONFIGURATION_ERROR",
    "9040": "INVALID_REQUEST", "9041": "DUPLICATE", "9042": "CONFIGURATION_ERROR",
    "9057": "INVALID_REQUEST", "9058": "INVALID_REQUEST", "9059": "CONFIGURATION_ERROR",
    "9060": "CONFIGURATION_ERROR", "9078": "INVALID_REQUEST", "9080": "CONFIGURATION_ERROR",
    "9088": "INVALID_REQUEST", "9089": "DUPLICATE", "9090": "INVALID_REQUEST", "9091": "INVALID_REQUEST",
    "9092": "INVALID_REQUEST", "9093": "DUPLICATE", "9094": "INVALID_REQUEST", "9095": "INVALID_REQUEST",
    "9901": "INVALID_REQUEST", "9902": "INVALID_REQUEST", "9903": "INVALID_REQUEST", "9904": "INVALID_REQUEST",
    "9905": "INVALID_REQUEST", "9906": "INVALID_REQUEST", "9907": "INVALID_REQUEST", "9908": "INVALID_REQUEST",
    "9909": "INVALID_REQUEST",
    "9990": "PROCESSING_ERROR", "9991": "PROCESSING_ERROR", "9992": "PROCESSING_ERROR", "9993": "PROCESSING_ERROR",
    "9994": "PROCESSING_ERROR", "9995": "PROCESSING_ERROR", "9996": "PROCESSING_ERROR", "9997": "PROCESSING_ERROR",
    "9998": "PROCESSING_ERROR", "9999": "PROCESSING_ERROR",
}
# Older responses and Payment Maintenance: transaction status letters.
STATUS_LETTERS = {
    "A": "APPROVED", "S": "APPROVED", "RS": "APPROVED", "AE": "APPROVED", "AL": "APPROVED", "AM": "APPROVED",
    "AP": "PENDING", "VP": "PENDING",
    "PF": "DECLINED", "AR": "DECLINED", "FF": "DECLINED", "IP": "DECLINED",
    "ROE": "ERROR",
    "V": "CANCELLED", "EX": "CANCELLED",
    "RP": "PENDING", "RF": "REFUNDED", "RFF": "DECLINED", "RR": "DECLINED", "RR1": "DECLINED", "RR2": "DECLINED",
    "RR3": "DECLINED",
}
STATUS_LETTER_REASONS = {
    "AR": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # MPI (3DS) reject
    "FF": "RISK_REJECTED",
    "IP": "INVALID_REQUEST",
    "ROE": "PROCESSING_ERROR",
    "RFF": "PROCESSING_ERROR",
    "RR1": {"reason": "INSUFFICIENT_FUNDS", "source": "MERCHANT_CONFIG"},  # merchant balance
    "RR2": "INVALID_CARD_DATA",  # invalid bank information
    "RR3": "INVALID_CARD_DATA",  # bank account mismatch
}
REFUND_LETTERS = ["RP", "RF", "RFF", "RR", "RR1", "RR2", "RR3"]
# v8.x redirect / backend payment_status
PAYMENT_STATUS_CODES = {"000": "APPROVED", "001": "PENDING", "002": "DECLINED", "003": "CANCELLED",
                        "999": "ERROR"}

_CARD_BRANDS = {"VI": "visa", "MA": "mastercard", "JC": "jcb", "AM": "amex", "UP": "unionpay", "DI": "diners",
                "CU": "unionpay", "DC": "diners"}
_METHOD_OF_CHANNEL = {
    "CC": "CARD", "CARD": "CARD", "IPP": "CARD", "RPP": "CARD", "GCARD": "CARD",
    "123": "CASH_VOUCHER", "OTC": "CASH_VOUCHER", "SSM": "CASH_VOUCHER", "ATM": "BANK_TRANSFER",
    "BANK": "BANK_TRANSFER", "IMBANK": "BANK_TRANSFER", "WEBPAY": "BANK_TRANSFER", "DPAY": "WALLET",
    "QR": "WALLET", "PROMPTPAY": "WALLET", "PAYNOW": "WALLET", "GCASH": "WALLET", "GRABPAY": "WALLET",
    "TRUEMONEY": "WALLET", "ALIPAY": "WALLET", "WECHATPAY": "WALLET", "LINEPAY": "WALLET", "SHOPEEPAY": "WALLET",
    "BOOST": "WALLET", "TNG": "WALLET", "MAYA": "WALLET", "PAYMAYA": "WALLET", "APPLEPAY": "WALLET",
    "GOOGLEPAY": "WALLET", "ATOME": "BNPL", "BNPL": "BNPL",
}
METHODS = {m: m for m in ("CARD", "WALLET", "BANK_TRANSFER", "CASH_VOUCHER", "BNPL", "OTHER")}

_V4_FIELDS = {
    "provider_transaction_id": ["tranRef", "invoiceNo"],
    "status": [CLASS_KEY],
    "reason_code": ["respCode", ISO_KEY],
    "amount": ["amount"],
    "currency": ["currencyCode"],
    "payment_method": [METHOD_KEY],
    "card_brand": [BRAND_KEY],
    "card_country": ["issuerCountry"],
    "merchant_id": ["merchantID"],
    "attempt_id": ["tranRef"],
    "payment_id": ["invoiceNo"],
    "refund_id": [],
}
_KV_FIELDS = {
    "provider_transaction_id": ["transaction_ref", "order_id"],
    "status": ["payment_status"],
    "reason_code": ["channel_response_code", "payment_status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": [METHOD_KEY],
    "merchant_id": ["merchant_id"],
    "attempt_id": ["transaction_ref"],
    "payment_id": ["order_id", "invoice_no"],
    "refund_id": [],
}
_XML_FIELDS = {
    "provider_transaction_id": ["tranRef", "uniqueTransactionCode", "invoiceNo"],
    "status": ["status"],
    "reason_code": [ISO_KEY, "respCode", "status"],
    "amount": ["amt", "amount"],
    "currency": ["currency", "currencyCode"],
    "payment_method": [METHOD_KEY],
    "merchant_id": ["merchantID"],
    "attempt_id": ["tranRef"],
    "payment_id": ["uniqueTransactionCode", "invoiceNo"],
    "card_country": ["IssuerCountry", "issuerCountry"],
    "refund_id": [],
}
_LETTER_RULES = [
    {"when": {"status": REFUND_LETTERS}, "set": {"event_kind": "REFUND"}},
    {"when": {"status": ["V", "VP"]}, "set": {"event_kind": "VOID"}},
]

SPEC = {
    "provider": "2c2p",
    "aliases": ["2c2p", "2c2p_pgw", "2c2p_pgw_v4", "2c2p_payment_gateway", "two_c_two_p", "twoctwop", "c2p",
                "2c2p_redirect"],
    "detect": [
        {"path": "respCode", "exists": True, "weight": 0.2},
        {"path": "respCode", "in": ["2000", *(c for c in (*RESP_STATUSES, *RESP_REASONS) if c[0].isdigit())],
         "weight": 0.2},
        {"path": "respDesc", "exists": True, "weight": 0.2},
        {"path": "tranRef", "exists": True, "weight": 0.2},
        {"path": "invoiceNo", "exists": True, "weight": 0.2},
        {"path": "merchantID", "exists": True, "weight": 0.1},
        {"path": "channelCode", "exists": True, "weight": 0.1},
        {"path": "paymentToken", "exists": True, "weight": 0.2},
        {"path": "webPaymentUrl", "exists": True, "weight": 0.3},
        {"path": "payment_status", "in": list(PAYMENT_STATUS_CODES), "weight": 0.3},
        {"path": "channel_response_code", "exists": True, "weight": 0.2},
        {"path": "transaction_ref", "exists": True, "weight": 0.2},
        {"path": "hash_value", "exists": True, "weight": 0.1},
        {"path": "PaymentResponse.tranRef", "exists": True, "weight": 0.6},
        {"path": "PaymentResponse.uniqueTransactionCode", "exists": True, "weight": 0.3},
        {"path": "PaymentProcessResponse.respCode", "exists": True, "weight": 0.6},
    ],
    "amount_unit": "major",
    "status_map": RESP_STATUSES,
    "reason_map": RESP_REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": METHODS,
    "variants": [
        {"name": "payment_token", "match": {"paymentToken": {"exists": True}},
         "not_a_payment": "a 2C2P payment token (payment page created; no attempt yet)"},
        {"name": "payment_response_xml", "root": "PaymentResponse", "match": {"PaymentResponse": {"exists": True}},
         "fields": _XML_FIELDS, "status_map": STATUS_LETTERS, "reason_map": STATUS_LETTER_REASONS,
         "amount_unit": "minor", "rules": _LETTER_RULES},
        {"name": "payment_process_response_xml", "root": "PaymentProcessResponse",
         "match": {"PaymentProcessResponse": {"exists": True}},
         "fields": {**_XML_FIELDS, "amount": [], "currency": []}, "status_map": STATUS_LETTERS,
         "reason_map": STATUS_LETTER_REASONS, "rules": _LETTER_RULES},
        {"name": "redirect_response", "match": {"payment_status": {"exists": True}},
         "fields": _KV_FIELDS, "status_map": PAYMENT_STATUS_CODES, "amount_unit": "minor",
         "reason_map": {"002": "GENERIC_DECLINE", "999": "PROCESSING_ERROR"}},
        {"name": "payment_inquiry", "match": {"respCode": {"exists": True}}, "fields": _V4_FIELDS,
         "rules": [{"when": {"respCode": "4047"}, "set": {"event_kind": "VOID"}}]},
    ],
}


def _resp_class(code: str) -> str | None:
    """The RESP_STATUSES key of a v4 respCode: the code itself when listed, else its range."""
    if code in RESP_STATUSES:
        return code
    if len(code) == 4 and code.isdigit():
        if code[0] == "4":
            return "4xxx"
        if code[0] == "9":
            return "9xxx"
    return None


def _method(channel: Any, scheme: Any) -> tuple[str | None, str | None]:
    """(payment method, card brand) from channelCode / paymentScheme / payment_channel."""
    for raw in (scheme, channel):
        if isinstance(raw, str) and raw.strip().upper() in _CARD_BRANDS:
            return "CARD", _CARD_BRANDS[raw.strip().upper()]
    if isinstance(channel, str) and channel.strip():
        return _METHOD_OF_CHANNEL.get(channel.strip().upper(), "OTHER"), None
    return None, None


def prepare(body: Any) -> Any:
    """Classify respCode, expose the ISO code inside a 40xx/42xx host response, name method and brand.

    Pure: returns a copy with the added keys; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    for root in ("PaymentResponse", "PaymentProcessResponse"):
        inner = body.get(root)
        if isinstance(inner, dict):
            added: dict[str, Any] = {}
            code = str(inner.get("respCode") or "").strip()
            if len(code) == 2 and code.isalnum():  # card host code ("00", "05"); 3-digit codes are 123 payments
                added[ISO_KEY] = code
            method, _ = _method(inner.get("paymentChannel") or inner.get("paidChannel"), None)
            if method:
                added[METHOD_KEY] = method
            if inner.get("amt") is not None and not (inner.get("currency") or inner.get("currencyCode")):
                added["amt"] = None  # 12-digit amount with no currency: unusable, never guessed
            return {**body, root: {**inner, **added}} if added else body
    added = {}
    if "payment_status" in body:
        method, _ = _method(body.get("payment_channel") or body.get("paid_channel"), None)
        if method:
            added[METHOD_KEY] = method
        return {**body, **added} if added else body
    code = body.get("respCode")
    if code is None:
        return body
    code = str(code).strip()
    if code == "2000" and "tranRef" not in body and "amount" not in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "2c2p: 2000 transaction completed; the outcome is read with a payment inquiry")
    resp_class = _resp_class(code)
    if resp_class:
        added[CLASS_KEY] = resp_class
    if len(code) == 4 and code.startswith("40"):
        added[ISO_KEY] = code[2:]
    method, brand = _method(body.get("channelCode"), body.get("paymentScheme"))
    if method:
        added[METHOD_KEY] = method
    if brand:
        added[BRAND_KEY] = brand
    return {**body, **added} if added else body
