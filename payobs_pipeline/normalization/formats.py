"""Parse a lake row's ``data`` into one document dict, whatever format it came in.

The lake's ``data`` column is jsonb; the pipeline reads its JSON text and calls
:func:`parse_lake_data`. Pure code: no Dagster, no database.

Shapes handled
--------------
* A JSON object in a provider's shape (format ``json``).
* A JSON string holding a document: JSON (``json_string``, also when encoded
  several times), XML, CSV or key=value text.
* A wrapper object ``{"content": "<xml ...>", "format": "xml", "provider":
  "worldpay"}``: the content key (``content``, ``payload``, ``body``,
  ``raw_payload``, ``raw``, ``message``) holds a string or an object. An
  object is a wrapper only when its other keys are envelope keys (provider and
  format hints, ``metadata``, ``headers``, ``received_at``...), with at most one
  unknown key and then only beside a hint. So a Razorpay webhook (``payload``
  beside ``entity``, ``event``, ``contains``...), a Stripe event (``data``) or a
  PayPal webhook (``resource``) stay documents. A ``message`` key is the
  content only when its string really parses as a document: provider error
  objects use ``message`` for plain text.

Hints
-----
``ParsedPayload.hints`` holds at most two keys: ``"provider"`` (from
``provider``, ``provider_name``, ``psp``, ``gateway``, ``processor``,
``acquirer``, ``p_id``, ``source_system``, case variants included, first in
that order wins; taken from the wrapper first, then from the document's top
level) and ``"format"`` (from a wrapper's ``format``/``content_type``). Values
are kept as found, numbers as their text; nothing is interpreted.
A format hint is tried first; if the content does not parse in that format,
detection decides (a wrong hint does not lose the row). ``ParsedPayload.format``
is the format actually parsed, so a consumer sees a wrong hint by comparing.

Key=value text with one pair a line may end with a bare ``endofdata`` line (Forte's AGI replies), which is
dropped. It may have a bracketed value (Opayo's ``VPSTxId={...}``) split over lines:
a line without ``=`` continues the previous value while that value's bracket is open, and is a malformed
pair (``MALFORMED_KV``) otherwise.

Format detection (no usable hint), on the first non-space character:
``{``/``[`` -> JSON, ``"`` -> JSON string, ``<`` -> XML; otherwise two or more
lines whose first line has a delimiter and no ``=`` -> CSV; otherwise a ``=``
-> key=value; otherwise a compact JWS/JWT (three base64url parts whose first
decodes to a JSON header naming ``alg``) -> jwt; otherwise one line of at least
7 ``,``- or ``|``-separated values -> delimited; otherwise ``UNRECOGNIZED_FORMAT``.

XML -> dict convention (the mapping specs rely on it)
-----------------------------------------------------
* Namespaces are dropped: ``ns2:amount`` and ``{urn:x}amount`` become
  ``amount`` (elements and attributes alike).
* The root element is the single top-level key:
  ``{"paymentService": {...}}``.
* Attributes become ``"@name"`` keys, placed before child elements.
* An element with only text becomes that string; text is stripped of
  surrounding whitespace and whitespace-only text is ignored.
* An element with attributes or children and text keeps the text under
  ``"#text"``.
* An element with no text, attributes or children becomes ``None``.
* Repeated sibling elements become a list in document order. A single
  element is never a list (Braintree ``type="array"`` with one ``<item>``
  gives a string): specs that read repeatable elements accept both.
* Values stay strings; the mapping layer converts.
Security: entity declarations, internal DTD subsets (where billion-laughs
and external entities live) and external entity references are refused with
``XML_FORBIDDEN_CONSTRUCT``, never expanded (defusedxml). A DOCTYPE that only
names an external DTD, as every real Worldpay notification does
(``<!DOCTYPE paymentService PUBLIC "-//WorldPay//DTD ..." "http://...dtd">``),
is accepted: expat never fetches it, and refusing it would dead-letter all
Worldpay traffic.

CSV: a header row and exactly one data row (one lake row is one event; with
several data rows we do not guess: ``CSV_MULTIPLE_RECORDS``). Blank lines are
not records. Headers are stripped of a BOM and whitespace; the delimiter is
the most frequent of ``,`` ``;`` ``|`` tab in the header line; spaces right
after a delimiter are skipped.

Text no format reads, under a provider hint: a wrapper whose content is plain
text or an HTML page that is none of the formats above (Braintree's ``HTTP
Basic: Access denied.``, First Data GGE4's ``Unauthorized Request. Bad or
missing credentials.``) and beside a provider hint becomes format ``text``,
body ``{"_payobs_text": <the text, stripped, at most MAX_TEXT_CHARS>,
"_payobs_refusal": <the UNRECOGNIZED_FORMAT detail>}``. Only the hinted
provider's spec may read it (its ``text_variants``, mapping.py), and only as
the ERROR that provider documents for that text; when none does, the
Normalizer defers the row with UNRECOGNIZED_FORMAT and this same detail
(:func:`text_refusal`). Without a provider hint such text is refused here, as
any unrecognized text is: nothing guesses at free text. Why not the HTTP error
answer below: that one states its own status, whose meaning RFC 9110 gives
whoever sent it; this text states no status, so only the provider's
documentation can say what it means. The text is masked like any payload
(:func:`read_lake_payload`).

HTTP error answers: an HTML error page (``<html>...<title>401 Authorization
Required</title>``) or a bare reason phrase or status line (``Unauthorized``,
``HTTP/1.1 503 Service Unavailable``, RFC 9110) stored as the provider's answer
is ``{"http_status": 401, "http_reason": "Authorization Required"}`` (format
``http_error``); an HTML page that names no 4xx/5xx status is refused.
Key=value pairs quoted one per line (``"Status=APPROVED"``, SafeCharge) are
key=value; so are lines of pairs after a one-word status line (PayPal PDT's
``SUCCESS``), the word kept as ``pdt_status``.

JWT: providers that sign their notifications send a compact JWS (2C2P's
``{"payload": "<token>"}``). The body is the token's decoded claims object;
the signature is not verified (payobs observes payments, it does not act on
them; the merchant's integration verifies), and a claims part that is not a
JSON object is ``MALFORMED_JWT``.

Delimited: one line of positional values with no header, as gateway replies
of the 2000s send them (Authorize.net AIM ``1,1,1,This transaction has been
approved.,...``, also ``|``-delimited and with an encapsulation character
such as ``$1$,$1$,...``): the body is ``{"values": ["1", "1", ...]}`` and the
provider's spec names the positions. The delimiter is the more frequent of
``|`` and ``,``; a first character that is neither a letter, a digit nor the
delimiter is the encapsulation character.

key=value: ``a=1&b=2`` is form-encoded and URL-decoded (``parse_qsl``,
strict); newline-, ``;``- or space-separated ``key=value`` pairs are taken
verbatim (stripped). A single pair is read as form-encoded. A repeated key:
the last value wins, as in most web frameworks' form parsing.

Limits: ``MAX_PAYLOAD_BYTES`` of UTF-8 data text, ``MAX_DEPTH`` nesting levels
(JSON containers or XML elements), no NUL character anywhere, no unpaired
surrogate (text UTF-8 cannot encode: ``INVALID_UNICODE``, as are bytes that
are not UTF-8).

Numbers: JSON as RFC 8259 defines it. ``NaN``/``Infinity`` (Python's
extensions, which jsonb refuses) are ``MALFORMED_JSON``; a number too large
for a float (``1e309``) becomes its exact integer, as jsonb keeps it; a number
of more than ``MAX_NUMBER_DIGITS`` digits is ``NUMBER_OUT_OF_RANGE``.

Errors: :class:`PayloadParseError` with one of the reason
codes below. Its ``detail`` says where parsing failed and never carries the
payload (only a masked excerpt of at most 40 characters for an unrecognized
format).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any
from decimal import Decimal
from pyexpat import ErrorString as _expat_error_string
from urllib.parse import parse_qsl, unquote_plus
from xml.etree.ElementTree import ParseError as _XMLParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason

# --- formats -----------------------------------------------------------------
FORMAT_JSON = "json"
FORMAT_JSON_STRING = "json_string"
FORMAT_XML = "xml"
FORMAT_CSV = "csv"
FORMAT_KV = "kv"
FORMAT_DELIMITED = "delimited"
FORMAT_JWT = "jwt"
FORMAT_HTTP_ERROR = "http_error"
FORMAT_TEXT = "text"

# --- reason codes: the parse refusals of the one vocabulary (normalization/unprocessed_reasons.py) -------
MALFORMED_JSON = UnprocessedReason.MALFORMED_JSON
MALFORMED_XML = UnprocessedReason.MALFORMED_XML
XML_FORBIDDEN_CONSTRUCT = UnprocessedReason.XML_FORBIDDEN_CONSTRUCT
MALFORMED_CSV = UnprocessedReason.MALFORMED_CSV
CSV_NO_RECORDS = UnprocessedReason.CSV_NO_RECORDS
CSV_MULTIPLE_RECORDS = UnprocessedReason.CSV_MULTIPLE_RECORDS
MALFORMED_KV = UnprocessedReason.MALFORMED_KV
UNRECOGNIZED_FORMAT = UnprocessedReason.UNRECOGNIZED_FORMAT
MALFORMED_JWT = UnprocessedReason.MALFORMED_JWT
EMPTY_PAYLOAD = UnprocessedReason.EMPTY_PAYLOAD
PAYLOAD_TOO_LARGE = UnprocessedReason.PAYLOAD_TOO_LARGE
PAYLOAD_TOO_DEEP = UnprocessedReason.PAYLOAD_TOO_DEEP
NUL_BYTE = UnprocessedReason.NUL_BYTE
NOT_AN_OBJECT = UnprocessedReason.NOT_AN_OBJECT
INVALID_UNICODE = UnprocessedReason.INVALID_UNICODE
NUMBER_OUT_OF_RANGE = UnprocessedReason.NUMBER_OUT_OF_RANGE
# Not raised by the parser: the pipeline's stages record it for a row whose
# processing raised an unexpected exception (a bug), so that one row never
# fails its window. Detail: "<ExceptionType>: <message>", masked.
INTERNAL_ERROR = UnprocessedReason.INTERNAL_ERROR

# The reasons the parser raises.
REASON_CODES = frozenset({
    MALFORMED_JSON, MALFORMED_XML, XML_FORBIDDEN_CONSTRUCT, MALFORMED_CSV, CSV_NO_RECORDS, CSV_MULTIPLE_RECORDS,
    MALFORMED_KV, UNRECOGNIZED_FORMAT, MALFORMED_JWT, EMPTY_PAYLOAD, PAYLOAD_TOO_LARGE, PAYLOAD_TOO_DEEP, NUL_BYTE,
    NOT_AN_OBJECT, INVALID_UNICODE, NUMBER_OUT_OF_RANGE,
})

MAX_PAYLOAD_BYTES = 1_000_000
MAX_DEPTH = 64
# A string holding a string holding a document...: real double encoding is 2-3
# layers; more is garbage, and each layer costs a full decode.
MAX_STRING_LAYERS = 4
# Wrappers inside wrappers (a payload object that is itself an envelope).
MAX_WRAPPER_LAYERS = 4
MAX_KV_FIELDS = 10_000
# A text under a provider hint (format "text") is kept up to this many characters: a provider's documented
# error text is one line; a whole HTML page is not read past its first screens.
MAX_TEXT_CHARS = 2000
# The keys of a "text" body: the text, and the parser's refusal that stands if no spec claims the text.
TEXT_KEY = "_payobs_text"
TEXT_REFUSAL_KEY = "_payobs_refusal"
# Python refuses to convert integers longer than this (sys.get_int_max_str_digits()).
MAX_NUMBER_DIGITS = 4300

# Errors that mean "not this format": worth trying detection after a wrong hint.
_FORMAT_MISMATCH_REASONS = frozenset(
    {MALFORMED_JSON, MALFORMED_XML, MALFORMED_CSV, CSV_NO_RECORDS, MALFORMED_KV, UNRECOGNIZED_FORMAT, NOT_AN_OBJECT,
     MALFORMED_JWT}
)


@dataclass(slots=True)
class ParsedPayload:
    """One lake row's document, parsed.

    ``format`` is one of the ``FORMAT_*`` constants (the format actually
    parsed), ``body`` the document as a dict, ``hints`` the provider/format
    hints found (keys ``"provider"``, ``"format"``; values as found).
    """

    format: str
    body: dict
    hints: dict[str, str] = field(default_factory=dict)


class PayloadParseError(ValueError):
    """A lake row whose data cannot become a document; ``reason_code`` says why.

    ``detail`` is short, says where parsing failed and carries no payload text.
    """

    def __init__(self, reason_code: str, detail: str) -> None:
        super().__init__(f"{reason_code}: {detail}")
        self.reason_code = reason_code
        self.detail = detail


# --- key tables ----------------------------------------------------------------


def _spellings(name: str) -> set[str]:
    """The ways producers spell a snake_case key: Provider, PSP, rawPayload, Content-Type..."""
    parts = name.split("_")
    camel = parts[0] + "".join(p.title() for p in parts[1:])
    pascal = "".join(p.title() for p in parts)
    return {
        name,
        name.upper(),
        name.title(),
        camel,
        pascal,
        "-".join(parts),
        "-".join(p.title() for p in parts),
    }


def _alias_table(names: tuple[str, ...], canonical: str | None = None) -> dict[str, tuple[int, str]]:
    """Map every spelling to (priority, canonical name); earlier names win."""
    table: dict[str, tuple[int, str]] = {}
    for priority, name in enumerate(names):
        for spelling in _spellings(name):
            table.setdefault(spelling, (priority, canonical or name))
    return table


_PROVIDER_HINT_KEYS = (
    "provider",
    "provider_name",
    "psp",
    "gateway",
    "processor",
    "acquirer",
    "p_id",
    "source_system",
)
_FORMAT_HINT_KEYS = ("format", "content_type", "mime_type", "media_type")
_CONTENT_KEYS = ("content", "payload", "body", "raw_payload", "raw", "message")
# Content keys that, beside envelope keys only, make an object a wrapper even
# when the string inside fails to parse (the failure is then the row's reason).
_STRONG_CONTENT_KEYS = frozenset({"content", "payload", "body", "raw_payload", "raw"})
_ENVELOPE_META_KEYS = (
    "metadata",
    "meta",
    "headers",
    "encoding",
    "charset",
    "received_at",
    "ingested_at",
    "created_at",
    "timestamp",
    "source",
    "channel",
    "version",
    "schema_version",
)

_PROVIDER_ALIASES = _alias_table(_PROVIDER_HINT_KEYS, "provider")
_FORMAT_ALIASES = _alias_table(_FORMAT_HINT_KEYS, "format")
_CONTENT_ALIASES = _alias_table(_CONTENT_KEYS)
_HINT_ALIASES = {**_PROVIDER_ALIASES, **_FORMAT_ALIASES}
_ENVELOPE_KEYS = frozenset(_HINT_ALIASES) | frozenset(_alias_table(_ENVELOPE_META_KEYS))
# Sets for C-speed "any of these keys present?" tests on every row.
_PROVIDER_KEY_SET = frozenset(_PROVIDER_ALIASES)
_CONTENT_KEY_SET = frozenset(_CONTENT_ALIASES)

_CSV_DELIMITERS = (",", ";", "|", "\t")


class _RefusedJSONNumber(ValueError):
    """Raised from inside the JSON decoder for a number the warehouse cannot store."""

    def __init__(self, reason_code: str, detail: str) -> None:
        super().__init__(detail)
        self.reason_code = reason_code
        self.detail = detail


def _refuse_constant(name: str) -> float:
    # NaN, Infinity and -Infinity are Python's extensions, not JSON (RFC 8259),
    # and PostgreSQL's jsonb refuses them.
    raise _RefusedJSONNumber(MALFORMED_JSON, f"{name} is not a JSON value (RFC 8259)")


def _json_float(literal: str) -> float | int:
    """A JSON number with a fraction or exponent; one too large for a float becomes its exact integer.

    ``1e309`` overflows a float to infinity, which jsonb cannot store; jsonb
    itself keeps it as the exact number (PostgreSQL numeric), so do we.
    """
    value = float(literal)
    if value - value == 0.0:  # finite
        return value
    number = Decimal(literal)
    if number.adjusted() >= MAX_NUMBER_DIGITS:
        raise _RefusedJSONNumber(NUMBER_OUT_OF_RANGE, f"a JSON number with more than {MAX_NUMBER_DIGITS} digits")
    return int(number)


# One decoder, reused: skips json.loads' per-call argument checks.
_json_decode = json.JSONDecoder(parse_float=_json_float, parse_constant=_refuse_constant).decode
# A \uD800-\uDFFF escape: a surrogate JSON may leave unpaired in a decoded string.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


# --- public API -------------------------------------------------------------------


def parse_lake_data(data_text: str) -> ParsedPayload:
    """Parse a lake row's ``data`` (jsonb output text) into a :class:`ParsedPayload`.

    Handles plain provider objects, JSON-in-string (any number of layers up to
    ``MAX_STRING_LAYERS``), XML/CSV/key=value strings and wrapper objects.
    Raises :class:`PayloadParseError` with a reason code when the row cannot
    become one document.
    """
    if data_text is None:
        raise PayloadParseError(EMPTY_PAYLOAD, "data is null")
    if type(data_text) is not str:
        if isinstance(data_text, (bytes, bytearray, memoryview)):
            data_text = _decode_bytes(bytes(data_text))
        elif isinstance(data_text, dict):
            # A driver that already decoded the jsonb: no text to pre-check.
            _inspect_tree(data_text, check_depth=True, check_nul=True, check_unicode=True)
            return _from_json_object(data_text, FORMAT_JSON)
        else:
            raise TypeError(f"lake data must be JSON text, got {type(data_text).__name__}")
    text = data_text
    _check_size(text)
    if "\x00" in text:
        raise PayloadParseError(NUL_BYTE, f"NUL character at offset {text.index(chr(0))}")
    if not text.isascii():
        _check_unicode(text)
    try:
        value = _json_decode(text)
    except RecursionError:
        raise PayloadParseError(PAYLOAD_TOO_DEEP, f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:
        return _from_non_json_text(text, error)

    if type(value) is dict:
        # Common case: a provider object. Depth <= number of opening brackets,
        # so only documents with many brackets get walked.
        check_depth = text.count("{") + text.count("[") > MAX_DEPTH
        # No backslash (most payloads) means no escapes: skip the substring searches.
        escapes = "\\" in text
        check_nul = escapes and "\\u0000" in text
        check_unicode = escapes and _SURROGATE_ESCAPE.search(text) is not None
        if check_depth or check_nul or check_unicode:
            _inspect_tree(value, check_depth, check_nul, check_unicode)
        return _from_json_object(value, FORMAT_JSON)
    if type(value) is str:
        fmt, body = _parse_text(value, None, string_layers=1)
        return _from_parsed(fmt, body)
    raise _not_an_object(value, "data")


def parse_content(content: str, format_hint: str | None = None) -> tuple[str, dict]:
    """Parse a document held in a string: JSON, XML, CSV or key=value.

    ``format_hint`` (``xml``, ``application/xml``, ``text/csv``, ``kv``,
    ``application/x-www-form-urlencoded``, ``json``...) is tried first; if the
    content does not parse that way, format detection decides. Returns
    ``(format, body)``; JSON found in a string is reported as ``json_string``.
    Does not unwrap envelopes (that is :func:`parse_lake_data`'s job).
    """
    if content is None:
        raise PayloadParseError(EMPTY_PAYLOAD, "content is null")
    if type(content) is not str:
        raise TypeError(f"content must be a string, got {type(content).__name__}")
    _check_size(content)
    return _parse_text(content, format_hint, string_layers=1)


# --- lake-level shapes --------------------------------------------------------------


def _from_non_json_text(text: str, error: ValueError) -> ParsedPayload:
    """Data text that is not JSON: jsonb always is, but callers may hand us raw text."""
    stripped = text.strip()
    if not stripped:
        raise PayloadParseError(EMPTY_PAYLOAD, "data is empty")
    if stripped[0] in '{["' or stripped[0].isdigit() or stripped[0] == "-":
        raise _json_failure(error) from None
    fmt, body = _parse_text(stripped, None, string_layers=1)
    return _from_parsed(fmt, body)


def _from_json_object(body: dict, fmt: str) -> ParsedPayload:
    """Unwrap envelopes around a decoded JSON object and collect its hints."""
    hints: dict[str, str] = {}
    for _ in range(MAX_WRAPPER_LAYERS):
        if not body:
            raise PayloadParseError(EMPTY_PAYLOAD, "empty object")
        if _CONTENT_KEY_SET.isdisjoint(body):
            break
        unwrapped = _unwrap(body, hints)
        if unwrapped is None:
            break
        fmt, body = unwrapped
        if fmt not in (FORMAT_JSON, FORMAT_JSON_STRING):
            break
    else:
        raise PayloadParseError(PAYLOAD_TOO_DEEP, f"more than {MAX_WRAPPER_LAYERS} nested wrappers")
    if not body:
        raise PayloadParseError(EMPTY_PAYLOAD, "empty document")
    if _ENVELOPE_KEYS.issuperset(body):
        # {"provider": "adyen"}: a hint (or envelope metadata) with no document beside it.
        raise PayloadParseError(EMPTY_PAYLOAD, "only envelope keys (hints, metadata), no document")
    if not _PROVIDER_KEY_SET.isdisjoint(body):
        _collect_hints(body, hints, _PROVIDER_ALIASES)
    return ParsedPayload(fmt, body, hints)


def _from_parsed(fmt: str, body: dict) -> ParsedPayload:
    """A document parsed from a string: JSON ones may still be wrappers."""
    if fmt == FORMAT_JSON_STRING:
        return _from_json_object(body, fmt)
    hints: dict[str, str] = {}
    if not _PROVIDER_KEY_SET.isdisjoint(body):
        _collect_hints(body, hints, _PROVIDER_ALIASES)
    return ParsedPayload(fmt, body, hints)


def _unwrap(body: dict, hints: dict[str, str]) -> tuple[str, dict] | None:
    """If ``body`` is an envelope, return its parsed content; else ``None``.

    Adds the envelope's hints to ``hints`` (existing keys win: outer first).
    """
    content_key = min((k for k in body if k in _CONTENT_ALIASES), key=lambda k: _CONTENT_ALIASES[k][0])
    canonical = _CONTENT_ALIASES[content_key][1]
    unknown = sum(1 for k in body if k != content_key and k not in _ENVELOPE_KEYS)
    envelope_hints: dict[str, str] = {}
    _collect_hints(body, envelope_hints, _HINT_ALIASES)
    strong = canonical in _STRONG_CONTENT_KEYS
    if unknown > 1 or (unknown == 1 and not (strong and envelope_hints)):
        return None
    content = body[content_key]
    format_hint = envelope_hints.get("format")

    if type(content) is dict:
        result = (FORMAT_JSON, content)
    elif type(content) is str:
        try:
            result = _parse_text(content, format_hint, string_layers=1)
        except PayloadParseError as error:
            # A "message" that is plain text ("Card declined") is not a document.
            if not strong and error.reason_code in _FORMAT_MISMATCH_REASONS | {EMPTY_PAYLOAD}:
                return None
            if error.reason_code != UNRECOGNIZED_FORMAT or not (envelope_hints.get("provider") or hints.get("provider")):
                raise
            # Text no format reads, beside a provider hint: the hinted provider's spec alone may read it.
            result = FORMAT_TEXT, {TEXT_KEY: content.strip()[:MAX_TEXT_CHARS], TEXT_REFUSAL_KEY: error.detail}
    elif content is None:
        if not strong:
            return None
        raise PayloadParseError(EMPTY_PAYLOAD, f"wrapper {canonical} is null")
    elif not strong:
        return None
    else:
        raise _not_an_object(content, f"wrapper {canonical}")

    for key, value in envelope_hints.items():
        hints.setdefault(key, value)
    return result


def _collect_hints(body: dict, hints: dict[str, str], aliases: dict[str, tuple[int, str]]) -> None:
    """Add the first usable hint of each kind found among ``body``'s keys."""
    found = sorted((aliases[k][0], aliases[k][1], k) for k in body if k in aliases)
    for _, canonical, key in found:
        if canonical in hints:
            continue
        value = body[key]
        if type(value) is str:
            if value.strip():
                hints[canonical] = value
        elif type(value) in (int, float):
            hints[canonical] = str(value)


# --- string documents --------------------------------------------------------------


def _parse_text(content: str, format_hint: str | None, string_layers: int) -> tuple[str, dict]:
    """Parse a string document: the hinted format first, then detection."""
    if "\x00" in content:
        raise PayloadParseError(NUL_BYTE, f"NUL character at offset {content.index(chr(0))}")
    if not content.isascii():
        _check_unicode(content)
    stripped = content.strip()
    if stripped[:1] == "\ufeff":  # a byte-order mark left by a file export
        stripped = stripped[1:].lstrip()
    if not stripped:
        raise PayloadParseError(EMPTY_PAYLOAD, "content is empty")
    detected = _detect_format(stripped)
    hinted = _format_from_hint(format_hint)
    if hinted is None or hinted == detected:
        return _parse_as(detected, stripped, string_layers)
    try:
        return _parse_as(hinted, stripped, string_layers)
    except PayloadParseError as hinted_error:
        if hinted_error.reason_code not in _FORMAT_MISMATCH_REASONS or detected is None:
            raise
    # The hint was wrong; the row is not lost. ParsedPayload.format shows what it was.
    return _parse_as(detected, stripped, string_layers)


def _parse_as(fmt: str | None, text: str, string_layers: int) -> tuple[str, dict]:
    if fmt == FORMAT_JSON:
        return _parse_json_text(text, string_layers)
    if fmt == FORMAT_XML:
        return FORMAT_XML, _parse_xml(text)
    if fmt == FORMAT_CSV:
        return FORMAT_CSV, _parse_csv(text)
    if fmt == FORMAT_KV:
        return FORMAT_KV, _parse_kv(text)
    if fmt == FORMAT_DELIMITED:
        return FORMAT_DELIMITED, _parse_delimited(text)
    if fmt == FORMAT_JWT:
        return FORMAT_JWT, _parse_jwt(text)
    if fmt == FORMAT_HTTP_ERROR:
        return FORMAT_HTTP_ERROR, _parse_http_error(text)
    raise PayloadParseError(
        UNRECOGNIZED_FORMAT, f"not JSON, XML, CSV or key=value ({len(text)} chars: '{_masked_excerpt(text)}')"
    )


def _detect_format(text: str) -> str | None:
    """Guess the format of stripped, non-empty text (see the module docstring)."""
    first = text[0]
    if first == '"' and _QUOTED_PAIRS.fullmatch(text):
        return FORMAT_KV
    if first == '"' and _QUOTED_VALUES.fullmatch(text) and text.count('"') >= 2 * DELIMITED_MIN_VALUES:
        # An encapsulated delimited line ("1","1","1","This transaction has been approved.",...): a JSON string
        # literal has nothing after its closing quote.
        return FORMAT_DELIMITED
    if first in '{["':
        return FORMAT_JSON
    if first == "<":
        return FORMAT_HTTP_ERROR if _HTML_START.match(text) else FORMAT_XML
    if _http_error_status(text) is not None:
        return FORMAT_HTTP_ERROR
    newline = text.find("\n")
    if newline > 0:
        header = text[:newline]
        if "=" not in header and any(d in header for d in _CSV_DELIMITERS):
            return FORMAT_CSV
    if _COMPACT_JWS.fullmatch(text) and _jws_header(text) is not None:
        return FORMAT_JWT
    if "=" in text:
        return FORMAT_KV
    if newline < 0 and max(text.count("|"), text.count(",")) >= DELIMITED_MIN_VALUES - 1:
        return FORMAT_DELIMITED
    return None


def _format_from_hint(hint: str | None) -> str | None:
    """Map a format/content-type hint to a format; ``None`` when not understood."""
    if not hint or type(hint) is not str:
        return None
    value = hint.split(";", 1)[0].strip().lower()
    if "json" in value:
        return FORMAT_JSON
    if "xml" in value:
        return FORMAT_XML
    if "csv" in value or "tab-separated" in value or value == "tsv":
        return FORMAT_CSV
    if (
        "urlencoded" in value
        or value in ("kv", "key=value", "key_value", "keyvalue", "key-value", "form", "querystring", "query")
    ):
        return FORMAT_KV
    return None


def _parse_json_text(text: str, string_layers: int) -> tuple[str, dict]:
    """JSON found inside a string: an object, or yet another encoded string."""
    try:
        value = _json_decode(text)
    except RecursionError:
        raise PayloadParseError(PAYLOAD_TOO_DEEP, f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:
        raise _json_failure(error) from None
    if type(value) is dict:
        check_depth = text.count("{") + text.count("[") > MAX_DEPTH
        escapes = "\\" in text
        check_nul = escapes and "\\u0000" in text
        check_unicode = escapes and _SURROGATE_ESCAPE.search(text) is not None
        if check_depth or check_nul or check_unicode:
            _inspect_tree(value, check_depth, check_nul, check_unicode)
        return FORMAT_JSON_STRING, value
    if type(value) is str:
        if string_layers >= MAX_STRING_LAYERS:
            raise PayloadParseError(PAYLOAD_TOO_DEEP, f"more than {MAX_STRING_LAYERS} layers of string encoding")
        fmt, body = _parse_text(value, None, string_layers + 1)
        return fmt, body
    raise _not_an_object(value, "JSON content")


def _not_an_object(value: object, where: str) -> PayloadParseError:
    """The error for a JSON value that is not an object (null and [] are empty)."""
    if value is None or (type(value) is list and not value):
        return PayloadParseError(EMPTY_PAYLOAD, f"{where} is {'null' if value is None else 'an empty array'}")
    kind = "array" if type(value) is list else type(value).__name__
    return PayloadParseError(NOT_AN_OBJECT, f"{where} is a JSON {kind}, not an object")


def _inspect_tree(root: dict, check_depth: bool, check_nul: bool, check_unicode: bool = False) -> None:
    """Walk a decoded JSON tree without recursion: depth limit, NUL characters, lone surrogates."""
    check_strings = check_nul or check_unicode
    stack: list[tuple[object, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if check_depth and depth > MAX_DEPTH:
            raise PayloadParseError(PAYLOAD_TOO_DEEP, f"JSON nested deeper than {MAX_DEPTH} levels")
        if type(node) is dict:
            if check_strings:
                for key in node:
                    if type(key) is str:
                        _check_string(key, "key", check_nul, check_unicode)
            children = node.values()
        else:
            children = node
        for child in children:
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif check_strings and kind is str:
                _check_string(child, "string", check_nul, check_unicode)


def _check_string(value: str, where: str, check_nul: bool, check_unicode: bool) -> None:
    if check_nul and "\x00" in value:
        raise PayloadParseError(NUL_BYTE, f"NUL character in a JSON {where}")
    if check_unicode and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise PayloadParseError(
                INVALID_UNICODE, f"unpaired surrogate U+{ord(value[error.start]):04X} in a JSON {where}"
            ) from None


# --- XML ------------------------------------------------------------------------------


class _XMLTooDeep(Exception):
    pass


class _DoctypeRefused(Exception):
    pass


class _PaymentXMLParser(DefusedXMLParser):
    """defusedxml's parser, accepting a DOCTYPE that only names an external DTD.

    Entity declarations and external entity references stay forbidden
    (defusedxml); an internal subset is refused before any of it is read.
    """

    def defused_start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        if has_internal_subset:
            raise _DoctypeRefused()


class _DocumentBuilder:
    """ElementTree parser target building the dict directly (see the XML convention)."""

    __slots__ = ("_stack", "_root")

    def __init__(self) -> None:
        # Frames: [name, node dict, text parts]
        self._stack: list[list] = []
        self._root: dict | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if len(self._stack) >= MAX_DEPTH:
            raise _XMLTooDeep()
        node: dict = {}
        for key, value in attrib.items():
            node["@" + key.rpartition("}")[2]] = value
        self._stack.append([tag.rpartition("}")[2], node, []])

    def data(self, text: str) -> None:
        if self._stack:
            self._stack[-1][2].append(text)

    def end(self, tag: str) -> None:
        name, node, parts = self._stack.pop()
        text = "".join(parts).strip() if parts else ""
        if node:
            if text:
                node["#text"] = text
            value: object = node
        else:
            value = text or None
        if self._stack:
            siblings = self._stack[-1][1]
            if name in siblings:
                existing = siblings[name]
                if type(existing) is list:
                    existing.append(value)
                else:
                    siblings[name] = [existing, value]
            else:
                siblings[name] = value
        else:
            self._root = {name: value}

    def close(self) -> dict | None:
        return self._root


def _parse_xml(text: str) -> dict:
    """Parse XML safely into a dict following the module's XML convention."""
    builder = _DocumentBuilder()
    parser = _PaymentXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(text)
        root = parser.close()
    except _XMLTooDeep:
        raise PayloadParseError(PAYLOAD_TOO_DEEP, f"XML nested deeper than {MAX_DEPTH} elements") from None
    except _DoctypeRefused:
        raise PayloadParseError(XML_FORBIDDEN_CONSTRUCT, "DOCTYPE with an internal subset") from None
    except DefusedXmlException as error:
        # Never str(error): defusedxml puts entity names and values in it.
        raise PayloadParseError(XML_FORBIDDEN_CONSTRUCT, type(error).__name__) from None
    except _XMLParseError as error:
        line, column = getattr(error, "position", (0, 0))
        code = getattr(error, "code", None)
        reason = _expat_error_string(code) if isinstance(code, int) else "not well-formed"
        raise PayloadParseError(MALFORMED_XML, f"{reason} at line {line}, column {column}") from None
    except (LookupError, ValueError):
        # e.g. an encoding declaration expat does not know
        raise PayloadParseError(MALFORMED_XML, "XML could not be decoded") from None
    if not root:
        raise PayloadParseError(MALFORMED_XML, "no root element")
    return root


# --- CSV ------------------------------------------------------------------------------


def _parse_csv(text: str) -> dict:
    """A header row and exactly one data row -> {header: value}."""
    text = text.lstrip("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = max(_CSV_DELIMITERS, key=header_line.count)  # ties: the earlier one
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True, strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # blank lines are not records
            rows.append(row)
            if len(rows) > 2:
                break
    except csv.Error as error:
        raise PayloadParseError(MALFORMED_CSV, f"CSV error on line {reader.line_num}: {error}") from None
    if len(rows) < 2:
        raise PayloadParseError(CSV_NO_RECORDS, "CSV has a header but no data row" if rows else "CSV has no rows")
    if len(rows) > 2:
        raise PayloadParseError(CSV_MULTIPLE_RECORDS, "CSV has more than one data row; one lake row is one event")
    header, values = rows
    if len(header) != len(values):
        raise PayloadParseError(MALFORMED_CSV, f"header has {len(header)} fields, data row has {len(values)}")
    record: dict[str, str] = {}
    for position, (name, value) in enumerate(zip(header, values), start=1):
        name = name.strip().lstrip("\ufeff").strip()
        if not name:
            if not value.strip():
                continue  # trailing delimiter: "a,b," / "1,2,"
            raise PayloadParseError(MALFORMED_CSV, f"column {position} has a value but no header")
        if name in record:
            raise PayloadParseError(MALFORMED_CSV, f"column {position} repeats an earlier header")
        record[name] = value
    return record


# --- JWT (a compact JWS: header.claims.signature, base64url) -----------------------------

_COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]{8,}=*\.[A-Za-z0-9_-]{4,}=*\.[A-Za-z0-9_-]*=*")


def _base64url_json(part: str) -> Any:
    padded = part.rstrip("=") + "=" * (-len(part.rstrip("=")) % 4)
    return _json_decode(base64.urlsafe_b64decode(padded).decode("utf-8"))


def _jws_header(text: str) -> dict | None:
    try:
        header = _base64url_json(text.split(".", 1)[0])
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None
    return header if isinstance(header, dict) and "alg" in header else None


def _parse_jwt(text: str) -> dict:
    """The claims of a compact JWS, unverified (see the module docstring)."""
    if not _COMPACT_JWS.fullmatch(text) or _jws_header(text) is None:
        raise PayloadParseError(MALFORMED_JWT, "not a compact JWS (header.claims.signature)")
    try:
        claims = _base64url_json(text.split(".")[1])
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise PayloadParseError(MALFORMED_JWT, "the JWT's claims are not base64url JSON") from None
    if not isinstance(claims, dict):
        raise PayloadParseError(MALFORMED_JWT, f"the JWT's claims are a JSON {type(claims).__name__}, not an object")
    return claims


# --- an HTTP error answer: an HTML error page or a bare status line ---------------------

_HTML_START = re.compile(r"(?is)<!doctype\s+html|<html[\s>]")
_HTML_STATUS = re.compile(r"(?is)<(?:title|h1)[^>]*>\s*(?:HTTP(?:/[\d.]+)?\s+)?([1-5]\d\d)\b\s*[-:]?\s*([^<]*)<")
# RFC 9110 section 15 reason phrases of the 4xx and 5xx answers a payment API gives.
HTTP_REASON_PHRASES = {
    "bad request": 400, "unauthorized": 401, "forbidden": 403, "not found": 404, "method not allowed": 405,
    "request timeout": 408, "conflict": 409, "unsupported media type": 415, "unprocessable entity": 422,
    "unprocessable content": 422, "too many requests": 429, "internal server error": 500, "bad gateway": 502,
    "service unavailable": 503, "gateway timeout": 504,
}
_STATUS_LINE = re.compile(r"(?i)(?:HTTP(?:/[\d.]+)?\s+)?([45]\d\d)\s+([A-Za-z][A-Za-z -]{2,40})")


def _http_error_status(text: str) -> tuple[int, str] | None:
    """A bare reason phrase ("Unauthorized") or status line ("HTTP/1.1 503 Service Unavailable")."""
    if len(text) > 80 or "\n" in text.strip():
        return None
    phrase = text.strip().rstrip(".").strip()
    code = HTTP_REASON_PHRASES.get(phrase.lower())
    if code is not None:
        return code, phrase
    match = _STATUS_LINE.fullmatch(phrase)
    return (int(match.group(1)), match.group(2).strip()) if match else None


def _parse_http_error(text: str) -> dict:
    """{"http_status": 401, "http_reason": "Authorization Required"}: the answer carries nothing else."""
    found = _http_error_status(text)
    if found is None and _HTML_START.match(text):
        match = _HTML_STATUS.search(text[:4000])
        found = (int(match.group(1)), match.group(2).strip()) if match and match.group(1)[0] in "45" else None
    if found is None:
        raise PayloadParseError(UNRECOGNIZED_FORMAT, "an HTML page that is no HTTP error answer")
    return {"http_status": found[0], "http_reason": found[1][:100]}


# --- delimited (one line of positional values) ------------------------------------------

DELIMITED_MIN_VALUES = 7


def _parse_delimited(text: str) -> dict:
    """``1,1,1,Approved.,...`` or ``$1$|$1$|...`` as ``{"values": [...]}``."""
    delimiter = "|" if text.count("|") >= text.count(",") else ","
    first = text[0]
    encapsulation = first if not first.isalnum() and first not in (delimiter, " ") else None
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar=encapsulation or '"',
                        quoting=csv.QUOTE_MINIMAL if encapsulation else csv.QUOTE_NONE)
    try:
        values = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise PayloadParseError(UNRECOGNIZED_FORMAT, f"not a delimited line: {exc}") from None
    if len(values) < DELIMITED_MIN_VALUES:
        raise PayloadParseError(UNRECOGNIZED_FORMAT, f"{len(values)} delimited values, fewer than {DELIMITED_MIN_VALUES}")
    return {"values": [value.strip() for value in values]}


# --- key=value --------------------------------------------------------------------------


# A reply whose first line is one status word and whose other lines are pairs (PayPal Payment Data Transfer:
# "SUCCESS" or "FAIL", then key=value lines; developer.paypal.com PDT): the word is kept as "pdt_status".
_STATUS_WORD = re.compile(r"[A-Z]{2,20}")
# One "key=value" pair per line, each pair in double quotes (SafeCharge's gateway replies).
# The line that ends a Forte AGI reply (developers.forte.net AGI: "pg_response_code=A01 ... endofdata").
_END_OF_DATA = "endofdata"
_QUOTED_VALUES = re.compile(r'"[^"\n]*"(?:[,|]"[^"\n]*")+')
_QUOTED_PAIRS = re.compile(r'(?:"[^"\n=]+=[^"\n]*"[ \t]*(?:\r?\n|$))+')


def _parse_kv(text: str) -> dict:
    """key=value pairs: form-encoded (URL-decoded) or ;/newline/space separated."""
    if text[:1] == '"' and _QUOTED_PAIRS.fullmatch(text):
        text = "\n".join(line.strip()[1:-1] for line in text.splitlines() if line.strip())
    status_word = None
    if "\n" in text or "\r" in text:
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and _STATUS_WORD.fullmatch(lines[0].strip()) and len(lines) > 1:
            status_word = lines.pop(0).strip()  # PayPal PDT: SUCCESS or FAIL, then the pairs
        if len(lines) > 1 and lines[-1].strip().lower() == _END_OF_DATA:
            lines.pop()  # Forte AGI: the reply's last line marks its end, no pair
        if len(lines) > 1 and all(line.rstrip().endswith("&") for line in lines[:-1]):
            # A form body stored with a line break after each '&' (a PayPal IPN copied from a log): form pairs.
            pairs = _form_pairs("".join(line.strip() for line in lines).rstrip("&"))
        else:
            pairs = _split_pairs(_unwrap_bracketed_values(lines))
    elif "&" in text:
        pairs = _form_pairs(text.rstrip("&"))
    elif ";" in text:
        pairs = _split_pairs(text.split(";"))
    elif any(c.isspace() for c in text):
        pairs = _split_pairs(text.split())
    else:
        pairs = _form_pairs(text)
    record: dict[str, str] = {}
    for key, value in pairs:  # repeated key: last wins (documented)
        if not key:
            raise PayloadParseError(MALFORMED_KV, "a pair has an empty key")
        if "\x00" in key or "\x00" in value:
            raise PayloadParseError(NUL_BYTE, "NUL character in a decoded key=value pair")
        record[key] = value
    if not record:
        raise PayloadParseError(MALFORMED_KV, "no key=value pair")
    if status_word is not None:  # PDT values are URL-encoded (developer.paypal.com PDT: "SUCCESS" then key=value)
        record = {key: unquote_plus(value) for key, value in record.items()}
        record.setdefault("pdt_status", status_word)
    return record


_OPENING, _CLOSING = "{[", "}]"


def _unwrap_bracketed_values(lines: list[str]) -> list[str]:
    """Lines with a value that a line break split inside its brackets joined back into one pair.

    Opayo (Sage Pay) writes its ids in braces (``VPSTxId={B4453DF4-...}``, Server and Direct protocol 3.00);
    a reply copied with the braces' content on lines of its own reads ``VPSTxId={`` / ``B4453DF4-...`` / ``}``.
    A line without ``=`` continues the previous value only while that value has a bracket left open; any other
    line without ``=`` stays a malformed pair, and a line with ``=`` always starts a new one.
    """
    joined: list[str] = []
    for line in lines:
        text = line.strip()
        if joined and "=" not in text and _open_brackets(joined[-1].partition("=")[2]) > 0:
            joined[-1] += text
        else:
            joined.append(line)
    return joined


def _open_brackets(value: str) -> int:
    return sum(value.count(c) for c in _OPENING) - sum(value.count(c) for c in _CLOSING)


def _form_pairs(text: str) -> list[tuple[str, str]]:
    try:
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True, max_num_fields=MAX_KV_FIELDS)
    except ValueError:
        # parse_qsl's message quotes the field: keep it out of the detail.
        raise PayloadParseError(MALFORMED_KV, "form-encoded field without '='") from None
    return [(key.strip(), value) for key, value in pairs]


def _split_pairs(chunks: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for position, chunk in enumerate(chunks, start=1):
        chunk = chunk.strip()
        if not chunk:
            continue
        key, sep, value = chunk.partition("=")
        if not sep:
            raise PayloadParseError(MALFORMED_KV, f"pair {position} has no '='")
        pairs.append((key.strip(), value.strip()))
    return pairs


# --- small pieces -------------------------------------------------------------------------


def check_payload_size(text: str) -> None:
    """Raise ``PAYLOAD_TOO_LARGE`` when ``text`` is more than ``MAX_PAYLOAD_BYTES`` of UTF-8 (cheap for short text)."""
    length = len(text)
    # UTF-8 takes at most 4 bytes a character: only encode when it could matter.
    if length * 4 <= MAX_PAYLOAD_BYTES:
        return
    size = length if length > MAX_PAYLOAD_BYTES else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PAYLOAD_BYTES:
        raise PayloadParseError(PAYLOAD_TOO_LARGE, f"{size} bytes, limit {MAX_PAYLOAD_BYTES}")


def _check_unicode(text: str) -> None:
    """Text that UTF-8 cannot encode (an unpaired surrogate) can be stored nowhere: refuse it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PayloadParseError(
            INVALID_UNICODE, f"unpaired surrogate U+{ord(text[error.start]):04X} at offset {error.start}"
        ) from None


_check_size = check_payload_size


def internal_error_detail(error: BaseException, limit: int = 300) -> str:
    """``"<ExceptionType>: <message>"`` for a row that raised unexpectedly: PII masked, storable, short.

    Storable means PostgreSQL text accepts it: no NUL, no unpaired surrogate.
    """
    name = type(error).__name__
    try:
        message = mask_text(f"{name}: {error}"[: limit * 4])
    except Exception:  # noqa: BLE001 - the message itself cannot be masked: keep only the type
        message = f"{name}: (message withheld)"
    return storable_text(message)[:limit]


def storable_text(text: str) -> str:
    """``text`` with what PostgreSQL text refuses replaced: NUL characters, unpaired surrogates."""
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\x00", "\\x00") if "\x00" in text else text


def _decode_bytes(raw: bytes) -> str:
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise PayloadParseError(PAYLOAD_TOO_LARGE, f"{len(raw)} bytes, limit {MAX_PAYLOAD_BYTES}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PayloadParseError(INVALID_UNICODE, f"invalid UTF-8 at byte {error.start}") from None


def _json_failure(error: ValueError) -> PayloadParseError:
    """The parse error for text that looked like JSON and did not decode."""
    if isinstance(error, _RefusedJSONNumber):
        return PayloadParseError(error.reason_code, error.detail)
    if isinstance(error, json.JSONDecodeError):
        return PayloadParseError(MALFORMED_JSON, f"{error.msg} at line {error.lineno}, column {error.colno}")
    if "digits" in str(error):  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        return PayloadParseError(NUMBER_OUT_OF_RANGE, f"a JSON number with more than {MAX_NUMBER_DIGITS} digits")
    return PayloadParseError(MALFORMED_JSON, "invalid JSON")


def _masked_excerpt(text: str, limit: int = 40) -> str:
    """The shape of the text, never its content: letters -> x, digits -> 9."""
    return "".join("9" if c.isdigit() else "x" if c.isalpha() else c if c.isprintable() else " " for c in text[:limit])


def text_refusal(body: dict) -> PayloadParseError:
    """The parser's refusal of a ``text`` body that no provider spec claimed: the row's reason and detail as if
    it had been refused at parsing."""
    detail = body.get(TEXT_REFUSAL_KEY)
    return PayloadParseError(UNRECOGNIZED_FORMAT, detail if isinstance(detail, str) else "text no format reads")


def read_lake_payload(data_text: str) -> ParsedPayload:
    """The one safe read of a lake row's data: mask PII in the text, parse it, mask what text could not reach.

    Text masking covers JSON documents completely; documents parsed out of a
    string (XML, CSV, key=value, JSON-in-string) are masked again structurally,
    since their values were escaped inside the text. Raises PayloadParseError.
    """
    if isinstance(data_text, (bytes, bytearray, memoryview)):
        data_text = _decode_bytes(bytes(data_text))
    if isinstance(data_text, str):
        # Size first: masking 10 MB would cost seconds for a row refused anyway.
        _check_size(data_text)
        parsed = parse_lake_data(mask_text(data_text))
    elif isinstance(data_text, dict):
        parsed = parse_lake_data(mask_payload(data_text))
    else:
        parsed = parse_lake_data(data_text)  # None: EMPTY_PAYLOAD; anything else: TypeError
    if parsed.format != FORMAT_JSON:
        parsed.body = mask_payload(parsed.body)
    return parsed
