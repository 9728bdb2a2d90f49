"""Stage 2: parse each snapshotted row to a document, or keep its parse error.

The row work is in stages/parse.py and runs in the worker processes; this module streams the window through
them and is the Dagster asset.
"""


from collections import Counter

import dagster as dg

from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.assets.partitions import window_asset, windows_of
from payobs_pipeline.normalization.formats import INTERNAL_ERROR
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.stages.parse import ParseContext, parse_chunk
from payobs_pipeline.stages.workers import chunk_stream
from payobs_pipeline.warehouse import batches, payloads
from payobs_pipeline.windows import Window


def parse_window(warehouse: WarehouseDatabase, window: Window) -> Counter:
    """Replace the window's parsed payloads; returns counts by format and by parse error."""
    counts: Counter = Counter()

    with warehouse.connection() as reader, warehouse.connection() as writer, \
            chunk_stream(parse_chunk, ParseContext(window.partition_key),
                         batches.stream_window_lines(reader, window.partition_key), counts) as stream:
        counts["rows"] = payloads.replace_window(writer, window.partition_key, stream)
    return counts


@window_asset(
    deps=[raw_lake_batch],
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
