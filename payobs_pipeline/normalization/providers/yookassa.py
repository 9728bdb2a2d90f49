"""YooKassa (formerly Yandex.Kassa; YooMoney, Russia), API v3: the payment object (API answers and the
``object`` of a notification), the refund object, the notifications, and the API error body.

Sources:
- Payment object, API reference (https://yookassa.ru/developers/api#payment_object): id, status, paid,
  amount {value "2.00" (major units), currency}, income_amount, refunded_amount, created_at, captured_at,
  expires_at, payment_method {type, id, saved, title, card {first6, last4, expiry_month, expiry_year,
  card_type, issuer_country, issuer_name}}, recipient {account_id, gateway_id}, authorization_details {rrn,
  auth_code, three_d_secure}, cancellation_details {party, reason}, confirmation, refundable, test, metadata.
  Response format example: https://yookassa.ru/developers/using-api/response-handling/response-format
- Payment statuses (https://yookassa.ru/developers/payment-acceptance/getting-started/payment-process):
  pending (created, awaiting the customer), waiting_for_capture (paid and authorized, awaiting the merchant's
  capture or cancel in a two-stage payment), succeeded (paid, money on its way to the merchant), canceled
  (cancelled or declined: cancellation_details says who and why).
- Declined payments, cancellation_details
  (https://yookassa.ru/en/developers/payment-acceptance/after-the-payment/declined-payments): party merchant /
  yoo_money / payment_network and the reasons 3d_secure_failed, call_issuer, canceled_by_merchant,
  card_expired, country_forbidden, deal_expired, expired_on_capture, expired_on_confirmation,
  fraud_suspected, general_decline, identification_required, insufficient_funds, internal_timeout,
  invalid_card_number, invalid_csc, issuer_unavailable, payment_method_limit_exceeded,
  payment_method_restricted, permission_revoked, unsupported_mobile_operator (the same list in the SDK type
  PaymentCancellationDetails of WEBzaytsev/yookassa-ts-sdk).
- Refunds (https://yookassa.ru/developers/payment-acceptance/after-the-payment/refunds; refund object: id,
  payment_id, status pending / succeeded / canceled, amount, created_at, description, cancellation_details
  {party yoo_money / payment_network, reason general_decline, insufficient_funds, rejected_by_payee,
  rejected_by_timeout, yoo_money_account_closed, payment_article_number_not_found,
  payment_basket_id_not_found, payment_tru_code_not_found, some_articles_already_refunded,
  too_many_refunding_articles}; the SDK type IRefundCancellationDetails lists the same).
- Notifications (https://yookassa.ru/developers/using-api/webhooks): {"type": "notification", "event":
  payment.waiting_for_capture / payment.succeeded / payment.canceled / refund.succeeded / payout.succeeded /
  payout.canceled / deal.closed / payment_method.active, "object": {...}}.
- Payouts (https://yookassa.ru/developers/api#payout_object): id "po-...", amount, status, payout_destination
  {type yoo_money / bank_card / sbp, ...}: money out, kept as not a payment.
- Errors (https://yookassa.ru/en/developers/using-api/response-handling/http-codes and response-format):
  {"type": "error", "id", "code", "description", "parameter"}; code invalid_request (400), invalid_credentials
  (401), forbidden (403), not_found (404), too_many_requests (429), internal_server_error (500: "Processing
  results unavailable", so the outcome is UNKNOWN).

A canceled payment is a decline unless its reason says the merchant cancelled it or it expired: the merchant's
cancel of a two-stage payment (canceled_by_merchant) and an authorization not captured in time
(expired_on_capture) release the authorization (VOID); a payment the customer did not confirm in time
(expired_on_confirmation) or a Safe Deal that expired (deal_expired) is CANCELLED; internal_timeout (YooKassa
could not process the payment in time) is a technical failure, ERROR / TIMEOUT.

Lifecycle identity: a YooKassa payment is one authorization (a declined payment is final; paying again
creates a new payment), so its id is both the attempt and the payment; a refund is the refund object, which
names its payment in payment_id.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "pending": "PENDING",
    "waiting_for_capture": "APPROVED",
    "succeeded": "APPROVED",
    "canceled": "DECLINED",
}

REFUND_STATUSES = {"pending": "PENDING", "succeeded": "REFUNDED", "canceled": "DECLINED"}

# cancellation_details.reason of a payment.
PAYMENT_REASONS = {
    "3d_secure_failed": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "call_issuer": "GENERIC_DECLINE",
    "card_expired": "EXPIRED_CARD",
    "country_forbidden": "TRANSACTION_NOT_PERMITTED",
    "fraud_suspected": "SUSPECTED_FRAUD",
    "general_decline": "GENERIC_DECLINE",
    "identification_required": "LIMIT_EXCEEDED",  # a YooMoney wallet's limits: identify the wallet
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "internal_timeout": "TIMEOUT",
    "invalid_card_number": "INVALID_CARD_DATA",
    "invalid_csc": "INCORRECT_CVC",
    "issuer_unavailable": "ISSUER_UNAVAILABLE",
    "payment_method_limit_exceeded": "LIMIT_EXCEEDED",
    "payment_method_restricted": "RESTRICTED_CARD",
    "permission_revoked": "REVOKED",  # the customer revoked the permission for autopayments
    "unsupported_mobile_operator": "TRANSACTION_NOT_PERMITTED",
}

# cancellation_details.reason of a refund.
REFUND_REASONS = {
    "general_decline": "GENERIC_DECLINE",
    "insufficient_funds": "INSUFFICIENT_FUNDS",  # not enough money on the merchant's balance for the refund
    "rejected_by_payee": "GENERIC_DECLINE",  # the issuer or payment service refused the refund
    "rejected_by_timeout": "TIMEOUT",
    "yoo_money_account_closed": "TRANSACTION_NOT_PERMITTED",  # the wallet to refund to is closed
    "payment_article_number_not_found": "INVALID_REQUEST",
    "payment_basket_id_not_found": "INVALID_REQUEST",
    "payment_tru_code_not_found": "INVALID_REQUEST",
    "some_articles_already_refunded": "INVALID_REQUEST",
    "too_many_refunding_articles": "INVALID_REQUEST",
}

ERRORS = {
    "invalid_request": "INVALID_REQUEST",
    "invalid_credentials": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
    "not_found": "INVALID_REQUEST",
    "too_many_requests": "PROCESSING_ERROR",
    "internal_server_error": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {
    "bank_card": "CARD",
    "apple_pay": "WALLET",
    "google_pay": "WALLET",
    "yoo_money": "WALLET",
    "sberbank": "WALLET",  # SberPay
    "tinkoff_bank": "WALLET",  # T-Pay
    "qiwi": "WALLET",
    "webmoney": "WALLET",
    "wechat": "WALLET",
    "sbp": "BANK_TRANSFER",  # the Faster Payments System
    "alfabank": "BANK_TRANSFER",  # Alfa-Click online banking
    "b2b_sberbank": "BANK_TRANSFER",
    "cash": "CASH_VOUCHER",
    "installments": "BNPL",
    "sber_loan": "BNPL",
    "mobile_balance": "OTHER",
    "electronic_certificate": "OTHER",
}

EVENTS = ["payment.waiting_for_capture", "payment.succeeded", "payment.canceled", "refund.succeeded",
          "payout.succeeded", "payout.canceled", "deal.closed", "payment_method.active"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["cancellation_details.reason"],
    "amount": ["amount.value"],
    "currency": ["amount.currency"],
    "event_time": ["captured_at", "created_at"],
    "payment_method": ["payment_method.type"],
    "card_brand": ["payment_method.card.card_type"],
    "card_country": ["payment_method.card.issuer_country"],
    "merchant_id": ["recipient.account_id"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}

_PAYMENT_RULES = [
    {"when": {"status": "canceled", "cancellation_details.reason": ["canceled_by_merchant", "expired_on_capture"]},
     "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"status": "canceled", "cancellation_details.reason": ["expired_on_confirmation", "deal_expired"]},
     "set": {"status_category": "CANCELLED"}},
    {"when": {"status": "canceled", "cancellation_details.reason": "internal_timeout"},
     "set": {"status_category": "ERROR"}},
]

_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["cancellation_details.reason"],
    "amount": ["amount.value"],
    "currency": ["amount.currency"],
    "event_time": ["created_at"],
    "refund_id": ["id"],
    "payment_id": ["payment_id"],
    "attempt_id": ["payment_id"],
}

_PAYMENT = {"event_kind": "AUTHORIZATION", "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES,
            "reason_map": PAYMENT_REASONS, "rules": _PAYMENT_RULES}
_REFUND = {"event_kind": "REFUND", "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES,
           "reason_map": REFUND_REASONS}

SPEC = {
    "provider": "yookassa",
    "aliases": ["yookassa", "yoo kassa", "yoo_kassa", "ukassa", "юkassa", "yoomoney", "yoo money", "yandex kassa",
                "yandex.kassa", "yandex_kassa", "yandexkassa", "yandex checkout", "yandex.checkout"],
    "detect": [
        # Notifications.
        {"path": "type", "in": ["notification"], "weight": 0.3},
        {"path": "event", "in": EVENTS, "weight": 0.4},
        {"path": "object.recipient.account_id", "exists": True, "weight": 0.2},
        # Payment objects.
        {"path": "recipient.account_id", "exists": True, "weight": 0.3},
        {"path": "recipient.gateway_id", "exists": True, "weight": 0.2},
        {"path": "cancellation_details.party", "in": ["yoo_money", "payment_network", "merchant"], "weight": 0.5},
        {"path": "refundable", "exists": True, "weight": 0.1},
        {"path": "paid", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["waiting_for_capture"], "weight": 0.3},
        {"path": "confirmation.confirmation_url", "prefix": ["https://yoomoney.ru/", "https://yookassa.ru/"],
         "weight": 0.4},
        # Refund objects (id, payment_id, status, amount {value, currency}, created_at): the payment's id, the
        # amount object with a "value" in major units and YooKassa's status words together.
        {"path": "payment_id", "exists": True, "weight": 0.2},
        {"path": "amount.value", "exists": True, "weight": 0.1},
        {"path": "amount.currency", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["pending", "succeeded", "canceled"], "weight": 0.1},
        # Payout objects (API answers): not payments, recognized to be kept aside.
        {"path": "payout_destination.type", "in": ["yoo_money", "bank_card", "sbp"], "weight": 0.3},
        {"path": "id", "prefix": "po-", "weight": 0.3},
        # Error bodies.
        {"path": "type", "in": ["error"], "weight": 0.25},
        {"path": "code", "in": list(ERRORS), "weight": 0.25},
    ],
    "amount_unit": "major",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "notification.not_a_payment", "match": {"type": "notification",
                                                         "event": {"prefix": ["payout.", "deal.", "payment_method."]}},
         "not_a_payment": "a YooKassa payout, Safe Deal or saved payment method notification: not a customer payment"},
        {"name": "payout.not_a_payment", "match": {"payout_destination": {"exists": True}},
         "not_a_payment": "a YooKassa payout object: money out, not a customer payment"},
        {"name": "notification.refund", "match": {"type": "notification", "event": {"prefix": "refund."}},
         "root": "object", **_REFUND},
        {"name": "notification.payment", "match": {"type": "notification", "event": {"prefix": "payment."}},
         "root": "object", **_PAYMENT},
        {"name": "error", "match": {"type": "error", "code": {"exists": True}},
         "status": "ERROR", "fields": {"provider_transaction_id": ["id"], "reason_code": ["code"]},
         "reason_map": ERRORS,
         # 500: "Technical difficulties on the YooMoney's side. Processing results unavailable."
         "rules": [{"when": {"code": "internal_server_error"}, "set": {"status_category": "UNKNOWN"}}]},
        {"name": "refund", "match": {"payment_id": {"exists": True}, "status": {"exists": True},
                                     "paid": {"exists": False}}, **_REFUND},
        {"name": "payment", "match": {"status": {"exists": True}, "amount.value": {"exists": True}}, **_PAYMENT},
    ],
}
