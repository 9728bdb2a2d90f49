"""PAYONE (Germany, PAYONE Platform / FinanceGate): Server API responses and TransactionStatus notifications.

Sources:
- PAYONE "Server API authorization" (docs.payone.com/integration/channel-server-api/server-api-authorization) and
  the capture / refund / debit request pages (docs.payone.com/pages/releaseview.action?pageId=1213943,
  ...pageId=1213944): the Server API answers in key=value lines: ``status=APPROVED`` with ``txid`` (the PAYONE
  transaction, one per payment process: its captures, refunds and debits name the same txid with a rising
  ``sequencenumber``) and ``userid`` (the debtor); ``status=REDIRECT`` with ``redirecturl`` (the customer must
  finish at 3-D Secure or the wallet/bank); ``status=PENDING`` (api_version 3.11, with ``reasoncode``, e.g. 903
  "Timeout at service provider": the outcome follows by TransactionStatus); ``status=ERROR`` with ``errorcode``,
  ``errormessage`` and ``customermessage``. A capture answer carries ``settleaccount``. Request amounts are in
  the currency's smallest unit.
- PAYONE "Error messages" (docs.payone.com/information/platform-codes/error-messages, also
  docs.payone.com/display/public/PLATFORM/Error+messages): the ``errorcode`` table (1 card issuer temporarily not
  available, 2/5 authorization declined, 4 card not approved, 7 card blocked, 12 transaction invalid, 13 limit
  exceeded, 14 invalid card, 21 activity not processed (capture time after preauthorization exceeded), 30 format
  error in request message, 31 invalid card type, 33 expiry date invalid, 34 manipulation suspected, 43 card
  stolen, 51 limit exceeded or balance insufficient, 55 wrong PIN, 56 card unknown, 57 wrong card for the
  cancelation, 58 terminal ID unknown, 60 card holder must contact the acquirer, 61 card blocked, 62 card
  cancelled, 63 CVC missing or invalid, 64 amount differs from reserved amount, 65 card used too often, 80 amount
  no longer available (reservation elapsed), 91 card issuer temporarily not available, 101 the authorisation has
  expired, 102 authorisation denied, 103 transaction could not be completed, 104 customer could not pay). A
  status=ERROR whose code is an issuer's or the provider's refusal of the payment is DECLINED; one whose code
  says the request or the merchant's setup was wrong is ERROR. Codes beyond this table (the four-digit request
  validation codes) were not found in the stored documentation: such an answer is an ERROR with reason UNKNOWN.
- PAYONE "TransactionStatus Notification" (docs.payone.com/integration/response-handling/transactionstatus-
  notification, docs.payone.com/display/public/PLATFORM/Parameter+for+the+TransactionStatus+query): an
  application/x-www-form-urlencoded POST of ``key`` (portal key MD5), ``txaction`` ("appointed", "capture",
  "paid", "underpaid", "cancelation", "refund", "debit", "reminder", "vauthorization", "vsettlement",
  "transfer", "invoice", "failed"), ``transaction_status`` ("completed", "pending"; notify_version 7.4+),
  ``reasoncode`` (7.6, with pending), ``mode``, ``portalid``, ``aid``, ``clearingtype`` (elv debit payment, cc
  credit card, vor prepayment, rec invoice, cod cash on delivery, sb online bank transfer, wlt e-wallet, fnc
  financing), ``txtime`` (Unix timestamp), ``currency``, ``userid``, ``txid``, ``reference``,
  ``sequencenumber``, ``price``, ``balance``, ``receivable`` (amounts in major units: the documented sequence
  shows amount=111 requested as price=1.11). "cancelation" is PAYONE's chargeback / return debit notice
  (the page's "Chargeback Processes" use case), with ``failedcause``
  (docs.payone.com/pages/releaseview.action?pageId=1213910: soc insufficient funds, cka account expired, uan
  account no./name not identical, ndd no direct debit, rcl recall, obj objection, ret return, nelv debit cannot
  be collected, cbk credit card chargeback, ncc credit card cannot be collected). reminder (dunning), invoice,
  transfer, vauthorization and vsettlement are bookkeeping notices, not payment outcomes.
Card types (cardtype): V Visa, M Mastercard, A American Express, D Diners, J JCB, O/U Maestro, C Discover,
B Carte Bleue, P China UnionPay.
Lifecycle identity: txid is the payment process (the attempt; its captures, refunds and chargebacks repeat it);
reference is the merchant's payment reference; a refund or chargeback is txid + sequencenumber.
"""

from __future__ import annotations

from typing import Any

# errorcode -> (status, reason) from the "Error messages" table.
ERROR_CODES = {
    "1": ("DECLINED", "ISSUER_UNAVAILABLE"),  # card issuer temporarily not available
    "2": ("DECLINED", "GENERIC_DECLINE"),  # authorization declined
    "4": ("DECLINED", "GENERIC_DECLINE"),  # card not approved
    "5": ("DECLINED", "GENERIC_DECLINE"),  # authorization declined
    "7": ("DECLINED", "RESTRICTED_CARD"),  # card is not allowed, card is blocked
    "12": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # transaction invalid
    "13": ("DECLINED", "LIMIT_EXCEEDED"),  # limit exceeded
    "14": ("DECLINED", "INVALID_CARD_DATA"),  # invalid card
    "21": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # activity not processed: capture time exceeded
    "30": ("ERROR", "INVALID_REQUEST"),  # format error in request message (e.g. CVC missing)
    "31": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # invalid card type
    "33": ("DECLINED", "EXPIRED_CARD"),  # expiry date invalid, incorrect or in the past
    "34": ("DECLINED", "SUSPECTED_FRAUD"),  # manipulation suspected
    "43": ("DECLINED", "LOST_OR_STOLEN_CARD"),  # card stolen
    "51": ("DECLINED", "INSUFFICIENT_FUNDS"),  # limit exceeded or account balance insufficient
    "55": ("DECLINED", "AUTHENTICATION_FAILED"),  # incorrect secret code / wrong PIN
    "56": ("DECLINED", "INVALID_CARD_DATA"),  # card unknown
    "57": ("ERROR", "INVALID_REQUEST"),  # cancelation: wrong card used as for the original authorization
    "58": ("ERROR", "CONFIGURATION_ERROR"),  # terminal ID unknown: contact PAYONE
    "60": ("DECLINED", "GENERIC_DECLINE"),  # card holder must contact the acquirer
    "61": ("DECLINED", "RESTRICTED_CARD"),  # card blocked
    "62": ("DECLINED", "RESTRICTED_CARD"),  # card cancelled
    "63": ("DECLINED", "INCORRECT_CVC"),  # required CVC code not specified or not valid
    "64": ("ERROR", "INVALID_REQUEST"),  # authorization amount differs from reserved amount
    "65": ("DECLINED", "LIMIT_EXCEEDED"),  # card has been used too often
    "80": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # amount no longer available: reservation period elapsed
    "91": ("DECLINED", "ISSUER_UNAVAILABLE"),  # card issuer temporarily not available
    "101": ("DECLINED", "GENERIC_DECLINE"),  # the authorisation has expired: restart the process
    "102": ("DECLINED", "GENERIC_DECLINE"),  # authorisation denied
    "103": ("DECLINED", "GENERIC_DECLINE"),  # transaction could not be completed: choose another method
    "104": ("DECLINED", "GENERIC_DECLINE"),  # customer could not pay
}
DECLINE_CODES = sorted(code for code, (status, _) in ERROR_CODES.items() if status == "DECLINED")

# failedcause of a "cancelation" (chargeback / return debit): kept as the raw reason of the CHARGEBACK.
FAILED_CAUSES = ("soc", "cka", "uan", "ndd", "rcl", "obj", "ret", "nelv", "cbk", "ncc")

CLEARING_TYPES = {
    "elv": "DIRECT_DEBIT",  # debit payment (SEPA)
    "cc": "CARD",
    "vor": "BANK_TRANSFER",  # prepayment: the customer transfers the amount
    "rec": "OTHER",  # invoice
    "cod": "OTHER",  # cash on delivery
    "sb": "BANK_TRANSFER",  # online bank transfer
    "wlt": "WALLET",  # e-wallet (PayPal, ...)
    "fnc": "BNPL",  # financing (Klarna, secure invoice, ...)
    "csh": "CASH_VOUCHER",  # cash payment voucher
}
CARD_TYPES = {"V": "visa", "M": "mastercard", "A": "amex", "D": "diners", "J": "jcb", "O": "maestro", "U": "maestro",
              "C": "discover", "B": "cartes_bancaires", "P": "unionpay"}

TXACTIONS = ["appointed", "capture", "paid", "underpaid", "cancelation", "refund", "debit", "reminder",
             "vauthorization", "vsettlement", "transfer", "invoice", "failed"]
SERVER_STATUSES = ["APPROVED", "REDIRECT", "PENDING", "ERROR"]

_NOTIFICATION_FIELDS = {
    "provider_transaction_id": ["txid"],
    "status": ["txaction"],
    "reason_code": ["failedcause", "reasoncode", "errorcode"],
    "amount": ["price"],
    "currency": ["currency"],
    "event_time": ["txtime"],
    "payment_method": ["clearingtype"],
    "card_brand": ["cardtype"],
    "merchant_id": ["portalid"],
    "attempt_id": ["txid"],
    "payment_id": ["reference", "txid"],
}
_SERVER_FIELDS = {
    "provider_transaction_id": ["txid"],
    "status": ["status"],
    "reason_code": ["errorcode", "reasoncode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["clearingtype"],
    "card_brand": ["cardtype"],
    "attempt_id": ["txid"],
    "payment_id": ["reference", "txid"],
}
_SEQUENCED_ID = {"join": ["txid", "sequencenumber"], "sep": "-"}
# A status=ERROR whose errorcode is a refusal of the payment (the "Error messages" table) is a decline.
_DECLINE_RULE = {"when": {"status": "ERROR", "errorcode": DECLINE_CODES}, "set": {"status_category": "DECLINED"}}



def prepare(body: Any) -> Any:
    """A refund or debit request books a negative amount (the refund page: "The payment request that is booked in
    the transaction account during this request is negative"): the refunded amount is its absolute value."""
    if not isinstance(body, dict) or str(body.get("request", "")).lower() not in ("refund", "debit"):
        return body
    amount = body.get("amount")
    text = str(amount).strip() if isinstance(amount, (str, int)) else ""
    if text.startswith("-") and text[1:].isdigit():
        return {**body, "amount": text[1:]}
    return body


SPEC = {
    "provider": "payone",
    "aliases": ["payone", "PAYONE", "bs payone", "bs_payone", "payone gmbh", "payone_server_api", "payone server api",
                "financegate", "payone financegate"],
    "detect": [
        # TransactionStatus notification.
        {"path": "txaction", "in": TXACTIONS, "weight": 0.5},
        {"path": "portalid", "exists": True, "weight": 0.2},
        {"path": "clearingtype", "in": sorted(CLEARING_TYPES), "weight": 0.2},
        {"path": "txtime", "exists": True, "weight": 0.1},
        # Server API answer (status, txid, userid / errorcode, errormessage, customermessage).
        {"path": "status", "in": SERVER_STATUSES, "weight": 0.2},
        {"path": "txid", "exists": True, "weight": 0.3},
        {"path": "userid", "exists": True, "weight": 0.3},
        {"path": "customermessage", "exists": True, "weight": 0.4},
        {"path": "errormessage", "exists": True, "weight": 0.1},
        {"path": "errorcode", "exists": True, "weight": 0.1},
        {"path": "settleaccount", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "minor",
    "reason_map": {code: reason for code, (_, reason) in ERROR_CODES.items()},
    "payment_method_map": CLEARING_TYPES,
    "card_brand_map": CARD_TYPES,
    "variants": [
        # --- TransactionStatus notifications (amounts in major units) ---
        {
            "name": "notification_bookkeeping",
            "match": {"txaction": ["reminder", "vauthorization", "vsettlement", "transfer", "invoice"]},
            "not_a_payment": "PAYONE dunning, invoice, transfer and settlement notices are bookkeeping, not outcomes",
        },
        {
            # Chargeback or return debit; failedcause says which.
            "name": "notification_cancelation",
            "match": {"txaction": "cancelation"},
            "fields": {**_NOTIFICATION_FIELDS, "dispute_id": _SEQUENCED_ID},
            "amount_unit": "major",
            "status_map": {"cancelation": "CHARGEBACK"},
            "event_kind": "DISPUTE",
        },
        {
            # A refund (or a debit booking, which PAYONE offers instead of refund); the notice carries the
            # transaction's price, not the refunded amount, so no amount is read.
            "name": "notification_refund",
            "match": {"txaction": ["refund", "debit"]},
            "fields": {**{k: v for k, v in _NOTIFICATION_FIELDS.items() if k != "amount"}, "refund_id": _SEQUENCED_ID},
            "status_map": {"refund": "REFUNDED", "debit": "REFUNDED"},
            "event_kind": "REFUND",
        },
        {
            "name": "notification_capture",
            "match": {"txaction": "capture"},
            "fields": _NOTIFICATION_FIELDS,
            "amount_unit": "major",
            "status_map": {"capture": "APPROVED"},
            "event_kind": "CAPTURE",
            "rules": [{"when": {"transaction_status": "pending"}, "set": {"status_category": "PENDING"}}],
        },
        {
            # paid: the receivable is settled; underpaid: a part is still open.
            "name": "notification_payment",
            "match": {"txaction": ["paid", "underpaid"]},
            "fields": _NOTIFICATION_FIELDS,
            "amount_unit": "major",
            "status_map": {"paid": "APPROVED", "underpaid": "PENDING"},
            "event_kind": "PAYMENT",
        },
        {
            # appointed: the (pre)authorization succeeded ("completed") or waits ("pending", with reasoncode);
            # for prepayment (vor) it only registers the order: the money comes with "paid". failed: the
            # payment failed after the request (notify_version 7.5).
            "name": "notification_authorization",
            "match": {"txaction": ["appointed", "failed"]},
            "fields": _NOTIFICATION_FIELDS,
            "amount_unit": "major",
            "status_map": {"appointed": "APPROVED", "failed": "DECLINED"},
            "event_kind": "AUTHORIZATION",
            "rules": [
                {"when": {"txaction": "appointed", "transaction_status": "pending"},
                 "set": {"status_category": "PENDING"}},
                {"when": {"txaction": "appointed", "clearingtype": "vor"}, "set": {"status_category": "PENDING"}},
            ],
        },
        # --- Server API answers (key=value) ---
        {
            # An answer stored with its request's name (request=capture / refund / debit ...).
            "name": "server_capture",
            "match": {"status": {"in": SERVER_STATUSES}, "request": "capture"},
            "fields": _SERVER_FIELDS,
            "status_map": {"APPROVED": "APPROVED", "PENDING": "PENDING", "ERROR": "ERROR"},
            "event_kind": "CAPTURE",
            "rules": [_DECLINE_RULE],
        },
        {
            "name": "server_refund",
            "match": {"status": {"in": SERVER_STATUSES}, "request": ["refund", "debit"]},
            "fields": {**_SERVER_FIELDS, "refund_id": _SEQUENCED_ID},
            "status_map": {"APPROVED": "REFUNDED", "PENDING": "PENDING", "ERROR": "ERROR"},
            "event_kind": "REFUND",
            "rules": [_DECLINE_RULE],
        },
        {
            # A capture's answer names the settlement of the account.
            "name": "server_capture_answer",
            "match": {"status": {"in": SERVER_STATUSES}, "settleaccount": {"exists": True}},
            "fields": _SERVER_FIELDS,
            "status_map": {"APPROVED": "APPROVED", "PENDING": "PENDING", "ERROR": "ERROR"},
            "event_kind": "CAPTURE",
            "rules": [_DECLINE_RULE],
        },
        {
            # (pre)authorization answers and ERROR answers of any request.
            "name": "server_answer",
            "match": {"status": {"in": SERVER_STATUSES}},
            "fields": _SERVER_FIELDS,
            "status_map": {"APPROVED": "APPROVED", "REDIRECT": "PENDING", "PENDING": "PENDING", "ERROR": "ERROR"},
            "rules": [_DECLINE_RULE],
        },
    ],
}
