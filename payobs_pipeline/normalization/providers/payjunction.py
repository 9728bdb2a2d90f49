"""PayJunction REST API: transactions (charges, refunds, verifications), webhooks and the error body.

Sources:
- "GET /transactions/{transactionId}" (developer.payjunction.com/hc/en-us/articles/216477437): the transaction
  {transactionId, uri, terminalId, action, amountBase ... amountTotal in dollars ("7.32"), invoiceNumber, method,
  service, status, created, lastModified, response {approved, code, message, processor {authorized,
  approvalCode, avs, cvv}}, settlement, vault {type CARD, accountType VISA, lastFour}, billing ...}.
- "Quick Start to Transactions" (articles/217584048): actions CHARGE and REFUND (ACH debit and credit alike);
  statuses CAPTURE (settles with the next batch), VOID (cancelled, not settled), HOLD (left unsettled).
  "GET /transactions?{query-parameters}" (articles/1260802694490): status also DECLINED and REJECT (ACH
  rejects); action also VERIFY (a card verification: no payment).
- "Transaction Response Codes" (articles/215872728) and "Full List of Approval Codes and Decline Codes"
  (support.payjunction.com/hc/en-us/articles/213388398): 00 and 85 approval; numeric decline codes 01, 04, 05,
  10 (partial approval, returned DECLINED), 12, 13, 14, 15, 19, 51, 54, 55, 57, 61, 62, 63, 65, 75, 78, 91, 97;
  PayJunction's own alpha codes AA (AVS no match address), AI (AVS not supported international), AN (AVS not
  supported), AU (AVS unavailable). The rest of the alpha list was not findable and is not mapped.
  "Decline Handling" (articles/115004487887): a declined transaction has status DECLINED and response.code.
- "Error Handling" (articles/218165658): {"errors": [{message, parameter, type required | invalid}], "help"}; 401
  authentication failure (help .../documentation/authentication), 400 invalid parameters, 404 not found.
- "Available Webhooks" (articles/115004486287), "TRANSACTION Webhook" (articles/360045542593): {id, created, type,
  data {transactionId | customerId | depositId ...}}; the TRANSACTION, TRANSACTION_SIGNATURE and
  SMARTTERMINAL_REQUEST webhooks name the transaction to fetch (no outcome); CUSTOMER, DEPOSIT and SETTLEMENT are
  no payment.
- USD: PayJunction is US-only (ActiveMerchant lib/active_merchant/billing/gateways/pay_junction_v2.rb:
  supported_countries US, default_currency USD, money_format dollars); the transaction carries no currency.

Lifecycle identity: transactionId is the attempt (a REFUND's transactionId the refund), invoiceNumber the
merchant's payment.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {
    "CAPTURE": "APPROVED",   # approved, settles with the next batch
    "HOLD": "APPROVED",      # approved, kept out of settlement
    "VOID": "CANCELLED",
    "DECLINED": "DECLINED",
    "REJECT": "DECLINED",    # ACH item rejected by the bank
}

RESPONSE_CODES = {  # response.code; the numeric codes are the networks' (ISO 8583 table for the others)
    "01": "GENERIC_DECLINE",            # call issuer
    "04": "LOST_OR_STOLEN_CARD",        # pick up card
    "05": "GENERIC_DECLINE",            # do not honor
    "10": "INSUFFICIENT_FUNDS",         # partial approval, not supported: declined
    "12": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "13": "INVALID_REQUEST",            # card amount invalid
    "14": "INVALID_CARD_DATA",          # card number invalid
    "15": "INVALID_CARD_DATA",          # no such issuer
    "19": "ISSUER_UNAVAILABLE",         # re-enter
    "51": "INSUFFICIENT_FUNDS",
    "54": "EXPIRED_CARD",
    "55": "AUTHENTICATION_FAILED",      # wrong PIN
    "57": "TRANSACTION_NOT_PERMITTED",  # service not allowed
    "61": "LIMIT_EXCEEDED",             # exceeds withdrawal limit
    "62": "RESTRICTED_CARD",            # restricted SIC code
    "63": "TRANSACTION_NOT_PERMITTED",  # restricted
    "65": "LIMIT_EXCEEDED",             # exceeds activity limit
    "75": "AUTHENTICATION_FAILED",      # PIN tries exceeded
    "78": "INVALID_CARD_DATA",          # no account
    "91": "ISSUER_UNAVAILABLE",         # no reply
    "97": "INCORRECT_CVC",              # CVV2 mismatch
    "AA": "RISK_REJECTED",              # AVS no match: address (account security settings)
    "AI": "RISK_REJECTED",              # AVS not supported international
    "AN": "RISK_REJECTED",              # AVS not supported
    "AU": "RISK_REJECTED",              # AVS unavailable
}
ERROR_TYPES = {"required": "INVALID_REQUEST", "invalid": "INVALID_REQUEST"}

PAYMENT_METHODS = {"CARD": "CARD", "ACH": "DIRECT_DEBIT"}
TRANSACTION_WEBHOOKS = ["TRANSACTION", "TRANSACTION_SIGNATURE", "SMARTTERMINAL_REQUEST", "SMARTTERMINAL_TRANSACTION"]
OTHER_WEBHOOKS = ["CUSTOMER", "DEPOSIT", "SETTLEMENT"]


def prepare(body: Any) -> Any:
    """A transaction webhook names the transaction only: GET /transactions/{transactionId} for its outcome."""
    if (isinstance(body, dict) and body.get("type") in TRANSACTION_WEBHOOKS and isinstance(body.get("data"), dict)
            and "created" in body):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "payjunction: a transaction webhook carries only the transactionId to fetch")
    return body


SPEC = {
    "provider": "payjunction",
    "aliases": ["payjunction", "pay junction", "payjunction.com", "pay_junction", "payjunction_v2"],
    "detect": [
        {"path": "uri", "prefix": ["https://api.payjunction.com/transactions",
                                   "https://api.payjunctionlabs.com/transactions"], "weight": 0.35},
        {"path": "transactionId", "exists": True, "weight": 0.1},
        {"path": "terminalId", "exists": True, "weight": 0.1},
        {"path": "amountBase", "exists": True, "weight": 0.2},
        {"path": "response.processor.authorized", "exists": True, "weight": 0.2},
        {"path": "signatureStatus", "exists": True, "weight": 0.1},
        {"path": "action", "in": ["CHARGE", "REFUND", "VERIFY"], "weight": 0.05},
        {"path": "status", "in": list(STATUSES), "weight": 0.05},
        {"path": "help", "prefix": ["http://developer.payjunction.com", "https://developer.payjunction.com"],
         "weight": 0.5},
        {"path": "type", "in": [*TRANSACTION_WEBHOOKS, *OTHER_WEBHOOKS], "weight": 0.2},
        {"path": "data.transactionId", "exists": True, "weight": 0.1},
        {"path": "data.depositId", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "USD",
    "status_map": STATUSES,
    "reason_map": RESPONSE_CODES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["transactionId"],
        "status": ["status"],
        "reason_code": ["response.code"],
        "amount": ["amountTotal", "amountBase"],
        "event_time": ["lastModified", "created"],
        "payment_method": ["vault.type"],
        "card_brand": ["vault.accountType"],
        "merchant_id": ["terminalId"],
        "attempt_id": ["transactionId"],
        "payment_id": ["invoiceNumber"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"errors.0.message": {"exists": True}},
            "status": "ERROR",
            "reason_map": ERROR_TYPES,
            "default_currency": None,
            "fields": {"provider_transaction_id": [], "reason_code": ["errors.0.type"],
                       "amount": [], "attempt_id": [], "payment_id": []},
            "rules": [{"when": {"help": {"prefix": ["http://developer.payjunction.com/documentation/authentication",
                                                    "https://developer.payjunction.com/documentation/authentication"]}},
                       "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            "name": "webhook.not_a_payment",
            "match": {"type": OTHER_WEBHOOKS, "data": {"exists": True}},
            "not_a_payment": "a PayJunction customer, deposit or settlement webhook",
        },
        {
            "name": "transaction.verify",
            "match": {"action": "VERIFY", "transactionId": {"exists": True}},
            "not_a_payment": "a PayJunction VERIFY transaction checks a card, no payment",
        },
        {
            "name": "transaction.refund",
            "match": {"action": "REFUND", "transactionId": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"refund_id": ["transactionId"], "attempt_id": []},
            "rules": [{"when": {"status": ["CAPTURE", "HOLD"]}, "set": {"status_category": "REFUNDED"}}],
        },
        {
            "name": "transaction",
            "match": {"transactionId": {"exists": True}, "status": {"exists": True}},
            "rules": [{"when": {"status": "VOID"}, "set": {"event_kind": "VOID"}}],
        },
    ],
}
