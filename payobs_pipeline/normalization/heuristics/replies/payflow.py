"""PayPal Payflow Pro replies: ``RESULT``/``RESPMSG``, and XMLPay ``Result``/``Message`` (family ``payflow``).

Sources: the Payflow integration guide's transaction responses, the Payflow Pro Developer's Guide
("RESULT Values for Transaction Declines or Errors") and the XMLPay Developer's Guide (cited at the
table and in the reader).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.heuristics.words import STATUS_WORDS, _word
from payobs_pipeline.normalization.mapping import _reason_entry


# Payflow Pro: RESULT and RESPMSG. developer.paypal.com/docs/payflow/integration-guide/transaction-responses/;
# RESULT values and RESPMSG text: Payflow Pro Developer's Guide, "RESULT Values for Transaction Declines
# or Errors" (manualshelf.com/manual/paypal/express-checkout-2012/payflow-pro-guide-english/page-46.html).
# RESULT 0 approved; below 0 a communication error (no transaction attempted); above 0 a decline or error.
PAYFLOW_RESULTS = _coded({
    "0": ("APPROVED", None),  # approved
    "1": ("ERROR", "CONFIGURATION_ERROR"),  # user authentication failed
    "2": ("ERROR", "CONFIGURATION_ERROR"),  # invalid tender type (not supported by the merchant bank account)
    "3": ("ERROR", "INVALID_REQUEST"),  # invalid transaction type
    "4": ("ERROR", "INVALID_REQUEST"),  # invalid amount format
    "5": ("ERROR", "CONFIGURATION_ERROR"),  # invalid merchant information
    "6": ("ERROR", "INVALID_REQUEST"),  # invalid or unsupported currency code
    "7": ("ERROR", "INVALID_REQUEST"),  # field format error
    "8": ("ERROR", "CONFIGURATION_ERROR"),  # not a transaction server
    "9": ("ERROR", "INVALID_REQUEST"),  # too many parameters or invalid stream
    "10": ("ERROR", "INVALID_REQUEST"),  # too many line items
    "11": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # client time-out waiting for response
    "12": ("DECLINED", "GENERIC_DECLINE"),  # declined
    "13": ("DECLINED", "GENERIC_DECLINE"),  # referral: cannot be approved electronically
    "19": ("ERROR", "INVALID_REQUEST"),  # original transaction ID not found
    "20": ("ERROR", "INVALID_REQUEST"),  # cannot find the customer reference number
    "22": ("DECLINED", "INVALID_CARD_DATA"),  # invalid ABA number
    "23": ("DECLINED", "INVALID_CARD_DATA"),  # invalid account number
    "24": ("DECLINED", "INVALID_CARD_DATA"),  # invalid expiration date
    "25": ("ERROR", "CONFIGURATION_ERROR"),  # invalid host mapping (tender not set up with the merchant bank)
    "26": ("ERROR", "CONFIGURATION_ERROR"),  # invalid vendor account
    "30": ("DECLINED", "DUPLICATE"),  # duplicate transaction
    "50": ("DECLINED", "INSUFFICIENT_FUNDS"),  # insufficient funds available in account
    "51": ("DECLINED", "LIMIT_EXCEEDED"),  # exceeds per transaction limit
    "99": ("ERROR", "PROCESSING_ERROR"),  # general error
    "104": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # timeout waiting for processor response:
    # "you must log in to the PayPal website to determine if the transaction actually went through"
    "112": ("DECLINED", {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}),  # failed AVS check
    "114": ("DECLINED", "INCORRECT_CVC"),  # card security code (CSC) mismatch
    "117": ("DECLINED", {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}),  # failed merchant rule check
    "125": ("DECLINED", {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}),  # declined by fraud filters
    "126": ("PENDING", None),  # flagged for review by fraud filters
    "128": ("DECLINED", {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}),  # declined by merchant after review
})


def _payflow(f: dict[str, Any]) -> ReplyReading | None:
    result, message = _text_of(f, "result"), _text_of(f, "respmsg")
    if message is None and "pnref" in f:
        # XMLPay (Payflow's XML interface) answers <ResponseData><Result/><Message/><PnRef/>: the same RESULT
        # values, the RESPMSG text under Message. Payflow Pro XMLPay Developer's Guide, "ResponseData"
        # (Result: "the outcome of the attempted transaction. A result of 0 (zero) indicates the transaction
        # was approved. Any other number indicates a decline or error"; Message: "response message").
        message = _text_of(f, "message")
    if result is None or message is None or not re.fullmatch(r"-?\d{1,4}", result):
        return None
    ids = ("pnref", "ppref")
    if result.startswith("-"):  # communication error: no transaction attempted
        return ReplyReading("payflow", _ST.ERROR, result, True, _reason_entry("PROCESSING_ERROR"), result, True, ids)
    known = PAYFLOW_RESULTS.get(result)
    if known is None:
        return ReplyReading("payflow", _ST.DECLINED, result, False, raw_reason=result, ids=ids)
    agrees = (known[0] is _ST.APPROVED) == (STATUS_WORDS.get(_word(message.split(":")[0])) is _ST.APPROVED
                                            or message.lower().startswith(("approved", "verified")))
    return ReplyReading("payflow", known[0], result, True, known[1], result, agrees, ids)
