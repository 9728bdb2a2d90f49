"""Stage 4: attempts, payments, refunds and disputes, identified across rows, objects and windows.

A window's run recomputes every object its events are about (and those its
previous events were about), from all the events of those objects in every
window: an attempt's final outcome, a payment's latest known outcome, a refund's
and a dispute's latest state (docs/metrics.md). Outcomes follow the providers'
event times (webhooks arrive out of order); windows follow the lake (the window
of the row that first told payobs of the object: provider clocks and time zones
vary, the lake's does not). An attempt belongs to its authorization's window, a
payment to its first attempt's, a refund or dispute to its first row's, so when a later window brings an event about
an earlier object the earlier window's rows change: those windows are recorded
in ``window_restatements`` and the metric assets republish them in the same run.
Only windows within the restatement horizon of the run's window are restated.

The stage writes shared tables, so one lifecycle run at a time holds its lock. Its SQL is in
payobs_pipeline.warehouse.lifecycle.
"""


from datetime import timedelta

import dagster as dg

from payobs_pipeline.assets.events import normalized_events
from payobs_pipeline.assets.partitions import window_asset, windows_of
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.warehouse import lifecycle
from payobs_pipeline.windows import Window

DEFAULT_HORIZON_DAYS = 30


def run_lifecycle(warehouse: WarehouseDatabase, window: Window, horizon_days: int = DEFAULT_HORIZON_DAYS) -> dict:
    """Rebuild the window's objects and record which other windows it restated (within the horizon)."""
    with warehouse.connection() as conn:
        lifecycle.lock(conn)  # shared tables: one lifecycle run at a time
        changed = lifecycle.rebuild_window_objects(conn, window)
        horizon = timedelta(days=horizon_days)
        restated, beyond = [], []
        for key in sorted(changed - {window.partition_key}):
            other = Window.from_key(key)
            (restated if abs(other.start - window.start) <= horizon else beyond).append(key)
        lifecycle.record_restatements(conn, window.partition_key, restated)
        counts = lifecycle.object_counts(conn, window.partition_key)
    return {"restated": restated, "beyond_horizon": beyond, **counts}


def windows_to_publish(warehouse: WarehouseDatabase, windows: list[Window]) -> list[Window]:
    """The run's windows and the windows their lifecycle runs restated, in order."""
    keys = {w.partition_key for w in windows}
    with warehouse.connection() as conn:
        keys |= lifecycle.restated_windows(conn, list(keys))
    return [Window.from_key(key) for key in sorted(keys)]


class LifecycleConfig(dg.Config):
    """Run configuration of the lifecycle stage."""

    restatement_horizon_days: int = DEFAULT_HORIZON_DAYS  # windows further from the run's are not restated


@window_asset(
    deps=[normalized_events],
    description="Attempts, payments, refunds and disputes (tables of those names), each counted once across "
    "rows, objects and windows; earlier windows whose objects changed are restated.",
)
def payment_lifecycle(context: dg.AssetExecutionContext, config: LifecycleConfig, warehouse: WarehouseDatabase):
    # Each window of a run (a backfill range) gets its own figures on its own materialization event; the
    # later windows the run restated are the same on each.
    run_keys = set(context.partition_keys)
    restated: set[str] = set()
    beyond: set[str] = set()
    with transient_database_errors(context):
        for window in windows_of(context):
            result = run_lifecycle(warehouse, window, config.restatement_horizon_days)
            restated.update(result.pop("restated"))
            beyond.update(result.pop("beyond_horizon"))
            context.add_asset_metadata(
                {name: dg.MetadataValue.int(result[name]) for name in ("attempts", "payments", "refunds", "disputes")},
                partition_key=window.partition_key,
            )
    return dg.MaterializeResult(
        metadata={
            "restated_windows": dg.MetadataValue.json(sorted(restated - run_keys)),
            "changed_beyond_horizon": dg.MetadataValue.json(sorted(beyond - run_keys)),
        }
    )
