"""Smobilpay (Maviance S3P API, Cameroon): the collection answer of ``POST /collectstd``, the payment status of
``GET /verifytx`` (one element of its list), the status notification to the merchant's callback, the quote and
account answers (no payment) and the HTTP error object.

Sources:
- Smobilpay S3P API documentation, "Error Codes & Server Responses" (apidocs.smobilpay.com/s3papi/
  Error-Codes-&-Server-Responses.1578338301.html): API errors are returned synchronously as a JSON object
  {devMsg, usrMsg, respCode, link}; its example is respCode 4009 "Access token invalid" / "Authentication error when
  connecting to service". Payment errors come from the service provider and travel only in the transaction objects
  (the ``errorCode`` of the payment status). The stored copy of that page ends before its code tables, so only the
  codes below are mapped; any other respCode is an ERROR without a specific reason.
- Official SDK models (generated from the S3P OpenAPI spec): maviance/smobilpay-php docs/Model/CollectionResponse.md
  (ptn, timestamp, agentBalance, receiptNumber, veriCode, priceLocalCur, priceSystemCur, localCur, systemCur, trid,
  pin, status, payItemId, payItemDescr), docs/Model/PaymentStatus.md (the same plus serviceid, merchant,
  clearingDate, errorCode), docs/Model/Error.md; maviance/smobilpay-java docs (PaymentStatus StatusEnum: REVERSED,
  DEBITED, PENDING, INPROCESS, ERRORED, UNDERINVESTIGATION, ERROREDREFUNDED, SUCCESS).
- NdoleStudio/smobilpay-go: transaction.go / webhook.go (IsFailed: ERRORED or ERROREDREFUNDED; IsPending: PENDING or
  INPROCESS; the callback {timestamp, trid, errorCode, status}), internal/stubs/responses.go (CollectOk,
  CollectPending, VerifyOk, VerifyInProcess, QuoteOk, PingError), internal/stubs/cashin_responses.go (respCode
  40602 "Service unknown"); maviance/smobilpay-dart design notes (respCode 41004 "service id does not point to a
  VOUCHER service").

Status meanings (SDK enum; the one-line meanings are the SDKs' helpers and my reading of the S3P docs, not a stored
table): SUCCESS the payment went through (APPROVED); DEBITED the customer's account was debited (APPROVED: money
moved; this rests on recollection of the S3P docs); PENDING / INPROCESS awaiting the customer's confirmation or the
service provider (PENDING); ERRORED the payment failed at the service provider (DECLINED); ERROREDREFUNDED it failed
and the debited money was returned to the customer (DECLINED); UNDERINVESTIGATION the outcome is being investigated
(UNKNOWN: reconcile); REVERSED a completed payment was reversed afterwards (REFUNDED, a refund event). The payment
``errorCode`` table (7xxxxx codes) is not in the stored documentation: a failed payment's reason stays UNKNOWN.

Amounts: priceLocalCur is the price paid in the service's local currency localCur (ISO 4217), a decimal in major
units (XAF has no minor unit). Lifecycle identity: ptn (Smobilpay's payment transaction number) is the attempt; trid
(the merchant's external transaction reference given at collection) is the payment.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "SUCCESS": "APPROVED",
    "DEBITED": "APPROVED",
    "PENDING": "PENDING",
    "INPROCESS": "PENDING",
    "ERRORED": "DECLINED",
    "ERROREDREFUNDED": "DECLINED",
    "UNDERINVESTIGATION": "UNKNOWN",
    "REVERSED": "REFUNDED",
}

# API error respCodes the stored docs and SDK fixtures show.
REASONS = {
    "4009": "CONFIGURATION_ERROR",   # Access token invalid: authentication error when connecting to service
    "40602": "INVALID_REQUEST",      # Service unknown
    "41004": "INVALID_REQUEST",      # service id does not point to a VOUCHER service
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["ptn"],
    "status": ["status"],
    "reason_code": ["errorCode"],
    "amount": ["priceLocalCur"],
    "currency": ["localCur"],
    "event_time": ["timestamp"],
    "merchant_id": ["merchant"],
    "attempt_id": ["ptn"],
    "payment_id": ["trid"],
}

SPEC = {
    "provider": "smobilpay",
    "aliases": ["smobilpay", "maviance", "s3p", "smobilpay s3p", "maviance smobilpay", "smobilpay.com"],
    "detect": [
        {"path": "ptn", "exists": True, "weight": 0.2},
        {"path": "veriCode", "exists": True, "weight": 0.2},
        {"path": "receiptNumber", "exists": True, "weight": 0.1},
        {"path": "priceLocalCur", "exists": True, "weight": 0.2},
        {"path": "priceSystemCur", "exists": True, "weight": 0.2},
        {"path": "payItemId", "exists": True, "weight": 0.2},
        {"path": "status", "in": list(PAYMENT_STATUSES), "weight": 0.1},
        # The error object: devMsg / usrMsg / respCode together are S3P's.
        {"path": "devMsg", "exists": True, "weight": 0.2},
        {"path": "usrMsg", "exists": True, "weight": 0.2},
        {"path": "respCode", "exists": True, "weight": 0.1},
        {"path": "link", "prefix": ["http://support.maviance.com", "https://support.maviance.com"], "weight": 0.3},
        # The /account answer.
        {"path": "agentId", "exists": True, "weight": 0.2},
        {"path": "limitRemaining", "exists": True, "weight": 0.2},
        {"path": "limitMax", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_payment_method": "WALLET",
    "status_map": PAYMENT_STATUSES,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "api_error",
            "match": {"respCode": {"exists": True}, "devMsg": {"exists": True}},
            "status": "ERROR",
            "default_payment_method": None,
            "fields": {"reason_code": ["respCode"]},
        },
        {
            "name": "quote",
            "match": {"quoteId": {"exists": True}, "ptn": {"exists": False}},
            "not_a_payment": "a quote reserves a price before /collectstd: no payment yet",
        },
        {
            "name": "account",
            "match": {"agentId": {"exists": True}, "ptn": {"exists": False}},
            "not_a_payment": "the agent account's balance and limits (/account): no payment",
        },
        {
            "name": "reversed",
            "match": {"status": "REVERSED"},
            "event_kind": "REFUND",
            "fields": {**_PAYMENT_FIELDS, "refund_id": []},  # the reversal names no refund object of its own
        },
        {
            "name": "payment",
            "match": {"status": {"in": list(PAYMENT_STATUSES)}},
            "fields": _PAYMENT_FIELDS,
        },
    ],
}
