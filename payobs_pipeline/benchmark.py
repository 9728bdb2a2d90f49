"""Pipeline benchmark: one window of N lake rows through every stage, with rows/s and peak memory.

It uses its own databases (``payobs_bench_lake``/``payobs_bench_warehouse``) on the
embedded server, or ``PAYOBS_BENCH_POSTGRES_URL`` (a server URL whose user may
create databases), recreated each time so runs compare.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

from payobs_pipeline import embedded_postgres, settings
from payobs_pipeline.assets.events import normalize_window
from payobs_pipeline.assets.lake_batch import snapshot_window
from payobs_pipeline.assets.lifecycle import run_lifecycle
from payobs_pipeline.assets.metrics import APPROVAL_SQL, FAILURE_REASON_SQL, PAYMENT_SQL, publish_metrics
from payobs_pipeline.assets.partitions import Window
from payobs_pipeline.assets.payloads import parse_window
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase

BENCH_WINDOW = Window.from_key("2026-01-05-00:00")


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fresh_database(name: str) -> str:
    server = settings.bench_postgres_url() or embedded_postgres.server_uri()
    return embedded_postgres.recreate_database(server, name)


def pipeline_throughput(rows: int, progress: Callable[[str], None] = print) -> Iterator[str]:
    """Seed one window of ``rows`` lake rows, run each stage, and report rows/s and peak RSS."""
    lake = LakeDatabase(url=_fresh_database("payobs_bench_lake"))
    warehouse = WarehouseDatabase(url=_fresh_database("payobs_bench_warehouse"))
    warehouse.migrate()
    window = BENCH_WINDOW
    began = time.perf_counter()
    # Seeded in a child process, so this process's peak memory is the pipeline's alone.
    subprocess.run(
        [sys.executable, "-m", "payobs_pipeline.cli", "lake", "seed", "--rows", str(rows),
         "--start", window.start.isoformat(), "--windows", "1", "--seed", "42"],
        env={**os.environ, "PAYOBS_LAKE_URL": lake.conninfo}, check=True, capture_output=True,
    )
    seeded = time.perf_counter() - began
    yield f"seed: {rows:,} lake rows in {seeded:.1f}s ({rows / seeded:,.0f} rows/s, child process)"

    stages = [
        ("raw_lake_batch", lambda: snapshot_window(lake, warehouse, window)),
        ("parsed_payloads", lambda: parse_window(warehouse, window)),
        ("normalized_events", lambda: normalize_window(warehouse, window)),
        ("payment_lifecycle", lambda: run_lifecycle(warehouse, window)),
        ("approval_metrics", lambda: publish_metrics(warehouse, "approval_metrics", APPROVAL_SQL, window)),
        ("payment_metrics", lambda: publish_metrics(warehouse, "payment_metrics", PAYMENT_SQL, window)),
        ("failure_reason_metrics",
         lambda: publish_metrics(warehouse, "failure_reason_metrics", FAILURE_REASON_SQL, window)),
    ]
    total = 0.0
    for name, stage in stages:
        progress(f"  running {name} ...")
        began = time.perf_counter()
        stage()
        elapsed = time.perf_counter() - began
        total += elapsed
        yield (f"{name}: {elapsed:.1f}s ({rows / elapsed:,.0f} rows/s), "
               f"peak RSS so far {_peak_rss_mib():.0f} MiB")
    yield f"pipeline: {rows:,} rows in {total:.1f}s = {rows / total:,.0f} rows/s end to end (one window)"
