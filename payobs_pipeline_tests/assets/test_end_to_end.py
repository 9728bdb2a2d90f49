"""End to end on real PostgreSQL: seed a lake, materialize a window through Dagster, check the metrics.

The expected metrics are computed from the generator's ground truth for each
seeded row, not from anything the pipeline wrote.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.assets.partitions import Window
from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.lake.seed import seed_lake
from payobs_pipeline.lake.synthetic import generate_lake_rows
from payobs_pipeline.normalization.providers import PROVIDER_MODULES
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase

START = datetime(2026, 11, 1, tzinfo=timezone.utc)
ROWS, WINDOWS, SEED = 4_000, 2, 5
AUTHORIZATION = {"APPROVED", "DECLINED", "ERROR", "UNKNOWN"}
FAILURES = {"DECLINED", "ERROR", "UNKNOWN"}


def expected_outcomes(window: Window) -> tuple[Counter, Counter, int]:
    """From the generator's truth: per-provider outcome counts and failure reasons (last state per payment)."""
    last_state: dict[tuple, tuple] = {}
    lake_rows = 0
    for row, truth in generate_lake_rows(ROWS, START, WINDOWS, SEED):
        if not window.start <= row.created_at < window.end:
            continue
        lake_rows += 1
        if truth.provider not in PROVIDER_MODULES or truth.status_category is None:
            continue
        if truth.status_category in ("REFUNDED", "CHARGEBACK"):
            continue
        payment = row.transactional_id or truth.provider_transaction_id or row.id
        key = (truth.provider, str(payment))
        if key not in last_state or last_state[key][0] <= row.created_at:
            last_state[key] = (row.created_at, truth)
    outcomes, reasons = Counter(), Counter()
    for _, truth in last_state.values():
        outcomes[(truth.provider, truth.status_category)] += 1
        if truth.status_category in FAILURES:
            reasons[(truth.provider, truth.failure_reason)] += 1
    return outcomes, reasons, lake_rows


@pytest.fixture
def seeded(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=ROWS, start=START, windows=WINDOWS, seed=SEED)
    return {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}


def test_window_materializes_to_metrics_that_match_the_seeded_truth(seeded, warehouse_url):
    window = Window.containing(START)
    result = dg.materialize(PIPELINE, partition_key=window.partition_key, resources=seeded)
    assert result.success

    outcomes, reasons, lake_rows = expected_outcomes(window)
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        approval = conn.execute(
            "SELECT provider, sum(approved), sum(declined), sum(errored), sum(unknown), sum(attempts) "
            "FROM approval_metrics WHERE partition_key = %s GROUP BY provider",
            (window.partition_key,),
        ).fetchall()
        failure_rows = conn.execute(
            "SELECT provider, failure_reason, sum(failures) FROM failure_reason_metrics "
            "WHERE partition_key = %s GROUP BY 1, 2",
            (window.partition_key,),
        ).fetchall()
        events = conn.execute("SELECT count(*) FROM normalized_events WHERE partition_key = %s",
                              (window.partition_key,)).fetchone()[0]
        unprocessed = conn.execute(
            "SELECT count(*) FROM unprocessed_events WHERE partition_key = %s AND state <> 'RESOLVED'",
            (window.partition_key,),
        ).fetchone()[0]

    # Nothing lost: every lake row of the window is an event or an unprocessed event.
    assert events + unprocessed == lake_rows
    measured = {p: (a, d, e, u, n) for p, a, d, e, u, n in approval if p in PROVIDER_MODULES}
    for provider in PROVIDER_MODULES:
        want = tuple(outcomes[(provider, s)] for s in ("APPROVED", "DECLINED", "ERROR", "UNKNOWN"))
        want = (*want, sum(want))
        assert measured.get(provider) == want, provider
    measured_reasons = {(p, r): n for p, r, n in failure_rows if p in PROVIDER_MODULES}
    assert measured_reasons == dict(reasons)
