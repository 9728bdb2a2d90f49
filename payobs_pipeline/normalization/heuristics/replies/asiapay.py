"""AsiaPay PayDollar datafeed: ``successcode``, ``PayRef``, ``prc``/``src`` (family ``asiapay``).

Source: AsiaPay PayDollar integration guide, "Data feed" (cited at the reader). A gateway with no
mapping, read from its notification documentation (see the source note in replies/__init__.py).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.heuristics.words import _method_word


# AsiaPay PayDollar datafeed: successcode 0 = succeeded, 1 = failure; Amt in major units, Cur the currency
# (ISO 4217, alpha or numeric); Ref the merchant's order reference, PayRef AsiaPay's; prc/src the primary and
# secondary bank response codes (AsiaPay PayDollar integration guide, "Data feed"). A failure is not said to be
# a decline or an error by successcode alone: deferred.
def _asiapay(f: dict[str, Any]) -> ReplyReading | None:
    code = _text_of(f, "successcode")
    if code is None or "payref" not in f or not ({"prc", "src", "ref"} & f.keys()):
        return None
    ids = ("payref", "ref")
    amount = (f.get("amt"), f.get("cur"), "major") if "amt" in f and "cur" in f else None
    method = _method_word(_text_of(f, "paymethod"))
    if code == "0":
        agrees = _text_of(f, "prc") == "0" and _text_of(f, "src") == "0"
        return ReplyReading("asiapay", _ST.APPROVED, code, True, agrees=agrees, ids=ids, amount=amount, method=method)
    return ReplyReading("asiapay", _ST.DECLINED, code, False, raw_reason=_text_of(f, "prc"), ids=ids, amount=amount,
                        method=method)
