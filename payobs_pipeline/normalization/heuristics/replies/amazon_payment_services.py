"""Amazon Payment Services (PayFort) replies: ``response_code``/``status``/``command``.

Family ``amazon_payment_services``.

Source: APS "Response codes" and "Transactions statuses" (cited at the table). A gateway with no
mapping, read from its documentation (see the source note in replies/__init__.py).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.heuristics.words import _method_word
from payobs_pipeline.normalization.taxonomy import EventKind


# Amazon Payment Services (PayFort): response_code is five digits, the two-digit status then a three-digit
# message code (000 Success); status 14 / response_code 14000 = Purchase success (APS "Response codes");
# command PURCHASE, AUTHORIZATION, CAPTURE, REFUND, VOID_AUTHORIZATION; amount in the currency's minor units.
# The success status of each command (APS "Transactions statuses"): 14 Purchase success, 02 Authorization
# success, 04 Capture success, 06 Refund success, 08 Authorization voided successfully. A status is read only
# beside the command it belongs to, with message code 000; failures (their message codes) are deferred.
_APS_SUCCESS = {"14": ("purchase", EventKind.AUTHORIZATION), "02": ("authorization", EventKind.AUTHORIZATION),
                "04": ("capture", EventKind.CAPTURE), "06": ("refund", EventKind.REFUND),
                "08": ("void_authorization", EventKind.VOID)}


def _aps(f: dict[str, Any]) -> ReplyReading | None:
    code, status, command = _text_of(f, "responsecode"), _text_of(f, "status"), _text_of(f, "command")
    if code is None or status is None or command is None or not re.fullmatch(r"\d{5}", code) \
            or code[:2] != status or not ({"fortid", "merchantidentifier", "accesscode"} & f.keys()):
        return None
    ids = ("fortid", "merchantreference")
    amount = (f.get("amount"), f.get("currency"), "minor") if "amount" in f and "currency" in f else None
    method = _method_word(_text_of(f, "paymentoption"))
    success = _APS_SUCCESS.get(status)
    if success is not None and success[0] == command.lower() and code[2:] == "000":
        message = (_text_of(f, "responsemessage") or "").lower()
        return ReplyReading("amazon_payment_services", _ST.APPROVED, code, True, agrees=message == "success",
                            ids=ids, kind=success[1], amount=amount, method=method)
    return ReplyReading("amazon_payment_services", _ST.ERROR, code, False, raw_reason=code, ids=ids, amount=amount,
                        method=method)
