"""Paytm Payment Gateway (India): Transaction Status API, payment callbacks (JSON and the form-encoded
key=value callback), Refund and Refund Status APIs.

Sources (Paytm documentation):
- https://business.paytm.com/docs/api/v3/transaction-status-api (also developer.paytm.com and
  paytmpayments.com copies): response head (responseTimestamp, signature) and body.resultInfo.resultStatus
  TXN_SUCCESS / TXN_FAILURE / PENDING, resultCode, resultMsg; txnId, bankTxnId, orderId, txnAmount (INR,
  major units), txnType, gatewayName, bankName, mid, paymentMode, refundAmt, txnDate
- https://business.paytm.com/docs/payment-status (callback samples: ORDERID, MID, TXNID, TXNAMOUNT, PAYMENTMODE
  (PPI = Paytm wallet), CURRENCY INR, TXNDATE, STATUS TXN_SUCCESS / TXN_FAILURE, RESPCODE 01 "Txn Success",
  RESPCODE 227 "Your payment has been declined by your bank...", GATEWAYNAME, BANKTXNID, BANKNAME, CHECKSUMHASH)
- https://paytmpayments.com/docs/v1/payment-gateway (STATUS has only TXN_SUCCESS, TXN_FAILURE and PENDING;
  TXNAMOUNT in INR; TXNDATE "yyyy-MM-dd HH:mm:ss.S"; GATEWAYNAME per paymode: WALLET for the Paytm wallet,
  PAYTMCC for Paytm Postpaid)
- "Transaction response codes and messages" (Paytm's RESPCODE list, scribd.com/document/443371794): 01 Txn
  Successful; 00 System Error, invalid param; 141 User has not completed transaction; 153 System error;
  163 Wallet consult failed; 196 AMOUNT_EXCEEDS_LIMIT; 202 not enough credit limit, declined by bank;
  205 declined by the bank; 207 card expired; 208 declined by the acquirer bank; 209 card details invalid;
  210 Lost Card received; 220 Bank communication error
- Transaction Status API codes (same pages): 400 "Transaction status not confirmed yet" and 402 "Looks like the
  payment is not complete. Please wait while we confirm the status with your bank" (PENDING), 501 System Error,
  810 Txn Failed, 330 checksum mismatch, 334 invalid order id, 335 invalid MID, 235 wallet balance
  insufficient, 295 incorrect UPI ID
- https://business.paytm.com/docs/api/refund-api/, /refund-api-sync and /refund-status-api (body refId,
  refundId, txnId, orderId, refundAmount, resultInfo: 601 PENDING "Refund request was raised for this
  transaction. But it is pending state", 10 TXN_SUCCESS "Refund Successfull", 617 "Refund Already Raised",
  607 "Refund can not be initiated for a cancelled transaction", 619 invalid refund amount, 626 another refund
  on the same order in progress). The refund result-code tables were read from these pages' code lists as
  summarised above; only the codes named here are mapped.

UPI is BANK_TRANSFER (docs/taxonomy.md gives no wallet rule for UPI); PPI (the Paytm wallet) is WALLET; PAYTMCC
(Paytm Postpaid) is BNPL; NB (net banking) is BANK_TRANSFER; CC, DC and EMI are CARD.

Lifecycle identity: txnId (TXNID) is the attempt; orderId (ORDERID) is the merchant's order, the payment; a
refund is its own object: refundId (Paytm's), else the merchant's refId.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

RESULT_STATUSES = {"TXN_SUCCESS": "APPROVED", "TXN_FAILURE": "DECLINED", "PENDING": "PENDING",
                   "F": "ERROR", "FAIL": "ERROR", "FAILURE": "ERROR"}
REFUND_STATUSES = {"TXN_SUCCESS": "REFUNDED", "SUCCESS": "REFUNDED", "PENDING": "PENDING",
                   "TXN_FAILURE": "DECLINED", "FAILURE": "DECLINED", "F": "DECLINED"}

RESULT_CODES = {
    "00": {"reason": "INVALID_REQUEST", "source": "TECHNICAL"},  # System Error, invalid param
    "153": "PROCESSING_ERROR",
    "163": "PROCESSING_ERROR",  # wallet consult failed
    "196": "LIMIT_EXCEEDED",
    "202": "INSUFFICIENT_FUNDS",  # not enough credit limit
    "205": "GENERIC_DECLINE",
    "207": "EXPIRED_CARD",
    "208": "GENERIC_DECLINE",  # declined by the acquirer bank
    "209": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "210": "LOST_OR_STOLEN_CARD",
    "220": "ISSUER_UNAVAILABLE",  # bank communication error
    "227": "GENERIC_DECLINE",  # declined by your bank
    "235": "INSUFFICIENT_FUNDS",  # wallet balance insufficient
    "295": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # UPI ID entered is incorrect
    "330": "CONFIGURATION_ERROR",  # checksum mismatch
    "334": "INVALID_REQUEST",  # invalid order id
    "335": "CONFIGURATION_ERROR",  # MID is invalid
    "401": "GENERIC_DECLINE",
    "501": "PROCESSING_ERROR",  # system error / server down
    "810": "UNKNOWN",  # "Txn Failed": no reason given
    # refunds
    "617": "DUPLICATE",  # refund already raised
    "626": "DUPLICATE",  # another refund on the same order in progress
    # "Refund can not be initiated for a cancelled transaction": the merchant asked for what the transaction's
    # state does not allow, a request error (docs/taxonomy.md INVALID_REQUEST), not the issuer refusing the card.
    "607": "INVALID_REQUEST",
    "619": "INVALID_REQUEST",  # invalid refund amount
}
# 141 "User has not completed transaction" is the customer abandoning the payment: CANCELLED (rule below).
# Codes that mean the request itself failed (integration or system), not the payer's bank: ERROR.
ERROR_RESULT_CODES = ["00", "153", "330", "334", "335", "501"]

PAYMENT_MODES = {
    "CC": "CARD", "DC": "CARD", "EMI": "CARD", "CREDIT_CARD": "CARD", "DEBIT_CARD": "CARD",
    "NB": "BANK_TRANSFER", "NET_BANKING": "BANK_TRANSFER", "UPI": "BANK_TRANSFER",
    "PPI": "WALLET", "BALANCE": "WALLET", "WALLET": "WALLET",
    "PAYTMCC": "BNPL", "PAYTM_DIGITAL_CREDIT": "BNPL", "POSTPAID": "BNPL",
}

TIME_KEY = "_payobs_time_ist"

_TXN_FIELDS = {
    "provider_transaction_id": ["txnId", "orderId"],
    "status": ["resultInfo.resultStatus"],
    "reason_code": ["resultInfo.resultCode", "resultInfo.resultMsg"],
    "amount": ["txnAmount"],
    "currency": ["currency"],
    "event_time": [TIME_KEY],
    "payment_method": ["paymentMode"],
    "merchant_id": ["mid"],
    "attempt_id": ["txnId"],
    "payment_id": ["orderId"],
    "refund_id": [],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["refundId", "refId"],
    "status": ["resultInfo.resultStatus"],
    "reason_code": ["resultInfo.resultCode", "resultInfo.resultMsg"],
    "amount": ["refundAmount", "totalRefundAmount"],
    "currency": ["currency"],
    "event_time": [TIME_KEY],
    "payment_method": ["refundDetailInfoList.0.payMethod"],
    "merchant_id": ["mid"],
    "refund_id": ["refundId", "refId"],
    "attempt_id": ["txnId"],
    "payment_id": ["orderId"],
}
_LEGACY_FIELDS = {
    "provider_transaction_id": ["TXNID", "ORDERID"],
    "status": ["STATUS"],
    "reason_code": ["RESPCODE", "RESPMSG"],
    "amount": ["TXNAMOUNT"],
    "currency": ["CURRENCY"],
    "event_time": [TIME_KEY],
    "payment_method": ["PAYMENTMODE"],
    "merchant_id": ["MID"],
    "attempt_id": ["TXNID"],
    "payment_id": ["ORDERID"],
    "refund_id": [],
}
_LEGACY_REFUND_FIELDS = {
    "provider_transaction_id": ["REFUNDID", "REFID"],
    "status": ["STATUS"],
    "reason_code": ["RESPCODE", "RESPMSG"],
    "amount": ["REFUNDAMOUNT", "TOTALREFUNDAMT"],
    "currency": ["CURRENCY"],
    "event_time": [TIME_KEY],
    "payment_method": ["PAYMENTMODE"],
    "merchant_id": ["MID"],
    "refund_id": ["REFUNDID", "REFID"],
    "attempt_id": ["TXNID"],
    "payment_id": ["ORDERID"],
}


def _rules(code_path: str) -> list[dict]:
    return [
        {"when": {code_path: "141"}, "set": {"status_category": "CANCELLED"}},
        {"when": {code_path: ERROR_RESULT_CODES}, "set": {"status_category": "ERROR"}},
    ]


SPEC = {
    "provider": "paytm",
    "aliases": ["paytm", "paytm_pg", "paytm_payments", "paytm_payment_gateway", "paytmpayments", "one97"],
    "detect": [
        {"path": "body.resultInfo.resultStatus", "in": list(RESULT_STATUSES), "weight": 0.4},
        {"path": "body.resultInfo.resultCode", "exists": True, "weight": 0.1},
        {"path": "body.txnId", "exists": True, "weight": 0.1},
        {"path": "body.refId", "exists": True, "weight": 0.1},
        {"path": "body.mid", "exists": True, "weight": 0.1},
        {"path": "head.responseTimestamp", "exists": True, "weight": 0.1},
        {"path": "CHECKSUMHASH", "exists": True, "weight": 0.5},
        {"path": "STATUS", "in": ["TXN_SUCCESS", "TXN_FAILURE", "PENDING"], "weight": 0.3},
        {"path": "RESPCODE", "exists": True, "weight": 0.1},
        {"path": "GATEWAYNAME", "exists": True, "weight": 0.1},
        {"path": "TXNID", "exists": True, "weight": 0.1},
        {"path": "TXNAMOUNT", "exists": True, "weight": 0.1},
        {"path": "resultInfo.resultStatus", "in": list(RESULT_STATUSES), "weight": 0.4},
        {"path": "txnId", "exists": True, "weight": 0.1},
        {"path": "mid", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "INR",
    "status_map": RESULT_STATUSES,
    "reason_map": RESULT_CODES,
    "payment_method_map": PAYMENT_MODES,
    "variants": [
        {"name": "refund", "root": "body",
         "match": {"body.resultInfo": {"exists": True}, "body.refId": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # A refund answer without the merchant's refId still names the refundAmount (refund-api: body.refundAmount).
        {"name": "refund.by_amount", "root": "body",
         "match": {"body.resultInfo": {"exists": True}, "body.refundAmount": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "transaction_status", "root": "body", "match": {"body.resultInfo": {"exists": True}},
         "fields": _TXN_FIELDS, "rules": _rules("resultInfo.resultCode")},
        # A bare body (the head dropped): the same documents.
        {"name": "refund.bare", "match": {"resultInfo": {"exists": True}, "refId": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "refund.bare_by_amount", "match": {"resultInfo": {"exists": True}, "refundAmount": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "transaction_status.bare", "match": {"resultInfo": {"exists": True}},
         "fields": _TXN_FIELDS, "rules": _rules("resultInfo.resultCode")},
        # The form-encoded (or JSON) callback with upper-case keys.
        {"name": "callback.refund", "match": {"STATUS": {"exists": True}, "REFID": {"exists": True}},
         "fields": _LEGACY_REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "callback", "match": {"STATUS": {"exists": True}},
         "fields": _LEGACY_FIELDS, "rules": _rules("RESPCODE")},
    ],
}


def _ist(value: Any) -> Any:
    """Paytm's local timestamp ("2020-07-24 15:13:02.0", India Standard Time) with its offset made explicit."""
    if not isinstance(value, str) or len(value) < 19 or value[10] not in " T" or "+" in value[10:]:
        return value
    return value[:19].replace(" ", "T") + "+05:30"


def prepare(body: Any) -> Any:
    """Make the IST timestamp explicit (txnDate, TXNDATE, txnTimestamp). Pure: returns a copy when it adds it."""
    if not isinstance(body, dict):
        return body
    holder = body.get("body") if isinstance(body.get("body"), dict) else body
    raw = next((holder.get(k) for k in ("txnDate", "TXNDATE", "txnTimestamp", "TXNTIMESTAMP", "REFUNDDATE")
                if holder.get(k)), None)
    if raw is None:
        return body
    holder = {**holder, TIME_KEY: _ist(raw)}
    return {**body, "body": holder} if holder is not body and isinstance(body.get("body"), dict) else holder
