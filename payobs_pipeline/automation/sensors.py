"""Sensors: retry windows with unprocessed events that are due, and rematerialize windows that got late rows."""

from datetime import timedelta

import dagster as dg

from payobs_pipeline.assets.partitions import Window
from payobs_pipeline.automation.schedules import window_job
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase

# Late rows are looked for in windows materialized within this horizon.
LATE_ARRIVAL_HORIZON = timedelta(days=14)

DUE_WINDOWS_SQL = """
SELECT partition_key, count(*), max(next_attempt_at)
FROM unprocessed_events
WHERE state = 'RETRYING' AND next_attempt_at <= now()
GROUP BY partition_key ORDER BY partition_key
"""


@dg.sensor(job=window_job, minimum_interval_seconds=300, default_status=dg.DefaultSensorStatus.RUNNING)
def unprocessed_retry_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseDatabase):
    """Rerun each window whose unprocessed events are due; the run itself counts the attempt and backs off."""
    with warehouse.connection() as conn:
        due = conn.execute(DUE_WINDOWS_SQL).fetchall()
    if not due:
        return dg.SkipReason("no unprocessed events due for a retry")
    return [
        # The run key changes with each backoff step, so each due attempt runs once.
        dg.RunRequest(run_key=f"retry:{key}:{latest.isoformat()}", partition_key=key,
                      tags={"payobs/trigger": "retry", "payobs/due_events": str(count)})
        for key, count, latest in due
    ]


@dg.sensor(job=window_job, minimum_interval_seconds=600, default_status=dg.DefaultSensorStatus.RUNNING)
def late_arrival_sensor(context: dg.SensorEvaluationContext, lake: LakeDatabase, warehouse: WarehouseDatabase):
    """Rematerialize a loaded window when the lake now holds more rows for it than were loaded."""
    with warehouse.connection() as conn:
        loaded = conn.execute(
            "SELECT window_start, partition_key, lake_rows FROM window_loads "
            "WHERE window_start >= (SELECT max(window_start) FROM window_loads) - %s",
            (LATE_ARRIVAL_HORIZON,),
        ).fetchall()
    if not loaded:
        return dg.SkipReason("no window materialized yet")
    first = min(start for start, _, _ in loaded)
    last = Window.from_key(max(key for _, key, _ in loaded)).end
    in_lake = lake.counts_by_window(first, last)
    requests = [
        dg.RunRequest(run_key=f"late:{key}:{in_lake[start]}", partition_key=key,
                      tags={"payobs/trigger": "late_arrival", "payobs/late_rows": str(in_lake[start] - rows)})
        for start, key, rows in loaded
        if in_lake.get(start, 0) > rows
    ]
    return requests or dg.SkipReason("no late rows in materialized windows")
