"""PortOne (formerly iamport, Korea): REST API V1 payment answers and webhooks, REST API V2 payments, webhooks and
errors.

Sources:
- developers.portone.io/api/rest-v1/payment (V1: every answer is {"code": 0 | -1 ..., "message", "response"};
  the payment annotation: imp_uid, merchant_uid, pay_method (card, trans, vbank, phone, samsung, kakaopay, payco,
  naverpay, tosspay, paypal, cultureland, ...), pg_provider, pg_tid, amount, cancel_amount, currency, status
  ready | paid | cancelled | failed, fail_reason, failed_at, paid_at, cancelled_at, started_at, card_name,
  cancel_history[] {pg_tid, amount, cancelled_at, reason, receipt_url}; HTTP 401 {"code": -1, "message":
  "Unauthorized"}, 404 {"code": -1, "message": "존재하지 않는 결제정보입니다."})
- developers.portone.io/opi/ko/integration/webhook/readme-v1 (V1 webhook body {imp_uid, merchant_uid, status})
- developers.portone.io/api/rest-v2 and the @portone/server-sdk Payment types (V2 payment: status READY | PAY_PENDING
  | VIRTUAL_ACCOUNT_ISSUED | PAID | FAILED | PARTIAL_CANCELLED | CANCELLED; id (the merchant's payment id),
  transactionId, merchantId, storeId, method {type PaymentMethodCard | PaymentMethodVirtualAccount |
  PaymentMethodTransfer | PaymentMethodMobile | PaymentMethodEasyPay | PaymentMethodGiftCertificate, card {...}},
  channel {pgProvider}, amount {total, paid, cancelled}, currency, requestedAt, paidAt, failedAt, failure {reason,
  pgCode, pgMessage}, cancellations[] {status, id, totalAmount, reason, cancelledAt}; errors {"type", "message"}
  with types INVALID_REQUEST, UNAUTHORIZED, FORBIDDEN, PAYMENT_NOT_FOUND, PAYMENT_NOT_PAID, PAYMENT_ALREADY_CANCELLED,
  ALREADY_PAID, CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT, CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN, PG_PROVIDER {pgCode,
  pgMessage}, CHANNEL_NOT_FOUND, BILLING_KEY_NOT_FOUND ...)
- portone-io/developers.portone.io PR 374 (src/content/docs/ko/v2-payment/webhook.mdx: webhook statuses Ready, Paid,
  VirtualAccountIssued, PartialCancelled, Cancelled, Failed, PayPending) and the server SDK's webhook types
  (2024-04-25 format {"type": "Transaction.Paid" | "Transaction.Failed" | ..., "timestamp", "data": {paymentId,
  storeId, transactionId, cancellationId}}; BillingKey.* events are not payments)

A V2 webhook names the payment and its new status but no amount (PortOne says to fetch the payment): it is read
as the status change it reports, with no amount.

Amounts: V1 amount is in the currency's units as charged (KRW has no minor unit); V2 amount.total likewise.

Lifecycle identity: V1 imp_uid / V2 transactionId is the attempt (PortOne's id of one try); the merchant's
merchant_uid / V2 payment id is the payment. A cancellation (V1 cancel_history[], V2 cancellations[]) of a paid
payment is a refund; its id is V2 cancellations[].id or V1 the cancel's pg_tid.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

V1_STATUSES = {"ready": "PENDING", "paid": "APPROVED", "cancelled": "REFUNDED", "failed": "DECLINED"}
V2_STATUSES = {
    "READY": "PENDING",
    "PAY_PENDING": "PENDING",
    "VIRTUAL_ACCOUNT_ISSUED": "PENDING",
    "PAID": "APPROVED",
    "FAILED": "DECLINED",
    "PARTIAL_CANCELLED": "REFUNDED",
    "CANCELLED": "REFUNDED",
}
WEBHOOK_TYPES = {
    "Transaction.Ready": "PENDING",
    "Transaction.PayPending": "PENDING",
    "Transaction.VirtualAccountIssued": "PENDING",
    "Transaction.Paid": "APPROVED",
    "Transaction.Failed": "DECLINED",
    "Transaction.PartialCancelled": "REFUNDED",
    "Transaction.Cancelled": "REFUNDED",
    "Transaction.CancelPending": "PENDING",
}

ERROR_TYPES = {
    "INVALID_REQUEST": "INVALID_REQUEST",
    "PAYMENT_NOT_FOUND": "INVALID_REQUEST",
    "PAYMENT_NOT_PAID": "INVALID_REQUEST",
    "PAYMENT_ALREADY_CANCELLED": "INVALID_REQUEST",
    "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT": "INVALID_REQUEST",
    "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN": "INVALID_REQUEST",
    "CHANNEL_NOT_FOUND": "CONFIGURATION_ERROR",
    "BILLING_KEY_NOT_FOUND": "INVALID_REQUEST",
    "ALREADY_PAID": "DUPLICATE",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "FORBIDDEN": "CONFIGURATION_ERROR",
    "PG_PROVIDER": "PROCESSING_ERROR",  # the PG answered with an error (pgCode, pgMessage)
}
# V1 fail_reason / V2 failure.pgMessage: the PG's words, read by their meaning.
FAILURE_MESSAGES = {
    "잔액부족": "INSUFFICIENT_FUNDS",
    "잔액 부족": "INSUFFICIENT_FUNDS",
    "한도초과": "LIMIT_EXCEEDED",
    "한도 초과": "LIMIT_EXCEEDED",
    "유효기간": {"reason": "EXPIRED_CARD", "source": _CUSTOMER},
    "분실": "LOST_OR_STOLEN_CARD",
    "도난": "LOST_OR_STOLEN_CARD",
    "정지": "RESTRICTED_CARD",
    "비밀번호": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "사용자가 결제를 취소": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},
    "결제를 취소하셨습니다": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},
    "insufficient funds": "INSUFFICIENT_FUNDS",
}
REASONS = {**ERROR_TYPES, **FAILURE_MESSAGES}
# The customer closed the payment window: cancelled, not a decline.
CUSTOMER_CANCEL_WORDS = ["사용자가 결제를 취소", "결제를 취소하셨습니다"]

PAYMENT_METHODS = {
    "card": "CARD", "samsung": "WALLET", "kakaopay": "WALLET", "payco": "WALLET", "naverpay": "WALLET",
    "tosspay": "WALLET", "kpay": "WALLET", "lpay": "WALLET", "ssgpay": "WALLET", "applepay": "WALLET",
    "paypal": "WALLET", "alipay": "WALLET", "wechat": "WALLET",
    "trans": "BANK_TRANSFER", "vbank": "BANK_TRANSFER",
    "phone": "OTHER", "cultureland": "OTHER", "smartculture": "OTHER", "happymoney": "OTHER", "booknlife": "OTHER",
    "point": "OTHER",
    "PaymentMethodCard": "CARD", "PaymentMethodEasyPay": "WALLET", "PaymentMethodVirtualAccount": "BANK_TRANSFER",
    "PaymentMethodTransfer": "BANK_TRANSFER", "PaymentMethodMobile": "OTHER", "PaymentMethodGiftCertificate": "OTHER",
    "PaymentMethodConvenienceStore": "CASH_VOUCHER",
}

MESSAGE_KEY = "_payobs_message_reason"
EVENT_TIME_KEY = "_payobs_event_time"
CANCEL_KEY = "_payobs_cancel"
V1_ERROR_MESSAGES = {"Unauthorized": "CONFIGURATION_ERROR"}

_V1_FIELDS = {
    "provider_transaction_id": ["imp_uid"],
    "status": ["status"],
    "reason_code": [MESSAGE_KEY, "fail_reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": [EVENT_TIME_KEY],
    "payment_method": ["pay_method"],
    "card_brand": ["card_name"],
    "attempt_id": ["imp_uid"],
    "payment_id": ["merchant_uid"],
    "refund_id": [CANCEL_KEY + ".pg_tid"],
}
_V1_RULES = [
    # Cancelled before it was paid (never paid_at): a cancellation, not a refund.
    {"when": {"status": "cancelled", "paid_at": [0, "0"]}, "set": {"status_category": "CANCELLED",
                                                                  "event_kind": "AUTHORIZATION"}},
    {"when": {"status": "failed", MESSAGE_KEY: CUSTOMER_CANCEL_WORDS}, "set": {"status_category": "CANCELLED"}},
]
_V2_FIELDS = {
    "provider_transaction_id": ["transactionId"],
    "status": ["status"],
    "reason_code": [MESSAGE_KEY, "failure.pgCode", "failure.reason"],
    "amount": ["amount.total"],
    "currency": ["currency"],
    "event_time": ["cancelledAt", "failedAt", "paidAt", "statusChangedAt", "requestedAt"],
    "payment_method": ["method.type"],
    "merchant_id": ["merchantId"],
    "attempt_id": ["transactionId"],
    "payment_id": ["id"],
    "refund_id": [CANCEL_KEY + ".id"],
}
_V2_REFUND_FIELDS = {**_V2_FIELDS, "amount": [CANCEL_KEY + ".totalAmount", "amount.cancelled"],
                     "event_time": [CANCEL_KEY + ".cancelledAt", "cancelledAt"]}

SPEC = {
    "provider": "portone",
    "aliases": ["portone", "port_one", "port one", "iamport", "i'mport", "imp", "포트원", "아임포트"],
    "detect": [
        {"path": "imp_uid", "prefix": "imp_", "weight": 0.6},
        {"path": "response.imp_uid", "prefix": "imp_", "weight": 0.6},
        {"path": "merchant_uid", "exists": True, "weight": 0.2},
        {"path": "response.merchant_uid", "exists": True, "weight": 0.2},
        {"path": "pg_provider", "exists": True, "weight": 0.2},
        {"path": "response.pg_provider", "exists": True, "weight": 0.2},
        # V2 payments and webhooks.
        {"path": "storeId", "prefix": "store-", "weight": 0.4},
        {"path": "data.storeId", "prefix": "store-", "weight": 0.3},
        {"path": "version", "in": ["V2", "V1"], "weight": 0.1},
        {"path": "channel.pgProvider", "exists": True, "weight": 0.3},
        {"path": "method.type", "prefix": "PaymentMethod", "weight": 0.4},
        {"path": "type", "in": list(WEBHOOK_TYPES), "weight": 0.5},
        {"path": "type", "prefix": "BillingKey.", "weight": 0.4},
        {"path": "data.paymentId", "exists": True, "weight": 0.2},
        # V1 error answers {"code": -1, "message", "response": null} with PortOne's own message.
        {"path": "message", "prefix": ["존재하지 않는 결제정보", "아임포트"], "weight": 0.5},
        {"path": "type", "in": [t for t in ERROR_TYPES if t not in ("INVALID_REQUEST", "UNAUTHORIZED", "FORBIDDEN")],
         "weight": 0.5},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # V2 webhooks.
        {"name": "v2.webhook.not_a_payment", "match": {"type": {"prefix": "BillingKey."}},
         "not_a_payment": "a PortOne billing-key webhook"},
        {"name": "v2.webhook", "match": {"type": list(WEBHOOK_TYPES), "data.paymentId": {"exists": True}},
         "status_map": WEBHOOK_TYPES,
         "fields": {"status": ["type"], "provider_transaction_id": ["data.transactionId"],
                    "attempt_id": ["data.transactionId"], "payment_id": ["data.paymentId"],
                    "refund_id": ["data.cancellationId"], "event_time": ["timestamp"]}},
        # V2 errors {"type", "message"}.
        {"name": "v2.error", "match": {"type": list(ERROR_TYPES), "message": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["type"], "reason_code": ["pgCode", "type"]}},
        # V2 payments.
        {"name": "v2.payment_refund", "match": {"transactionId": {"exists": True},
                                                "status": ["CANCELLED", "PARTIAL_CANCELLED"],
                                                "paidAt": {"exists": True}},
         "fields": _V2_REFUND_FIELDS, "status_map": V2_STATUSES, "event_kind": "REFUND"},
        {"name": "v2.payment", "match": {"transactionId": {"exists": True}, "status": list(V2_STATUSES)},
         "fields": _V2_FIELDS, "status_map": V2_STATUSES,
         "rules": [{"when": {"status": "CANCELLED", "paidAt": {"exists": False}},
                    "set": {"status_category": "CANCELLED"}}]},
        # V1 answers {"code", "message", "response"}.
        {"name": "v1.response_refund", "root": "response",
         "match": {"code": {"exists": True}, "response.imp_uid": {"exists": True}, "response.status": "cancelled",
                   "response.paid_at": {"exists": True}},
         "fields": _V1_FIELDS, "status_map": V1_STATUSES, "event_kind": "REFUND", "rules": _V1_RULES},
        {"name": "v1.response", "root": "response",
         "match": {"code": {"exists": True}, "response.imp_uid": {"exists": True}},
         "fields": _V1_FIELDS, "status_map": V1_STATUSES, "rules": _V1_RULES},
        {"name": "v1.error", "match": {"code": {"exists": True}, "message": {"exists": True},
                                       "response.imp_uid": {"exists": False}},
         "status": "ERROR", "fields": {"status": ["code"], "reason_code": ["message"]},
         "reason_map": V1_ERROR_MESSAGES,
         # "존재하지 않는 결제정보입니다." and the other V1 errors are the request's.
         "rules": [{"when": {"message": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                   {"when": {"message": "Unauthorized"}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}]},
        # V1 payment annotation kept alone, and the V1 webhook {imp_uid, merchant_uid, status} (no amount).
        {"name": "v1.payment_refund",
         "match": {"imp_uid": {"exists": True}, "status": "cancelled", "paid_at": {"exists": True}},
         "fields": _V1_FIELDS, "status_map": V1_STATUSES, "event_kind": "REFUND", "rules": _V1_RULES},
        {"name": "v1.payment", "match": {"imp_uid": {"exists": True}, "status": list(V1_STATUSES)},
         "fields": _V1_FIELDS, "status_map": V1_STATUSES, "rules": _V1_RULES},
    ],
}


def _message_reason(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    lowered = text.lower()
    for words in FAILURE_MESSAGES:
        if words.lower() in lowered:
            return words
    return None


def _latest(items: Any, time_key: str) -> dict[str, Any] | None:
    entries = [e for e in items or () if isinstance(e, dict)]
    if not entries:
        return None
    return max(entries, key=lambda e: str(e.get(time_key) or ""))


def _payment_extras(payment: Any) -> Any:
    if not isinstance(payment, dict):
        return payment
    extra: dict[str, Any] = {}
    failure = payment.get("failure")
    reason = _message_reason(payment.get("fail_reason")) or (
        _message_reason(failure.get("pgMessage")) or _message_reason(failure.get("reason"))
        if isinstance(failure, dict) else None)
    if reason:
        extra[MESSAGE_KEY] = reason
    # V1 writes 0 for a time that did not happen (paid_at 0 on an unpaid payment).
    for key in ("cancelled_at", "failed_at", "paid_at", "started_at"):
        if payment.get(key) not in (None, "", 0, "0"):
            extra[EVENT_TIME_KEY] = payment[key]
            break
    cancel = _latest(payment.get("cancel_history"), "cancelled_at") or _latest(payment.get("cancellations"),
                                                                              "cancelledAt")
    if cancel is not None:
        extra[CANCEL_KEY] = cancel
    return {**payment, **extra} if extra else payment


def prepare(body: Any) -> Any:
    """Name a failure message's reason and a cancelled payment's latest cancellation (its refund).

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if isinstance(body.get("response"), dict) and "code" in body:
        new = _payment_extras(body["response"])
        return body if new is body["response"] else {**body, "response": new}
    return _payment_extras(body)
