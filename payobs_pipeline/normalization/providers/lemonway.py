"""Lemonway (France, payment institution for marketplaces): the webhook notifications (POST JSON or
x-www-form-urlencoded, or GET query string) about money-ins, chargebacks and cancellations.

Sources:
- "Money-In" notification (documentation.lemonway.com/reference/money-in, .../v8.2/reference/money-in):
  ExtId, IntId, NotifCategory (10 money-in by wire received, 11 by SDD received, 12 by cheque received, 22 by
  card received (subscription)), NotifDate, IdTransaction, Amount ("Debited amount", "10.00"), Status (0
  success, 4 pending, 6 error), SubscriptionId, ScheduledNumber.
- "Money-In SDD canceled" (.../v8.2/reference/money-in-sdd-canceled): NotifCategory 17, with an example JSON;
  "Money-In notifications by Wire, SDD and Cheque" (.../reference/money-in-notification): 45 cheque transaction
  cancelled, with PspTransactionId and Comment.
- "Money-Out" notification (.../reference/money-out-1): 15 money-out cancelled, with IdOriginTransaction and a
  JSON example; "Complete list of Lemonway webhooks" (.../v8.2/reference/complete-list-of-lemonway-webhooks):
  8 wallet status, 9 document status, 13 blocked wallet, 14 chargeback requested, 18 client documents, 19 low
  balance, 37 money-out validated, 44 document signed, 47 dispute alert.
- "What are the transaction statuses?" (support.lemonway.com/hc/en-us/articles/360016130497): the dashboard's
  codes, 0 completed, 4 pending, 6 error PSP, 7 canceled, 16 validation pending (card pre-approvals), 14
  scheduled; 3 and 4 mean different things for P2P and money-in, so the transaction object's STATUS is not
  mapped here.

What is missing: the notifications carry the amount without a currency (Lemonway processes in "the currency of
your Lemonway payment environment", EUR, GBP or CHF for cards), so no amount is mapped; the DirectKit transaction
objects (HPAY) and the API error body are not mapped: the sources read do not settle the meaning of their STATUS
codes nor the error body's shape. The functional error codes ("General codes": 124, 170, 171, 172, 209, 296,
304; "Server or network incidents") are listed in REASONS for a notification or body that carries one.
A money-in notification with Status 6 ("error", the PSP's failure) is a DECLINED attempt with no stated reason.

Lifecycle identity: IdTransaction is the attempt (and the chargeback's transaction on a chargeback); the wallet
(ExtId) is the merchant's account, kept as merchant_id.
"""

from __future__ import annotations

STATUSES = {"0": "APPROVED", "4": "PENDING", "6": "DECLINED"}

MONEY_IN_CATEGORIES = ["10", "11", "12", "22"]
CANCELLED_CATEGORIES = ["17", "45"]  # SDD cancelled while pending, cheque transaction cancelled
DISPUTE_CATEGORIES = ["14", "47"]  # chargeback requested, dispute alert
NON_PAYMENT_CATEGORIES = {
    "8": "wallet status change", "9": "document status change", "13": "wallet blocked",
    "15": "money-out cancelled", "18": "client documents", "19": "low wallet balance",
    "37": "money-out validated", "44": "document signed",
}

# Functional error codes ("General codes", "Server or network incidents").
REASONS = {
    "124": "PROCESSING_ERROR",  # unknown error returned by the payment gateway
    "170": "INVALID_REQUEST",  # invalid operation returned by the payment gateway
    "171": "GENERIC_DECLINE",  # operation refused by the payment gateway
    "172": "PROCESSING_ERROR",  # internal error in the payment gateway
    "209": "SUSPECTED_FRAUD",  # fraud suspicion from the payment gateway
    "296": "PROCESSING_ERROR",  # PSP error
    "304": "GENERIC_DECLINE",  # refused transaction
    "1": "PROCESSING_ERROR",  # internal error
    "120": "CONFIGURATION_ERROR",  # authentication error
    "174": "PROCESSING_ERROR",  # error during money-in
    "190": "PROCESSING_ERROR",  # internal error in the card payment processing
    "288": "PROCESSING_ERROR",  # network error
    "297": "TIMEOUT",
}

PAYMENT_METHODS = {"10": "BANK_TRANSFER", "11": "DIRECT_DEBIT", "12": "OTHER", "22": "CARD", "17": "DIRECT_DEBIT"}

_FIELDS = {
    "provider_transaction_id": ["IdTransaction"],
    "status": ["Status"],
    "event_time": ["NotifDate"],
    "payment_method": ["NotifCategory"],
    "merchant_id": ["ExtId"],
    "attempt_id": ["IdTransaction"],
}

SPEC = {
    "provider": "lemonway",
    "aliases": ["lemonway", "lemon way", "lemonway.com", "lemonway directkit"],
    "detect": [
        {"path": "NotifCategory", "in": [*MONEY_IN_CATEGORIES, *CANCELLED_CATEGORIES, *DISPUTE_CATEGORIES,
                                         *NON_PAYMENT_CATEGORIES], "weight": 0.3},
        {"path": "NotifDate", "exists": True, "weight": 0.2},
        {"path": "IntId", "exists": True, "weight": 0.15},
        {"path": "ExtId", "exists": True, "weight": 0.1},
        {"path": "IdTransaction", "exists": True, "weight": 0.1},
        {"path": "IdOriginTransaction", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _FIELDS,
    "variants": [
        {"name": "money_in", "match": {"NotifCategory": {"in": MONEY_IN_CATEGORIES}, "Status": {"exists": True}}},
        {"name": "money_in_cancelled", "match": {"NotifCategory": {"in": CANCELLED_CATEGORIES}},
         "status": "CANCELLED"},
        {"name": "chargeback", "match": {"NotifCategory": {"in": DISPUTE_CATEGORIES}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {"dispute_id": ["IdTransaction"], "attempt_id": ["IdOriginTransaction"]}},
        {"name": "non_payment", "match": {"NotifCategory": {"in": list(NON_PAYMENT_CATEGORIES)}},
         "not_a_payment": "wallet, document or money-out notification"},
    ],
}
