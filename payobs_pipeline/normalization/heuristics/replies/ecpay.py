"""ECPay (綠界) AIO payment notifications: ``RtnCode``/``PaymentType``, amounts in TWD (family ``ecpay``).

Source: developers.ecpay.com.tw "全方位金流 API 技術文件" (cited at the tables). Round 3 of the
gateways with no mapping (see replies/__init__.py).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.taxonomy import PaymentMethod


# ECPay (綠界) AIO (all-in-one) payment API, developers.ecpay.com.tw "全方位金流 API 技術文件": the payment result
# notification (ReturnURL) "RtnCode 若回傳值為 1 時，為付款成功，其餘代碼皆為交易異常" (1 = paid, any other code an
# exception to be checked: deferred); the payment-info notification (PaymentInfoURL) of ATM and CVS/BARCODE:
# "ATM 回傳值時為 2 時，交易狀態為取號成功" and "CVS/BARCODE 回傳值時為 10100073 時，交易狀態為取號成功" (the
# account number or store code was issued: the customer has still to pay), "其餘為失敗" (deferred: it does
# not say declined or errored). SimulatePaid 1: "此交易為模擬付款 ... 並非是由消費者實際真的付款" (a simulated
# payment from the merchant back office, no money: deferred). TradeAmt is an integer amount in New Taiwan
# dollars, the only currency of the API (TotalAmount "請帶整數，不可有小數點，僅限新台幣"). PaymentType is
# the method and its sub-type: Credit_CreditCard, WebATM_<bank>, ATM_<bank>, CVS_<store>, BARCODE_BARCODE.
_ECPAY_METHODS = {"credit": PaymentMethod.CARD, "webatm": PaymentMethod.BANK_TRANSFER,
                  "atm": PaymentMethod.BANK_TRANSFER, "cvs": PaymentMethod.CASH_VOUCHER,
                  "barcode": PaymentMethod.CASH_VOUCHER}
_ECPAY_CODE_ISSUED = {"2": ("atm",), "10100073": ("cvs", "barcode")}


def _ecpay(f: dict[str, Any]) -> ReplyReading | None:
    code, payment_type = _text_of(f, "rtncode"), _text_of(f, "paymenttype")
    if code is None or payment_type is None or "merchanttradeno" not in f or "tradeamt" not in f:
        return None
    ids = ("tradeno", "merchanttradeno")
    prefix = payment_type.split("_", 1)[0].lower()
    method = _ECPAY_METHODS.get(prefix)
    amount = (f.get("tradeamt"), "TWD", "major")
    message = (_text_of(f, "rtnmsg") or "").lower()
    agrees = "成功" in message or "succe" in message
    if code == "1" and _text_of(f, "simulatepaid") != "1":
        return ReplyReading("ecpay", _ST.APPROVED, code, True, agrees=agrees, ids=ids, amount=amount, method=method)
    if prefix in _ECPAY_CODE_ISSUED.get(code, ()):
        return ReplyReading("ecpay", _ST.PENDING, code, True, agrees=agrees, ids=ids, amount=amount, method=method)
    return ReplyReading("ecpay", _ST.PENDING, code, False, raw_reason=code, ids=ids, amount=amount, method=method)
