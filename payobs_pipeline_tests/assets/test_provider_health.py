"""provider_health and alerts on real PostgreSQL: a real drop is flagged, noise, small volumes and customer
failures are not, the alert names the injected failure reason and the merchants, and reruns are idempotent.

The ``attempts`` table is seeded directly (the lifecycle stage that fills it is tested elsewhere): seven
previous days of the 12:00 slot as the baseline, then the window under test. Decoys that a wrong baseline
would pick up: the 00:00 windows of the same days and the 12:00 window eight days before, all declined.
Every expected figure below is worked out by hand from the seeded counts.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.assets.health import provider_health, provider_health_has_no_alerts
from payobs_pipeline.resources.warehouse import WarehouseDatabase, copy_in
from payobs_pipeline.windows import WINDOW_KEY_FORMAT, Window

WINDOW = Window.from_key("2026-11-10-12:00")
BASELINE = [Window.from_key((WINDOW.start - timedelta(days=d)).strftime(WINDOW_KEY_FORMAT)) for d in range(1, 8)]
DECOYS = [Window.from_key((WINDOW.start - timedelta(days=d, hours=12)).strftime(WINDOW_KEY_FORMAT))
          for d in range(0, 7)] + [Window.from_key((WINDOW.start - timedelta(days=8)).strftime(WINDOW_KEY_FORMAT))]

COLUMNS = ("attempt_key", "partition_key", "provider", "payment_key", "authorized_at", "merchant_id", "country",
           "payment_method", "status_category", "failure_reason", "failure_source", "decline_type", "captured",
           "voided", "events")
_serial = itertools.count()

# (status, failure_reason, failure_source) of the outcomes used here
APPROVED = ("APPROVED", None, None)
FUNDS = ("DECLINED", "INSUFFICIENT_FUNDS", "ISSUER")
PROCESSING = ("ERROR", "PROCESSING_ERROR", "TECHNICAL")
TIMEOUT = ("ERROR", "TIMEOUT", "TECHNICAL")
CVC = ("DECLINED", "INCORRECT_CVC", "CUSTOMER")
PENDING = ("PENDING", None, None)


def attempts(window: Window, provider: str, count: int, outcome: tuple, merchant: str = "m1", country: str = "BR",
             method: str = "CARD") -> list[tuple]:
    status, reason, source = outcome
    rows = []
    for _ in range(count):
        n = next(_serial)
        rows.append((f"{provider}:a{n}", window.partition_key, provider, f"p{n}", window.start + timedelta(hours=1),
                     merchant, country, method, status, reason, source,
                     None if reason is None else "SOFT", False, False, 1))
    return rows


def seed_history(warehouse_url: str) -> None:
    """Baseline days and decoys for every provider of the scenario."""
    rows = []
    for window in BASELINE:
        # acme: 60 BR (54 approved) and 40 MX (36 approved) a day, plus 5 customer failures: 90% without them
        rows += attempts(window, "acme", 54, APPROVED, "m1", "BR") + attempts(window, "acme", 6, FUNDS, "m1", "BR")
        rows += attempts(window, "acme", 36, APPROVED, "m3", "MX") + attempts(window, "acme", 4, FUNDS, "m3", "MX")
        rows += attempts(window, "acme", 5, CVC, "m1", "BR")
        # bolt: 100 a day at 90%
        rows += attempts(window, "bolt", 90, APPROVED, "b1") + attempts(window, "bolt", 10, FUNDS, "b1")
        # tiny: 20 a day at 90%
        rows += attempts(window, "tiny", 18, APPROVED, "t1") + attempts(window, "tiny", 2, FUNDS, "t1")
        # cvc: 100 a day at 90%
        rows += attempts(window, "cvc", 90, APPROVED, "c1") + attempts(window, "cvc", 10, FUNDS, "c1")
    for window in DECOYS:  # a baseline that wrongly took these in would be far lower
        for provider in ("acme", "bolt", "tiny", "cvc"):
            rows += attempts(window, provider, 100, FUNDS, "decoy")
    insert(warehouse_url, rows)


def current_window() -> list[tuple]:
    rows = []
    # acme, a real drop in BR: 150 attempts, 75 approved, 15 funds, 50 processing errors, 10 timeouts
    rows += attempts(WINDOW, "acme", 50, APPROVED, "m1", "BR") + attempts(WINDOW, "acme", 10, FUNDS, "m1", "BR")
    rows += attempts(WINDOW, "acme", 32, PROCESSING, "m1", "BR") + attempts(WINDOW, "acme", 8, TIMEOUT, "m1", "BR")
    rows += attempts(WINDOW, "acme", 25, APPROVED, "m2", "BR") + attempts(WINDOW, "acme", 5, FUNDS, "m2", "BR")
    rows += attempts(WINDOW, "acme", 18, PROCESSING, "m2", "BR") + attempts(WINDOW, "acme", 2, TIMEOUT, "m2", "BR")
    # acme MX, healthy: 50 attempts, 45 approved
    rows += attempts(WINDOW, "acme", 45, APPROVED, "m3", "MX") + attempts(WINDOW, "acme", 5, FUNDS, "m3", "MX")
    # 30 customer failures (excluded) and 7 pending attempts (not decided) for acme
    rows += attempts(WINDOW, "acme", 30, CVC, "m1", "BR") + attempts(WINDOW, "acme", 7, PENDING, "m1", "BR")
    # bolt, noise: 86% of 100 (4 points down)
    rows += attempts(WINDOW, "bolt", 86, APPROVED, "b1") + attempts(WINDOW, "bolt", 14, FUNDS, "b1")
    # tiny: 50% of 12, too few to say
    rows += attempts(WINDOW, "tiny", 6, APPROVED, "t1") + attempts(WINDOW, "tiny", 6, PROCESSING, "t1")
    # cvc: 90% of 100 plus 100 customers who mistyped their CVC: 45% if they counted
    rows += attempts(WINDOW, "cvc", 90, APPROVED, "c1") + attempts(WINDOW, "cvc", 10, FUNDS, "c1")
    rows += attempts(WINDOW, "cvc", 100, CVC, "c1")
    return rows


def insert(warehouse_url: str, rows: list[tuple]) -> None:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        copy_in(conn, "attempts", COLUMNS, rows)


def query(warehouse_url: str, statement: str, params=()) -> list[tuple]:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


def seed_incident(warehouse_url: str) -> dict:
    """A migrated warehouse with the scenario's attempts; returns the resources to materialize with."""
    warehouse = WarehouseDatabase(url=warehouse_url)
    warehouse.migrate()
    seed_history(warehouse_url)
    insert(warehouse_url, current_window())
    return {"warehouse": warehouse}


def run_health(resources: dict) -> dg.ExecuteInProcessResult:
    result = dg.materialize([provider_health, provider_health_has_no_alerts], partition_key=WINDOW.partition_key,
                            resources=resources)
    assert result.success
    return result


# The acme cells flagged, by hand: provider 120/200 = 60% vs 630/700 = 90%; BR 75/150 = 50% vs 378/420 = 90%;
# CARD = the provider (all acme attempts are by card). MX 45/50 = 90% vs 252/280 = 90% is not.
FLAGGED = {("acme", "provider", ""), ("acme", "country", "BR"), ("acme", "payment_method", "CARD")}
ALERT_KEYS = {"2026-11-10-12:00|acme|provider|", "2026-11-10-12:00|acme|country|BR",
              "2026-11-10-12:00|acme|payment_method|CARD"}


@pytest.fixture
def resources(warehouse_url):
    return seed_incident(warehouse_url)


def health_rows(warehouse_url: str) -> dict:
    rows = query(warehouse_url, "SELECT provider, dimension, dimension_value, attempts, approved, approval_rate, "
                 "customer_failures_excluded, baseline_windows, baseline_attempts, baseline_approved, "
                 "baseline_approval_rate, delta, z_score, p_value, flagged FROM provider_health "
                 "WHERE partition_key = %s", (WINDOW.partition_key,))
    return {row[:3]: row[3:] for row in rows}


def test_the_real_drop_is_flagged_and_noise_volume_and_customer_failures_are_not(resources, warehouse_url):
    run_health(resources)
    rows = health_rows(warehouse_url)
    assert {cell for cell, row in rows.items() if row[-1]} == FLAGGED
    # every cell of the window, and only those: 4 providers, their countries (acme BR, MX) and methods (CARD)
    assert set(rows) == {("acme", "provider", ""), ("acme", "country", "BR"), ("acme", "country", "MX"),
                         ("acme", "payment_method", "CARD")} | {
        (p, d, v) for p in ("bolt", "tiny", "cvc") for d, v in (("provider", ""), ("country", "BR"),
                                                               ("payment_method", "CARD"))}

    attempts_, approved, rate, customer, windows, base_attempts, base_approved, base_rate, delta, z, p, _ = rows[
        ("acme", "provider", "")]
    assert (attempts_, approved, customer, windows, base_attempts, base_approved) == (200, 120, 30, 7, 700, 630)
    assert rate == pytest.approx(0.60) and base_rate == pytest.approx(0.90) and delta == pytest.approx(-0.30)
    # pooled p = 750/900 = 0.83333; se = sqrt(0.83333 * 0.16667 * (1/200 + 1/700)) = 0.0298807; z = -0.3 / se
    assert z == pytest.approx(-10.040, abs=1e-3) and p < 1e-20

    br = rows[("acme", "country", "BR")]
    assert br[:2] == (150, 75) and br[2] == pytest.approx(0.5) and br[3] == 30 and br[5:7] == (420, 378)
    mx = rows[("acme", "country", "MX")]
    assert mx[:2] == (50, 45) and mx[3] == 0 and mx[5:7] == (280, 252) and mx[8] == pytest.approx(0.0)

    bolt = rows[("bolt", "provider", "")]  # 4 points down: z = -0.04 / sqrt(0.895 * 0.105 * (1/100 + 1/700)) = -1.2206
    assert bolt[:2] == (100, 86) and bolt[5:7] == (700, 630) and bolt[9] == pytest.approx(-1.2206, abs=1e-3)
    tiny = rows[("tiny", "provider", "")]
    assert tiny[:2] == (12, 6) and tiny[5:7] == (140, 126) and not tiny[-1]
    cvc = rows[("cvc", "provider", "")]
    assert cvc[:4] == (100, 90, pytest.approx(0.9), 100) and cvc[8] == pytest.approx(0.0)


def test_the_alert_names_the_grown_reasons_and_the_affected_merchants(resources, warehouse_url):
    run_health(resources)
    alerts = {row[0]: row[1:] for row in query(
        warehouse_url, "SELECT alert_key, provider, dimension, dimension_value, approval_rate, "
        "baseline_approval_rate, attempts, p_value, grown_reasons, affected_merchants, notified_at FROM alerts")}
    assert set(alerts) == ALERT_KEYS
    provider, dimension, value, rate, base_rate, attempts_, p, grown, merchants, notified = alerts[
        "2026-11-10-12:00|acme|provider|"]
    assert (provider, dimension, value, attempts_, notified) == ("acme", "provider", "", 200, None)
    assert rate == pytest.approx(0.6) and base_rate == pytest.approx(0.9) and p < 1e-20
    # shares of the 200 attempts: processing errors 50 (0.25, none in the baseline), timeouts 10 (0.05);
    # insufficient funds 20 (0.10) against 70 of 700 (0.10) did not grow
    assert grown == [
        {"failure_reason": "PROCESSING_ERROR", "share": 0.25, "baseline_share": 0.0},
        {"failure_reason": "TIMEOUT", "share": 0.05, "baseline_share": 0.0},
    ]
    # failed = not approved, customer failures left out: m1 100 attempts, 50 failed; m2 50, 25; m3 50, 5
    assert merchants == [
        {"merchant_id": "m1", "attempts": 100, "failed": 50},
        {"merchant_id": "m2", "attempts": 50, "failed": 25},
        {"merchant_id": "m3", "attempts": 50, "failed": 5},
    ]
    br_grown, br_merchants = alerts["2026-11-10-12:00|acme|country|BR"][7:9]
    # of the 150 BR attempts: 50/150 = 0.3333, 10/150 = 0.0667
    assert br_grown == [
        {"failure_reason": "PROCESSING_ERROR", "share": 0.3333, "baseline_share": 0.0},
        {"failure_reason": "TIMEOUT", "share": 0.0667, "baseline_share": 0.0},
    ]
    assert [m["merchant_id"] for m in br_merchants] == ["m1", "m2"]


def test_the_check_warns_with_the_alerts_and_metadata_shows_the_providers(resources, warehouse_url):
    result = run_health(resources)
    (evaluation,) = result.get_asset_check_evaluations()
    assert evaluation.check_name == "provider_health_has_no_alerts"
    assert not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.WARN
    assert evaluation.metadata["alert_count"].value == 3
    listed = evaluation.metadata["alerts"].value
    assert {a["alert_key"] for a in listed} == ALERT_KEYS
    assert all(a["grown_reasons"][0] == "PROCESSING_ERROR" for a in listed)

    (materialization,) = result.get_asset_materialization_events()
    metadata = materialization.materialization.metadata
    assert metadata["flagged_cells"].value == 3
    assert metadata["cells"].value == 13
    assert set(metadata["alerts"].value) == ALERT_KEYS
    table = metadata["providers"].value
    acme = next(line for line in table.splitlines() if line.startswith("| acme "))
    assert "| 200 | 60.0% | 90.0% | -30.0 |" in acme and "country=BR" in acme and "payment_method=CARD" in acme
    bolt = next(line for line in table.splitlines() if line.startswith("| bolt "))
    assert "| 100 | 86.0% | 90.0% | -4.0 |" in bolt and bolt.endswith("|  |")


def test_a_rerun_gives_the_same_rows_and_keeps_notified_at(resources, warehouse_url):
    run_health(resources)
    health_before = sorted(query(warehouse_url, "SELECT * FROM provider_health"))
    alerts_before = sorted(query(warehouse_url, "SELECT * FROM alerts"))
    query(warehouse_url, "UPDATE alerts SET notified_at = '2026-11-11 00:05+00' WHERE dimension = 'provider'")
    run_health(resources)
    assert sorted(query(warehouse_url, "SELECT * FROM provider_health")) == health_before
    alerts_after = sorted(query(warehouse_url, "SELECT alert_key, created_at, notified_at FROM alerts"))
    assert [(a[0], a[12]) for a in alerts_before] == [(a[0], a[1]) for a in alerts_after]  # same keys, created_at
    notified = {key: at for key, _, at in alerts_after}
    assert notified["2026-11-10-12:00|acme|provider|"].isoformat() == "2026-11-11T00:05:00+00:00"
    assert notified["2026-11-10-12:00|acme|country|BR"] is None


def test_a_rerun_after_the_drop_disappeared_removes_the_window_alerts(resources, warehouse_url):
    run_health(resources)
    # an alert of another window is left alone
    query(warehouse_url, "INSERT INTO alerts (alert_key, partition_key, window_start, provider, dimension, "
          "dimension_value, attempts) VALUES ('2026-11-09-12:00|acme|provider|', '2026-11-09-12:00', "
          "'2026-11-09 12:00+00', 'acme', 'provider', '', 100)")
    # the processing errors and timeouts were a mapping bug: they were approvals
    fixed = query(warehouse_url, "UPDATE attempts SET status_category = 'APPROVED', failure_reason = NULL, "
                  "failure_source = NULL, decline_type = NULL WHERE partition_key = %s AND provider = 'acme' "
                  "AND failure_reason IN ('PROCESSING_ERROR', 'TIMEOUT') RETURNING 1", (WINDOW.partition_key,))
    assert len(fixed) == 60
    result = run_health(resources)
    assert not any(row[-1] for row in health_rows(warehouse_url).values())
    assert query(warehouse_url, "SELECT alert_key FROM alerts") == [("2026-11-09-12:00|acme|provider|",)]
    (evaluation,) = result.get_asset_check_evaluations()
    assert evaluation.passed and evaluation.metadata["alert_count"].value == 0


def test_the_baseline_length_follows_the_setting(resources, warehouse_url, monkeypatch):
    # 3 days: acme's baseline is 300 attempts (270 approved); 'tiny' has 60 (< 100), so it is not tested
    monkeypatch.setenv("PAYOBS_HEALTH_BASELINE_DAYS", "3")
    result = run_health(resources)
    rows = health_rows(warehouse_url)
    assert rows[("acme", "provider", "")][4:6] == (3, 300) and rows[("acme", "provider", "")][6] == 270
    assert {cell for cell, row in rows.items() if row[-1]} == FLAGGED
    materialization = result.get_asset_materialization_events()[0].materialization
    assert materialization.metadata["test"].value["baseline_days"] == 3


def test_a_baseline_that_swings_between_windows_widens_the_test(resources, warehouse_url):
    """The same 7-point drop (83% of 500 against 90%) is noise for a provider whose baseline windows swing by
    8 points and a real drop for one whose baseline is steady (docs/health.md, the between-window variance)."""
    rows = []
    for window, swing in zip(BASELINE, (490, 410, 490, 410, 490, 410, 450)):  # 98%, 82%, ..., 90% of 500
        rows += attempts(window, "swing", swing, APPROVED, "s1") + attempts(window, "swing", 500 - swing, FUNDS, "s1")
        rows += attempts(window, "steady", 450, APPROVED, "d1") + attempts(window, "steady", 50, FUNDS, "d1")
    for provider, merchant in (("swing", "s1"), ("steady", "d1")):
        rows += attempts(WINDOW, provider, 415, APPROVED, merchant) + attempts(WINDOW, provider, 85, FUNDS, merchant)
    insert(warehouse_url, rows)
    run_health(resources)
    health = {row[0]: row[1:] for row in query(
        warehouse_url, "SELECT provider, baseline_windows, baseline_attempts, baseline_approved, "
        "baseline_extra_variance, z_score, p_value, flagged FROM provider_health "
        "WHERE partition_key = %s AND dimension = 'provider' AND provider IN ('swing', 'steady')",
        (WINDOW.partition_key,))}
    # swing: p0 = 3150 / 3500 = 0.9; sum n_i (p_i - p0)^2 = 500 * 6 * 0.08^2 = 19.2; tau2 = (19.2 - 6 * 0.09) /
    # (3500 - 7 * 500^2 / 3500) = 18.66 / 3000 = 0.00622; pooled p = 3565 / 4000 = 0.89125;
    # variance = 0.89125 * 0.10875 * (1/500 + 1/3500) + 0.00622 * (1 + 1/7) = 0.00022154 + 0.00710857
    # z = -0.07 / sqrt(0.00733011) = -0.8176 (P(Z <= -0.82) = 0.2061)
    windows, base_attempts, base_approved, tau2, z, p, flagged = health["swing"]
    assert (windows, base_attempts, base_approved) == (7, 3500, 3150)
    assert tau2 == pytest.approx(0.00622) and z == pytest.approx(-0.8176, abs=1e-3) and p > 0.2 and not flagged
    # steady: tau2 = 0 (no spread); z = -0.07 / sqrt(0.00022154) = -4.7030, p < 0.001: flagged
    windows, base_attempts, base_approved, tau2, z, p, flagged = health["steady"]
    assert (windows, base_attempts, base_approved, tau2) == (7, 3500, 3150, 0.0)
    assert z == pytest.approx(-4.7030, abs=1e-3) and p < 1e-5 and flagged
    # the other providers' steady baselines: no extra variance
    assert query(warehouse_url, "SELECT DISTINCT baseline_extra_variance FROM provider_health "
                 "WHERE provider = 'acme'") == [(0.0,)]
