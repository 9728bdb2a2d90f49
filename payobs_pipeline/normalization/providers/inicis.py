"""KG Inicis (Korea): INIpay standard (PC web) payment, its authentication result and approval answer; INIpay
mobile's P_ parameters (the authentication result on P_NEXT_URL and the notification on P_NOTI_URL); the INIAPI
refund answer.

Sources:
- KG Inicis manual, "PC(웹표준)결제" (manual.inicis.com/stdpay/: 결제요청, 인증결과수신, 승인요청/응답, 승인결과
  상세; std-add.php: 망취소, 가상계좌 입금통보): the standard payment window posts the authentication result to
  returnUrl, the merchant then calls authUrl for the approval (or netCancelUrl to cancel it on an error); ordinary
  cancellations go through INIAPI (https://iniapi.inicis.com/api/v1/refund, www.inicis.com/blog/archives/category/cs).
- Inicis's own sample INIStdPayReturn as shipped in okjsp/okky grails-app/views/INIpayStdSample/INIStdPayReturn.gsp:
  the authentication result {resultCode ("0000" = authenticated), resultMsg, mid, authToken, authUrl, netCancelUrl,
  checkAckUrl, merchantData}; the approval answer (JSON) {resultCode ("0000" = approved), resultMsg, tid, payMethod
  (Card, VBank, DirectBank, iDirectBank, HPP, DGCL, OCBPoint, ...), TotPrice ("결제완료금액 ...원"), MOID (the order
  number), applDate, applTime, authSignature, VACT_Num / VACT_BankCode / VACT_Date ... for a virtual account}.
- INIpay mobile samples (anjiho/zianedu-front src/main/webapp/jsp/payment/INIPayMobileNext.jsp): P_STATUS ("00" =
  success), P_RMESG1 (the message), P_TID, P_REQ_URL (the approval URL of an authentication result), P_NOTI, P_AMT,
  P_OID (the order number), P_TYPE, P_AUTH_DT.

Statuses: resultCode / P_STATUS "0000" / "00" succeeded, anything else failed. An authentication result that
succeeded is PENDING (the approval is still to be requested); an approval answer that succeeded is APPROVED, except a
virtual account (payMethod VBank), which is issued and waits for the deposit (PENDING); on mobile the issued account
is notified with P_STATUS "02" (PENDING) and the deposit with "00" (APPROVED). The INIAPI
refund answer: resultCode "00" refunded, else a failed refund.

Not citable here, so left as stated: Inicis publishes no result-code table in a stored page (the result codes come
with their own resultMsg text, often the card issuer's), so a failure's reason stays UNKNOWN. The mobile virtual
account notification's P_STATUS "02" (account issued, awaiting the deposit) and the INIAPI refund answer's fields
(resultCode, resultMsg, cancelDate, cancelTime) rest on our recollection of the INIpay mobile and INIAPI manuals, not
on a stored page.

Amounts are whole won (KRW). Lifecycle identity: the Inicis tid (P_TID) is the attempt; the merchant's MOID (P_OID)
the payment; a refund answer names no refund id of its own.
"""

from __future__ import annotations

PAY_METHODS = {
    "Card": "CARD", "VCard": "CARD", "CARD": "CARD", "ISP": "CARD",
    "DirectBank": "BANK_TRANSFER", "iDirectBank": "BANK_TRANSFER", "BANK": "BANK_TRANSFER",
    "VBank": "BANK_TRANSFER", "VBANK": "BANK_TRANSFER",
    "HPP": "OTHER", "MOBILE": "OTHER",  # mobile phone billing
    "DGCL": "OTHER", "Culture": "OTHER", "OCBPoint": "OTHER",  # gift certificates, points
}
VIRTUAL_ACCOUNT = ["VBank", "VBANK"]

APPROVAL_STATUSES = {"0000": "APPROVED"}
AUTH_STATUSES = {"0000": "PENDING"}
MOBILE_STATUSES = {"00": "APPROVED", "02": "PENDING"}
REFUND_STATUSES = {"00": "REFUNDED"}

_FAILED = {"not_in": ["0000"]}

SPEC = {
    "provider": "inicis",
    "aliases": ["inicis", "kg inicis", "kginicis", "이니시스", "kg이니시스", "inipay", "inicis.com", "iniapi",
                "inipay mobile", "inistdpay"],
    "detect": [
        {"path": "authToken", "exists": True, "weight": 0.2},
        {"path": "authUrl", "prefix": ["https://stdpay.inicis.com/", "https://fcstdpay.inicis.com/",
                                       "https://ksstdpay.inicis.com/", "https://stgstdpay.inicis.com/"],
         "weight": 0.4},
        {"path": "netCancelUrl", "exists": True, "weight": 0.2},
        {"path": "MOID", "exists": True, "weight": 0.2},
        {"path": "TotPrice", "exists": True, "weight": 0.2},
        {"path": "applDate", "exists": True, "weight": 0.1},
        {"path": "resultCode", "in": ["0000"], "weight": 0.1},
        {"path": "payMethod", "in": list(PAY_METHODS), "weight": 0.1},
        {"path": "P_STATUS", "exists": True, "weight": 0.2},
        {"path": "P_TID", "exists": True, "weight": 0.2},
        {"path": "P_OID", "exists": True, "weight": 0.1},
        {"path": "P_RMESG1", "exists": True, "weight": 0.1},
        {"path": "cshrCancelNum", "exists": True, "weight": 0.3},
        {"path": "cancelDate", "exists": True, "weight": 0.2},
        {"path": "cancelTime", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "KRW",
    "payment_method_map": PAY_METHODS,
    "variants": [
        {
            # The authentication result on returnUrl: approval still to be requested at authUrl.
            "name": "standard_authentication",
            "match": {"resultCode": {"exists": True}, "authToken": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": AUTH_STATUSES,
            "default_currency": None,
            "fields": {"status": ["resultCode"], "reason_code": ["resultCode"], "merchant_id": ["mid"],
                       "payment_id": ["orderNumber", "MOID"]},
            "rules": [{"when": {"resultCode": _FAILED}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "standard_approval",
            "match": {"resultCode": {"exists": True}, "tid": {"exists": True}},
            "status_map": APPROVAL_STATUSES,
            "fields": {
                "provider_transaction_id": ["tid"],
                "status": ["resultCode"],
                "reason_code": ["resultCode"],
                "amount": ["TotPrice"],
                "payment_method": ["payMethod"],
                "event_time": {"join": ["applDate", "applTime"], "sep": ""},
                "merchant_id": ["mid"],
                "attempt_id": ["tid"],
                "payment_id": ["MOID"],
            },
            "rules": [
                {"when": {"resultCode": "0000", "payMethod": {"in": VIRTUAL_ACCOUNT}},
                 "set": {"status_category": "PENDING"}},
                {"when": {"resultCode": _FAILED}, "set": {"status_category": "DECLINED"}},
            ],
        },
        {
            # P_NEXT_URL: the mobile authentication result, approved by posting P_TID to P_REQ_URL.
            "name": "mobile_authentication",
            "match": {"P_STATUS": {"exists": True}, "P_REQ_URL": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": {"00": "PENDING"},
            "fields": {"status": ["P_STATUS"], "reason_code": ["P_STATUS"], "provider_transaction_id": ["P_TID"],
                       "attempt_id": ["P_TID"], "amount": ["P_AMT"], "payment_id": ["P_OID"]},
            "rules": [{"when": {"P_STATUS": {"not_in": ["00"]}}, "set": {"status_category": "DECLINED"}}],
        },
        {
            # P_NOTI_URL: the mobile payment's outcome.
            "name": "mobile_notification",
            "match": {"P_STATUS": {"exists": True}, "P_TID": {"exists": True}},
            "status_map": MOBILE_STATUSES,
            "fields": {"status": ["P_STATUS"], "reason_code": ["P_STATUS"], "provider_transaction_id": ["P_TID"],
                       "attempt_id": ["P_TID"], "amount": ["P_AMT"], "payment_id": ["P_OID"],
                       "payment_method": ["P_TYPE"], "event_time": ["P_AUTH_DT"], "merchant_id": ["P_MID"]},
            "rules": [{"when": {"P_STATUS": {"not_in": ["00", "02"]}}, "set": {"status_category": "DECLINED"}}],
        },
        {
            # INIAPI refund answer (our recollection of its fields, see the docstring).
            "name": "iniapi_refund",
            "match": {"resultCode": {"exists": True}, "cancelDate": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "default_currency": None,
            "fields": {"status": ["resultCode"], "reason_code": ["resultCode"], "refund_id": [],
                       "event_time": {"join": ["cancelDate", "cancelTime"], "sep": ""}},
            "rules": [{"when": {"resultCode": {"not_in": ["00"]}}, "set": {"status_category": "DECLINED"}}],
        },
    ],
}
