"""The stages' worker processes change nothing but speed: the same seeded lake, materialized window by window
with the row work in worker processes (PAYOBS_WORKERS=2) and in the stage's own process (PAYOBS_WORKERS=0, the
reference path), leaves every warehouse table the same, metric tables included, up to the wall-clock stamps
(when a row was written) and the run's own ids."""

from __future__ import annotations

from datetime import datetime, timezone

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic import WINDOW
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.windows import Window

pytestmark = pytest.mark.database

START = datetime(2026, 10, 1, tzinfo=timezone.utc)
ROWS, WINDOWS, SEED = 3_000, 2, 11
KEYS = [Window.containing(START + k * WINDOW).partition_key for k in range(WINDOWS)]
TABLES = [
    "raw_lake_batch", "parsed_payloads", "normalized_events", "unprocessed_events", "payment_links", "attempts",
    "payments", "refunds", "disputes", "approval_metrics", "payment_metrics", "failure_reason_metrics",
    "failure_reason_country_metrics", "provider_health", "pipeline_quality", "window_loads",
]
# Wall-clock stamps of when a row was written or retried, not facts about the payments.
WRITTEN_AT = {"created_at", "normalized_at", "computed_at", "loaded_at", "first_seen_at", "updated_at",
              "next_attempt_at", "published_at"}
FACT_STAMPS = {"attempts", "payments", "refunds", "disputes"}  # their first_seen_at is the events' time


def _contents(url: str, table: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        conn.execute("SET search_path TO payobs")
        columns = [name for (name,) in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'payobs' AND table_name = %s "
            "ORDER BY ordinal_position", (table,))]
        kept = [c for c in columns if table in FACT_STAMPS or c not in WRITTEN_AT]
        listed = ", ".join(f'"{c}"::text' for c in kept)
        return conn.execute(f"SELECT {listed} FROM {table} ORDER BY {listed}").fetchall()


def _materialize(lake_url: str, warehouse_url: str) -> None:
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    for key in KEYS:
        assert dg.materialize(PIPELINE, partition_key=key, resources=resources).success


def test_worker_processes_leave_the_same_tables_as_the_in_process_path(fresh_database, monkeypatch):
    lake_url = fresh_database("lake")
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=ROWS, start=START, windows=WINDOWS, seed=SEED)
    in_process, with_workers = fresh_database("wh_serial"), fresh_database("wh_workers")
    monkeypatch.setenv("PAYOBS_WORKERS", "0")
    _materialize(lake_url, in_process)
    monkeypatch.setenv("PAYOBS_WORKERS", "2")
    _materialize(lake_url, with_workers)

    for table in TABLES:
        serial, parallel = _contents(in_process, table), _contents(with_workers, table)
        assert serial == parallel, f"{table} differs between the in-process path and the workers"
    assert len(_contents(with_workers, "normalized_events")) > ROWS // 2  # the comparison covered real events
    assert _contents(with_workers, "approval_metrics")
