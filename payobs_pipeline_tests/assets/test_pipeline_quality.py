"""pipeline_quality and its WARN check on real PostgreSQL: a seeded window, counted by hand; the check firing
when the window's unprocessed share jumps above the previous windows' median, and not otherwise."""

import json
import uuid
from datetime import timedelta

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import WINDOW_LENGTH, Window

pytestmark = pytest.mark.database

WINDOW = Window.from_key("2026-11-02-12:00")
MERCHANT = {"id": "m_q", "name": "Quality Shop", "country": "DE"}


def _charge(i: int, currency: str = "eur") -> dict:
    at = WINDOW.start + timedelta(minutes=i)
    return {"id": f"ch_q{i}", "object": "charge", "amount": 1000 + i, "currency": currency, "status": "succeeded",
            "created": int(at.timestamp()), "paid": True, "captured": True, "payment_intent": f"pi_q{i}",
            "payment_method_details": {"type": "card", "card": {"brand": "visa", "country": "DE"}},
            "outcome": {"type": "authorized"}}


# 16 rows: 12 Stripe charges, 2 in a currency that does not exist, 1 empty payload, 1 not JSON.
# Unprocessed share = 4 / 16 = 0.25.
ROWS = (
    [json.dumps(_charge(i)) for i in range(12)]
    + [json.dumps(_charge(12, "zzz")), json.dumps(_charge(13, "qqq"))]
    + [json.dumps({}), json.dumps({"content": "{not json", "format": "json"})]
)


@pytest.fixture
def resources(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for i, data in enumerate(ROWS):
            conn.execute(
                "INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, %s, %s)",
                (uuid.uuid4(), data, json.dumps(MERCHANT), WINDOW.start + timedelta(minutes=i)),
            )
    warehouse = WarehouseDatabase(url=warehouse_url)
    warehouse.migrate()
    return {"lake": LakeDatabase(url=lake_url), "warehouse": warehouse}


def _history(warehouse: WarehouseDatabase, shares: list[float]) -> None:
    """Quality rows of the windows before WINDOW (newest last), as earlier runs would have left them."""
    with warehouse.connection() as conn:
        for back, share in enumerate(reversed(shares), start=1):
            window = Window.containing(WINDOW.start - back * WINDOW_LENGTH)
            conn.execute(
                "INSERT INTO pipeline_quality (partition_key, window_start, lake_rows, normalized, unprocessed, "
                "unprocessed_share, unprocessed_by_reason, normalized_by_method, missing_amount, missing_currency, "
                "missing_country, missing_fx_rate, restated_windows) "
                "VALUES (%s, %s, 1000, %s, %s, %s, '{}', '{}', 0, 0, 0, 0, 0)",
                (window.partition_key, window.start, 1000 - round(share * 1000), round(share * 1000), share),
            )


def _run(resources) -> dg.ExecuteInProcessResult:
    result = dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources=resources)
    assert result.success
    return result


def _check(result: dg.ExecuteInProcessResult):
    [evaluation] = [e for e in result.get_asset_check_evaluations() if e.check_name == "unprocessed_share_is_stable"]
    return evaluation


def test_quality_row_of_a_seeded_window(resources):
    result = _run(resources)
    with resources["warehouse"].connection() as conn:
        row = conn.execute(
            "SELECT lake_rows, normalized, unprocessed, unprocessed_share, unprocessed_by_reason, "
            "normalized_by_method->>'provider_mapping', missing_amount, missing_currency, missing_country, "
            "restated_windows FROM pipeline_quality WHERE partition_key = %s", (WINDOW.partition_key,)).fetchone()
    lake_rows, normalized, unprocessed, share, by_reason, by_mapping, *missing, restated = row
    assert (lake_rows, normalized, unprocessed) == (16, 12, 4)
    assert share == 4 / 16
    assert sum(by_reason.values()) == 4 and by_reason.get("UNKNOWN_CURRENCY") == 2
    assert by_mapping == "12"
    assert missing == [0, 0, 0] and restated == 0
    [materialization] = result.asset_materializations_for_node("pipeline_quality")
    assert materialization.metadata["unprocessed"].value == 4
    assert materialization.metadata["lake_rows"].value == 16


def test_the_check_warns_when_the_share_jumps_above_the_recent_median(resources):
    # 14 earlier windows around 2 %: 25 % is more than 5 points above and more than twice the median.
    _history(resources["warehouse"], [0.02, 0.01, 0.03] * 4 + [0.02, 0.02])
    evaluation = _check(_run(resources))
    assert not evaluation.passed
    assert evaluation.severity == dg.AssetCheckSeverity.WARN
    figures = evaluation.metadata["windows"].value[WINDOW.partition_key]
    assert figures == {"unprocessed_share": 0.25, "baseline_median": 0.02, "baseline_windows": 14, "jumped": True}


def test_the_check_passes_when_the_share_is_like_the_recent_ones(resources):
    # Median 22 %: 25 % is within 5 points of it.
    _history(resources["warehouse"], [0.22, 0.20, 0.24] * 5)
    evaluation = _check(_run(resources))
    assert evaluation.passed
    figures = evaluation.metadata["windows"].value[WINDOW.partition_key]
    assert figures["baseline_windows"] == 14 and figures["baseline_median"] == 0.22 and not figures["jumped"]


def test_the_check_passes_a_rise_that_is_not_twice_the_median(resources):
    # Median 15 %: 25 % is 10 points above it but less than twice it.
    _history(resources["warehouse"], [0.15] * 14)
    assert _check(_run(resources)).passed


def test_the_check_does_not_judge_without_enough_history(resources):
    _history(resources["warehouse"], [0.0, 0.0, 0.0])  # three earlier windows: fewer than four
    evaluation = _check(_run(resources))
    assert evaluation.passed
    assert evaluation.metadata["windows"].value[WINDOW.partition_key]["baseline_windows"] == 3
