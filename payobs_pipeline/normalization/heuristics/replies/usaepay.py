"""USAePay CGI Transaction Gateway API replies: ``UMresult``/``UMstatus``/``UMerror`` (family ``usaepay``).

Source: help.usaepay.info transaction API "Response Variables" (cited at the table).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.heuristics.words import _text_entry


# USAePay CGI Transaction Gateway API (help.usaepay.info/developer/transaction-api/, "Response Variables"):
# UMresult "A" approved, "D" declined, "E" error, "V" verification required; UMstatus its word
# (Approved, Declined, Error, Verification); UMerror the reason text; UMrefNum the transaction reference.
_USAEPAY_RESULTS = {"a": _ST.APPROVED, "d": _ST.DECLINED, "e": _ST.ERROR, "v": _ST.PENDING}


def _usaepay(f: dict[str, Any]) -> ReplyReading | None:
    result = _text_of(f, "umresult")
    if result is None or not ({"umrefnum", "umstatus"} & f.keys()):
        return None
    outcome = _USAEPAY_RESULTS.get(result.lower())
    if outcome is None:
        return None
    ids = ("umrefnum",)
    word = (_text_of(f, "umstatus") or "").lower()
    agrees = bool(word) and word[:1] == result.lower()
    if outcome in (_ST.APPROVED, _ST.PENDING):
        return ReplyReading("usaepay", outcome, result, True, agrees=agrees, ids=ids)
    error = _text_of(f, "umerror")
    entry = _text_entry(error, "GENERIC_DECLINE" if outcome is _ST.DECLINED else None)
    return ReplyReading("usaepay", outcome, result, True, entry, error, agrees, ids, error)
