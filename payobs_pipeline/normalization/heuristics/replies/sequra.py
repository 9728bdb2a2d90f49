"""seQura (BNPL, Spain) IPN: ``sq_state`` beside ``order_ref_1`` (family ``sequra``).

Source: docs.sequrapi.com "IPN - Instant Payment Notification" (cited at the table). Round 3 of the
gateways with no mapping (see replies/__init__.py).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.taxonomy import PaymentMethod


# seQura (BNPL, Spain) IPN, docs.sequrapi.com "IPN - Instant Payment Notification": the notification carries
# the merchant's order_ref_1 and sq_state "approved" (seQura approved the order: the merchant confirms it),
# "needs_review" (on hold while seQura reviews it) or "cancelled" (cancelled after the review). No amount.
SEQURA_STATES = {"approved": _ST.APPROVED, "needs_review": _ST.PENDING, "cancelled": _ST.CANCELLED}


def _sequra(f: dict[str, Any]) -> ReplyReading | None:
    state = _text_of(f, "sqstate")
    if state is None or not ({"orderref1", "orderref"} & f.keys()):
        return None
    ids = ("orderref1", "orderref")
    known = SEQURA_STATES.get(state.lower())
    if known is None:
        return ReplyReading("sequra", _ST.PENDING, state, False, ids=ids, method=PaymentMethod.BNPL)
    return ReplyReading("sequra", known, state, True, ids=ids, method=PaymentMethod.BNPL)
