"""Money in USD through the whole pipeline, on real PostgreSQL: events, objects and metric rows.

The test owns the rates (fx_rates is emptied first), so every expected figure below is worked out by hand
from the rates it writes: amount / 10^exponent * USD per unit.
"""

import json
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import Window

pytestmark = pytest.mark.database

WINDOW = Window.from_key("2026-11-20-00:00")
AT = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
MERCHANT = {"id": "m_fx", "name": "Maison FX", "country": "FR"}

# The test's rates: EUR on the day, JPY three days before (within the 7-day limit), GBP ten days before
# (too old), nothing for KES. USD needs none.
RATES = [
    ("2026-11-20", "EUR", "1.1"),
    ("2026-11-17", "JPY", "0.0066"),
    ("2026-11-10", "GBP", "1.25"),
]


def _charge(charge_id: str, amount: int, currency: str, status: str, **extra) -> dict:
    """A Stripe Charge as the API returns it (docs.stripe.com/api/charges/object)."""
    return {"id": charge_id, "object": "charge", "amount": amount, "currency": currency, "status": status,
            "created": int(AT.timestamp()), "paid": status == "succeeded", "captured": status == "succeeded",
            "payment_intent": "pi_" + charge_id, "payment_method_details": {"type": "card", "card": {"brand": "visa"}},
            "outcome": {"type": "authorized" if status == "succeeded" else "issuer_declined"}, **extra}


def _declined(charge_id: str, amount: int, currency: str) -> dict:
    return _charge(charge_id, amount, currency, "failed", failure_code="card_declined",
                   outcome={"type": "issuer_declined", "reason": "insufficient_funds"})


LAKE = [
    (_charge("ch_eur", 2500, "eur", "succeeded"), MERCHANT),      # 25.00 EUR x 1.1    = 27.5000 USD
    (_charge("ch_usd", 1000, "usd", "succeeded"), MERCHANT),      # 10.00 USD          = 10.0000 USD
    (_charge("ch_gbp", 999, "gbp", "succeeded"), MERCHANT),       # rate 10 days old   -> NULL
    (_declined("ch_jpy", 1234, "jpy"), MERCHANT),                 # 1234 JPY x 0.0066  = 8.1444 USD
    (_declined("ch_kes", 50000, "kes"), None),                    # no KES rate        -> NULL; no country
    ({"id": "re_eur", "object": "refund", "amount": 500, "currency": "eur", "charge": "ch_eur",
      "payment_intent": "pi_ch_eur", "status": "succeeded", "created": int(AT.timestamp()) + 60}, MERCHANT),
    ({"id": "du_eur", "object": "dispute", "amount": 2500, "currency": "eur", "charge": "ch_eur",
      "payment_intent": "pi_ch_eur", "status": "needs_response", "reason": "fraudulent",
      "created": int(AT.timestamp()) + 120}, MERCHANT),
    (_charge("ch_bad", 700, "zzz", "succeeded"), MERCHANT),       # not a currency: unprocessed
]


@pytest.fixture
def resources(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for i, (data, merchant) in enumerate(LAKE):
            conn.execute(
                "INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, %s, %s)",
                (uuid.uuid4(), json.dumps(data), json.dumps(merchant) if merchant else None,
                 AT + timedelta(minutes=i)),
            )
    warehouse = WarehouseDatabase(url=warehouse_url)
    warehouse.migrate()
    with warehouse.connection() as conn:
        conn.execute("DELETE FROM fx_rates")
        for day, currency, rate in RATES:
            conn.execute("INSERT INTO fx_rates (rate_date, currency, usd_rate, source) VALUES (%s, %s, %s, 'test')",
                         (day, currency, rate))
    return {"lake": LakeDatabase(url=lake_url), "warehouse": warehouse}


def _query(warehouse: WarehouseDatabase, sql: str, *params) -> list[tuple]:
    with warehouse.connection() as conn:
        return conn.execute(sql, params).fetchall()


def _run(resources) -> dg.ExecuteInProcessResult:
    result = dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources=resources)
    assert result.success
    return result


def test_events_and_objects_carry_usd_by_the_rate_policy(resources):
    _run(resources)
    warehouse = resources["warehouse"]
    events = dict(_query(warehouse, "SELECT provider_transaction_id, amount_usd FROM normalized_events"))
    assert events == {
        "ch_eur": Decimal("27.5000"), "ch_usd": Decimal("10.0000"), "ch_gbp": None, "ch_jpy": Decimal("8.1444"),
        "ch_kes": None, "re_eur": Decimal("5.5000"), "du_eur": Decimal("27.5000"),
    }
    attempts = dict(_query(warehouse, "SELECT attempt_key, amount_usd FROM attempts"))
    assert attempts == {"stripe:ch_eur": Decimal("27.5000"), "stripe:ch_usd": Decimal("10.0000"),
                        "stripe:ch_gbp": None, "stripe:ch_jpy": Decimal("8.1444"), "stripe:ch_kes": None}
    assert sorted(_query(warehouse, "SELECT amount_usd FROM payments"), key=str) == sorted(
        [(Decimal("27.5000"),), (Decimal("10.0000"),), (None,), (Decimal("8.1444"),), (None,)], key=str)
    assert _query(warehouse, "SELECT amount_usd FROM refunds") == [(Decimal("5.5000"),)]
    assert _query(warehouse, "SELECT amount_usd FROM disputes") == [(Decimal("27.5000"),)]


def test_metric_rows_add_up_usd_and_count_what_has_no_rate(resources):
    _run(resources)
    warehouse = resources["warehouse"]
    [approval] = _query(
        warehouse,
        "SELECT sum(approved_amount_usd), sum(declined_amount_usd), sum(refunded_amount_usd), "
        "sum(disputed_amount_usd), sum(attempts_missing_usd) FROM approval_metrics WHERE partition_key = %s",
        WINDOW.partition_key)
    # approved: EUR 27.50 + USD 10.00 (GBP has no usable rate); declined: JPY 8.1444 (KES has none)
    assert approval == (Decimal("37.5000"), Decimal("8.1444"), Decimal("5.5000"), Decimal("27.5000"), 2)
    [payments] = _query(warehouse, "SELECT sum(approved_amount_usd) FROM payment_metrics")
    assert payments == (Decimal("37.5000"),)
    reasons = _query(warehouse, "SELECT failure_reason, failures, amount_usd FROM failure_reason_metrics "
                                "ORDER BY amount_usd DESC")
    assert sum(failures for _, failures, _ in reasons) == 2
    assert sum(usd for _, _, usd in reasons) == Decimal("8.1444")


def test_pipeline_quality_counts_the_window_by_hand(resources):
    _run(resources)
    warehouse = resources["warehouse"]
    cur_rows = _query(
        warehouse,
        "SELECT lake_rows, normalized, unprocessed, unprocessed_share, unprocessed_by_reason, normalized_by_method, "
        "missing_amount, missing_currency, missing_country, missing_fx_rate, restated_windows, window_start "
        "FROM pipeline_quality WHERE partition_key = %s", WINDOW.partition_key)
    assert cur_rows == [(
        8, 7, 1, 1 / 8, {"UNKNOWN_CURRENCY": 1},
        {"provider_mapping": 7, "learned_mapping": 0, "heuristic": 0, "llm_extraction": 0},
        0, 0, 1,  # the KES charge has no merchant and states no country
        2,  # GBP (rate too old) and KES (no rate)
        0, WINDOW.start,
    )]


def test_rerunning_the_window_gives_the_same_money_and_quality_rows(resources):
    warehouse = resources["warehouse"]
    queries = [
        "SELECT lake_id, amount_usd FROM normalized_events ORDER BY lake_id",
        "SELECT * FROM approval_metrics ORDER BY provider, merchant_id, country, payment_method",
        "SELECT * FROM payment_metrics ORDER BY provider, merchant_id, country, payment_method",
        "SELECT * FROM failure_reason_metrics ORDER BY failure_reason",
        "SELECT * FROM attempts ORDER BY attempt_key",
        "SELECT partition_key, lake_rows, normalized, unprocessed, unprocessed_share, unprocessed_by_reason, "
        "normalized_by_method, missing_amount, missing_currency, missing_country, missing_fx_rate, restated_windows "
        "FROM pipeline_quality",
    ]
    _run(resources)
    first = [_query(warehouse, q) for q in queries]
    _run(resources)
    assert [_query(warehouse, q) for q in queries] == first
    assert _query(warehouse, "SELECT count(*) FROM pipeline_quality") == [(1,)]


def test_a_longer_staleness_limit_uses_the_older_rate(resources, monkeypatch):
    monkeypatch.setenv("PAYOBS_FX_MAX_STALENESS_DAYS", "10")
    _run(resources)
    [(gbp,)] = _query(resources["warehouse"],
                      "SELECT amount_usd FROM normalized_events WHERE provider_transaction_id = 'ch_gbp'")
    assert gbp == Decimal("12.4875")  # 9.99 GBP x 1.25
