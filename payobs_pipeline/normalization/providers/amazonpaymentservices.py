"""Amazon Payment Services (formerly PayFort; the FORT API): purchase / authorization responses and their
direct transaction feedback and notifications, capture / refund / void maintenance responses, check-status
query responses, and the invalid-request answers.

Sources:
- https://paymentservices.amazon.com/docs/developer-resources/error-codes ("The response code consists of 5
  digits: First 2 digits: Status code (operation result); Last 3 digits: Message code (specific error
  details)"; status codes 00 Invalid Request, 01 Order Stored, 02 Authorization Success, 03 Authorization
  Failed, 04 Capture Success, 05 Capture failed, 06 Refund Success, 07 Refund Failed, 08 Authorization Voided
  Successfully, 09 Authorization Void Failed, 10 Incomplete, 11 Check status Failed, 12 Check status success,
  13 Purchase Failure, 14 Purchase Success, 15 Uncertain Transaction, 17 Tokenization failed, 18 Tokenization
  success, 19 Transaction pending, ...)
- the same page's continuation in the PayFort documentation (docs.payfort.com "Transaction Response Codes",
  mirrored at https://bhaskarndas.github.io/payfortdoc/transactioncodes: 20 On hold, 21/22 SDK token creation
  failure/success, 23/24 digital wallet failed/processed, 27..32 card balance and redemption, 40 Transaction In
  review, 42/43 currency conversion, 44/45 3ds success/failed, 46/47 bill creation, 48/49 invoice payment link,
  50/51 batch upload, 52..59 and 66 tokens, 56/57 reporting, 62/63 installment plans, 70..77 batch results,
  processing, bank transfer and validation, 80/81 credit card verified / failed to verify) and its message-code
  table (000 Success, 001 Missing parameter, ..., 029 Insufficient funds, 030 Authentication failed, ..., 666
  Transaction declined, 777 The transaction has been processed, but failed to receive confirmation, 778
  Session timed-out, 785 Transaction blocked by fraud check, 787 Failed to authenticate the user, ...); the
  message table was read as it is reproduced verbatim in an open-source APS client's response class (its
  source, not its tests), the status list also on the official page above.
- https://docs.payfort.com/docs/in-common/build/index.html and the API reference (response parameters:
  command PURCHASE / AUTHORIZATION / CAPTURE / REFUND / VOID_AUTHORIZATION, query_command CHECK_STATUS,
  service_command TOKENIZATION / ..., access_code, merchant_identifier, merchant_reference (the merchant's
  order number), fort_id (the order's reference in APS), maintenance_reference (a refund's own reference),
  amount "multiplied by the currency decimal points" (minor units: AED 100.00 -> 10000), currency, payment_option
  MASTERCARD / VISA / AMEX / MADA / MEEZA / KNET / NAPS / SADAD / VALU ..., digital_wallet APPLE_PAY / ..., eci,
  authorization_code, response_code, response_message, status, card_number (masked), expiry_date,
  customer_ip, 3ds_url; check status: transaction_status, transaction_code, transaction_message,
  authorized_amount, captured_amount, refunded_amount)

How the codes are read: ``status`` gives the category; for a failed operation the message code (the last 3
digits of response_code, named by the prepare hook) gives the failure reason, and a message that says the
request, the configuration or the platform failed (not the payer's bank) makes the failure an ERROR (a failed refund stays DECLINED, docs/taxonomy.md); 072
"cancelled by the consumer" a CANCELLED; 777 "processed, but failed to receive confirmation" an UNKNOWN.

Lifecycle identity: fort_id is the order's reference at APS, shared by its authorization, capture, void and
refunds: it is the attempt (attempt_id) of each; a refund's own id is its maintenance_reference when the
merchant sent one; payment_id is the merchant's merchant_reference.
"""

from __future__ import annotations

from typing import Any

MESSAGE_KEY = "_payobs_aps_message"

_CUSTOMER = "CUSTOMER"
_MERCHANT_CONFIG = "MERCHANT_CONFIG"
_PSP_RISK = "PSP_RISK"

# Status (2 digits) -> category. Operations on something other than a payment are not_a_payment variants.
STATUSES = {
    "00": "ERROR",  # Invalid Request
    "01": "PENDING",  # Order Stored
    "02": "APPROVED",  # Authorization Success
    "03": "DECLINED",  # Authorization Failed
    "04": "APPROVED",  # Capture Success
    "05": "DECLINED",  # Capture failed
    "06": "REFUNDED",  # Refund Success
    "07": "DECLINED",  # Refund Failed
    "08": "CANCELLED",  # Authorization Voided Successfully
    "09": "ERROR",  # Authorization Void Failed (docs/taxonomy.md: a failed void is an ERROR)
    "10": "PENDING",  # Incomplete
    "11": "ERROR",  # Check status Failed
    "13": "DECLINED",  # Purchase Failure
    "14": "APPROVED",  # Purchase Success
    "15": "UNKNOWN",  # Uncertain Transaction
    "19": "PENDING",  # Transaction pending
    "20": "PENDING",  # On hold
    "23": "DECLINED",  # Failed to process Digital Wallet service
    "24": "APPROVED",  # Digital wallet order processed successfully
    "40": "PENDING",  # Transaction In review
    "44": "PENDING",  # 3ds success (the authorization follows)
    "45": "DECLINED",  # 3ds failed
    "80": "APPROVED",  # Credit card verified successfully
    "81": "DECLINED",  # Failed to verify credit card
}
FAILURE_STATUSES = ["00", "03", "05", "07", "09", "11", "13", "23", "45", "81"]
# Statuses of operations that are not a payment's outcome.
NOT_PAYMENT_STATUSES = ["17", "18", "21", "22", "27", "28", "29", "30", "31", "32", "42", "43", "46", "47", "48",
                        "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "62", "63", "66", "70",
                        "71", "72", "73", "74", "75", "76", "77"]


def _e(reason: str, source: str | None = None) -> dict:
    return {"reason": reason, "source": source} if source else {"reason": reason}


# Message code (last 3 digits of response_code) -> failure reason.
MESSAGES = {
    "001": "INVALID_REQUEST",  # Missing parameter
    "002": "INVALID_REQUEST",  # Invalid parameter format
    "003": "CONFIGURATION_ERROR",  # Payment option is not available for this merchant's account
    "004": "INVALID_REQUEST",  # Invalid command
    "005": "INVALID_REQUEST",  # Invalid amount
    "006": "PROCESSING_ERROR",  # Technical problem
    "007": "DUPLICATE",  # Duplicate order number
    "008": "CONFIGURATION_ERROR",  # Signature mismatch
    "009": "CONFIGURATION_ERROR",  # Invalid merchant identifier
    "010": "CONFIGURATION_ERROR",  # Invalid access code
    "011": "PROCESSING_ERROR",  # Order not saved
    "012": "EXPIRED_CARD",  # Card expired
    "013": "INVALID_REQUEST",  # Invalid currency
    "014": "CONFIGURATION_ERROR",  # Inactive payment option
    "015": "CONFIGURATION_ERROR",  # Inactive merchant account
    "016": _e("INVALID_CARD_DATA", _CUSTOMER),  # Invalid card number
    "017": "TRANSACTION_NOT_PERMITTED",  # Operation not allowed by the acquirer
    "018": "TRANSACTION_NOT_PERMITTED",  # Operation not allowed by processor
    "019": "CONFIGURATION_ERROR",  # Inactive acquirer
    "020": "CONFIGURATION_ERROR",  # Processor is inactive
    "021": "CONFIGURATION_ERROR",  # Payment option deactivated by acquirer
    "022": "CONFIGURATION_ERROR",  # Payment option deactivated by processor
    "023": "CONFIGURATION_ERROR",  # Currency not accepted by acquirer
    "024": "CONFIGURATION_ERROR",  # Currency not accepted by processor
    "025": "CONFIGURATION_ERROR",  # Processor integration settings are missing
    "026": "CONFIGURATION_ERROR",  # Acquirer integration settings are missing
    "027": "INVALID_REQUEST",  # Invalid extra parameters
    "028": "CONFIGURATION_ERROR",  # Missing operations settings
    "029": "INSUFFICIENT_FUNDS",  # Insufficient funds
    "030": _e("AUTHENTICATION_FAILED", _CUSTOMER),  # Authentication failed
    "031": _e("INVALID_CARD_DATA", _CUSTOMER),  # Invalid issuer
    "032": "INVALID_REQUEST",  # Invalid parameter length
    "033": "INVALID_REQUEST",  # Parameter value not allowed
    "034": "TRANSACTION_NOT_PERMITTED",  # Operation not allowed
    "036": "INVALID_REQUEST",  # Order not found
    "037": "INVALID_REQUEST",  # Missing return URL
    "038": "CONFIGURATION_ERROR",  # Token service inactive
    "039": "CONFIGURATION_ERROR",  # No active payment option found
    "040": "INVALID_REQUEST",  # Invalid transaction source
    "042": "INVALID_REQUEST",  # Operation amount exceeds the authorized amount
    "043": "CONFIGURATION_ERROR",  # Inactive Operation
    "044": "INVALID_REQUEST",  # Token name does not exist
    "046": "CONFIGURATION_ERROR",  # Channel is not configured for the selected payment option
    "047": "DUPLICATE",  # Order already processed
    "048": "INVALID_REQUEST",  # Operation amount exceeds captured amount
    "049": "INVALID_REQUEST",  # Operation not valid for this payment option
    "050": _e("LIMIT_EXCEEDED", _MERCHANT_CONFIG),  # Merchant per transaction limit exceeded
    "051": "PROCESSING_ERROR",  # Technical error
    "052": _e("INVALID_CARD_DATA", _CUSTOMER),  # Consumer is not in OLP database
    "053": "CONFIGURATION_ERROR",  # Merchant is not found in OLP Engine DB
    "054": "PROCESSING_ERROR",  # Transaction cannot be processed at this moment
    "055": _e("INVALID_CARD_DATA", _CUSTOMER),  # OLP ID Alias is not valid
    "056": _e("INVALID_CARD_DATA", _CUSTOMER),  # OLP ID Alias does not exist
    "057": "LIMIT_EXCEEDED",  # Transaction amount exceeds the daily transaction limit
    "058": "LIMIT_EXCEEDED",  # Transaction amount exceeds the per transaction limit
    "059": "CONFIGURATION_ERROR",  # Merchant Name and SADAD Merchant ID do not match
    "060": _e("AUTHENTICATION_FAILED", _CUSTOMER),  # The entered OLP password is incorrect
    "064": "AUTHENTICATION_REQUIRED",  # 3D Secure check requested
    "066": "DUPLICATE",  # Merchant reference already exists
    "067": "CONFIGURATION_ERROR",  # Dynamic Descriptor not configured for selected payment option
    "068": "CONFIGURATION_ERROR",  # SDK service is inactive
    "069": "PROCESSING_ERROR",  # Mapping not found for the given error code
    "070": "INVALID_REQUEST",  # device_id mismatch
    "071": "PROCESSING_ERROR",  # Failed to initiate connection
    "073": "INVALID_REQUEST",  # Invalid request format
    "074": "GENERIC_DECLINE",  # Transaction failed
    "075": "GENERIC_DECLINE",  # Transaction failed
    "076": "INVALID_REQUEST",  # Transaction not found in OLP
    "077": "PROCESSING_ERROR",  # Error transaction code not found
    "078": "PROCESSING_ERROR",  # Failed to check fraud screen
    "079": _e("RISK_REJECTED", _PSP_RISK),  # Transaction challenged by fraud rules
    "080": "INVALID_REQUEST",  # Invalid payment option
    "082": "CONFIGURATION_ERROR",  # Inactive fraud service
    "083": _e("RISK_REJECTED", _PSP_RISK),  # Unexpected user behavior
    "084": "INVALID_REQUEST",  # amount bigger than maximum or less than minimum for the selected plan
    "086": "CONFIGURATION_ERROR",  # Installment plan is not configured for Merchant account
    "087": "TRANSACTION_NOT_PERMITTED",  # Card BIN does not match accepted issuer bank
    "088": "INVALID_REQUEST",  # Token name was not created for this transaction
    "089": "PROCESSING_ERROR",  # Failed to retrieve digital wallet details
    "092": "INVALID_REQUEST",  # Invalid issuer code
    "093": "CONFIGURATION_ERROR",  # service inactive
    "094": "INVALID_REQUEST",  # Invalid Plan Code
    "095": "CONFIGURATION_ERROR",  # Inactive Issuer
    "096": "CONFIGURATION_ERROR",  # Inactive Plan
    "097": "TRANSACTION_NOT_PERMITTED",  # Operation not allowed for service
    "098": "INVALID_REQUEST",  # Invalid or expired call_id
    "099": "PROCESSING_ERROR",  # Failed to execute service
    "100": _e("INVALID_CARD_DATA", _CUSTOMER),  # Invalid expiry date
    "101": "INVALID_REQUEST",  # Bill number not found
    "102": _e("TIMEOUT", _CUSTOMER),  # Apple Pay order has been expired
    "103": "DUPLICATE",  # Duplicate subscription ID
    "104": "INVALID_REQUEST",  # No plans valid for request
    "105": "INVALID_REQUEST",  # Invalid bank code
    "106": "CONFIGURATION_ERROR",  # Inactive bank
    "107": "INVALID_REQUEST",  # Invalid transfer_date
    "110": "INVALID_REQUEST",  # Contradicting parameters
    "111": "INVALID_REQUEST",  # Service not applicable for payment option
    "112": "INVALID_REQUEST",  # Service not applicable for payment operation
    "113": "INVALID_REQUEST",  # Service not applicable for e-commerce indicator
    "114": "DUPLICATE",  # Token already exist
    "115": "INVALID_REQUEST",  # Expired invoice payment link
    "116": "CONFIGURATION_ERROR",  # Inactive notification type
    "117": "DUPLICATE",  # Invoice payment link already processed
    "118": "GENERIC_DECLINE",  # Order bounced
    "119": "PROCESSING_ERROR",  # Request dropped
    "120": "CONFIGURATION_ERROR",  # Payment link terms and conditions not found
    "121": _e("INVALID_CARD_DATA", _CUSTOMER),  # Card number is not verified
    "122": "INVALID_REQUEST",  # Invalid date interval
    "123": "LIMIT_EXCEEDED",  # You have exceeded the maximum number of attempts
    "125": "DUPLICATE",  # Invoice already paid
    "126": "DUPLICATE",  # Duplicate invoice ID
    "151": "INVALID_REQUEST",  # 3ds_id does not exist
    "152": _e("AUTHENTICATION_FAILED", _CUSTOMER),  # 3Ds verification doesn't match the request details
    "662": "INVALID_REQUEST",  # Operation not allowed. The specified order is not confirmed yet
    "666": "GENERIC_DECLINE",  # Transaction declined
    "773": "INVALID_REQUEST",  # Transaction closed
    "777": "TIMEOUT",  # The transaction has been processed, but failed to receive confirmation
    "778": _e("TIMEOUT", _CUSTOMER),  # Session timed-out
    "779": "PROCESSING_ERROR",  # Transformation error
    "780": "PROCESSING_ERROR",  # Transaction number transformation error
    "781": "PROCESSING_ERROR",  # Message or response code transformation error
    "783": "CONFIGURATION_ERROR",  # Installments service inactive
    "784": "DUPLICATE",  # Transaction still processing you can't make another transaction
    "785": _e("RISK_REJECTED", _PSP_RISK),  # Transaction blocked by fraud check
    "787": _e("AUTHENTICATION_FAILED", _CUSTOMER),  # Failed to authenticate the user
    "788": "INVALID_REQUEST",  # Invalid bill number
    "789": "INVALID_REQUEST",  # Expired bill number
    "790": "INVALID_REQUEST",  # Invalid bill type code
}
# A failed operation whose message says the request, the merchant's configuration or the platform failed
# (not the payer's bank) is an ERROR.
_ERROR_REASONS = {"INVALID_REQUEST", "CONFIGURATION_ERROR", "PROCESSING_ERROR", "DUPLICATE"}
ERROR_MESSAGES = sorted(code for code, entry in MESSAGES.items()
                        if (entry if isinstance(entry, str) else entry["reason"]) in _ERROR_REASONS)

PAYMENT_METHODS = {
    **{option: "CARD" for option in ("visa", "mastercard", "amex", "mada", "meeza", "knet", "naps", "omannet",
                                     "benefit", "unionpay", "jcb", "discover", "diners")},
    "apple_pay": "WALLET",
    "applepay": "WALLET",
    "stcpay": "WALLET",
    "stc_pay": "WALLET",
    "urpay": "WALLET",
    "sadad": "BANK_TRANSFER",
    "valu": "BNPL",
    "tabby": "BNPL",
    "tamara": "BNPL",
}
CARD_BRANDS = {"MASTERCARD": "mastercard", "MADA": "mada", "MEEZA": "meeza", "KNET": "knet", "NAPS": "naps",
               "OMANNET": "omannet", "BENEFIT": "benefit", "SADAD": None, "VALU": None, "TABBY": None,
               "TAMARA": None, "STCPAY": None, "URPAY": None, "APPLE_PAY": None}

COMMANDS = ["PURCHASE", "AUTHORIZATION", "CAPTURE", "REFUND", "VOID_AUTHORIZATION"]

_FIELDS = {
    "provider_transaction_id": ["fort_id"],
    "status": ["status"],
    "reason_code": [MESSAGE_KEY],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["digital_wallet", "payment_option"],
    "card_brand": ["payment_option"],
    "merchant_id": ["merchant_identifier"],
    "attempt_id": ["fort_id"],
    "payment_id": ["merchant_reference"],
    "refund_id": ["maintenance_reference", "fort_id"],
}
_RULES = [
    # (not a failed refund: docs/taxonomy.md gives a failed refund DECLINED, whatever the reason)
    {"when": {"status": [s for s in FAILURE_STATUSES if s != "07"], MESSAGE_KEY: ERROR_MESSAGES},
     "set": {"status_category": "ERROR"}},
    {"when": {"status": FAILURE_STATUSES, MESSAGE_KEY: "072"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"status": FAILURE_STATUSES, MESSAGE_KEY: "777"}, "set": {"status_category": "UNKNOWN"}},
    {"when": {"command": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"command": "REFUND"}, "set": {"event_kind": "REFUND"}},
    {"when": {"command": "VOID_AUTHORIZATION"}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "45"}, "set": {"failure_reason": "AUTHENTICATION_FAILED", "failure_source": _CUSTOMER}},
]

SPEC = {
    "provider": "amazonpaymentservices",
    "aliases": ["amazonpaymentservices", "amazon_payment_services", "amazon payment services", "aps", "payfort",
                "pay_fort", "amazon_payfort", "amazon payfort", "payfort_fort", "aps_payfort"],
    "detect": [
        {"path": "fort_id", "exists": True, "weight": 0.4},
        {"path": "merchant_identifier", "exists": True, "weight": 0.2},
        {"path": "access_code", "exists": True, "weight": 0.2},
        {"path": "command", "in": COMMANDS, "weight": 0.2},
        {"path": "query_command", "exists": True, "weight": 0.3},
        {"path": "service_command", "exists": True, "weight": 0.3},
        {"path": "merchant_reference", "exists": True, "weight": 0.1},
        {"path": "response_message", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": MESSAGES,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {"name": "service", "match": {"service_command": {"exists": True}},
         "not_a_payment": "an Amazon Payment Services tokenization or other service command"},
        {"name": "query.check_status", "match": {"query_command": "CHECK_STATUS", "transaction_status": {"exists": True}},
         "fields": {**_FIELDS, "status": ["transaction_status"]},
         "rules": [{**rule, "when": {("transaction_status" if k == "status" else k): v for k, v in rule["when"].items()}}
                   for rule in _RULES]},
        {"name": "query.check_status_failed", "match": {"query_command": "CHECK_STATUS"},
         "fields": _FIELDS, "rules": _RULES},
        {"name": "query.other", "match": {"query_command": {"exists": True}},
         "not_a_payment": "an Amazon Payment Services query (tokens, installment plans, currency conversion, ...)"},
        {"name": "not_a_payment_status", "match": {"status": NOT_PAYMENT_STATUSES},
         "not_a_payment": "an Amazon Payment Services token, report, batch or invoice operation"},
        {"name": "operation", "match": {"status": {"exists": True}}, "fields": _FIELDS, "rules": _RULES},
    ],
}


def _message_code(code: Any) -> str | None:
    text = str(code).strip() if code is not None else ""
    return text[-3:] if len(text) == 5 and text.isdigit() else None


def prepare(body: Any) -> Any:
    """Name the message code (the last 3 digits of response_code, or of transaction_code in a check-status
    answer about the transaction). Pure: returns a new dict; the payload is untouched."""
    if not isinstance(body, dict):
        return body
    code = body.get("transaction_code") if body.get("transaction_status") else body.get("response_code")
    message = _message_code(code)
    if message is None or message == "000":
        return body
    return {**body, MESSAGE_KEY: message}
