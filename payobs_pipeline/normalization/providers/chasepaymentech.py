"""Chase Paymentech Orbital Gateway (J.P. Morgan Orbital): XML ``<Response>`` documents.

Sources:
- Orbital Gateway Interface Specification (Chase Paymentech; v4.3 of 02-22-08 at
  https://documents.pub/document/orbital-gateway-interface-specification-43-rafeek-teckie-nbsppdf.html;
  section 6 "Response code definition", 6.2 "RespCode values" at
  https://id.scribd.com/document/239276309/Pay-Men-Tech-Response-Messages): the two-character ``RespCode``
  with its status (Approved / Decline / Error) and action: 00 Approved, 01/02 Call (refer to issuer),
  03 Invalid Merchant Number (Error), 04 Pickup, 05 Do Not Honor, 06 Other Error, 07 Stop Deposit Order,
  08 and 11 approved, 09 Revocation of Auth, 10 Default Call, 12 Invalid Transaction Type, 13 Bad Amount,
  14 Invalid Credit Card Number, 15-18 Default Call with a fraud level, 19 Re-enter Transaction (Error,
  Resend), 20-23 Floor with a fraud level, 24/26/28/29/31/32 approved (validated, pre-noted, received and
  stored, provided auth, request received, BIN alert), 27 No reason to decline (Decline),
  30 Invalid value in message (Error, Fix), 33 Card is expired.
- Orbital response layouts as the specification documents them, copied with the spec's annotations in the
  cfpayment Orbital gateway comments (github.com/ghidinelli/cfpayment, ``api/gateway/...`` Orbital
  component): ``<Response><NewOrderResp>`` with MessageType (A auth, AC auth and mark for capture,
  FC force capture, R refund), MerchantID, TerminalID, CardBrand, OrderID, TxRefNum, TxRefIdx,
  ``ProcStatus`` ("0" = Gateway success for the transaction, else "the specific Gateway Error Code"),
  ``ApprovalStatus`` (1 an overall issuer approval, 0 a decline by the issuer, 2 a message/system error),
  ``RespCode`` (the auth response code stored by the gateway), ``HostRespCode`` (the code stored by the
  host), StatusMsg, PartialAuthOccurred/RequestedAmount/RedeemedAmount; ``<QuickResp>`` "indicates an
  initial Gateway generated error" (ProcStatus 9717 "Security Information - agent/chain/merchant is
  missing"; 882 "This transaction is locked down. You cannot mark or unmark it." with ApprovalStatus 2);
  MarkForCaptureResp and ReversalResp (ProcStatus 0 = the capture / the void was done).
- Chase Paymentech host response reason codes (the 3-digit ``HostRespCode`` of the Salem/Stratus host:
  100 approved; 201 invalid CC number, 302 credit floor, 303 processor decline, 501 pickup, 502 lost/stolen,
  521 insufficient funds, 522 card is expired, 530 do not honor, 531 CVV2/CVC2 failure, 551 duplicate
  transaction, 570 stop deposit order, 571 revocation of authorization, 605 invalid expiration date,
  ...): the table in Kill Bill's payment-retries plugin source
  (github.com/killbill/killbill-payment-retries-plugin ``rules/ChasePaymentechAuthorizationDeclineCode.java``).
- https://docs.tokenex.com/docs/orbital and https://docs.spreedly.com/payment-gateways/orbital/ (Orbital
  endpoints orbital1.chasepaymentech.com; amounts are whole numbers with an implied decimal).

Reasons: ``HostRespCode`` (the host's own code) first when it is a 3-digit Stratus code this table knows,
then ``RespCode`` (the gateway's two-character code), then ``ProcStatus`` (a gateway error). RespCode values
beyond the documented 00-33 are not guessed at (Orbital's codes are not ISO 8583: 15 is "Default Call Low
Fraud", not "no such issuer"), so no shared ISO table is used.
Amounts: the responses carry no currency (it is the merchant's, set up per MID) and the amount is an implied
decimal in a unit Orbital fixes at two decimals whatever the currency, so amounts are left out.
"""

from __future__ import annotations

from typing import Any

_CONFIG = "MERCHANT_CONFIG"
_TECHNICAL = "TECHNICAL"
_PSP_RISK = "PSP_RISK"

# Orbital RespCode (spec section 6.2), the declines and errors.
RESP_CODES: dict[str, Any] = {
    "01": "GENERIC_DECLINE",  # Call / refer to card issuer (voice)
    "02": "GENERIC_DECLINE",  # refer to card issuer's special conditions (voice)
    "03": "CONFIGURATION_ERROR",  # Invalid Merchant Number (Error, Fix)
    "04": "LOST_OR_STOLEN_CARD",  # Pickup
    "05": "GENERIC_DECLINE",  # Do Not Honor
    "06": "GENERIC_DECLINE",  # Other Error (status Decline, action Cust.)
    "07": {"reason": "REVOKED", "decline_type": "HARD"},  # Stop Deposit Order
    "09": {"reason": "REVOKED", "decline_type": "HARD"},  # Revocation of Auth
    "10": "GENERIC_DECLINE",  # Default Call (voice)
    "12": "TRANSACTION_NOT_PERMITTED",  # Invalid Transaction Type
    "13": "INVALID_REQUEST",  # Bad Amount (Fix)
    "14": "INVALID_CARD_DATA",  # Invalid Credit Card Number
    "15": "SUSPECTED_FRAUD",  # Default Call Low Fraud
    "16": "SUSPECTED_FRAUD",  # Default Call Medium Fraud
    "17": "SUSPECTED_FRAUD",  # Default Call High Fraud
    "18": "SUSPECTED_FRAUD",  # Default Call Unavailable Fraud
    "19": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # Re-enter Transaction (Error, Resend)
    "20": "SUSPECTED_FRAUD",  # Floor Low Fraud
    "21": "SUSPECTED_FRAUD",  # Floor Medium Fraud
    "22": "SUSPECTED_FRAUD",  # Floor High Fraud
    "23": "SUSPECTED_FRAUD",  # Floor Unavailable Fraud
    "27": "GENERIC_DECLINE",  # No reason to decline (status Decline)
    "30": "INVALID_REQUEST",  # Invalid value in message (Error, Fix)
    "33": "EXPIRED_CARD",  # Card is expired
}

# Chase Paymentech (Salem/Stratus) host response reason codes, the declines and errors.
HOST_CODES: dict[str, Any] = {
    "109": "DUPLICATE",  # previously processed transaction
    "201": "INVALID_CARD_DATA",  # invalid CC number
    "202": "INVALID_REQUEST",  # bad amount
    "203": "INVALID_REQUEST",  # zero amount
    "204": "GENERIC_DECLINE",  # other error
    "205": "INVALID_REQUEST",  # bad total authorization amount
    "225": "INVALID_REQUEST",  # invalid value in message
    "226": "INVALID_REQUEST",  # invalid data type
    "227": "INVALID_REQUEST",  # missing companion data
    "228": "INVALID_REQUEST",  # invalid record sequence
    "229": "INVALID_REQUEST",  # percents not total 100
    "230": "INVALID_REQUEST",  # payments not total order
    "231": "CONFIGURATION_ERROR",  # invalid merchant number
    "232": "INVALID_REQUEST",  # bad order number
    "233": "INVALID_CARD_DATA",  # does not match method of payment
    "234": "DUPLICATE",  # duplicated order number
    "235": "INVALID_REQUEST",  # FPO locked
    "236": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # auth recycle host down
    "237": "INVALID_REQUEST",  # FPO not allowed
    "238": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _CONFIG},  # invalid currency
    "239": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _CONFIG},  # invalid MOP for division
    "240": "INVALID_REQUEST",  # auth amount wrong
    "241": "INVALID_REQUEST",  # illegal action
    "243": "INVALID_REQUEST",  # invalid purchasing level 3
    "245": "AUTHENTICATION_FAILED",  # invalid secure payment data
    "246": "CONFIGURATION_ERROR",  # merchant not MC SecureCode enabled
    "248": "INVALID_REQUEST",  # blanks not passed in reserved field
    "249": "CONFIGURATION_ERROR",  # invalid MCC sent
    "251": "INVALID_CARD_DATA",  # invalid start date
    "252": "INVALID_CARD_DATA",  # invalid issue number
    "253": "TRANSACTION_NOT_PERMITTED",  # invalid transaction type
    "257": "INVALID_REQUEST",  # customer service phone number required
    "258": "CONFIGURATION_ERROR",  # not authorized to send record
    "260": "GENERIC_DECLINE",  # soft AVS
    "301": "ISSUER_UNAVAILABLE",  # issuer unavailable
    "302": "INSUFFICIENT_FUNDS",  # credit floor
    "303": "GENERIC_DECLINE",  # processor decline
    "304": "INVALID_CARD_DATA",  # not on file
    "332": "SUSPECTED_FRAUD",  # floor low fraud
    "333": "SUSPECTED_FRAUD",
    "334": "SUSPECTED_FRAUD",
    "335": "SUSPECTED_FRAUD",
    "401": "GENERIC_DECLINE",  # call / refer to card issuer
    "402": "GENERIC_DECLINE",  # default call
    "432": "SUSPECTED_FRAUD",  # call low fraud
    "433": "SUSPECTED_FRAUD",
    "434": "SUSPECTED_FRAUD",
    "435": "SUSPECTED_FRAUD",
    "442": "SUSPECTED_FRAUD",  # default call low fraud
    "443": "SUSPECTED_FRAUD",
    "444": "SUSPECTED_FRAUD",
    "445": "SUSPECTED_FRAUD",
    "501": "LOST_OR_STOLEN_CARD",  # pickup
    "502": "LOST_OR_STOLEN_CARD",  # lost/stolen
    "503": "SUSPECTED_FRAUD",  # fraud
    "504": "RESTRICTED_CARD",  # bad debt
    "505": "RESTRICTED_CARD",  # on negative file
    "506": "INVALID_CARD_DATA",  # invalid issuer
    "507": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # invalid response code
    "508": "AUTHENTICATION_FAILED",  # excessive PIN try
    "509": "LIMIT_EXCEEDED",  # over limit
    "510": "LIMIT_EXCEEDED",  # over frequency limit
    "511": "LIMIT_EXCEEDED",
    "512": "LIMIT_EXCEEDED",
    "514": "LIMIT_EXCEEDED",
    "515": "TRANSACTION_NOT_PERMITTED",  # invalid for credit
    "516": "TRANSACTION_NOT_PERMITTED",  # invalid for debit
    "517": "LIMIT_EXCEEDED",  # reversal exceeds withdrawal
    "518": "LIMIT_EXCEEDED",  # one purchasing limit
    "519": "RESTRICTED_CARD",  # on negative file
    "520": "INVALID_REQUEST",  # changed field
    "521": "INSUFFICIENT_FUNDS",
    "522": "EXPIRED_CARD",  # card is expired
    "523": "INVALID_REQUEST",  # encrypted data bad
    "524": "INVALID_REQUEST",  # altered data
    "530": "GENERIC_DECLINE",  # do not honor
    "531": "INCORRECT_CVC",  # CVV2/CVC2 failure
    "532": "SUSPECTED_FRAUD",  # do not honor, low fraud
    "533": "SUSPECTED_FRAUD",
    "534": "SUSPECTED_FRAUD",
    "535": "SUSPECTED_FRAUD",
    "540": "TRANSACTION_NOT_PERMITTED",  # under 18 years old
    "541": "SUSPECTED_FRAUD",  # possible compromise
    "542": "GENERIC_DECLINE",  # bill-to not equal to ship-to
    "543": "INVALID_REQUEST",  # invalid pre-approval number
    "544": "INVALID_REQUEST",  # invalid e-mail address
    "546": "RESTRICTED_CARD",  # blocked account
    "547": "GENERIC_DECLINE",  # address verification failed
    "549": "GENERIC_DECLINE",  # previously declined
    "550": "RESTRICTED_CARD",  # closed account, new account closed
    "551": "DUPLICATE",  # duplicate transaction
    "561": "INVALID_REQUEST",  # re-authorization, no match
    "563": "INVALID_REQUEST",  # re-authorization, timeframes exceeded
    "570": {"reason": "REVOKED", "decline_type": "HARD"},  # stop deposit order
    "571": {"reason": "REVOKED", "decline_type": "HARD"},  # revocation of authorization
    "581": "INVALID_REQUEST",  # unable to void transaction
    "585": "INVALID_REQUEST",  # no original auth found
    "589": "INCORRECT_CVC",  # mag stripe CVD value failed
    "591": "INVALID_CARD_DATA",  # invalid credit card number
    "592": "INVALID_REQUEST",  # bad amount
    "594": "GENERIC_DECLINE",  # other error
    "595": "INVALID_CARD_DATA",  # new card issued
    "596": "SUSPECTED_FRAUD",  # issuer has flagged account as suspected fraud
    "601": "INVALID_CARD_DATA",  # invalid prefix
    "602": "INVALID_CARD_DATA",  # invalid institution code
    "603": "INVALID_CARD_DATA",  # invalid institution
    "604": "INVALID_CARD_DATA",  # invalid cardholder
    "605": "INVALID_CARD_DATA",  # invalid expiration date
    "606": "TRANSACTION_NOT_PERMITTED",  # invalid transaction type
    "607": "INVALID_REQUEST",  # invalid amount
    "610": "RESTRICTED_CARD",  # BIN block
    # ECP (electronic check) host codes.
    "750": "INVALID_CARD_DATA",  # invalid transit routing number
    "751": "INVALID_CARD_DATA",  # unknown transit routing number
    "752": "INVALID_REQUEST",  # missing name
    "753": "INVALID_CARD_DATA",  # invalid account type
    "754": "RESTRICTED_CARD",  # account closed
    "755": "INVALID_CARD_DATA",  # no account / unable to locate
    "756": "RESTRICTED_CARD",  # account holder deceased
    "757": "RESTRICTED_CARD",  # beneficiary deceased
    "758": "RESTRICTED_CARD",  # account frozen
    "759": {"reason": "REVOKED", "decline_type": "HARD"},  # customer opt out
    "760": "TRANSACTION_NOT_PERMITTED",  # ACH non-participant
    "763": "INVALID_CARD_DATA",  # invalid account number
    "764": {"reason": "REVOKED", "decline_type": "HARD"},  # authorization revoked by consumer
    "765": {"reason": "REVOKED", "decline_type": "HARD"},  # customer advises not authorized
    "767": "INVALID_CARD_DATA",  # invalid account format
    "768": "INVALID_CARD_DATA",  # bad account number data
    "813": "AUTHENTICATION_FAILED",  # invalid PIN
    "816": "AUTHENTICATION_FAILED",  # excessive PIN try
    "811": "INCORRECT_CVC",  # invalid Amex CID
    "829": "INSUFFICIENT_FUNDS",  # NSF
    "833": "CONFIGURATION_ERROR",  # invalid merchant
    "834": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _CONFIG},  # method of payment invalid for merchant
    "902": "ISSUER_UNAVAILABLE",  # process unavailable
    "903": "INVALID_CARD_DATA",  # invalid expiration
}

# ProcStatus: the gateway's own error codes (the ones the documented examples show).
PROC_STATUS_CODES: dict[str, Any] = {
    "9717": "CONFIGURATION_ERROR",  # Security Information - agent/chain/merchant is missing
    "882": "INVALID_REQUEST",  # This transaction is locked down. You cannot mark or unmark it.
}

CARD_BRANDS = {
    "VI": "visa", "MC": "mastercard", "AX": "amex", "DI": "discover", "JC": "jcb", "DC": "diners",
    "SW": "maestro", "IM": "maestro", "CZ": "chasenet", "EC": None, "ED": None, "BL": None, "PY": None,
}
PAYMENT_METHODS = {
    "vi": "CARD", "mc": "CARD", "ax": "CARD", "di": "CARD", "jc": "CARD", "dc": "CARD", "sw": "CARD",
    "im": "CARD", "cz": "CARD", "py": "CARD", "cc": "CARD",
    "ec": "DIRECT_DEBIT",  # electronic check (ECP)
    "ed": "DIRECT_DEBIT",  # European direct debit
    "bl": "BNPL",  # Bill Me Later
}

# Response elements of the Orbital interface specification (new order, mark for capture, reversal (void),
# quick response (gateway error), end of day (batch close), customer profile, account updater, gift card).
_ROOTS = ("NewOrderResp", "MarkForCaptureResp", "ReversalResp", "QuickResp", "EndOfDayResp", "ProfileResp",
          "AccountUpdaterResp", "FlexCacheResp")

_COMMON_FIELDS = {
    "provider_transaction_id": ["TxRefNum"],
    "reason_code": ["HostRespCode", "RespCode", "ProcStatus"],
    "payment_method": ["CardBrand"],
    "card_brand": ["CardBrand"],
    "merchant_id": ["MerchantID"],
    "payment_id": ["OrderID"],
    "attempt_id": ["TxRefNum"],
}

# ProcStatus first: anything else than 0 is a gateway error, whatever ApprovalStatus says.
_GATEWAY_ERROR = {"when": {"ProcStatus": {"exists": True}}, "set": {"status_category": "ERROR"}}


def _outcome_rules(approved: str, declined: str) -> list[dict]:
    return [
        _GATEWAY_ERROR,
        {"when": {"ProcStatus": "0", "ApprovalStatus": {"exists": False}}, "set": {"status_category": approved}},
        {"when": {"ProcStatus": "0", "ApprovalStatus": "1"}, "set": {"status_category": approved}},
        {"when": {"ProcStatus": "0", "ApprovalStatus": "0"}, "set": {"status_category": declined}},
        {"when": {"ProcStatus": "0", "ApprovalStatus": "2"}, "set": {"status_category": "ERROR"}},
    ]


# The status read is ProcStatus/ApprovalStatus; the map documents the combinations, the rules decide
# (a non-zero ProcStatus is an error code, not a value a map can list).
_STATUS = {"join": ["ProcStatus", "ApprovalStatus"], "sep": "/"}
_STATUS_MAP = {"0/1": "APPROVED", "0/0": "DECLINED", "0/2": "ERROR", "0/": "APPROVED"}

SPEC = {
    "provider": "chasepaymentech",
    "aliases": ["chasepaymentech", "chase_paymentech", "chase paymentech", "paymentech", "orbital",
                "chase orbital", "chase_orbital", "orbital_gateway", "chase", "chase_payment_tech",
                "jpmorgan_orbital", "jpmc_orbital", "chase merchant services", "jpmorgan_payments_orbital"],
    "detect": [
        *({"path": f"Response.{root}", "exists": True, "weight": 0.9} for root in _ROOTS),
        # A row that stored the inner element only (prepare() wraps it).
        *({"path": f"{root}.ProcStatus", "exists": True, "weight": 0.9} for root in _ROOTS),
        {"path": "Response.NewOrderResp.TxRefNum", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": {**RESP_CODES, **HOST_CODES, **PROC_STATUS_CODES},
    "card_brand_map": CARD_BRANDS,
    "payment_method_map": PAYMENT_METHODS,
    "default_payment_method": "CARD",
    "variants": [
        {
            "name": "not_a_payment",
            "match": {"Response": {"exists": True}, "Response.NewOrderResp": {"exists": False},
                      "Response.MarkForCaptureResp": {"exists": False}, "Response.ReversalResp": {"exists": False},
                      "Response.QuickResp": {"exists": False}, "Response.FlexCacheResp": {"exists": False}},
            "not_a_payment": "an end-of-day batch close, customer profile or account updater answer is not a payment",
        },
        {
            # A refund (MessageType R) is its own transaction: its TxRefNum is the refund's.
            "name": "new_order.refund",
            "match": {"Response.NewOrderResp.MessageType": "R"},
            "root": "Response.NewOrderResp",
            "event_kind": "REFUND",
            "fields": {**{k: v for k, v in _COMMON_FIELDS.items() if k != "attempt_id"}, "status": _STATUS,
                       "refund_id": ["TxRefNum"]},
            "status_map": {**_STATUS_MAP, "0/1": "REFUNDED", "0/": "REFUNDED"},
            "rules": _outcome_rules("REFUNDED", "DECLINED"),
        },
        {
            "name": "new_order",
            "match": {"Response.NewOrderResp": {"exists": True}},
            "root": "Response.NewOrderResp",
            "fields": {**_COMMON_FIELDS, "status": _STATUS},
            "status_map": _STATUS_MAP,
            "rules": _outcome_rules("APPROVED", "DECLINED"),
        },
        {
            "name": "mark_for_capture",
            "match": {"Response.MarkForCaptureResp": {"exists": True}},
            "root": "Response.MarkForCaptureResp",
            "event_kind": "CAPTURE",
            "fields": {**_COMMON_FIELDS, "status": _STATUS},
            "status_map": _STATUS_MAP,
            "rules": _outcome_rules("APPROVED", "DECLINED"),
        },
        {
            "name": "reversal",
            "match": {"Response.ReversalResp": {"exists": True}},
            "root": "Response.ReversalResp",
            "event_kind": "VOID",
            "fields": {**_COMMON_FIELDS, "status": _STATUS},
            "status_map": {"0/": "CANCELLED", "0/1": "CANCELLED", "0/0": "ERROR", "0/2": "ERROR"},
            "rules": _outcome_rules("CANCELLED", "ERROR"),
        },
        {
            # "An initial Gateway generated error": the request was refused before any authorization.
            "name": "quick_response",
            "match": {"Response.QuickResp": {"exists": True}},
            "root": "Response.QuickResp",
            "status": "ERROR",
            "fields": {**_COMMON_FIELDS, "status": ["ProcStatus"], "reason_code": ["ProcStatus"]},
            # A gateway error code this table does not name (e.g. 329 "The amount requested is invalid") is
            # still the gateway refusing the request as sent: INVALID_REQUEST; a documented code keeps its own.
            "rules": [
                {"when": {"ProcStatus": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                *({"when": {"ProcStatus": code}, "set": {"failure_reason": reason}}
                  for code, reason in PROC_STATUS_CODES.items()),
            ],
        },
    ],
}


def prepare(body: Any) -> Any:
    """A bare ``<NewOrderResp>`` (a row that stored the inner element only) as the full ``<Response>``."""
    if isinstance(body, dict) and len(body) == 1:
        (key,) = body
        if key in _ROOTS:
            return {"Response": body}
    return body
