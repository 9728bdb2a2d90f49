"""Stage 2: parse each snapshotted row (JSON, JSON-in-string, XML, CSV, key=value) to a document."""


import json
from collections import Counter

import dagster as dg
from psycopg import sql

from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.assets.partitions import Window, backfill_policy, window_partitions, windows_of
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.formats import PayloadParseError, read_lake_payload
from payobs_pipeline.resources.warehouse import WarehouseDatabase, copy_in, copy_out, lock_window

COLUMNS = (
    "lake_id", "partition_key", "transactional_id", "created_at", "merchant",
    "format", "provider_hint", "fingerprint", "body", "parse_error", "parse_detail",
)


def parse_window(warehouse: WarehouseDatabase, window: Window) -> Counter:
    """Replace the window's parsed payloads; returns counts by format and by parse error."""
    counts: Counter = Counter()
    snapshot = sql.SQL(
        "SELECT lake_id, transactional_id, created_at, merchant::text, data FROM raw_lake_batch "
        "WHERE partition_key = {}"
    ).format(sql.Literal(window.partition_key))

    def rows(reader):
        for lake_id, transactional_id, created_at, merchant, data in copy_out(
            reader, snapshot, ["uuid", "uuid", "timestamptz", "text", "text"]
        ):
            head = (lake_id, window.partition_key, transactional_id, created_at, merchant)
            try:
                parsed = read_lake_payload(data)
            except PayloadParseError as exc:
                counts[f"error:{exc.reason_code}"] += 1
                yield (*head, None, None, None, None, exc.reason_code, exc.detail)
                continue
            counts[f"format:{parsed.format}"] += 1
            yield (*head, parsed.format, parsed.hints.get("provider"), shape_fingerprint(parsed.body),
                   json.dumps(parsed.body, separators=(",", ":"), ensure_ascii=False), None, None)

    with warehouse.connection() as reader, warehouse.connection() as writer:
        lock_window(writer, "parsed_payloads", window.partition_key)
        writer.execute("DELETE FROM parsed_payloads WHERE partition_key = %s", (window.partition_key,))
        counts["rows"] = copy_in(writer, "parsed_payloads", COLUMNS, rows(reader))
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
    totals: Counter = Counter()
    for window in windows_of(context):
        totals.update(parse_window(warehouse, window))
    errors = {k.split(":", 1)[1]: v for k, v in totals.items() if k.startswith("error:")}
    formats = {k.split(":", 1)[1]: v for k, v in totals.items() if k.startswith("format:")}
    return dg.MaterializeResult(
        metadata={
            "rows": dg.MetadataValue.int(totals["rows"]),
            "parsed": dg.MetadataValue.int(sum(formats.values())),
            "parse_errors": dg.MetadataValue.int(sum(errors.values())),
            "by_format": dg.MetadataValue.json(formats),
            "errors_by_reason": dg.MetadataValue.json(errors),
        }
    )
