"""Worldpay eCommerce (formerly Vantiv / Litle & Co.) cnpAPI XML: the online responses ``<cnpOnlineResponse>``
(and the older ``<litleOnlineResponse>``) with one transaction response inside (authorizationResponse,
saleResponse, captureResponse, forceCaptureResponse, captureGivenAuthResponse, creditResponse, voidResponse,
authReversalResponse, echeckSalesResponse, echeckCreditResponse, echeckVoidResponse ...), and the response-level
error (``response`` attribute other than 0). The same provider as providers/worldpay.py (WPG XML and Access
Worldpay); the document's shape picks the generation, as PayPal's REST / NVP / SOAP modules do.

Sources (SDK source and SDK fixtures; the cnpAPI Reference Guide itself was not findable in the stored
documentation):
- Response shape: Vantiv's SDK tests (Vantiv/cnp-sdk-for-dotnet and Vantiv/vantiv-sdk-for-python test fixtures:
  ``<cnpOnlineResponse version='12.x' response='0' message='Valid Format' xmlns='http://www.vantivcnp.com/schema'>
  <authorizationResponse id=.. reportGroup=.. customerId=..><cnpTxnId/><orderId/><response>000</response>
  <responseTime/><message>Approved</message><authCode/><fraudResult>...`` and the other *Response elements;
  Vantiv/litle-sdk-for-java / -dotNet / -php certification tests for ``<litleOnlineResponse>`` with ``litleTxnId``);
  activemerchant's litle gateway test fixtures for the response-level error (``response="1" message="Error
  validating xml data against the schema ..."`` / ``"System Error - Call Litle & Co."``).
- Response codes (the cnpAPI transaction response table, as carried by two SDKs): litle_online gem's
  ``@@response_codes`` (000-717: approvals, 1xx soft declines and referrals, 3xx hard declines and request errors,
  4xx email, 5xx Account Updater, 6xx PayPal, 7xx Bill Me Later) and Petflow's litle TransactionResponseCode
  (message, type approved / soft_decline / hard_decline / referral, description, for 000-347). Codes added to the
  table later (eCheck 8xx/9xx, the 1xxx fraud-filter range ...) are not in these sources and are not mapped.

Statuses are read from the transaction's ``response`` code: 000 Approved and 010 Partially Approved are
APPROVED; request and system errors (360-370 transaction not found / already settled / internal error, 191)
are ERROR; every other documented code is a decline. The kind is the element's: capture / force capture /
capture given auth a CAPTURE, credit a REFUND (REFUNDED when approved), void and auth reversal a VOID
(CANCELLED when approved), echeck* the same on a bank account (DIRECT_DEBIT). cnpAPI responses carry no currency
and, outside a partial approval, no amount: amount and currency are left empty rather than guessed. The soft /
hard split follows the Petflow table's type. Account Updater codes 500-506 and email codes 400-401 describe
side services, not the payment's outcome, and are not mapped.

Lifecycle identity: ``cnpTxnId`` (``litleTxnId``) is the transaction's id: the attempt for an authorization or
sale, the refund for a credit; ``orderId`` (the merchant's) is the payment.
"""

from __future__ import annotations

ROOTS = ["cnpOnlineResponse", "litleOnlineResponse"]

# (code, reason, decline type or None): the cnpAPI transaction response codes.
_DECLINES = {
    "100": ("PROCESSING_ERROR", "SOFT"),  # Processing Network Unavailable
    "101": ("ISSUER_UNAVAILABLE", "SOFT"),  # Issuer Unavailable
    "102": ("PROCESSING_ERROR", "SOFT"),  # Re-submit Transaction
    "110": ("INSUFFICIENT_FUNDS", "SOFT"),
    "111": ("INVALID_REQUEST", "HARD"),  # Authorization amount has already been depleted
    "120": ("GENERIC_DECLINE", "SOFT"),  # Call Issuer (referral)
    "121": ("GENERIC_DECLINE", "SOFT"),  # Call AMEX
    "122": ("GENERIC_DECLINE", "SOFT"),  # Call Diners Club
    "123": ("GENERIC_DECLINE", "SOFT"),  # Call Discover
    "124": ("GENERIC_DECLINE", "SOFT"),  # Call JBS
    "125": ("GENERIC_DECLINE", "SOFT"),  # Call Visa/MasterCard
    "126": ("INVALID_CARD_DATA", "SOFT"),  # Call Issuer - Update Cardholder Data
    "127": ("LIMIT_EXCEEDED", "HARD"),  # Exceeds Approval Amount Limit
    "130": ("GENERIC_DECLINE", "SOFT"),  # Call Indicated Number
    "140": ("INVALID_CARD_DATA", "SOFT"),  # Update Cardholder Data
    "192": ("CONFIGURATION_ERROR", "HARD"),  # Merchant not certified/enabled for IIAS
    "301": ("INVALID_CARD_DATA", "HARD"),  # Invalid Account Number
    "302": ("INVALID_CARD_DATA", "HARD"),  # Account Number Does Not Match Payment Type
    "303": ("LOST_OR_STOLEN_CARD", "HARD"),  # Pick Up Card
    "304": ("LOST_OR_STOLEN_CARD", "HARD"),  # Lost/Stolen Card
    "305": ("EXPIRED_CARD", "HARD"),
    "306": ("INVALID_REQUEST", "HARD"),  # Authorization has expired; no need to reverse
    "307": ("RESTRICTED_CARD", "HARD"),
    "308": ("RISK_REJECTED", "HARD"),  # Restricted Card - Chargeback (prior chargeback card filtering)
    "309": ("RISK_REJECTED", "HARD"),  # Restricted Card - Prepaid Filtering Service
    "310": ("INVALID_CARD_DATA", "HARD"),  # Invalid track data
    "311": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # Deposit is already referenced by a chargeback
    "312": ("RISK_REJECTED", "HARD"),  # Restricted Card - International Card Filtering Service
    "315": ("RISK_REJECTED", "HARD"),  # Restricted Card - Auth Fraud Velocity Filtering Service
    "316": ("DUPLICATE", "HARD"),  # Automatic Refund Already Issued
    "318": ("RISK_REJECTED", "HARD"),  # Restricted Card - Auth Fraud Advice Filtering Service
    "320": ("INVALID_CARD_DATA", "HARD"),  # Invalid Expiration Date
    "321": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # Invalid Merchant (card not allowed at this merchant)
    "322": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # Invalid Transaction
    "323": ("INVALID_CARD_DATA", "HARD"),  # No such issuer
    "324": ("AUTHENTICATION_FAILED", "HARD"),  # Invalid Pin
    "325": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # Transaction not allowed at terminal
    "326": ("AUTHENTICATION_FAILED", "HARD"),  # Exceeds number of PIN entries
    "327": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # Cardholder transaction not permitted
    "328": ("REVOKED", "HARD"),  # Cardholder requested that recurring or installment payment be stopped
    "330": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # Invalid Payment Type
    "335": ("TRANSACTION_NOT_PERMITTED", "HARD"),  # method of payment does not support auth reversals
    "336": ("INVALID_REQUEST", "HARD"),  # Reversal amount does not match Authorization amount
    "340": ("INVALID_REQUEST", "HARD"),  # Invalid Amount
    "346": ("INVALID_REQUEST", "HARD"),  # Invalid billing descriptor prefix
    "347": ("CONFIGURATION_ERROR", "HARD"),  # Invalid billing descriptor (not authorized for custom billing)
    "349": ("GENERIC_DECLINE", None),  # Do Not Honor
    "350": ("GENERIC_DECLINE", None),  # Generic Decline
    "351": ("GENERIC_DECLINE", None),  # Decline - Request Positive ID
    "352": ("INCORRECT_CVC", None),  # Decline CVV2/CID Fail
    "353": ("RISK_REJECTED", None),  # Merchant requested decline due to AVS result
    "354": ("TRANSACTION_NOT_PERMITTED", None),  # 3-D Secure transaction not supported by merchant
    "355": ("RISK_REJECTED", None),  # Failed velocity check
    "356": ("INVALID_REQUEST", None),  # Invalid purchase level III, bad or missing data
    "601": ("GENERIC_DECLINE", "SOFT"),  # Soft Decline - Primary Funding Source Failed (PayPal)
    "602": ("GENERIC_DECLINE", "SOFT"),  # Soft Decline - Buyer has alternate funding source
    "610": ("REVOKED", "HARD"),  # Hard Decline - Invalid Billing Agreement Id
    "611": ("GENERIC_DECLINE", "HARD"),  # Hard Decline - Primary Funding Source Failed
    "612": ("RESTRICTED_CARD", "HARD"),  # Hard Decline - Issue with Paypal Account
    "701": ("TRANSACTION_NOT_PERMITTED", None),  # Under 18 years old (Bill Me Later)
    "702": ("TRANSACTION_NOT_PERMITTED", None),  # Bill to outside USA
    "703": ("RISK_REJECTED", None),  # Bill to address is not equal to ship to address
    "704": ("TRANSACTION_NOT_PERMITTED", None),  # Declined, foreign currency, must be USD
    "705": ("RISK_REJECTED", None),  # On negative file
    "706": ("REVOKED", None),  # Blocked agreement
    "707": ("INSUFFICIENT_FUNDS", None),  # Insufficient buying power
    "708": ("INVALID_REQUEST", None),  # Invalid Data
    "709": ("INVALID_REQUEST", None),  # Invalid Data - data elements missing
    "710": ("INVALID_REQUEST", None),  # Invalid Data - data format error
    "711": ("INVALID_REQUEST", None),  # Invalid Data - Invalid T&C version
    "712": ("DUPLICATE", None),  # Duplicate transaction
    "713": ("INVALID_CARD_DATA", None),  # Verify billing address
    "714": ("RESTRICTED_CARD", None),  # Inactive Account
    "716": ("INVALID_REQUEST", None),  # Invalid Auth
    "717": ("DUPLICATE", None),  # Authorization already exists for the order
}
_ERRORS = {
    "191": "CONFIGURATION_ERROR",  # The merchant is not registered in the update program
    "360": "INVALID_REQUEST",  # No transaction found with specified cnpTxnId
    "361": "INVALID_REQUEST",  # Transaction found but already referenced by another deposit
    "362": "INVALID_REQUEST",  # Transaction Not Voided - Already Settled
    "365": "INVALID_REQUEST",  # Total credit amount exceeds capture amount
    "370": "PROCESSING_ERROR",  # Internal System Error - Call Litle
}

RESPONSE_CODES = {
    **{code: {"reason": reason, "decline_type": kind} if kind else reason
       for code, (reason, kind) in _DECLINES.items()},
    **_ERRORS,
}
STATUSES = {
    "000": "APPROVED",
    "010": "APPROVED",  # Partially Approved
    **{code: "DECLINED" for code in _DECLINES},
    **{code: "ERROR" for code in _ERRORS},
}

# Transaction response elements and the event kind each one is.
ELEMENTS = {
    "authorizationResponse": "AUTHORIZATION",
    "saleResponse": "AUTHORIZATION",
    "captureResponse": "CAPTURE",
    "forceCaptureResponse": "CAPTURE",
    "captureGivenAuthResponse": "CAPTURE",
    "creditResponse": "REFUND",
    "voidResponse": "VOID",
    "authReversalResponse": "VOID",
    "echeckSalesResponse": "AUTHORIZATION",
    "echeckCreditResponse": "REFUND",
    "echeckVoidResponse": "VOID",
}
ECHECK_ELEMENTS = {"echeckSalesResponse", "echeckCreditResponse", "echeckVoidResponse"}

# Method-of-payment codes of accountInformation.type.
CARD_TYPES = {"VI": "visa", "MC": "mastercard", "AX": "amex", "DI": "discover", "JC": "jcb", "DC": "diners",
              "PP": None, "BL": None, "EC": None, "GC": None}

_FIELDS = {
    "provider_transaction_id": ["cnpTxnId", "litleTxnId"],
    "status": ["response"],
    "reason_code": ["response"],
    "event_time": ["responseTime"],
    "card_brand": ["accountInformation.type"],
    "merchant_id": ["@reportGroup"],
    "attempt_id": ["cnpTxnId", "litleTxnId"],
    "payment_id": ["orderId"],
    "refund_id": ["cnpTxnId", "litleTxnId"],
}


def _transaction_variants() -> list[dict]:
    variants = []
    for root in ROOTS:
        for element, kind in ELEMENTS.items():
            path = f"{root}.{element}"
            variant = {"name": f"{root}.{element}", "root": path, "match": {f"{path}.response": {"exists": True}},
                       "event_kind": kind}
            if kind == "REFUND":
                variant["rules"] = [{"when": {"response": ["000", "010"]}, "set": {"status_category": "REFUNDED"}}]
            elif kind == "VOID":
                variant["rules"] = [{"when": {"response": ["000", "010"]}, "set": {"status_category": "CANCELLED"}}]
            if element in ECHECK_ELEMENTS:
                variant["default_payment_method"] = "DIRECT_DEBIT"
            variants.append(variant)
    return variants


def _error_variants() -> list[dict]:
    """A response-level failure: the request was refused before any transaction was processed."""
    return [
        {"name": f"{root}.error", "root": root,
         "match": {f"{root}.@response": {"not_in": ["0"]}, f"{root}.@message": {"exists": True}},
         "status": "ERROR",
         "fields": {"provider_transaction_id": ["@cnpSessionId", "@litleSessionId"], "reason_code": ["@response"],
                    "event_time": [], "card_brand": [], "merchant_id": [],
                    "attempt_id": [], "payment_id": [], "refund_id": []},
         "default_payment_method": None,
         "rules": [{"when": {"@message": {"prefix": ["Error validating", "Invalid"]}},
                    "set": {"failure_reason": "INVALID_REQUEST"}},
                   {"when": {"@message": {"prefix": "System Error"}}, "set": {"failure_reason": "PROCESSING_ERROR"}}]}
        for root in ROOTS
    ]


SPEC = {
    "provider": "worldpay",
    "aliases": ["vantiv", "litle", "cnp", "cnpapi", "worldpay ecommerce", "worldpay cnp", "litle & co",
                "worldpay_cnp", "vantiv ecommerce"],
    "detect": [
        {"path": "cnpOnlineResponse", "exists": True, "weight": 0.9},
        {"path": "litleOnlineResponse", "exists": True, "weight": 0.9},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": RESPONSE_CODES,
    "card_brand_map": CARD_TYPES,
    "default_payment_method": "CARD",
    "fields": _FIELDS,
    "variants": [*_transaction_variants(), *_error_variants()],
}
