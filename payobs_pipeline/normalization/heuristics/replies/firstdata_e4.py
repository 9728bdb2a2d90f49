"""First Data Global Gateway e4 (Payeezy Gateway) replies (family ``firstdata_e4``).

``Transaction_Approved``, ``EXact_Resp_Code`` (the gateway's) and ``Bank_Resp_Code`` (the bank's).

Sources: Payeezy eCommerce and Bank Response Codes, the PayWay First Data / Chase Paymentech table
and the Payeezy Gateway "Transaction Types" (cited at the tables).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.heuristics.words import _text_entry
from payobs_pipeline.normalization.taxonomy import EventKind


# First Data Global Gateway e4 (Payeezy Gateway): Transaction_Approved, EXact_Resp_Code (the gateway's: "00"
# Transaction Normal, "Any response other than 00 indicates that it was not normal") and Bank_Resp_Code (the
# bank's, First Data's three-digit numbering, not ISO 8583). support.payeezy.com/hc/en-us/articles/203730499
# (eCommerce Response Codes) and 203730509 (Bank Response Codes: "All returned bank response codes other than
# '100' indicate that a transaction did not succeed"; "codes values of '300' or higher are Issuer/Association
# Declines, while those in the '200' series are Rejects"); code texts also in the First Data / Chase
# Paymentech table at payway.com/developers/paywayws-credit-card-integration-guide/14-processor-specific-
# result-codes/14-2-first-data-merchant-services-and-chase-paymentech. DollarAmount is in major units.
FIRSTDATA_BANK_CODES = _coded({
    "201": ("DECLINED", "INVALID_CARD_DATA"),  # invalid account number (bad check digit, length)
    "202": ("ERROR", "INVALID_REQUEST"),  # bad amount
    "203": ("ERROR", "INVALID_REQUEST"),  # bad amount (zero)
    "204": ("ERROR", "PROCESSING_ERROR"),  # other error (unidentifiable)
    "205": ("ERROR", "INVALID_REQUEST"),  # bad total amount
    "223": ("DECLINED", "INVALID_CARD_DATA"),  # card number does not match method of payment
    "253": ("ERROR", "INVALID_REQUEST"),  # invalid transaction type for this order
    "301": ("DECLINED", "ISSUER_UNAVAILABLE"),  # issuer unavailable
    "302": ("DECLINED", "INSUFFICIENT_FUNDS"),  # credit floor: insufficient funds
    "303": ("DECLINED", "GENERIC_DECLINE"),  # processor decline: no other reason given by the issuer
    "304": ("DECLINED", "INVALID_CARD_DATA"),  # not on file: non-existent account
    "401": ("DECLINED", "GENERIC_DECLINE"),  # decline
    "402": ("DECLINED", "GENERIC_DECLINE"),  # default call
    "501": ("DECLINED", "LOST_OR_STOLEN_CARD"),  # pickup (card stolen)
    "502": ("DECLINED", "LOST_OR_STOLEN_CARD"),  # lost/stolen
    "503": ("DECLINED", "SUSPECTED_FRAUD"),  # security violation
    "505": ("DECLINED", "RISK_REJECTED"),  # account on negative file
    "509": ("DECLINED", "LIMIT_EXCEEDED"),  # over the limit
    "510": ("DECLINED", "LIMIT_EXCEEDED"),  # over limit frequency count
    "521": ("DECLINED", "INSUFFICIENT_FUNDS"),  # insufficient funds or over credit limit
    "522": ("DECLINED", "EXPIRED_CARD"),  # card is expired ("not the same as invalid expiry date")
    "530": ("DECLINED", "GENERIC_DECLINE"),  # do not honor
    "531": ("DECLINED", "INCORRECT_CVC"),  # CVV2 failure
    "550": ("DECLINED", {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"}),  # closed account, new one issued
    "570": ("DECLINED", "REVOKED"),  # stop payment: cardholder requests recurring payments be stopped
    "571": ("DECLINED", "REVOKED"),  # revocation
    "591": ("DECLINED", "INVALID_CARD_DATA"),  # bad account number
    "594": ("DECLINED", "GENERIC_DECLINE"),  # other error, issuer generated
    "596": ("DECLINED", "SUSPECTED_FRAUD"),  # issuer has flagged this account as fraudulent
    "605": ("DECLINED", "INVALID_CARD_DATA"),  # invalid (bad) expiration date
    "606": ("DECLINED", "TRANSACTION_NOT_PERMITTED"),  # issuer does not allow this type of transaction
    "806": ("DECLINED", "RESTRICTED_CARD"),  # restraint: card has been restricted
    "825": ("DECLINED", "INVALID_CARD_DATA"),  # no account
})
# Transaction_Type: 00 purchase, 01 pre-authorization, 02 pre-authorization completion, 04 refund, 13 void,
# 32 tagged pre-authorization completion, 33 tagged void, 34 tagged refund (Payeezy Gateway Web Service API,
# "Transaction Types").
_FIRSTDATA_KINDS = {"02": EventKind.CAPTURE, "32": EventKind.CAPTURE, "04": EventKind.REFUND,
                    "34": EventKind.REFUND, "13": EventKind.VOID, "33": EventKind.VOID}


def _firstdata_e4(f: dict[str, Any]) -> ReplyReading | None:
    raw_approved, exact = f.get("transactionapproved"), _text_of(f, "exactrespcode")
    # XML says "true"/"false"; the JSON API a boolean or 1/0.
    approved = {"true": "true", "1": "true", "false": "false", "0": "false"}.get(str(raw_approved).lower())
    if approved is None or exact is None:
        return None
    ids = ("transactiontag", "authorizationnum")
    kind = _FIRSTDATA_KINDS.get(_text_of(f, "transactiontype") or "")
    amount = (f.get("dollaramount"), f.get("currency"), "major") if "currency" in f else None
    bank = _text_of(f, "bankrespcode")
    if exact != "00":  # the gateway did not process it normally: an error in the request or the gateway
        message = _text_of(f, "exactmessage")
        return ReplyReading("firstdata_e4", _ST.ERROR, exact, True, _text_entry(message, None), exact,
                            approved.lower() == "false", ids, message, kind, amount)
    if approved.lower() == "true":
        return ReplyReading("firstdata_e4", _ST.APPROVED, approved, True, agrees=bank == "100", ids=ids,
                            kind=kind, amount=amount)
    known = FIRSTDATA_BANK_CODES.get(bank or "")
    message = _text_of(f, "bankmessage")
    if known is None:
        return ReplyReading("firstdata_e4", _ST.DECLINED, approved, True, _text_entry(message, "GENERIC_DECLINE"),
                            bank, False, ids, message, kind, amount)
    return ReplyReading("firstdata_e4", known[0], approved, True, known[1], bank, True, ids, message, kind, amount)
