"""Stage 1: snapshot a window's lake rows into the warehouse, PII masked on the way in."""


from collections import Counter

import dagster as dg

from payobs_pipeline.assets.partitions import Window, backfill_policy, window_partitions, windows_of
from payobs_pipeline.normalization.pii import mask_text
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase, copy_in, lock_window

COLUMNS = ("lake_id", "partition_key", "transactional_id", "created_at", "merchant", "data")


def snapshot_window(lake: LakeDatabase, warehouse: WarehouseDatabase, window: Window) -> dict:
    """Replace the window's snapshot with the lake's current rows, in one transaction."""
    masked = Counter()

    def rows():
        for lake_id, data, merchant, transactional_id, created_at in lake.stream_window(window.start, window.end):
            safe = mask_text(data)
            if safe is not data:
                masked["rows"] += 1
            yield (lake_id, window.partition_key, transactional_id, created_at,
                   mask_text(merchant) if merchant else None, safe)

    with warehouse.connection() as conn:
        lock_window(conn, "raw_lake_batch", window.partition_key)
        conn.execute("DELETE FROM raw_lake_batch WHERE partition_key = %s", (window.partition_key,))
        written = copy_in(conn, "raw_lake_batch", COLUMNS, rows())
        conn.execute(
            "INSERT INTO window_loads (partition_key, window_start, window_end, lake_rows) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (partition_key) DO UPDATE SET lake_rows = excluded.lake_rows, loaded_at = now()",
            (window.partition_key, window.start, window.end, written),
        )
    return {"lake_rows": written, "rows_with_pii_masked": masked["rows"]}


@dg.asset(
    partitions_def=window_partitions,
    backfill_policy=backfill_policy,
    group_name="payobs",
    kinds={"postgres"},
    description="Snapshot of the window's raw_transactions rows (PII masked), one row per lake row.",
)
def raw_lake_batch(context: dg.AssetExecutionContext, lake: LakeDatabase, warehouse: WarehouseDatabase):
    totals = Counter()
    for window in windows_of(context):
        stats = snapshot_window(lake, warehouse, window)
        totals.update(stats)
        context.log.info(f"{window.partition_key}: {stats['lake_rows']} lake rows snapshotted")
    return dg.MaterializeResult(metadata={k: dg.MetadataValue.int(v) for k, v in totals.items()})
