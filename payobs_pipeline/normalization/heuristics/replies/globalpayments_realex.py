"""Global Payments ecommerce (Realex) XML replies: ``result``/``message``/``pasref`` (family ``globalpayments_realex``).

Sources: "Global Payments Ecommerce messages & error codes" (cited at the table).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.mapping import _reason_entry


# Global Payments ecommerce (Realex) XML: <response><result>00</result><message>...</message><pasref/>.
# Message and error codes: "Global Payments Ecommerce messages & error codes" (reproduced at
# woohoopay.com/error-codes/): 00 successful; 101 decline; 102 referral B; 103 referral A (card reported
# lost or stolen); 1xx declines; 2xx errors with the bank's systems; 3xx errors with Global Payments'
# systems; 5xx incorrect XML or data; 666 client deactivated.
REALEX_RESULTS = _coded({
    "00": ("APPROVED", None),
    "101": ("DECLINED", "GENERIC_DECLINE"),  # decline: generally insufficient funds or incorrect card data
    "102": ("DECLINED", "GENERIC_DECLINE"),  # referral B: contact the authorization center
    "103": ("DECLINED", "LOST_OR_STOLEN_CARD"),  # referral A: the card has been reported lost or stolen
    "666": ("ERROR", "CONFIGURATION_ERROR"),  # client deactivated
})
_REALEX_RANGES = {"1": ("DECLINED", "GENERIC_DECLINE"), "2": ("ERROR", "PROCESSING_ERROR"),
                  "3": ("ERROR", "PROCESSING_ERROR"), "5": ("ERROR", "INVALID_REQUEST")}


def _realex(f: dict[str, Any]) -> ReplyReading | None:
    result, message = _text_of(f, "result"), _text_of(f, "message")
    # Global Payments' own references: the pasref, or the merchant id with its account.
    if result is None or message is None or not ("pasref" in f or {"merchantid", "account"} <= f.keys()):
        return None
    if not re.fullmatch(r"\d{2,3}", result):
        return None
    known = REALEX_RESULTS.get(result)
    if known is None and len(result) == 3 and result[0] in _REALEX_RANGES:
        status_name, reason = _REALEX_RANGES[result[0]]
        known = (_ST(status_name), _reason_entry(reason))
    if known is None:
        return None
    return ReplyReading("globalpayments_realex", known[0], result, True, known[1], result, True,
                        ("pasref", "orderid"))
