"""KakaoPay (Korea) online payment API (single payment): the ready, approve, order (payment status) and cancel
answers and the error body.

Sources:
- Kakao Developers, KakaoPay "단건 결제" (developers.kakao.com/docs/latest/ko/kakaopay/single-payment), "결제 취소"
  (developers.kakao.com/docs/latest/ko/kakaopay/cancellation) and the API overview (developers.kakao.com/docs/
  restapi/kakaopay-api; developers.kakao.com/docs/latest/ko/kakaopay/common): CID the merchant code, TID "the unique
  number of one payment", AID "the unique number of a payment / cancel / subscription API call", partner_order_id
  the merchant's order number; the cancel answer {aid, tid, cid, status, partner_order_id, partner_user_id,
  payment_method_type, amount, approved_cancel_amount, canceled_amount, cancel_available_amount, ...}; "on failure
  the payment method's (card issuer's) failure information may be included". The newer host
  (open-api.kakaopay.com/online/v1/payment/..., developers.kakaopay.com/docs/payment/online/single-payment) keeps the
  same fields.
- The field-by-field transcription of those pages in iceCreamParlor/mipong packages/payments/src/payments/kakaopay/
  type.ts (KakaoPayReadyResponse, KakaoPayApproveResponse, KakaoPayCancelResponse, KakaoPayGetPaymentResponse with
  payment_action_details {aid, amount, payment_action_type PAYMENT / CANCEL / ISSUED_SID}, KakaoPayFailResponse
  {code, msg, extras {method_result_code, method_result_message}}) and the payment status table as transcribed in
  techteemo182/teemoShopping KakaopayPaymentStatus.java and ClassBridge/ClassBridge-BE KakaoStatusType.java: READY
  (payment requested), SEND_TMS (payment message sent), OPEN_PAYMENT (the user opened the KakaoPay screen),
  SELECT_METHOD (method chosen, authenticated), ARS_WAITING (ARS authentication in progress), AUTH_PASSWORD (password
  authenticated), ISSUED_SID (only a subscription SID issued), SUCCESS_PAYMENT (paid), PART_CANCEL_PAYMENT (partly
  cancelled), CANCEL_PAYMENT (the whole paid amount cancelled), FAIL_AUTH_PASSWORD (the user's password
  authentication failed), QUIT_PAYMENT (the user stopped the payment), FAIL_PAYMENT (payment approval failed).

Statuses: the ready answer is a PENDING payment (the user has not paid); an approve answer is APPROVED; the order
answer's status as above (the in-progress states PENDING; QUIT_PAYMENT the customer gave up, CANCELLED;
FAIL_AUTH_PASSWORD an AUTHENTICATION_FAILED decline; FAIL_PAYMENT a decline whose reason the status does not give);
a cancel of a completed payment (CANCEL_PAYMENT, PART_CANCEL_PAYMENT) is a REFUND for the amount this cancel
returned (the cancel answer's approved_cancel_amount, the order answer's last payment action), named by its AID. An
order with only a subscription SID issued (ISSUED_SID) is no payment.

Error body: {error_code, error_message, extras {method_result_code, method_result_message}} (older answers: code,
msg); an ERROR. KakaoPay's table of error codes (negative numbers) and of the payment methods' method_result_code
values is not stored here, so their reason stays UNKNOWN; an unreadable code is never guessed.

Amounts are whole won (KRW, the only currency of the API). Lifecycle identity: the TID is the attempt (one payment at
KakaoPay); the merchant's partner_order_id the payment; a cancel's AID the refund.
"""

from __future__ import annotations

PENDING_STATUSES = ["READY", "SEND_TMS", "OPEN_PAYMENT", "SELECT_METHOD", "ARS_WAITING", "AUTH_PASSWORD"]

ORDER_STATUSES = {
    **{status: "PENDING" for status in PENDING_STATUSES},
    "SUCCESS_PAYMENT": "APPROVED",
    "PART_CANCEL_PAYMENT": "REFUNDED",
    "CANCEL_PAYMENT": "REFUNDED",
    "FAIL_AUTH_PASSWORD": "DECLINED",
    "QUIT_PAYMENT": "CANCELLED",  # the user stopped the payment
    "FAIL_PAYMENT": "DECLINED",
}
CANCELLED_STATUSES = ["PART_CANCEL_PAYMENT", "CANCEL_PAYMENT"]

REASONS = {
    "FAIL_AUTH_PASSWORD": "AUTHENTICATION_FAILED",
    "FAIL_PAYMENT": "UNKNOWN",  # approval failed, no reason in the status
}

PAYMENT_METHODS = {"CARD": "CARD", "MONEY": "WALLET"}  # a card, or KakaoPay Money

KNOWN_STATUSES = [*ORDER_STATUSES, "ISSUED_SID"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["tid"],
    "amount": ["amount.total"],
    "event_time": ["approved_at", "created_at"],
    "payment_method": ["payment_method_type"],
    "merchant_id": ["cid"],
    "attempt_id": ["tid"],
    "payment_id": ["partner_order_id"],
}

SPEC = {
    "provider": "kakaopay",
    "aliases": ["kakaopay", "kakao pay", "카카오페이", "kakaopay.com", "kakao", "kakaopay online"],
    "detect": [
        {"path": "partner_order_id", "exists": True, "weight": 0.3},
        {"path": "partner_user_id", "exists": True, "weight": 0.2},
        {"path": "next_redirect_pc_url", "exists": True, "weight": 0.4},
        {"path": "tid", "exists": True, "weight": 0.1},
        {"path": "cid", "exists": True, "weight": 0.1},
        {"path": "aid", "exists": True, "weight": 0.1},
        {"path": "status", "in": KNOWN_STATUSES, "weight": 0.2},
        {"path": "payment_method_type", "in": list(PAYMENT_METHODS), "weight": 0.1},
        {"path": "extras.method_result_code", "exists": True, "weight": 0.3},
        {"path": "extras.method_result_message", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "KRW",
    "payment_method_map": PAYMENT_METHODS,
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"extras": {"exists": True}, "tid": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["extras.method_result_code", "error_code", "code"]},
        },
        {
            "name": "error_body",
            "match": {"error_code": {"exists": True}, "error_message": {"exists": True}, "tid": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["error_code"]},
        },
        {
            "name": "ready",
            "match": {"tid": {"exists": True}, "next_redirect_pc_url": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["tid"], "event_time": ["created_at"], "attempt_id": ["tid"]},
        },
        {
            "name": "subscription_key_only",
            "match": {"tid": {"exists": True}, "status": "ISSUED_SID"},
            "not_a_payment": "only a subscription key (SID) was issued, nothing was paid",
        },
        {
            # The cancel answer: this request's AID and approved_cancel_amount.
            "name": "cancel",
            "match": {"tid": {"exists": True}, "aid": {"exists": True},
                      "approved_cancel_amount": {"exists": True}, "status": {"in": CANCELLED_STATUSES}},
            "event_kind": "REFUND",
            "status_map": ORDER_STATUSES,
            "fields": {**_PAYMENT_FIELDS, "status": ["status"], "amount": ["approved_cancel_amount.total"],
                       "event_time": ["canceled_at"], "refund_id": ["aid"]},
        },
        {
            # The order answer of a cancelled payment: the last payment action is the latest cancel.
            "name": "order_cancelled",
            "match": {"tid": {"exists": True}, "status": {"in": CANCELLED_STATUSES}},
            "event_kind": "REFUND",
            "status_map": ORDER_STATUSES,
            "fields": {**_PAYMENT_FIELDS, "status": ["status"],
                       "amount": ["payment_action_details.-1.amount", "canceled_amount.total"],
                       "event_time": ["payment_action_details.-1.approved_at", "canceled_at"],
                       "refund_id": ["payment_action_details.-1.aid"]},
        },
        {
            "name": "order",
            "match": {"tid": {"exists": True}, "status": {"exists": True}},
            "status_map": ORDER_STATUSES,
            "reason_map": REASONS,
            "fields": {**_PAYMENT_FIELDS, "status": ["status"], "reason_code": ["status"]},
        },
        {
            # The approve answer: no status field, an AID and the approval time.
            "name": "approve",
            "match": {"tid": {"exists": True}, "aid": {"exists": True}, "approved_at": {"exists": True},
                      "status": {"exists": False}},
            "status": "APPROVED",
        },
    ],
}
