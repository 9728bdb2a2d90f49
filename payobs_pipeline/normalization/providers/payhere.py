"""PayHere (Sri Lanka): the notify_url callback of a payment (Checkout, Recurring and Preapproval / Charging
APIs), the Retrieval API answer and the Refund API answer.

Sources (the PayHere developer knowledge base, support.payhere.lk/api-&-mobile-sdk/):
- "Checkout API", section "Listening to payment status notification": PayHere POSTs (form encoded) to notify_url
  merchant_id, order_id (the merchant's), payment_id (PayHere's), payhere_amount, payhere_currency, status_code,
  md5sig, custom_1, custom_2, method (VISA, MASTER, AMEX, EZCASH, MCASH, GENIE, VISHWA, PAYAPP, HNB, FRIMI),
  status_message, card_holder_name, card_no, card_expiry. status_code: 2 success, 0 pending, -1 canceled,
  -2 failed, -3 chargedback.
- "Recurring API": the same callback plus recurring, message_type (AUTHORIZATION_SUCCESS, AUTHORIZATION_FAILED,
  RECURRING_INSTALLMENT_SUCCESS, RECURRING_INSTALLMENT_FAILED, RECURRING_COMPLETE, RECURRING_STOPPED),
  item_recurrence, item_duration, item_rec_status, item_rec_date_next, item_rec_install_paid, subscription_id.
  RECURRING_COMPLETE and RECURRING_STOPPED tell the subscription's end, not a payment's outcome.
- "Retrieval API" (``GET /merchant/v1/payment/search?order_id=``): {status 1, msg, data: [{payment_id, order_id,
  date, description, status, currency, amount, customer {fist_name, ...}, amount_detail {currency, gross, fee, net,
  exchange_rate, exchange_from, exchange_to}, payment_method {method, card_customer_name, card_no}, items}]}; the
  payment status is RECEIVED (the example), REFUND REQUESTED, REFUND PROCESSING, REFUNDED or CHARGEBACKED (the
  page names the statuses Received / Refunded / Chargebacked, the older page Approved / Declined / Refunded /
  Chargebacked; the two REFUND ... spellings are recollections of the status list, not read here).
- "Refund API" (``POST /merchant/v1/payment/refund``): {status 1, msg "Successfully processed the refund", data:
  the refund number} or, for a payment authorization (a hold on card released), msg "Successfully processed the
  authorization refund" and data null; status 1 success, 0 error initiating the refund, -1 refund failed (see msg).
- The merchant APIs are OAuth 2 protected (``/merchant/v1/oauth/token``); a missing, invalid or expired token is
  answered with the OAuth 2 error body {error, error_description} (RFC 6749 / 6750 codes invalid_token,
  invalid_client, unauthorized, invalid_grant).

PayHere's failure status names no code (status_message is free text): a failed payment is DECLINED with
failure_reason UNKNOWN. An answer {status 0 | -1, msg, data null} may come from the refund or the retrieval API
(the shape does not say which): it is an ERROR of the API call, 0 a processing error, -1 with no reason named.
Amounts are decimal major units; payhere_currency / currency is LKR, USD, GBP, EUR or AUD.

Lifecycle identity: payment_id (PayHere's) is the attempt; order_id (the merchant's) is the payment; the refund
number the Refund API answers is the refund.
"""

from __future__ import annotations

STATUSES = {
    "2": "APPROVED",  # success
    "0": "PENDING",
    "-1": "CANCELLED",  # canceled
    "-2": "DECLINED",  # failed
    "-3": "CHARGEBACK",  # chargedback
}

RETRIEVAL_STATUSES = {
    "RECEIVED": "APPROVED",
    "APPROVED": "APPROVED",
    "DECLINED": "DECLINED",
    "REFUND REQUESTED": "PENDING",
    "REFUND PROCESSING": "PENDING",
    "REFUNDED": "REFUNDED",
    "CHARGEBACKED": "CHARGEBACK",
}

REFUND_STATUSES = {"1": "REFUNDED"}

API_FAILURE_STATUSES = {"0": "ERROR", "-1": "ERROR"}

MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

REASONS = {
    "-2": "UNKNOWN",  # failed, free-text status_message
    "DECLINED": "UNKNOWN",
    "0": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},  # refund API: error initiating the refund
    "-1": "UNKNOWN",  # refund API: refund failed, see msg
    "invalid_token": MERCHANT_CONFIG,
    "invalid_client": MERCHANT_CONFIG,
    "unauthorized": MERCHANT_CONFIG,
    "invalid_grant": MERCHANT_CONFIG,
    "invalid_request": "INVALID_REQUEST",
}

PAYMENT_METHODS = {
    "VISA": "CARD", "MASTER": "CARD", "AMEX": "CARD",
    "EZCASH": "WALLET", "MCASH": "WALLET", "GENIE": "WALLET", "PAYAPP": "WALLET", "FRIMI": "WALLET",
    "VISHWA": "BANK_TRANSFER", "HNB": "BANK_TRANSFER",  # Sampath Vishwa and HNB online banking
}

CARD_BRANDS = {"MASTER": "mastercard", **{wallet: None for wallet in ("EZCASH", "MCASH", "GENIE", "PAYAPP", "FRIMI")}}

SPEC = {
    "provider": "payhere",
    "aliases": ["payhere", "pay here", "payhere.lk", "payhere lk", "payhere_lk", "payhere sri lanka"],
    "detect": [
        # notify_url callback.
        {"path": "payhere_amount", "exists": True, "weight": 0.4},
        {"path": "payhere_currency", "exists": True, "weight": 0.3},
        {"path": "md5sig", "exists": True, "weight": 0.2},
        {"path": "status_code", "in": list(STATUSES), "weight": 0.1},
        # Retrieval API answer.
        {"path": "data.0.amount_detail.gross", "exists": True, "weight": 0.3},
        {"path": "data.0.amount_detail.exchange_from", "exists": True, "weight": 0.2},
        {"path": "data.0.payment_method.card_customer_name", "exists": True, "weight": 0.3},
        {"path": "data.0.customer.fist_name", "exists": True, "weight": 0.2},
        # Refund API answer.
        {"path": "msg", "in": ["Successfully processed the refund", "Successfully processed the authorization refund"],
         "weight": 0.6},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "subscription_end",
            "match": {"message_type": ["RECURRING_COMPLETE", "RECURRING_STOPPED"]},
            "not_a_payment": "the end of a recurring subscription, not a payment's outcome",
        },
        {
            "name": "notify",
            "match": {"status_code": {"exists": True}, "payment_id": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "status": ["status_code"],
                "reason_code": ["status_code"],
                "amount": ["payhere_amount"],
                "currency": ["payhere_currency"],
                "payment_method": ["method"],
                "card_brand": ["method"],
                "merchant_id": ["merchant_id"],
                "attempt_id": ["payment_id"],
                "payment_id": ["order_id"],
            },
        },
        {
            "name": "retrieval",
            "match": {"data.0.payment_id": {"exists": True}},
            "root": "data.0",
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "status": ["status"],
                "reason_code": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["date"],
                "payment_method": ["payment_method.method"],
                "card_brand": ["payment_method.method"],
                "attempt_id": ["payment_id"],
                "payment_id": ["order_id"],
            },
            "status_map": RETRIEVAL_STATUSES,
            "rules": [{"when": {"status": ["REFUND REQUESTED", "REFUND PROCESSING"]}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "authorization_refund",
            "match": {"status": "1", "msg": "Successfully processed the authorization refund"},
            "status": "CANCELLED",
            "event_kind": "VOID",
            "fields": {},
        },
        {
            "name": "refund",
            "match": {"status": "1", "msg": {"exists": True}, "data": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["data"], "status": ["status"], "refund_id": ["data"]},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "api_failure",
            "match": {"status": ["0", "-1"], "msg": {"exists": True}},
            "fields": {"status": ["status"], "reason_code": ["status"]},
            "status_map": API_FAILURE_STATUSES,
        },
        {
            "name": "oauth_error",
            "match": {"error": {"exists": True}, "error_description": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error"]},
        },
    ],
}
