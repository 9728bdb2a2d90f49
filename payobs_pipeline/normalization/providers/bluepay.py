"""BluePay 2.0 (bp20post / BluePay 2.0 Get): the key=value transaction reply, and the rebilling admin reply.

Sources (SDK source: the BluePay documentation pages were not findable in the stored corpora):
- ActiveMerchant lib/active_merchant/billing/gateways/blue_pay.rb (activemerchant/active_merchant): the bp20post
  reply fields TRANS_ID, STATUS (success is STATUS=1), AVS, CVV2, AUTH_CODE, MESSAGE, REBID, TRANS_TYPE,
  PAYMENT_ACCOUNT_MASK, CARD_TYPE; TRANS_TYPE AUTH, SALE, CAPTURE, VOID, REFUND, CREDIT; the rebilling admin
  reply (bp20rebadmin, lower-case keys rebill_id, status active | stopped ...) and the MESSAGE "Missing
  ACCOUNT_ID"; money_format dollars, supported_countries US.
- Its fixtures test/unit/gateways/blue_pay_test.rb: approved AUTH / SALE / CAPTURE / VOID / CREDIT replies
  ("Approved Auth" ...), the declines "Declined" and "Declined Auth" (STATUS=0), and the refused credit "The
  referenced transaction does not meet the criteria for issuing a credit".
- STATUS E (error) as the third value rests on recollection of the BluePay 2.0 post manual (1 approved, 0
  declined, E error). BluePay documents no decline reason codes in the reply: a decline's reason is read from
  its MESSAGE only where the fixtures show one, else it stays a generic decline.

The reply carries no amount and no currency (the amount is the request's). Lifecycle identity: TRANS_ID is the
transaction (an AUTH or SALE the attempt; a REFUND / CREDIT the refund); no payment id is returned.
"""

from __future__ import annotations

STATUSES = {"1": "APPROVED", "0": "DECLINED", "E": "ERROR"}

MESSAGES = {
    "Declined": "GENERIC_DECLINE",
    "Declined Auth": "GENERIC_DECLINE",
    "The referenced transaction does not meet the criteria for issuing a credit": "INVALID_REQUEST",
    "Missing ACCOUNT_ID": "CONFIGURATION_ERROR",
}

TRANS_TYPES = ["AUTH", "SALE", "CAPTURE", "VOID", "REFUND", "CREDIT"]

SPEC = {
    "provider": "bluepay",
    "aliases": ["bluepay", "blue pay", "bluepay.com", "blue_pay", "bluepay 2.0", "bp20post"],
    "detect": [
        {"path": "TRANS_ID", "exists": True, "weight": 0.2},
        {"path": "REBID", "exists": True, "weight": 0.2},
        {"path": "PAYMENT_ACCOUNT_MASK", "exists": True, "weight": 0.2},
        {"path": "TRANS_TYPE", "in": TRANS_TYPES, "weight": 0.1},
        {"path": "STATUS", "in": list(STATUSES), "weight": 0.05},
        {"path": "CVV2", "exists": True, "weight": 0.05},
        {"path": "AVS", "exists": True, "weight": 0.05},
        {"path": "rebill_id", "exists": True, "weight": 0.2},
        {"path": "sched_expr", "exists": True, "weight": 0.2},
        {"path": "cycles_remain", "exists": True, "weight": 0.15},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": MESSAGES,
    "fields": {
        "provider_transaction_id": ["TRANS_ID"],
        "status": ["STATUS"],
        "reason_code": ["MESSAGE"],
        "card_brand": ["CARD_TYPE"],
        "attempt_id": ["TRANS_ID"],
    },
    "variants": [
        {
            "name": "rebill",
            "match": {"rebill_id": {"exists": True}},
            "not_a_payment": "a BluePay rebilling (subscription) record",
        },
        {
            "name": "refund",
            "match": {"TRANS_TYPE": ["REFUND", "CREDIT"], "STATUS": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"refund_id": ["TRANS_ID"], "attempt_id": []},
            "rules": [{"when": {"STATUS": "1"}, "set": {"status_category": "REFUNDED"}}],
        },
        {
            "name": "void",
            "match": {"TRANS_TYPE": "VOID", "STATUS": {"exists": True}},
            "event_kind": "VOID",
            "rules": [{"when": {"STATUS": "1"}, "set": {"status_category": "CANCELLED"}}],
        },
        {
            "name": "capture",
            "match": {"TRANS_TYPE": "CAPTURE", "STATUS": {"exists": True}},
            "event_kind": "CAPTURE",
        },
        {
            "name": "transaction",
            "match": {"TRANS_ID": {"exists": True}, "STATUS": {"exists": True}},
            "default_payment_method": None,
        },
    ],
}
