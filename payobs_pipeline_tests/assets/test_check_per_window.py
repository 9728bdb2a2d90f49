"""In a run of several windows (a backfill range) every check records one evaluation per window.

Dagster records an AssetCheckResult of a ranged run once, with no partition, so the UI would show each window's
check as Skipped; the checks instead record each window's own evaluation (assets/checks.py, check_each_window).
Two windows run in ONE run; the evaluations are read back from the instance per partition, as the UI reads them.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timedelta, timezone

import dagster as dg
import psycopg
import pytest
from dagster._core.event_api import PartitionKeyFilter
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from payobs_pipeline.definitions import ASSET_CHECKS, PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 3, tzinfo=timezone.utc)
FIRST = Window.containing(START)
SECOND = Window.containing(START + timedelta(hours=12))
RANGE = {"dagster/asset_partition_range_start": FIRST.partition_key,
         "dagster/asset_partition_range_end": SECOND.partition_key}
CHECK_KEYS = [key for check in ASSET_CHECKS for key in check.check_keys]


@pytest.fixture
def lake(lake_url):
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=400, start=START, windows=2, seed=11)
    return lake_url


def evaluations(instance: dg.DagsterInstance, key: dg.AssetCheckKey) -> dict[str | None, tuple]:
    """Per partition: (status, evaluation) of the check's executions, one per partition asserted."""
    records = instance.event_log_storage.get_asset_check_execution_history(key, limit=50)
    by_partition: dict[str | None, tuple] = {}
    for record in records:
        assert record.partition not in by_partition, (key, record.partition)  # one evaluation per window
        by_partition[record.partition] = (record.status, record.event.dagster_event.event_specific_data)
    for partition in by_partition:  # the same, read as the UI does: filtered by partition
        (one,) = instance.event_log_storage.get_asset_check_execution_history(
            key, limit=50, partition_filter=PartitionKeyFilter(key=partition))
        assert one.partition == partition
    return by_partition


def test_every_check_of_a_two_window_run_passes_each_window_with_its_own_metadata(lake, warehouse_url):
    resources = {"lake": LakeDatabase(url=lake), "warehouse": WarehouseDatabase(url=warehouse_url)}
    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize(PIPELINE, instance=instance, resources=resources, tags=RANGE)
        assert result.success
        assert len(result.get_asset_check_evaluations()) == 2 * len(CHECK_KEYS)
        for key in CHECK_KEYS:
            per_window = evaluations(instance, key)
            assert set(per_window) == {FIRST.partition_key, SECOND.partition_key}, key  # no unpartitioned one
            for partition, (status, evaluation) in per_window.items():
                assert status == AssetCheckExecutionRecordStatus.SUCCEEDED, (key, partition, evaluation.metadata)
                assert evaluation.passed and evaluation.partition == partition
                # linked to that window's materialization, not another window's
                assert evaluation.target_materialization_data is not None
        # the conservation figures are each window's own
        for window in (FIRST, SECOND):
            (_, evaluation) = evaluations(instance, dg.AssetCheckKey(dg.AssetKey("normalized_events"),
                                                                     "window_conserves_lake_rows"))[window.partition_key]
            with psycopg.connect(lake) as conn:
                in_lake = conn.execute("SELECT count(*) FROM raw_transactions WHERE created_at >= %s "
                                       "AND created_at < %s", (window.start, window.end)).fetchone()[0]
            assert evaluation.metadata["lake"].value == in_lake
            assert set(evaluation.metadata["windows"].value) == {window.partition_key}


_calls = itertools.count()


class LateRowInSecondWindow(LakeDatabase):
    """A lake that receives one more row of the SECOND window just before the first count of a window.

    The snapshot check counts first, after the snapshot was taken: the first window still matches, the
    second does not.
    """

    late_row_id: str = ""

    def count_window(self, start, end):
        if next(_calls) == 0:
            with psycopg.connect(self.conninfo) as conn:
                conn.execute("INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, NULL, %s)",
                             (uuid.UUID(self.late_row_id), '{"provider": "stripe", "status": "succeeded"}',
                              SECOND.start + timedelta(hours=1)))
        return super().count_window(start, end)


def test_a_window_failing_the_snapshot_check_fails_alone_and_still_stops_the_run_s_downstream(lake, warehouse_url):
    global _calls
    _calls = itertools.count()
    resources = {"lake": LateRowInSecondWindow(url=lake, late_row_id=str(uuid.uuid4())),
                 "warehouse": WarehouseDatabase(url=warehouse_url)}
    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize(PIPELINE, instance=instance, resources=resources, tags=RANGE, raise_on_error=False)
        assert not result.success
        per_window = evaluations(instance, dg.AssetCheckKey(dg.AssetKey("raw_lake_batch"), "snapshot_matches_lake"))
        assert set(per_window) == {FIRST.partition_key, SECOND.partition_key}
        first_status, first = per_window[FIRST.partition_key]
        second_status, second = per_window[SECOND.partition_key]
        assert first_status == AssetCheckExecutionRecordStatus.SUCCEEDED and first.passed
        assert first.metadata["mismatches"].value == {}
        assert second_status == AssetCheckExecutionRecordStatus.FAILED and not second.passed
        mismatch = second.metadata["mismatches"].value[SECOND.partition_key]
        assert mismatch["lake"] == mismatch["snapshot"] + 1
        assert second.metadata["lake_rows"].value == second.metadata["snapshot_rows"].value + 1
        # the per-partition check status the UI's partition view is built from (asset_check_state.py)
        snapshot_key = dg.AssetCheckKey(dg.AssetKey("raw_lake_batch"), "snapshot_matches_lake")
        statuses = {info.partition_key: info.latest_execution_status
                    for info in instance.event_log_storage.get_asset_check_partition_info([snapshot_key])}
        assert statuses == {FIRST.partition_key: AssetCheckExecutionRecordStatus.SUCCEEDED,
                            SECOND.partition_key: AssetCheckExecutionRecordStatus.FAILED}
        # blocking: the step failed after recording both windows, so nothing downstream ran in this run
        assert {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()} == {"raw_lake_batch"}
        assert instance.get_latest_materialization_event(dg.AssetKey("parsed_payloads")) is None
