"""Paya (formerly Sage Payment Solutions, US): Paya Connect / Fortis transactions and their error body, and the
Paya Core (Sage Payments) Direct API bankcard charge response and error body.

Sources:
- Paya Connect Direct API transactions (docs.payaconnect.com/developers/api/endpoints/transactions; the request
  and response examples read from a Paya Connect Direct API guide in the public code index, whose repository the
  index did not name, with links to api.sandbox.payaconnect.com/v2/transactions): ``{"transaction": {...}}``
  with id, payment_method cc | ach, transaction_amount in dollars ("200.00"),
  order_num, verbiage, status_id, type_id (20 sale, 30 refund, 50 ACH debit), reason_code_id, auth_code,
  account_type (mc, checking ...), location_id, product_transaction_id, previous_transaction_id, created_ts.
- The status ids (Fortis APIMatic SDK model docs, sdks-io/fortis-apimatic-*-sdk doc/models "Status Code 17 Enum",
  and the Fortispay Magento module's ACH status list): 101 sale cc approved, 102 sale cc auth only, 111 refund cc
  refunded, 121 cc AVS only, 131 ach pending origination, 132 originating, 133 originated, 134 ach settled, 191
  settled (deprecated), 201 voided, 301 declined, 331 ach charged back.
- The reason codes: "Card Transaction Response Reason Codes" (kb.fortis.support/Card-Transaction-Response-Reason-
  Codes): 1000 approved, 1001 AuthCompleted, 1002 Forced, 1003-1005, 1200 voided, 1201 partial approval, 1240,
  1301, 1500-1599, 1601-1656 (1617 EXCEED_WITHDRAWAL_LIMIT from the Fortispay Magento module's list); the page's
  codes after 1656 were not findable and are not mapped.
- Fortis v1 (the same platform after Fortis took Paya Connect over): ``{"type": "Transaction", "data": {...}}``
  with transaction_amount in cents (2099), status_id / status_code, reason_code_id (sdks-io/fortis-apimatic-*-sdk
  doc/controllers transactions examples); its error body ``{"type", "statusCode": 412 | 401, "title", "detail"}``
  (doc/models/response-412-exception.md).
- Paya Core Direct API (api.sagepayments.com/bankcard/v1; kcskw/PayaGateway PayaCore/Direct-API/BankCard.md):
  the charge response {status, reference, message, code (the approval, error or decline code), cvvResult,
  avsResult, riskCode, networkId, isPurchaseCard, orderNumber, transactionId, timestamp}; its status values
  Approved and Declined rest on recollection (the page names the field without listing its values) and its
  decline codes are not tabled, so a Declined charge is a GENERIC_DECLINE. PayaCore/Direct-API/Error Handling.md:
  the 422 body {code, message, info, detail} and its error code table, every code mapped in DIRECT_API_ERRORS;
  650102-650104 and 920002 (AVS / CVV failure, the transaction VOIDed) and 900035 (wrong PIN) refuse the card
  (DECLINED); 711711 and 999999 ("review your transaction history to determine the status") leave the outcome
  UNKNOWN.
- Amounts: Paya Connect v2 in dollars, Fortis v1 in cents; both US-only, their transactions carry no currency
  (Fortis v1 lists currency_code 840 where present), so USD is assumed (recollection: Paya processes for US
  merchants).

Lifecycle identity: a transaction's id is the attempt (a refund's id the refund, its previous_transaction_id
the attempt refunded); order_num / order_number is the merchant's payment; Direct API: reference the attempt,
orderNumber the payment.
"""

from __future__ import annotations

STATUS_IDS = {
    "101": "APPROVED",    # sale cc approved
    "102": "APPROVED",    # sale cc auth only
    "111": "REFUNDED",    # refund cc refunded
    "131": "PENDING",     # ach pending origination
    "132": "PENDING",     # ach originating
    "133": "PENDING",     # ach originated (sent to the bank, not settled)
    "134": "APPROVED",    # ach settled
    "191": "APPROVED",    # settled (deprecated)
    "201": "CANCELLED",   # voided
    "301": "DECLINED",
    "331": "CHARGEBACK",  # ach charged back
}
AVS_ONLY = "121"  # an AVS-only card verification: no payment

REASON_CODES = {
    "1003": "GENERIC_DECLINE",            # AuthOnly declined
    "1004": "INVALID_REQUEST",            # validation failure (system run trx)
    "1005": "PROCESSING_ERROR",           # processor response invalid
    "1301": "RISK_REJECTED",              # account deactivated for fraud
    "1500": "GENERIC_DECLINE",
    "1510": "GENERIC_DECLINE",            # call
    "1518": "CONFIGURATION_ERROR",        # transaction not permitted - terminal
    "1520": "LOST_OR_STOLEN_CARD",        # pickup card
    "1530": "PROCESSING_ERROR",           # retry trx
    "1531": "PROCESSING_ERROR",           # communication error
    "1540": "CONFIGURATION_ERROR",        # setup issue
    "1541": "CONFIGURATION_ERROR",        # device is not signature capable
    "1588": "INVALID_REQUEST",            # data could not be de-tokenized
    "1599": "GENERIC_DECLINE",            # other reason
    "1601": "GENERIC_DECLINE",
    "1602": "GENERIC_DECLINE",            # call
    "1603": "ISSUER_UNAVAILABLE",         # no reply
    "1604": "LOST_OR_STOLEN_CARD",        # pickup card - no fraud
    "1605": "LOST_OR_STOLEN_CARD",        # pickup card - fraud
    "1606": "LOST_OR_STOLEN_CARD",
    "1607": "LOST_OR_STOLEN_CARD",
    "1608": "INVALID_CARD_DATA",          # account error
    "1609": "INVALID_REQUEST",            # already reversed
    "1610": "AUTHENTICATION_FAILED",      # bad PIN
    "1611": "LIMIT_EXCEEDED",             # cashback exceeded
    "1612": "TRANSACTION_NOT_PERMITTED",  # cashback not available
    "1613": "INCORRECT_CVC",              # CID error
    "1614": "INVALID_CARD_DATA",          # date error
    "1615": "GENERIC_DECLINE",            # do not honor
    "1616": "INSUFFICIENT_FUNDS",         # NSF
    "1617": "LIMIT_EXCEEDED",             # exceeds withdrawal limit
    "1618": "RESTRICTED_CARD",            # invalid service code
    "1619": "LIMIT_EXCEEDED",             # exceeded activity limit
    "1620": "TRANSACTION_NOT_PERMITTED",  # violation
    "1621": "PROCESSING_ERROR",           # encryption error
    "1622": "EXPIRED_CARD",
    "1623": "ISSUER_UNAVAILABLE",         # re-enter
    "1624": "TRANSACTION_NOT_PERMITTED",  # security violation
    "1625": "TRANSACTION_NOT_PERMITTED",  # card not permitted
    "1626": "TRANSACTION_NOT_PERMITTED",  # transaction not permitted
    "1627": "PROCESSING_ERROR",           # system error
    "1628": "CONFIGURATION_ERROR",        # bad merchant id
    "1629": "INVALID_REQUEST",            # duplicate batch (already closed)
    "1630": "PROCESSING_ERROR",           # batch rejected
    "1631": "INVALID_CARD_DATA",          # account closed
    "1632": "AUTHENTICATION_FAILED",      # PIN tries exceeded
    "1640": "INVALID_REQUEST",            # required fields are missing (ACH)
    "1641": "INVALID_REQUEST",            # previously declined transaction (1640)
    "1650": "PROCESSING_ERROR",           # contact support
    "1651": "PROCESSING_ERROR",           # max sending - throttle limit hit (ACH)
    "1652": "LIMIT_EXCEEDED",             # max attempts exceeded
    "1653": "PROCESSING_ERROR",           # contact support
    "1654": "PROCESSING_ERROR",           # voided - online reversal failed
    "1655": "RISK_REJECTED",              # decline (AVS auto reversal)
    "1656": "INCORRECT_CVC",              # decline (CVV auto reversal)
}

PAYMENT_METHODS = {"cc": "CARD", "ach": "DIRECT_DEBIT"}
REFUND_TYPE_ID = "30"

FORTIS_ERRORS = {"401": "CONFIGURATION_ERROR", "412": "INVALID_REQUEST"}

DIRECT_API_ERRORS = {
    "000000": "PROCESSING_ERROR",     # internal server error
    "100000": "PROCESSING_ERROR",     # service currently not available
    "100001": "INVALID_REQUEST",      # required headers missing
    "100002": "INVALID_REQUEST",      # required query parameters missing
    "100003": "CONFIGURATION_ERROR",  # invalid HMAC
    "100004": "PROCESSING_ERROR",     # rate limit exceeded
    "100005": "CONFIGURATION_ERROR",  # missing or invalid application identifier
    "100006": "INVALID_REQUEST",      # resource not found
    "100007": "INVALID_REQUEST",
    "100008": "INVALID_REQUEST",
    "100009": "INVALID_REQUEST",      # request parameter threat detected
    "100010": "INVALID_REQUEST",      # request content threat detected
    "100011": "PROCESSING_ERROR",
    "100012": "PROCESSING_ERROR",
    "400000": "INVALID_REQUEST",
    "800000": "PROCESSING_ERROR",
    **{f"9000{n:02d}": "INVALID_REQUEST" for n in range(0, 35)},  # a field in an invalid format or left blank
    "900016": "INVALID_CARD_DATA",    # credit card number format
    "900017": "INVALID_CARD_DATA",    # expiration date format
    "900018": "INVALID_CARD_DATA",    # CVV format or left blank
    "910000": "TRANSACTION_NOT_PERMITTED",
    "910001": "TRANSACTION_NOT_PERMITTED",  # Visa not allowed
    "910002": "TRANSACTION_NOT_PERMITTED",  # MasterCard not allowed
    "910003": "TRANSACTION_NOT_PERMITTED",  # American Express not allowed
    "910004": "TRANSACTION_NOT_PERMITTED",  # Discover not allowed
    "910005": "TRANSACTION_NOT_PERMITTED",
    "911911": "CONFIGURATION_ERROR",  # M_id or M_key incorrect, web services not enabled
    "920000": "INVALID_REQUEST",      # item not found
    "920001": "INVALID_REQUEST",      # no corresponding sale within 6 months for the credit
    "920050": "INVALID_REQUEST",      # a debit transaction can not be voided
    "920051": "INVALID_REQUEST",      # operation not supported
}
DIRECT_API_DECLINES = {
    "650102": "RISK_REJECTED",          # AVS not an exact match, transaction VOIDed
    "650103": "RISK_REJECTED",
    "650104": "INCORRECT_CVC",          # CVV result, transaction VOIDed
    "920002": "RISK_REJECTED",          # address verification failure
    "900035": "AUTHENTICATION_FAILED",  # PIN incorrect
}
DIRECT_API_UNKNOWN = ["711711", "999999"]  # review the transaction history to determine its status
CHARGE_STATUSES = {"approved": "APPROVED", "declined": "DECLINED"}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status_id", "status_code"],
    "reason_code": ["reason_code_id"],
    "currency": ["currency_code"],
    "event_time": ["modified_ts", "created_ts"],
    "payment_method": ["payment_method"],
    "card_brand": ["account_type"],
    "merchant_id": ["location_id"],
    "attempt_id": ["id"],
    "payment_id": ["order_num", "order_number"],
}
_TRANSACTION_RULES = [
    {"when": {"type_id": REFUND_TYPE_ID, "status_id": ["101", "134"]},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"type_id": REFUND_TYPE_ID}, "set": {"event_kind": "REFUND"}},
    {"when": {"status_id": "201"}, "set": {"event_kind": "VOID"}},
]
_REFUND_FIELDS = {"attempt_id": ["previous_transaction_id"], "refund_id": ["id"]}


def _transaction(name: str, root: str, unit: str) -> list[dict]:
    """The variants of one transaction envelope: an AVS-only verification, a refund, any other transaction."""
    return [
        {"name": f"{name}.avs_only", "match": {f"{root}.status_id": AVS_ONLY},
         "not_a_payment": "a Paya AVS-only card verification moves no money"},
        {"name": f"{name}.refund", "match": {f"{root}.type_id": REFUND_TYPE_ID, f"{root}.id": {"exists": True}},
         "root": root, "amount_unit": unit, "default_currency": "USD",
         "fields": {**_TRANSACTION_FIELDS, **_REFUND_FIELDS},
         "rules": _TRANSACTION_RULES},
        {"name": name, "match": {f"{root}.id": {"exists": True}, f"{root}.reason_code_id": {"exists": True}},
         "root": root, "amount_unit": unit, "default_currency": "USD", "rules": _TRANSACTION_RULES},
    ]


SPEC = {
    "provider": "paya",
    "aliases": ["paya", "paya connect", "payaconnect", "payaconnect.com", "sage payments", "sagepayments",
                "sage payment solutions", "fortis", "fortispay", "paya core"],
    "detect": [
        {"path": "transaction.reason_code_id", "exists": True, "weight": 0.3},
        {"path": "transaction.product_transaction_id", "exists": True, "weight": 0.2},
        {"path": "transaction.location_id", "exists": True, "weight": 0.1},
        {"path": "transaction.status_id", "in": [*STATUS_IDS, AVS_ONLY], "weight": 0.1},
        {"path": "transaction.trx_source_id", "exists": True, "weight": 0.1},
        {"path": "transaction._links.self.href", "prefix": ["https://api.sandbox.payaconnect.com",
                                                            "https://api.payaconnect.com"], "weight": 0.3},
        {"path": "data.reason_code_id", "exists": True, "weight": 0.3},
        {"path": "data.product_transaction_id", "exists": True, "weight": 0.2},
        {"path": "data.location_id", "exists": True, "weight": 0.1},
        {"path": "data.status_id", "in": [*STATUS_IDS, AVS_ONLY], "weight": 0.1},
        {"path": "data.trx_source_id", "exists": True, "weight": 0.1},
        # Direct API charge response and error body
        {"path": "riskCode", "exists": True, "weight": 0.2},
        {"path": "networkId", "exists": True, "weight": 0.15},
        {"path": "isPurchaseCard", "exists": True, "weight": 0.15},
        {"path": "reference", "exists": True, "weight": 0.05},
        {"path": "code", "in": [*DIRECT_API_ERRORS, *DIRECT_API_DECLINES, *DIRECT_API_UNKNOWN], "weight": 0.35},
        {"path": "info", "exists": True, "weight": 0.15},
        {"path": "detail", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "major",
    "status_map": STATUS_IDS,
    "reason_map": REASON_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {**_TRANSACTION_FIELDS, "amount": ["transaction_amount"]},
    "variants": [
        *_transaction("connect.transaction", "transaction", "major"),
        *_transaction("fortis.transaction", "data", "minor"),
        {
            "name": "direct.charge",
            "match": {"status": {"exists": True}, "reference": {"exists": True}},
            "status_map": CHARGE_STATUSES,
            "reason_map": {},
            "rules": [{"when": {"status": "Declined"}, "set": {"failure_reason": "GENERIC_DECLINE"}}],
            "fields": {"provider_transaction_id": ["reference"], "status": ["status"], "reason_code": ["code"],
                       "amount": ["approvedAmount"], "event_time": ["timestamp"], "attempt_id": ["reference"],
                       "payment_id": ["orderNumber"], "payment_method": [],
                       "card_brand": [],
                       "merchant_id": [], "currency": []},
            "default_payment_method": "CARD",
        },
        {
            "name": "fortis.error",
            "match": {"statusCode": ["401", "412"], "title": {"exists": True}},
            "status": "ERROR",
            "reason_map": FORTIS_ERRORS,
            "fields": {"provider_transaction_id": ["id"], "reason_code": ["statusCode"], "amount": [],
                       "attempt_id": [], "payment_id": []},
        },
        {
            "name": "direct.error",
            "match": {"code": [*DIRECT_API_ERRORS, *DIRECT_API_DECLINES, *DIRECT_API_UNKNOWN],
                      "message": {"exists": True}},
            "status": "ERROR",
            "reason_map": {**DIRECT_API_ERRORS, **DIRECT_API_DECLINES},
            "fields": {"provider_transaction_id": [], "reason_code": ["code"], "amount": [],
                       "attempt_id": [], "payment_id": [], "status": []},
            "rules": [
                {"when": {"code": list(DIRECT_API_DECLINES)}, "set": {"status_category": "DECLINED"}},
                {"when": {"code": DIRECT_API_UNKNOWN}, "set": {"status_category": "UNKNOWN"}},
            ],
            "default_payment_method": "CARD",
        },
    ],
}
