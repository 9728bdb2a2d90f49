"""BillDesk (India): the PG API v1.2 (JOSE) Transaction object (the create / retrieve answers, the return-URL
``transaction_response`` and the webhook, once verified and decoded), the Order answer around a transaction, the
Refund object, the API error body, and the legacy pipe-delimited ``msg`` response.

Sources:
- BillDesk PG v1.2 Transaction object, as shown in Meta's "BillDesk Payment Gateway Integration Guide"
  (developers.facebook.com/documentation/business-messaging/whatsapp/payments/payments-in/upi-intent/
  pg-guide-billdesk/: POST https://pguat.billdesk.io/payments/ve1_2/transactions/create and its answer
  {objectid "transaction", transactionid, orderid, mercid, transaction_date, amount "2.00", surcharge, discount,
  charge_amount, currency "356", additional_info, txn_process_type, bankid, itemcode, ...}) and in decoded
  answers kept by BillDesk integrations (auth_status, transaction_error_type / _code / _desc such as success /
  TRS0000 / "Transaction Successful", bank_ref_no, payment_method_type netbanking / card / upi, bdorderid).
- auth_status (BillDesk's AuthStatus table; from recollection of the BillDesk PG integration document, matched by
  the integrations' code): 0300 success; 0399 invalid authentication at the bank (failure); NA invalid input in the
  request (failure); 0002 BillDesk is waiting for the bank's answer (pending); 0001 error at BillDesk (failure).
  0398 (a cancelled payment) is read by integrations, not in the table recalled: mapped CANCELLED, marked so.
- Currency: ISO 4217 numeric ("356", the rupee); amounts are decimal strings in rupees (major units).
- Refund object (objectid "refund": refundid, transactionid, orderid, mercid, refund_date, txn_amount,
  refund_amount, currency, refund_status) with refund_status 0799 refund successful and 0699 cancellation
  successful, any other a failed refund: from recollection of the legacy Refund API's RefStatus (0699 / 0799),
  which v1.2 kept; no stored page confirms it.
- Error body (v1.2, HTTP 4xx/5xx): {status (the HTTP status), error_type, error_code, message}; read by its HTTP
  status (taxonomy: API error answers); error_type duplicate_request_error read as DUPLICATE.
- Legacy response ``msg``: MerchantID|CustomerID|TxnReferenceNo|BankReferenceNo|TxnAmount|BankID|BankMerchantID|
  TxnType|CurrencyName|ItemCode|SecurityType|SecurityID|SecurityPassword|TxnDate|AuthStatus|SettlementType|
  AdditionalInfo1..7|ErrorStatus|ErrorDescription|CheckSum (the BillDesk PGI integration document, recollection);
  ``prepare`` splits it into those names. Its amount is in rupees (INR, the legacy API's only currency).

Not read by shape: the legacy ``msg`` (a pipe string whose first field is the merchant's id) needs the hint.

Lifecycle identity: BillDesk's transactionid (TxnReferenceNo) is the attempt; the merchant's orderid (legacy
CustomerID) the payment; a refund's refundid the refund.
"""

from __future__ import annotations

from typing import Any

AUTH_STATUSES = {
    "0300": "APPROVED",
    "0399": "DECLINED",  # invalid authentication at the bank
    "NA": "ERROR",  # invalid input in the request
    "0002": "PENDING",  # waiting for the bank's answer
    "0001": "ERROR",  # error at BillDesk
    "0398": "CANCELLED",  # cancelled (integrations, not the recalled table)
}
REASONS = {
    # "Invalid authentication at the bank": BillDesk's one failure code for whatever the bank refused (integrations
    # receive it for timeouts and declines alike), so a generic decline, not a failed authentication.
    "0399": "GENERIC_DECLINE",
    "NA": "INVALID_REQUEST",
    "0001": "PROCESSING_ERROR",
    "duplicate_request_error": "DUPLICATE",
}
REFUND_STATUSES = {"0799": "REFUNDED", "0699": "REFUNDED"}
# The HTTP status of an error answer (taxonomy: API error answers).
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "409": "DUPLICATE", "408": "TIMEOUT", "504": "TIMEOUT",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}
PAYMENT_METHODS = {"netbanking": "BANK_TRANSFER", "upi": "BANK_TRANSFER", "card": "CARD", "wallet": "WALLET",
                   "emi": "CARD"}

# The legacy response message's fields, in their order.
LEGACY_FIELDS = (
    "MerchantID", "CustomerID", "TxnReferenceNo", "BankReferenceNo", "TxnAmount", "BankID", "BankMerchantID",
    "TxnType", "CurrencyName", "ItemCode", "SecurityType", "SecurityID", "SecurityPassword", "TxnDate", "AuthStatus",
    "SettlementType", "AdditionalInfo1", "AdditionalInfo2", "AdditionalInfo3", "AdditionalInfo4", "AdditionalInfo5",
    "AdditionalInfo6", "AdditionalInfo7", "ErrorStatus", "ErrorDescription", "CheckSum",
)
LEGACY_KEY = "_billdesk_msg"

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["transactionid"],
    "status": ["auth_status"],
    "reason_code": ["auth_status", "transaction_error_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["transaction_date"],
    "payment_method": ["payment_method_type"],
    "merchant_id": ["mercid"],
    "attempt_id": ["transactionid"],
    "payment_id": ["orderid"],
}

SPEC = {
    "provider": "billdesk",
    "aliases": ["billdesk", "bill desk", "billdesk pg", "billdesk.com", "billdesk.io", "billdesk india"],
    "detect": [
        {"path": "objectid", "in": ["transaction", "refund", "order"], "weight": 0.2},
        {"path": "auth_status", "in": list(AUTH_STATUSES), "weight": 0.3},
        {"path": "mercid", "exists": True, "weight": 0.2},
        {"path": "bdorderid", "exists": True, "weight": 0.3},
        {"path": "transaction_error_type", "exists": True, "weight": 0.1},
        {"path": "charge_amount", "exists": True, "weight": 0.05},
        {"path": "transaction.auth_status", "in": list(AUTH_STATUSES), "weight": 0.3},
        {"path": "refund_status", "in": list(REFUND_STATUSES), "weight": 0.2},
        {"path": "refundid", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": AUTH_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _TRANSACTION_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"error_type": {"exists": True}, "error_code": {"exists": True},
                      "auth_status": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["error_type", "status"]},
            "reason_map": HTTP_REASONS,
        },
        {
            "name": "refund",
            "match": {"refundid": {"exists": True}, "refund_status": {"exists": True}},
            "status_map": REFUND_STATUSES,
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["refundid"], "status": ["refund_status"],
                       "amount": ["refund_amount"], "currency": ["currency"], "event_time": ["refund_date"],
                       "merchant_id": ["mercid"], "refund_id": ["refundid"], "attempt_id": ["transactionid"],
                       "payment_id": ["orderid"]},
            # A refund_status other than 0699 / 0799 is a failed refund.
            "rules": [{"when": {"refund_status": {"not_in": list(REFUND_STATUSES)}},
                       "set": {"status_category": "DECLINED", "failure_reason": "UNKNOWN"}}],
        },
        {
            # The order answer with the transaction made on it.
            "name": "order.transaction",
            "match": {"transaction.auth_status": {"exists": True}},
            "root": "transaction",
            "fields": {**_TRANSACTION_FIELDS, "payment_id": ["orderid", "^orderid"]},
        },
        {
            "name": "transaction",
            "match": {"auth_status": {"exists": True}},
        },
        {
            "name": "legacy",
            "match": {f"{LEGACY_KEY}.AuthStatus": {"exists": True}},
            "root": LEGACY_KEY,
            "default_currency": "INR",
            "fields": {"provider_transaction_id": ["TxnReferenceNo"], "status": ["AuthStatus"],
                       "reason_code": ["AuthStatus", "ErrorStatus"], "amount": ["TxnAmount"],
                       "event_time": ["TxnDate"], "merchant_id": ["MerchantID"], "attempt_id": ["TxnReferenceNo"],
                       "payment_id": ["CustomerID"]},
        },
    ],
}


def prepare(body: Any) -> Any:
    """Split a legacy pipe-delimited ``msg`` into its documented field names (under ``_billdesk_msg``).

    Pure: returns a copy with the added key; the payload is untouched.
    """
    if not isinstance(body, dict) or not isinstance(body.get("msg"), str):
        return body
    parts = body["msg"].split("|")
    if len(parts) != len(LEGACY_FIELDS):
        return body
    fields = {name: (value if value not in ("", "NA") or name == "AuthStatus" else None)
              for name, value in zip(LEGACY_FIELDS, parts)}
    return {**body, LEGACY_KEY: fields}
