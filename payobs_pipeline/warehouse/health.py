"""Provider health and alerts (tables provider_health, alerts), for the asset, its check, the sensor and the CLI.

Per window, the ``attempts`` of the window and of the same half-day slot of the previous days (the
baseline) are counted per cell (a provider; a provider x country; a provider x payment method) in one
set-based query; the test (payobs_pipeline.warehouse.health_stats, docs/health.md) is applied to each cell
in Python (a few hundred cells a window, however many attempts); the window's rows are replaced under the
window's lock, and its alerts are upserted from the flagged cells by one more query, so a rerun gives the
same rows, keeps each alert's ``created_at`` and ``notified_at``, and removes the alerts of cells no longer
flagged.

Customer-caused failures (failure_source CUSTOMER, docs/taxonomy.md) are left out of every count here: the
health approval rate is ``approved / (decided attempts - customer failures)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg
from psycopg.rows import dict_row

from payobs_pipeline.normalization.taxonomy import AUTHORIZATION_OUTCOMES, FailureSource, StatusCategory
from payobs_pipeline.resources.warehouse import copy_in, lock_window
from payobs_pipeline.warehouse.health_stats import HealthTest, compare
from payobs_pipeline.windows import WINDOW_KEY_FORMAT, Window

# An alert lists the failure reasons whose share of attempts grew most (at most this many, only those
# that grew) and the merchants of the cell with failed attempts (at most this many, most failures first).
GROWN_REASONS = 3
AFFECTED_MERCHANTS = 50

HEALTH_COLUMNS = (
    "partition_key", "window_start", "provider", "dimension", "dimension_value", "attempts", "approved",
    "approval_rate", "customer_failures_excluded", "baseline_windows", "baseline_attempts", "baseline_approved",
    "baseline_approval_rate", "delta", "z_score", "p_value", "flagged", "baseline_extra_variance",
)

# Each attempt of the window and of its baseline windows, once per cell it belongs to: its provider
# (dimension 'provider', value ''), its provider x country and its provider x payment method.
_CELLS = """
    SELECT a.partition_key = %(key)s AS current, a.partition_key, a.provider, a.merchant_id,
           a.failure_reason, d.dimension, d.dimension_value,
           a.status_category = %(approved)s AS approved,
           COALESCE(a.status_category <> %(approved)s AND a.failure_source = %(customer)s, false) AS customer
    FROM attempts a
    CROSS JOIN LATERAL (VALUES ('provider', ''), ('country', a.country), ('payment_method', a.payment_method))
        AS d(dimension, dimension_value)
    WHERE a.partition_key = ANY(%(keys)s) AND a.status_category = ANY(%(outcomes)s)
"""

# Per cell: the window's counts, the baseline's pooled counts and its per-window counts (for the variance
# between windows, health_stats.between_window_variance), oldest window first.
COUNTS_SQL = f"""
WITH cells AS ({_CELLS}),
per_window AS (
    SELECT provider, dimension, dimension_value, partition_key, current,
           count(*) FILTER (WHERE NOT customer) AS attempts,
           count(*) FILTER (WHERE approved) AS approved,
           count(*) FILTER (WHERE customer) AS customer
    FROM cells
    GROUP BY provider, dimension, dimension_value, partition_key, current
)
SELECT provider, dimension, dimension_value,
       COALESCE(sum(attempts) FILTER (WHERE current), 0)::bigint AS attempts,
       COALESCE(sum(approved) FILTER (WHERE current), 0)::bigint AS approved,
       COALESCE(sum(customer) FILTER (WHERE current), 0)::bigint AS customer_failures_excluded,
       count(*) FILTER (WHERE NOT current AND attempts > 0) AS baseline_windows,
       COALESCE(sum(attempts) FILTER (WHERE NOT current), 0)::bigint AS baseline_attempts,
       COALESCE(sum(approved) FILTER (WHERE NOT current), 0)::bigint AS baseline_approved,
       COALESCE(array_agg(approved ORDER BY partition_key) FILTER (WHERE NOT current AND attempts > 0), '{{}}')
           AS baseline_window_approved,
       COALESCE(array_agg(attempts ORDER BY partition_key) FILTER (WHERE NOT current AND attempts > 0), '{{}}')
           AS baseline_window_attempts
FROM per_window
GROUP BY provider, dimension, dimension_value
HAVING bool_or(current)
ORDER BY provider, dimension, dimension_value
"""

# The window's flagged cells become its alerts: the reasons whose share of the cell's attempts grew most
# against the baseline's share, and the cell's merchants with failed attempts.
ALERTS_SQL = f"""
WITH cells AS ({_CELLS}),
flagged AS (
    SELECT * FROM provider_health WHERE partition_key = %(key)s AND flagged
), reasons AS (
    SELECT c.provider, c.dimension, c.dimension_value, c.failure_reason,
           count(*) FILTER (WHERE c.current)::double precision / f.attempts AS share,
           count(*) FILTER (WHERE NOT c.current)::double precision / NULLIF(f.baseline_attempts, 0) AS baseline_share
    FROM cells c JOIN flagged f USING (provider, dimension, dimension_value)
    WHERE NOT c.approved AND NOT c.customer
    GROUP BY c.provider, c.dimension, c.dimension_value, c.failure_reason, f.attempts, f.baseline_attempts
), grown AS (
    SELECT provider, dimension, dimension_value,
           jsonb_agg(jsonb_build_object('failure_reason', failure_reason, 'share', round(share::numeric, 4),
                                        'baseline_share', round(COALESCE(baseline_share, 0)::numeric, 4))
                     ORDER BY rank) AS grown_reasons
    FROM (SELECT *, row_number() OVER (PARTITION BY provider, dimension, dimension_value
                                       ORDER BY share - COALESCE(baseline_share, 0) DESC, failure_reason) AS rank
          FROM reasons WHERE share > COALESCE(baseline_share, 0)) r
    WHERE rank <= %(grown_reasons)s
    GROUP BY provider, dimension, dimension_value
), merchants AS (
    SELECT provider, dimension, dimension_value,
           jsonb_agg(jsonb_build_object('merchant_id', merchant_id, 'attempts', attempts, 'failed', failed)
                     ORDER BY rank) AS affected_merchants
    FROM (SELECT *, row_number() OVER (PARTITION BY provider, dimension, dimension_value
                                       ORDER BY failed DESC, attempts DESC, merchant_id) AS rank
          FROM (SELECT c.provider, c.dimension, c.dimension_value, c.merchant_id, count(*) AS attempts,
                       count(*) FILTER (WHERE NOT c.approved) AS failed
                FROM cells c JOIN flagged f USING (provider, dimension, dimension_value)
                WHERE c.current AND NOT c.customer
                GROUP BY c.provider, c.dimension, c.dimension_value, c.merchant_id) m
          WHERE failed > 0) r
    WHERE rank <= %(affected_merchants)s
    GROUP BY provider, dimension, dimension_value
)
INSERT INTO alerts AS a (alert_key, partition_key, window_start, provider, dimension, dimension_value, approval_rate,
                    baseline_approval_rate, attempts, p_value, grown_reasons, affected_merchants)
SELECT concat_ws('|', f.partition_key, f.provider, f.dimension, f.dimension_value), f.partition_key, f.window_start,
       f.provider, f.dimension, f.dimension_value, f.approval_rate, f.baseline_approval_rate, f.attempts, f.p_value,
       COALESCE(g.grown_reasons, '[]'), COALESCE(m.affected_merchants, '[]')
FROM flagged f
LEFT JOIN grown g USING (provider, dimension, dimension_value)
LEFT JOIN merchants m USING (provider, dimension, dimension_value)
ON CONFLICT (alert_key) DO UPDATE SET
    window_start = EXCLUDED.window_start, approval_rate = EXCLUDED.approval_rate,
    baseline_approval_rate = EXCLUDED.baseline_approval_rate, attempts = EXCLUDED.attempts,
    p_value = EXCLUDED.p_value, grown_reasons = EXCLUDED.grown_reasons,
    affected_merchants = EXCLUDED.affected_merchants
"""

# Alerts of the window whose cell is no longer flagged (the drop disappeared on a rerun).
STALE_ALERTS_SQL = """
DELETE FROM alerts a
WHERE a.partition_key = %(key)s AND NOT EXISTS (
    SELECT 1 FROM provider_health h
    WHERE h.partition_key = a.partition_key AND h.provider = a.provider AND h.dimension = a.dimension
      AND h.dimension_value = a.dimension_value AND h.flagged)
"""


@dataclass(frozen=True, slots=True)
class HealthRow:
    """One provider_health row."""

    partition_key: str
    window_start: datetime
    provider: str
    dimension: str
    dimension_value: str
    attempts: int
    approved: int
    approval_rate: float | None
    customer_failures_excluded: int
    baseline_windows: int
    baseline_attempts: int
    baseline_approved: int
    baseline_approval_rate: float | None
    delta: float | None
    z_score: float | None
    p_value: float | None
    flagged: bool
    baseline_extra_variance: float = 0.0  # tau2 of the test (health_stats), 0 below 3 baseline windows

    def values(self) -> tuple:
        return tuple(getattr(self, column) for column in HEALTH_COLUMNS)


@dataclass(frozen=True, slots=True)
class WindowHealth:
    """What a window's run wrote: its rows (every cell) and its alerts' keys."""

    partition_key: str
    rows: list[HealthRow]
    alert_keys: list[str]

    @property
    def flagged(self) -> list[HealthRow]:
        return [row for row in self.rows if row.flagged]

    def providers(self) -> list[HealthRow]:
        return [row for row in self.rows if row.dimension == "provider"]


def baseline_keys(window: Window, days: int) -> list[str]:
    """The same half-day slot of each of the ``days`` previous days, newest first."""
    return [(window.start - timedelta(days=day)).strftime(WINDOW_KEY_FORMAT) for day in range(1, days + 1)]


def alert_key(partition_key: str, provider: str, dimension: str, dimension_value: str) -> str:
    return "|".join((partition_key, provider, dimension, dimension_value))


def _params(window: Window, test: HealthTest) -> dict:
    return {
        "key": window.partition_key,
        "keys": [window.partition_key, *baseline_keys(window, test.baseline_days)],
        "approved": StatusCategory.APPROVED.value,
        "customer": FailureSource.CUSTOMER.value,
        "outcomes": sorted(status.value for status in AUTHORIZATION_OUTCOMES),
        "grown_reasons": GROWN_REASONS,
        "affected_merchants": AFFECTED_MERCHANTS,
    }


def assess_window(conn: psycopg.Connection, window: Window, test: HealthTest) -> list[HealthRow]:
    """Every cell of the window with its baseline and the test's verdict (reads only)."""
    rows = []
    with conn.cursor(row_factory=dict_row) as cur:
        for cell in cur.execute(COUNTS_SQL, _params(window, test)):
            verdict = compare(cell["approved"], cell["attempts"], cell["baseline_approved"],
                              cell["baseline_attempts"], test,
                              list(zip(cell["baseline_window_approved"], cell["baseline_window_attempts"])))
            rows.append(HealthRow(
                partition_key=window.partition_key, window_start=window.start, provider=cell["provider"],
                dimension=cell["dimension"], dimension_value=cell["dimension_value"], attempts=cell["attempts"],
                approved=cell["approved"], approval_rate=verdict.approval_rate,
                customer_failures_excluded=cell["customer_failures_excluded"],
                baseline_windows=cell["baseline_windows"], baseline_attempts=cell["baseline_attempts"],
                baseline_approved=cell["baseline_approved"], baseline_approval_rate=verdict.baseline_approval_rate,
                delta=verdict.delta, z_score=verdict.z_score, p_value=verdict.p_value, flagged=verdict.flagged,
                baseline_extra_variance=verdict.extra_variance,
            ))
    return rows


def publish_window(conn: psycopg.Connection, window: Window, test: HealthTest) -> WindowHealth:
    """Replace the window's provider_health rows and bring its alerts in line with them (one transaction)."""
    lock_window(conn, "provider_health", window.partition_key)
    rows = assess_window(conn, window, test)
    conn.execute("DELETE FROM provider_health WHERE partition_key = %s", (window.partition_key,))
    copy_in(conn, "provider_health", HEALTH_COLUMNS, (row.values() for row in rows))
    conn.execute(STALE_ALERTS_SQL, {"key": window.partition_key})
    if any(row.flagged for row in rows):
        conn.execute(ALERTS_SQL, _params(window, test))
    keys = [alert_key(r.partition_key, r.provider, r.dimension, r.dimension_value) for r in rows if r.flagged]
    return WindowHealth(window.partition_key, rows, keys)


# --- reading alerts ---------------------------------------------------------------------------------------

ALERT_COLUMNS = (
    "alert_key", "partition_key", "window_start", "provider", "dimension", "dimension_value", "approval_rate",
    "baseline_approval_rate", "attempts", "p_value", "grown_reasons", "affected_merchants", "created_at",
    "notified_at",
)
_SELECT_ALERTS = f"SELECT {', '.join(ALERT_COLUMNS)} FROM alerts"


def window_alerts(conn: psycopg.Connection, partition_keys: Iterable[str]) -> list[dict]:
    """The alerts of the given windows, by window, provider and cell."""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(
            f"{_SELECT_ALERTS} WHERE partition_key = ANY(%s) "
            "ORDER BY partition_key, provider, dimension, dimension_value",
            (list(partition_keys),),
        ).fetchall()


def unnotified_alert_keys(conn: psycopg.Connection, limit: int) -> list[str]:
    """Alerts not posted yet, oldest first."""
    return [row[0] for row in conn.execute(
        "SELECT alert_key FROM alerts WHERE notified_at IS NULL ORDER BY created_at, alert_key LIMIT %s", (limit,)
    )]


def claim_unnotified(conn: psycopg.Connection, key: str) -> dict | None:
    """Lock one alert that is still not notified until the transaction ends; None if it was notified, removed,
    or is being posted by someone else right now."""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(
            f"{_SELECT_ALERTS} WHERE alert_key = %s AND notified_at IS NULL FOR UPDATE SKIP LOCKED", (key,)
        ).fetchone()


def mark_notified(conn: psycopg.Connection, key: str) -> None:
    conn.execute("UPDATE alerts SET notified_at = now() WHERE alert_key = %s", (key,))


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def alert_payload(alert: dict) -> dict:
    """The JSON an alert is posted as: its columns, plus ``text``, a one-line summary chat tools display."""
    payload = {
        column: (value.isoformat() if isinstance(value, datetime) else value)
        for column, value in alert.items() if column != "notified_at"
    }
    cell = alert["provider"] if alert["dimension"] == "provider" else (
        f"{alert['provider']} {alert['dimension']}={alert['dimension_value']}")
    reasons = ", ".join(r["failure_reason"] for r in alert["grown_reasons"]) or "none"
    payload["text"] = (
        f"payobs: approval rate of {cell} in window {alert['partition_key']} is "
        f"{_percent(alert['approval_rate'])} against a baseline of {_percent(alert['baseline_approval_rate'])} "
        f"({alert['attempts']} attempts, p={alert['p_value'] or 0:.2g}); failure reasons that grew: {reasons}; "
        f"merchants affected: {len(alert['affected_merchants'])}"
    )
    return payload


def payload_json(alert: dict) -> bytes:
    return json.dumps(alert_payload(alert), sort_keys=True).encode()
