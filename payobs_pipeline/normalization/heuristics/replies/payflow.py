"""PayPal Payflow Pro replies: ``RESULT``/``RESPMSG``, and XMLPay ``Result``/``Message`` (family ``payflow``).

Sources: the Payflow integration guide's transaction responses and the RESULT table of the Payflow spec
(providers/paypal_payflow.py, which cites them), and the XMLPay Developer's Guide (cited in the reader).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.heuristics.words import STATUS_WORDS, _word
from payobs_pipeline.normalization.mapping import _reason_entry
from payobs_pipeline.normalization.providers import paypal_payflow


# Payflow Pro: RESULT and RESPMSG (developer.paypal.com/docs/payflow/integration-guide/transaction-responses/).
# RESULT 0 approved; below 0 a communication error (no transaction attempted); above 0 a decline or error. The
# RESULT table is the Payflow spec's (providers/paypal_payflow.py, with its sources): one table, read here for
# replies that come without a provider hint.
PAYFLOW_RESULTS = _coded(paypal_payflow.RESULTS)


def _payflow(f: dict[str, Any]) -> ReplyReading | None:
    result, message = _text_of(f, "result"), _text_of(f, "respmsg")
    if message is None and "pnref" in f:
        # XMLPay (Payflow's XML interface) answers <ResponseData><Result/><Message/><PnRef/>: the same RESULT
        # values, the RESPMSG text under Message. Payflow Pro XMLPay Developer's Guide, "ResponseData"
        # (Result: "the outcome of the attempted transaction. A result of 0 (zero) indicates the transaction
        # was approved. Any other number indicates a decline or error"; Message: "response message").
        message = _text_of(f, "message")
    if result is None or message is None or not re.fullmatch(r"-?\d{1,4}", result):
        return None
    ids = ("pnref", "ppref")
    if result.startswith("-"):  # communication error: no transaction attempted
        return ReplyReading("payflow", _ST.ERROR, result, True, _reason_entry("PROCESSING_ERROR"), result, True, ids)
    known = PAYFLOW_RESULTS.get(result)
    if known is None:
        return ReplyReading("payflow", _ST.DECLINED, result, False, raw_reason=result, ids=ids)
    agrees = (known[0] is _ST.APPROVED) == (STATUS_WORDS.get(_word(message.split(":")[0])) is _ST.APPROVED
                                            or message.lower().startswith(("approved", "verified")))
    return ReplyReading("payflow", known[0], result, True, known[1], result, agrees, ids)
