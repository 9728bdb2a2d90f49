"""MONEI (Spain): the Payment object (API answers, the callbackUrl notification, which posts the Payment itself),
account webhooks that wrap a Payment in ``{type, object}``, and the API error body.

Sources:
- MONEI API reference, Payment schema (docs.monei.com/apis/rest/schemas/payment): id, amount ("a positive
  integer ... in the smallest currency unit"), currency (ISO 4217), orderId (the merchant's order), accountId,
  authorizationCode, livemode, status, statusCode, statusMessage, refundedAmount, lastRefundAmount,
  lastRefundReason, cancellationReason, paymentMethod {method, card {brand, country, type, last4, ...}},
  billingDetails, customer, createdAt / updatedAt (Unix seconds).
- Payment status enum (docs; MONEI/monei-php-sdk lib/Model/PaymentStatus.php, generated from MONEI's OpenAPI):
  SUCCEEDED, PENDING, FAILED, CANCELED, REFUNDED, PARTIALLY_REFUNDED, AUTHORIZED, EXPIRED.
- "Payment Status Codes" (docs.monei.com/apis/rest/payments): the ``statusCode`` attribute of a Payment.
  E000 approved; E001-E003 pending (processing, authentication, authorization); E1xx configuration errors;
  E2xx transaction errors; E3xx security / 3D Secure; E5xx card errors; E6xx wallets, PayPal and Bizum; E680-E681
  Click to Pay; E700 Cofidis; E999 service internal error. The full table with its messages is the one MONEI's
  own Magento module carries (MONEI/MONEI-AdobeCommerce-Magento2 Model/Service/StatusCodeHandler.php, not a test).
- Error answers (monei-php-sdk lib/Model/BadRequestError.php, NotFoundError, InternalServerError ...):
  {status (the error type), statusCode (the HTTP status, an integer), message, requestId, requestTime}.

Reasons: the statusCode names the reason of a FAILED payment (GENERIC_DECLINE for the "declined by the issuer /
processor" codes, specific reasons where the message names one). The cancellation codes (E222 "the user has
canceled the payment", E507 "cardholder has canceled the payment", E643 Bizum "the user does not want to
continue") describe a customer who gave up, which the taxonomy counts as CANCELLED, not a decline. E224 "No
reason to decline" (Visa's 85, an approval of a verification) is left unmapped: MONEI lists it with the errors
and the docs do not say what a payment carrying it means.

A REFUNDED / PARTIALLY_REFUNDED Payment is read as the refund event; its amount is lastRefundAmount (the refund
that moved it), else refundedAmount. MONEI gives a refund no id of its own.

Lifecycle identity: the Payment id is the attempt; the merchant's orderId is the payment.
"""

from __future__ import annotations

STATUSES = {
    "SUCCEEDED": "APPROVED",
    "AUTHORIZED": "APPROVED",
    "PENDING": "PENDING",
    "FAILED": "DECLINED",
    "CANCELED": "CANCELLED",
    "EXPIRED": "CANCELLED",  # not paid in time: expired unpaid
    "REFUNDED": "REFUNDED",
    "PARTIALLY_REFUNDED": "REFUNDED",
}

# The customer gave up (see the docstring): a FAILED payment with one of these is CANCELLED.
CUSTOMER_CANCELLED_CODES = ["E222", "E507", "E643"]

REASONS = {
    # Configuration (E1xx).
    **{code: "CONFIGURATION_ERROR" for code in ("E101", "E102", "E103", "E104", "E105", "E151")},
    "E150": "INVALID_REQUEST",  # invalid or malformed request
    "E152": "INVALID_REQUEST",  # error while decrypting request
    "E153": "INVALID_REQUEST",  # pre-authorization expired, cannot be canceled or captured
    "E154": "INVALID_REQUEST",
    "E155": "INVALID_REQUEST",
    # Transaction (E2xx).
    "E200": "PROCESSING_ERROR",  # failed during payment processing
    "E201": "GENERIC_DECLINE",  # declined by the card-issuing bank (older text: by processor)
    "E202": "GENERIC_DECLINE",  # declined by the issuing bank
    "E203": "TRANSACTION_NOT_PERMITTED",  # payment method not allowed
    "E204": "INVALID_REQUEST",  # wrong or not allowed currency
    "E205": "INVALID_REQUEST",  # incorrect reference / transaction does not exist
    "E206": "INVALID_REQUEST",  # invalid payment token
    "E207": "TIMEOUT",  # process time exceeded
    "E208": "PROCESSING_ERROR",  # transaction is currently being processed
    "E209": "DUPLICATE",
    "E210": "INVALID_REQUEST",  # wrong or not allowed amount
    "E211": "GENERIC_DECLINE",  # refund declined by processor
    "E212": "INVALID_REQUEST",  # already captured
    "E213": "INVALID_REQUEST",  # already canceled
    "E214": "INVALID_REQUEST",  # capture exceeds the pre-authorized amount
    "E215": "INVALID_REQUEST",
    "E216": "INVALID_REQUEST",
    "E217": "DUPLICATE",  # denied by processor to avoid duplicated operations
    "E218": "INVALID_REQUEST",  # error during payment request validation
    "E219": "INVALID_REQUEST",  # refund exceeds amount
    "E220": "INVALID_REQUEST",  # already fully refunded
    "E221": "INSUFFICIENT_FUNDS",
    "E222": "UNKNOWN",  # the user has canceled the payment (CANCELLED, see CUSTOMER_CANCELLED_CODES)
    "E225": "TRANSACTION_NOT_PERMITTED",  # refund not allowed
    "E226": "TRANSACTION_NOT_PERMITTED",  # violation of law
    "E227": "REVOKED",  # stop payment order
    "E228": "AUTHENTICATION_REQUIRED",  # strong customer authentication required
    # Security / 3D Secure (E3xx).
    "E300": "RISK_REJECTED",  # declined due to security restrictions
    "E301": "AUTHENTICATION_FAILED",
    "E302": "AUTHENTICATION_FAILED",  # authentication process timed out
    "E303": "AUTHENTICATION_FAILED",  # error during the 3D Secure process
    "E304": "INVALID_REQUEST",  # invalid or malformed 3D Secure request
    "E305": "AUTHENTICATION_REQUIRED",  # exemption not allowed
    "E306": "PROCESSING_ERROR",  # exemption error
    "E307": "RISK_REJECTED",  # fraud control error
    "E308": "INVALID_REQUEST",  # external MPI received wrong
    "E309": "CONFIGURATION_ERROR",  # external MPI not enabled
    "E310": "RISK_REJECTED",  # confirmation rejected by the merchant
    # Card (E5xx).
    "E500": "GENERIC_DECLINE",
    "E501": "INVALID_CARD_DATA",  # invalid card number
    "E502": "INVALID_CARD_DATA",  # wrong expiration date
    "E503": "INCORRECT_CVC",
    "E504": "INVALID_CARD_DATA",  # card number not registered
    "E505": "EXPIRED_CARD",
    "E506": "PROCESSING_ERROR",  # error during payment authorization, try again
    "E507": "UNKNOWN",  # cardholder has canceled the payment (CANCELLED)
    "E508": "TRANSACTION_NOT_PERMITTED",  # AMEX not accepted by the processor
    "E509": "SUSPECTED_FRAUD",  # blocked temporarily or under suspicion of fraud
    "E510": "TRANSACTION_NOT_PERMITTED",  # card does not allow pre-authorization
    "E511": "INCORRECT_CVC",  # CVC required
    "E512": "TRANSACTION_NOT_PERMITTED",  # unsupported card type
    "E513": "TRANSACTION_NOT_PERMITTED",
    "E514": "GENERIC_DECLINE",  # declined by card issuer
    "E515": "INVALID_CARD_DATA",  # implausible card data
    "E516": "AUTHENTICATION_FAILED",  # incorrect PIN (as ISO 55)
    "E517": "TRANSACTION_NOT_PERMITTED",  # not allowed for cardholder
    "E518": "LIMIT_EXCEEDED",  # amount exceeds the card limit
    # Wallets, PayPal, Bizum, Click to Pay, Cofidis (E6xx, E700).
    "E600": "GENERIC_DECLINE",
    "E601": "CONFIGURATION_ERROR",
    "E620": "GENERIC_DECLINE",
    "E621": "INVALID_REQUEST",  # PayPal: invalid currency
    "E640": "AUTHENTICATION_FAILED",  # Bizum: three authentication attempts
    "E641": "GENERIC_DECLINE",  # Bizum: failed authorization
    "E642": "INSUFFICIENT_FUNDS",
    "E643": "UNKNOWN",  # Bizum: the user does not want to continue (CANCELLED)
    "E644": "GENERIC_DECLINE",  # rejected by destination bank
    "E645": "GENERIC_DECLINE",  # rejected by origin bank
    "E646": "GENERIC_DECLINE",  # rejected by processor
    "E647": "PROCESSING_ERROR",  # failed connecting with processor
    "E648": "INVALID_REQUEST",  # payee not found
    "E649": "INVALID_REQUEST",  # payer not found
    "E650": "CONFIGURATION_ERROR",  # Bizum REST not implemented
    "E651": "AUTHENTICATION_FAILED",
    "E652": "TRANSACTION_NOT_PERMITTED",  # the customer has disabled Bizum
    "E680": "GENERIC_DECLINE",
    "E681": "CONFIGURATION_ERROR",
    "E700": "GENERIC_DECLINE",
    "E999": "PROCESSING_ERROR",  # service internal error
}

# The HTTP status of an error answer (taxonomy: API error answers).
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "409": "DUPLICATE", "408": "TIMEOUT", "504": "TIMEOUT",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {
    "card": "CARD", "clickToPay": "CARD",
    "applePay": "WALLET", "googlePay": "WALLET", "paypal": "WALLET", "bizum": "WALLET", "mbway": "WALLET",
    "alipay": "WALLET", "blik": "BANK_TRANSFER",
    "klarna": "BNPL", "cofidis": "BNPL", "cofidisLoan": "BNPL",
    "sepa": "DIRECT_DEBIT",
    "multibanco": "CASH_VOUCHER",
    **{bank: "BANK_TRANSFER" for bank in ("trustly", "sofort", "iDeal", "bancontact", "eps", "giropay")},
}

_STATUS_CODES = ["E000", "E001", "E002", "E003", *REASONS]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["statusCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updatedAt", "createdAt"],
    "payment_method": ["paymentMethod.method"],
    "card_brand": ["paymentMethod.card.brand"],
    "card_country": ["paymentMethod.card.country"],
    "customer_country": ["billingDetails.address.country", "shippingDetails.address.country"],
    "merchant_id": ["accountId"],
    "attempt_id": ["id"],
    "payment_id": ["orderId"],
}

_REFUND_AMOUNT = ["lastRefundAmount", "refundedAmount", "amount"]

_RULES = [
    {"when": {"status": "FAILED", "statusCode": {"in": CUSTOMER_CANCELLED_CODES}},
     "set": {"status_category": "CANCELLED"}},
]


def _payment_variants(prefix: str, root: str | None) -> list[dict]:
    """The Payment read at the top level or under an account webhook's ``object``."""
    rooted = {"root": root} if root else {}
    refunded = {f"{prefix}status": {"in": ["REFUNDED", "PARTIALLY_REFUNDED"]}}
    return [
        {"name": f"{root or 'payment'}.refund", **rooted, "match": {f"{prefix}id": {"exists": True}, **refunded},
         "event_kind": "REFUND", "fields": {**_PAYMENT_FIELDS, "amount": _REFUND_AMOUNT}, "rules": _RULES},
        {"name": f"{root or 'payment'}.payment", **rooted,
         "match": {f"{prefix}id": {"exists": True}, f"{prefix}status": {"in": list(STATUSES)}},
         "fields": _PAYMENT_FIELDS, "rules": _RULES},
    ]


SPEC = {
    "provider": "monei",
    "aliases": ["monei", "monei payments", "monei.com", "monei api"],
    "detect": [
        {"path": "statusCode", "in": _STATUS_CODES, "weight": 0.6},
        {"path": "object.statusCode", "in": _STATUS_CODES, "weight": 0.6},
        {"path": "accountId", "exists": True, "weight": 0.1},
        {"path": "object.accountId", "exists": True, "weight": 0.1},
        {"path": "statusMessage", "exists": True, "weight": 0.1},
        {"path": "object.statusMessage", "exists": True, "weight": 0.1},
        {"path": "livemode", "exists": True, "weight": 0.05},
        {"path": "status", "in": ["PARTIALLY_REFUNDED", "AUTHORIZED", "CANCELED", "EXPIRED", "SUCCEEDED",
                                  "FAILED"], "weight": 0.05},
        {"path": "requestId", "exists": True, "weight": 0.1},
        {"path": "requestTime", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"requestId": {"exists": True}, "message": {"exists": True}, "statusCode": {"exists": True},
                      "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["statusCode"]},
            "reason_map": HTTP_REASONS,
        },
        *_payment_variants("object.", "object"),
        *_payment_variants("", None),
    ],
}
