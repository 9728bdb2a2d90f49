"""The assembled Definitions load, as `dagster definitions validate` and the UI load them."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg

from payobs_pipeline.assets.partitions import Window, window_partitions
from payobs_pipeline.definitions import defs

ROOT = Path(__file__).resolve().parents[1]


def test_definitions_hold_the_contract_assets_partitioned_by_12_hour_windows():
    repo = defs.get_repository_def()
    keys = {key.to_user_string() for key in repo.asset_graph.get_all_asset_keys()}
    assert {"raw_lake_batch", "parsed_payloads", "normalized_events", "approval_metrics",
            "failure_reason_metrics"} <= keys
    for key in keys:
        assert repo.asset_graph.get(dg.AssetKey(key)).partitions_def == window_partitions


def test_window_keys_follow_the_contract_format():
    keys = window_partitions.get_partition_keys_in_range(
        dg.PartitionKeyRange("2026-11-26-12:00", "2026-11-27-12:00")
    )
    assert keys == ["2026-11-26-12:00", "2026-11-27-00:00", "2026-11-27-12:00"]
    window = Window.from_key("2026-11-27-12:00")
    assert (window.start.isoformat(), window.end.isoformat()) == (
        "2026-11-27T12:00:00+00:00", "2026-11-28T00:00:00+00:00")


def test_schedule_runs_the_window_that_just_closed():
    schedule = defs.get_schedule_def("payobs_every_12_hours")
    assert schedule.cron_schedule == "0 0,12 * * *"
    context = dg.build_schedule_context(scheduled_execution_time=Window.from_key("2026-11-27-12:00").start)
    requests = list(schedule.evaluate_tick(context).run_requests)
    assert [r.partition_key for r in requests] == ["2026-11-27-00:00"]


def test_dagster_definitions_validate_accepts_the_workspace(fresh_database, tmp_path):
    """Through `payobs dagster`, so dagster.yaml's Postgres storage is configured as users get it."""
    env = {
        **os.environ,
        "PAYOBS_DAGSTER_PG_URL": fresh_database("dagster"),
        "PAYOBS_WAREHOUSE_URL": fresh_database("wh"),
        "PAYOBS_LAKE_URL": fresh_database("lake"),
        "PAYOBS_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [str(Path(sys.executable).with_name("payobs")), "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
