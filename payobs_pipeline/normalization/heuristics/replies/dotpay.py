"""Dotpay (Przelewy24) URLC notifications: ``operation_status``/``operation_type`` (family ``dotpay``).

Source: Dotpay "Technical manual for payments implementation", section "URLC notification" (cited
at the table). Round 3 of the gateways with no mapping (see replies/__init__.py).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.taxonomy import EventKind


# Dotpay (now part of Przelewy24) URLC notification, Dotpay "Technical manual for payments implementation",
# section "URLC notification" (parameters operation_number, operation_type, operation_status,
# operation_amount, operation_currency, operation_original_amount/currency, control, channel, signature):
# operation_status new (new operation), processing (pending), completed (completed), rejected (rejected),
# processing_realization_waiting (waiting for realization), processing_realization (being realized);
# operation_amount is in major units of operation_currency ("the amount of the operation", e.g. 212.35);
# operation_type payment / payment_multimerchant_child / payment_multimerchant_parent (a payment), refund
# (a refund); other operation types (payout, complaint, release_rollback...) are not read.
DOTPAY_STATUSES = {
    "completed": _ST.APPROVED,
    "rejected": _ST.DECLINED,  # no reason is given: UNKNOWN
    **dict.fromkeys(("new", "processing", "processing_realization_waiting", "processing_realization"), _ST.PENDING),
}
_DOTPAY_KINDS = {"payment": None, "payment_multimerchant_child": None, "payment_multimerchant_parent": None,
                 "refund": EventKind.REFUND}


def _dotpay(f: dict[str, Any]) -> ReplyReading | None:
    status = _text_of(f, "operationstatus")
    if status is None or "operationnumber" not in f or not ({"operationamount", "operationcurrency"} & f.keys()):
        return None
    ids = ("operationnumber", "control")
    amount = (f.get("operationamount"), f.get("operationcurrency"), "major") if "operationcurrency" in f else None
    known = DOTPAY_STATUSES.get(status.lower())
    operation = (_text_of(f, "operationtype") or "payment").lower()
    if known is None or operation not in _DOTPAY_KINDS:
        return ReplyReading("dotpay", _ST.PENDING, status, False, ids=ids, amount=amount)
    return ReplyReading("dotpay", known, status, True, ids=ids, kind=_DOTPAY_KINDS[operation], amount=amount)
