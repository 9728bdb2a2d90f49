"""NMI Payment API (Direct Post) replies: ``response``/``responsetext``/``response_code`` (family ``nmi``).

Sources: the NMI Direct Post API guide's "Response Variables" and "Result Code Table", as
reproduced by PayEngine and Fluidpay (cited at the table).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _entries, _text_of


# NMI Payment API (Direct Post): response 1 approved, 2 declined, 3 error; response_code below.
# NMI Direct Post API guide "Response Variables" and "Result Code Table", as reproduced at
# docs.paymentplatform.dev/payengine-api-v2.5/error-and-response-codes/host-response-codes and
# sandbox.fluidpay.com/docs/api/transactions_response/ (100-199 approvals, 200-299 issuer declines,
# 300-399 gateway declines, 400-499 processor errors).
_NMI_RESPONSES = {"1": _ST.APPROVED, "2": _ST.DECLINED, "3": _ST.ERROR}
NMI_CODES = _entries({
    "200": "GENERIC_DECLINE",  # transaction was declined by processor
    "201": "GENERIC_DECLINE",  # do not honor
    "202": "INSUFFICIENT_FUNDS",  # insufficient funds
    "203": "LIMIT_EXCEEDED",  # over limit
    "204": "TRANSACTION_NOT_PERMITTED",  # transaction not allowed
    "220": "INVALID_CARD_DATA",  # incorrect payment information
    "221": "INVALID_CARD_DATA",  # no such card issuer
    "222": "INVALID_CARD_DATA",  # no card number on file with issuer
    "223": "EXPIRED_CARD",  # expired card
    "224": "INVALID_CARD_DATA",  # invalid expiration date
    "225": "INCORRECT_CVC",  # invalid card security code
    "226": "AUTHENTICATION_FAILED",  # invalid PIN
    "240": "GENERIC_DECLINE",  # call issuer for further information
    "250": "LOST_OR_STOLEN_CARD",  # pick up card
    "251": "LOST_OR_STOLEN_CARD",  # lost card
    "252": "LOST_OR_STOLEN_CARD",  # stolen card
    "253": "SUSPECTED_FRAUD",  # fraudulent card
    "260": "GENERIC_DECLINE",  # declined with further instructions available (see response text)
    "261": "REVOKED",  # declined - stop all recurring payments
    "262": "REVOKED",  # declined - stop this recurring program
    "263": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # declined - update cardholder data available
    "264": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},  # declined - retry in a few days
    "400": "PROCESSING_ERROR",  # transaction error returned by processor
    "410": "CONFIGURATION_ERROR",  # invalid merchant configuration
    "411": "CONFIGURATION_ERROR",  # merchant account is inactive
    "420": "PROCESSING_ERROR",  # communication error
    "421": "ISSUER_UNAVAILABLE",  # communication error with issuer
    "430": "DUPLICATE",  # duplicate transaction at processor
    "440": "INVALID_REQUEST",  # processor format error
    "441": "INVALID_REQUEST",  # invalid transaction information
    "460": "CONFIGURATION_ERROR",  # processor feature not available
    "461": "CONFIGURATION_ERROR",  # unsupported card type
})


def _nmi(f: dict[str, Any]) -> ReplyReading | None:
    response, text = _text_of(f, "response"), _text_of(f, "responsetext")
    if response not in _NMI_RESPONSES or text is None:
        return None
    status = _NMI_RESPONSES[response]
    code = _text_of(f, "responsecode")
    entry = NMI_CODES.get(code) if code else None
    prefix = code[:1] if code else ""
    agrees = (response, prefix) in (("1", "1"), ("2", "2"), ("3", "3"), ("3", "4"))
    return ReplyReading("nmi", status, response, True, entry, code, agrees, ("transactionid",))
