"""Stage 2: parse each snapshotted row (JSON, JSON-in-string, XML, CSV, key=value) to a document.

Row isolation: every snapshot row becomes exactly one parsed row. A refusal
marker from the snapshot, a :class:`PayloadParseError`, or any unexpected
exception while parsing, fingerprinting or re-encoding the body (anything
PostgreSQL would refuse: NaN, an unpaired surrogate, a NUL character) makes
that row a parse failure (``INTERNAL_ERROR`` with a masked
``"<ExceptionType>: <message>"`` detail for the unexpected ones); the window's
other rows proceed.
"""


import json
import re
from collections import Counter

import dagster as dg

from payobs_pipeline.assets.lake_batch import raw_lake_batch, read_refusal
from payobs_pipeline.assets.partitions import Window, backfill_policy, window_partitions, windows_of
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.formats import (
    INTERNAL_ERROR,
    PayloadParseError,
    internal_error_detail,
    read_lake_payload,
    storable_text,
)
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.warehouse import batches, payloads


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


def parse_window(warehouse: WarehouseDatabase, window: Window) -> Counter:
    """Replace the window's parsed payloads; returns counts by format and by parse error."""
    counts: Counter = Counter()

    def rows(reader):
        for lake_id, transactional_id, created_at, merchant, data in batches.stream_window(
            reader, window.partition_key
        ):
            head = (lake_id, window.partition_key, transactional_id, created_at, merchant)
            result = parse_row(data)
            if result[4] is None:
                counts[f"format:{result[0]}"] += 1
            else:
                counts[f"error:{result[4]}"] += 1
            yield (*head, *result)

    with warehouse.connection() as reader, warehouse.connection() as writer:
        counts["rows"] = payloads.replace_window(writer, window.partition_key, rows(reader))
    return counts


@dg.asset(
    partitions_def=window_partitions,
    backfill_policy=backfill_policy,
    deps=[raw_lake_batch],
    group_name="payobs",
    kinds={"postgres"},
    description="Each lake row's payload parsed to a document (format detected, PII masked), or its parse error.",
)
def parsed_payloads(context: dg.AssetExecutionContext, warehouse: WarehouseDatabase):
    # Each window of a run (a backfill range) gets its own figures on its own materialization event.
    with transient_database_errors(context):
        for window in windows_of(context):
            counts = parse_window(warehouse, window)
            errors = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("error:")}
            formats = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("format:")}
            if errors.get(INTERNAL_ERROR):
                context.log.warning(
                    f"{window.partition_key}: {errors[INTERNAL_ERROR]} rows kept as {INTERNAL_ERROR} parse "
                    "failures (see parsed_payloads.parse_detail)"
                )
            context.add_asset_metadata({
                "rows": dg.MetadataValue.int(counts["rows"]),
                "parsed": dg.MetadataValue.int(sum(formats.values())),
                "parse_errors": dg.MetadataValue.int(sum(errors.values())),
                "internal_errors": dg.MetadataValue.int(errors.get(INTERNAL_ERROR, 0)),
                "by_format": dg.MetadataValue.json(formats),
                "errors_by_reason": dg.MetadataValue.json(errors),
            }, partition_key=window.partition_key)
    return dg.MaterializeResult()
