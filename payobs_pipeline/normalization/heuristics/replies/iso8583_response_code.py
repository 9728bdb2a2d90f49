"""ResponseCode/Message replies whose code is a two-character ISO 8583 response code (family ``iso8583_response_code``).

Sources: ISO 8583 field 39 and gateways that return it as their response code (Fat Zebra), cited
in the reader; the code is read through the shared tables of issuer_codes.py.
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import (
    _ERROR_REASONS,
    _ST,
    ISO_TABLE,
    NETWORK_OUTCOMES,
    ReplyReading,
    _names,
    _text_of,
)
from payobs_pipeline.normalization.heuristics.words import reason_from_text
from payobs_pipeline.normalization.taxonomy import FailureReason


_ISO_MESSAGE_FIELDS = _names("response_message", "response_text", "message", "resp_text", "response_description")
_DECLINE_WORDS = re.compile(r"declin|refus|denied|not approved|rechaz|negad|recus|no autoriz|não autoriz")
_APPROVAL_WORDS = re.compile(r"approv|success|honou?r with|aprobad|aprovad|autorizad")


def _iso_response(f: dict[str, Any]) -> ReplyReading | None:
    """ResponseCode/Message replies whose code is a two-character ISO 8583 response code.

    ISO 8583 field 39 (card-present.readme.io/reference/errors); gateways that return it as their
    response code, e.g. docs.fatzebra.com/docs/response-codes ("response_code maps to standard
    financial-network (ISO 8583-style) response codes; 00 = Approved"). The code alone is read as
    ISO only when the message beside it says the same outcome; otherwise the reply is deferred.
    """
    code = _text_of(f, "responsecode", "isoresponsecode")
    message = _text_of(f, *_ISO_MESSAGE_FIELDS)
    if code is None or message is None or len(code) != 2:
        return None
    lowered = message.lower()
    outcome = NETWORK_OUTCOMES.get(code.lower())
    if outcome is not None:
        agrees = outcome is not _ST.APPROVED or bool(_APPROVAL_WORDS.search(lowered))
        return ReplyReading("iso8583_response_code", outcome, code, agrees, agrees=agrees,
                            ids=("transactionid", "transid", "id"))
    entry = ISO_TABLE.get(code.lower())
    if entry is None or entry.reason is FailureReason.UNKNOWN:
        return None
    status = _ST.ERROR if entry.reason in _ERROR_REASONS else _ST.DECLINED
    agrees = bool(_DECLINE_WORDS.search(lowered)) or reason_from_text(message) is not None
    return ReplyReading("iso8583_response_code", status, code, agrees, entry, code, agrees,
                        ("transactionid", "transid", "id"))
