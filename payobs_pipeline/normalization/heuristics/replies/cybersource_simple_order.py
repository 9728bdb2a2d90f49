"""CyberSource Simple Order API replies: ``decision`` + ``reasonCode`` (family ``cybersource_simple_order``).

Sources: developer.cybersource.com reason codes for the Simple Order API and Secure Acceptance
(cited at the tables).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of


# CyberSource Simple Order API: decision + reasonCode.
# developer.cybersource.com/docs/cybs/en-us/reason-codes-so/reference/all/so/reason-codes-so.html
# ("Your error handler must use the decision field to determine the result"); reason texts also at
# developer.cybersource.com/docs/cybs/en-us/sa/developer/all/sa-hosted/secure-acceptance/sa-reason-codes.html
_CYBERSOURCE_DECISIONS = {"accept": _ST.APPROVED, "reject": _ST.DECLINED, "error": _ST.ERROR, "review": _ST.PENDING}
CYBERSOURCE_REASONS = _coded({
    "100": ("APPROVED", None),  # successful transaction
    "101": ("ERROR", "INVALID_REQUEST"),  # request missing one or more required fields
    "102": ("ERROR", "INVALID_REQUEST"),  # one or more fields contain invalid data
    "104": ("ERROR", "DUPLICATE"),  # merchant reference code reused within 15 minutes
    "105": ("ERROR", "DUPLICATE"),  # merchant transaction identifier already used
    "110": ("APPROVED", None),  # only a partial amount was approved
    "150": ("ERROR", "PROCESSING_ERROR"),  # general system failure
    "151": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # received, server time-out
    "152": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # received, a service did not finish in time
    "200": ("DECLINED", "RISK_REJECTED"),  # approved by the issuer, declined by CyberSource: AVS check
    "201": ("DECLINED", "GENERIC_DECLINE"),  # issuing bank has questions (call for verbal authorization)
    "202": ("DECLINED", "EXPIRED_CARD"),  # expired card
    "203": ("DECLINED", "GENERIC_DECLINE"),  # general decline of the card
    "204": ("DECLINED", "INSUFFICIENT_FUNDS"),  # insufficient funds in the account
    "205": ("DECLINED", "LOST_OR_STOLEN_CARD"),  # stolen or lost card
    "207": ("DECLINED", "ISSUER_UNAVAILABLE"),  # issuing bank unavailable
    "208": ("DECLINED", "RESTRICTED_CARD"),  # inactive card or not authorized for card-not-present
    "209": ("DECLINED", "INCORRECT_CVC"),  # card verification number (CID) did not match
    "210": ("DECLINED", "LIMIT_EXCEEDED"),  # the card has reached the credit limit
    "211": ("DECLINED", "INCORRECT_CVC"),  # invalid card verification number
    "221": ("DECLINED", "RISK_REJECTED"),  # customer matched an entry on the processor's negative file
    "230": ("DECLINED", "INCORRECT_CVC"),  # approved by the issuer, declined by CyberSource: CVN check
    "231": ("DECLINED", "INVALID_CARD_DATA"),  # invalid account number
    "232": ("DECLINED", "CONFIGURATION_ERROR"),  # card type not accepted by the payment processor
    "233": ("DECLINED", "GENERIC_DECLINE"),  # general decline by the processor
    "234": ("ERROR", "CONFIGURATION_ERROR"),  # problem with the merchant's CyberSource configuration
    "236": ("ERROR", "PROCESSING_ERROR"),  # processor failure
    "240": ("DECLINED", "INVALID_CARD_DATA"),  # card type invalid or does not correlate with the number
    "250": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # received, time-out at the processor
    "400": ("DECLINED", "RISK_REJECTED"),  # fraud score exceeds the threshold
    "475": ("PENDING", None),  # payer authentication required: the cardholder is enrolled (3-D Secure)
    "476": ("DECLINED", "AUTHENTICATION_FAILED"),  # payer could not be authenticated
    "480": ("PENDING", None),  # order marked for review by Decision Manager
    "481": ("DECLINED", {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}),  # rejected by Decision Manager
})


def _cybersource(f: dict[str, Any]) -> ReplyReading | None:
    decision, code = _text_of(f, "decision"), _text_of(f, "reasoncode")
    if decision is None or code is None or decision.lower() not in _CYBERSOURCE_DECISIONS:
        return None
    status = _CYBERSOURCE_DECISIONS[decision.lower()]
    known = CYBERSOURCE_REASONS.get(code.lower())
    entry = known[1] if known else None
    if known is not None and status is not _ST.APPROVED and known[0] is not _ST.APPROVED:
        status = known[0]  # the reason code places an ERROR/REJECT reply (151: time-out, outcome unknown)
    agrees = known is not None and (known[0] is _ST.APPROVED) == (status is _ST.APPROVED)
    return ReplyReading("cybersource_simple_order", status, decision, True, entry, code, agrees,
                        ("requestid", "transactionid", "ccauthreplyreconciliationid"))
