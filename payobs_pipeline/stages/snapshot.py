"""Stage 1's row work: each lake row's data and merchant, PII masked, as the snapshot stores them.

Every lake row gets exactly one snapshot row, whatever it holds. A row whose data is refused before masking
(too large: masking megabytes would cost seconds for a row the parser refuses anyway) or whose masking raised
unexpectedly is stored as a *refusal marker* instead of its data: the compact JSON text
``{"payobs_refused":{"reason_code":…,"detail":…}}``. The lake's data never looks like that (it is jsonb
output text, which always writes a space after ``:``), and the parse stage turns the marker into that row's
parse error (``PAYLOAD_TOO_LARGE``, ``INTERNAL_ERROR``). No unmasked text is stored.

The ``merchant`` column holds identifiers: the merchant's ``"id"`` value is never masked (a Luhn-valid
numeric id is still the id); its other values are masked like the data (a name could carry a card number).
A merchant that is not a JSON object is stored as it came: a string is the merchant's id (the normalizer
reads it so), numbers, booleans and null carry no text; an array's items are masked.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from payobs_pipeline.normalization.formats import (
    INTERNAL_ERROR,
    PayloadParseError,
    check_payload_size,
    internal_error_detail,
    storable_text,
)
from payobs_pipeline.normalization.pii import mask_text
from payobs_pipeline.stages.workers import ChunkResult
from payobs_pipeline.warehouse.copy_text import read_row, write_rows

REFUSAL_PREFIX = '{"payobs_refused":'
MERCHANT_ID_KEY = "id"


def refusal_marker(reason_code: str, detail: str) -> str:
    """The snapshot text standing for a row refused before or while masking (ASCII, compact JSON)."""
    return REFUSAL_PREFIX + json.dumps({"reason_code": reason_code, "detail": storable_text(detail)[:500]}) + "}"


def read_refusal(data: str) -> tuple[str, str] | None:
    """(reason_code, detail) when a snapshot's data is a refusal marker, else ``None``."""
    if not data.startswith(REFUSAL_PREFIX):
        return None
    try:
        refusal = json.loads(data)["payobs_refused"]
        return str(refusal["reason_code"]), str(refusal["detail"])
    except (ValueError, KeyError, TypeError):
        return INTERNAL_ERROR, "unreadable refusal marker in raw_lake_batch"


def snapshot_data(data: str) -> str:
    """The text stored for a lake row's data: masked, or a refusal marker. Never raises."""
    try:
        check_payload_size(data)
        safe = mask_text(data)
        if safe is not data:
            safe.encode("utf-8")  # masking must leave text PostgreSQL accepts
        return safe
    except PayloadParseError as refused:
        return refusal_marker(refused.reason_code, refused.detail)
    except Exception as error:  # noqa: BLE001 - one row must never fail the window
        return refusal_marker(INTERNAL_ERROR, internal_error_detail(error))


def mask_merchant(merchant: str | None) -> str | None:
    """The lake's merchant JSON text with PII masked in every value but the merchant's id.

    Returns the same text object when nothing was masked.
    """
    if merchant is None:
        return None
    try:
        value = json.loads(merchant)
    except ValueError:
        # Not decodable here (a number past Python's digit limit): mask it as text.
        return mask_text(merchant)
    if isinstance(value, list):
        masked = mask_text(merchant)
        return merchant if masked is merchant else masked
    if not isinstance(value, dict):
        return merchant  # a string (the merchant's id), a number, a boolean, null
    merchant_id = value.get(MERCHANT_ID_KEY)
    keep_id = MERCHANT_ID_KEY in value and not isinstance(merchant_id, (dict, list))
    rest = {key: item for key, item in value.items() if not (keep_id and key == MERCHANT_ID_KEY)}
    rest_text = json.dumps(rest, ensure_ascii=False, allow_nan=False)
    masked_rest = mask_text(rest_text)
    if masked_rest is rest_text:
        return merchant
    result = json.loads(masked_rest)
    if keep_id:
        result = {MERCHANT_ID_KEY: merchant_id, **result}
    return json.dumps(result, ensure_ascii=False, allow_nan=False)


# A window's rows name few merchants (the bench's 200,000 rows: 43 merchant texts): each distinct merchant
# text is masked once a worker process and its result reused (mask_merchant is a function of the text alone).
# Bounded: texts longer than _MEMO_TEXT_CHARS are not kept, and the memo starts over at _MEMO_ENTRIES. A
# merchant whose masking raises is not kept (it raises again, and its row is handled as before).
_MEMO_ENTRIES = 4096
_MEMO_TEXT_CHARS = 2048
_merchant_memo: dict[str, str | None] = {}


def _memo_mask_merchant(merchant: str | None) -> str | None:
    if merchant is None:
        return None
    masked = _merchant_memo.get(merchant, _merchant_memo)
    if masked is not _merchant_memo:
        return masked
    masked = mask_merchant(merchant)
    if len(merchant) <= _MEMO_TEXT_CHARS:
        if len(_merchant_memo) >= _MEMO_ENTRIES:
            _merchant_memo.clear()
        _merchant_memo[merchant] = masked
    return masked


@dataclass(frozen=True)
class SnapshotContext:
    partition_key: str


# The lake's COPY columns, in order (resources/lake.py LakeDatabase.stream_window_lines).
LAKE_COLUMNS = ("id", "data", "merchant", "transactional_id", "created_at")


def snapshot_chunk(context: SnapshotContext, lines: list[bytes]) -> ChunkResult:
    """Lake rows -> snapshot rows (warehouse/batches.py COLUMNS); ``records`` holds the rows' warnings."""
    counts: Counter = Counter()
    warnings: list[str] = []
    out = []
    for line in lines:
        lake_id, data, merchant, transactional_id, created_at = read_row(line)
        safe = snapshot_data(data)
        if safe is not data:
            refusal = read_refusal(safe)
            if refusal is None:
                counts["rows_with_pii_masked"] += 1
            else:
                counts["internal_errors" if refusal[0] == INTERNAL_ERROR else "refused_before_masking"] += 1
                warnings.append(f"lake row {lake_id}: {refusal[0]}: {refusal[1]}")
        try:
            safe_merchant = _memo_mask_merchant(merchant)
        except Exception as error:  # noqa: BLE001 - a bad merchant must not lose the row
            counts["merchant_internal_errors"] += 1
            warnings.append(f"lake row {lake_id}: merchant not stored: {internal_error_detail(error)}")
            safe_merchant = None
        out.append((lake_id, context.partition_key, transactional_id, created_at, safe_merchant, safe))
    return ChunkResult(write_rows(out), len(out), counts, warnings)
