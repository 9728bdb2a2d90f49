"""Held-out payment lifecycles (README.md beside this file) through the real pipeline on PostgreSQL.

Each provider file's rows go into one lake; the windows are run through the
real assets twice, in two warehouses: window after window as the schedule
does, and as a backfill in reverse order. Both must give every scenario its
hand-computed attempts, payments, refunds and disputes per window, and the
metric tables must hold the sum of the scenarios' counts per window.
"""

import json
import uuid
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import Window

HERE = Path(__file__).parent
PROVIDER_FILES = sorted(HERE.glob("*.json"))
COUNTS = ("attempts", "approved", "declined", "errored", "unknown", "refunds", "disputes", "payments",
          "payments_approved")

pytestmark = pytest.mark.database


def _lake_id(provider: str, scenario: str, number: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"payobs-lifecycle/{provider}/{scenario}/{number}"))


# Lake times move back by whole days (window boundaries kept) so every window is closed, whatever today is.
SHIFT = timedelta(days=400)


def _shifted(key: str) -> str:
    return Window.from_key(key).start.__sub__(SHIFT).strftime("%Y-%m-%d-%H:%M")


def _load(lake_url: str, provider: str, scenarios: list[dict]) -> list[Window]:
    windows = set()
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        with conn.cursor() as cur:
            for scenario in scenarios:
                for number, row in enumerate(scenario["rows"]):
                    created = datetime.fromisoformat(row["created_at"].replace("Z", "+00:00")) - SHIFT
                    windows.add(Window.containing(created))
                    cur.execute(
                        "INSERT INTO raw_transactions (id, data, merchant, transactional_id, created_at) "
                        "VALUES (%s, %s, %s, %s, %s)",
                        (_lake_id(provider, scenario["name"], number), json.dumps(row["data"]),
                         json.dumps(row["merchant"]) if row.get("merchant") is not None else None,
                         row.get("transactional_id"), created),
                    )
    return sorted(windows, key=lambda w: w.start)


SCENARIO_COUNTS_SQL = """
WITH ev AS (SELECT * FROM normalized_events WHERE lake_id = ANY(%(ids)s::uuid[])),
attempt_rows AS (SELECT * FROM attempts WHERE attempt_key IN (SELECT attempt_key FROM ev)),
payment_rows AS (
    SELECT * FROM payments WHERE payment_key IN (
        SELECT l.payment_key FROM payment_links l JOIN ev ON ev.payment_node = l.node)
)
SELECT partition_key, 'attempts', count(*) FROM attempt_rows
    WHERE status_category IN ('APPROVED', 'DECLINED', 'ERROR', 'UNKNOWN') GROUP BY 1
UNION ALL SELECT partition_key, 'approved', count(*) FROM attempt_rows WHERE status_category = 'APPROVED' GROUP BY 1
UNION ALL SELECT partition_key, 'declined', count(*) FROM attempt_rows WHERE status_category = 'DECLINED' GROUP BY 1
UNION ALL SELECT partition_key, 'errored', count(*) FROM attempt_rows WHERE status_category = 'ERROR' GROUP BY 1
UNION ALL SELECT partition_key, 'unknown', count(*) FROM attempt_rows WHERE status_category = 'UNKNOWN' GROUP BY 1
UNION ALL SELECT partition_key, 'refunds', count(*) FROM refunds
    WHERE refund_key IN (SELECT refund_key FROM ev) AND status_category = 'REFUNDED' GROUP BY 1
UNION ALL SELECT partition_key, 'disputes', count(*) FROM disputes
    WHERE dispute_key IN (SELECT dispute_key FROM ev) GROUP BY 1
UNION ALL SELECT partition_key, 'payments', count(*) FROM payment_rows GROUP BY 1
UNION ALL SELECT partition_key, 'payments_approved', count(*) FROM payment_rows
    WHERE status_category = 'APPROVED' GROUP BY 1
"""

METRIC_COUNTS_SQL = """
SELECT partition_key, 'attempts', sum(attempts) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'approved', sum(approved) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'declined', sum(declined) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'errored', sum(errored) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'unknown', sum(unknown) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'refunds', sum(refunded) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'disputes', sum(chargebacks) FROM approval_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'payments', sum(payments) FROM payment_metrics GROUP BY 1
UNION ALL SELECT partition_key, 'payments_approved', sum(payments_approved) FROM payment_metrics GROUP BY 1
"""


def _by_window(rows) -> dict[str, dict[str, int]]:
    table: dict[str, Counter] = {}
    for window, name, count in rows:
        if count:
            table.setdefault(window, Counter())[name] += int(count)
    return {window: dict(counts) for window, counts in table.items()}


def _expected(expected: dict) -> dict[str, dict[str, int]]:
    return {_shifted(window): {name: counts.get(name, 0) for name in COUNTS if counts.get(name, 0)}
            for window, counts in expected.items() if any(counts.get(name, 0) for name in COUNTS)}


@pytest.mark.parametrize("order", ["window_after_window", "reverse_backfill"])
@pytest.mark.parametrize("path", PROVIDER_FILES, ids=lambda p: p.stem)
def test_lifecycles_count_as_a_person_counts_them(path, order, fresh_database):
    spec = json.loads(path.read_text(encoding="utf-8"))
    provider, scenarios = spec["provider"], spec["scenarios"]
    lake_url, warehouse_url = fresh_database("lake"), fresh_database("wh")
    windows = _load(lake_url, provider, scenarios)
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    for window in (windows if order == "window_after_window" else windows[::-1]):
        result = dg.materialize(PIPELINE, partition_key=window.partition_key, resources=resources,
                                raise_on_error=False)
        assert result.success, f"{provider} {window.partition_key} failed"

    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        wrong = {}
        total: dict[str, Counter] = {}
        for scenario in scenarios:
            ids = [_lake_id(provider, scenario["name"], n) for n in range(len(scenario["rows"]))]
            got = _by_window(conn.execute(SCENARIO_COUNTS_SQL, {"ids": ids}).fetchall())
            want = _expected(scenario["expected"])
            if got != want:
                wrong[scenario["name"]] = {"expected": want, "got": got}
            for window, counts in want.items():
                total.setdefault(window, Counter()).update(counts)
        metrics = _by_window(conn.execute(METRIC_COUNTS_SQL).fetchall())
    assert not wrong, f"{len(wrong)} of {len(scenarios)} {provider} scenarios counted wrong: {json.dumps(wrong, indent=1)}"
    assert metrics == {window: dict(counts) for window, counts in total.items()}
