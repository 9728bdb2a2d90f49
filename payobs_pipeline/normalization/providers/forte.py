"""Forte (CSG Forte Payment Systems): the REST API v3 transaction answer and webhook, and the Advanced Gateway
Interface (AGI / SWP) key=value reply.

Sources:
- Forte REST API v3, "Transactions" (developers.forte.net/transactions-rest-api/): the transaction object's
  transaction_id (``trn_...``), organization_id (``org_...``), location_id (``loc_...``), action (sale, authorize,
  credit "send funds to a bank account or credit/debit card", void "stop a transaction or cancel the hold on a
  transaction that was authorized", capture, force, verify), status, customer_token, order_number
  ("merchant-assigned ID code"), reference_id, original_transaction_id ("the trace number returned by the original
  transaction"), authorization_amount (dollars), authorization_code, received_date, card {card_type, ...},
  echeck {...}, and the response object {environment, response_type, response_code, response_desc,
  authorization_code, avs_result, cvv_code}.
- "Transaction Codes" (forte.net/devdocs/reference/transaction_response_codes.htm, the same table as
  response_codes.htm): transaction statuses Authorized ("payment was authorized; to complete the sale, the item
  must be captured"), Complete (eCheck verification positive or unknown), Declined, Failed (eCheck verification
  negative, or failed for the reasons in the response code), Funded (eCheck funded), Ready ("received and is
  awaiting origination (echeck) or settlement (credit card)"), Rejected ("eCheck item has been rejected or
  returned by the client's financial institution. Merchant will not be funded"), Review ("unable to be settled
  due to a merchant configuration issue"), Settled, Settling ("eCheck item has been originated and Forte is
  awaiting the settlement results"), Unfunded ("previously funded echeck item has been returned and funding was
  reversed"), Voided.
- Transaction response codes (the same page; Forte's support article "What are Response Codes?"
  support.forte.net/support/solutions/articles/11000053799, and the AGI Integration Guide v3.x appendix A
  "Approved and Declined Responses", "Formatting Error Codes" and "Fatal Exceptions"): A01 approved, A03 partial
  authorization; U01-U90 declines (U83 "AUTH DECLINE": the description carries the authorizer's text, e.g. NSF,
  EXPIRED CARD, PIC UP, CID MISMATCH, INVALID ACCT, as Forte customers' help pages list them); F01-F07 formatting
  errors; E10-E99 fatal exceptions; R01-R28 ACH return codes of rejected / unfunded eCheck items.
- AGI reply pairs (AGI Integration Guide, "Response Fields"): pg_response_type (A approved, D declined, E error),
  pg_response_code, pg_response_description, pg_authorization_code, pg_trace_number, pg_transaction_type
  (10 sale, 11 auth only, 12 capture, 13 credit, 14 void, 15 pre-auth; 20-26 the eCheck ones: 20 sale, 21 auth
  only, 22 capture, 23 credit, 24 void, 25 force, 26 verify only), pg_total_amount, pg_merchant_id.
- Webhooks ("Forte Checkout - Using Webhooks" support.forte.net/support/solutions/articles/1000102770, and
  developers.forte.net/using-webhooks): events transaction.sale, transaction.authorize, customer.create/update,
  paymethod.create/update, schedule.create/update; the example body is {"location_id": ..., "transaction":
  {...the transaction object...}}. Customer, paymethod and schedule bodies are no payment outcome.
- Settlements (developers.forte.net/settlements-rest-api): settle_id (``stl_...``), transaction_id, order_number,
  settle_date, settle_type (deposit, reject "an ACH return such as Non-Sufficient Funds or Account Closed",
  withdrawal "such as a credit"), settle_response_code (the response codes table: the R codes of a return),
  settle_amount, method.

Forte processes US dollars only (its card and ACH products are US/Canadian-address, USD-denominated), so a body
with no currency is USD. Reasons: the response code, then the authorizer's text in the description (so U83
"NSF" is INSUFFICIENT_FUNDS, not a generic decline); a rejected or unfunded eCheck carries its ACH return code.
The AGI reply ends with an ``endofdata`` line that is no pair (formats.py drops it).

Lifecycle identity: the transaction id is the attempt (the original_transaction_id on a capture, void or credit
of an earlier transaction); the merchant's order_number is the payment; a credit's own id is the refund.
"""

from __future__ import annotations

_CUSTOMER = {"source": "CUSTOMER"}

RESPONSE_CODES = {
    "U01": "REVOKED",  # MERCH AUTH REVOKED: merchant not allowed to access the customer account (EFT)
    "U02": "RISK_REJECTED",  # ACCOUNT NOT APPROVED: the account is on Forte's "known bad" list / TRN not approved
    "U03": "LIMIT_EXCEEDED",  # DAILY TRANS LIMIT (merchant)
    "U04": "LIMIT_EXCEEDED",  # MONTHLY TRANS LIMIT (merchant)
    "U05": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # AVS FAILURE ZIPCODE
    "U06": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # AVS FAILURE AREACODE
    "U07": "RISK_REJECTED",  # AVS FAILURE EMAIL: anonymous email check failed
    "U10": "DUPLICATE",  # DUPLICATE TRANSACTION
    "U11": "INVALID_REQUEST",  # RECUR TRANS NOT FOUND
    "U12": "INVALID_REQUEST",  # UPDATE NOT ALLOWED: original not voidable or capturable
    "U13": "INVALID_REQUEST",  # ORIG TRANS NOT FOUND
    "U14": "INVALID_REQUEST",  # BAD TYPE FOR ORIG TRANS
    "U15": "INVALID_REQUEST",  # ALREADY VOIDED / ALREADY CAPTURED
    "U18": "PROCESSING_ERROR",  # UPDATE FAILED: void or capture failed
    "U19": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # INVALID TRN: the account's ABA number
    "U20": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # INVALID CREDIT CARD NUMBER
    "U21": "INVALID_REQUEST",  # BAD START DATE
    "U22": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # SWIPE DATA FAILURE
    "U23": "EXPIRED_CARD",  # INVALID EXPIRATION DATE: "expiration date is expired"
    "U25": "INVALID_REQUEST",  # INVALID AMOUNT (negative)
    "U26": "INVALID_REQUEST",  # INVALID DATA
    "U27": "CONFIGURATION_ERROR",  # CONV FEE NOT ALLOWED: merchant not configured for a convenience fee
    "U28": "INVALID_REQUEST",  # CONV FEE INCORRECT
    "U29": "GENERIC_DECLINE",  # CONV FEE DECLINED (SplitCharge)
    "U30": "GENERIC_DECLINE",  # PRINCIPAL DECLINED (SplitCharge)
    "U51": "CONFIGURATION_ERROR",  # MERCHANT STATUS: merchant is not live
    "U52": "TRANSACTION_NOT_PERMITTED",  # TYPE NOT ALLOWED: merchant not approved for the transaction type
    "U53": "LIMIT_EXCEEDED",  # PER TRANS LIMIT
    "U54": "CONFIGURATION_ERROR",  # INVALID MERCHANT CONFIG
    "U80": "RISK_REJECTED",  # PREAUTH DECLINE: declined by the preauthorization (Forte Verify)
    "U81": "TIMEOUT",  # PREAUTH TIMEOUT
    "U82": "PROCESSING_ERROR",  # PREAUTH ERROR
    "U83": "GENERIC_DECLINE",  # AUTH DECLINE: general decline of the card (the description says more)
    "U84": "TIMEOUT",  # AUTH TIMEOUT: authorizer not responding
    "U85": "PROCESSING_ERROR",  # AUTH ERROR
    "U86": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # AVS FAILURE AUTH: the authorizer's AVS check failed
    "U87": "ISSUER_UNAVAILABLE",  # AUTH BUSY: "may be resubmitted"
    "U88": "PROCESSING_ERROR",  # PREAUTH BUSY: verification vendor busy
    "U89": "ISSUER_UNAVAILABLE",  # AUTH UNAVAIL: vendor service unavailable
    "U90": "PROCESSING_ERROR",  # PREAUTH UNAVAIL: verification service unavailable
    # Formatting errors (the description lists <code>:<fieldname> pairs).
    **dict.fromkeys(["F01", "F03", "F04", "F05", "F07"], "INVALID_REQUEST"),
    # Fatal exceptions.
    "E10": "CONFIGURATION_ERROR",  # INVALID MERCH OR PASSWD
    "E20": "TIMEOUT",  # MERCHANT TIMEOUT: transaction message not received
    "E55": "INVALID_REQUEST",  # INVALID TOKEN
    "E90": "CONFIGURATION_ERROR",  # BAD MERCH IP ADDR
    "E99": "PROCESSING_ERROR",  # INTERNAL ERROR
    # ACH return codes of rejected / unfunded eCheck items.
    "R01": "INSUFFICIENT_FUNDS",  # INSUFFICIENT FUNDS
    "R02": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # ACCOUNT CLOSED
    "R03": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # NO ACCOUNT
    "R04": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # INVALID ACCOUNT NUMBER
    "R05": "TRANSACTION_NOT_PERMITTED",  # PRENOTE NOT RECEIVED
    "R06": "GENERIC_DECLINE",  # RETURNED PER ODFI
    "R07": "REVOKED",  # AUTHORIZATION REVOKED
    "R08": "REVOKED",  # PAYMENT STOPPED
    "R09": "INSUFFICIENT_FUNDS",  # UNCOLLECTED FUNDS
    "R10": "REVOKED",  # NO AUTHORIZATION: the account holder says the transaction is not authorized
    "R11": "GENERIC_DECLINE",  # CHECK SAFEKEEPING RETURN
    "R12": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # BRANCH SOLD
    "R13": "TRANSACTION_NOT_PERMITTED",  # RDFI NOT QUALIFIED
    "R14": "RESTRICTED_CARD",  # DECEASED
    "R15": "RESTRICTED_CARD",  # BENEFICIARY DECEASED
    "R16": "RESTRICTED_CARD",  # ACCOUNT FROZEN
    "R20": "TRANSACTION_NOT_PERMITTED",  # NON-TRANSACTION ACCOUNT
    "R23": "REVOKED",  # PAYMENT REFUSED by the account holder
    "R24": "DUPLICATE",  # DUPLICATE ENTRY
    "R26": "INVALID_REQUEST",  # MANDATORY ERROR: a mandatory field is missing
    "R28": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # INVALID TRN
}

# The authorizer's own words in a U83 description (listed by Forte customers' help pages for U83).
AUTHORIZER_TEXTS = {
    "NSF": "INSUFFICIENT_FUNDS",
    "EXPIRED CARD": "EXPIRED_CARD",
    "PIC UP": "LOST_OR_STOLEN_CARD",
    "CID MISMATCH": "INCORRECT_CVC",
    "INVALID ACCT": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "DECLINE": "GENERIC_DECLINE",
    "AUTHENTICATION IS INVALID": "CONFIGURATION_ERROR",
}

# The transaction's status (REST transaction object, webhook) and the response type (A / D / E).
STATUSES = {
    "authorized": "APPROVED",
    "complete": "APPROVED",
    "declined": "DECLINED",
    "failed": "DECLINED",
    "funded": "APPROVED",
    "ready": "APPROVED",
    "rejected": "DECLINED",  # eCheck rejected or returned before funding: the merchant is not funded
    "review": "PENDING",  # held: cannot settle until Forte resolves a merchant configuration issue
    "settled": "APPROVED",
    "settling": "PENDING",  # eCheck originated, settlement results awaited
    "unfunded": "CHARGEBACK",  # funded eCheck returned and funding reversed (as Authorize.net's returnedItem)
    "voided": "CANCELLED",
}
RESPONSE_TYPES = {"a": "APPROVED", "d": "DECLINED", "e": "ERROR"}

# Settlements (developers.forte.net/settlements-rest-api): settle_type deposit ("a deposit to the merchant's bank
# account or a payment received"), reject ("an ACH return such as Non-Sufficient Funds or Account Closed. There is
# no corresponding funding"), withdrawal ("a withdrawal from the merchant's bank account such as a credit").
SETTLE_TYPES = {"deposit": "APPROVED", "reject": "DECLINED", "withdrawal": "REFUNDED"}

CARD_TYPES = {"mast": "mastercard", "disc": "discover", "dine": "diners"}

# AGI pg_transaction_type.
CARD_TRANSACTION_TYPES = ["10", "11", "12", "13", "14", "15"]
ECHECK_TRANSACTION_TYPES = ["20", "21", "22", "23", "24", "25", "26"]

TRANSACTION_FIELDS = {
    "provider_transaction_id": ["transaction_id"],
    "status": ["status", "response.response_type"],
    "reason_code": ["response.response_code", "response.response_desc"],
    "amount": ["authorization_amount"],
    "event_time": ["received_date"],
    "card_brand": ["card.card_type"],
    "merchant_id": ["location_id"],
    "attempt_id": ["original_transaction_id", "transaction_id"],
    "payment_id": ["order_number"],
    "customer_country": ["billing_address.physical_address.country"],
}

TRANSACTION_RULES = [
    {"when": {"echeck": {"exists": True}}, "set": {"payment_method": "DIRECT_DEBIT"}},
    {"when": {"action": "capture"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"action": "void"}, "set": {"event_kind": "VOID"}},
    {"when": {"action": "void", "response.response_type": "A"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"action": "credit"}, "set": {"event_kind": "REFUND"}},
    {"when": {"action": "credit", "response.response_type": "A"}, "set": {"status_category": "REFUNDED"}},
]

SPEC = {
    "provider": "forte",
    "aliases": ["forte", "csg forte", "csgforte", "forte payment systems", "forte_payments", "forte.net",
                "forte agi", "forte rest"],
    "detect": [
        # REST transaction object.
        {"path": "transaction_id", "prefix": "trn_", "weight": 0.4},
        {"path": "location_id", "prefix": "loc_", "weight": 0.3},
        {"path": "organization_id", "prefix": "org_", "weight": 0.1},
        {"path": "response.response_code", "exists": True, "weight": 0.1},
        {"path": "response.response_type", "in": ["A", "D", "E"], "weight": 0.1},
        {"path": "authorization_amount", "exists": True, "weight": 0.1},
        # Webhook: the transaction, customer or paymethod beside the location.
        {"path": "transaction.transaction_id", "prefix": "trn_", "weight": 0.4},
        {"path": "customer.customer_token", "prefix": "cst_", "weight": 0.3},
        {"path": "paymethod.paymethod_token", "prefix": "mth_", "weight": 0.3},
        # Settlement of a transaction.
        {"path": "settle_id", "prefix": "stl_", "weight": 0.5},
        # AGI reply pairs.
        {"path": "pg_response_type", "in": ["A", "D", "E"], "weight": 0.4},
        {"path": "pg_response_code", "exists": True, "weight": 0.2},
        {"path": "pg_response_description", "exists": True, "weight": 0.1},
        {"path": "pg_trace_number", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "USD",
    "default_payment_method": "CARD",
    "reason_map": {**RESPONSE_CODES, **AUTHORIZER_TEXTS},
    "reason_fallback": "iso8583",
    "card_brand_map": CARD_TYPES,
    "status_map": {**STATUSES, **RESPONSE_TYPES},
    "variants": [
        {
            "name": "webhook.transaction",
            "match": {"transaction.transaction_id": {"exists": True}},
            "root": "transaction",
            "fields": TRANSACTION_FIELDS,
            "rules": TRANSACTION_RULES,
        },
        *({"name": f"webhook.{kind}", "match": {kind: {"exists": True}, "transaction": {"exists": False}},
           "not_a_payment": f"a {kind} event creates or updates stored data, no payment"}
          for kind in ("customer", "paymethod", "schedule")),
        {
            "name": "settlement",
            "match": {"settle_id": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["settle_type"],
                "reason_code": ["settle_response_code"],
                "amount": ["settle_amount"],
                "event_time": ["settle_date"],
                "merchant_id": ["location_id"],
                "attempt_id": ["transaction_id"],
                "payment_id": ["order_number"],
            },
            "status_map": SETTLE_TYPES,
            "rules": [{"when": {"method": "echeck"}, "set": {"payment_method": "DIRECT_DEBIT"}}],
        },
        {
            "name": "transaction",
            "match": {"transaction_id": {"exists": True}},
            "fields": TRANSACTION_FIELDS,
            "rules": TRANSACTION_RULES,
        },
        {
            "name": "transaction.rejected_request",
            # A REST answer that created no transaction: the response object alone, with the request's echo.
            "match": {"response.response_type": {"exists": True}, "transaction_id": {"exists": False}},
            "fields": {**TRANSACTION_FIELDS, "status": ["response.response_type"]},
            "rules": TRANSACTION_RULES,
        },
        {
            "name": "agi",
            "match": {"pg_response_type": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["pg_trace_number"],
                "status": ["pg_response_type"],
                "reason_code": ["pg_response_code", "pg_response_description"],
                "amount": ["pg_total_amount"],
                "merchant_id": ["pg_merchant_id"],
                "attempt_id": ["pg_original_trace_number", "pg_trace_number"],
                "payment_id": ["pg_consumerorderid", "ecom_consumerorderid"],
            },
            "status_map": RESPONSE_TYPES,
            "rules": [
                {"when": {"pg_transaction_type": ECHECK_TRANSACTION_TYPES}, "set": {"payment_method": "DIRECT_DEBIT"}},
                {"when": {"pg_transaction_type": ["12", "22"]}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"pg_transaction_type": ["14", "24"]}, "set": {"event_kind": "VOID"}},
                {"when": {"pg_transaction_type": ["14", "24"], "pg_response_type": "A"},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"pg_transaction_type": ["13", "23"]}, "set": {"event_kind": "REFUND"}},
                {"when": {"pg_transaction_type": ["13", "23"], "pg_response_type": "A"},
                 "set": {"status_category": "REFUNDED"}},
            ],
        },
    ],
}
