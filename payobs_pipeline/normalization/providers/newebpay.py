"""NewebPay (藍新金流, formerly Spgateway 智付通 / Pay2go, Taiwan) MPG (Multiple Payment Gateway, 幕前支付): the
decrypted TradeInfo of the payment-complete notification (NotifyURL / ReturnURL) and of the code-issued answer
(CustomerURL: ATM, CVS, BARCODE), with RespondType JSON ({Status, Message, Result}) or String (flat fields); the
single-transaction query (QueryTradeInfo), the credit-card cancel-authorization answer, the e-wallet refund answer
and the error answers.

Sources:
- NewebPay "線上交易─幕前支付 技術串接手冊 標準版" NDNF-1.1.9 (newebpay.com, download_api; read from a Markdown
  transcription of the manual held in the stored code corpus): 4.2.2 回應參數-支付完成 (Status "若交易付款成功，則回傳
  SUCCESS；若交易付款失敗，則回傳錯誤代碼", Message, Result: MerchantID, Amt "幣別：新台幣", TradeNo "藍新金流交易序號",
  MerchantOrderNo, PaymentType, PayTime, IP, EscrowBank; card: AuthBank, CardBank, RespondCode "由收單機構所回應的
  回應碼", Auth, Card6No, Card4No, ECI, PaymentMethod CREDIT / FOREIGN / UNIONPAY / APPLEPAY / GOOGLEPAY / SAMSUNGPAY /
  DCC ...), 4.2.3 回應參數-取號完成 (Status SUCCESS = 取號成功; ExpireDate, BankCode / CodeNo / Barcode_1-3), 4.3.2
  單筆交易查詢 (TradeStatus "0=未付款、1=付款成功、2=付款失敗、3=取消付款、6=退款"; PaymentType CREDIT, VACC, WEBATM,
  BARCODE, CVS, LINEPAY, ESUNWALLET, TAIWANPAY, CVSCOM, FULA; CloseStatus, BackStatus), 4.4.2 取消授權 (Status SUCCESS;
  TRA20001 "此筆交易取消授權需由金融機構批次處理"), 4.6.2 電子錢包退款 (Status "若退款成功則回傳1000", UID,
  EncryptData, HashData), 5. 錯誤代碼表 (every MPG*, TRA*, MEM*, ACC*, NOR* and numeric code mapped in ERROR_REASONS).
- Field names cross-checked against CarlLee1983/newebpay-node src/types/notification.ts (PaymentNotifyResult,
  AtmResultData, CvsResultData) and src/queries/query-order.ts (QueryOrderResult).

Currency: the manual gives every Amt as an integer in New Taiwan dollars (新台幣): TWD, major units.

Read as: an MPG result with Status SUCCESS is paid (APPROVED), or, for the code-issued answer (ExpireDate), the
customer has still to pay (PENDING). A failed MPG result carries an error code in Status: the codes the manual
gives for a refused card or transaction (MPG03009 交易失敗 incl. "銀行回覆此筆交易授權失敗原因", MPG03002 / MPG03003
refused IP, MPG05002 / MPG05003 card not accepted, MPG05004 issuer cannot give instalments, MPG05005 警示交易) are
DECLINED, every other code (parameters, keys, store set-up, system) is an ERROR with its reason. The acquirer's
RespondCode is read after Status; its table is not in the manual, and Taiwanese acquirers answer with ISO 8583
response codes, so it is read through the shared ISO 8583 table (that table's use here rests on recollection, not
on the manual). The encrypted form post itself ({Status, MerchantID, Version, TradeInfo, TradeSha}) carries the
outcome only inside the AES-encrypted TradeInfo (its clear Status SUCCESS is the same for a payment and a code
issued), so it stays NOTIFICATION_WITHOUT_OUTCOME. The credit-card Close answer (請款 / 退款 / 取消) does not say which
of them it answers, so it matches no variant.

Lifecycle identity: TradeNo (藍新金流交易序號) is the attempt; MerchantOrderNo (商店訂單編號, unique per store) is the
payment; refunds and cancellations name the same TradeNo (no refund id of their own).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

SUCCESS = "SUCCESS"

# 4.3.2 TradeStatus (and OrderStatus 9 "付款中，待銀行確認").
TRADE_STATUSES = {
    "0": "PENDING",  # 未付款
    "1": "APPROVED",  # 付款成功
    "2": "DECLINED",  # 付款失敗
    "3": "CANCELLED",  # 取消付款
    "6": "REFUNDED",  # 退款
    "9": "PENDING",  # OrderStatus: 付款中，待銀行確認
}

# 5. 錯誤代碼表.
ERROR_REASONS = {
    # MPG01xxx: request parameters.
    **{code: "INVALID_REQUEST" for code in (
        "MPG01002", "MPG01005", "MPG01008", "MPG01009", "MPG01010", "MPG01011", "MPG01012", "MPG01013",
        "MPG01014", "MPG01015", "MPG01016", "MPG01017", "MPG01018", "MPG01023", "MPG01024", "MPG01025",
        "MPG01026", "MPG01028", "MPG01029", "MPG01030")},
    "MPG01027": "ISSUER_UNAVAILABLE",  # 一銀維護中，請選擇其他金融機構
    "MPG02001": "CONFIGURATION_ERROR",  # 檢查碼錯誤
    "MPG02002": "CONFIGURATION_ERROR",  # 查無商店開啟任何金流服務
    "MPG02003": "CONFIGURATION_ERROR",  # 支付方式未啟用
    "MPG02004": "INVALID_REQUEST",  # 時間戳記 / 匯率鎖定 / 頁面超過180秒
    "MPG02005": "CONFIGURATION_ERROR",  # 驗證資料錯誤(來源不合法): not posted from the browser
    "MPG02006": "PROCESSING_ERROR",  # 信用卡收單機構系統發生異常
    "MPG02007": "CONFIGURATION_ERROR",  # 需先啟用智慧ATM2.0服務
    "MPG02008": "INVALID_REQUEST",  # SourceType參數錯誤
    "MPG02009": "INVALID_REQUEST",  # 須提供指定轉帳的銀行代號與帳號
    "MPG02010": "INVALID_REQUEST",  # 此版本不支援，請升級至v2.3
    "MPG03001": "CONFIGURATION_ERROR",  # FormPost加密失敗
    "MPG03002": "RISK_REJECTED",  # 拒絕交易 IP
    "MPG03003": "RISK_REJECTED",  # IP交易次數限制
    "MPG03004": "CONFIGURATION_ERROR",  # 商店狀態已被暫停或是關閉
    "MPG03005": "PROCESSING_ERROR",  # 回傳參數資料不存在/解密失敗
    "MPG03006": "PROCESSING_ERROR",
    "MPG03007": "INVALID_REQUEST",  # 該筆訂單交易資訊不存在 / MerchantID 不一致
    "MPG03008": "DUPLICATE",  # 已存在相同的商店訂單編號
    "MPG03009": "GENERIC_DECLINE",  # 交易失敗 ... 銀行回覆此筆交易授權失敗原因
    "MPG03010": "INVALID_REQUEST",  # 驗證資料不存在或錯誤 (玉山Wallet、台灣Pay、BitoPay)
    "MPG03011": "INVALID_REQUEST",  # 訂單資料已不存在，請重新交易
    "MPG05001": "INVALID_REQUEST",  # 未有信用卡驗證資料
    "MPG05002": "TRANSACTION_NOT_PERMITTED",  # 卡號長度不足 / 本商店不支援此信用卡付款
    "MPG05003": "TRANSACTION_NOT_PERMITTED",  # 此信用卡不支援一次付清／分期付款／紅利付款
    "MPG05004": "ISSUER_UNAVAILABLE",  # 發卡行暫時無法提供信用卡分期付款服務
    "MPG05005": "RISK_REJECTED",  # 警示交易
    "MPG05006": "INVALID_REQUEST",  # 物流設定參數[LgsType]錯誤
    "MPG05007": "CONFIGURATION_ERROR",  # 請開啟其他支付方式
    "MPG05008": "INVALID_REQUEST",  # 因金額限制關係，無法使用物流服務
    "MPG05009": "CONFIGURATION_ERROR",  # 超商取貨服務未啟用
    "ACC10005": "CONFIGURATION_ERROR",  # 會員已被暫時停權/永久停權
    **{code: "INVALID_REQUEST" for code in ("MEM40008", "MEM40012", "MEM40013", "MEM40014")},
    "NOR1001": "PROCESSING_ERROR",  # 連線異常
    # TRA*: query, cancel, close (capture / refund).
    "TRA10001": "PROCESSING_ERROR",  # 商店資料取得失敗
    "TRA10008": "CONFIGURATION_ERROR",  # 資料加密錯誤
    "TRA10012": "CONFIGURATION_ERROR",  # 商店代號停用
    "TRA10013": "CONFIGURATION_ERROR",  # 商店信用卡資格停用
    "TRA10015": "PROCESSING_ERROR",  # 網路連線失敗
    "TRA10027": "DUPLICATE",  # 此訂單已申請過請款，不可重覆請款
    "TRA10030": "PROCESSING_ERROR",  # 請款/退款資料新增失敗
    "TRA10051": "PROCESSING_ERROR",  # 取消授權失敗
    "TRA10054": "CONFIGURATION_ERROR",  # 檢查碼CheckValue有錯誤
    "TRA10094": "PROCESSING_ERROR",  # 資料取消失敗
    "TRA10678": "PROCESSING_ERROR",  # 銀聯卡退款失敗
    "TRA10702": "PROCESSING_ERROR",  # 達到執行請退款筆數上限 (rate limit)
    "TRA11002": "PROCESSING_ERROR",  # 因失敗過多暫時無法使用本功能 (rate limit)
    "TRA20004": "DUPLICATE",  # 商店訂單編號重覆
    "TRA20011": "DUPLICATE",  # 該筆交易已請款
    "TRA20027": "DUPLICATE",  # 此訂單已申請過退款，退款中
    **{code: "INVALID_REQUEST" for code in (
        "TRA10003", "TRA10009", "TRA10018", "TRA10021", "TRA10026", "TRA10028", "TRA10029", "TRA10031",
        "TRA10032", "TRA10033", "TRA10035", "TRA10036", "TRA10037", "TRA10038", "TRA10039", "TRA10041",
        "TRA10045", "TRA10046", "TRA10047", "TRA10048", "TRA10049", "TRA10050", "TRA10058", "TRA10070",
        "TRA10071", "TRA10077", "TRA10095", "TRA10675", "TRA20002", "TRA20028", "TRA40014")},
    # E-wallet refund (4.6): numeric codes.
    "1101": "PROCESSING_ERROR",  # 退款失敗
    "1102": "CONFIGURATION_ERROR",  # 查無商店
    "1103": "INVALID_REQUEST",  # 查無訂單資料
    "1104": "INVALID_REQUEST",  # 訂單狀態不為可退款狀態
    "1105": "INVALID_REQUEST",  # 可退金額不足
    "1106": "INVALID_REQUEST",  # 錢包類型不符
    "1107": "INVALID_REQUEST",  # 尚未請款
    "1108": "INVALID_REQUEST",  # 僅支援全額退款
    "1109": "DUPLICATE",  # 退款交易申請中
    "1110": "CONFIGURATION_ERROR",  # 商店支付方式未啟用
    "1111": "CONFIGURATION_ERROR",  # 查詢商店閘道設定，查無資料
    "1116": "INVALID_REQUEST",  # 可退款金額不足
    "2100": "INVALID_REQUEST",  # 最低金額為1
    "4101": "INVALID_REQUEST",  # EncryptData_不可為空白
    "4102": "INVALID_REQUEST",  # HashData_不可為空白
    "4103": "CONFIGURATION_ERROR",  # HashData_資料檢查不符合
    "4104": "CONFIGURATION_ERROR",  # 加密資料有誤，請確認Hash_Key與Hash_IV
    "4105": "INVALID_REQUEST",  # TimeStamp為空
    "4106": "INVALID_REQUEST",  # UID_不可為空白
    "9000": "PROCESSING_ERROR",  # 網路連線失敗
}

# The codes the manual gives for a refused card or transaction: a decline, not a technical error.
DECLINE_CODES = ["MPG03002", "MPG03003", "MPG03009", "MPG05002", "MPG05003", "MPG05004", "MPG05005"]

PAYMENT_TYPES = {
    "CREDIT": "CARD", "CREDITAE": "CARD", "UNIONPAY": "CARD", "INSTFLAG": "CARD", "CREDITRED": "CARD",
    "WEBATM": "BANK_TRANSFER", "VACC": "BANK_TRANSFER",
    "CVS": "CASH_VOUCHER", "BARCODE": "CASH_VOUCHER", "CVSCOM": "CASH_VOUCHER",
    "APPLEPAY": "WALLET", "ANDROIDPAY": "WALLET", "GOOGLEPAY": "WALLET", "SAMSUNGPAY": "WALLET",
    "LINEPAY": "WALLET", "ESUNWALLET": "WALLET", "TAIWANPAY": "WALLET", "TWQR": "WALLET", "BITOPAY": "WALLET",
    "EZPWECHAT": "WALLET", "EZPALIPAY": "WALLET", "P2GEACC": "WALLET",
    "FULA": "BNPL",
}


def _r(*paths: str) -> list[str]:
    """A field of the JSON answer's Result, then the same field of the flat String answer."""
    return [p for path in paths for p in (f"Result.{path}", path)]


_FIELDS = {
    "provider_transaction_id": _r("TradeNo"),
    "attempt_id": _r("TradeNo"),
    "payment_id": _r("MerchantOrderNo"),
    "merchant_id": _r("MerchantID"),
    "amount": _r("Amt"),
    "payment_method": _r("PaymentType"),
    "event_time": _r("PayTime", "CreateTime"),
    "status": ["Status"],
    "reason_code": ["Status", *_r("RespondCode")],
}

_FAILURE_RULES = [
    {"when": {"Status": {"not_in": [SUCCESS]}}, "set": {"status_category": "ERROR"}},
    {"when": {"Status": {"in": DECLINE_CODES}}, "set": {"status_category": "DECLINED"}},
]


def prepare(body: Any) -> Any:
    """The encrypted form post names no outcome in clear: its result is inside the AES-encrypted TradeInfo."""
    if isinstance(body, dict) and isinstance(body.get("TradeInfo"), str) and "TradeSha" in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "newebpay: the MPG result is inside the AES-encrypted TradeInfo; decrypt it first")
    return body


SPEC = {
    "provider": "newebpay",
    "aliases": ["newebpay", "neweb pay", "藍新金流", "藍新", "newebpay.com", "spgateway", "智付通", "pay2go"],
    "detect": [
        {"path": "Result.MerchantOrderNo", "exists": True, "weight": 0.25},
        {"path": "Result.PaymentType", "in": list(PAYMENT_TYPES), "weight": 0.2},
        {"path": "Result.EscrowBank", "exists": True, "weight": 0.2},
        {"path": "Result.CheckCode", "exists": True, "weight": 0.2},
        {"path": "Result.TradeStatus", "in": list(TRADE_STATUSES), "weight": 0.1},
        {"path": "Result.Amt", "exists": True, "weight": 0.1},
        {"path": "MerchantOrderNo", "exists": True, "weight": 0.2},
        {"path": "PaymentType", "in": list(PAYMENT_TYPES), "weight": 0.2},
        {"path": "EscrowBank", "exists": True, "weight": 0.2},
        {"path": "TradeNo", "exists": True, "weight": 0.15},
        {"path": "RespondType", "in": ["String", "JSON"], "weight": 0.1},
        {"path": "Status", "prefix": ["MPG0", "TRA1", "TRA2"], "weight": 0.2},
        {"path": "TradeSha", "exists": True, "weight": 0.3},
        {"path": "TradeInfo", "exists": True, "weight": 0.2},
        {"path": "HashData", "exists": True, "weight": 0.25},
        {"path": "EncryptData", "exists": True, "weight": 0.15},
        {"path": "UID", "exists": True, "weight": 0.15},
    ],
    "amount_unit": "major",
    "default_currency": "TWD",
    "fields": _FIELDS,
    "payment_method_map": PAYMENT_TYPES,
    "reason_map": ERROR_REASONS,
    "reason_fallback": "iso8583",
    "variants": [
        {
            "name": "ewallet_refund",
            "match": {"UID": {"exists": True}, "HashData": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": {"1000": "REFUNDED"},
            "fields": {"reason_code": ["Status"], "refund_id": []},
            "rules": [{"when": {"Status": {"not_in": ["1000"]}}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "query_trade_info",
            "match": {"Result.TradeStatus": {"exists": True}},
            # A refunded order (6) names no refund of its own: no refund id, never the payment's TradeNo.
            "fields": {"status": ["Result.TradeStatus", "Result.OrderStatus"],
                       "reason_code": ["Result.RespondCode"], "refund_id": []},
            "status_map": TRADE_STATUSES,
            "rules": [{"when": {"Result.TradeStatus": "6"}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "code_issued",
            "match": {"Status": SUCCESS, "Result.ExpireDate": {"exists": True}},
            "status": "PENDING",
        },
        {
            "name": "code_issued_flat",
            "match": {"Status": SUCCESS, "ExpireDate": {"exists": True}},
            "status": "PENDING",
        },
        {
            "name": "cancel_authorization",
            "match": {"Result.CheckCode": {"exists": True}, "Result.PaymentType": {"exists": False}},
            "event_kind": "VOID",
            # TRA20001: the cancellation was accepted and the acquirer completes it in its batch.
            "status_map": {SUCCESS: "CANCELLED", "TRA20001": "CANCELLED"},
            "rules": [{"when": {"Status": {"not_in": [SUCCESS, "TRA20001"]}}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "mpg_result",
            "match": {"Status": {"exists": True}, "Result.PaymentType": {"exists": True}},
            "status_map": {SUCCESS: "APPROVED"},
            "rules": _FAILURE_RULES,
        },
        {
            "name": "mpg_result_flat",
            "match": {"Status": {"exists": True}, "PaymentType": {"exists": True}},
            "status_map": {SUCCESS: "APPROVED"},
            "rules": _FAILURE_RULES,
        },
        {
            # An error answer with no payment in it (Result empty or absent): an ERROR with the code's reason.
            "name": "error",
            "match": {"Status": {"prefix": ["MPG", "TRA", "MEM", "ACC", "NOR"]}, "Message": {"exists": True}},
            "rules": _FAILURE_RULES,
        },
    ],
}
