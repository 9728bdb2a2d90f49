"""JSON error answers of REST APIs with no mapping (family ``api_error``).

A gateway's API answers a refused request with an error body and an HTTP 4xx/5xx status; docs/taxonomy.md
makes every API error answer an ERROR event (DECLINED where the body states a card decline). The shapes read
here are the ones REST APIs share, not one gateway's:

- an ``error`` object with a message or a code (``{"error": {"type": ..., "code": ..., "message": ...}}``,
  as Stripe, OpenAI-style and most JSON:API-less APIs answer);
- an ``errors`` list of objects or texts, or an object of field -> messages (``{"errors": [{"code": ...,
  "message": ...}]}``, JSON:API section 11 "Error Objects", Rails-style ``{"errors": {"amount": [...]}}``);
- a problem details object (RFC 9457: ``type``, ``title``, ``status``, ``detail``, ``instance``);
- an ``error`` text with a description or message (OAuth 2.0, RFC 6749 section 5.2: ``error``,
  ``error_description``; Spring's ``{"status": 500, "error": "Internal Server Error", "message": ...}``);
- an HTTP 4xx/5xx status stated in the body beside a message (``{"statusCode": 401, "message": ...}``, or a
  bare numeric ``code``: ``{"code": 500, "message": "General Failure", "result": null}``). Empty fields are
  left out before the envelope test.

Recognized only when every top-level field is one an error envelope uses (``ENVELOPE_NAMES``): a body that
also carries an amount, a currency, an id or a status word of a payment is no bare error answer and is left to
the other readers. The reason comes from, in order: the HTTP status the body states (RFC 9110, the table
``http_error.HTTP_ERROR_REASONS``), the error's ``type`` (issuer_codes.API_ERROR_TYPE_REASONS), its codes and
messages in words (a card decline's words make the event DECLINED with that reason). A body whose reason none
of them gives states no more than "an error": it is deferred (LOW_CONFIDENCE), not guessed.
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _key, _names
from payobs_pipeline.normalization.heuristics.replies.http_error import HTTP_ERROR_REASONS
from payobs_pipeline.normalization.heuristics.words import reason_from_text
from payobs_pipeline.normalization.issuer_codes import API_ERROR_TYPE_REASONS
from payobs_pipeline.normalization.mapping import _reason_entry
from payobs_pipeline.normalization.taxonomy import FailureReason

# Top-level fields of error envelopes (folded names): the carriers, the HTTP status, request/trace ids, links.
ENVELOPE_NAMES = frozenset(_names(
    "error", "errors", "error_description", "error_uri", "message", "messages", "detail", "details", "title",
    "type", "code", "error_code", "errorCode", "error_type", "errorType", "error_message", "errorMessage",
    "status", "statusCode", "status_code", "httpStatus", "http_status", "httpStatusCode", "success", "ok",
    "request_id", "requestId", "trace_id", "traceId", "correlation_id", "correlationId", "instance", "path",
    "timestamp", "time", "documentation_url", "doc_url", "more_info", "moreInfo", "help_url", "_links", "links",
    "object",
    # The lake's provider hint beside the answer (formats.py: the hint keys) names the sender, no outcome.
    "provider", "provider_name", "psp", "gateway", "processor", "acquirer", "p_id", "source_system",
))
# Where a body states its HTTP status; a bare ``code`` only as a number (``{"code": 500, "message": ...}``).
_STATUS_NAMES = _names("status", "statusCode", "status_code", "httpStatus", "http_status", "httpStatusCode")
_NUMERIC_STATUS_NAMES = _names("code")
_TEXT_NAMES = _names("code", "error_code", "errorCode", "title", "message", "error_message", "errorMessage",
                     "detail", "description", "error_description", "reason")
_TYPE_NAMES = _names("type", "error_type", "errorType")

# A card decline's reasons: a body stating one answers a payment the issuer or the gateway refused.
_DECLINE_REASONS = frozenset({
    FailureReason.INSUFFICIENT_FUNDS, FailureReason.EXPIRED_CARD, FailureReason.INCORRECT_CVC,
    FailureReason.LOST_OR_STOLEN_CARD, FailureReason.SUSPECTED_FRAUD, FailureReason.RESTRICTED_CARD,
    FailureReason.GENERIC_DECLINE, FailureReason.INVALID_CARD_DATA,
})  # not LIMIT_EXCEEDED or RISK_REJECTED by words: "rate limit", "risk" name the API's refusals as often
# Words of a request the API refused, checked after the decline words (RFC 9110 15.5 phrasing and the usual
# messages: "amount is required", "invalid parameter", "API key", "not found").
_REQUEST_WORDS = (
    (re.compile(r"api key|apikey|unauthori[sz]ed|forbidden|credential|access denied|permission|not authenticated"
                r"|invalid token|invalid client"), "CONFIGURATION_ERROR"),
    (re.compile(r"internal server|server error|service unavailable|temporarily unavailable|try again later"
                r"|unexpected error|bad gateway"), "PROCESSING_ERROR"),
    (re.compile(r"invalid|required|missing|must be|malformed|not found|unknown parameter|bad request"
                r"|unprocessable|validation|not valid|cannot be blank|can't be blank"), "INVALID_REQUEST"),
)
# A decline stated without a reason ("card_declined", "Your card was declined"): a generic decline.
_DECLINE_WORDS = re.compile(r"\bdeclin|\brefused\b|do not honou?r")
# Card data a request left out is the request's fault, not the card's ("card number is required").
_MISSING_WORDS = re.compile(r"required|missing|must be|blank|empty")


def _http_status(name: str, value: Any) -> int | None:
    """The HTTP status a field states: a status field's 4xx/5xx, or a bare ``code`` that is a 4xx/5xx number."""
    key = _key(name)
    if key in _STATUS_NAMES or (key in _NUMERIC_STATUS_NAMES and type(value) is int):
        return _int_status(value)
    return None


def _int_status(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        code = int(value)
        return code if 400 <= code <= 599 else None
    return None


def _error_objects(body: dict) -> list[dict] | None:
    """The body's error objects (a texts-only carrier as one object), or None when it has no error carrier."""
    found: list[dict] = []
    error, errors = body.get("error"), body.get("errors")
    if isinstance(error, dict) and any(_key(k) in _TEXT_NAMES or _key(k) in _TYPE_NAMES for k in error):
        found.append(error)
    elif isinstance(error, str) and error.strip() and any(
            isinstance(body.get(k), str) for k in ("error_description", "message", "detail")):
        found.append({"code": error})
    if isinstance(errors, list) and errors:
        for item in errors:
            if isinstance(item, dict) and any(_key(k) in _TEXT_NAMES for k in item):
                found.append(item)
            elif isinstance(item, str) and item.strip():
                found.append({"message": item})
    elif isinstance(errors, dict) and errors and all(isinstance(v, (list, str)) for v in errors.values()):
        # Rails-style {field: [messages]}: a validation failure of named fields.
        found.append({"message": " ".join(f"{name} {v}" for name, v in errors.items())})
    if not found and any(_http_status(name, value) is not None for name, value in body.items()) and any(
            isinstance(body.get(name), str) for name in ("title", "message", "detail", "error")):
        found.append(body)  # RFC 9457 problem details, or an HTTP status stated beside a message
    return found or None


def _texts(objects: list[dict], body: dict) -> list[str]:
    texts = []
    for node in (*objects, body):
        for name, value in node.items():
            if _key(name) in _TEXT_NAMES and isinstance(value, (str, int)) and not isinstance(value, bool):
                texts.append(str(value))
    return texts


def _api_error_body(body: Any) -> ReplyReading | None:
    """The reading of a bare REST error answer (see the module docstring), or None."""
    if not isinstance(body, dict):
        return None
    body = {name: value for name, value in body.items() if value is not None and value != ""}  # "result": null
    if not body or any(_key(str(name)) not in ENVELOPE_NAMES for name in body):
        return None
    if body.get("success") is True or body.get("ok") is True:
        return None
    objects = _error_objects(body)
    if objects is None:
        return None
    http_status = next((code for name, value in body.items() if (code := _http_status(name, value)) is not None),
                       None)
    types = [str(v) for node in (*objects, body) for k, v in node.items() if _key(k) in _TYPE_NAMES and
             isinstance(v, str)]
    texts = _texts(objects, body)
    raw_code = texts[0] if texts else None
    # A card decline the body states in words wins: it is the payment's outcome, not the request's.
    for text in texts:
        found = reason_from_text(text)
        if found in _DECLINE_REASONS and not (found is FailureReason.INVALID_CARD_DATA
                                              and _MISSING_WORDS.search(text.lower())):
            return ReplyReading("api_error", _ST.DECLINED, str(http_status or "error"), True,
                                _reason_entry(str(found)), text, True)
    declined = next((text for text in texts if _DECLINE_WORDS.search(re.sub(r"[_\-]+", " ", text.lower()))), None)
    if declined is not None:
        return ReplyReading("api_error", _ST.DECLINED, str(http_status or "error"), True,
                            _reason_entry("GENERIC_DECLINE"), declined, True)
    reason = HTTP_ERROR_REASONS.get(http_status) if http_status else None
    if reason is None and http_status is not None and http_status >= 500:
        reason = "PROCESSING_ERROR"
    reason = reason or next((API_ERROR_TYPE_REASONS[t.lower()] for t in types
                             if t.lower() in API_ERROR_TYPE_REASONS), None)
    if reason is None:
        for text in texts:
            lowered = re.sub(r"[_\-]+", " ", text.lower())
            reason = next((r for pattern, r in _REQUEST_WORDS if pattern.search(lowered)), None)
            if reason is not None:
                break
    raw_status = str(http_status) if http_status is not None else "error"
    if reason is None:
        return ReplyReading("api_error", _ST.ERROR, raw_status, True, raw_reason=raw_code)
    return ReplyReading("api_error", _ST.ERROR, raw_status, True, _reason_entry(reason), raw_code or raw_status, True)
