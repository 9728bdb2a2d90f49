"""Fiserv Commerce Hub (REST API, connect.fiservapis.com/ch): charge, capture, refund and cancel answers and the
error response.

Not Payeezy / Global Gateway e4 (providers/firstdata.py, firstdata_gge4.py): those answer with flat
``transaction_status`` / ``exact_resp_code`` fields; Commerce Hub nests everything under ``gatewayResponse``,
``paymentReceipt.processorResponseDetails`` and ``error[]``.

Sources (all in github.com/Fiserv/Commerce-Hub, the developer portal's own docs and OpenAPI specs):
- docs/Resources/Master-Data/Gateway-Response.md: ``gatewayResponse`` {transactionType, transactionState,
  transactionOrigin, transactionProcessingDetails {orderId ("order identifier returned ... from a Charge"),
  transactionTimestamp, apiTraceId, clientRequestId, transactionId ("unique identifier for each transaction on
  the Gateway")}}; transactionState AUTHORIZED, CAPTURED, CHECKED (account verification and information lookup),
  DECLINED, VOIDED (the page also lists COMPLETED_GET, INITIALIZED, PENDING, READY, TEMPLATE, SETTLED, WAITING in
  a comment; SETTLED, PENDING and WAITING are read below, the others are not payment outcomes and stay
  unmapped).
  APPROVED is the state of the docs' own examples in Guides/Testing/Test-Fraud.md and is read as AUTHORIZED.
- docs/Resources/Master-Data/Processor-Response-Details.md: ``processorResponseDetails`` {approvalStatus
  APPROVED / DECLINED / PROCESSING_FAILED / VALIDATION_FAILED / WAITING ("placed in queue"), responseCode
  (normalized gateway response code), hostResponseCode (the endpoint's or issuer's code), ...}.
- docs/Resources/Guides/Response-Codes/Response-Code.md: the ``responseCode`` table 000-058 (approvals,
  referrals, declines; "errors that occur during processing will result in an error response code").
- docs/Resources/Guides/Response-Codes/Error-Code.md (with Error.md, Error-Response.md, Response-Handling.md):
  the error codes 100-999 of ``error[].code`` (1xx submission data, 2xx configuration, 3xx payment source,
  4xx industry / limits, 5xx verticals, 600-649 fraud checks, 650-699 terminal, 7xx gateway communication,
  8xx transaction information, 999 general); the same codes are returned in ``responseCode`` (Test-Fraud.md
  examples: 610, 613, 621). The older Gateway.md page (a CARAT mapping with other meanings for 1xx-9xx) is
  superseded by these two pages, which the current Processor-Response-Details.md links; it is not used.
- docs/Resources/Guides/Response-Codes/Host-Response-Code.md and Bank-Issuer.md: ``hostResponseCode``
  (Nashville) 00-94 and C2, the ISO 8583 codes (read through the shared ISO table; C2 CVV2 declined, 60, 69,
  89 mapped here).
- Error body: Error-Response.md and reference/Charges.yaml (ErrorResponse {gatewayResponse, error[] {type HOST
  / GATEWAY / NETWORK / APIM, code, field, message}}; the guides wrap it as ``errorResponse``). The OpenAPI's
  documented APIM / GATEWAY answers without a code (401 "ApiKey and/or Authentication supplied are invalid.",
  404 "Resource not found.", 408 "Broken client connectivity.", 415, 425, 429, 503, 504) are read by message.
- Amounts: Charges.md / Payment-Receipt.md, ``paymentReceipt.approvedAmount {total, currency}`` (a decimal in
  major units, USD 12.04). A declined charge carries no approved amount: no amount then.
- docs/Resources/API-Documents/Payments_VAS/Verification.md: an account verification ("unlike a normal $0
  auth this will not attempt an authorization") answers transactionType VERIFICATION, transactionState VERIFIED:
  not a payment event.
- Payment source: ``source.sourceType`` PaymentCard, PaymentToken, ApplePay, GooglePay, PaymentCheck (ACH), the
  source types of the OpenAPI examples (reference/Charges.yaml, openapi.yaml card-capture).

Reasons are my reading of each documented message into the taxonomy (the docs give messages, not categories).
An error answer is ERROR, except the codes the docs name as declines or fraud blocks (merchant fraud / velocity
filters 600-633, 331 high risk, 332 stand-in, 363-366 3-D Secure failures, 846 denied, 849 declined): those
are DECLINED. Timeouts whose outcome is not known (704, 721-723, 353 PayPal unknown state) are UNKNOWN; 847
"Transaction Placed in Queue" is PENDING; 384 / 390 (the customer cancelled / did not return from the third
party) are CANCELLED.

Event kinds follow ``transactionType``: CAPTURE, REFUND, CANCEL (a void); anything else (CHARGE, CHARGE_FINAL)
is the authorization. An error answer about a refund is a failed refund (DECLINED).

Lifecycle identity: transactionId is the attempt of a charge and the refund's own id on a refund; orderId is the
payment (Commerce Hub's order, reused by the order's secondary transactions).
"""

from __future__ import annotations

# gatewayResponse.transactionState and processorResponseDetails.approvalStatus (one vocabulary, no clash).
STATUSES = {
    "AUTHORIZED": "APPROVED",
    "CAPTURED": "APPROVED",
    "APPROVED": "APPROVED",
    "SETTLED": "APPROVED",
    "DECLINED": "DECLINED",
    "VOIDED": "CANCELLED",
    "WAITING": "PENDING",
    "PENDING": "PENDING",
    "PROCESSING_FAILED": "ERROR",  # approvalStatus: failed to process, try again later
    "VALIDATION_FAILED": "ERROR",  # approvalStatus: validation failed
}

# Response-Code.md: responseCode 000-058 (000, 043, 044 are approvals; 002 pending).
RESPONSE_CODES = {
    "001": "GENERIC_DECLINE",  # Referral: Call Bank/Issuer (earlier revision of the table)
    "003": "GENERIC_DECLINE",  # Referral: Call For Voice Auth
    "004": "GENERIC_DECLINE",  # Referral: Call Bank/Issuer
    "005": "GENERIC_DECLINE",  # Referral: Call Acquirer
    "006": "GENERIC_DECLINE",  # Declined
    "007": "GENERIC_DECLINE",  # Declined: Do Not Honor
    "008": "INSUFFICIENT_FUNDS",
    "009": "DUPLICATE",
    "010": "LIMIT_EXCEEDED",  # Over Amount/Floor Limit
    "011": "LIMIT_EXCEEDED",  # Over Transaction Limit
    "012": "INCORRECT_CVC",  # Security Code Failure
    "013": {"reason": "GENERIC_DECLINE", "decline_type": "HARD"},  # Declined: Hard - Do Not Try Again
    "014": "TRANSACTION_NOT_PERMITTED",  # Violation of Law
    "015": "RISK_REJECTED",  # Negative Data
    "016": "REVOKED",  # Declined: Per Cardholder Request
    "017": "LOST_OR_STOLEN_CARD",
    "018": "SUSPECTED_FRAUD",
    "019": "SUSPECTED_FRAUD",  # Suspected Chip Manipulation
    "020": "SUSPECTED_FRAUD",  # Suspected Counterfeit Card
    "021": "AUTHENTICATION_REQUIRED",  # PIN Required
    "022": "AUTHENTICATION_FAILED",  # Excessive PIN Attempts
    "023": "AUTHENTICATION_FAILED",  # Invalid PIN
    "024": "AUTHENTICATION_FAILED",  # PIN Not Active
    "025": "INVALID_CARD_DATA",  # Account Not On File
    "026": "INVALID_CARD_DATA",  # Invalid Card or Account Number
    "027": "INVALID_CARD_DATA",  # Invalid Account Type
    "028": "RESTRICTED_CARD",  # Account Blocked, Frozen or Restricted
    "029": "RESTRICTED_CARD",  # Blocked Overseas
    "030": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # Closed Account
    "031": "INVALID_CARD_DATA",  # New Card/Account Issued
    "032": "EXPIRED_CARD",  # Expired Card or Card Not Activated
    "033": "INVALID_CARD_DATA",  # Expiration Date Mismatch
    "034": "TRANSACTION_NOT_PERMITTED",  # Bill Payment or Recurring Not Supported
    "035": "REVOKED",  # One Time Stop Bill Payment Requested
    "036": "REVOKED",  # Stop Payment Requested for All Bill Payments
    "037": "TRANSACTION_NOT_PERMITTED",  # ACH Non-Participant
    "038": "GENERIC_DECLINE",  # Outstanding Auth: Funds on Hold
    "039": "ISSUER_UNAVAILABLE",  # Retry: Try Again Later
    "040": "TRANSACTION_NOT_PERMITTED",
    "041": "TRANSACTION_NOT_PERMITTED",  # Service Not Allowed
    "042": "INVALID_CARD_DATA",  # Invalid DETOK
    "045": "LOST_OR_STOLEN_CARD",  # Pickup Card
    "046": "INVALID_REQUEST",  # Bad Authorization Number
    "048": "AUTHENTICATION_REQUIRED",  # Cardholder Authentication Required
    "050": "PROCESSING_ERROR",  # Host Key Error
    "051": "INVALID_CARD_DATA",  # Payment instrument Not Found
    "052": "RESTRICTED_CARD",  # Payment instrument Blocked, Frozen or Restricted
    "053": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # Payment instrument Closed
    "054": "LOST_OR_STOLEN_CARD",
    "058": "LOST_OR_STOLEN_CARD",  # Account on Warning Bulletin
}


def _codes(first: int, last: int, reason: str) -> dict[str, str]:
    return {str(code): reason for code in range(first, last + 1)}


# Error-Code.md: error[].code (and responseCode) 100-999. Each range's default, then the codes whose message
# names something more specific. Codes the table does not list are not mapped.
_LISTED = {
    *range(100, 141), *range(200, 209), *range(210, 263), 268, *range(300, 307), *range(308, 311),
    *range(313, 328), *range(330, 335), *range(335, 346), *range(347, 354), *range(355, 362), *range(363, 383),
    *range(384, 389), *range(390, 398), 400, *range(402, 409), *range(410, 421), *range(422, 428),
    *range(429, 449), *range(450, 459), *range(460, 462), 465, 466, 468, 471, 472, 474, *range(476, 483), 493,
    500, *range(502, 509), *range(511, 520), *range(522, 528), 529, 530, *range(533, 539), *range(541, 554),
    *range(565, 573), 600, *range(602, 608), *range(609, 634), *range(650, 695), *range(700, 736), 738, 739,
    740, 741, 742, *range(751, 765), 766, 767, *range(768, 772), 793, *range(800, 851), 865, 866, 877, 999,
}
_RANGE_DEFAULTS = [
    (100, 199, "INVALID_REQUEST"),  # submission data: missing, invalid or format errors
    (200, 299, "CONFIGURATION_ERROR"),  # merchant, terminal and account set-up
    (300, 399, "INVALID_REQUEST"),  # payment source
    (400, 499, "INVALID_REQUEST"),  # industry specific
    (500, 599, "INVALID_REQUEST"),  # vertical specific
    (600, 649, "RISK_REJECTED"),  # fraud checks (the merchant's fraud settings)
    (650, 699, "CONFIGURATION_ERROR"),  # terminal configuration
    (700, 799, "PROCESSING_ERROR"),  # gateway communication
    (800, 899, "INVALID_REQUEST"),  # transaction information
    (900, 999, "PROCESSING_ERROR"),  # general gateway error
]
_SPECIFIC_ERRORS = {
    "130": "CONFIGURATION_ERROR",  # Store Id Does Not Exist
    "136": "DUPLICATE",  # Another Transaction With Same OrderId/Transaction Id Currently Being Processed
    "268": "INVALID_REQUEST",  # Received Merchant TransactionId Does Not Match The TransactionId
    **dict.fromkeys(["303", "304", "305", "306", "386", "388", "396", "397"], "TRANSACTION_NOT_PERMITTED"),
    **dict.fromkeys(["308", "358", "381"], "CONFIGURATION_ERROR"),
    "313": "TRANSACTION_NOT_PERMITTED",  # Funds Expired
    "323": "PROCESSING_ERROR",  # Balance Unavailable
    **dict.fromkeys(["324", "325", "326", "357"], "INVALID_CARD_DATA"),  # closed, inactive, unknown account
    "330": "DUPLICATE",  # Duplicate Check Number
    "331": "RISK_REJECTED",  # Declined: High Risk
    "332": "GENERIC_DECLINE",  # Declined: Stand-in Rules
    **dict.fromkeys(["339", "340", "343", "344", "348", "349", "350", "351", "356", "385"], "PROCESSING_ERROR"),
    "353": "TIMEOUT",  # PayPal Timeout: Unknown State
    **dict.fromkeys(["359", "360"], "LIMIT_EXCEEDED"),  # debit network frequency, withdrawal limit
    **dict.fromkeys(["361", "363", "364", "365", "373"], "AUTHENTICATION_FAILED"),  # 3-D Secure / debit auth
    "366": "RISK_REJECTED",  # 3-D Secure Rejected Due to ECI Filters
    "380": "TRANSACTION_NOT_PERMITTED",  # 3-D Secure Country Excluded from Authentication
    **_codes(402, 408, "LIMIT_EXCEEDED"), **_codes(410, 420, "LIMIT_EXCEEDED"), "422": "LIMIT_EXCEEDED",
    **dict.fromkeys(["424", "425", "435", "443", "445", "446", "447", "448", "451", "477"],
                    "TRANSACTION_NOT_PERMITTED"),
    **dict.fromkeys(["426", "480"], "RESTRICTED_CARD"),  # account on hold / mobile number blocked
    "427": "CONFIGURATION_ERROR",  # BIN Not Enabled
    **_codes(436, 441, "LIMIT_EXCEEDED"), "478": "LIMIT_EXCEEDED",
    "442": "GENERIC_DECLINE",  # See Attendant
    **dict.fromkeys(["453", "454", "456", "457", "458"], "AUTHENTICATION_REQUIRED"),  # more identification
    "455": "REVOKED",  # Customer Opt-out
    **dict.fromkeys(["465", "466"], "INVALID_CARD_DATA"),  # no credit / checking or savings account
    "481": "PROCESSING_ERROR",  # Internal Provider Error
    "482": "TIMEOUT",  # SMS Response Timeout
    "493": "PROCESSING_ERROR",  # trace number mismatch
    "529": "CONFIGURATION_ERROR",  # Convenience Fee Not Supported
    "541": "PROCESSING_ERROR",  # Currency Conversion Error
    **_codes(565, 572, "CONFIGURATION_ERROR"),  # payment facilitator set-up
    **dict.fromkeys(["602", "603"], "INCORRECT_CVC"),  # Security Code Not Verified / Verification Failed
    **dict.fromkeys(["604", "607"], "INVALID_REQUEST"),  # Security Code / Address is Mandatory
    "613": "DUPLICATE",  # Blocked: Duplicate Transaction
    "629": "PROCESSING_ERROR",  # Declined: Fraud Detect Not Available
    "630": "CONFIGURATION_ERROR",  # Velocity: EFT Velocity parameter record is missing
    **dict.fromkeys(["651", "657", "668", "669", "681", "683", "693", *map(str, range(684, 693))],
                    "PROCESSING_ERROR"),
    "664": "TIMEOUT",  # PIN Timeout
    **dict.fromkeys(["667", "680"], "INVALID_REQUEST"),  # invalid prompt entry, missing EMV values
    **dict.fromkeys(["704", "721", "722", "723", "724"], "TIMEOUT"),
    **dict.fromkeys(["711", "718"], "ISSUER_UNAVAILABLE"),  # Issuer Unavailable / Unable to Authorize
    "710": "CONFIGURATION_ERROR",  # Not Authorized
    **dict.fromkeys(["708", "709", "720", "734", "735", "752", "756", "758", "763", "764", "767", "768", "769",
                     "770", "771"], "INVALID_REQUEST"),
    **dict.fromkeys(["738", "739", "740", "742", "793"], "TRANSACTION_NOT_PERMITTED"),  # not supported
    **dict.fromkeys(["757", "766", "816", "826"], "DUPLICATE"),  # already exists, duplicate refund / capture
    **dict.fromkeys(["838", "843", "844", "848", "865", "866"], "TRANSACTION_NOT_PERMITTED"),
    **dict.fromkeys(["846", "849"], "GENERIC_DECLINE"),  # Transaction Denied / Transaction State Declined
}
# Not errors although the table lists them: approvals and notices.
_NOT_ERRORS = {"336", "352", "463", "464", "654", "656", "706", "847"}
ERROR_CODES = {
    **{str(code): next(reason for first, last, reason in _RANGE_DEFAULTS if first <= code <= last)
       for code in sorted(_LISTED) if str(code) not in _NOT_ERRORS},
    **{code: reason for code, reason in _SPECIFIC_ERRORS.items() if int(code) in _LISTED},
}

# Host-Response-Code.md (Nashville): where the shared ISO 8583 table reads a code otherwise.
HOST_CODES = {
    "C2": "INCORRECT_CVC",  # CVV2 Declined
    "60": "GENERIC_DECLINE",  # Declined
    "69": "PROCESSING_ERROR",  # Host key error
    "89": "CONFIGURATION_ERROR",  # Invalid Terminal ID
}

# The documented error answers that carry no code (reference/Charges.yaml components/responses), by message.
MESSAGE_REASONS = {
    "ApiKey and/or Authentication supplied are invalid.": "CONFIGURATION_ERROR",  # 401
    "Resource not found.": "INVALID_REQUEST",  # 404
    "Broken client connectivity.": "TIMEOUT",  # 408
    "Media type is not supported.": "INVALID_REQUEST",  # 415
    "The request was sent too early.": "INVALID_REQUEST",  # 425
    "Request volume is too high.": "PROCESSING_ERROR",  # 429
    "Service unavailable.": "PROCESSING_ERROR",  # 503
    "The request timed out while waiting for the response.": "TIMEOUT",  # 504
    "Error sending request to Transarmor.": "PROCESSING_ERROR",  # 500
}

# Error answers the docs name as declines or fraud blocks (see the docstring): DECLINED, not ERROR.
DECLINE_ERROR_CODES = sorted(
    {str(code) for code in range(600, 634) if str(code) in ERROR_CODES
     and ERROR_CODES[str(code)] in ("RISK_REJECTED", "INCORRECT_CVC", "DUPLICATE")}
    | {"331", "332", "363", "364", "365", "366", "846", "849"})
# The outcome is not known (a timeout at the host, processor or issuer; PayPal's unknown state).
UNKNOWN_OUTCOME_CODES = ["353", "704", "721", "722", "723"]
CUSTOMER_CANCELLED_CODES = ["384", "390"]  # MasterPass cancelled by user; did not return from third party
QUEUED_CODES = ["847"]  # Transaction Placed in Queue

PAYMENT_METHODS = {"PaymentCard": "CARD", "PaymentToken": "CARD", "ApplePay": "WALLET", "GooglePay": "WALLET",
                   "PaymentCheck": "DIRECT_DEBIT"}

_DETAILS = "gatewayResponse.transactionProcessingDetails"
_PROCESSOR = "paymentReceipt.processorResponseDetails"
_FIELDS = {
    "provider_transaction_id": [f"{_DETAILS}.transactionId"],
    "status": ["gatewayResponse.transactionState", f"{_PROCESSOR}.approvalStatus"],
    "reason_code": ["error.code", f"{_PROCESSOR}.responseCode", f"{_PROCESSOR}.hostResponseCode", "error.message"],
    "amount": ["paymentReceipt.approvedAmount.total"],
    "currency": ["paymentReceipt.approvedAmount.currency"],
    "event_time": [f"{_DETAILS}.transactionTimestamp", f"{_DETAILS}.transactionTime"],
    "payment_method": ["source.sourceType"],
    "card_brand": ["source.card.scheme"],
    "merchant_id": ["merchantDetails.merchantId"],
    "merchant_name": ["paymentReceipt.merchantName"],
    "payment_id": [f"{_DETAILS}.orderId"],
}
_CODE_PATHS = ("error.code", f"{_PROCESSOR}.responseCode")


def _when_code(codes: list[str], status: str) -> list[dict]:
    return [{"when": {path: codes}, "set": {"status_category": status}} for path in _CODE_PATHS]


# On any answer: the codes that say more than the state does.
_CODE_RULES = [
    *_when_code(UNKNOWN_OUTCOME_CODES, "UNKNOWN"),
    *_when_code(QUEUED_CODES, "PENDING"),
    *_when_code(CUSTOMER_CANCELLED_CODES, "CANCELLED"),
]
_APPROVAL_STATUS_RULES = [
    {"when": {f"{_PROCESSOR}.approvalStatus": ["PROCESSING_FAILED", "VALIDATION_FAILED"]},
     "set": {"status_category": "ERROR"}},
]
_ERROR_RULES = [
    {"when": {"error.code": DECLINE_ERROR_CODES}, "set": {"status_category": "DECLINED"}},
    *_CODE_RULES,
    {"when": {"gatewayResponse.transactionType": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"gatewayResponse.transactionType": ["CANCEL", "VOID"]}, "set": {"event_kind": "VOID"}},
    # A refund that could not be made is a failed refund (the taxonomy's REFUND DECLINED).
    {"when": {"gatewayResponse.transactionType": "REFUND"}, "set": {"event_kind": "REFUND",
                                                                    "status_category": "DECLINED"}},
]
_ERROR_VARIANT = {"status": "ERROR", "fields": _FIELDS, "rules": _ERROR_RULES}

SPEC = {
    "provider": "fiserv",
    "aliases": ["fiserv", "fiserv commerce hub", "fiserv_commerce_hub", "fiserv_commercehub", "commerce hub",
                "commercehub", "commerce_hub", "fiserv ch", "connect.fiservapis.com", "fiservapis"],
    "detect": [
        # Commerce Hub's envelope: gatewayResponse.transactionProcessingDetails with its apiTraceId.
        {"path": f"{_DETAILS}.apiTraceId", "exists": True, "weight": 0.4},
        {"path": "gatewayResponse.transactionState", "in": [*STATUSES, "CHECKED", "VERIFIED"], "weight": 0.2},
        {"path": f"{_PROCESSOR}.approvalStatus", "in": list(STATUSES), "weight": 0.2},
        {"path": f"{_PROCESSOR}.hostResponseCode", "exists": True, "weight": 0.1},
        {"path": "paymentReceipt.approvedAmount.total", "exists": True, "weight": 0.1},
        {"path": "error.type", "in": ["GATEWAY", "HOST", "NETWORK", "APIM"], "weight": 0.1},
        # The guides' wrapped error answer.
        {"path": f"errorResponse.{_DETAILS}.apiTraceId", "exists": True, "weight": 0.5},
        {"path": "errorResponse.error.type", "in": ["GATEWAY", "HOST", "NETWORK", "APIM"], "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": {**RESPONSE_CODES, **ERROR_CODES, **HOST_CODES, **MESSAGE_REASONS},
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # The guides' error answer: {"errorResponse": {"gatewayResponse": ..., "error": {...} or [...]}}.
        {"name": "error_response", "match": {"errorResponse": {"exists": True}}, "root": "errorResponse",
         **_ERROR_VARIANT},
        # The OpenAPI's ErrorResponse: {"gatewayResponse": ..., "error": [...]} (also a fraud / velocity block).
        {"name": "error", "match": {"error": {"exists": True}, "gatewayResponse": {"exists": True}},
         **_ERROR_VARIANT},
        {"name": "refund", "match": {"gatewayResponse.transactionType": "REFUND"}, "fields": _FIELDS,
         "event_kind": "REFUND",
         "status_map": {"AUTHORIZED": "REFUNDED", "CAPTURED": "REFUNDED", "APPROVED": "REFUNDED",
                        "SETTLED": "REFUNDED", "PROCESSING_FAILED": "DECLINED", "VALIDATION_FAILED": "DECLINED",
                        "VOIDED": "CANCELLED"}},
        {"name": "cancel", "match": {"gatewayResponse.transactionType": ["CANCEL", "VOID"]}, "fields": _FIELDS,
         "event_kind": "VOID",
         "status_map": {"VOIDED": "CANCELLED", "AUTHORIZED": "CANCELLED", "APPROVED": "CANCELLED",
                        "DECLINED": "ERROR"},
         "rules": _APPROVAL_STATUS_RULES},
        {"name": "capture", "match": {"gatewayResponse.transactionType": "CAPTURE"}, "fields": _FIELDS,
         "event_kind": "CAPTURE", "rules": [*_APPROVAL_STATUS_RULES, *_CODE_RULES]},
        # Account verification (VERIFICATION / VERIFIED, "will not attempt an authorization on the account") and
        # information lookup (CHECKED): no payment.
        {"name": "verification", "match": {"gatewayResponse.transactionType": "VERIFICATION"},
         "not_a_payment": "account verification: no authorization is attempted"},
        {"name": "checked", "match": {"gatewayResponse.transactionState": ["CHECKED", "VERIFIED"]},
         "not_a_payment": "account verification or information lookup (transactionState CHECKED)"},
        # A charge (sale or pre-auth): the authorization attempt.
        {"name": "charge", "match": {"gatewayResponse.transactionState": {"exists": True}},
         "fields": {**_FIELDS, "attempt_id": [f"{_DETAILS}.transactionId"]},
         "rules": [*_APPROVAL_STATUS_RULES, *_CODE_RULES]},
        {"name": "processor_response", "match": {f"{_PROCESSOR}.approvalStatus": {"exists": True}},
         "fields": {**_FIELDS, "attempt_id": [f"{_DETAILS}.transactionId"]},
         "rules": [*_APPROVAL_STATUS_RULES, *_CODE_RULES]},
    ],
}
