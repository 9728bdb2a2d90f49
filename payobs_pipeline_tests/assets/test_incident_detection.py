"""A seeded outage is flagged and the noisy provider is not, through the whole pipeline on real PostgreSQL.

The lake is seeded with the generator's scenario (docs/metrics.md, "Seeded incidents"): 15 windows, so the
last window has the same slot of the previous 7 days as its health baseline; a 40-point outage of Stripe in
the last window; and Culqi, the noisy provider: a few dozen attempts a window at a rate that moves from window
to window. Every window is materialized with the definitions' assets, as a deployment would. What counts as
right comes from the scenario's ground truth (which provider, which window), never from what the pipeline
wrote.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import dagster as dg
import psycopg
import pytest
from psycopg import sql

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic import WINDOW, Incident, Scenario
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 1, tzinfo=timezone.utc)
WINDOWS, SEED = 15, 31
ROWS = 240 * WINDOWS  # Stripe, a quarter of the rows: ~45 attempts a window, ~300 in a baseline
KEYS = [Window.containing(START + k * WINDOW).partition_key for k in range(WINDOWS)]
OUTAGE = Incident.parse(f"stripe:{KEYS[-1]}:40")
SCENARIO = Scenario(incidents=(OUTAGE,), noisy=True)


@pytest.fixture(scope="module")
def detected(postgres_server_url):
    """Seed, run every window, return the flagged cells and the alerts (module scope: one pipeline run)."""
    names = [f"t_inc{label}_{uuid.uuid4().hex[:8]}" for label in ("l", "w")]
    lake_url, warehouse_url = (_database(postgres_server_url, name) for name in names)
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=ROWS, start=START, windows=WINDOWS, seed=SEED, scenario=SCENARIO)
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    for key in KEYS:
        assert dg.materialize(PIPELINE, partition_key=key, resources=resources).success
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        health = conn.execute(
            "SELECT partition_key, provider, dimension, dimension_value, attempts, approval_rate, "
            "baseline_attempts, baseline_approval_rate, p_value, flagged FROM provider_health").fetchall()
        alerts = conn.execute(
            "SELECT alert_key, partition_key, provider, dimension, dimension_value, grown_reasons "
            "FROM alerts").fetchall()
    yield health, alerts
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        for name in names:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _database(server_url: str, name: str) -> str:
    """A new database of the session's server (the conftest's are per test; this module runs once)."""
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base, _, query = server_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


def test_the_seeded_outage_is_flagged_with_an_alert_naming_its_reasons(detected):
    health, alerts = detected
    cell = {(r[0], r[1], r[2], r[3]): r for r in health}
    outage = cell[(OUTAGE.window, "stripe", "provider", "")]
    _, _, _, _, attempts, rate, base_attempts, base_rate, p_value, flagged = outage
    assert flagged
    assert attempts >= 30 and base_attempts >= 100
    # a 40-point outage: the window's rate sits far below its baseline (about 0.90 -> 0.50; binomial noise
    # on ~45 attempts is about 7 points)
    assert base_rate - rate > 0.25 and p_value < 0.001
    by_key = {a[0]: a for a in alerts}
    provider_alert = by_key[f"{OUTAGE.window}|stripe|provider|"]
    grown = [g["failure_reason"] for g in provider_alert[5]]  # largest growth first
    # Stripe renders an outage as processing errors and issuer_not_available declines (the scenario's truth);
    # they grew most (a third reason may have grown a little by chance)
    assert set(SCENARIO.truth()["incidents"][0]["failure_reasons"]) == {"PROCESSING_ERROR", "ISSUER_UNAVAILABLE"}
    assert set(grown[:2]) == {"PROCESSING_ERROR", "ISSUER_UNAVAILABLE"}


def test_only_the_outage_is_flagged_and_the_noisy_provider_never(detected):
    health, alerts = detected
    flagged = {(r[0], r[1]) for r in health if r[9]}
    assert flagged == {(OUTAGE.window, "stripe")}
    assert {(a[1], a[2]) for a in alerts} == {(OUTAGE.window, "stripe")}
    noisy = [r for r in health if r[1] == "culqi" and r[2] == "provider"]
    assert len(noisy) == WINDOWS  # tested every window ...
    tested = [r for r in noisy if r[4] >= 30 and r[6] >= 100]
    assert len(tested) >= 8  # ... with enough volume and baseline from the fourth day on
    rates = [r[5] for r in noisy]
    assert max(rates) - min(rates) > 0.08  # and its rate does move from window to window
    assert not any(r[9] for r in noisy)
