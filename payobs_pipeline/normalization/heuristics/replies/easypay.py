"""easypay (Portugal) API 2.0 checkouts: ``payment.status``/``payment.method`` (family ``easypay``).

Source: docs.easypay.pt "Checkout" (cited at the table). This shape has no field name of easypay's
own: it is read only under an easypay hint (``HINTED_FAMILIES`` in replies/__init__.py).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.taxonomy import PaymentMethod


# easypay (Portugal) API 2.0, docs.easypay.pt "Checkout" (the checkout object returned by GET /checkout/{id}
# and passed to the Checkout SDK's onSuccess): {id, type, payment: {id, method, status, ...}}; payment.status
# "paid" (paid), "authorised" (a card authorisation, to be captured), "pending" (awaiting payment, e.g. a
# Multibanco reference); "failed" does not say declined or errored (deferred). payment.method "cc" card,
# "mbw" MB WAY (a wallet), "dd" direct debit. This shape has no field name of easypay's own, so it is read only
# under an easypay hint (HINTED_FAMILIES).
EASYPAY_STATUSES = {"paid": _ST.APPROVED, "authorised": _ST.APPROVED, "pending": _ST.PENDING}
_EASYPAY_METHODS = {"cc": PaymentMethod.CARD, "mbw": PaymentMethod.WALLET, "dd": PaymentMethod.DIRECT_DEBIT}


def _easypay(body: Any) -> ReplyReading | None:
    payment = body.get("payment") if isinstance(body, dict) else None
    if not isinstance(payment, dict):
        return None
    status = _text_of(payment, "status")
    if status is None:
        return None
    method = _EASYPAY_METHODS.get((_text_of(payment, "method") or "").lower())
    known = EASYPAY_STATUSES.get(status.lower())
    if known is None:
        return ReplyReading("easypay", _ST.DECLINED, status, False, raw_reason=status, method=method)
    return ReplyReading("easypay", known, status, True, ids=("id",), method=method)
