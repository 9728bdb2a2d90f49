"""Sensors: retry windows with unprocessed events that are due, and rematerialize windows that got late rows."""

from datetime import timedelta

import dagster as dg

from payobs_pipeline.automation.schedules import window_job
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.warehouse import batches, unprocessed
from payobs_pipeline.windows import Window

# Late rows are looked for in windows materialized within this horizon.
LATE_ARRIVAL_HORIZON = timedelta(days=14)

# A retry run that failed (or was canceled) before recording its window leaves the same rows due: the next
# request gets a new run key, so one failure never blocks a window's retries. A window whose retry runs keep
# failing is not retried forever: after this many failed runs for the same due state the sensor stops
# requesting it and says so (the failed runs are in the UI; a new due state, e.g. after
# `payobs unprocessed requeue` or a counted attempt, starts again).
_FAILED = [dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]
MAX_FAILED_RETRY_RUNS = 3


def _failed_runs(context: dg.SensorEvaluationContext, retry_of: str) -> int:
    try:
        instance = context.instance
    except dg.DagsterInvariantViolationError:  # a test's context without an instance
        return 0
    return len(instance.get_run_records(
        filters=dg.RunsFilter(tags={"payobs/retry_of": retry_of}, statuses=_FAILED), limit=1000))


@dg.sensor(job=window_job, minimum_interval_seconds=300, default_status=dg.DefaultSensorStatus.RUNNING)
def unprocessed_retry_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseDatabase):
    """Rerun each window whose unprocessed events are due; the run itself counts the attempt and backs off.

    Which rows are due is decided in payobs_pipeline.warehouse.unprocessed (backoff over, mapping activated,
    LLM back, mapping version changed, requeued).
    """
    with warehouse.connection() as conn:
        due = unprocessed.due_windows(conn)
    if not due:
        return dg.SkipReason("no unprocessed events due for a retry")
    requests, given_up = [], []
    for key, count, token in due:
        # The token changes with every counted attempt; the failure count with every failed run.
        retry_of = f"retry:{key}:{token}"
        failed = _failed_runs(context, retry_of)
        if failed >= MAX_FAILED_RETRY_RUNS:
            given_up.append(key)
            continue
        requests.append(dg.RunRequest(
            run_key=f"{retry_of}:{failed}", partition_key=key,
            tags={"payobs/trigger": "retry", "payobs/due_events": str(count), "payobs/retry_of": retry_of},
        ))
    if given_up:
        message = (f"not retrying {', '.join(given_up)}: {MAX_FAILED_RETRY_RUNS} retry runs of the same due rows "
                   "failed (see the failed runs; `payobs unprocessed requeue` retries them again)")
        if not requests:
            return dg.SkipReason(message)
        context.log.warning(message)
    return requests


@dg.sensor(job=window_job, minimum_interval_seconds=600, default_status=dg.DefaultSensorStatus.RUNNING)
def late_arrival_sensor(context: dg.SensorEvaluationContext, lake: LakeDatabase, warehouse: WarehouseDatabase):
    """Rematerialize a loaded window when the lake now holds more rows for it than were loaded."""
    with warehouse.connection() as conn:
        loaded = batches.loaded_windows(conn, LATE_ARRIVAL_HORIZON)
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
