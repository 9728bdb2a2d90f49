"""BlueSnap: Payment API card transactions (JSON), their error bodies, and IPN (webhook) key=value posts.

Sources:
- BlueSnap Payment API card transaction response, as modelled in the BlueSnap Node SDK (not its tests):
  https://app.unpkg.com/bluesnap@0.3.4/files/dist/transaction/card/models/CardTransaction.d.ts
  (cardTransactionType, transactionId, amount, usdAmount, currency, vaultedShopperId,
  merchantTransactionId, creditCard, cardHolderInfo, processingInfo, fraudResultInfo) and
  ``transaction/models/ProcessingInfo.d.ts`` (processingStatus, cvvResponseCode, avsResponseCode*,
  authorizationCode, networkTransactionId). Card transaction types AUTH_ONLY, AUTH_CAPTURE, CAPTURE,
  AUTH_REVERSAL, REFUND.
- https://developers.bluesnap.com/v8976-JSON/reference/card-transaction-errors (error bodies
  ``{"message": [{"errorName", "code", "description"}]}``: 7 INVALID_TRANSACTION_TYPE (403), 30, 85, 90,
  10000 INVALID_API_VERSION / PAYMENT_GENERAL_FAILURE / BLS_NO_SUCH_SHOPPER_PAYMENT_METHOD, 10001
  VALIDATION_GENERAL_FAILURE / MERCHANT_CONFIGURATION_ERROR / ..., 11001 XSS_EXCEPTION, 14002 the payment
  processing failures: THREE_D_SECURITY_AUTHENTICATION_REQUIRED ("soft decline due to no 3D Secure"),
  ACCOUNT_CLOSED, AUTHORIZATION_AMOUNT_ALREADY_REVERSED, AUTHORIZATION_AMOUNT_NOT_VALID,
  AUTHORIZATION_EXPIRED, AUTHORIZATION_NOT_FOUND, CALL_ISSUER, CARD_LOST_OR_STOLEN, CVV_ERROR,
  DO_NOT_HONOR, EXPIRED_CARD, ..., 20002 MULTIPLE_TRANSACTIONS_FOUND, 20010 TRANSACTION_ALREADY_CAPTURED),
  https://developers.bluesnap.com/v8976-Extended/reference/payment-errors (the same names with
  BLS_CONNECTION_PROBLEM, BLS_ECP_WRONG_BANK_DETAILS, 14021 AMOUNT_EXCEEDED_MAXIMUM_ALLOWED_FRACTION_DIGITS)
  and the SDK enum ``errors/enum/CardTransactionErrors`` (GENERAL_PAYMENT_PROCESSING_ERROR,
  HIGH_RISK_ERROR, INCORRECT_INFORMATION, INCORRECT_SETUP, INSUFFICIENT_FUNDS, ...).
- https://support.bluesnap.com/docs/ipns-name-reference, https://support.bluesnap.com/docs/ipn-parameter-reference
  and https://support.bluesnap.com/docs/on-demand-ipns (IPN ``transactionType``: CHARGE, AUTH_ONLY(_SINGLE_CHARGE),
  RECURRING, CHARGE_PENDING, DECLINE, CC_CHARGE_FAILED, FRAUD_DECLINE, SUBSCRIPTION_CHARGE_FAILURE, REFUND,
  PENDING_REFUND, CANCELLATION_REFUND, CHARGEBACK, CHARGEBACK_STATUS_CHANGED, RDR, UNDER_REVIEW,
  UNDER_VENDOR_REVIEW; not payments: ACCOUNT_UPDATER, ACH_NOTIFICATION_OF_CHANGE, CANCEL_ON_RENEWAL,
  CONTRACT_CHANGE, PAYMENT_UPDATED, PAYMENT_UPDATE_FAILURE, SUBSCRIPTION_REMINDER, PAYOUT,
  FAILED_PAYOUT_TRANSFER, VENDOR_*, MERCHANT_PARTNER_*; parameters referenceNumber, invoiceChargeAmount,
  invoiceChargeCurrency, paymentMethod, creditCardType, transactionDate, merchantTransactionId, country).
Amounts are major units (``amount`` 10.00 USD; IPN invoiceChargeAmount). The names that are not in the
excerpts read here (INVALID_CARD_NUMBER, LIMIT_EXCEEDED, PICKUP_CARD, RESTRICTED_CARD, SYSTEM_TECHNICAL_ERROR,
TRANSACTION_NOT_ALLOWED, NO_AVAILABLE_PROCESSORS, PROCESSING_*) say their reason in their name; they are mapped
so that a document naming them is read, and do nothing otherwise.
CANCELLATION (an IPN whose meaning the reference read here does not spell out) is left unmapped.
"""

from __future__ import annotations

from typing import Any

_CONFIG = "MERCHANT_CONFIG"
_TECHNICAL = "TECHNICAL"

# errorName of a failed card transaction (the 14002 payment-processing failures are declines).
DECLINE_NAMES: dict[str, Any] = {
    "THREE_D_SECURITY_AUTHENTICATION_REQUIRED": {"reason": "AUTHENTICATION_REQUIRED", "decline_type": "SOFT"},
    "ACCOUNT_CLOSED": "RESTRICTED_CARD",
    "AUTHORIZATION_REVOKED": {"reason": "REVOKED", "decline_type": "HARD"},
    "CALL_ISSUER": "GENERIC_DECLINE",
    "CARD_LOST_OR_STOLEN": "LOST_OR_STOLEN_CARD",
    "CVV_ERROR": "INCORRECT_CVC",
    "DO_NOT_HONOR": "GENERIC_DECLINE",
    "EXPIRED_CARD": "EXPIRED_CARD",
    "HIGH_RISK_ERROR": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "INCORRECT_INFORMATION": "INVALID_CARD_DATA",
    "INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "INVALID_CARD_NUMBER": "INVALID_CARD_DATA",
    "INVALID_CARD_TYPE": "TRANSACTION_NOT_PERMITTED",
    "LIMIT_EXCEEDED": "LIMIT_EXCEEDED",
    "PICKUP_CARD": "LOST_OR_STOLEN_CARD",
    "RESTRICTED_CARD": "RESTRICTED_CARD",
    "TRANSACTION_NOT_ALLOWED": "TRANSACTION_NOT_PERMITTED",
    "PROCESSING_GENERAL_DECLINE": "GENERIC_DECLINE",
    "THE_ISSUER_IS_UNAVAILABLE_OR_OFFLINE": "ISSUER_UNAVAILABLE",
    "BLS_ECP_WRONG_BANK_DETAILS": "INVALID_CARD_DATA",
    "FRAUD_DECLINE": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
}
# errorName of a request BlueSnap refused or could not process (no issuer decision).
ERROR_NAMES: dict[str, Any] = {
    "INVALID_TRANSACTION_TYPE": "INVALID_REQUEST",
    "MISSING_SHOPPER_OR_CARD_HOLDER": "INVALID_REQUEST",
    "INVALID_HTTP_METHOD": "INVALID_REQUEST",
    "MISSING_CARD_TYPE": "INVALID_REQUEST",
    "INVALID_API_VERSION": "INVALID_REQUEST",
    "BLS_NO_SUCH_SHOPPER_PAYMENT_METHOD": "INVALID_REQUEST",
    "PAYMENT_GENERAL_FAILURE": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "VALIDATION_GENERAL_FAILURE": "INVALID_REQUEST",
    "INVALID_MERCHANT_TRANSACTION_ID": "INVALID_REQUEST",
    "INVALID_RECURRING_TRANSACTION": "INVALID_REQUEST",
    "MERCHANT_CONFIGURATION_ERROR": "CONFIGURATION_ERROR",
    "XSS_EXCEPTION": "INVALID_REQUEST",
    "AUTHORIZATION_AMOUNT_ALREADY_REVERSED": "INVALID_REQUEST",
    "AUTHORIZATION_AMOUNT_NOT_VALID": "INVALID_REQUEST",
    "AUTHORIZATION_EXPIRED": "INVALID_REQUEST",
    "AUTHORIZATION_NOT_FOUND": "INVALID_REQUEST",
    "BLS_CONNECTION_PROBLEM": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "GENERAL_PAYMENT_PROCESSING_ERROR": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "SYSTEM_TECHNICAL_ERROR": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "NO_AVAILABLE_PROCESSORS": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "PROCESSING_TIMEOUT": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "PROCESSING_DUPLICATE": "DUPLICATE",
    "PROCESSING_AMOUNT_ERROR": "INVALID_REQUEST",
    "INCORRECT_SETUP": "CONFIGURATION_ERROR",
    "MULTIPLE_TRANSACTIONS_FOUND": "INVALID_REQUEST",
    "TRANSACTION_ALREADY_CAPTURED": "INVALID_REQUEST",
    "AMOUNT_EXCEEDED_MAXIMUM_ALLOWED_FRACTION_DIGITS": "INVALID_REQUEST",
    "BLS_ERROR_IN_PROCESSING_SUBSCRIPTION_PAYMENT": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    # Extended Payment API (XML) errors: the order / invoice the request names is not there or is done.
    "ORDER_NOT_FOUND": "INVALID_REQUEST",  # 10000 Order retrieval service failure
    "INVOICE_ALREADY_FULLY_REFUNDED": "INVALID_REQUEST",  # 14022
}

PROCESSING_STATUSES = {"success": "APPROVED", "pending": "PENDING", "fail": "DECLINED", "failed": "DECLINED",
                       "failure": "DECLINED"}

IPN_STATUSES = {
    "charge": "APPROVED", "auth_only": "APPROVED", "auth_only_single_charge": "APPROVED", "recurring": "APPROVED",
    "offline_order": "APPROVED",
    "charge_pending": "PENDING", "under_review": "PENDING", "under_vendor_review": "PENDING",
    "decline": "DECLINED", "cc_charge_failed": "DECLINED", "subscription_charge_failure": "DECLINED",
    "fraud_decline": "DECLINED",
    "refund": "REFUNDED", "cancellation_refund": "REFUNDED", "pending_refund": "PENDING",
    "chargeback": "CHARGEBACK", "chargeback_status_changed": "CHARGEBACK", "rdr": "CHARGEBACK",
}
_IPN_NOT_PAYMENTS = ["ACCOUNT_UPDATER", "ACH_NOTIFICATION_OF_CHANGE", "CANCEL_ON_RENEWAL", "CONTRACT_CHANGE",
                     "PAYMENT_UPDATED", "PAYMENT_UPDATE_FAILURE", "PAYMENT_UPDATED_FAILURE", "SUBSCRIPTION_REMINDER",
                     "PAYOUT", "FAILED_PAYOUT_TRANSFER", "VENDOR_STATUS_CHANGED", "VENDOR_REPORT_AVAILABLE",
                     "MERCHANT_PARTNER_ONBOARDED", "MERCHANT_PARTNER_STATUS", "CHARGEBACK_FILE_UPLOADED",
                     "DOCUMENT_REQUEST", "CC_STATUS_CHANGED"]

PAYMENT_METHODS = {"cc": "CARD", "credit card": "CARD", "creditcard": "CARD", "ecp": "DIRECT_DEBIT",
                   "ach": "DIRECT_DEBIT", "sepa_direct_debit": "DIRECT_DEBIT", "sepa": "DIRECT_DEBIT",
                   "paypal": "WALLET", "apple_pay": "WALLET", "google_pay": "WALLET", "wire": "BANK_TRANSFER",
                   "local_bank_transfer": "BANK_TRANSFER", "boleto": "BOLETO"}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["transactionId"],
    "status": ["processingInfo.processingStatus"],
    "amount": ["amount"],
    "currency": ["currency"],
    "card_brand": ["creditCard.cardType"],
    "payment_id": ["merchantTransactionId"],
    "card_country": ["creditCard.issuingCountryCode"],
    "customer_country": ["cardHolderInfo.country"],
}

SPEC = {
    "provider": "bluesnap",
    "aliases": ["bluesnap", "blue snap", "blue_snap", "plimus", "bluesnap_payment_api"],
    "detect": [
        # Payment API card transaction.
        {"path": "cardTransactionType", "in": ["AUTH_ONLY", "AUTH_CAPTURE", "CAPTURE", "AUTH_REVERSAL", "REFUND"],
         "weight": 0.5},
        {"path": "processingInfo.processingStatus", "exists": True, "weight": 0.4},
        {"path": "vaultedShopperId", "exists": True, "weight": 0.2},
        {"path": "usdAmount", "exists": True, "weight": 0.1},
        # Error body.
        {"path": "message.errorName", "exists": True, "weight": 0.4},
        {"path": "message.code", "exists": True, "weight": 0.1},
        {"path": "message.description", "exists": True, "weight": 0.1},
        # Extended Payment API (XML) error body: <messages><message><error-name>, <code>, <description>.
        {"path": "messages.message.error-name", "exists": True, "weight": 0.6},
        {"path": "messages.message.code", "exists": True, "weight": 0.1},
        # IPN.
        {"path": "bluesnapNode", "exists": True, "weight": 0.5},
        {"path": "plimusNode", "exists": True, "weight": 0.5},
        {"path": "referenceNumber", "exists": True, "weight": 0.2},
        {"path": "transactionType", "in": [k.upper() for k in IPN_STATUSES] + _IPN_NOT_PAYMENTS, "weight": 0.2},
        {"path": "invoiceChargeAmount", "exists": True, "weight": 0.2},
        {"path": "invoiceChargeCurrency", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "reason_map": {**DECLINE_NAMES, **ERROR_NAMES},
    "card_brand_map": {"AMEX": "amex", "MASTERCARD": "mastercard", "DINERS": "diners", "CARTE_BLEUE": "cartes_bancaires"},
    "variants": [
        {
            "name": "ipn.not_a_payment",
            "match": {"transactionType": _IPN_NOT_PAYMENTS},
            "not_a_payment": "an account, subscription, payout or vendor IPN is not a payment outcome",
        },
        {
            "name": "ipn",
            "match": {"transactionType": {"exists": True}, "referenceNumber": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["referenceNumber"],
                "status": ["transactionType"],
                "amount": ["invoiceChargeAmount"],
                "currency": ["invoiceChargeCurrency"],
                "payment_method": ["paymentMethod"],
                "card_brand": ["creditCardType"],
                "event_time": ["transactionDate"],
                "payment_id": ["merchantTransactionId"],
                "attempt_id": ["referenceNumber"],
                "refund_id": ["reversalRefNum"],
                "dispute_id": ["reversalRefNum"],
                "customer_country": ["invoiceCountry", "country"],
            },
            "status_map": IPN_STATUSES,
            "payment_method_map": PAYMENT_METHODS,
            "rules": [
                {"when": {"transactionType": ["PENDING_REFUND"]}, "set": {"event_kind": "REFUND"}},
                {"when": {"transactionType": ["FRAUD_DECLINE"]},
                 "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
            ],
        },
        {
            # A refused request: a decline when BlueSnap names an issuer/risk reason, else an error.
            "name": "error_body",
            "match": {"message.errorName": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["message.code"], "reason_code": ["message.errorName", "message.code"]},
            "rules": [{"when": {"message.errorName": list(DECLINE_NAMES)}, "set": {"status_category": "DECLINED"}},
                      {"when": {"message.errorName": ["INVOICE_ALREADY_FULLY_REFUNDED"]},
                       "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "card_transaction.refund",
            "match": {"cardTransactionType": "REFUND"},
            "event_kind": "REFUND",
            "fields": _TRANSACTION_FIELDS,
            "status_map": {**PROCESSING_STATUSES, "success": "REFUNDED"},
        },
        {
            "name": "card_transaction",
            "match": {"cardTransactionType": {"exists": True}},
            "fields": {**_TRANSACTION_FIELDS, "attempt_id": ["transactionId"]},
            "status_map": PROCESSING_STATUSES,
            "rules": [
                {"when": {"cardTransactionType": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"cardTransactionType": "AUTH_REVERSAL"}, "set": {"event_kind": "VOID"}},
                {"when": {"cardTransactionType": "AUTH_REVERSAL", "processingInfo.processingStatus": "success"},
                 "set": {"status_category": "CANCELLED"}},
            ],
        },
    ],
}

_REVERSALS = {"REFUND", "CANCELLATION_REFUND", "PENDING_REFUND", "CHARGEBACK", "CHARGEBACK_STATUS_CHANGED", "RDR"}


def _xml_messages(messages: Any) -> dict[str, Any] | None:
    """The Extended Payment API's XML error body (``<messages><message><error-name>..``) as the JSON one
    (``{"message": [{"errorName", "code", "description"}]}``)."""
    items = messages if isinstance(messages, list) else [messages]
    listed = [{"errorName": item.get("error-name"), "code": item.get("code"), "description": item.get("description")}
              for item in items if isinstance(item, dict) and item.get("error-name")]
    return {"message": listed} if listed else None


def prepare(body: Any) -> Any:
    """A refund or chargeback IPN whose amount is written as a negative number, with the amount as a size (a copy).

    A refund's amount is how much was given back; the sign only says the money went back to the shopper.
    """
    if isinstance(body, dict) and isinstance(body.get("messages"), dict) and "message" in body["messages"]:
        return _xml_messages(body["messages"]["message"]) or body
    if not isinstance(body, dict) or str(body.get("transactionType", "")).upper() not in _REVERSALS:
        return body
    amount = body.get("invoiceChargeAmount")
    if isinstance(amount, str) and amount.strip().startswith("-"):
        return {**body, "invoiceChargeAmount": amount.strip()[1:]}
    return body
