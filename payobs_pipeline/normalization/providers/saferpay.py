"""Worldline Saferpay (formerly SIX Payment Services): the Payment API ("JSON API") answers a payment's outcome is
read from: PaymentPage Assert / Transaction Authorize / Transaction Inquire (a ``Transaction`` of Type PAYMENT),
Transaction Refund (Type REFUND), Transaction Capture, Transaction Cancel, and the error message every request may
answer with.

Saferpay is a Worldline product but not the Ingenico / GlobalCollect / Worldline Direct / Sips platform the
``worldline`` spec reads: its JSON is PascalCase (``ResponseHeader.SpecVersion``, ``Transaction.SixTransactionReference``,
``ErrorName`` / ``Behavior``), so it has its own slug and detector and neither scores on the other's documents.

Sources:
- Saferpay JSON API specification (saferpay.github.io/jsonapi, "Error Handling", "PaymentPage Assert",
  "Transaction Authorize", "Transaction Capture", "Transaction Refund", "Transaction Cancel"; the
  Payment_Models_Data_PaymentTransaction container): ``Transaction`` {Type PAYMENT | REFUND, Status
  AUTHORIZED | CANCELED | CAPTURED | PENDING ("PENDING is only used for paydirekt at the moment"), Id, Date,
  Amount {Value "in minor unit (CHF 1.00 = 100)", CurrencyCode}, OrderId, AcquirerName, AcquirerReference,
  SixTransactionReference, ApprovalCode}, ``PaymentMeans`` {Brand {PaymentMethod, Name}, Wallet, Card
  {MaskedNumber, CountryCode (the card's issuing country)}}, ``Payer`` {IpLocation, BillingAddress
  {CountryCode}}, ``Liability``.
- The error message (HTTP 400 validation, 401 authentication, 402 requested action failed, 403 access denied,
  500 internal error): ResponseHeader, Behavior (ABORT, RETRY, RETRY_LATER, OTHER_MEANS), ErrorName, ErrorMessage,
  TransactionId, ErrorDetail[], ProcessorName, ProcessorResult ("result code returned by acquirer or
  processor"), ProcessorMessage; and the list of error names ("these names will not change"): ACTION_NOT_SUPPORTED,
  ALIAS_INVALID, AMOUNT_INVALID, AUTHENTICATION_FAILED, BLOCKED_BY_RISK_MANAGEMENT, CARD_CHECK_FAILED,
  CARD_CVC_INVALID, CARD_CVC_REQUIRED, CARD_EXPIRED, COMMUNICATION_FAILED, COMMUNICATION_TIMEOUT,
  CONDITION_NOT_SATISFIED, CURRENCY_INVALID, GENERAL_DECLINED, INTERNAL_ERROR, NO_CONTRACT, NO_CREDITS_AVAILABLE,
  PAYER_AUTHENTICATION_REQUIRED, PAYMENTMEANS_INVALID, PAYMENTMEANS_NOT_SUPPORTED, PERMISSION_DENIED,
  3DS_AUTHENTICATION_FAILED, TOKEN_EXPIRED, TOKEN_INVALID, TRANSACTION_ABORTED, TRANSACTION_ALREADY_CAPTURED,
  TRANSACTION_DECLINED, TRANSACTION_IN_WRONG_STATE, TRANSACTION_NOT_FOUND, TRANSACTION_NOT_STARTED,
  UNEXPECTED_ERROR_BY_ACQUIRER, VALIDATION_FAILED.
- docs.saferpay.com "Error Handling" (a failed payment is read by the same Assert / Authorize call; "Saferpay does
  pass the processor-response through") and "Refunds" (the Capture answer {CaptureId, Status CAPTURED, Date};
  a referenced refund is made against the CaptureId).
- Payment methods: the PaymentPage Initialize ``PaymentMethods`` values (ALIPAY, AMEX, BANCONTACT, BONUS, DINERS,
  DIRECTDEBIT, EPRZELEWY, EPS, GIROPAY, IDEAL, INVOICE, JCB, MAESTRO, MASTERCARD, MYONE, PAYPAL, PAYDIREKT,
  POSTCARD, POSTFINANCE, SAFERPAYTEST, SOFORT, TWINT, UNIONPAY, VISA, VPAY, KLARNA) and ``Wallets`` (APPLEPAY,
  MASTERPASS).

Readings:
- AUTHORIZED and CAPTURED are both approvals (the capture is the merchant's later step); a REFUND transaction
  AUTHORIZED or CAPTURED is a refund the acquirer accepted (REFUNDED), CANCELED a refund withdrawn.
- An error answer's ErrorName decides its status: the declines of the card or payer (TRANSACTION_DECLINED,
  GENERAL_DECLINED, CARD_EXPIRED, CARD_CVC_*, 3DS_AUTHENTICATION_FAILED, PAYER_AUTHENTICATION_REQUIRED,
  PAYMENTMEANS_*, CARD_CHECK_FAILED, BLOCKED_BY_RISK_MANAGEMENT, CONDITION_NOT_SATISFIED) are DECLINED;
  TRANSACTION_ABORTED ("aborted by the payer") CANCELLED; TRANSACTION_NOT_STARTED ("no final result ... try again
  later") PENDING; COMMUNICATION_TIMEOUT ("possible that an authorization was created") UNKNOWN with TIMEOUT; every
  other name an ERROR (request, configuration or Saferpay failures).
- A declined answer's ProcessorResult is read after ErrorName through the shared ISO 8583 table, so an issuer's
  specific code ("51") wins over the generic TRANSACTION_DECLINED.

Lifecycle identity: Transaction.Id (the error's TransactionId) is the attempt, the merchant's OrderId the payment;
a Capture's CaptureId is the capture, a REFUND transaction's Id the refund.
"""

from __future__ import annotations

STATUSES = {"AUTHORIZED": "APPROVED", "CAPTURED": "APPROVED", "PENDING": "PENDING", "CANCELED": "CANCELLED"}

REFUND_STATUSES = {"AUTHORIZED": "REFUNDED", "CAPTURED": "REFUNDED", "PENDING": "PENDING", "CANCELED": "CANCELLED"}

CAPTURE_STATUSES = {"CAPTURED": "APPROVED", "PENDING": "PENDING"}

# ErrorName -> status of the error answer (see the module docstring).
ERROR_STATUSES = {
    **{name: "DECLINED" for name in (
        "TRANSACTION_DECLINED", "GENERAL_DECLINED", "CARD_EXPIRED", "CARD_CVC_INVALID", "CARD_CVC_REQUIRED",
        "3DS_AUTHENTICATION_FAILED", "PAYER_AUTHENTICATION_REQUIRED", "PAYMENTMEANS_INVALID",
        "PAYMENTMEANS_NOT_SUPPORTED", "CARD_CHECK_FAILED", "BLOCKED_BY_RISK_MANAGEMENT", "CONDITION_NOT_SATISFIED")},
    "TRANSACTION_ABORTED": "CANCELLED",
    "TRANSACTION_NOT_STARTED": "PENDING",
    "COMMUNICATION_TIMEOUT": "UNKNOWN",
    **{name: "ERROR" for name in (
        "ACTION_NOT_SUPPORTED", "ALIAS_INVALID", "AMOUNT_INVALID", "AUTHENTICATION_FAILED", "COMMUNICATION_FAILED",
        "CURRENCY_INVALID", "INTERNAL_ERROR", "NO_CONTRACT", "NO_CREDITS_AVAILABLE", "PERMISSION_DENIED",
        "TOKEN_EXPIRED", "TOKEN_INVALID", "TRANSACTION_ALREADY_CAPTURED", "TRANSACTION_IN_WRONG_STATE",
        "TRANSACTION_NOT_FOUND", "UNEXPECTED_ERROR_BY_ACQUIRER", "VALIDATION_FAILED")},
}

REASONS = {
    "ACTION_NOT_SUPPORTED": "INVALID_REQUEST",
    "ALIAS_INVALID": "INVALID_REQUEST",
    "AMOUNT_INVALID": "INVALID_REQUEST",
    "AUTHENTICATION_FAILED": "CONFIGURATION_ERROR",  # wrong password, client certificate or HMAC
    "BLOCKED_BY_RISK_MANAGEMENT": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # the merchant's rules
    "CARD_CHECK_FAILED": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "CARD_CVC_INVALID": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "CARD_CVC_REQUIRED": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "CARD_EXPIRED": "EXPIRED_CARD",
    "COMMUNICATION_FAILED": "PROCESSING_ERROR",
    "COMMUNICATION_TIMEOUT": "TIMEOUT",
    # A condition the merchant set on the request (e.g. authorize only with liability shift) was not met.
    "CONDITION_NOT_SATISFIED": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "CURRENCY_INVALID": "INVALID_REQUEST",
    "GENERAL_DECLINED": "GENERIC_DECLINE",
    "INTERNAL_ERROR": "PROCESSING_ERROR",
    "NO_CONTRACT": "CONFIGURATION_ERROR",  # no contract for the brand / currency
    "NO_CREDITS_AVAILABLE": "CONFIGURATION_ERROR",
    "PAYER_AUTHENTICATION_REQUIRED": {"reason": "AUTHENTICATION_REQUIRED", "decline_type": "SOFT"},
    "PAYMENTMEANS_INVALID": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "PAYMENTMEANS_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "PERMISSION_DENIED": "CONFIGURATION_ERROR",
    "3DS_AUTHENTICATION_FAILED": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "TOKEN_EXPIRED": "INVALID_REQUEST",
    "TOKEN_INVALID": "INVALID_REQUEST",
    "TRANSACTION_ALREADY_CAPTURED": "DUPLICATE",
    "TRANSACTION_DECLINED": "GENERIC_DECLINE",
    "TRANSACTION_IN_WRONG_STATE": "INVALID_REQUEST",
    "TRANSACTION_NOT_FOUND": "INVALID_REQUEST",
    "UNEXPECTED_ERROR_BY_ACQUIRER": "PROCESSING_ERROR",
    "VALIDATION_FAILED": "INVALID_REQUEST",
}

CARD_METHODS = ("AMEX", "BANCONTACT", "BONUS", "DINERS", "JCB", "MAESTRO", "MASTERCARD", "MYONE", "POSTCARD",
                "SAFERPAYTEST", "UNIONPAY", "VISA", "VPAY")

PAYMENT_METHODS = {
    **{method: "CARD" for method in CARD_METHODS},
    "DIRECTDEBIT": "DIRECT_DEBIT",
    **{bank: "BANK_TRANSFER" for bank in ("EPRZELEWY", "EPS", "GIROPAY", "IDEAL", "POSTFINANCE", "SOFORT")},
    **{wallet: "WALLET" for wallet in ("ALIPAY", "PAYPAL", "PAYDIREKT", "TWINT", "APPLEPAY", "MASTERPASS")},
    "INVOICE": "BNPL", "KLARNA": "BNPL",
}

CARD_BRANDS = {
    "AMEX": "amex", "BANCONTACT": "bancontact", "DINERS": "diners", "JCB": "jcb", "MAESTRO": "maestro",
    "MASTERCARD": "mastercard", "UNIONPAY": "unionpay", "VISA": "visa", "VPAY": "visa",
    **{other: None for other in ("SAFERPAYTEST", "BONUS", "MYONE", "POSTCARD", "DIRECTDEBIT", "EPRZELEWY", "EPS",
                                 "GIROPAY", "IDEAL", "POSTFINANCE", "SOFORT", "ALIPAY", "PAYPAL", "PAYDIREKT",
                                 "TWINT", "INVOICE", "KLARNA")},
}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["Transaction.Id"],
    "status": ["Transaction.Status"],
    "amount": ["Transaction.Amount.Value"],
    "currency": ["Transaction.Amount.CurrencyCode"],
    "event_time": ["Transaction.Date"],
    "payment_method": ["PaymentMeans.Wallet", "PaymentMeans.Brand.PaymentMethod"],
    "card_brand": ["PaymentMeans.Brand.PaymentMethod"],
    "card_country": ["PaymentMeans.Card.CountryCode"],
    "customer_country": ["Payer.BillingAddress.CountryCode"],
    "payment_id": ["Transaction.OrderId"],
}

SPEC = {
    "provider": "saferpay",
    "aliases": ["saferpay", "worldline saferpay", "six saferpay", "six payment services", "saferpay json api",
                "saferpay payment api", "worldline_saferpay"],
    "detect": [
        {"path": "ResponseHeader.SpecVersion", "exists": True, "weight": 0.4},
        {"path": "ResponseHeader.RequestId", "exists": True, "weight": 0.1},
        {"path": "Transaction.SixTransactionReference", "exists": True, "weight": 0.5},
        {"path": "Transaction.Type", "in": ["PAYMENT", "REFUND"], "weight": 0.1},
        {"path": "Transaction.AcquirerName", "exists": True, "weight": 0.1},
        {"path": "PaymentMeans.Brand.PaymentMethod", "exists": True, "weight": 0.2},
        {"path": "Liability.LiableEntity", "exists": True, "weight": 0.2},
        {"path": "Behavior", "in": ["ABORT", "RETRY", "RETRY_LATER", "OTHER_MEANS"], "weight": 0.3},
        {"path": "ErrorName", "exists": True, "weight": 0.2},
        {"path": "ProcessorResult", "exists": True, "weight": 0.1},
        {"path": "CaptureId", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "error",
            "match": {"ErrorName": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["TransactionId"],
                "status": ["ErrorName"],
                "reason_code": ["ErrorName", "ProcessorResult"],
                "attempt_id": ["TransactionId"],
                "payment_id": ["OrderId"],
            },
            "status_map": ERROR_STATUSES,
        },
        {
            "name": "refund",
            "match": {"Transaction.Type": "REFUND"},
            "event_kind": "REFUND",
            "fields": {**_TRANSACTION_FIELDS, "refund_id": ["Transaction.Id"]},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "transaction",
            "match": {"Transaction.Status": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {**_TRANSACTION_FIELDS, "attempt_id": ["Transaction.Id"]},
        },
        {
            "name": "capture",
            "match": {"CaptureId": {"exists": True}, "Status": {"exists": True}},
            "event_kind": "CAPTURE",
            "fields": {"provider_transaction_id": ["CaptureId"], "status": ["Status"], "event_time": ["Date"]},
            "status_map": CAPTURE_STATUSES,
        },
        {
            # Transaction Cancel answers the cancelled transaction's id, the order and the date, nothing more.
            "name": "cancel",
            "match": {"ResponseHeader.SpecVersion": {"exists": True}, "TransactionId": {"exists": True},
                      "Transaction": {"exists": False}, "Status": {"exists": False}},
            "status": "CANCELLED",
            "event_kind": "VOID",
            "fields": {"provider_transaction_id": ["TransactionId"], "attempt_id": ["TransactionId"],
                       "payment_id": ["OrderId"], "event_time": ["Date"]},
        },
    ],
}
