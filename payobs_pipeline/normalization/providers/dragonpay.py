"""Dragonpay (Philippines): the postback and return URL parameters of a collection, and the transaction status
inquiry answer.

Sources:
- Dragonpay Online Payment "Merchant Payment Switch API" (the PS API PDF, v0.16 and later; section 5.2.1.2
  "Response Parameters", Appendix 2 "Error Codes", Appendix 3 "Status Codes"): the postback (server to server) and
  the return URL (browser) both carry txnid (the merchant's transaction id), refno (Dragonpay's reference number),
  status, message ("[000] BOG Reference No: 20141105191254 #UDC5FWM7": the error code in brackets, then the
  processor's text) and digest, optionally param1 / param2; newer postbacks add procid (the processor the payer
  used), amount, ccy and settledate. A worked example is on mage2.pro/t/topic/4276 (status P, message
  "[000] Waiting for deposit to BDO #ML7AM4C9", procid BDO).
- Status codes (Appendix 3): S Success, F Failure, P Pending, U Unknown, R Refund, K Chargeback, V Void,
  A Authorized, G In progress (the codes as integrations quote them, e.g. the Dragonpay modules for Magento
  siteshop-ph/dragonpay-for-magento and the Python / TypeScript clients' constant tables).
- Error codes (Appendix 2): 000 Success, 101 Invalid payment gateway id, 102 Incorrect secret key, 103 Invalid
  reference number, 104 Unauthorized access, 105 Invalid token, 106 Currency not supported, 107 Transaction
  cancelled, 108 Insufficient funds, 109 Transaction limit exceeded, 110 Error in operation, 111 Invalid parameters
  (later versions: 111 Security Error, 112 Invalid parameters), 201 Invalid Merchant Id, 202 Invalid Merchant
  Password.
- The status inquiry of the PS API (``GET .../collect/v1/txnid/{txnid}``) answers RefNo, MerchantId, TxnId,
  RefDate, Amount, Currency, Description, Status (the same letters), Email, MobileNo, ProcId, ProcMsg, SettleDate,
  Param1, Param2, Fee (field names from recollection of the PS API v2 section, not read here).
- Processor ids (``procid``): the bank, over-the-counter and e-wallet channels; the ids mapped below (online
  banking BDO, BPI, BPIA, CBC, LBPA, MBTC, RCBC, UBP, PSB and the test bank BOG; over-the-counter CEBL, MLH, LBC,
  SMR, RDS, ECPY, BAYD, 7ELE, RLNT; e-wallets GCSH, PYMY, GRPY) are recollections of Dragonpay's processor list,
  not read here; an id not listed is OTHER.

The ``prepare`` hook reads the bracketed error code at the head of ``message`` into ``message_code`` (the
declarative form cannot take part of a value). A failure whose code is 107 ("Transaction cancelled") is a
cancellation, not a decline. Dragonpay collects in PHP; amounts are decimal strings (major units). A settledate /
RefDate without an offset is read as UTC (Dragonpay reports Manila time).

Lifecycle identity: refno is the attempt (Dragonpay's reference for one collection); txnid, the merchant's id, is
the payment.
"""

from __future__ import annotations

import re

STATUSES = {
    "S": "APPROVED",
    "F": "DECLINED",
    "P": "PENDING",
    "U": "UNKNOWN",
    "R": "REFUNDED",
    "K": "CHARGEBACK",
    "V": "CANCELLED",
    "A": "APPROVED",  # authorized
    "G": "PENDING",  # in progress
}

MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

REASONS = {
    "101": MERCHANT_CONFIG,  # invalid payment gateway id
    "102": MERCHANT_CONFIG,  # incorrect secret key
    "103": "INVALID_REQUEST",  # invalid reference number
    "104": MERCHANT_CONFIG,  # unauthorized access
    "105": "INVALID_REQUEST",  # invalid token
    "106": "TRANSACTION_NOT_PERMITTED",  # currency not supported
    # 107 "Transaction cancelled": a cancellation, not a decline (the postback variant's rule).
    "108": "INSUFFICIENT_FUNDS",
    "109": "LIMIT_EXCEEDED",  # transaction limit exceeded
    "110": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},  # error in operation
    "111": "INVALID_REQUEST",  # invalid parameters (later: security error)
    "112": "INVALID_REQUEST",  # invalid parameters
    "201": MERCHANT_CONFIG,  # invalid merchant id
    "202": MERCHANT_CONFIG,  # invalid merchant password
    "F": "UNKNOWN",  # a failure naming no code
}

PAYMENT_METHODS = {
    **{bank: "BANK_TRANSFER" for bank in ("BDO", "BPI", "BPIA", "CBC", "LBPA", "MBTC", "RCBC", "UBP", "PSB", "BOG")},
    **{otc: "CASH_VOUCHER" for otc in ("CEBL", "MLH", "LBC", "SMR", "RDS", "ECPY", "BAYD", "7ELE", "RLNT")},
    **{wallet: "WALLET" for wallet in ("GCSH", "PYMY", "GRPY")},
}

_CODE = re.compile(r"^\s*\[(\d{3})\]")


def prepare(body: dict) -> dict:
    """The postback with the bracketed code of ``message`` (``[108] ...``) also under ``message_code``."""
    message = body.get("message")
    found = _CODE.match(message) if isinstance(message, str) else None
    if found is None:
        return body
    return {**body, "message_code": found.group(1)}


SPEC = {
    "provider": "dragonpay",
    "aliases": ["dragonpay", "dragon pay", "dragonpay ps", "dragonpay payment switch", "dragonpay_ph"],
    "detect": [
        # Postback / return parameters.
        {"path": "refno", "exists": True, "weight": 0.2},
        {"path": "txnid", "exists": True, "weight": 0.1},
        {"path": "digest", "exists": True, "weight": 0.2},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "message", "prefix": "[", "weight": 0.2},
        {"path": "procid", "exists": True, "weight": 0.1},
        {"path": "settledate", "exists": True, "weight": 0.1},
        # Status inquiry.
        {"path": "RefNo", "exists": True, "weight": 0.2},
        {"path": "TxnId", "exists": True, "weight": 0.1},
        {"path": "ProcId", "exists": True, "weight": 0.2},
        {"path": "ProcMsg", "exists": True, "weight": 0.1},
        {"path": "RefDate", "exists": True, "weight": 0.1},
        {"path": "SettleDate", "exists": True, "weight": 0.1},
        {"path": "Status", "in": list(STATUSES), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "PHP",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "postback",
            "match": {"refno": {"exists": True}, "status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["refno"],
                "status": ["status"],
                "reason_code": ["message_code", "status"],
                "amount": ["amount"],
                "currency": ["ccy"],
                "event_time": ["settledate"],
                "payment_method": ["procid"],
                "attempt_id": ["refno"],
                "payment_id": ["txnid"],
            },
            "rules": [{"when": {"status": "F", "message_code": "107"}, "set": {"status_category": "CANCELLED"}}],
        },
        {
            "name": "status_inquiry",
            "match": {"RefNo": {"exists": True}, "Status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["RefNo"],
                "status": ["Status"],
                "reason_code": ["Status"],
                "amount": ["Amount"],
                "currency": ["Currency"],
                "event_time": ["SettleDate", "RefDate"],
                "payment_method": ["ProcId"],
                "merchant_id": ["MerchantId"],
                "attempt_id": ["RefNo"],
                "payment_id": ["TxnId"],
            },
        },
    ],
}
