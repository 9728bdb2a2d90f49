"""BluePay 2.0 Post replies: ``STATUS``/``MESSAGE``/``TRANS_TYPE`` (family ``bluepay``).

Sources: BluePay 2.0 Post interface and the BluePay XML Internet Payment Gateway guide (cited at the
tables).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.heuristics.words import _text_entry
from payobs_pipeline.normalization.taxonomy import EventKind


# BluePay 2.0 Post (bp20post): STATUS 1 approved, 0 declined, E error; MESSAGE says why; TRANS_TYPE AUTH,
# SALE, CAPTURE, REFUND, CREDIT, VOID (BluePay 2.0 Post interface, "Response" and "TRANS_TYPE";
# developer.cardconnect.com/bluepay-gateway#api-documentation; BluePay XML Internet Payment Gateway guide
# v4.8, "Response Parameters", docslib.org/doc/8724516/bluepay-xml-post). CREDIT returns money to the card.
_BLUEPAY_STATUSES = {"1": _ST.APPROVED, "0": _ST.DECLINED, "e": _ST.ERROR}
_BLUEPAY_KINDS = {"capture": EventKind.CAPTURE, "refund": EventKind.REFUND, "credit": EventKind.REFUND,
                  "void": EventKind.VOID, "auth": EventKind.AUTHORIZATION, "sale": EventKind.AUTHORIZATION}


def _bluepay(f: dict[str, Any]) -> ReplyReading | None:
    status, trans_type = _text_of(f, "status"), _text_of(f, "transtype")
    if status is None or trans_type is None or "transid" not in f or "message" not in f:
        return None
    outcome = _BLUEPAY_STATUSES.get(status.lower())
    kind = _BLUEPAY_KINDS.get(trans_type.lower())
    if outcome is None or kind is None:
        return None
    message = _text_of(f, "message")
    ids = ("transid",)
    if outcome is _ST.APPROVED:
        agrees = bool(message) and message.lower().startswith("approved")
        return ReplyReading("bluepay", outcome, status, True, agrees=agrees, ids=ids, kind=kind)
    entry = _text_entry(message, "GENERIC_DECLINE" if outcome is _ST.DECLINED else None)
    return ReplyReading("bluepay", outcome, status, True, entry, message, entry is not None, ids, message, kind)
