"""Alipay: Antom / Alipay global cross-border payments (the "ams" API and its notifications), Alipay+ payment
results, and the classic Alipay open platform (alipay.trade.* responses and asynchronous notifications).

Sources (Alipay / Antom / Alipay+ documentation and Antom's own SDK model files, not tests):
- https://global.alipay.com/doc/ams/paymentrn_online and https://docs.antom.com/ac/ams/paymentrn_online.md
  (notifyPayment: notifyType PAYMENT_RESULT / PAYMENT_PENDING, result {resultCode, resultStatus S / F,
  resultMessage}, paymentRequestId (the merchant's), paymentId (Antom's, one-to-one), paymentAmount
  {currency, value} in the currency's smallest unit, paymentCreateTime, paymentTime)
- https://docs.antom.com/ac/ams/paymentri and https://global.alipay.com/docs/ac/cashierpay/payment_status_desc
  (inquiryPayment: result says only whether the call succeeded; paymentStatus SUCCESS / FAIL / PROCESSING /
  CANCELLED / PENDING, paymentResultCode, paymentResultMessage, paymentMethodType; a payment not completed in
  time "is automatically closed ... and the payment status changes to FAIL"; ORDER_NOT_EXIST)
- https://global.alipay.com/docs/ac/apo/pay (pay: result U PAYMENT_IN_PROCESS with the cashier URL)
- https://docs.alipayplus.com/alipayplus/alipayplus/integration_auto_debit_acq_ns/inquiry_payment and
  .../integration_auto_debit_mpp/respond_to_payment_inquiry (Alipay+: paymentResult {resultStatus S / F / U,
  resultCode}; USER_BALANCE_NOT_ENOUGH, RISK_REJECT, USER_NOT_EXIST, USER_STATUS_ABNORMAL,
  UNAVAILABLE_PAYMENT_METHOD, USER_PAYMENT_VERIFICATION_FAILED, USER_KYC_NOT_QUALIFIED, PAYMENT_IN_PROCESS,
  ORDER_NOT_EXIST)
- alipay global-open-sdk-python model (card result codes: ACCESS_DENIED, ACCOUNT_CLOSED,
  AUTHENTICATION_REQUIRED, BLOCKED_FIRST_USED, CARD_EXPIRED, CARD_NOT_SUPPORTED, DO_NOT_HONOR, FRAUD_REJECT,
  INVALID_CARD_NUMBER, INVALID_CVV, INVALID_EXPIRATION_DATE, LOST_CARD, NO_SELECTED_ACCOUNT, ORDER_IS_CLOSED,
  PAYMENT_AMOUNT_EXCEED_LIMIT, PAYMENT_COUNT_EXCEED_LIMIT, PICKUP_CARD, POLICY, PROCESS_FAIL, RESTRICTED_CARD,
  STOLEN_CARD, USER_BALANCE_NOT_ENOUGH, USER_PAYMENT_VERIFICATION_FAILED, VERIFY_TIMES_EXCEED_LIMIT)
- https://docs.antom.com/ac/risk_control/sendpaymentresult Result/Error codes and
  https://docs.antom.com/ac/gr/error_code (ACCESS_DENIED, INVALID_API, INVALID_CONTRACT, KEY_NOT_FOUND,
  MERCHANT_KYB_NOT_QUALIFIED, MERCHANT_NOT_REGISTERED, NO_INTERFACE_DEF, PARAM_ILLEGAL, SYSTEM_ERROR ...)
- https://docs.antom.com/ac/ams/refund_online and notify refund (refundRequestId, refundId, refundAmount,
  refundStatus SUCCESS / FAIL, refundTime); cancel (cancelTime); capture notifications (captureRequestId,
  captureId, captureAmount); dispute notifications (disputeId, disputeAmount)
- Classic open platform (opendocs.alipay.com: alipay.trade.pay, alipay.trade.query, alipay.trade.refund,
  alipay.trade.close, alipay.trade.cancel, alipay.trade.precreate; public codes 10000 success, 10003 "order
  success pay inprocess" (waiting for the buyer), 20000 service unavailable (isp.unknow-error), 20001
  insufficient authorization, 40001 missing parameter, 40002 invalid parameter (isv.invalid-signature ...),
  40003/40006 insufficient permissions, 40004 business failed with sub_code ACQ.*; trade_status
  WAIT_BUYER_PAY / TRADE_CLOSED / TRADE_SUCCESS / TRADE_FINISHED; total_amount / refund_fee in yuan (CNY);
  the asynchronous notification notify_type trade_status_sync): the ACQ.* tables as mirrored in integrations'
  code maps (including the 32-character truncated forms such as ACQ.BUYER_BANKCARD_BALANCE_NOT_E that the
  page-pay documentation lists).

- Return and notify messages an integration stores: the legacy gateway's asynchronous notification
  (docs.antom.com/ac/3rdpartryqrcode/simplified_2: notify_type trade_status_sync, trade_status, total_fee, currency
  for forex trades) read with the open platform's notification; the page / wap pay synchronous return_url
  (method alipay.trade.page.pay.return / alipay.trade.wap.pay.return, as integrators' logged samples show it: no
  trade_status, so NOTIFICATION_WITHOUT_OUTCOME); the App SDK's synchronous result (w3cschool.cn/aliminiapp/
  aliminiapp-v8ro2f5c.html, the open platform's App pay sync-notification page: {memo, result, resultStatus}; the
  resultStatus table 9000/8000/4000/5000/6001/6002/6004 rests on recollection of that page, its stored copy shows
  the 9000 example).

Amounts: Antom / Alipay+ paymentAmount.value is in minor units; the classic API's total_amount is in yuan.

Lifecycle identity: an Antom payment (paymentId) is one attempt; the payment is the merchant's
paymentRequestId (one-to-one with it, so it links the notification and the inquiry). A classic trade (trade_no)
is the attempt and the merchant's out_trade_no the payment. Refunds are their own objects (refundId; the classic
API's out_request_no where given).
"""

from __future__ import annotations

import json
import re
from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_NAIVE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$")
_CUSTOMER = "CUSTOMER"
_MERCHANT_CONFIG = "MERCHANT_CONFIG"

# --- Antom / Alipay global / Alipay+ --------------------------------------------------------------------------
PAYMENT_STATUSES = {
    # inquiryPayment paymentStatus
    "SUCCESS": "APPROVED",
    "FAIL": "DECLINED",
    "PROCESSING": "PENDING",
    "PENDING": "PENDING",
    "CANCELLED": "CANCELLED",
    # result.resultStatus / paymentResult.resultStatus (notifications, pay responses)
    "S": "APPROVED",
    "F": "DECLINED",
    "U": "UNKNOWN",
}
REFUND_STATUSES = {"SUCCESS": "REFUNDED", "FAIL": "DECLINED", "PROCESSING": "PENDING",
                   "S": "REFUNDED", "F": "DECLINED", "U": "PENDING"}
CAPTURE_STATUSES = {"SUCCESS": "APPROVED", "FAIL": "DECLINED", "PROCESSING": "PENDING",
                    "S": "APPROVED", "F": "DECLINED", "U": "PENDING"}

GLOBAL_DECLINES = {
    "USER_BALANCE_NOT_ENOUGH": "INSUFFICIENT_FUNDS",
    "RISK_REJECT": "RISK_REJECTED",
    "FRAUD_REJECT": "SUSPECTED_FRAUD",
    "DO_NOT_HONOR": "GENERIC_DECLINE",
    "POLICY": "TRANSACTION_NOT_PERMITTED",
    "PROCESS_FAIL": "GENERIC_DECLINE",
    "CARD_EXPIRED": "EXPIRED_CARD",
    "INVALID_CARD_NUMBER": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "INVALID_EXPIRATION_DATE": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "NO_SELECTED_ACCOUNT": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "INVALID_CVV": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "LOST_CARD": "LOST_OR_STOLEN_CARD",
    "STOLEN_CARD": "LOST_OR_STOLEN_CARD",
    "PICKUP_CARD": "LOST_OR_STOLEN_CARD",
    "RESTRICTED_CARD": "RESTRICTED_CARD",
    "ACCOUNT_CLOSED": "RESTRICTED_CARD",
    "BLOCKED_FIRST_USED": "RESTRICTED_CARD",
    "USER_STATUS_ABNORMAL": "RESTRICTED_CARD",
    "USER_NOT_EXIST": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "CARD_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "UNAVAILABLE_PAYMENT_METHOD": "TRANSACTION_NOT_PERMITTED",
    "USER_KYC_NOT_QUALIFIED": "TRANSACTION_NOT_PERMITTED",
    "CURRENCY_NOT_SUPPORT": "TRANSACTION_NOT_PERMITTED",
    "PAYMENT_AMOUNT_EXCEED_LIMIT": "LIMIT_EXCEEDED",
    "PAYMENT_COUNT_EXCEED_LIMIT": "LIMIT_EXCEEDED",
    "USER_AMOUNT_EXCEED_LIMIT": "LIMIT_EXCEEDED",
    "AUTHENTICATION_REQUIRED": "AUTHENTICATION_REQUIRED",
    "USER_PAYMENT_VERIFICATION_FAILED": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "VERIFY_TIMES_EXCEED_LIMIT": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "INVALID_CODE": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # payment code / QR invalid
    "EXPIRED_CODE": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
}
GLOBAL_ERRORS = {
    "ACCESS_DENIED": "CONFIGURATION_ERROR",
    "INVALID_API": "CONFIGURATION_ERROR",
    "INVALID_CONTRACT": "CONFIGURATION_ERROR",
    "KEY_NOT_FOUND": "CONFIGURATION_ERROR",
    "MERCHANT_NOT_REGISTERED": "CONFIGURATION_ERROR",
    "MERCHANT_KYB_NOT_QUALIFIED": "CONFIGURATION_ERROR",
    "NO_INTERFACE_DEF": "CONFIGURATION_ERROR",
    "INVALID_SIGNATURE": "CONFIGURATION_ERROR",
    "INVALID_CLIENT": "CONFIGURATION_ERROR",
    "INVALID_ACCESS_TOKEN": "CONFIGURATION_ERROR",
    "AGREEMENT_NOT_EXIST": "CONFIGURATION_ERROR",
    "PARAM_ILLEGAL": "INVALID_REQUEST",
    "MISSING_REQUIRED_PARAM": "INVALID_REQUEST",
    "INVALID_AMOUNT": "INVALID_REQUEST",
    "INVALID_CURRENCY": "INVALID_REQUEST",
    "ORDER_NOT_EXIST": "INVALID_REQUEST",
    "ORDER_STATUS_INVALID": "INVALID_REQUEST",
    "REFUND_AMOUNT_EXCEED": "INVALID_REQUEST",
    "REFUND_WINDOW_EXCEED": "INVALID_REQUEST",
    "MULTIPLE_REFUNDS_NOT_SUPPORTED": "INVALID_REQUEST",
    "REQUEST_TIME_INVALID": "INVALID_REQUEST",
    "REPEAT_REQ_INCONSISTENT": "DUPLICATE",
    "SYSTEM_ERROR": "PROCESSING_ERROR",
    "SYSTEM_BUSY": "PROCESSING_ERROR",
    "SERVICE_UNAVAILABLE": "PROCESSING_ERROR",
    "REQUEST_TRAFFIC_EXCEED_LIMIT": "PROCESSING_ERROR",
    "UNKNOWN_EXCEPTION": "PROCESSING_ERROR",
}
IN_PROCESS = ["PAYMENT_IN_PROCESS", "REFUND_IN_PROCESS", "CAPTURE_IN_PROCESS", "VERIFICATION_IN_PROCESS",
              "ORDER_IS_PROCESSING"]
NOTIFY_TYPES = ["PAYMENT_RESULT", "PAYMENT_PENDING", "REFUND_RESULT", "CAPTURE_RESULT", "CANCEL_RESULT",
                "AUTHORIZATION_RESULT", "DISPUTE", "DISPUTE_CREATED", "DISPUTE_JUDGED", "DISPUTE_CANCELLED"]

PAYMENT_METHODS = {
    "CARD": "CARD", "APPLEPAY": "WALLET", "GOOGLEPAY": "WALLET",
    "ALIPAY_CN": "WALLET", "ALIPAY_HK": "WALLET", "ALIPAY": "WALLET", "ALIPAY_PLUS": "WALLET", "CONNECT_WALLET": "WALLET",
    "GCASH": "WALLET", "DANA": "WALLET", "KAKAOPAY": "WALLET", "TRUEMONEY": "WALLET", "TNG": "WALLET",
    "BOOST": "WALLET", "GRABPAY": "WALLET", "GRABPAY_MY": "WALLET", "GRABPAY_SG": "WALLET", "GRABPAY_PH": "WALLET",
    "RABBIT_LINE_PAY": "WALLET", "WECHATPAY": "WALLET", "NAVERPAY": "WALLET", "TOSSPAY": "WALLET",
    "PAYPAY": "WALLET", "OVO": "WALLET", "SHOPEEPAY": "WALLET", "SHOPEEPAY_MY": "WALLET", "MAYA": "WALLET",
    "EASYPAISA": "WALLET", "JAZZCASH": "WALLET", "BKASH": "WALLET", "KPLUS": "WALLET", "ZALOPAY": "WALLET",
    "MPAY": "WALLET", "PAYCO": "WALLET", "LINKAJA": "WALLET", "GOPAY": "WALLET", "TOUCHNGO": "WALLET",
    "AKULAKU_PAYLATER": "BNPL", "AKULAKU_PAYLATER_PH": "BNPL", "KREDIVO_ID": "BNPL", "ATOME": "BNPL",
    "PAIDY": "BNPL", "BILLEASE": "BNPL",
    "PIX": "PIX", "KONBINI": "CASH_VOUCHER", "PAGO_EFECTIVO": "CASH_VOUCHER", "OXXO": "CASH_VOUCHER",
    "BOLETO": "BOLETO", "PROMPTPAY": "BANK_TRANSFER", "PAYNOW": "BANK_TRANSFER", "FPX": "BANK_TRANSFER",
    "ONLINEBANKING_FPX": "BANK_TRANSFER", "DUITNOW": "BANK_TRANSFER", "QRIS": "WALLET", "SOFORT": "BANK_TRANSFER",
    "IDEAL": "BANK_TRANSFER", "BLIK": "BANK_TRANSFER", "P24": "BANK_TRANSFER", "EPS": "BANK_TRANSFER",
    "BANCONTACT": "BANK_TRANSFER", "TRUSTLY": "BANK_TRANSFER", "UPI": "BANK_TRANSFER", "SPEI": "BANK_TRANSFER",
    "PSE": "BANK_TRANSFER", "BANKTRANSFER_PAYEASY": "BANK_TRANSFER", "BANKTRANSFER_MAYBANK": "BANK_TRANSFER",
    "BANKTRANSFER_BNI": "BANK_TRANSFER", "BANKTRANSFER_PERMATA": "BANK_TRANSFER",
    "BANKTRANSFER_BSI": "BANK_TRANSFER", "BANKTRANSFER_QUICKPAY": "BANK_TRANSFER",
    "ONLINEBANKING_BBL": "BANK_TRANSFER", "ONLINEBANKING_KTB": "BANK_TRANSFER", "ONLINEBANKING_SCB": "BANK_TRANSFER",
    "ONLINEBANKING_KRUNGSRI": "BANK_TRANSFER", "ONLINEBANKING_YAPILY": "BANK_TRANSFER",
    "ONLINEBANKING_BPI": "BANK_TRANSFER", "ONLINEBANKING_UBP": "BANK_TRANSFER",
    "MIXEDCARD": "CARD", "CARD_REFERENCE": "CARD",
}

_GLOBAL_PAYMENT_FIELDS = {
    "provider_transaction_id": ["paymentId", "paymentRequestId"],
    "status": ["paymentStatus", "paymentResult.resultStatus", "result.resultStatus"],
    "reason_code": ["paymentResultCode", "paymentResult.resultCode", "result.resultCode",
                    "paymentResultMessage", "result.resultMessage"],
    "amount": ["paymentAmount.value"],
    "currency": ["paymentAmount.currency"],
    "event_time": ["paymentTime", "paymentCreateTime"],
    "payment_method": ["paymentMethodType", "paymentMethod.paymentMethodType"],
    "card_brand": ["paymentResultInfo.cardBrand", "paymentMethod.paymentMethodMetaData.cardBrand"],
    "card_country": ["paymentResultInfo.issuingCountry", "paymentResultInfo.cardIssuingCountry"],
    "attempt_id": ["paymentId"],
    "payment_id": ["paymentRequestId"],
    "refund_id": [],
}
_RESULT_STATUS = ["paymentStatus", "paymentResult.resultStatus"]
_GLOBAL_RULES = [
    # The payment is in process (a redirect or QR cashier is open, the user has not paid yet).
    {"when": {"paymentStatus": {"exists": False}, "paymentResult.resultStatus": {"exists": False},
              "result.resultCode": IN_PROCESS}, "set": {"status_category": "PENDING"}},
    {"when": {"paymentResult.resultCode": IN_PROCESS, "paymentStatus": {"exists": False}},
     "set": {"status_category": "PENDING"}},
    {"when": {"notifyType": "PAYMENT_PENDING"}, "set": {"status_category": "PENDING"}},
    # The call itself failed (bad request, no permission, system error): the payment was not made.
    {"when": {"paymentStatus": {"exists": False}, "paymentResult.resultStatus": {"exists": False},
              "result.resultStatus": "F", "result.resultCode": list(GLOBAL_ERRORS)},
     "set": {"status_category": "ERROR"}},
    # A payment not completed in time is closed (paymentStatus FAIL, ORDER_IS_CLOSED): expired unpaid.
    {"when": {"paymentResultCode": "ORDER_IS_CLOSED"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"paymentStatus": {"exists": False}, "result.resultCode": "ORDER_IS_CLOSED",
              "result.resultStatus": "F"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"paymentResult.resultCode": "ORDER_IS_CLOSED"}, "set": {"status_category": "CANCELLED"}},
]
_GLOBAL_REFUND_FIELDS = {
    "provider_transaction_id": ["refundId", "refundRequestId"],
    "status": ["refundStatus", "result.resultStatus"],
    "reason_code": ["refundResultCode", "result.resultCode", "result.resultMessage"],
    "amount": ["refundAmount.value"],
    "currency": ["refundAmount.currency"],
    "event_time": ["refundTime"],
    "refund_id": ["refundId", "refundRequestId"],
    "attempt_id": ["paymentId"],
    "payment_id": ["paymentRequestId"],
}
_GLOBAL_CAPTURE_FIELDS = {
    "provider_transaction_id": ["captureId", "captureRequestId"],
    "status": ["captureStatus", "result.resultStatus"],
    "reason_code": ["result.resultCode", "result.resultMessage"],
    "amount": ["captureAmount.value"],
    "currency": ["captureAmount.currency"],
    "event_time": ["captureTime"],
    "attempt_id": ["paymentId"],
    "payment_id": ["paymentRequestId"],
}
_GLOBAL_DISPUTE_FIELDS = {
    "provider_transaction_id": ["disputeId"],
    "status": ["disputeNotificationType", "notifyType"],
    "reason_code": ["disputeReasonCode"],
    "amount": ["disputeAmount.value"],
    "currency": ["disputeAmount.currency"],
    "event_time": ["disputeTime", "disputeJudgedTime"],
    "dispute_id": ["disputeId"],
    "attempt_id": ["paymentId"],
    "payment_id": ["paymentRequestId"],
}

# --- classic open platform (alipay.trade.*) -----------------------------------------------------------------
API_KEY = "_payobs_api"  # prepare(): the response key the envelope had, without "_response"
REFUND_FEE_KEY = "_payobs_refund_fee"  # prepare(): a refund notification's refunded amount (refund_fee)
TIME_KEY = "_payobs_time"  # prepare(): the classic API's local time (Beijing, UTC+8, no offset written) with its offset
CLASSIC_TIMES = ("gmt_refund_pay", "gmt_refund", "gmt_payment", "send_pay_date", "gmt_close", "gmt_create",
                 "notify_time", "timestamp")
TRADE_STATUSES = {
    "WAIT_BUYER_PAY": "PENDING",
    "TRADE_SUCCESS": "APPROVED",
    "TRADE_FINISHED": "APPROVED",
    "TRADE_CLOSED": "CANCELLED",  # closed unpaid (a fully refunded trade closes too: see the rules)
    # public response codes, for responses without a trade_status
    "10000": "APPROVED",
    "10003": "PENDING",
    "20000": "UNKNOWN",
    "20001": "ERROR",
    "40001": "ERROR",
    "40002": "ERROR",
    "40003": "ERROR",
    "40006": "ERROR",
    "40004": "DECLINED",
}
CLASSIC_REFUND_STATUSES = {"10000": "REFUNDED", "REFUND_SUCCESS": "REFUNDED", "10003": "PENDING",
                           "20000": "UNKNOWN", "40004": "DECLINED", "40001": "ERROR", "40002": "ERROR",
                           "40003": "ERROR", "40006": "ERROR", "20001": "ERROR"}
CLASSIC_CLOSE_STATUSES = {"10000": "CANCELLED", "20000": "UNKNOWN", "40004": "ERROR", "40001": "ERROR",
                          "40002": "ERROR", "40003": "ERROR", "40006": "ERROR", "20001": "ERROR"}

CLASSIC_DECLINES = {
    "ACQ.BUYER_BALANCE_NOT_ENOUGH": "INSUFFICIENT_FUNDS",
    "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH": "INSUFFICIENT_FUNDS",
    "ACQ.BUYER_BANKCARD_BALANCE_NOT_E": "INSUFFICIENT_FUNDS",
    "ACQ.PAYMENT_REQUEST_HAS_RISK": "RISK_REJECTED",
    "ACQ.PAYMENT_FAIL": "GENERIC_DECLINE",
    "ACQ.BUYER_ENABLE_STATUS_FORBID": "RESTRICTED_CARD",
    "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR": "LIMIT_EXCEEDED",
    "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIM": "LIMIT_EXCEEDED",
    "ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR": "LIMIT_EXCEEDED",
    "ACQ.BUYER_PAYMENT_AMOUNT_MONTH_L": "LIMIT_EXCEEDED",
    "ACQ.BEYOND_PAY_RESTRICTION": {"reason": "LIMIT_EXCEEDED", "source": _MERCHANT_CONFIG},
    "ACQ.BEYOND_PER_RECEIPT_RESTRICTION": {"reason": "LIMIT_EXCEEDED", "source": _MERCHANT_CONFIG},
    "ACQ.ERROR_BALANCE_PAYMENT_DISABLE": "TRANSACTION_NOT_PERMITTED",
    "ACQ.ERROR_BALANCE_PAYMENT_DISABL": "TRANSACTION_NOT_PERMITTED",
    "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE": "TRANSACTION_NOT_PERMITTED",
    "ACQ.NO_PAYMENT_INSTRUMENTS_AVAIL": "TRANSACTION_NOT_PERMITTED",
    "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT": "TRANSACTION_NOT_PERMITTED",
    "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LI": "TRANSACTION_NOT_PERMITTED",
    "ACQ.BUYER_SELLER_EQUAL": "TRANSACTION_NOT_PERMITTED",
    "ACQ.MOBILE_PAYMENT_SWITCH_OFF": "TRANSACTION_NOT_PERMITTED",
    "ACQ.USER_FACE_PAYMENT_SWITCH_OFF": "TRANSACTION_NOT_PERMITTED",
    "ACQ.CURRENCY_NOT_SUPPORT": "TRANSACTION_NOT_PERMITTED",
    "ACQ.REASON_TRADE_BEEN_FREEZEN": "TRANSACTION_NOT_PERMITTED",
    "ACQ.PAYMENT_AUTH_CODE_INVALID": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "ACQ.CARD_USER_NOT_MATCH": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "ACQ.CARD_TYPE_ERROR": "TRANSACTION_NOT_PERMITTED",
    "ACQ.CERT_EXPIRED": "EXPIRED_CARD",
}
CLASSIC_ERRORS = {
    "ACQ.SYSTEM_ERROR": "PROCESSING_ERROR",
    "ACQ.PULL_MOBILE_CASHIER_FAIL": "PROCESSING_ERROR",
    "ACQ.REFUND_CHARGE_ERROR": "PROCESSING_ERROR",
    "isp.unknow-error": "PROCESSING_ERROR",
    "aop.unknow-error": "PROCESSING_ERROR",
    "aop.unknown-error": "PROCESSING_ERROR",
    "ACQ.INVALID_PARAMETER": "INVALID_REQUEST",
    "ACQ.CONTEXT_INCONSISTENT": "INVALID_REQUEST",
    "ACQ.EXIST_FORBIDDEN_WORD": "INVALID_REQUEST",
    "ACQ.TOTAL_FEE_EXCEED": "INVALID_REQUEST",
    "ACQ.TRADE_NOT_EXIST": "INVALID_REQUEST",
    "ACQ.TRADE_HAS_CLOSE": "INVALID_REQUEST",
    "ACQ.TRADE_STATUS_ERROR": "INVALID_REQUEST",
    "ACQ.TRADE_BUYER_NOT_MATCH": "INVALID_REQUEST",
    "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL": "INVALID_REQUEST",
    "ACQ.REFUND_FEE_ERROR": "INVALID_REQUEST",
    "ACQ.INVALID_STORE_ID": "INVALID_REQUEST",
    "ACQ.RISK_MERCHANT_IP_NOT_EXIST": "INVALID_REQUEST",
    "ACQ.ILLEGAL_SIGN_VALIDTY_PERIOD": "INVALID_REQUEST",
    "ACQ.AMOUNT_OR_CURRENCY_ERROR": "INVALID_REQUEST",
    "ACQ.TRADE_HAS_SUCCESS": "DUPLICATE",
    "ACQ.DISCORDANT_REPEAT_REQUEST": "DUPLICATE",
    "ACQ.ACCESS_FORBIDDEN": "CONFIGURATION_ERROR",
    "ACQ.PARTNER_ERROR": "CONFIGURATION_ERROR",
    "ACQ.MERCHANT_AGREEMENT_NOT_EXIST": "CONFIGURATION_ERROR",
    "ACQ.MERCHANT_AGREEMENT_INVALID": "CONFIGURATION_ERROR",
    "ACQ.MERCHANT_STATUS_NOT_NORMAL": "CONFIGURATION_ERROR",
    "ACQ.AGREEMENT_NOT_EXIST": "CONFIGURATION_ERROR",
    "ACQ.AGREEMENT_INVALID": "CONFIGURATION_ERROR",
    "ACQ.AGREEMENT_STATUS_NOT_NORMAL": "CONFIGURATION_ERROR",
    "ACQ.SUB_MERCHANT_CREATE_FAIL": "CONFIGURATION_ERROR",
    "ACQ.SUB_MERCHANT_TYPE_INVALID": "CONFIGURATION_ERROR",
    "ACQ.SELLER_BEEN_BLOCKED": "CONFIGURATION_ERROR",
    "ACQ.SELLER_BALANCE_NOT_ENOUGH": "CONFIGURATION_ERROR",  # the merchant's balance cannot fund a refund
    "ACQ.MERCHANT_UNSUPPORT_ADVANCE": "CONFIGURATION_ERROR",
    "isv.invalid-signature": "CONFIGURATION_ERROR",
    "isv.invalid-app-id": "CONFIGURATION_ERROR",
    "isv.invalid-encrypt": "CONFIGURATION_ERROR",
    "isv.insufficient-isv-permissions": "CONFIGURATION_ERROR",
    "isv.insufficient-user-permissions": "CONFIGURATION_ERROR",
    "isv.permission-denied": "CONFIGURATION_ERROR",
    "aop.invalid-auth-token": "CONFIGURATION_ERROR",
    "aop.auth-token-time-out": "CONFIGURATION_ERROR",
    "isv.missing-method": "INVALID_REQUEST",
    "isv.missing-signature": "INVALID_REQUEST",
    "isv.invalid-method": "INVALID_REQUEST",
    "isv.invalid-format": "INVALID_REQUEST",
    "isv.invalid-timestamp": "INVALID_REQUEST",
    "isv.invalid-charset": "INVALID_REQUEST",
    "isv.missing-app-id": "INVALID_REQUEST",
    # public codes (read after sub_code)
    "20000": "PROCESSING_ERROR",
    "20001": "CONFIGURATION_ERROR",
    "40001": "INVALID_REQUEST",
    "40002": "INVALID_REQUEST",
    "40003": "CONFIGURATION_ERROR",
    "40006": "CONFIGURATION_ERROR",
}
REASONS = {**GLOBAL_DECLINES, **GLOBAL_ERRORS, **CLASSIC_DECLINES, **CLASSIC_ERRORS}

CLASSIC_APIS = ["alipay_trade_pay", "alipay_trade_query", "alipay_trade_create", "alipay_trade_precreate",
                "alipay_trade_close", "alipay_trade_cancel", "alipay_trade_refund",
                "alipay_trade_fastpay_refund_query", "alipay_trade_orderinfo_sync", "alipay_trade_page_pay",
                "alipay_trade_wap_pay", "alipay_trade_app_pay"]
CLASSIC_RESPONSE_KEYS = [f"{api}_response" for api in CLASSIC_APIS]

# page / wap pay synchronous return (return_url GET: charset, out_trade_no, method, total_amount, sign, trade_no,
# auth_app_id, version, app_id, sign_type, seller_id, timestamp): no trade_status; the open platform's page-pay docs
# say the outcome is the asynchronous notification's (or alipay.trade.query's), so prepare() refuses it.
RETURN_METHODS = ["alipay.trade.page.pay.return", "alipay.trade.wap.pay.return"]
# App SDK synchronous result resultStatus (open platform "App 支付同步通知参数说明"): 9000 paid, 8000 being processed,
# 4000 failed, 5000 duplicate request, 6001 cancelled by the user midway, 6002 network connection error, 6004 result
# unknown (check the trade), as the app payment docs list them (recollection of the page's table; the stored copy
# shows the 9000 example).
APP_RESULT_STATUSES = {"9000": "APPROVED", "8000": "PENDING", "6004": "UNKNOWN", "4000": "DECLINED",
                       "6001": "CANCELLED", "5000": "ERROR", "6002": "ERROR"}
APP_RESULT_REASONS = {"4000": "GENERIC_DECLINE", "5000": "DUPLICATE", "6002": "PROCESSING_ERROR"}
APP_RESULT_KEY = "_payobs_app_result"  # prepare(): the alipay_trade_app_pay_response inside the result string

_CLASSIC_FIELDS = {
    "provider_transaction_id": ["trade_no", "out_trade_no"],
    "status": ["trade_status", "code"],
    "reason_code": ["sub_code", "code", "sub_msg"],
    "amount": ["total_amount", "buyer_pay_amount"],
    "currency": ["trans_currency", "currency"],
    "event_time": [TIME_KEY, "gmt_payment", "send_pay_date", "gmt_close", "gmt_create", "notify_time", "timestamp"],
    "merchant_id": ["seller_id", "app_id"],
    "attempt_id": ["trade_no"],
    "payment_id": ["out_trade_no"],
    "refund_id": ["out_request_no", "out_biz_no"],
}
_CLASSIC_ERROR_RULE = {"when": {"code": "40004", "sub_code": list(CLASSIC_ERRORS)}, "set": {"status_category": "ERROR"}}
_CLASSIC_RULES = [
    _CLASSIC_ERROR_RULE,
    # A QR code / trade created and not paid yet.
    {"when": {API_KEY: ["alipay_trade_precreate", "alipay_trade_create"], "code": "10000"},
     "set": {"status_category": "PENDING", "event_kind": "PAYMENT"}},
    # The asynchronous notification of a refund (refund_fee, gmt_refund): a refund of the trade.
    {"when": {"notify_type": "trade_status_sync", "gmt_refund": {"exists": True}},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
]
_CLASSIC_REFUND_FIELDS = {
    **_CLASSIC_FIELDS,
    "status": ["refund_status", "code"],
    "amount": ["refund_fee", "refund_amount", "send_back_fee"],
    "event_time": [TIME_KEY, "gmt_refund_pay", "gmt_refund", "timestamp"],
}

SPEC = {
    "provider": "alipay",
    "aliases": ["alipay", "alipay_global", "alipayglobal", "alipay_plus", "alipayplus", "alipay+", "antom",
                "alipay_intl", "alipay_cn", "alipay_hk", "ant_international", "alipay_open"],
    "detect": [
        # Antom / Alipay global / Alipay+
        {"path": "paymentRequestId", "exists": True, "weight": 0.4},
        {"path": "refundRequestId", "exists": True, "weight": 0.4},
        {"path": "captureRequestId", "exists": True, "weight": 0.4},
        {"path": "paymentAmount.value", "exists": True, "weight": 0.2},
        {"path": "result.resultStatus", "in": ["S", "F", "U"], "weight": 0.3},
        {"path": "paymentResult.resultStatus", "in": ["S", "F", "U"], "weight": 0.3},
        {"path": "notifyType", "in": NOTIFY_TYPES, "weight": 0.3},
        {"path": "result.resultCode", "in": [*GLOBAL_ERRORS, *GLOBAL_DECLINES, *IN_PROCESS, "ORDER_IS_CLOSED"],
         "weight": 0.2},
        # classic open platform
        *({"path": key, "exists": True, "weight": 0.8} for key in CLASSIC_RESPONSE_KEYS),
        {"path": "error_response.sub_code", "exists": True, "weight": 0.3},
        {"path": "error_response.code", "in": ["20000", "20001", "40001", "40002", "40003", "40004", "40006"],
         "weight": 0.3},
        {"path": "sign", "exists": True, "weight": 0.2},
        {"path": "notify_type", "in": ["trade_status_sync"], "weight": 0.6},
        {"path": "trade_status", "in": ["WAIT_BUYER_PAY", "TRADE_SUCCESS", "TRADE_FINISHED", "TRADE_CLOSED"],
         "weight": 0.3},
        # The synchronous return_url of page / wap pay (method alipay.trade.page.pay.return): refused in prepare.
        {"path": "method", "in": RETURN_METHODS, "weight": 0.6},
        # The App SDK's synchronous result {memo, result, resultStatus "9000"}: Alipay's four-digit codes.
        {"path": "resultStatus", "in": list(APP_RESULT_STATUSES), "weight": 0.4},
        {"path": "memo", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # --- Antom / Alipay global / Alipay+ ---
        {"name": "global.dispute", "match": {"disputeId": {"exists": True}},
         "fields": _GLOBAL_DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "global.refund", "match": {"refundRequestId": {"exists": True}},
         "fields": _GLOBAL_REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "global.refund", "match": {"refundId": {"exists": True}, "result": {"exists": True}},
         "fields": _GLOBAL_REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "global.capture", "match": {"captureRequestId": {"exists": True}},
         "fields": _GLOBAL_CAPTURE_FIELDS, "status_map": CAPTURE_STATUSES, "event_kind": "CAPTURE"},
        # cancel: {"result", "paymentId", "paymentRequestId", "cancelTime"}: the payment is cancelled (a void).
        {"name": "global.cancel", "match": {"cancelTime": {"exists": True}, "result.resultStatus": "S"},
         "fields": {**_GLOBAL_PAYMENT_FIELDS, "event_time": ["cancelTime"]}, "status": "CANCELLED",
         "event_kind": "VOID"},
        {"name": "global.payment", "match": {"paymentResult.resultStatus": {"exists": True}},
         "fields": _GLOBAL_PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _GLOBAL_RULES},
        {"name": "global.payment", "match": {"result.resultStatus": {"exists": True}},
         "fields": _GLOBAL_PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _GLOBAL_RULES},
        # --- classic open platform (prepare() unwraps {"alipay_trade_x_response": {...}, "sign"}) ---
        {"name": "classic.error", "match": {API_KEY: "error"}, "status": "ERROR",
         "fields": {"status": ["code"], "reason_code": ["sub_code", "code", "sub_msg"]}},
        {"name": "classic.refund", "match": {API_KEY: ["alipay_trade_refund", "alipay_trade_fastpay_refund_query"]},
         "fields": _CLASSIC_REFUND_FIELDS, "status_map": CLASSIC_REFUND_STATUSES, "event_kind": "REFUND",
         "amount_unit": "major", "default_currency": "CNY", "default_payment_method": "WALLET",
         "rules": [_CLASSIC_ERROR_RULE]},
        {"name": "classic.close", "match": {API_KEY: ["alipay_trade_close", "alipay_trade_cancel"]},
         "fields": _CLASSIC_FIELDS | {"status": ["code"]}, "status_map": CLASSIC_CLOSE_STATUSES,
         "amount_unit": "major", "default_currency": "CNY", "default_payment_method": "WALLET",
         # alipay.trade.cancel: action "close" (unpaid, closed) or "refund" (paid, so refunded in full).
         "rules": [{"when": {"code": "10000", "action": "refund"},
                    "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}}]},
        {"name": "classic.trade", "match": {API_KEY: CLASSIC_APIS},
         "fields": _CLASSIC_FIELDS, "status_map": TRADE_STATUSES, "rules": _CLASSIC_RULES,
         "amount_unit": "major", "default_currency": "CNY", "default_payment_method": "WALLET"},
        # App SDK synchronous result (see APP_RESULT_STATUSES); the trade is in its result string (prepare()).
        {"name": "app_sdk.result", "match": {"resultStatus": list(APP_RESULT_STATUSES)},
         "fields": {"provider_transaction_id": [f"{APP_RESULT_KEY}.trade_no"], "status": ["resultStatus"],
                    "reason_code": ["resultStatus"], "amount": [f"{APP_RESULT_KEY}.total_amount"],
                    "merchant_id": [f"{APP_RESULT_KEY}.seller_id"], "attempt_id": [f"{APP_RESULT_KEY}.trade_no"],
                    "payment_id": [f"{APP_RESULT_KEY}.out_trade_no"]},
         "status_map": APP_RESULT_STATUSES, "reason_map": APP_RESULT_REASONS,
         "amount_unit": "major", "default_currency": "CNY", "default_payment_method": "WALLET"},
        # asynchronous notification (form-encoded key=value); the legacy (MAPI create_direct_pay_by_user, global
        # create_forex_trade) notification names its amount total_fee.
        {"name": "classic.notify", "match": {"notify_type": "trade_status_sync", "trade_status": {"exists": True}},
         "fields": {**_CLASSIC_FIELDS, "amount": [REFUND_FEE_KEY, "total_amount", "total_fee"],
                    "refund_id": ["out_biz_no"]},
         "status_map": TRADE_STATUSES, "rules": _CLASSIC_RULES,
         "amount_unit": "major", "default_currency": "CNY", "default_payment_method": "WALLET"},
    ],
}


def _beijing_time(document: dict[str, Any]) -> dict[str, Any]:
    """The classic API writes Beijing time without an offset ("2014-11-27 15:45:57"): name it with +08:00."""
    for key in CLASSIC_TIMES:
        value = document.get(key)
        if isinstance(value, str) and _NAIVE_TIME.match(value.strip()):
            return {**document, TIME_KEY: value.strip().replace(" ", "T", 1) + "+08:00"}
    return document


def prepare(body: Any) -> Any:
    """Unwrap a classic open-platform response ``{"<method>_response": {...}, "sign": ...}``.

    The inner document gets ``_payobs_api`` = the method (``alipay_trade_query``, or ``error`` for
    ``error_response``); a refund notification (gmt_refund) names its refund_fee as the amount; the classic
    API's Beijing local times get their +08:00 offset. Pure: returns a new dict; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if str(body.get("method", "")).lower() in RETURN_METHODS and "trade_status" not in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "alipay: a page-pay return_url names the trade, not its "
                              "outcome (the asynchronous notification or alipay.trade.query says it)")
    if body.get("resultStatus") in APP_RESULT_STATUSES and isinstance(body.get("result"), str):
        try:
            result = json.loads(body["result"])
        except ValueError:
            result = None
        trade = result.get("alipay_trade_app_pay_response") if isinstance(result, dict) else None
        return {**body, APP_RESULT_KEY: trade} if isinstance(trade, dict) else body
    if body.get("notify_type") == "trade_status_sync":
        if body.get("gmt_refund") and body.get("refund_fee"):
            body = {**body, REFUND_FEE_KEY: body["refund_fee"]}
        return _beijing_time(body)
    for key, value in body.items():
        if isinstance(key, str) and key.endswith("_response") and isinstance(value, dict):
            return _beijing_time({**value, API_KEY: key[: -len("_response")]})
    return body
