"""M-Pesa (Safaricom Daraja API, Kenya): Lipa na M-Pesa Online (STK push) callbacks, STK push requests' answers
and STK query results, C2B confirmations, the API's error bodies; B2C / transaction-status / reversal /
account-balance results (payouts and queries) are not payment outcomes.

Sources:
- https://developer.safaricom.co.ke/APIs/MpesaExpressSimulate (STK push: the request's answer
  {MerchantRequestID, CheckoutRequestID "ws_CO_...", ResponseCode "0", ResponseDescription, CustomerMessage};
  the callback {"Body": {"stkCallback": {MerchantRequestID, CheckoutRequestID, ResultCode, ResultDesc,
  CallbackMetadata {"Item": [{"Name": "Amount", "Value": 1.00}, {"Name": "MpesaReceiptNumber", ...},
  {"Name": "TransactionDate", "Value": 20191219102115}, {"Name": "PhoneNumber", ...}]}}}}; a failed
  callback has no CallbackMetadata), MpesaExpressQuery (STK query: ResponseCode, ResultCode, ResultDesc),
  C2B register-URL confirmations {TransactionType, TransID, TransTime, TransAmount, BusinessShortCode,
  BillRefNumber, MSISDN, ...} and the error body {requestId, errorCode "400.002.02", errorMessage}
- STK ResultCode references: https://www.kenzobe.com/blog/mpesa-daraja-api-errors and https://paylod.dev/docs/errors
  (0 Success, 1 Insufficient balance, 17 internal failure / unable to process by Party B, 26 System busy, 1001
  Unable to lock subscriber, a transaction is already in process, 1019 Transaction expired, 1025 / 9999 error
  while sending the push request, 1032 Request cancelled by user, 1037 DS timeout, user cannot be reached,
  2001 wrong PIN / initiator information invalid) and the Daraja error codes as listed at
  https://ronnyabuto.github.io/daraja-error-codes (400.002.02 Invalid ... (bad request), 404.001.03 Invalid
  Access Token, 500.001.1001 server error / merchant or subscriber problems)
Amounts are Kenyan shillings in major units (default currency KES: Daraja names no currency).

Lifecycle identity: an STK push's CheckoutRequestID is the attempt (the request's answer, its callback and
its query name it); payment_id is the MerchantRequestID; the M-Pesa receipt (MpesaReceiptNumber, C2B TransID)
is the transaction id once paid.
"""

from __future__ import annotations

from typing import Any

STATUS_KEY = "_payobs_mpesa_status"
ITEMS_KEY = "_payobs_mpesa_items"

# STK ResultCode -> (status key).
RESULT_STATUSES = {
    "0": "APPROVED",  # Success
    "1": "DECLINED",  # Insufficient balance
    "17": "ERROR",  # Internal failure / unable to process by Party B
    "26": "ERROR",  # System busy
    "1001": "ERROR",  # Unable to lock subscriber: a transaction is already in process
    "1019": "CANCELLED",  # Transaction expired: the customer took too long
    "1025": "ERROR",  # An error occurred while sending the push request
    "9999": "ERROR",  # Error sending the push request
    "1032": "CANCELLED",  # Request cancelled by user
    "1037": "ERROR",  # DS timeout: user cannot be reached
    "2001": "DECLINED",  # Wrong PIN / initiator information invalid
    "failed": "DECLINED",  # any other non-zero ResultCode: the payment failed
    "accepted": "PENDING",  # the STK push request was accepted: awaiting the customer
    "rejected": "ERROR",  # the STK push request was refused (non-zero ResponseCode)
}
REASONS = {
    "1": "INSUFFICIENT_FUNDS",
    "17": "PROCESSING_ERROR",
    "26": "PROCESSING_ERROR",
    "1001": "DUPLICATE",
    "1025": "PROCESSING_ERROR",
    "9999": "PROCESSING_ERROR",
    "1037": {"reason": "TIMEOUT", "source": "CUSTOMER"},
    "2001": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    # API error bodies (errorCode)
    "400.002.02": "INVALID_REQUEST",  # Bad Request - Invalid ...
    "400.002.05": "INVALID_REQUEST",  # Invalid request payload
    "404.001.01": "INVALID_REQUEST",  # Resource not found
    "404.001.03": "CONFIGURATION_ERROR",  # Invalid Access Token
    "404.001.04": "CONFIGURATION_ERROR",  # Invalid Authentication passed
    "401.003.01": "CONFIGURATION_ERROR",  # Error occurred while creating the token
    "500.001.1001": "PROCESSING_ERROR",  # Server error
    "500.003.02": "PROCESSING_ERROR",  # System is busy
    "500.003.03": "PROCESSING_ERROR",  # Quota violation / spike arrest
    "failed": "GENERIC_DECLINE",
}

_CALLBACK_FIELDS = {
    "provider_transaction_id": [f"{ITEMS_KEY}.MpesaReceiptNumber", "CheckoutRequestID"],
    "status": [STATUS_KEY], "reason_code": ["ResultCode", STATUS_KEY],
    "amount": [f"{ITEMS_KEY}.Amount"], "event_time": [f"{ITEMS_KEY}.TransactionDate"],
    "attempt_id": ["CheckoutRequestID"], "payment_id": ["MerchantRequestID"],
}

SPEC = {
    "provider": "mpesa",
    "aliases": ["mpesa", "m-pesa", "m_pesa", "mpesa_daraja", "daraja", "safaricom", "safaricom_mpesa",
                "lipa_na_mpesa", "mpesa_express", "mpesa_stk"],
    "detect": [
        # The callback's {"Body": ...} wrapper is read as an envelope (formats.py): the document is
        # {"stkCallback": {...}}; both spellings are recognized.
        {"path": "stkCallback", "exists": True, "weight": 0.9},
        {"path": "stkCallback.CheckoutRequestID", "prefix": "ws_CO_", "weight": 0.1},
        {"path": "Body.stkCallback", "exists": True, "weight": 0.9},
        {"path": "Body.stkCallback.CheckoutRequestID", "prefix": "ws_CO_", "weight": 0.1},
        {"path": "errorCode", "prefix": ["400.00", "401.00", "404.00", "500.00"], "weight": 0.3},
        {"path": "requestId", "exists": True, "weight": 0.2},
        {"path": "errorMessage", "exists": True, "weight": 0.05},
        {"path": "CheckoutRequestID", "prefix": "ws_CO_", "weight": 0.4},
        {"path": "MerchantRequestID", "exists": True, "weight": 0.2},
        {"path": "TransID", "exists": True, "weight": 0.2},
        {"path": "TransAmount", "exists": True, "weight": 0.2},
        {"path": "BusinessShortCode", "exists": True, "weight": 0.2},
        {"path": "BillRefNumber", "exists": True, "weight": 0.1},
        {"path": "Result.ConversationID", "exists": True, "weight": 0.3},
        {"path": "Result.OriginatorConversationID", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "default_currency": "KES",
    "status_map": RESULT_STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "WALLET",
    "variants": [
        {"name": "stk_callback", "root": "stkCallback", "match": {"stkCallback.ResultCode": {"exists": True}},
         "fields": _CALLBACK_FIELDS},
        {"name": "stk_callback_in_body", "root": "Body.stkCallback", "match": {"Body.stkCallback.ResultCode": {"exists": True}},
         "fields": _CALLBACK_FIELDS},
        {"name": "result_not_a_payment", "match": {"Result.ConversationID": {"exists": True}},
         "not_a_payment": "an M-Pesa B2C / transaction status / reversal / account balance result"},
        {"name": "api_error", "match": {"errorCode": {"exists": True}, "errorMessage": {"exists": True}},
         "status": "ERROR", "fields": {"reason_code": ["errorCode"], "provider_transaction_id": ["requestId"]}},
        {"name": "c2b_confirmation", "match": {"TransID": {"exists": True}, "TransAmount": {"exists": True}},
         "status": "APPROVED",
         "fields": {"provider_transaction_id": ["TransID"], "amount": ["TransAmount"], "attempt_id": ["TransID"],
                    "payment_id": ["BillRefNumber"], "merchant_id": ["BusinessShortCode"]}},
        {"name": "stk_request_or_query", "match": {"CheckoutRequestID": {"exists": True}},
         "fields": {"provider_transaction_id": ["CheckoutRequestID"], "status": [STATUS_KEY],
                    "reason_code": ["ResultCode", STATUS_KEY], "attempt_id": ["CheckoutRequestID"],
                    "payment_id": ["MerchantRequestID"]}},
    ],
}


def _status_key(result_code: Any, response_code: Any) -> str | None:
    if result_code is not None and str(result_code).strip() != "":
        code = str(result_code).strip()
        return code if code in RESULT_STATUSES else "failed"
    if response_code is not None and str(response_code).strip() != "":
        return "accepted" if str(response_code).strip() == "0" else "rejected"
    return None


def _items(metadata: Any) -> dict[str, Any]:
    items = metadata.get("Item") if isinstance(metadata, dict) else None
    if isinstance(items, dict):
        items = [items]
    out: dict[str, Any] = {}
    for item in items or []:
        if isinstance(item, dict) and item.get("Name") and "Value" in item:
            out[str(item["Name"])] = item["Value"]
    return out


def _with_status(stk: dict[str, Any]) -> dict[str, Any]:
    extra: dict[str, Any] = {ITEMS_KEY: _items(stk.get("CallbackMetadata"))}
    key = _status_key(stk.get("ResultCode"), None)
    if key:
        extra[STATUS_KEY] = key
    return {**stk, **extra}


def prepare(body: Any) -> Any:
    """Name the STK result's status and flatten CallbackMetadata's Name/Value items into a dict.

    Pure: returns a new dict; the payload is untouched.
    """
    if not isinstance(body, dict):
        return body
    if isinstance(body.get("stkCallback"), dict):
        return {**body, "stkCallback": _with_status(body["stkCallback"])}
    if isinstance(body.get("Body"), dict) and isinstance(body["Body"].get("stkCallback"), dict):
        return {**body, "Body": {**body["Body"], "stkCallback": _with_status(body["Body"]["stkCallback"])}}
    if "CheckoutRequestID" in body:
        key = _status_key(body.get("ResultCode"), body.get("ResponseCode"))
        return {**body, STATUS_KEY: key} if key else body
    return body
