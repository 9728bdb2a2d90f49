"""Satispay (Italy): the GBusiness API's Payment (create / get / update answers; refunds are payments of type
REFUND_TO_BUSINESS), its error body, and the bookkeeping objects that are no payment (pre-authorized payment tokens,
daily closures).

Sources:
- Satispay GBusiness Payments API reference (developers.satispay.com, "Create payment" / "Get the details of a
  payment" / "Update a payment"), as stored in api-evangelist/satispay openapi/satispay-payments-api-openapi.yml: the
  Payment's id, code_identifier ("S6Y-PAY--..."), type (TO_BUSINESS; REFUND_TO_BUSINESS for refunds), amount_unit
  ("the payment amount in cents"), currency ("currently EUR is the only currency"), status (PENDING "created and
  awaits user interaction", AUTHORIZED "for FUND_LOCK and PRE_AUTHORIZED_FUND_LOCK flows only ... authorized by the
  user and ready to be confirmed by the merchant", ACCEPTED "accepted and successfully executed"), expired ("true
  once it reaches the expiration_date without being accepted or canceled"), sender / receiver (CONSUMER, SHOP),
  insert_date, expire_date, external_code (the merchant's order id), flow; the examples OK - MATCH_CODE, HOTP_AUTH,
  FUND_LOCK, PRE_AUTHORIZED, PRE_AUTHORIZED_FUND_LOCK, REFUND.
- The same reference's error answers {code, message, wlt}: 400 codes 21 insufficient availability, 27 payment not
  allowed, 36 malformed flow/payment/metadata, 131 payment too old to be refunded, 172 pre-authorized payments token
  not valid, 246 HOTP token not valid; 401 code 34 merchant not found or unauthorized; 403 codes 45 unable to fulfill
  the request, 70 anti-hammering violation; 404 code 41 resource not found; 403 code 44 illegal state transition
  (cancelling a CANCELED or accepting an ACCEPTED payment) and the report codes 189, 190, 244 as consolidated in
  api-evangelist/satispay errors/satispay-problem-types.yml (from the same OpenAPI's 4xx descriptions).
- CANCELED (a payment cancelled by the merchant or the consumer) is the list filter's value (data-model
  satispay-data-model.yml "observed_values: PENDING, ACCEPTED, CANCELED, AUTHORIZED").
- The pre-authorized payment token ("Create authorization", openapi/satispay-g-business-api-openapi.yml: id,
  code_identifier "S6Y-PPT--...", shop_uid, status, reason) and the daily closure ("Retrieve daily closure":
  shop_daily_closure) are no payments.

Not mapped: the S2S callback carries no body (a GET with the payment id in the URL), so there is nothing to read;
the codes 21, 27, 172 and 246 are declines of the payment asked for (the consumer's wallet, eligibility, token), the
other codes API errors.
"""

from __future__ import annotations

STATUSES = {
    "PENDING": "PENDING",
    "AUTHORIZED": "APPROVED",  # funds lock authorized by the consumer, to be confirmed by the merchant
    "ACCEPTED": "APPROVED",
    "CANCELED": "CANCELLED",
}

# The error body's code.
ERROR_REASONS = {
    "21": "INSUFFICIENT_FUNDS",  # insufficient availability
    "27": "TRANSACTION_NOT_PERMITTED",  # consumer or shop cannot pay / receive payments (maybe temporary)
    "34": "CONFIGURATION_ERROR",  # merchant not found or unauthorized (401)
    "36": "INVALID_REQUEST",  # malformed flow, payment or metadata
    "41": "INVALID_REQUEST",  # resource not found (404)
    "44": "INVALID_REQUEST",  # illegal state transition
    "45": "INVALID_REQUEST",  # unable to fulfill the request
    "70": "PROCESSING_ERROR",  # anti-hammering violation (the rate limit)
    "131": "TRANSACTION_NOT_PERMITTED",  # payment too old to be refunded
    "172": "REVOKED",  # pre-authorized payments token not valid (revoked or expired)
    "246": "AUTHENTICATION_FAILED",  # HOTP token not valid
    "189": "INVALID_REQUEST",  # invalid report payload
    "190": "INVALID_REQUEST",  # invalid query type
    "244": "INVALID_REQUEST",  # invalid report merchant id
}
DECLINE_CODES = ["21", "27", "172", "246"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount_unit"],
    "currency": ["currency"],
    "event_time": ["insert_date"],
    "merchant_id": ["receiver.id"],
    "attempt_id": ["id"],
    "payment_id": ["external_code", "description"],
}

_EXPIRED = {"when": {"status": "PENDING", "expired": True}, "set": {"status_category": "CANCELLED"}}

SPEC = {
    "provider": "satispay",
    "aliases": ["satispay", "satispay.com", "satispay gbusiness", "satispay g business", "satispay business"],
    "detect": [
        {"path": "code_identifier", "prefix": "S6Y-", "weight": 0.5},
        {"path": "type", "in": ["TO_BUSINESS", "REFUND_TO_BUSINESS"], "weight": 0.4},
        {"path": "amount_unit", "exists": True, "weight": 0.2},
        {"path": "sender.type", "in": ["CONSUMER", "SHOP"], "weight": 0.05},
        {"path": "receiver.type", "in": ["CONSUMER", "SHOP"], "weight": 0.05},
        {"path": "expired", "exists": True, "weight": 0.05},
        # The error body: the request's trace string "wlt" beside a documented code.
        {"path": "wlt", "exists": True, "weight": 0.4},
        {"path": "code", "in": list(ERROR_REASONS), "weight": 0.2},
        {"path": "shop_daily_closure.amount_unit", "exists": True, "weight": 0.6},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": ERROR_REASONS,
    "default_payment_method": "WALLET",
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"wlt": {"exists": True}, "code": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"]},
            "rules": [{"when": {"code": {"in": DECLINE_CODES}}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "pre_authorized_payment_token",
            "match": {"code_identifier": {"prefix": "S6Y-PPT"}},
            "not_a_payment": "a pre-authorized payment token (the consumer's consent to automatic payments)",
        },
        {
            "name": "daily_closure",
            "match": {"shop_daily_closure": {"exists": True}},
            "not_a_payment": "the shop's daily closure, a report",
        },
        {
            "name": "refund",
            "match": {"type": "REFUND_TO_BUSINESS", "status": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": {"ACCEPTED": "REFUNDED"},
            "fields": {**_PAYMENT_FIELDS, "attempt_id": ["parent_payment_uid"], "refund_id": ["id"],
                       "merchant_id": ["sender.id"], "payment_id": ["external_code"]},
            "rules": [_EXPIRED],
        },
        {
            "name": "payment",
            "match": {"id": {"exists": True}, "status": {"in": list(STATUSES)}, "amount_unit": {"exists": True}},
            "rules": [_EXPIRED],
        },
    ],
}
