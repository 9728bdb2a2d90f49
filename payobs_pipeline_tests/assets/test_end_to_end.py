"""End to end on real PostgreSQL: seed a lake over three windows, materialize window after window, check
both metric levels against the generator's truth.

The expected figures come from the generator (``expected_metrics``: the lifecycle it generated, with its
own serials of attempts, payments, refunds and disputes), never from anything the pipeline wrote nor from a
copy of its linking rule. Amounts, currencies and failure reasons of the first window are checked against the
per-row truth of single-row payments.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.synthetic import (
    PAYMENT_COUNTS,
    WINDOW,
    expected_metrics,
    generate_lake_rows,
)
from payobs_pipeline.normalization.providers import mapped_providers
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 1, tzinfo=timezone.utc)
ROWS, WINDOWS, SEED = 4_000, 3, 5
KEYS = [Window.containing(START + k * WINDOW).partition_key for k in range(WINDOWS)]

# approval_metrics columns for the generator's attempt-level counts
APPROVAL_COLUMNS = {"attempts": "attempts", "approved": "approved", "declined": "declined", "errored": "errored",
                    "unknown": "unknown", "refunds": "refunded", "disputes": "chargebacks", "voided": "voided",
                    "captured": "captured"}


@pytest.fixture(scope="module")
def truth():
    return expected_metrics(ROWS, START, WINDOWS, SEED)


@pytest.fixture
def materialized(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=ROWS, start=START, windows=WINDOWS, seed=SEED)
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    for key in KEYS:
        assert dg.materialize(PIPELINE, partition_key=key, resources=resources).success
    return warehouse_url


def _measured(conn, table: str, columns: dict) -> dict:
    select = ", ".join(f"sum({col})::bigint" for col in columns.values())
    out = {}
    for key, provider, *values in conn.execute(
        f"SELECT partition_key, provider, {select} FROM {table} GROUP BY 1, 2"
    ):
        if provider in mapped_providers() and any(values):
            out[(key, provider)] = dict(zip(columns, values))
    return out


def _differences(expected: dict, measured: dict) -> list[str]:
    lines = []
    for key in sorted(set(expected) | set(measured)):
        if key[1] not in mapped_providers():
            continue
        want, got = expected.get(key, {}), measured.get(key, {})
        for name in sorted(set(want) | set(got)):
            if want.get(name, 0) != got.get(name, 0):
                lines.append(f"{key[0]} {key[1]} {name}: expected {want.get(name, 0)}, got {got.get(name, 0)}")
    return lines


def _summed(table: dict) -> dict:
    total: dict = {}
    for (_, provider), counts in table.items():
        acc = total.setdefault(("all", provider), Counter())
        acc.update(counts)
    return {k: dict(v) for k, v in total.items()}


def test_both_metric_levels_match_the_generators_truth_window_by_window(materialized, truth):
    attempt_truth, payment_truth = truth
    with psycopg.connect(materialized) as conn:
        conn.execute("SET search_path TO payobs")
        approval = _measured(conn, "approval_metrics", APPROVAL_COLUMNS)
        payment = _measured(conn, "payment_metrics", {c: c for c in PAYMENT_COUNTS})
    attempt_truth = {k: v for k, v in attempt_truth.items() if k[1] in mapped_providers()}
    payment_truth = {k: v for k, v in payment_truth.items() if k[1] in mapped_providers()}
    assert {k[0] for k in attempt_truth} == set(KEYS)
    problems = (_differences(attempt_truth, approval) + _differences(payment_truth, payment)
                + _differences(_summed(attempt_truth), _summed(approval))
                + _differences(_summed(payment_truth), _summed(payment)))
    assert not problems, "\n".join(problems)


def test_attempt_amounts_currencies_and_methods_match_the_truth(materialized):
    """Per window, provider, currency and method: the amounts of the counted attempts (each attempt once,
    with the amount and currency of its earliest authorization row, the first method its rows name) and
    nothing lost."""
    first: dict = {}
    method: dict = {}
    lake_rows = Counter()
    for row, truth in generate_lake_rows(ROWS, START, WINDOWS, SEED):
        lake_rows[Window.containing(row.created_at).partition_key] += 1
        if truth.provider not in mapped_providers() or truth.event_kind not in ("AUTHORIZATION", "CAPTURE"):
            continue
        if truth.event_kind == "CAPTURE" and truth.status_category != "APPROVED":
            continue
        # its earliest authorization row; its earliest approved capture when it has no authorization row
        rank = (truth.event_kind != "AUTHORIZATION", row.created_at)
        seen = first.get(truth.attempt)
        if seen is None or rank < seen[0]:
            first[truth.attempt] = (rank, truth)
        # an attempt's method is the first one its rows name (a row may not name it)
        if truth.payment_method and (truth.attempt not in method or rank < method[truth.attempt][0]):
            method[truth.attempt] = (rank, truth.payment_method)
    finals = {}
    for row, truth in generate_lake_rows(ROWS, START, WINDOWS, SEED):  # counted = decided at least once
        if truth.attempt in first and truth.event_kind in ("AUTHORIZATION", "CAPTURE"):
            finals.setdefault(truth.attempt, set()).add(truth.status_category)
    amounts = Counter()
    for serial, ((_, created), truth) in first.items():
        if finals[serial] & {"APPROVED", "DECLINED", "ERROR", "UNKNOWN"}:
            amounts[(Window.containing(created).partition_key, truth.provider, truth.currency,
                     method.get(serial, (None, "UNKNOWN"))[1])] += truth.amount_minor
    with psycopg.connect(materialized) as conn:
        conn.execute("SET search_path TO payobs")
        measured = Counter({
            (k, p, c, m): int(s) for k, p, c, m, s in conn.execute(
                "SELECT partition_key, provider, currency, payment_method, sum(amount_minor) FROM attempts "
                "WHERE status_category IN ('APPROVED', 'DECLINED', 'ERROR', 'UNKNOWN') GROUP BY 1, 2, 3, 4")})
        for key in KEYS:
            events = conn.execute("SELECT count(*) FROM normalized_events WHERE partition_key = %s",
                                  (key,)).fetchone()[0]
            unprocessed = conn.execute(
                "SELECT count(*) FROM unprocessed_events WHERE partition_key = %s AND state <> 'RESOLVED'",
                (key,)).fetchone()[0]
            assert events + unprocessed == lake_rows[key], key  # nothing lost
    problems = [f"{k}: expected {amounts[k]}, got {measured[k]}"
                for k in sorted(set(amounts) | set(measured), key=str)
                if k[1] in mapped_providers() and amounts[k] != measured[k]]
    assert not problems, "\n".join(problems)
