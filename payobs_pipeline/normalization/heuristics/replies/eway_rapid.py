"""eWAY Rapid (v3) replies: ``TransactionStatus``, ``ResponseCode``, ``ResponseMessage`` codes (family ``eway_rapid``).

Sources: eway.io/api-v3 response and error codes, and eWAY's SDK language file (cited at the reader).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ERROR_REASONS, _ST, ISO_TABLE, ReplyReading
from payobs_pipeline.normalization.mapping import _reason_entry
from payobs_pipeline.normalization.taxonomy import FailureReason


# eWAY Rapid (v3): TransactionStatus (true when approved), ResponseCode (the bank's two-character code) and
# ResponseMessage, comma-separated eWAY codes; request errors come in Errors. eway.io/api-v3/#response-amp-error-codes
# ("Transaction Response Messages" and "Validation Response Codes"; the list is also in eWAY's SDK language file,
# github.com/eWAYPayment/eway-rapid-php resource/lang/en.ini): A2000 Transaction Approved, A2008 Honour With
# Identification, A2010 Approved For Partial Amount, A2011 Approved VIP, A2016 Approved Update Track 3;
# D44xx the bank's decline, numbered by its ISO 8583 response code xx (D4405 Do Not Honour, D4451
# Insufficient Funds, D4454 Expired Card, D4414 Invalid Card Number); V6xxx validation errors of the request
# (V6011 Invalid Payment Amount, V6134 Invalid Auth Transaction ID for Capture/Void); S5xxx system errors;
# F7xxx/F9xxx fraud (Beagle) rules. TotalAmount is "in the lowest denomination for the currency".
def _eway(f: dict[str, Any]) -> ReplyReading | None:
    approved = f.get("transactionstatus")
    if not isinstance(approved, bool) or "transactionid" not in f:
        return None
    codes = [c.strip().upper() for name in ("responsemessage", "errors")
             for c in str(f.get(name) or "").split(",") if c.strip()]
    if not codes or not all(re.fullmatch(r"[ADVSF]\d{4}", c) for c in codes):
        return None
    ids = ("transactionid",)
    amount = (f.get("totalamount"), f.get("currencycode"), "minor") if "currencycode" in f else None
    if approved:
        agrees = any(c.startswith("A2") for c in codes)
        return ReplyReading("eway_rapid", _ST.APPROVED, "true", True, agrees=agrees, ids=ids, amount=amount)
    code = next((c for c in codes if not c.startswith("A")), None)
    if code is None:  # not approved, with only approval codes: contradictory, deferred
        return ReplyReading("eway_rapid", _ST.DECLINED, "false", False, ids=ids, amount=amount)
    if code.startswith("D44"):
        entry = ISO_TABLE.get(code[3:].lower())
        if entry is None or entry.reason is FailureReason.UNKNOWN:
            entry = _reason_entry("GENERIC_DECLINE")
        status = _ST.ERROR if entry.reason in _ERROR_REASONS else _ST.DECLINED
        return ReplyReading("eway_rapid", status, "false", True, entry, code, True, ids, amount=amount)
    if code.startswith("V6"):
        return ReplyReading("eway_rapid", _ST.ERROR, "false", True, _reason_entry("INVALID_REQUEST"), code, True,
                            ids, amount=amount)
    if code.startswith("S5"):
        return ReplyReading("eway_rapid", _ST.ERROR, "false", True, _reason_entry("PROCESSING_ERROR"), code, True,
                            ids, amount=amount)
    if code.startswith("F"):
        entry = _reason_entry({"reason": "RISK_REJECTED", "source": "PSP_RISK"})
        return ReplyReading("eway_rapid", _ST.DECLINED, "false", True, entry, code, True, ids, amount=amount)
    return ReplyReading("eway_rapid", _ST.DECLINED, "false", False, raw_reason=code, ids=ids, amount=amount)
