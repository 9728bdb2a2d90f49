"""Payvision (ACE Hub Payment Services) Payments API: payment, authorize, capture, cancel, refund and status replies.

Sources (documentation and the provider's SDK model files, no test fixtures):
- https://developers.acehubpaymentservices.com/reference (POST /payments: action "payment" / "authorize"; header
  businessId; body.transaction trackingCode "your unique transaction reference", amount, currencyCode (ISO 4217
  alpha-3), brandId "identifies the transaction payment brand"; a reply carries result, description, header
  requestTimestamp and body: transaction {id, action, amount, currencyCode, trackingCode, brandId}, card / bank /
  redirect, error {code, message, detailedMessage})
- https://developers.acehubpaymentservices.com/reference#result-codes-2 ("Result codes"), as the provider's own SDK
  carries them: payvision-development/payvision-sdk-php src/Domain/Payments/ValueObject/{Refund,Cancel}/Response.php
  (TIMEOUT 4, PENDING_MERCHANT 3, PENDING 2, WAITING 1, OK 0, INPUT_ERROR -1, FAILED -2, FAILED_RETRY -3, DECLINED -4,
  DECLINED_RETRY -5, SECURITY_ERROR -6, INTERNAL_SERVER_ERROR -7, BUSINESS_RULE_ERROR -8, FRAUD -9,
  CUSTOMER_PROCESSING_ERROR -10, REFERRALS -11), and the meanings quoted from the reference in
  pronamic/wp-pronamic-pay-payvision src/ResultCode.php: 0 "processed successfully"; 1 "initiated successfully,
  but a payment was not yet made by the customer or not yet confirmed by the bank" (Boletos, SEPA); 2 "initiated and
  waiting for the customer to complete the payment at the bank"; 4 "the payment timeout expired before the customer
  completed the payment"; -2 "failed because of a processing error at Payvision"; -4 "declines ... the processing
  was performed correctly, but the end-result for the customer is not"; -10 "error or cancellation of customer at
  supplier. For example, the customer abandoned their transaction at the supplier"
- brand list (developers.acehubpaymentservices.com/v3.3/reference#brands, as src/BrandId.php of the same plugin
  lists it): 1010 VISA, 1030 American Express, 1050 Maestro, 1210 Bancontact, 3010 iDEAL, 4010 PayPal, 5020 Afterpay
- payvision-sdk-php src/Domain/Service/Helper/AfterpayErrorMessageHelper.php (error code 300400800 "Transaction
  declined by authorization system" and the other messages of that code; 300102000 invalid e-mail address;
  100400030 missing or invalid bill-to / ship-to fields)

Amounts are decimals in the major unit of currencyCode. The result code is the outcome; body.error.code, when the
reply has one, refines the reason. The transaction id is Payvision's id of the attempt; the trackingCode is the
merchant's unique reference of the payment.
"""

from __future__ import annotations

from typing import Any

# Result codes (see the module docstring). Timeout: expired before the customer paid (CANCELLED, docs/taxonomy.md
# "expired unpaid"); customer processing error: the customer abandoned or cancelled at the supplier.
RESULT_STATUSES = {
    "4": "CANCELLED",
    "3": "PENDING",
    "2": "PENDING",
    "1": "PENDING",
    "0": "APPROVED",
    "-1": "ERROR",
    "-2": "ERROR",
    "-3": "ERROR",
    "-4": "DECLINED",
    "-5": "DECLINED",
    "-6": "ERROR",
    "-7": "ERROR",
    "-8": "DECLINED",
    "-9": "DECLINED",
    "-10": "CANCELLED",
    "-11": "DECLINED",
}
RESULT_KEY = "_payobs_result"
# The reason each failing result code names (read after body.error.code: a specific error code wins).
RESULT_REASONS = {
    "result_-1": "INVALID_REQUEST",  # input error: the request did not validate
    "result_-2": "PROCESSING_ERROR",  # a processing error at Payvision
    "result_-3": "PROCESSING_ERROR",  # failed, retry allowed
    "result_-4": "GENERIC_DECLINE",
    "result_-5": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},  # declined, retry allowed
    "result_-6": "CONFIGURATION_ERROR",  # security error: credentials or permissions
    "result_-7": "PROCESSING_ERROR",  # internal server error
    "result_-8": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},  # a business rule refused it
    "result_-9": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # fraud
    "result_-11": "GENERIC_DECLINE",  # referral (docs/taxonomy.md: a referral is a generic decline)
}
ERROR_CODES = {
    "300400800": "GENERIC_DECLINE",  # Transaction declined by authorization system
    "300102000": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # invalid e-mail address (Afterpay)
    "100400030": "INVALID_REQUEST",  # bill-to / ship-to field missing or invalid
}
BRANDS = {
    "1010": ("card", "visa"),
    "1030": ("card", "amex"),
    "1050": ("card", "maestro"),
    "1210": ("bancontact", None),
    "3010": ("ideal", None),
    "4010": ("paypal", None),
    "5020": ("afterpay", None),
}
PAYMENT_METHODS = {"card": "CARD", "bancontact": "BANK_TRANSFER", "ideal": "BANK_TRANSFER", "paypal": "WALLET",
                   "afterpay": "BNPL"}
METHOD_KEY = "_payobs_method"
CARD_BRAND_KEY = "_payobs_card_brand"

_FIELDS = {
    "provider_transaction_id": ["body.transaction.id"],
    "status": [RESULT_KEY],
    "reason_code": ["body.error.code", "body.error.message", f"{RESULT_KEY}_reason"],
    "amount": ["body.transaction.amount"],
    "currency": ["body.transaction.currencyCode"],
    "event_time": ["header.requestTimestamp"],
    "payment_method": [METHOD_KEY],
    "card_brand": [CARD_BRAND_KEY],
    # A capture, cancel or refund reply names the payment transaction it acts on as parentId
    # (payvision-sdk-php src/Domain/Payments/Service/Builder/Refund/ResponseTransaction.php).
    "attempt_id": ["body.transaction.parentId", "body.transaction.id"],
    "payment_id": ["body.transaction.trackingCode"],
}
_RULES = [
    {"when": {"body.transaction.action": ["payment", "authorize"]}, "set": {"event_kind": "AUTHORIZATION"}},
    {"when": {"body.transaction.action": "capture"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"body.transaction.action": ["cancel", "void"]}, "set": {"event_kind": "VOID"}},
    {"when": {"body.transaction.action": ["cancel", "void"], RESULT_KEY: "0"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"body.transaction.action": ["refund", "credit"]}, "set": {"event_kind": "REFUND"}},
    {"when": {"body.transaction.action": ["refund", "credit"], RESULT_KEY: "0"},
     "set": {"status_category": "REFUNDED"}},
]

SPEC = {
    "provider": "payvision",
    "aliases": ["payvision", "pay_vision", "payvision_bv", "acehub", "ace_hub", "ace hub payment services",
                "acehubpaymentservices"],
    "detect": [
        {"path": "body.transaction.trackingCode", "exists": True, "weight": 0.4},
        {"path": "body.transaction.brandId", "exists": True, "weight": 0.2},
        {"path": "header.requestTimestamp", "exists": True, "weight": 0.2},
        {"path": "body.error.detailedMessage", "exists": True, "weight": 0.3},
        {"path": "result", "in": list(RESULT_STATUSES), "weight": 0.1},
        {"path": "body.transaction.currencyCode", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "reason_map": {**ERROR_CODES, **RESULT_REASONS},
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "payment_result",
         "match": {"result": {"exists": True}, "header.requestTimestamp": {"exists": True}},
         "status_map": RESULT_STATUSES, "fields": _FIELDS, "event_kind": "AUTHORIZATION", "rules": _RULES},
        {"name": "payment_result.without_header",
         "match": {"result": {"exists": True}, "body.transaction.trackingCode": {"exists": True}},
         "status_map": RESULT_STATUSES, "fields": _FIELDS, "event_kind": "AUTHORIZATION", "rules": _RULES},
    ],
}


def prepare(body: Any) -> Any:
    """Name the result code (as text) and its reason key, and the payment method and card brand of the brandId.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict) or "result" not in body or isinstance(body.get("result"), (dict, list, bool)):
        return body
    result = str(body["result"]).strip()
    extra: dict[str, Any] = {RESULT_KEY: result}
    if f"result_{result}" in RESULT_REASONS:
        extra[f"{RESULT_KEY}_reason"] = f"result_{result}"
    inner = body.get("body")
    transaction = inner.get("transaction") if isinstance(inner, dict) else None
    brand = str(transaction.get("brandId")).strip() if isinstance(transaction, dict) else ""
    method, card_brand = BRANDS.get(brand, (None, None))
    if method is None and isinstance(inner, dict) and isinstance(inner.get("card"), dict):
        method = "card"
    if method:
        extra[METHOD_KEY] = method
    if card_brand:
        extra[CARD_BRAND_KEY] = card_brand
    return {**body, **extra}
