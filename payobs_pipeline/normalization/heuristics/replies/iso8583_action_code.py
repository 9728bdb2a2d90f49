"""Three-digit ISO 8583:1993 action codes (family ``iso8583_action_code``).

American Express action codes and fields such as Niubiz ``ACTION_CODE``, read through the shared
card-network table of issuer_codes.py.
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import (
    _ERROR_REASONS,
    _ST,
    NETWORK_OUTCOMES,
    NETWORK_TABLE,
    ReplyReading,
    _text_of,
)


def _action_code(f: dict[str, Any]) -> ReplyReading | None:
    """A three-digit ISO 8583:1993 action code (American Express action codes; Niubiz ACTION_CODE)."""
    code = _text_of(f, "actioncode")
    if code is None or not re.fullmatch(r"\d{3}", code):
        return None
    outcome = NETWORK_OUTCOMES.get(code)
    if outcome is not None:
        return ReplyReading("iso8583_action_code", outcome, code, True, agrees=True)
    entry = NETWORK_TABLE.get(code)
    if entry is None:
        return None
    status = _ST.ERROR if entry.reason in _ERROR_REASONS else _ST.DECLINED
    return ReplyReading("iso8583_action_code", status, code, True, entry, code, True)
