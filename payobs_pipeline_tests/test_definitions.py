"""The assembled Definitions load, as `dagster definitions validate` and the UI load them."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from payobs_pipeline.assets.partitions import window_partitions
from payobs_pipeline.definitions import defs
from payobs_pipeline.windows import Window

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


def test_the_schedule_runs_by_default_like_the_sensors():
    schedule = defs.get_schedule_def("payobs_every_12_hours")
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    for name in ("unprocessed_retry_sensor", "late_arrival_sensor", "alert_webhook_sensor"):
        assert defs.get_sensor_def(name).default_status == dg.DefaultSensorStatus.RUNNING


def first_partition(first_window: str | None) -> subprocess.CompletedProcess:
    """The partition set's first key as a fresh process (a daemon, the UI, a run worker) loads it."""
    env = {k: v for k, v in os.environ.items() if k != "PAYOBS_FIRST_WINDOW"}
    if first_window is not None:
        env["PAYOBS_FIRST_WINDOW"] = first_window
    code = ("from payobs_pipeline.definitions import defs\n"
            "job = defs.resolve_job_def('payobs_window_job')\n"
            "print(job.partitions_def.get_first_partition_key())")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_partition_set_starts_at_a_fixed_default_for_a_fresh_install():
    loaded = first_partition(None)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["2026-09-01-00:00"]  # settings.DEFAULT_FIRST_WINDOW, documented in README


def test_payobs_first_window_sets_the_first_partition_to_the_lakes_history():
    loaded = first_partition("2025-03-14-12:00")
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["2025-03-14-12:00"]


@pytest.mark.parametrize("value", ["2025-03-14", "2025-03-14-06:00", "yesterday"])
def test_an_invalid_first_window_fails_with_a_message_naming_the_variable(value):
    loaded = first_partition(value)
    assert loaded.returncode != 0
    assert (f"PAYOBS_FIRST_WINDOW must be a window key like 2026-09-01-00:00 (a date, then 00:00 or 12:00 UTC), "
            f"got {value!r}") in loaded.stderr


def test_the_demos_windows_are_inside_the_default_partition_set():
    """`payobs demo` on a fresh install materializes windows ending with the shipped rates' last day."""
    from datetime import datetime, timedelta, timezone

    from payobs_pipeline import settings
    from payobs_pipeline.cli import DEMO_WINDOWS
    from payobs_pipeline.warehouse import fx

    day = fx.last_rate_day()
    demo_start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) + timedelta(days=1) \
        - DEMO_WINDOWS * timedelta(hours=12)
    assert demo_start >= datetime(2026, 9, 1, tzinfo=timezone.utc)
    assert settings.DEFAULT_FIRST_WINDOW == "2026-09-01-00:00"
