"""Worldline Sips 2.0 Paypage POST and notification: ``Data`` pairs with ``Seal`` (family ``sips``).

Source: Sips "Paypage POST" and the "responseCode" data dictionary (cited at the reader). ``_expand``
turns the ``Data`` field's "key=value|..." pairs into fields, for every reader. A gateway with no
mapping, read from its notification documentation (see the source note in replies/__init__.py).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _key, _text_of
from payobs_pipeline.normalization.heuristics.words import _method_word
from payobs_pipeline.normalization.providers.worldline import sips_data_pairs


# Worldline Sips 2.0 Paypage POST / notification: Data holds "key=value" pairs separated by "|", with Seal and
# InterfaceVersion beside it; responseCode 00 = accepted; amount in minor units; currencyCode ISO 4217 numeric
# (Sips "Paypage POST" and the "responseCode" data dictionary). Sips has no slug of its own (the worldline slug
# covers Ingenico / GlobalCollect / Worldline Direct), so it stays a heuristic family; codes other than 00
# are deferred.
_SIPS_PAIR = re.compile(r"(?:^|\|)responseCode=")


def _expand(fields: dict[str, Any]) -> dict[str, Any]:
    """The Sips Data field's "key=value|key=value" pairs as fields of their own (folded names)."""
    data = fields.get("data")
    if not isinstance(data, str) or not _SIPS_PAIR.search(data) or not ({"seal", "interfaceversion"} & fields.keys()):
        return fields
    pairs: dict[str, Any] = {}
    for name, value in sips_data_pairs(data).items():
        pairs.setdefault(_key(name), value)
    return {**fields, **{name: value for name, value in pairs.items() if name not in fields}}


def _sips(f: dict[str, Any]) -> ReplyReading | None:
    code = _text_of(f, "responsecode")
    if code is None or not ({"seal", "interfaceversion"} & f.keys()) \
            or not ({"transactionreference", "merchantid"} & f.keys()) or not re.fullmatch(r"\d{2}", code):
        return None
    ids = ("transactionreference", "authorisationid")
    amount = (f.get("amount"), f.get("currencycode"), "minor") if "amount" in f and "currencycode" in f else None
    method = _method_word(_text_of(f, "paymentmeantype"))
    if code == "00":
        return ReplyReading("sips", _ST.APPROVED, code, True, agrees=_text_of(f, "acquirerresponsecode") == "00",
                            ids=ids, amount=amount, method=method)
    return ReplyReading("sips", _ST.DECLINED, code, False, raw_reason=code, ids=ids, amount=amount, method=method)
