"""Beanstream / Bambora North America replies: ``trnApproved``, ``messageId``, ``errorType`` (family ``beanstream``).

Source: "Table of Beanstream Response Variables", Process Transaction API (cited at the table).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.heuristics.words import _text_entry
from payobs_pipeline.normalization.mapping import _reason_entry
from payobs_pipeline.normalization.taxonomy import EventKind


# Beanstream / Bambora North America Process Transaction API ("Table of Beanstream Response Variables",
# Process Transaction API v5.9/v6.2, 1library.net/document/q7w0p7lo-process-transaction-api.html): trnApproved
# 1 approved, 0 not approved; messageId/messageText the reason (messageId 1 Approved, 7 DECLINE); errorType N
# no error, U a user-generated (form field validation) error, S a system-generated error; trnType P purchase,
# PA pre-authorization, PAC pre-authorization completion, R return, VP/VR void of a purchase/return.
_BEANSTREAM_KINDS = {"pac": EventKind.CAPTURE, "r": EventKind.REFUND, "vp": EventKind.VOID, "vr": EventKind.VOID}


def _beanstream(f: dict[str, Any]) -> ReplyReading | None:
    approved = _text_of(f, "trnapproved")
    if approved not in ("0", "1") or "messageid" not in f or "trnid" not in f:
        return None
    ids = ("trnid",)
    kind = _BEANSTREAM_KINDS.get((_text_of(f, "trntype") or "").lower())
    message = _text_of(f, "messagetext")
    if approved == "1":
        return ReplyReading("beanstream", _ST.APPROVED, approved, True, agrees=_text_of(f, "messageid") == "1",
                            ids=ids, kind=kind)
    error_type = (_text_of(f, "errortype") or "N").upper()
    if error_type == "U":
        return ReplyReading("beanstream", _ST.ERROR, approved, True, _reason_entry("INVALID_REQUEST"),
                            _text_of(f, "messageid"), True, ids, message, kind)
    if error_type == "S":
        return ReplyReading("beanstream", _ST.ERROR, approved, True, _reason_entry("PROCESSING_ERROR"),
                            _text_of(f, "messageid"), True, ids, message, kind)
    entry = _text_entry(message, "GENERIC_DECLINE")
    return ReplyReading("beanstream", _ST.DECLINED, approved, True, entry, _text_of(f, "messageid"), True, ids,
                        message, kind)
