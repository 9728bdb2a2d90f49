"""Windows restate each other: a later window's events correct the earlier window's metric rows in the same run."""

import json
import uuid
from datetime import datetime, timedelta

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import Window

pytestmark = pytest.mark.database

FIRST = Window.from_key("2026-10-05-00:00")
SECOND = Window.from_key("2026-10-05-12:00")
FAR = Window.from_key("2026-11-20-00:00")  # 46 days later: beyond the default 30-day horizon


def _charge(charge_id: str, status: str, at: datetime, **extra) -> dict:
    """A Stripe Charge as the API returns it (docs.stripe.com/api/charges/object)."""
    return {"id": charge_id, "object": "charge", "amount": 2500, "currency": "eur", "status": status,
            "created": int(at.timestamp()), "paid": status == "succeeded", "captured": status == "succeeded",
            "payment_intent": "pi_restate_1", "payment_method_details": {"type": "card", "card": {"brand": "visa"}},
            "outcome": {"type": "authorized" if status == "succeeded" else "manual_review"}, **extra}


def _dispute(at: datetime) -> dict:
    return {"id": "du_restate_1", "object": "dispute", "amount": 2500, "currency": "eur", "charge": "ch_restate_1",
            "payment_intent": "pi_restate_1", "status": "needs_response", "reason": "fraudulent",
            "created": int(at.timestamp())}


@pytest.fixture
def resources(lake_url, warehouse_url):
    rows = [
        (FIRST.end - timedelta(minutes=10), _charge("ch_restate_1", "pending", FIRST.end - timedelta(minutes=10))),
        (SECOND.start + timedelta(minutes=5), _charge("ch_restate_1", "succeeded", SECOND.start + timedelta(minutes=5))),
        (FAR.start + timedelta(hours=1), _dispute(FAR.start + timedelta(hours=1))),
    ]
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for created, data in rows:
            conn.execute(
                "INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, %s, %s)",
                (uuid.uuid4(), json.dumps(data), json.dumps({"id": "m_1", "name": "Shop", "country": "FR"}), created),
            )
    return {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}


def _run(resources, window: Window) -> dg.ExecuteInProcessResult:
    result = dg.materialize(PIPELINE, partition_key=window.partition_key, resources=resources)
    assert result.success
    return result


def _metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    [materialization] = result.asset_materializations_for_node(asset)
    return {key: value.value for key, value in materialization.metadata.items()}


def _attempts(warehouse_url: str) -> dict[str, tuple]:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        return {key: (attempts, approved, pending) for key, attempts, approved, pending in conn.execute(
            "SELECT partition_key, sum(attempts), sum(approved), sum(pending) FROM approval_metrics GROUP BY 1")}


def test_a_later_approval_restates_the_window_of_the_authorization(resources, warehouse_url):
    _run(resources, FIRST)
    assert _attempts(warehouse_url) == {FIRST.partition_key: (0, 0, 1)}  # pending: no decision yet

    second = _run(resources, SECOND)
    assert _metadata(second, "payment_lifecycle")["restated_windows"] == [FIRST.partition_key]
    assert _metadata(second, "approval_metrics")["restated_windows"] == [FIRST.partition_key]
    # The attempt counts once, approved, in the window of its authorization; the second window has none.
    assert _attempts(warehouse_url) == {FIRST.partition_key: (1, 1, 0)}

    # Rerunning the second window changes nothing.
    _run(resources, SECOND)
    assert _attempts(warehouse_url) == {FIRST.partition_key: (1, 1, 0)}


def test_a_backfill_in_reverse_order_ends_with_the_same_rows(resources, warehouse_url):
    first_pass = _run(resources, SECOND)
    assert _metadata(first_pass, "payment_lifecycle")["restated_windows"] == []
    assert _attempts(warehouse_url) == {SECOND.partition_key: (1, 1, 0)}  # all it knows so far
    moved = _run(resources, FIRST)
    # The attempt moves to its authorization's window: the later window is restated (it has no rows left).
    assert _metadata(moved, "payment_lifecycle")["restated_windows"] == [SECOND.partition_key]
    assert _attempts(warehouse_url) == {FIRST.partition_key: (1, 1, 0)}


def test_changes_beyond_the_horizon_are_reported_not_restated(resources, warehouse_url):
    _run(resources, FAR)  # the dispute alone: its own window
    _run(resources, SECOND)
    far_again = dg.materialize(
        PIPELINE, partition_key=FIRST.partition_key, resources=resources,
        run_config={"ops": {"payment_lifecycle": {"config": {"restatement_horizon_days": 1}}}},
    )
    assert far_again.success
    lifecycle = _metadata(far_again, "payment_lifecycle")
    assert lifecycle["restated_windows"] == [SECOND.partition_key]
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        disputes = conn.execute("SELECT partition_key, events FROM disputes").fetchall()
    assert disputes == [(FAR.partition_key, 1)]
    assert FAR.partition_key not in lifecycle["restated_windows"]
