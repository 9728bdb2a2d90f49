"""Buckaroo (BPE) push and return messages: ``brq_statuscode`` and its fields (family ``buckaroo``).

Source: Buckaroo "Status codes" (cited at the table). A gateway with no mapping, read from its
notification documentation (see the source note in replies/__init__.py).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.heuristics.words import _method_word


# Buckaroo (BPE) push / return: brq_statuscode, brq_statusmessage, brq_amount (major units), brq_currency,
# brq_payment_method, brq_transactions (the transaction key) and brq_payment. Buckaroo "Status codes":
# 190 Success; 490 Failed; 491 Validation failure; 492 Technical failure; 690 Rejected; 790 Pending input,
# 791 Pending processing, 792 Awaiting consumer, 793 On hold; 890 Cancelled by user, 891 Cancelled by merchant.
# 490 "Failed" does not say declined or errored: deferred.
BUCKAROO_STATUSES = _coded({
    "190": ("APPROVED", None),
    "491": ("ERROR", "INVALID_REQUEST"),  # validation failure: the request was not valid
    "492": ("ERROR", "PROCESSING_ERROR"),  # technical failure
    "690": ("DECLINED", "GENERIC_DECLINE"),  # rejected, no reason stated
    **dict.fromkeys(("790", "791", "792", "793"), ("PENDING", None)),
    "890": ("CANCELLED", None),  # cancelled by the user (consumer)
    "891": ("CANCELLED", None),  # cancelled by the merchant
})


def _buckaroo(f: dict[str, Any]) -> ReplyReading | None:
    code = _text_of(f, "brqstatuscode")
    if code is None or not re.fullmatch(r"\d{3}", code) \
            or not ({"brqpayment", "brqtransactions", "brqinvoicenumber"} & f.keys()):
        return None
    ids = ("brqtransactions", "brqpayment")
    method = _method_word(_text_of(f, "brqpaymentmethod", "brqtransactionmethod"))
    amount = (f.get("brqamount"), f.get("brqcurrency"), "major") if "brqamount" in f else None
    known = BUCKAROO_STATUSES.get(code)
    # A push about a refund or another related transaction (brq_amount_credit, brq_relatedtransaction_*) is
    # not the payment's own outcome: deferred.
    related = "brqamountcredit" in f or any(name.startswith("brqrelatedtransaction") for name in f)
    if known is None or related:
        return ReplyReading("buckaroo", _ST.ERROR, code, False, raw_reason=code, ids=ids, method=method)
    message = (_text_of(f, "brqstatusmessage") or "").lower()
    agrees = bool(message) and (known[0] is _ST.APPROVED) == bool(re.search(r"success", message))
    return ReplyReading("buckaroo", known[0], code, True, known[1], code, agrees, ids, amount=amount, method=method)
