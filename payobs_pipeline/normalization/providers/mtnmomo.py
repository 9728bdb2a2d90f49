"""MTN MoMo Open API (momodeveloper.mtn.com): the Collection API's request-to-pay (and request-to-withdraw) status
object, which is also the body MTN PUTs to the X-Callback-Url; Disbursement / Remittance transfers, deposits and
the account balance as non-payments; the API's error body {code, message}.

Sources:
- Collection API "RequestToPay" / "RequestToPayTransactionStatus" (momodeveloper.mtn.com API documentation; the
  same model in the Rust SDK docs.rs/crate/mtnmomo src/responses/request_to_pay_result.rs): {amount (a string, in
  the currency's major unit), currency, financialTransactionId, externalId, payer {partyIdType MSISDN | EMAIL |
  PARTY_CODE, partyId}, payerMessage, payeeNote, status PENDING | SUCCESSFUL | FAILED, reason}. The community
  post "MoMo API Error response enrichment" (momodevelopercommunity.mtn.com/product-updates): SUCCESSFUL = the
  subscriber authenticated the transaction with the PIN, PENDING = the subscriber has yet to approve, FAILED with a
  reason in the same body.
- Failure reasons: "Common error codes" (momodeveloper.mtn.com/content/html_widgets/ekANR.html, xkvk5.html):
  INTERNAL_PROCESSING_ERROR (generic, "predominantly ... insufficient customer funds", also service denied or the
  wallet platform unreachable), PAYEE_NOT_FOUND / PAYER_NOT_FOUND (MSISDN invalid or not registered for Mobile
  Money), COULD_NOT_PERFORM_TRANSACTION (timeout: the payer did not approve within 5 minutes). "Failure reasons
  updated" (momodevelopercommunity.mtn.com/errors-46/failure-reasons-updated-momoopenapi-338, also
  momodeveloper.mtn.com/content/html_widgets/ixlfy.html): NOT_ENOUGH_FUNDS, PAYER_NOT_FOUND, TRANSACTION_NOT_FOUND,
  PAYEE_NOT_ALLOWED_TO_RECEIVE (non-active wallet), SENDER_ACCOUNT_NOT_ACTIVE. "Reason for some FAILED API responses
  updated" (momodevelopercommunity.mtn.com/product-updates/reason-for-some-failed-api-responses-updated-192):
  PAYER_LIMIT_REACHED (payer's transaction limit), SENDER_ACCOUNT_NOT_ACTIVE (blocked payer account), NOT_ALLOWED
  (blocked partner account). The rest of the reason enum (APPROVAL_REJECTED, EXPIRED, ONGOING, PAYER_DELAYED,
  PAYEE_DELAYED, NOT_ALLOWED_TARGET_ENVIRONMENT, INVALID_CALLBACK_URL_HOST, INVALID_CURRENCY, SERVICE_UNAVAILABLE,
  TRANSACTION_CANCELED, PAYMENT_NOT_APPROVED, RESOURCE_NOT_FOUND, RESOURCE_ALREADY_EXIST) is the swagger's
  ErrorReason code list, as SDK source carries it (docs.rs mtnmomo src/enums/reason.rs); their meanings are the
  code names and our recollection of the swagger, not a stored docs table.
- Error body: "Common Error Codes" (momodeveloper.mtn.com/content/html_widgets/3fbhs.html): 409
  RESOURCE_ALREADY_EXIST (duplicated X-Reference-Id), 404 RESOURCE_NOT_FOUND (reference id not found), 401 access
  denied (invalid subscription key), 400 bad request; the body is {code, message} (api-evangelist mtn-group
  errors/mtn-group-error-codes.yml, "MoMo Open API" envelope).
- Disbursement transfer / deposit / refund and Remittance cash transfer statuses carry a payee {partyIdType,
  partyId} instead of a payer: money the merchant pays out, not a payment (docs.rs mtnmomo
  src/responses/cash_transfer_result.rs). The Disbursement refund's status object has the same payee shape as a
  transfer and cannot be told apart from it, so it too stays unprocessed. GET account/balance answers
  {availableBalance, currency}.

Statuses: FAILED is DECLINED by its reason, except that a payer who rejected the request (APPROVAL_REJECTED,
TRANSACTION_CANCELED) or let it expire (EXPIRED, COULD_NOT_PERFORM_TRANSACTION: no approval within 5 minutes) is
CANCELLED, and merchant-side configuration or platform reasons (NOT_ALLOWED, NOT_ALLOWED_TARGET_ENVIRONMENT,
INVALID_CALLBACK_URL_HOST, SERVICE_UNAVAILABLE) are ERRORs. PENDING stays PENDING whatever its reason (ONGOING,
PAYER_DELAYED are the sandbox's pending reasons).

Lifecycle identity: financialTransactionId (MoMo's transaction, set once processed) is the attempt; externalId
(the merchant's reconciliation reference) is the payment. The X-Reference-Id names the request only in the URL and
headers, never in the body.
"""

from __future__ import annotations

STATUSES = {"SUCCESSFUL": "APPROVED", "PENDING": "PENDING", "FAILED": "DECLINED"}

REASONS = {
    "NOT_ENOUGH_FUNDS": "INSUFFICIENT_FUNDS",
    "INTERNAL_PROCESSING_ERROR": "GENERIC_DECLINE",  # generic; mostly insufficient funds, also service denied
    "PAYER_NOT_FOUND": "INVALID_CARD_DATA",  # MSISDN invalid or not registered for Mobile Money
    "PAYEE_NOT_FOUND": "INVALID_CARD_DATA",
    "PAYER_LIMIT_REACHED": "LIMIT_EXCEEDED",  # payer's transaction limit exceeded
    "SENDER_ACCOUNT_NOT_ACTIVE": "RESTRICTED_CARD",  # blocked / not activated payer wallet
    "PAYEE_NOT_ALLOWED_TO_RECEIVE": "TRANSACTION_NOT_PERMITTED",  # payee wallet not active
    "INVALID_CURRENCY": "TRANSACTION_NOT_PERMITTED",
    "PAYMENT_NOT_APPROVED": "GENERIC_DECLINE",
    "NOT_ALLOWED": "CONFIGURATION_ERROR",  # blocked partner account / no permission
    "NOT_ALLOWED_TARGET_ENVIRONMENT": "CONFIGURATION_ERROR",
    "INVALID_CALLBACK_URL_HOST": "CONFIGURATION_ERROR",
    "SERVICE_UNAVAILABLE": "ISSUER_UNAVAILABLE",
    "TRANSACTION_NOT_FOUND": "INVALID_REQUEST",
    "RESOURCE_NOT_FOUND": "INVALID_REQUEST",  # 404: the reference id does not exist
    "RESOURCE_ALREADY_EXIST": "DUPLICATE",  # 409: X-Reference-Id already used
}
CUSTOMER_CANCELLED = ["APPROVAL_REJECTED", "TRANSACTION_CANCELED", "EXPIRED", "COULD_NOT_PERFORM_TRANSACTION"]
ERROR_REASONS = ["NOT_ALLOWED", "NOT_ALLOWED_TARGET_ENVIRONMENT", "INVALID_CALLBACK_URL_HOST", "SERVICE_UNAVAILABLE"]
PENDING_REASONS = ["ONGOING", "PAYER_DELAYED", "PAYEE_DELAYED"]
ERROR_CODES = [*REASONS, *CUSTOMER_CANCELLED]
PARTY_ID_TYPES = ["MSISDN", "EMAIL", "PARTY_CODE"]
# The error codes no other API spells so, for recognizing a bare {code, message} body.
OWN_ERROR_CODES = ["PAYER_NOT_FOUND", "PAYEE_NOT_FOUND", "RESOURCE_ALREADY_EXIST", "NOT_ENOUGH_FUNDS",
                   "PAYER_LIMIT_REACHED", "PAYEE_NOT_ALLOWED_TO_RECEIVE", "NOT_ALLOWED_TARGET_ENVIRONMENT",
                   "INVALID_CALLBACK_URL_HOST", "APPROVAL_REJECTED", "COULD_NOT_PERFORM_TRANSACTION",
                   "SENDER_ACCOUNT_NOT_ACTIVE", "INTERNAL_PROCESSING_ERROR"]

PAYOUT = "MoMo pays money out of the merchant's account to a payee (Disbursement / Remittance): not a payment"

SPEC = {
    "provider": "mtnmomo",
    "aliases": ["mtnmomo", "mtn_momo", "mtn momo", "mtn mobile money", "momo open api", "mtn momo api",
                "momodeveloper.mtn.com", "momoapi.mtn.com", "mtn"],
    "detect": [
        {"path": "payer.partyIdType", "in": PARTY_ID_TYPES, "weight": 0.3},
        {"path": "payee.partyIdType", "in": PARTY_ID_TYPES, "weight": 0.3},
        {"path": "financialTransactionId", "exists": True, "weight": 0.3},
        {"path": "externalId", "exists": True, "weight": 0.1},
        {"path": "payerMessage", "exists": True, "weight": 0.1},
        {"path": "payeeNote", "exists": True, "weight": 0.1},
        {"path": "reason", "in": [*ERROR_CODES, *PENDING_REASONS], "weight": 0.1},
        {"path": "availableBalance", "exists": True, "weight": 0.1},
        {"path": "code", "in": OWN_ERROR_CODES, "weight": 0.5},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": {"MSISDN": "WALLET", "EMAIL": "WALLET", "PARTY_CODE": "WALLET"},
    "fields": {
        "provider_transaction_id": ["financialTransactionId", "externalId"],
        "status": ["status"],
        "reason_code": ["reason", "reason.code"],
        "amount": ["amount"],
        "currency": ["currency"],
        "payment_method": ["payer.partyIdType"],
        "attempt_id": ["financialTransactionId"],
        "payment_id": ["externalId"],
    },
    "variants": [
        {"name": "transfer", "match": {"payee.partyIdType": {"exists": True}, "payer.partyIdType": {"exists": False}},
         "not_a_payment": PAYOUT},
        {"name": "balance", "match": {"availableBalance": {"exists": True}},
         "not_a_payment": "the account balance is a report, not a payment"},
        {
            "name": "requesttopay",
            "match": {"payer.partyIdType": {"exists": True}, "status": {"in": list(STATUSES)}},
            "rules": [
                {"when": {"status": "FAILED", "reason": {"in": CUSTOMER_CANCELLED}},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"status": "FAILED", "reason.code": {"in": CUSTOMER_CANCELLED}},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"status": "FAILED", "reason": {"in": ERROR_REASONS}}, "set": {"status_category": "ERROR"}},
                {"when": {"status": "FAILED", "reason.code": {"in": ERROR_REASONS}},
                 "set": {"status_category": "ERROR"}},
            ],
        },
        {
            "name": "error",
            "match": {"code": {"in": ERROR_CODES}, "message": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"provider_transaction_id": [], "reason_code": ["code"], "amount": [], "currency": [],
                       "payment_method": [], "attempt_id": [], "payment_id": []},
        },
    ],
}
