"""ECPay (綠界科技, Taiwan) AIO (全方位金流, all-in-one) checkout: the payment result notification (ReturnURL, and
the same fields posted to the browser at OrderResultURL), the payment-info notification of ATM / CVS / BARCODE
(PaymentInfoURL: a virtual account or a store code was issued), the periodic (定期定額) PeriodReturnURL
notification and the QueryTradeInfo (查詢訂單) answer.

Sources:
- ECPay "全方位金流 API 技術文件" (developers.ecpay.com.tw, 付款結果通知 / 查詢訂單), as modelled field by field in
  Laysi/go-ecpay-sdk (an OpenAPI client generated from those pages): base/docs/ReturnData.md (ReturnURL:
  MerchantID, MerchantTradeNo, StoreID, RtnCode "若回傳值為 1 時，為付款成功 其餘代碼皆為交易異常，請至廠商管理後台確認後再
  出貨", RtnMsg "Server POST 成功回傳:交易成功 / 補送通知回傳:paid / Client POST 成功回傳:Succeeded", TradeNo "綠界的
  交易編號", TradeAmt, PaymentDate, PaymentType, PaymentTypeChargeFee, TradeDate, SimulatePaid, CheckMacValue),
  base/docs/TradeInfo.md (QueryTradeInfo: TradeStatus "0 交易訂單成立未付款 / 1 交易訂單成立已付款 / 10200095 消費者未
  選擇付款方式，故交易失敗"), base/docs/CallBackApi.md (PeriodReturnURL: RtnCode as above, PeriodType, Frequency,
  ExecTimes, Amount "本次授權金額", Gwsr "授權交易單號", ProcessDate, AuthCode, TotalSuccessTimes, SimulatePaid).
- PaymentInfoURL (取號結果通知): "ATM 回傳值時為 2 時，交易狀態為取號成功", "CVS/BARCODE 回傳值時為 10100073 時，交易狀態為
  取號成功", "其餘為失敗", with BankCode / vAccount (ATM) or PaymentNo / Barcode1-3 (CVS, BARCODE) and ExpireDate; and
  SimulatePaid "1 此交易為模擬付款 ... 並非是由消費者實際真的付款" (a payment simulated from the merchant back office:
  no money moved). These are quoted from the same ECPay pages as cited in this project's heuristic
  (normalization/heuristics/replies/ecpay.py) and in the django-payments-ecpay test fixtures; the stored corpora
  held no copy of the PaymentInfoURL page itself.
- PaymentType values (回覆付款方式一覽表): Credit_CreditCard, WebATM_<bank>, ATM_<bank>, CVS_CVS / CVS_OK / CVS_FAMILY /
  CVS_HILIFE / CVS_IBON, BARCODE_BARCODE, ApplePay, TWQR_OPAY, BNPL_URICH / BNPL_ZINGALA: the prefixes are in the SDKs'
  ChoosePayment enums (ECPay/SDK_PHP, 0xc0dec0ffeelab/Unofficial_ECPayAIO_Net PaymentMethod.cs: Credit, WebATM, ATM,
  CVS, BARCODE, ApplePay, TWQR, BNPL); the sub-types after the underscore rest on recollection of the table.

Currency: TWD. The messages name none; the API takes TotalAmount "請帶整數，不可有小數點，僅限新台幣" (whole New Taiwan
dollars only), so TradeAmt / Amount are major units of TWD.

Read as: RtnCode 1 = paid (APPROVED). Any other RtnCode on a payment result is "交易異常" (an exception to check in the
back office before shipping): the outcome is not stated, so UNKNOWN, never a guessed decline. ECPay documents no
decline-reason table for these notifications, so no failure reason beyond UNKNOWN is given. A payment-info
notification with 2 (ATM) or 10100073 (CVS/BARCODE) is PENDING (the customer has still to pay); any other code
there is a failure to issue the code (ERROR). QueryTradeInfo is the order (PAYMENT): 0 unpaid PENDING, 1 paid
APPROVED, 10200095 the customer chose no payment method (abandoned: CANCELLED).

Not mapped: the credit-card DoAction answer (CreditDetail/DoAction: MerchantID, MerchantTradeNo, TradeNo, RtnCode,
RtnMsg) does not say which Action (C capture, R refund, E cancel, N abandon) it answers, so it matches no variant;
no documented error-code table for the API's answers was findable in the stored sources (support.ecpay.com.tw names
10200141 "商店尚未提供任何付款方式" and 10200094 "正式環境誤用測試環境之MerchantID" only on the checkout page, not in a
notification). PaymentDate / TradeDate are Taiwan local time (UTC+8) without an offset; they are read as given.

Lifecycle identity: TradeNo (ECPay's trade number) is the attempt; MerchantTradeNo (the merchant's order number)
is the payment; a periodic charge's Gwsr (授權交易單號) is that charge's attempt.
"""

from __future__ import annotations

PAID = "1"
ATM_ACCOUNT_ISSUED = "2"
CVS_CODE_ISSUED = "10100073"

# QueryTradeInfo TradeStatus.
TRADE_STATUSES = {
    "0": "PENDING",  # 交易訂單成立未付款
    "1": "APPROVED",  # 交易訂單成立已付款
    "10200095": "CANCELLED",  # 消費者未選擇付款方式，故交易失敗
}

PAYMENT_TYPE_PREFIXES = {
    "Credit_": "CARD",
    "WebATM_": "BANK_TRANSFER",
    "ATM_": "BANK_TRANSFER",
    "CVS_": "CASH_VOUCHER",
    "BARCODE_": "CASH_VOUCHER",
    "TWQR_": "WALLET",
    "BNPL_": "BNPL",
}

_METHOD_RULES = [{"when": {"PaymentType": {"prefix": prefix}}, "set": {"payment_method": method}}
                 for prefix, method in PAYMENT_TYPE_PREFIXES.items()]

_IDS = {
    "provider_transaction_id": ["TradeNo"],
    "attempt_id": ["TradeNo"],
    "payment_id": ["MerchantTradeNo"],
    "merchant_id": ["MerchantID"],
}

SPEC = {
    "provider": "ecpay",
    "aliases": ["ecpay", "ecpay.com.tw", "綠界", "綠界科技", "green world", "ecpay aio"],
    "detect": [
        {"path": "MerchantTradeNo", "exists": True, "weight": 0.25},
        {"path": "CheckMacValue", "exists": True, "weight": 0.25},
        {"path": "RtnCode", "exists": True, "weight": 0.1},
        {"path": "PaymentType", "prefix": [*PAYMENT_TYPE_PREFIXES, "ApplePay"], "weight": 0.2},
        {"path": "TradeStatus", "in": list(TRADE_STATUSES), "weight": 0.1},
        {"path": "SimulatePaid", "in": ["0", "1"], "weight": 0.1},
        {"path": "TradeAmt", "exists": True, "weight": 0.1},
        {"path": "Gwsr", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "TWD",
    "payment_method_map": {"ApplePay": "WALLET"},
    "fields": {**_IDS, "amount": ["TradeAmt"], "payment_method": ["PaymentType"], "event_time": ["PaymentDate"]},
    "variants": [
        {
            "name": "simulated_payment",
            "match": {"SimulatePaid": "1"},
            "not_a_payment": "SimulatePaid 1: a payment simulated from the ECPay back office, no money moved",
        },
        {
            "name": "period_return",
            "match": {"RtnCode": {"exists": True}, "Gwsr": {"exists": True}},
            "fields": {"status": ["RtnCode"], "reason_code": ["RtnCode"], "amount": ["Amount"],
                       "provider_transaction_id": ["Gwsr"], "attempt_id": ["Gwsr"], "event_time": ["ProcessDate"]},
            "default_payment_method": "CARD",
            "status_map": {PAID: "APPROVED"},
            "rules": [{"when": {"RtnCode": {"not_in": [PAID]}}, "set": {"status_category": "UNKNOWN"}}],
        },
        {
            "name": "payment_info",
            "match": {"RtnCode": {"exists": True}, "ExpireDate": {"exists": True}},
            "fields": {"status": ["RtnCode"], "reason_code": ["RtnCode"], "event_time": ["TradeDate"]},
            "status_map": {ATM_ACCOUNT_ISSUED: "PENDING", CVS_CODE_ISSUED: "PENDING"},
            "rules": [
                *_METHOD_RULES,
                {"when": {"RtnCode": {"not_in": [ATM_ACCOUNT_ISSUED, CVS_CODE_ISSUED]}},
                 "set": {"status_category": "ERROR"}},
            ],
        },
        {
            "name": "payment_result",
            "match": {"RtnCode": {"exists": True}, "MerchantTradeNo": {"exists": True}, "TradeAmt": {"exists": True}},
            "fields": {"status": ["RtnCode"], "reason_code": ["RtnCode"]},
            "status_map": {PAID: "APPROVED"},
            "rules": [
                *_METHOD_RULES,
                {"when": {"RtnCode": {"not_in": [PAID]}}, "set": {"status_category": "UNKNOWN"}},
            ],
        },
        {
            "name": "query_trade_info",
            "match": {"TradeStatus": {"exists": True}, "MerchantTradeNo": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {"status": ["TradeStatus"]},
            "status_map": TRADE_STATUSES,
            "rules": _METHOD_RULES,
        },
    ],
}
