"""Airtel Africa (Airtel Money Open API, openapi.airtel.africa): the Collection API's callback, its transaction
enquiry and USSD-push answers, the refund answer, and the ESB error answer; disbursements as non-payments.

Sources:
- Airtel Africa developer documentation (developers.airtel.africa, Collection API), as copied in the WordPress plugin
  finachub-checkout-for-m-pesa resources/airtelmoneydocs.txt: base URLs openapiuat / openapi.airtel.africa; POST
  /merchant/v1/payments/ (USSD push) answers {data {transaction {id, status}}, status {code, message, result_code,
  response_code, success}}; GET /standard/v1/payments/{id} (transaction enquiry) answers {data {transaction
  {airtel_money_id, id, message, status}}, status {...}} where transaction.status is TS (success), TF (failed), TA
  (ambiguous), TIP (in progress) or TE (expired); the callback posts {transaction {id, message, status_code,
  airtel_money_id}} (the authenticated callback adds a hash) with status_code TS or TF; POST
  /standard/v1/payments/refund answers {data {transaction {airtel_money_id, status}}, status {...}}.
- Collection response codes (the same documentation's table, reproduced code by code in app code such as the
  AirtelPaymentService getCollectionErrorMessage map and providers/airtel.py docstrings found by the code search):
  DP00800001000 ambiguous (still processing, enquire), DP00800001001 success, DP00800001002 incorrect PIN,
  DP00800001003 exceeds the wallet's withdrawal amount limit, DP00800001004 invalid amount (less than the minimum
  allowed), DP00800001005 transaction id invalid (the user didn't enter the PIN), DP00800001006 in process (pending),
  DP00800001007 not enough balance, DP00800001008 refused, DP00800001010 not permitted to the payee (barred, churned
  or not registered), DP00800001024 timed out, DP00800001025 transaction not found, DP00800001026 forbidden
  (x-signature and payload did not match), DP00800001029 expired. DP00800001009 ("refused") rests on SDK source only.
- Disbursement answers use the DP009 series (DP00900001000 ambiguous, 001 success, 011 duplicate: app code enum
  AirtelApiDisbursementStatusResponseCodeEnum): money paid out, not a payment.
- ESB result codes (status.result_code): ESB000010 success and ESB000011 failed are in the documentation's answers;
  the error codes ESB000001 (something went wrong), ESB000004 (error initiating the payment), ESB000008 (field
  validation), ESB000014 (error fetching the status), ESB000033 / 034 / 035 (invalid MSISDN length, country,
  currency), ESB000036 (invalid or unknown MSISDN), ESB000039 (vendor not configured), ESB000041 (external transaction
  id already exists), ESB000045 (no transaction with that id) are from our recollection of the same page.

No amount or currency is mapped: the answers carry none (X-Country / X-Currency are request headers), and the
callback states the amount only inside its free-text message.

Lifecycle identity: airtel_money_id (Airtel Money's transaction, "MP..." in the callback) is the attempt;
transaction.id, the partner's own transaction id sent in the request, is the payment. A refund names the purchase
only by its airtel_money_id.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {"TS": "APPROVED", "TF": "DECLINED", "TA": "UNKNOWN", "TIP": "PENDING", "TE": "CANCELLED"}

RESPONSE_STATUSES = {
    "DP00800001000": "UNKNOWN",  # ambiguous: still processing
    "DP00800001001": "APPROVED",
    "DP00800001006": "PENDING",  # in process
    "DP00800001005": "CANCELLED",  # the user didn't enter the PIN
    "DP00800001029": "CANCELLED",  # expired
    "DP00800001025": "ERROR",  # transaction not found
    "DP00800001026": "ERROR",  # x-signature and payload did not match
}
REASONS = {
    "DP00800001000": "UNKNOWN",
    "DP00800001002": "AUTHENTICATION_FAILED",  # incorrect PIN
    "DP00800001003": "LIMIT_EXCEEDED",  # wallet's withdrawal limit exceeded
    "DP00800001004": "INVALID_REQUEST",  # below the minimum amount allowed
    "DP00800001007": "INSUFFICIENT_FUNDS",
    "DP00800001008": "GENERIC_DECLINE",  # refused
    "DP00800001009": "GENERIC_DECLINE",  # refused (SDK source only)
    "DP00800001010": "TRANSACTION_NOT_PERMITTED",  # payee barred, churned or not registered
    "DP00800001024": "TIMEOUT",
    "DP00800001025": "INVALID_REQUEST",
    "DP00800001026": "CONFIGURATION_ERROR",
    # ESB result codes of a failed call (recollection, see above)
    "ESB000001": "PROCESSING_ERROR",
    "ESB000004": "PROCESSING_ERROR",
    "ESB000008": "INVALID_REQUEST",
    "ESB000014": "PROCESSING_ERROR",
    "ESB000033": "INVALID_REQUEST",
    "ESB000034": "INVALID_REQUEST",
    "ESB000035": "INVALID_REQUEST",
    "ESB000036": "INVALID_CARD_DATA",  # invalid or unknown MSISDN
    "ESB000039": "CONFIGURATION_ERROR",
    "ESB000041": "DUPLICATE",
    "ESB000045": "INVALID_REQUEST",
}
STATUSES = {
    **TRANSACTION_STATUSES,
    **RESPONSE_STATUSES,
    **{code: "DECLINED" for code in REASONS if code.startswith("DP") and code not in RESPONSE_STATUSES},
}
ESB_ERRORS = [code for code in REASONS if code.startswith("ESB")]

SPEC = {
    "provider": "airtelafrica",
    "aliases": ["airtelafrica", "airtel_africa", "airtel africa", "airtel money", "airtel", "airtel_money",
                "openapi.airtel.africa", "developers.airtel.africa", "airtel money africa"],
    "detect": [
        {"path": "transaction.status_code", "in": list(TRANSACTION_STATUSES), "weight": 0.3},
        {"path": "transaction.airtel_money_id", "exists": True, "weight": 0.3},
        {"path": "data.transaction.airtel_money_id", "exists": True, "weight": 0.2},
        {"path": "data.transaction.status", "in": list(TRANSACTION_STATUSES), "weight": 0.1},
        {"path": "status.result_code", "prefix": "ESB0000", "weight": 0.3},
        {"path": "status.response_code", "prefix": ["DP008", "DP009"], "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "WALLET",
    "fields": {
        "provider_transaction_id": ["data.transaction.airtel_money_id", "data.transaction.id"],
        "status": ["data.transaction.status"],
        "reason_code": ["status.response_code", "status.result_code"],
        "amount": [],
        "attempt_id": ["data.transaction.airtel_money_id"],
        "payment_id": ["data.transaction.id"],
    },
    "variants": [
        {"name": "disbursement", "match": {"status.response_code": {"prefix": "DP009"}},
         "not_a_payment": "a disbursement pays money out of the merchant's wallet"},
        {
            "name": "callback",
            "match": {"transaction.status_code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction.airtel_money_id", "transaction.id"],
                "status": ["transaction.status_code"],
                "reason_code": [],
                "attempt_id": ["transaction.airtel_money_id"],
                "payment_id": ["transaction.id"],
            },
        },
        {
            "name": "refund",
            "match": {"data.transaction.airtel_money_id": {"exists": True}, "data.transaction.id": {"exists": False},
                      "data.transaction.status": {"in": ["SUCCESS", "FAILED"]}},
            "event_kind": "REFUND",
            "status_map": {"SUCCESS": "REFUNDED", "FAILED": "DECLINED"},
            "fields": {"refund_id": [], "payment_id": []},
        },
        {"name": "enquiry", "match": {"data.transaction.status": {"in": list(TRANSACTION_STATUSES)}}},
        {
            "name": "push_answer",
            "match": {"status.response_code": {"in": [code for code in STATUSES if code.startswith("DP")]},
                      "status.result_code": {"not_in": ESB_ERRORS}},
            "fields": {"status": ["status.response_code"]},
        },
        {
            "name": "error",
            "match": {"status.result_code": {"in": ESB_ERRORS}},
            "status": "ERROR",
            "fields": {"reason_code": ["status.result_code", "status.response_code"]},
        },
    ],
}
