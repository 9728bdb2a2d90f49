"""Toss Payments (Korea): Payment objects (API version 2022-11-16 and earlier), webhooks and error objects.

Sources (Toss Payments documentation, docs.tosspayments.com):
- /reference#payment-객체 (Payment: mId, version, paymentKey, lastTransactionKey, orderId, orderName, currency
  KRW, method (카드 card, 가상계좌 virtual account, 간편결제 easy pay, 휴대폰 mobile, 계좌이체 transfer,
  문화상품권 / 도서문화상품권 / 게임문화상품권 gift certificates), status READY | IN_PROGRESS | WAITING_FOR_DEPOSIT | DONE
  | CANCELED | PARTIAL_CANCELED | ABORTED | EXPIRED, requestedAt, approvedAt, card {issuerCode, acquirerCode,
  number, approveNo, cardType, ownerType}, virtualAccount, transfer, easyPay {provider, amount}, cancels[]
  {cancelAmount, cancelReason, canceledAt, transactionKey, cancelStatus}, failure {code, message},
  totalAmount, balanceAmount, country)
- /reference/error-codes (the error object {"code", "message"}; "이미 일어난 결제 기록을 조회했을 때는 Payment 객체의
  failure 필드에 에러 객체가 들어있습니다" with the ABORTED example failure COMMON_ERROR; the API codes
  ALREADY_PROCESSED_PAYMENT, PROVIDER_ERROR, EXCEED_MAX_CARD_INSTALLMENT_PLAN, INVALID_REQUEST,
  NOT_ALLOWED_POINT_USE, INVALID_API_KEY, INVALID_REJECT_CARD "Refer to card issuer/decline",
  BELOW_MINIMUM_AMOUNT, INVALID_CARD_EXPIRATION, INVALID_STOPPED_CARD, EXCEED_MAX_DAILY_PAYMENT_COUNT,
  NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT, INVALID_CARD_INSTALLMENT_PLAN, NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN,
  EXCEED_MAX_PAYMENT_AMOUNT, NOT_FOUND_TERMINAL_ID, INVALID_AUTHORIZE_AUTH, INVALID_CARD_LOST_OR_STOLEN,
  RESTRICTED_TRANSFER_ACCOUNT, INVALID_CARD_NUMBER, INVALID_UNREGISTERED_SUBMALL, NOT_REGISTERED_BUSINESS,
  EXCEED_MAX_ONE_DAY_WITHDRAW_AMOUNT, EXCEED_MAX_ONE_TIME_WITHDRAW_AMOUNT, CARD_PROCESSING_ERROR, EXCEED_MAX_AMOUNT,
  INVALID_ACCOUNT_INFO_RE_REGISTER, NOT_AVAILABLE_PAYMENT, UNAPPROVED_ORDER_ID, EXCEED_MAX_MONTHLY_PAYMENT_AMOUNT,
  REJECT_ACCOUNT_PAYMENT, REJECT_CARD_PAYMENT, REJECT_CARD_COMPANY, FORBIDDEN_REQUEST, INVALID_PASSWORD,
  UNAUTHORIZED_KEY, INCORRECT_BASIC_AUTH_FORMAT, NOT_FOUND_PAYMENT, NOT_FOUND_PAYMENT_SESSION,
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING, FAILED_INTERNAL_SYSTEM_PROCESSING, UNKNOWN_PAYMENT_ERROR; the failUrl
  codes PAY_PROCESS_CANCELED "사용자에 의해 결제가 취소되었습니다", PAY_PROCESS_ABORTED)
- techchat.tosspayments.com (developer community threads quoting NOT_FOUND, NOT_CANCELABLE_AMOUNT,
  NOT_CANCELABLE_PAYMENT, FAILED_DB_PROCESSING, DUPLICATED_ORDER_ID, NOT_MATCHES_CUSTOMER_KEY)
- /guides/webhook and /reference/using-api/webhook-events (eventType PAYMENT_STATUS_CHANGED with the Payment in
  data; DEPOSIT_CALLBACK {createdAt, secret, status, transactionKey, orderId} for virtual-account deposits;
  CANCEL_STATUS_CHANGED; PAYOUT_STATUS_CHANGED, SELLER_CHANGED, METHOD_UPDATED, CUSTOMER_STATUS_CHANGED,
  BILLING_DELETED are not payment outcomes)

Amounts are in KRW (no minor unit): totalAmount is the payment, a cancel's cancelAmount the refund.

A Toss "cancel" of an approved payment returns the money: CANCELED / PARTIAL_CANCELED after approval are REFUNDED,
and the latest cancels[] entry names the refund (its transactionKey). A payment cancelled before approval (no
approvedAt) is CANCELLED.

Lifecycle identity: paymentKey is the attempt; orderId (the merchant's order number) is the payment.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

PAYMENT_STATUSES = {
    "READY": "PENDING",  # created, the customer has not authenticated yet
    "IN_PROGRESS": "PENDING",  # authenticated, awaiting the merchant's confirm call
    "WAITING_FOR_DEPOSIT": "PENDING",  # virtual account issued, awaiting the deposit
    "DONE": "APPROVED",
    "CANCELED": "REFUNDED",  # see the rules: before approval it is a cancellation
    "PARTIAL_CANCELED": "REFUNDED",
    "ABORTED": "DECLINED",
    "EXPIRED": "CANCELLED",
}
DEPOSIT_STATUSES = {"DONE": "APPROVED", "WAITING_FOR_DEPOSIT": "PENDING", "CANCELED": "CANCELLED"}

ERROR_CODES = {
    # Declines.
    "REJECT_CARD_COMPANY": "GENERIC_DECLINE",
    "INVALID_REJECT_CARD": "GENERIC_DECLINE",  # "Refer to card issuer/decline"
    "PAY_PROCESS_ABORTED": "GENERIC_DECLINE",
    "REJECT_CARD_PAYMENT": "INSUFFICIENT_FUNDS",  # limit exceeded or insufficient balance
    "REJECT_ACCOUNT_PAYMENT": "INSUFFICIENT_FUNDS",  # insufficient balance in the account
    "INVALID_CARD_EXPIRATION": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "INVALID_CARD_NUMBER": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "INVALID_ACCOUNT_INFO_RE_REGISTER": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "INVALID_STOPPED_CARD": "RESTRICTED_CARD",
    "RESTRICTED_TRANSFER_ACCOUNT": "RESTRICTED_CARD",
    "INVALID_CARD_LOST_OR_STOLEN": "LOST_OR_STOLEN_CARD",
    "INVALID_PASSWORD": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "INVALID_AUTHORIZE_AUTH": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "EXCEED_MAX_DAILY_PAYMENT_COUNT": "LIMIT_EXCEEDED",
    "EXCEED_MAX_PAYMENT_AMOUNT": "LIMIT_EXCEEDED",
    "EXCEED_MAX_AMOUNT": "LIMIT_EXCEEDED",
    "EXCEED_MAX_MONTHLY_PAYMENT_AMOUNT": "LIMIT_EXCEEDED",
    "EXCEED_MAX_ONE_DAY_WITHDRAW_AMOUNT": "LIMIT_EXCEEDED",
    "EXCEED_MAX_ONE_TIME_WITHDRAW_AMOUNT": "LIMIT_EXCEEDED",
    "NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT": "TRANSACTION_NOT_PERMITTED",
    "INVALID_CARD_INSTALLMENT_PLAN": "TRANSACTION_NOT_PERMITTED",
    "NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN": "TRANSACTION_NOT_PERMITTED",
    "EXCEED_MAX_CARD_INSTALLMENT_PLAN": "TRANSACTION_NOT_PERMITTED",
    "NOT_ALLOWED_POINT_USE": "TRANSACTION_NOT_PERMITTED",
    "NOT_AVAILABLE_PAYMENT": "TRANSACTION_NOT_PERMITTED",
    # The processor's or Toss's own failures.
    "CARD_PROCESSING_ERROR": "PROCESSING_ERROR",
    "PROVIDER_ERROR": "PROCESSING_ERROR",
    "COMMON_ERROR": "PROCESSING_ERROR",
    "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING": "PROCESSING_ERROR",
    "FAILED_INTERNAL_SYSTEM_PROCESSING": "PROCESSING_ERROR",
    "FAILED_DB_PROCESSING": "PROCESSING_ERROR",
    "UNKNOWN_PAYMENT_ERROR": "UNKNOWN",
    # The merchant's set-up and keys.
    "NOT_FOUND_TERMINAL_ID": "CONFIGURATION_ERROR",
    "INVALID_UNREGISTERED_SUBMALL": "CONFIGURATION_ERROR",
    "NOT_REGISTERED_BUSINESS": "CONFIGURATION_ERROR",
    "INVALID_API_KEY": "CONFIGURATION_ERROR",
    "UNAUTHORIZED_KEY": "CONFIGURATION_ERROR",
    "INCORRECT_BASIC_AUTH_FORMAT": "CONFIGURATION_ERROR",
    "FORBIDDEN_REQUEST": "CONFIGURATION_ERROR",
    # The request.
    "INVALID_REQUEST": "INVALID_REQUEST",
    "BELOW_MINIMUM_AMOUNT": "INVALID_REQUEST",
    "UNAPPROVED_ORDER_ID": "INVALID_REQUEST",
    "NOT_FOUND_PAYMENT": "INVALID_REQUEST",
    "NOT_FOUND_PAYMENT_SESSION": "INVALID_REQUEST",
    "NOT_FOUND": "INVALID_REQUEST",
    "NOT_CANCELABLE_AMOUNT": "INVALID_REQUEST",
    "NOT_CANCELABLE_PAYMENT": "INVALID_REQUEST",
    "NOT_MATCHES_CUSTOMER_KEY": "INVALID_REQUEST",
    "ALREADY_PROCESSED_PAYMENT": "DUPLICATE",
    "DUPLICATED_ORDER_ID": "DUPLICATE",
}
DECLINE_CODES = [
    "REJECT_CARD_COMPANY", "INVALID_REJECT_CARD", "PAY_PROCESS_ABORTED", "REJECT_CARD_PAYMENT",
    "REJECT_ACCOUNT_PAYMENT", "INVALID_CARD_EXPIRATION", "INVALID_CARD_NUMBER", "INVALID_ACCOUNT_INFO_RE_REGISTER",
    "INVALID_STOPPED_CARD", "RESTRICTED_TRANSFER_ACCOUNT", "INVALID_CARD_LOST_OR_STOLEN", "INVALID_PASSWORD",
    "INVALID_AUTHORIZE_AUTH", "EXCEED_MAX_DAILY_PAYMENT_COUNT", "EXCEED_MAX_PAYMENT_AMOUNT", "EXCEED_MAX_AMOUNT",
    "EXCEED_MAX_MONTHLY_PAYMENT_AMOUNT", "EXCEED_MAX_ONE_DAY_WITHDRAW_AMOUNT", "EXCEED_MAX_ONE_TIME_WITHDRAW_AMOUNT",
    "NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT", "INVALID_CARD_INSTALLMENT_PLAN",
    "NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN", "NOT_ALLOWED_POINT_USE", "NOT_AVAILABLE_PAYMENT",
]
# Failures that are the processor's, not a refusal: an ABORTED payment with one of them failed technically.
TECHNICAL_FAILURES = ["CARD_PROCESSING_ERROR", "PROVIDER_ERROR", "COMMON_ERROR",
                      "FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING", "FAILED_INTERNAL_SYSTEM_PROCESSING"]

PAYMENT_METHODS = {
    "카드": "CARD", "CARD": "CARD",
    "가상계좌": "BANK_TRANSFER", "VIRTUAL_ACCOUNT": "BANK_TRANSFER",
    "계좌이체": "BANK_TRANSFER", "TRANSFER": "BANK_TRANSFER",
    "간편결제": "WALLET", "EASY_PAY": "WALLET",
    "휴대폰": "OTHER", "MOBILE_PHONE": "OTHER",  # billed to the mobile carrier
    "문화상품권": "OTHER", "도서문화상품권": "OTHER", "게임문화상품권": "OTHER", "CULTURE_GIFT_CERTIFICATE": "OTHER",
    "BOOK_GIFT_CERTIFICATE": "OTHER", "GAME_GIFT_CERTIFICATE": "OTHER",
}

CANCEL_KEY = "_payobs_cancel"
PAYMENT_STATUS_LIST = list(PAYMENT_STATUSES)
NON_PAYMENT_EVENTS = ["PAYOUT_STATUS_CHANGED", "SELLER_CHANGED", "METHOD_UPDATED", "CUSTOMER_STATUS_CHANGED",
                      "BILLING_DELETED"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["paymentKey"],
    "status": ["status"],
    "reason_code": ["failure.code", "failure.message"],
    "amount": ["totalAmount"],
    "currency": ["currency"],
    "event_time": ["approvedAt", "requestedAt", "^createdAt"],
    "payment_method": ["method"],
    "merchant_id": ["mId"],
    "customer_country": ["country"],
    "attempt_id": ["paymentKey"],
    "payment_id": ["orderId"],
    "refund_id": [CANCEL_KEY + ".transactionKey"],
}
_PAYMENT_RULES = [
    # Cancelled before approval: nothing was paid, nothing is refunded.
    {"when": {"status": "CANCELED", "approvedAt": {"exists": False}}, "set": {"status_category": "CANCELLED"}},
    {"when": {"status": "ABORTED", "failure.code": TECHNICAL_FAILURES}, "set": {"status_category": "ERROR"}},
    {"when": {"status": "ABORTED", "failure.code": "PAY_PROCESS_CANCELED"}, "set": {"status_category": "CANCELLED"}},
]
_REFUND_FIELDS = {**_PAYMENT_FIELDS,
                  "amount": [CANCEL_KEY + ".cancelAmount", "totalAmount"],
                  "event_time": [CANCEL_KEY + ".canceledAt", "^createdAt"]}

SPEC = {
    "provider": "tosspayments",
    "aliases": ["tosspayments", "toss_payments", "toss payments", "toss", "tosspay", "toss_pay", "토스페이먼츠"],
    "detect": [
        {"path": "paymentKey", "exists": True, "weight": 0.5},
        {"path": "mId", "exists": True, "weight": 0.2},
        {"path": "lastTransactionKey", "exists": True, "weight": 0.3},
        {"path": "balanceAmount", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["WAITING_FOR_DEPOSIT", "PARTIAL_CANCELED", "IN_PROGRESS", "ABORTED"], "weight": 0.1},
        {"path": "data.paymentKey", "exists": True, "weight": 0.5},
        {"path": "eventType", "in": ["PAYMENT_STATUS_CHANGED", "CANCEL_STATUS_CHANGED", "DEPOSIT_CALLBACK",
                                     *NON_PAYMENT_EVENTS], "weight": 0.5},
        # A virtual-account deposit callback {createdAt, secret, status, transactionKey, orderId}.
        {"path": "transactionKey", "exists": True, "weight": 0.2},
        {"path": "secret", "exists": True, "weight": 0.2},
        {"path": "orderId", "exists": True, "weight": 0.1},
        # Error objects {"code", "message"} with Toss Payments' own code names.
        {"path": "code", "in": [c for c in ERROR_CODES if c not in ("INVALID_REQUEST", "NOT_FOUND")]
         + ["PAY_PROCESS_CANCELED"], "weight": 0.5},
    ],
    "amount_unit": "minor",
    "reason_map": ERROR_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "webhook.not_a_payment", "match": {"eventType": NON_PAYMENT_EVENTS},
         "not_a_payment": "a Toss Payments payout, seller, method, customer or billing-key event"},
        {"name": "webhook.payment_refund", "root": "data",
         "match": {"eventType": "PAYMENT_STATUS_CHANGED", "data.status": ["CANCELED", "PARTIAL_CANCELED"],
                   "data.approvedAt": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": PAYMENT_STATUSES, "event_kind": "REFUND"},
        {"name": "webhook.payment", "root": "data", "match": {"eventType": {"exists": True},
                                                              "data.paymentKey": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        {"name": "deposit_callback", "match": {"transactionKey": {"exists": True}, "secret": {"exists": True},
                                               "status": list(DEPOSIT_STATUSES)},
         "status_map": DEPOSIT_STATUSES, "default_payment_method": "BANK_TRANSFER", "default_currency": "KRW",
         "fields": {"provider_transaction_id": ["transactionKey"], "status": ["status"], "event_time": ["createdAt"],
                    "payment_id": ["orderId"], "attempt_id": ["transactionKey"]}},
        {"name": "payment_refund",
         "match": {"paymentKey": {"exists": True}, "status": ["CANCELED", "PARTIAL_CANCELED"],
                   "approvedAt": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": PAYMENT_STATUSES, "event_kind": "REFUND"},
        {"name": "payment", "match": {"paymentKey": {"exists": True}, "status": PAYMENT_STATUS_LIST},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        # An error object {"code", "message"} (HTTP 4xx/5xx) or a failUrl's code.
        {"name": "error", "match": {"code": {"exists": True}, "message": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["code"], "reason_code": ["code", "message"]},
         "rules": [{"when": {"code": DECLINE_CODES}, "set": {"status_category": "DECLINED"}},
                   {"when": {"code": "PAY_PROCESS_CANCELED"}, "set": {"status_category": "CANCELLED"}}]},
    ],
}


def _latest_cancel(payment: dict[str, Any]) -> dict[str, Any] | None:
    cancels = [c for c in payment.get("cancels") or () if isinstance(c, dict)]
    if not cancels:
        return None
    return max(cancels, key=lambda c: str(c.get("canceledAt") or ""))


def _payment_extras(payment: Any) -> Any:
    if not isinstance(payment, dict) or "paymentKey" not in payment:
        return payment
    cancel = _latest_cancel(payment)
    return payment if cancel is None else {**payment, CANCEL_KEY: cancel}


def prepare(body: Any) -> Any:
    """Name the latest cancel (the refund) of a cancelled payment.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if isinstance(body.get("data"), dict) and "eventType" in body:
        data = _payment_extras(body["data"])
        return body if data is body["data"] else {**body, "data": data}
    return _payment_extras(body)
