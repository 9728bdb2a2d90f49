"""HTTP error answers with no body of the provider's: ``{http_status, http_reason}`` (family ``http_error``).

formats.py reads an error page or a bare reason phrase as that body. Sources: docs/taxonomy.md, RFC
9110 sections 15.5 and 15.6, RFC 6585 section 4 (cited at the table).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading
from payobs_pipeline.normalization.mapping import _reason_entry


# An HTTP error answer with no body of the provider's: the error page or bare reason phrase that formats.py
# reads as {"http_status": 401, "http_reason": "Authorization Required"}. docs/taxonomy.md ("An API error
# answer (an HTTP 4xx/5xx body, or an error page) is an ERROR event"); status meanings RFC 9110 section 15.5
# (400 Bad Request, 401 Unauthorized, 403 Forbidden, 404 Not Found, 405 Method Not Allowed, 408 Request
# Timeout, 409 Conflict, 415 Unsupported Media Type, 422 Unprocessable Content) and 15.6 (5xx server errors,
# 504 Gateway Timeout); RFC 6585 section 4 (429 Too Many Requests). Other 4xx (402, 410, 413...) do not say
# what failed: deferred.
HTTP_ERROR_REASONS = {
    **dict.fromkeys((400, 404, 405, 415, 422), "INVALID_REQUEST"),
    **dict.fromkeys((401, 403), "CONFIGURATION_ERROR"),
    409: "DUPLICATE",
    **dict.fromkeys((408, 504), "TIMEOUT"),
    429: "PROCESSING_ERROR",
}
_HTTP_ERROR_KEYS = frozenset({"http_status", "http_reason"})


def _http_error(body: Any) -> ReplyReading | None:
    """The reading of exactly the body {"http_status": <4xx/5xx>, "http_reason": <text>} (reason optional)."""
    if not isinstance(body, dict) or "http_status" not in body or not set(body) <= _HTTP_ERROR_KEYS:
        return None
    raw = body["http_status"]
    if isinstance(raw, bool) or not (isinstance(raw, int) or (isinstance(raw, str) and raw.strip().isdigit())):
        return None
    code = int(raw)
    if not 400 <= code <= 599:
        return None
    reason = HTTP_ERROR_REASONS.get(code) or ("PROCESSING_ERROR" if code >= 500 else None)
    phrase = body.get("http_reason")
    text = phrase if isinstance(phrase, str) and phrase.strip() else None
    if reason is None:
        return ReplyReading("http_error", _ST.ERROR, str(code), False, raw_reason=str(code), reason_text=text)
    return ReplyReading("http_error", _ST.ERROR, str(code), True, _reason_entry(reason), str(code), True,
                        reason_text=text)
