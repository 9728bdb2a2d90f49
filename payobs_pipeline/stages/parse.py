"""Stage 2's row work: each snapshot row parsed (JSON, JSON-in-string, XML, CSV, key=value) to a document.

Row isolation: every snapshot row becomes exactly one parsed row. A refusal marker from the snapshot, a
:class:`PayloadParseError`, or any unexpected exception while parsing, fingerprinting or re-encoding the body
(anything PostgreSQL would refuse: NaN, an unpaired surrogate, a NUL character) makes that row a parse failure
(``INTERNAL_ERROR`` with a masked ``"<ExceptionType>: <message>"`` detail for the unexpected ones); the window's
other rows proceed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

import orjson

from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.formats import (
    INTERNAL_ERROR,
    PayloadParseError,
    internal_error_detail,
    read_lake_payload,
    storable_text,
)
from payobs_pipeline.stages.snapshot import read_refusal
from payobs_pipeline.stages.workers import ChunkResult
from payobs_pipeline.warehouse.copy_text import read_row, write_rows

# \u0000 not preceded by an escaping backslash: jsonb refuses the NUL character.
_JSON_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")

# orjson writes a document as the standard library does with compact separators and ensure_ascii=False (the same
# escapes, key order and integers), about 8x faster, except the floats Python writes with an exponent (1e-05,
# 1e+16): orjson writes 0.00001 and 1e16. An output where a number starts with 0.0000 or has an exponent is
# written again by the standard library, so the text is the same byte for byte. orjson refuses what the
# standard library might write differently or refuse itself (keys that are not strings, integers past 64 bits,
# unpaired surrogates, subclasses, dates, dataclasses): those go to the standard library too. NaN and infinity
# (orjson would write null) cannot occur: the parser refuses them and turns an overflowing number into an int. A
# bare number (the parser refuses one as a body) is checked too.
_EXPONENT_FLOAT = re.compile(rb"(?:^|[:,[])-?(?:\d+(?:\.\d+)?e|0\.0000)")
_ORJSON_STRICT = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS


def _body_text(body) -> str:
    """``json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False)`` of a parsed document, the
    same text, faster (a document the parsers made: no NaN or infinity, see above)."""
    try:
        text = orjson.dumps(body, option=_ORJSON_STRICT)
    except (TypeError, ValueError):
        text = None
    if text is None or _EXPONENT_FLOAT.search(text):
        return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.decode("utf-8")


def _storable(text: str | None, jsonb: bool = False) -> None:
    """Raise when PostgreSQL would refuse ``text`` (checked here so one row cannot abort the COPY)."""
    if text is None:
        return
    if not text.isascii():
        text.encode("utf-8")  # UnicodeEncodeError on an unpaired surrogate
    if "\x00" in text:
        raise ValueError("NUL character, which PostgreSQL text refuses")
    if jsonb and "\\u0000" in text and _JSON_NUL_ESCAPE.search(text):
        raise ValueError("\\u0000 escape, which PostgreSQL jsonb refuses")


def parse_row(data: str) -> tuple[str | None, str | None, str | None, str | None, str | None, str | None]:
    """(format, provider_hint, fingerprint, body, parse_error, parse_detail) of one snapshot row. Never raises."""
    try:
        refusal = read_refusal(data)
        if refusal is not None:
            return None, None, None, None, refusal[0], storable_text(refusal[1])
        parsed = read_lake_payload(data)
        body = _body_text(parsed.body)
        hint = parsed.hints.get("provider")
        fingerprint = shape_fingerprint(parsed.body)
        _storable(body, jsonb=True)
        _storable(hint)
        return parsed.format, hint, fingerprint, body, None, None
    except PayloadParseError as refused:
        return None, None, None, None, refused.reason_code, storable_text(refused.detail)
    except Exception as error:  # noqa: BLE001 - one row must never fail the window
        return None, None, None, None, INTERNAL_ERROR, internal_error_detail(error)


@dataclass(frozen=True)
class ParseContext:
    partition_key: str


def parse_chunk(context: ParseContext, lines: list[bytes]) -> ChunkResult:
    """Snapshot rows (warehouse/batches.py stream_window_lines) -> parsed rows (warehouse/payloads.py
    COLUMNS); counts by format and by parse error."""
    counts: Counter = Counter()
    out = []
    for line in lines:
        lake_id, transactional_id, created_at, merchant, data = read_row(line)
        result = parse_row(data)
        if result[4] is None:
            counts[f"format:{result[0]}"] += 1
        else:
            counts[f"error:{result[4]}"] += 1
        out.append((lake_id, context.partition_key, transactional_id, created_at, merchant, *result))
    return ChunkResult(write_rows(out), len(out), counts)
