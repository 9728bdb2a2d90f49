"""DPO Pay API v6 verifyToken results: ``Result``/``ResultExplanation`` (family ``dpo``).

Source: DPO Pay API v6 "verifyToken" (cited at the table). A gateway with no mapping, read from its
documentation (see the source note in replies/__init__.py).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.heuristics.words import _method_word


# DPO Pay API v6 verifyToken (and the redirect/notification carrying its fields): Result and
# ResultExplanation. "Result 000 = transaction paid, 900 = not yet paid, 901 declined, 904 cancelled"
# (DPO Pay API v6 'verifyToken'). Other results deferred.
DPO_RESULTS = _coded({
    "000": ("APPROVED", None),  # transaction paid
    "900": ("PENDING", None),  # transaction not paid yet
    "901": ("DECLINED", "GENERIC_DECLINE"),  # transaction declined
    "904": ("CANCELLED", None),  # transaction cancelled
})


def _dpo(f: dict[str, Any]) -> ReplyReading | None:
    result, explanation = _text_of(f, "result"), _text_of(f, "resultexplanation")
    if result is None or explanation is None or not re.fullmatch(r"\d{3}", result):
        return None
    ids = ("transid", "transref", "companyref")
    method = _method_word(_text_of(f, "customercredittype"))
    known = DPO_RESULTS.get(result)
    if known is None:
        return ReplyReading("dpo", _ST.ERROR, result, False, raw_reason=result, ids=ids, method=method)
    lowered = explanation.lower()
    agrees = (known[0] is _ST.APPROVED) == bool(re.search(r"paid|success", lowered) and "not" not in lowered)
    return ReplyReading("dpo", known[0], result, True, known[1], result, agrees, ids, explanation, method=method)
