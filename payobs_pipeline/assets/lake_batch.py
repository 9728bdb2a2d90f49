"""Stage 1: snapshot a window's lake rows into the warehouse, PII masked on the way in.

The row work (masking, refusal markers) is in stages/snapshot.py and runs in the worker processes; this
module streams the window through them and is the Dagster asset.
"""


from collections import Counter

import dagster as dg

from payobs_pipeline.assets.partitions import window_asset, windows_of
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.stages.snapshot import SnapshotContext, snapshot_chunk
from payobs_pipeline.stages.workers import chunk_stream
from payobs_pipeline.warehouse import batches
from payobs_pipeline.windows import Window

MAX_WARNINGS_PER_WINDOW = 20  # rows logged one by one; the metadata counts them all


def snapshot_window(lake: LakeDatabase, warehouse: WarehouseDatabase, window: Window, log=None) -> dict:
    """Replace the window's snapshot with the lake's current rows, in one transaction."""
    counts = Counter()

    def warn(message: str) -> None:
        counts["warnings"] += 1
        if log is not None and counts["warnings"] <= MAX_WARNINGS_PER_WINDOW:
            log.warning(message)

    lines = lake.stream_window_lines(window.start, window.end)
    with warehouse.connection() as conn, \
            chunk_stream(snapshot_chunk, SnapshotContext(window.partition_key), lines, counts, warn) as stream:
        written = batches.replace_window(conn, window, stream)
    return {
        "lake_rows": written,
        "rows_with_pii_masked": counts["rows_with_pii_masked"],
        "internal_errors": counts["internal_errors"],
        "refused_before_masking": counts["refused_before_masking"],
        "merchant_internal_errors": counts["merchant_internal_errors"],
    }


@window_asset(
    description="Snapshot of the window's raw_transactions rows (PII masked), one row per lake row.",
)
def raw_lake_batch(context: dg.AssetExecutionContext, lake: LakeDatabase, warehouse: WarehouseDatabase):
    # Each window of a run (a backfill range) gets its own figures on its own materialization event.
    with transient_database_errors(context):
        for window in windows_of(context):
            stats = snapshot_window(lake, warehouse, window, context.log)
            context.add_asset_metadata({k: dg.MetadataValue.int(v) for k, v in stats.items()},
                                       partition_key=window.partition_key)
            context.log.info(f"{window.partition_key}: {stats['lake_rows']} lake rows snapshotted")
    return dg.MaterializeResult()
