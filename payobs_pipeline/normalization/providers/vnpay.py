"""VNPAY (Vietnam) payment gateway: the Return URL / IPN key=value parameters of a PAY payment, the querydr and
refund answers of the merchant web API (JSON), and the merchant's IPN acknowledgement.

Sources:
- "Hướng dẫn tích hợp hệ thống PAY" (sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html) and "Hướng dẫn tích
  hợp" (sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/): the parameters vnp_Amount ("merchant cần nhân thêm 100
  lần": VND 10,000 is sent as 1000000), vnp_CurrCode (only VND is supported), vnp_TxnRef (the merchant's order
  reference), vnp_TransactionNo (VNPAY's transaction code), vnp_BankCode, vnp_BankTranNo, vnp_CardType, vnp_PayDate
  (yyyyMMddHHmmss, GMT+7), vnp_ResponseCode, vnp_TransactionStatus, vnp_TmnCode, vnp_SecureHash.
- "API querydr, refund" (sandbox.vnpayment.vn/apis/docs/truy-van-hoan-tien/querydr&refund.html): the JSON answers
  {vnp_ResponseId, vnp_Command (querydr / refund), vnp_ResponseCode (the API's own result), vnp_Message, vnp_TmnCode,
  vnp_TxnRef, vnp_Amount, vnp_BankCode, vnp_PayDate, vnp_TransactionNo, vnp_TransactionType (01 payment, 02 full
  refund, 03 partial refund), vnp_TransactionStatus, vnp_SecureHash}.
- The code tables ("Bảng mã lỗi", sandbox.vnpayment.vn/apis/docs/bang-ma-loi/) as carried, with VNPAY's Vietnamese
  texts and English translations, by the npm SDK lehuygiang28/vnpay src/constants/response-map.constant.ts
  (RESPONSE_MAP for the Return URL / IPN, QUERY_DR_RESPONSE_MAP, REFUND_RESPONSE_MAP,
  TRANSACTION_STATUS_RESPONSE_MAP) and catalogued from the docs page in api-evangelist/vnlife
  errors/vnlife-decline-codes.yml (codes 00, 07, 09-13, 24, 51, 65, 75, 79, 99). The bang-ma-loi page itself is not
  stored here: the tables rest on those two transcriptions, which agree on every code both list.
- The IPN acknowledgement {RspCode, Message} the merchant answers VNPAY with (00 Confirm Success, 01 Order not found,
  02 Order already confirmed, 04 invalid amount, 97 fail checksum, 99 unknown error): pay.html's IPN section
  and lehuygiang28/vnpay src/constants/ipn-result-for-vnpay.constant.ts. It reports the merchant's bookkeeping, not
  a payment outcome.

Status: vnp_TransactionStatus when the message carries it (00 success; 01 not completed; 02 failed; 04 reversed:
"the customer was debited at the bank but the transaction did not succeed at VNPAY", so the outcome is UNKNOWN and
must be reconciled; 07 suspected fraud: the money was taken and the merchant must accept or reject it in the merchant
admin, so PENDING; 05 / 06 refund being processed / sent to the bank; 09 refund rejected), else vnp_ResponseCode
(00 success, 07 suspected fraud, anything else a failure). A failed payment whose response code is 24 ("the customer
cancelled the transaction") or 11 ("the payment waiting time expired") is CANCELLED, not declined.

Reasons (vnp_ResponseCode of a payment): 09 card/account not registered for Internet Banking, 10 card/account
information wrong more than 3 times, 12 card/account locked, 13 wrong OTP, 51 insufficient balance, 65 daily limit
exceeded, 75 paying bank under maintenance, 79 payment password wrong too many times, 99 other errors. The older codes
the SDK also lists (01 transaction already exists, 02 invalid merchant / vnp_TmnCode, 03 data in the wrong format,
04 website locked, 06 wrong OTP, 08 bank under maintenance) are mapped from the SDK; its 05 ("too many wrong
password inputs") is left out, another transcription (hiro-ajinomoto/kubtech constant.go) gives 05 as insufficient
balance, so the code is not citable one way.

querydr / refund answers: vnp_ResponseCode 00 means the API call succeeded and vnp_TransactionStatus states the
transaction; any other code is an ERROR of the call: 02 invalid TmnCode, 03 wrong format, 91 transaction not found,
94 duplicate request (refund: a refund already requested and in progress), 95 (refund) the transaction did not
succeed at VNPAY, 97 invalid checksum, 99 other errors.

Amount: vnp_Amount is the VND amount times 100 (read with an exponent of 2: 1000000 is VND 10,000). Currency: VND,
the only one the PAY API supports (the answers name none).

Lifecycle identity: vnp_TransactionNo (VNPAY's transaction code) is the attempt; vnp_TxnRef (the merchant's order
reference) is the payment. A refund answer's vnp_ResponseId ("unique for each refund transaction request") is the
refund; a querydr answer about a refund names no refund id of its own.
"""

from __future__ import annotations

from typing import Any

# vnp_TransactionStatus (Return URL, IPN, querydr, refund).
TRANSACTION_STATUSES = {
    "00": "APPROVED",
    "01": "PENDING",  # not completed yet
    "02": "DECLINED",  # transaction failed
    "04": "UNKNOWN",  # reversed: debited at the bank, not successful at VNPAY
    "07": "PENDING",  # suspected fraud: the merchant accepts or rejects it in the merchant admin
}
REFUND_STATUSES = {
    "00": "REFUNDED",
    "01": "PENDING",
    "02": "DECLINED",
    "05": "PENDING",  # VNPAY is processing the refund
    "06": "PENDING",  # VNPAY has sent the refund request to the bank
    "09": "DECLINED",  # refund rejected
}
# vnp_ResponseCode of a Return URL / IPN without vnp_TransactionStatus.
RESPONSE_STATUSES = {
    "00": "APPROVED",
    "07": "PENDING",
    **{code: "DECLINED" for code in ("01", "02", "03", "04", "06", "08", "09", "10", "11", "12", "13", "24", "51",
                                     "65", "75", "79", "99")},
}

# The customer cancelled (24) or let the payment time out (11): CANCELLED, not a decline.
CUSTOMER_CANCELLED_CODES = ["24", "11"]

# vnp_ResponseCode of a payment (Return URL / IPN).
PAYMENT_REASONS = {
    "01": "DUPLICATE",  # transaction already exists
    "02": "CONFIGURATION_ERROR",  # invalid merchant (check vnp_TmnCode)
    "03": "INVALID_REQUEST",  # data sent in the wrong format
    "04": "CONFIGURATION_ERROR",  # the merchant's website is locked
    "06": "AUTHENTICATION_FAILED",  # wrong OTP
    "08": "ISSUER_UNAVAILABLE",  # banking system under maintenance
    "09": "TRANSACTION_NOT_PERMITTED",  # card/account not registered for Internet Banking
    "10": "AUTHENTICATION_FAILED",  # card/account information wrong more than 3 times
    "11": "UNKNOWN",  # payment waiting time expired (CANCELLED)
    "12": "RESTRICTED_CARD",  # card/account locked
    "13": "AUTHENTICATION_FAILED",  # wrong OTP
    "24": "UNKNOWN",  # the customer cancelled (CANCELLED)
    "51": "INSUFFICIENT_FUNDS",
    "65": "LIMIT_EXCEEDED",  # daily transaction limit exceeded
    "75": "ISSUER_UNAVAILABLE",  # paying bank under maintenance
    "79": "AUTHENTICATION_FAILED",  # payment password wrong too many times
    "99": "GENERIC_DECLINE",  # other errors, not in the list
}

# vnp_ResponseCode of a querydr / refund answer (the API call's own result).
API_REASONS = {
    "02": "CONFIGURATION_ERROR",  # invalid connection identifier (TmnCode)
    "03": "INVALID_REQUEST",  # data in the wrong format
    "91": "INVALID_REQUEST",  # transaction not found
    "94": "DUPLICATE",  # duplicate request / refund already requested and being processed
    "95": "INVALID_REQUEST",  # refund: the transaction did not succeed at VNPAY, refused
    "97": "CONFIGURATION_ERROR",  # invalid checksum (the merchant's secret)
    "99": "PROCESSING_ERROR",  # other errors
}

# vnp_CardType: a domestic ATM card / bank account, or a VNPAY-QR payment from a banking app.
PAYMENT_METHODS = {"ATM": "CARD", "QRCODE": "BANK_TRANSFER"}

EXPONENT_KEY = "_payobs_vnp_amount_exponent"

_IDS = {
    "provider_transaction_id": ["vnp_TransactionNo"],
    "attempt_id": ["vnp_TransactionNo"],
    "payment_id": ["vnp_TxnRef"],
    "merchant_id": ["vnp_TmnCode"],
}

_COMMON_FIELDS = {
    **_IDS,
    "amount": ["vnp_Amount"],
    "amount_exponent": [EXPONENT_KEY],
    "event_time": ["vnp_PayDate"],
    "payment_method": ["vnp_CardType"],
}

_CANCELLED_RULES = [
    {"when": {"vnp_TransactionStatus": "02", "vnp_ResponseCode": {"in": CUSTOMER_CANCELLED_CODES}},
     "set": {"status_category": "CANCELLED"}},
]

SPEC = {
    "provider": "vnpay",
    "aliases": ["vnpay", "vn pay", "vnpay qr", "vnpayqr", "vnpayment", "vnpayment.vn", "cổng thanh toán vnpay",
                "vnpay gateway"],
    "detect": [
        {"path": "vnp_TxnRef", "exists": True, "weight": 0.3},
        {"path": "vnp_ResponseCode", "exists": True, "weight": 0.3},
        {"path": "vnp_TmnCode", "exists": True, "weight": 0.2},
        {"path": "vnp_SecureHash", "exists": True, "weight": 0.2},
        {"path": "vnp_TransactionNo", "exists": True, "weight": 0.1},
        {"path": "vnp_ResponseId", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "default_currency": "VND",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "ipn_acknowledgement",
            "match": {"RspCode": {"exists": True}, "Message": {"exists": True}, "vnp_TxnRef": {"exists": False}},
            "not_a_payment": "the merchant's answer to VNPAY's IPN call (its own bookkeeping), not a payment outcome",
        },
        {
            "name": "api_error",
            "match": {"vnp_Command": {"in": ["querydr", "refund"]}, "vnp_ResponseCode": {"not_in": ["00", "0"]}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {**_IDS, "reason_code": ["vnp_ResponseCode"]},
            "reason_map": API_REASONS,
            "rules": [{"when": {"vnp_Command": "refund"}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "refund_answer",
            "match": {"vnp_Command": "refund"},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_COMMON_FIELDS, "status": ["vnp_TransactionStatus"], "refund_id": ["vnp_ResponseId"]},
        },
        {
            "name": "querydr_refund",
            "match": {"vnp_Command": "querydr", "vnp_TransactionType": {"in": ["02", "03"]}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_COMMON_FIELDS, "status": ["vnp_TransactionStatus"], "refund_id": []},
        },
        {
            "name": "querydr_payment",
            "match": {"vnp_Command": "querydr"},
            "status_map": TRANSACTION_STATUSES,
            "fields": {**_COMMON_FIELDS, "status": ["vnp_TransactionStatus"]},
        },
        {
            # Return URL / IPN of version 2.1.0: the transaction status states the outcome, the response code why.
            "name": "payment_result",
            "match": {"vnp_TxnRef": {"exists": True}, "vnp_TransactionStatus": {"exists": True}},
            "status_map": TRANSACTION_STATUSES,
            "reason_map": PAYMENT_REASONS,
            "fields": {**_COMMON_FIELDS, "status": ["vnp_TransactionStatus"], "reason_code": ["vnp_ResponseCode"]},
            "rules": _CANCELLED_RULES,
        },
        {
            # Return URL / IPN with the response code only.
            "name": "payment_result_response_code",
            "match": {"vnp_TxnRef": {"exists": True}, "vnp_ResponseCode": {"exists": True}},
            "status_map": RESPONSE_STATUSES,
            "reason_map": PAYMENT_REASONS,
            "fields": {**_COMMON_FIELDS, "status": ["vnp_ResponseCode"], "reason_code": ["vnp_ResponseCode"]},
            "rules": [{"when": {"vnp_ResponseCode": {"in": CUSTOMER_CANCELLED_CODES}},
                       "set": {"status_category": "CANCELLED"}}],
        },
    ],
}


def prepare(body: Any) -> Any:
    """State vnp_Amount's exponent (the amount is sent times 100, also for VND, whose ISO exponent is 0)."""
    if isinstance(body, dict) and body.get("vnp_Amount") is not None and EXPONENT_KEY not in body:
        return {**body, EXPONENT_KEY: "2"}
    return body
