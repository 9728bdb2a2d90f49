"""First Data Payeezy (Payeezy REST API, api.payeezy.com/v1/transactions): card, token and TeleCheck replies.

Sources:
- developer.payeezy.com (Payeezy REST API "Transactions" reference: POST /v1/transactions and
  /v1/transactions/{id}; request transaction_type authorize / purchase / capture / refund / void / split, method
  credit_card / token / tele_check / paypal / valuelink, amount "in the lowest denomination of the currency
  (e.g. cents)", currency_code; reply correlation_id, transaction_status approved / declined / Not Processed,
  validation_status success / failed, transaction_type, transaction_id, transaction_tag, method, amount,
  currency, avs, cvv2, card {type, cardholder_name, card_number (last 4), exp_date}, token {token_type,
  token_data {type, value}}, bank_resp_code, bank_message, gateway_resp_code, gateway_message; a refused
  request: transaction_status "Not Processed", validation_status "failed",
  Error {messages [{code, description}]}).
- The ActiveMerchant Payeezy adapter (github.com/activemerchant/active_merchant
  lib/active_merchant/billing/gateways/payeezy.rb, library code, not its tests), which states the same wire
  format: money_format :cents (amount in minor units), success when transaction_status == "approved", the
  error code from Error.messages[].code, 401/403 bodies {code, message}, API-proxy faults {fault {faultstring}}.
- support.payeezy.com/hc/en-us/articles/203730509 (First Data Payeezy Gateway Bank Response Codes: "All
  returned bank response codes other than '100' indicate that a transaction did not succeed", "codes values
  of '300' or higher are Issuer/Association Declines, while those in the '200' series are Rejects"; the
  three-digit First Data numbering, not ISO 8583), the same table with names at
  support.exactpay.com/knowledge/bank-response-codes-fi-codes and asispay.gatewayaid.com/codes/banks/_3/7
  (e.g. 531 CVV2/VAK Failure, 811 Invalid Security Code, 813 Invalid PIN, 825 No Account).
- support.payeezy.com/hc/en-us/articles/203730499 (eCommerce Response Codes, the gateway_resp_code: "00"
  Transaction Normal, "08" CVV2/CID/CVC2 Data not verified; any other code means the gateway did not
  process the transaction normally).
Amounts are integers in minor units of ``currency``.

Lifecycle identity: ``transaction_id`` is the transaction; a capture, void or refund is posted to
/v1/transactions/{id of the authorization} and answers with its own transaction_id, so only an
authorization's id is its attempt_id; ``correlation_id`` is the request's trace id, not kept.
"""

from __future__ import annotations

# First Data bank response codes (see the docstring): code -> reason. 100-111 and 164 are successes.
BANK_CODES = {
    "000": "ISSUER_UNAVAILABLE",  # No Answer: First Data received no answer from the auth network
    "201": "INVALID_CARD_DATA",  # Invalid CC Number
    "202": "INVALID_REQUEST",  # Bad Amount Nonnumeric Amount
    "203": "INVALID_REQUEST",  # Zero Amount
    "204": "PROCESSING_ERROR",  # Other Error (unidentifiable)
    "205": "INVALID_REQUEST",  # Bad Total Auth Amount
    **dict.fromkeys(["218", "219", "220", "225", "227", "229", "253"], "INVALID_REQUEST"),  # invalid field data
    "223": "INVALID_CARD_DATA",  # card number does not match method of payment
    "301": "ISSUER_UNAVAILABLE",  # Issuer unavailable
    "302": "INSUFFICIENT_FUNDS",  # Credit Floor
    "303": "GENERIC_DECLINE",  # Processor Decline
    "304": "INVALID_CARD_DATA",  # Not On File
    "307": "INVALID_REQUEST",  # Authorization Not Found
    "401": "GENERIC_DECLINE",  # Call
    "402": "GENERIC_DECLINE",  # Default Call
    "501": "LOST_OR_STOLEN_CARD",  # Pickup
    "502": "LOST_OR_STOLEN_CARD",  # Lost/Stolen
    "503": "SUSPECTED_FRAUD",  # Fraud / Security Violation
    "505": "RISK_REJECTED",  # Negative File
    "509": "LIMIT_EXCEEDED",  # Over the limit
    "510": "LIMIT_EXCEEDED",  # Over Limit Frequency
    "521": "INSUFFICIENT_FUNDS",  # Insufficient funds
    "522": "EXPIRED_CARD",  # Card is expired
    "530": "GENERIC_DECLINE",  # Do Not Honor
    "531": "INCORRECT_CVC",  # CVV2/VAK Failure
    "546": "RESTRICTED_CARD",  # Blocked Account
    "550": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # Closed Account, New Account Issued
    "570": "REVOKED",  # Stop payment order
    "571": "REVOKED",  # Revocation of Authorization
    "572": "REVOKED",  # Revocation of All Authorizations
    "585": "INVALID_REQUEST",  # No Original Authorization Found
    "586": "GENERIC_DECLINE",  # Outstanding Authorization, Funds on Hold
    "591": "INVALID_CARD_DATA",  # Invalid CC Number
    "594": "GENERIC_DECLINE",  # Other error, issuer generated
    "595": "INVALID_CARD_DATA",  # New Card Issued
    "596": "SUSPECTED_FRAUD",  # Suspected Fraud
    "605": "INVALID_CARD_DATA",  # Invalid Expiration Date
    "606": "TRANSACTION_NOT_PERMITTED",  # Invalid Transaction Type (issuer does not allow it)
    "754": "INVALID_CARD_DATA",  # Account Closed
    "755": "INVALID_CARD_DATA",  # No Account / Unable to Locate
    "758": "RESTRICTED_CARD",  # Account Frozen
    "763": "INVALID_CARD_DATA",  # Invalid Account Number
    "764": "REVOKED",  # Authorization Revoked by Consumer
    "768": "INVALID_CARD_DATA",  # Bad Account Number Data
    "806": "RESTRICTED_CARD",  # Restraint
    "811": "INCORRECT_CVC",  # Invalid Security Code
    "813": "AUTHENTICATION_FAILED",  # Invalid PIN
    "818": "INVALID_CARD_DATA",  # No Savings Account
    "825": "INVALID_CARD_DATA",  # No Account
    "903": "INVALID_CARD_DATA",  # Invalid Expiration
    "997": "PROCESSING_ERROR",  # Acquirer Error
}
# gateway_resp_code other than 00 (normal) and 08 (CVV2 data not verified, a warning): the gateway did not
# process the transaction normally (eCommerce Response Codes).
GATEWAY_CODES = {
    "10": "INVALID_REQUEST",  # Invalid Transaction Description
    "11": "INVALID_REQUEST",  # Invalid Sequence No
    "12": "TIMEOUT",  # Message Timed-out at Host
    "21": "PROCESSING_ERROR",  # BCE Function Error
    "22": "INVALID_CARD_DATA",  # Invalid Credit Card Number
    "25": "INVALID_CARD_DATA",  # Invalid Expiry Date
    "26": "INVALID_REQUEST",  # Invalid Amount
    "27": "INVALID_REQUEST",  # Invalid Card Holder
    "28": "INVALID_REQUEST",  # Invalid Authorization No
    "31": "INVALID_REQUEST",  # Invalid Verification String
    "32": "INVALID_REQUEST",  # Invalid Transaction Code
    "42": "PROCESSING_ERROR",  # Unable to Send Logon
    "43": "PROCESSING_ERROR",  # Unable to Send Trans
    "44": "CONFIGURATION_ERROR",  # Invalid Logon
    "52": "CONFIGURATION_ERROR",  # Terminal not Activated
    "53": "CONFIGURATION_ERROR",  # Terminal/Gateway Mismatch
    "54": "CONFIGURATION_ERROR",  # Invalid Processing Center
    "55": "PROCESSING_ERROR",  # No Processors Available
    "56": "PROCESSING_ERROR",  # Database Unavailable
    "57": "INVALID_REQUEST",  # Invalid Reference No
    "58": "INVALID_REQUEST",  # Invalid AVS String
    "63": "DUPLICATE",  # Invalid Duplicate
    "64": "INVALID_REQUEST",  # Invalid Refund
    "68": "RESTRICTED_CARD",  # Restricted Card Number
    "72": "INVALID_REQUEST",  # Data within the transaction is incorrect
    "93": "INVALID_REQUEST",  # Invalid authorization number entered on a pre-auth completion
}

STATUSES = {"approved": "APPROVED", "declined": "DECLINED", "not processed": "ERROR"}
PAYMENT_METHODS = {"credit_card": "CARD", "token": "CARD", "3ds": "CARD", "tele_check": "DIRECT_DEBIT",
                   "paypal": "WALLET", "valuelink": "CARD"}

_FIELDS = {
    "provider_transaction_id": ["transaction_id", "transaction_tag"],
    "status": ["transaction_status"],
    "reason_code": ["bank_resp_code", "gateway_resp_code", "Error.messages.0.code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["method"],
    "card_brand": ["card.type", "token.token_data.type"],
    "payment_id": ["merchant_ref"],
}
_GATEWAY_ERRORS = sorted(code for code, reason in GATEWAY_CODES.items() if reason not in (
    "INVALID_CARD_DATA", "RESTRICTED_CARD"))

_GATEWAY_RULES = [
    # A gateway code other than 00/08 that is not a card refusal: the gateway did not process it, and its code
    # (not the bank's, which then says nothing about the card) is the reason.
    {"when": {"gateway_resp_code": _GATEWAY_ERRORS}, "set": {"status_category": "ERROR"}},
    *[{"when": {"gateway_resp_code": code}, "set": {"failure_reason": reason}}
      for code, reason in sorted(GATEWAY_CODES.items())],
    # 12 Message Timed-out at Host: whether the host processed it is not known.
    {"when": {"gateway_resp_code": "12"}, "set": {"status_category": "UNKNOWN"}},
]

# Aliases of the legacy API generation (its own module), named by both so a hint reaches either.
LEGACY_ALIASES = ["gge4", "global gateway e4", "first data gge4", "firstdata_gge4", "e-xact",
                  "exact transactions", "payeezy gateway", "firstdata_e4"]

SPEC = {
    "provider": "firstdata",
    "aliases": ["firstdata", "first data", "first_data", "payeezy", "payeezy direct", "payeezy_direct",
                "first data payeezy", "firstdata_payeezy", "fiserv payeezy", "payeezy_gateway", *LEGACY_ALIASES],
    "detect": [
        # transaction_tag with bank_resp_code / gateway_resp_code / validation_status: Payeezy's reply.
        {"path": "transaction_tag", "exists": True, "weight": 0.3},
        {"path": "gateway_resp_code", "exists": True, "weight": 0.3},
        {"path": "bank_resp_code", "exists": True, "weight": 0.2},
        {"path": "validation_status", "in": ["success", "failed"], "weight": 0.2},
        {"path": "transaction_status", "in": ["approved", "declined", "Not Processed"], "weight": 0.2},
        {"path": "token.token_type", "in": ["FDToken"], "weight": 0.3},
        # A refused request: Error.messages beside the reply's own correlation_id and validation_status.
        {"path": "Error.messages.0.code", "exists": True, "weight": 0.2},
        {"path": "correlation_id", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": {**BANK_CODES, **GATEWAY_CODES},
    "payment_method_map": PAYMENT_METHODS,
    "default_payment_method": "CARD",
    "variants": [
        {
            # A refused request (validation_status failed): Error.messages[].code says which field.
            "name": "request_error",
            "match": {"Error.messages": {"exists": True}},
            "status": "ERROR",
            "fields": _FIELDS,
            "rules": [{"when": {"gateway_resp_code": {"exists": False}}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            # A refund: its own transaction_id is the refund's id (the refunded authorization's id is in the
            # request's URL, not in the reply).
            "name": "refund",
            "match": {"transaction_status": {"exists": True}, "transaction_type": "refund"},
            "fields": _FIELDS,
            "event_kind": "REFUND",
            "status_map": {"approved": "REFUNDED", "declined": "DECLINED", "not processed": "DECLINED"},
            "rules": _GATEWAY_RULES,
        },
        {
            "name": "void",
            "match": {"transaction_status": {"exists": True}, "transaction_type": "void"},
            "fields": _FIELDS,
            "event_kind": "VOID",
            "status_map": {"approved": "CANCELLED", "declined": "ERROR", "not processed": "ERROR"},
        },
        {
            "name": "capture",
            "match": {"transaction_status": {"exists": True}, "transaction_type": "capture"},
            "fields": _FIELDS,
            "event_kind": "CAPTURE",
            "rules": _GATEWAY_RULES,
        },
        {
            # authorize / purchase (and split, recurring): the authorization attempt itself.
            "name": "authorization",
            "match": {"transaction_status": {"exists": True}},
            "fields": {**_FIELDS, "attempt_id": ["transaction_id"]},
            "rules": _GATEWAY_RULES,
        },
        {
            # HTTP 401/403 from the API gateway: {"code": "401", "message": "HMAC validation Failure"}.
            "name": "auth_error",
            "match": {"code": ["401", "403"], "message": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"]},
            "rules": [{"when": {"code": {"exists": True}}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            # An API-proxy fault (invalid api key, unknown resource): the account's credentials or set-up.
            "name": "fault",
            "match": {"fault.faultstring": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["fault.detail.errorcode"]},
            "rules": [{"when": {"fault": {"exists": True}}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
    ],
}
