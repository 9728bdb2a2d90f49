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
        body = json.dumps(parsed.body, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
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
