"""Moneris replies: ``ResponseCode``/``Message`` (family ``moneris``), read when no Moneris mapping matched.

Source: developer.moneris.com "Error Messages and Response Codes" (cited in the reader).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of


def _moneris(f: dict[str, Any]) -> ReplyReading | None:
    """Moneris: ResponseCode 000-049 approved, 050-999 declined, "null" incomplete.

    developer.moneris.com/More/Testing/Error%20Messages%20and%20Response%20Codes ("Response Code = NULL":
    issuer, host or gateway unavailable, or a malformed message: not a decline, not an approval).
    """
    code = _text_of(f, "responsecode")
    if code is None or not ({"receiptid", "referencenum", "transid"} & f.keys()) or "message" not in f:
        return None
    ids = ("transid", "receiptid")
    if code.lower() == "null":
        return ReplyReading("moneris", _ST.ERROR, code, False, ids=ids)
    if not re.fullmatch(r"\d{3}", code):
        return None
    status = _ST.APPROVED if int(code) < 50 else _ST.DECLINED
    message = str(f.get("message") or "").strip().lower()
    agrees = message.startswith("approved") == (status is _ST.APPROVED) and bool(message)
    return ReplyReading("moneris", status, code, True, raw_reason=code if status is _ST.DECLINED else None,
                        agrees=agrees, ids=ids, reason_text=message or None)
