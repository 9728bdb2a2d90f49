"""GMO Payment Gateway (Japan, PG Multi-Payment Service): the result notification (結果通知) and the SearchTrade answer
(key=value, a Status), the ExecTran / AlterTran answers, and failed answers (ErrCode / ErrInfo).

Sources:
- The Status values and pay types, as GMO's sample utilities define them and the SDK @motionpicture/gmo-service's
  GMOUtil transcribes them (e.g. the GMOUtil module quoted in the code corpus; consumers handle notifications with
  pay_type and status): credit card UNPROCESSED (未決済), AUTHENTICATED (未決済(3D登録済)), CHECK (有効性チェック),
  CAPTURE (即時売上), AUTH (仮売上), SALES (実売上), VOID (取消), RETURN (返品), RETURNX (月跨り返品), SAUTH
  (簡易オーソリ); convenience store UNPROCESSED, REQSUCCESS (要求成功), PAYSUCCESS (決済完了), PAYFAIL (決済失敗),
  EXPIRED (期限切れ), CANCEL (支払い停止); PayType 0 credit, 3 convenience store (1 Mobile Suica, 2 Mobile Edy, 4
  Pay-easy, 5 PayPal, 7 WebMoney, 8 au, 9 docomo ...: fixxxerTachi/Kenkoya-online libraries/gmo/display/
  SearchTradeMulti.php, GMO's module-type sample).
- The error-code list (エラーコード表) as transcribed with GMO's messages in a merchant's GmoPayment class (code
  corpus: E00000000-E92000001, 42C010000-42C780000, 42G020000-42G990000) and in a second one (42G440000
  "セキュリティーコードが誤っていた", the security code was wrong); GMO's answers carry several codes at once, "|"
  separated ("ErrCode=G02|G12|G44&ErrInfo=42G020000|42G120000|42G440000", gmo-ruby's spec).
- The answer fields (GMO's module-type samples): EntryTran answers AccessID / AccessPass (GMO's transaction, not yet
  authorized); ExecTran answers OrderID, Forward, Method, PayTimes, Approve, TranID, TranDate; AlterTran answers
  AccessID, AccessPass, Forward, Approve, TranID, TranDate; the notification and SearchTrade add OrderID, Status,
  JobCd, Amount, Tax, PayType, ErrCode, ErrInfo. A failed call answers ErrCode / ErrInfo only.

Statuses: UNPROCESSED and AUTHENTICATED (3-D Secure registered) are not paid yet (PENDING); AUTH, SAUTH and CAPTURE
are authorizations (APPROVED), SALES the capture of an AUTH (CAPTURE); VOID a void; RETURN and RETURNX (a return in a
later month) refunds; CHECK a card validity check, no payment. Convenience store: REQSUCCESS issued and awaiting the
payment (PENDING), PAYSUCCESS paid, PAYFAIL failed, EXPIRED and CANCEL (payment stopped) CANCELLED. A message whose
ErrInfo names a card company decline (42G...) is DECLINED whatever its Status; a CAFIS / system failure (42C..., E61,
E9x) an ERROR.

Reasons (ErrInfo): 42G02/04 insufficient balance, 42G03/05/55 over the card limit, 42G12/22/54/60/61/96-99 "this card
cannot be used", 42G42 wrong PIN, 42G44 wrong security code, 42G65 card number error, 42G83 expiry date error,
42G67-81 request data errors (amount, tax, instalments ...), 42G30 / 42G56 / 42G95 carry no message in the stored
list (GENERIC_DECLINE); E01 input errors, E11 transaction state errors, E21 3-D Secure failures (E21020002: cancelled
by the customer, CANCELLED), E41 card number / company, E61 / E9x processing failures, 42C CAFIS failures.

Currency: GMO PG settles in yen; the notification's Currency field is not an ISO code ("JPN"), so it is not read:
JPY. Amount is whole yen (Amount, without Tax). Lifecycle identity: AccessID (GMO's transaction id) is the attempt;
the merchant's OrderID the payment; a return names no refund id of its own.
"""

from __future__ import annotations

from typing import Any

ERRINFO_KEY = "_payobs_gmo_errinfo"

STATUSES = {
    # Credit card.
    "UNPROCESSED": "PENDING",
    "AUTHENTICATED": "PENDING",  # 3-D Secure registered, not paid
    "AUTH": "APPROVED",
    "SAUTH": "APPROVED",  # simple authorization
    "CAPTURE": "APPROVED",  # authorization with immediate sale
    "SALES": "APPROVED",  # sale of an earlier AUTH
    "VOID": "CANCELLED",
    "RETURN": "REFUNDED",
    "RETURNX": "REFUNDED",  # return in a later month
    # Convenience store.
    "REQSUCCESS": "PENDING",  # payment slip issued, awaiting the payment
    "PAYSUCCESS": "APPROVED",
    "PAYFAIL": "DECLINED",
    "EXPIRED": "CANCELLED",
    "CANCEL": "CANCELLED",  # payment stopped
}


def _codes(reason: str, *codes: str) -> dict[str, str]:
    return {code: reason for code in codes}


REASONS = {
    # Input errors (E01).
    **_codes("CONFIGURATION_ERROR", "E01010001", "E01020001", "E01030002", "E01190001", "E01200001", "E01210002"),
    **_codes("INVALID_REQUEST", "E01040001", "E01040003", "E01040013", "E01050001", "E01050002", "E01050004",
             "E01060001", "E01060005", "E01060006", "E01070005", "E01070006", "E01080007", "E01090001", "E01100001",
             "E01110002", "E01120008", "E01130002", "E01140007", "E01140003", "E01150007", "E01160007", "E01220001",
             "E01230001", "E01230006", "E01230009", "E01240002", "E01250008", "E01260001", "E01250002", "E01270001",
             "E01270005", "E01270006", "E01280012", "E01290001", "E01300001", "E01310001", "E01310007", "E01320012",
             "E01330012", "E01340012", "E01350001", "E01360001", "E01370012", "E01380007", "E01390002"),
    **_codes("DUPLICATE", "E01040010", "E01390010", "E11010001"),  # order ID exists; already settled
    **_codes("INVALID_CARD_DATA", "E01170001", "E01170003", "E01170006", "E01170011", "E01180001", "E01180003",
             "E01180006", "E41170099"),
    "E01250010": "AUTHENTICATION_FAILED",  # card password does not match
    **_codes("TRANSACTION_NOT_PERMITTED", "E01260010", "E01270010", "E41170002"),  # method / times / card company
    **_codes("INVALID_REQUEST", "E11010002", "E11010003"),  # transaction state does not allow the operation
    # 3-D Secure (E21).
    **_codes("AUTHENTICATION_FAILED", "E21010001", "E21020001"),
    "E21020002": "UNKNOWN",  # 3-D Secure cancelled by the customer (CANCELLED)
    # Processing (E61, E9x) and CAFIS (42C).
    **_codes("PROCESSING_ERROR", "E61010001", "E61010002", "E61010003", "E90010001", "E91019999", "E91029999",
             "E91099999", "E92000001"),
    **_codes("PROCESSING_ERROR", "42C010000", "42C030000", "42C120000", "42C130000", "42C140000", "42C150000",
             "42C500000", "42C510000", "42C530000", "42C540000", "42C550000", "42C560000", "42C570000", "42C580000",
             "42C600000", "42C700000", "42C710000", "42C720000", "42C730000", "42C740000", "42C750000", "42C760000",
             "42C770000", "42C780000"),
    # Card company declines (42G).
    **_codes("INSUFFICIENT_FUNDS", "42G020000", "42G040000"),
    **_codes("LIMIT_EXCEEDED", "42G030000", "42G050000", "42G550000"),
    **_codes("RESTRICTED_CARD", "42G120000", "42G220000", "42G540000", "42G600000", "42G610000", "42G960000",
             "42G970000", "42G980000", "42G990000"),
    **_codes("GENERIC_DECLINE", "42G300000", "42G560000", "42G950000"),  # no message in the stored list
    "42G420000": "AUTHENTICATION_FAILED",  # wrong PIN
    "42G440000": "INCORRECT_CVC",
    "42G650000": "INVALID_CARD_DATA",  # card number error
    "42G830000": "INVALID_CARD_DATA",  # expiry date error
    **_codes("INVALID_REQUEST", "42G670000", "42G680000", "42G690000", "42G700000", "42G710000", "42G720000",
             "42G730000", "42G740000", "42G750000", "42G760000", "42G770000", "42G780000", "42G790000", "42G800000",
             "42G810000"),
}

PAY_TYPES = {"0": "CARD", "3": "CASH_VOUCHER", "1": "WALLET", "2": "WALLET", "4": "BANK_TRANSFER", "5": "WALLET",
             "7": "OTHER", "8": "OTHER", "9": "OTHER"}

JOB_CODES = ["CHECK", "CAPTURE", "AUTH", "SALES", "VOID", "RETURN", "RETURNX", "SAUTH", "CANCEL"]

_ERRINFO_PATHS = [f"{ERRINFO_KEY}.{i}" for i in range(4)]

_DECLINE_RULES = [
    {"when": {"ErrInfo": {"prefix": ["42G", "E01170", "E01180", "E01250010", "E41", "E21010001", "E21020001"]}},
     "set": {"status_category": "DECLINED"}},
    {"when": {"ErrInfo": {"prefix": ["42C", "E61", "E9"]}}, "set": {"status_category": "ERROR"}},
    {"when": {"ErrInfo": {"prefix": "E21020002"}}, "set": {"status_category": "CANCELLED"}},
]

_FIELDS = {
    "provider_transaction_id": ["AccessID"],
    "status": ["Status"],
    "reason_code": _ERRINFO_PATHS,
    "amount": ["Amount"],
    "event_time": ["TranDate", "ProcessDate"],
    "payment_method": ["PayType"],
    "merchant_id": ["ShopID"],
    "attempt_id": ["AccessID"],
    "payment_id": ["OrderID"],
}

SPEC = {
    "provider": "gmopg",
    "aliases": ["gmopg", "gmo pg", "gmo payment gateway", "gmo-pg", "gmo", "mul-pay", "mulpay", "pg multipayment",
                "gmo-pg.com"],
    "detect": [
        {"path": "AccessID", "exists": True, "weight": 0.3},
        {"path": "AccessPass", "exists": True, "weight": 0.2},
        {"path": "JobCd", "in": JOB_CODES, "weight": 0.2},
        {"path": "ErrInfo", "prefix": ["42G", "42C", "E0", "E1", "E2", "E4", "E6", "E9"], "weight": 0.3},
        {"path": "ErrCode", "exists": True, "weight": 0.2},
        {"path": "Status", "in": list(STATUSES), "weight": 0.1},
        {"path": "OrderID", "exists": True, "weight": 0.1},
        {"path": "TranID", "exists": True, "weight": 0.1},
        {"path": "Forward", "exists": True, "weight": 0.1},
        {"path": "CheckString", "exists": True, "weight": 0.3},
        {"path": "ACS", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "JPY",
    "reason_map": REASONS,
    "payment_method_map": PAY_TYPES,
    "fields": _FIELDS,
    "variants": [
        {
            "name": "validity_check",
            "match": {"Status": "CHECK"},
            "not_a_payment": "a card validity check (有効性チェック), no payment",
        },
        {
            "name": "trade",
            "match": {"Status": {"in": list(STATUSES)}},
            "status_map": STATUSES,
            "rules": [
                {"when": {"Status": "SALES"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"Status": "VOID"}, "set": {"event_kind": "VOID"}},
                *_DECLINE_RULES,
            ],
            "fields": {**_FIELDS, "refund_id": []},
        },
        {
            # EntryTran: the transaction is registered (AccessID / AccessPass), nothing authorized yet.
            "name": "entry",
            "match": {"AccessID": {"exists": True}, "AccessPass": {"exists": True}, "TranID": {"exists": False},
                      "Approve": {"exists": False}, "ErrInfo": {"exists": False}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "default_currency": None,
        },
        {
            # ExecTran / AlterTran answers (no Status): an authorization, or the JobCd's change of it.
            "name": "answer",
            "match": {"TranID": {"exists": True}, "ErrInfo": {"exists": False}},
            "status": "APPROVED",
            "rules": [{"when": {"JobCd": "VOID"}, "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
                      {"when": {"JobCd": "SALES"}, "set": {"event_kind": "CAPTURE"}},
                      {"when": {"JobCd": {"in": ["RETURN", "RETURNX"]}}, "set": {"status_category": "REFUNDED"}}],
            "fields": {**_FIELDS, "refund_id": []},
        },
        {
            "name": "error",
            "match": {"ErrInfo": {"exists": True}, "ErrCode": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": _ERRINFO_PATHS, "payment_id": ["OrderID"]},
            "rules": _DECLINE_RULES,
        },
    ],
}


def prepare(body: Any) -> Any:
    """Split ErrInfo's "|"-separated codes (GMO answers several at once) into a list, beside the field as it came."""
    if not isinstance(body, dict) or ERRINFO_KEY in body:
        return body
    info = body.get("ErrInfo")
    if not isinstance(info, str) or not info.strip():
        return body
    return {**body, ERRINFO_KEY: [code.strip() for code in info.split("|") if code.strip()]}
