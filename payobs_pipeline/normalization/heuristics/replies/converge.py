"""Converge (Elavon) replies: ``ssl_result``/``ssl_result_message``, or ``errorCode``/``errorName``.

Family ``converge``.

Sources: developer.elavon.com Converge integration guide (response fields) and the Converge error
codes list (cited at the tables).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of


# Converge (Elavon): ssl_result 0 approved, any other value declined; ssl_result_message APPROVAL,
# PARTIAL APPROVAL, DECLINED... developer.elavon.com/na/docs/converge/1.0.0/integration-guide/
# transaction_types/credit_card/sale (response fields). Errors come as errorCode/errorName/errorMessage
# with no ssl_result: knowledge.cartispayments.com/hc/en-us/articles/4407925130647-Converge-Error-Codes
_CONVERGE_APPROVALS = {"approval", "approved", "partial approval", "partial approved", "appr"}
CONVERGE_ERRORS = _coded({
    "3000": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # gateway not responding: no response
    "3001": ("ERROR", "PROCESSING_ERROR"),  # gateway generated error
    "3002": ("ERROR", "PROCESSING_ERROR"),  # adapter generated error
    "3003": ("ERROR", "PROCESSING_ERROR"),  # processing error
    "4000": ("ERROR", "CONFIGURATION_ERROR"),  # Converge ID not supplied
    "4002": ("ERROR", "CONFIGURATION_ERROR"),  # HTTP POST transactions not allowed for this account
    "4003": ("ERROR", "CONFIGURATION_ERROR"),  # HTTP referrer invalid
    "4005": ("ERROR", "INVALID_REQUEST"),  # e-mail address invalid
    "4006": ("ERROR", "INVALID_REQUEST"),  # CVV2 indicator not identified
    "4007": ("ERROR", "INVALID_REQUEST"),  # CVV2 requested but no data
    "4009": ("ERROR", "INVALID_REQUEST"),  # required field not supplied
    "4010": ("ERROR", "INVALID_REQUEST"),  # invalid transaction type
    "4011": ("ERROR", "INVALID_REQUEST"),  # receipt URL missing
    "4013": ("ERROR", "CONFIGURATION_ERROR"),  # PIN not supplied
    "4014": ("ERROR", "CONFIGURATION_ERROR"),  # terminal or user ID not permitted to process this transaction type
    "4016": ("ERROR", "CONFIGURATION_ERROR"),  # permission denied
    "4017": ("UNKNOWN", {"reason": "TIMEOUT", "source": "TECHNICAL"}),  # the request has timed out
})


def _converge(f: dict[str, Any]) -> ReplyReading | None:
    ids = ("ssltxnid",)
    result = _text_of(f, "sslresult")
    if result is None:
        code = _text_of(f, "errorcode")
        if code is None or "errorname" not in f or not re.fullmatch(r"\d{4}", code):
            return None
        known = CONVERGE_ERRORS.get(code)
        if known is None:
            return ReplyReading("converge", _ST.ERROR, code, False, raw_reason=code, ids=ids)
        return ReplyReading("converge", known[0], code, True, known[1], code, True, ids)
    text = _text_of(f, "sslresultmessage")
    message = (text or "").lower()
    if result == "0":
        return ReplyReading("converge", _ST.APPROVED, result, True, agrees=message in _CONVERGE_APPROVALS, ids=ids)
    # Any other ssl_result is a decline; the message says why ("DECLINED CVV2", "PICK UP CARD").
    return ReplyReading("converge", _ST.DECLINED, result, True, raw_reason=text,
                        agrees=bool(message) and message not in _CONVERGE_APPROVALS, ids=ids, reason_text=text)
