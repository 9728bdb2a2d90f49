"""The metric assets show each window's own numbers in the Dagster UI, also when one run covers several windows.

Two windows of Stripe charges with known outcomes (window 1: 3 approved, 1 declined; window 2: 1 approved,
3 declined for insufficient funds) run in ONE run (a backfill range). Each window's materialization event, read
back from the instance per partition, carries that window's attempts, approved, declined and approval rate
(what the UI plots over partitions) and its markdown tables, never the run's totals.
"""

from __future__ import annotations

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
from payobs_pipeline.windows import Window

FIRST = Window.from_key("2026-11-21-00:00")
SECOND = Window.from_key("2026-11-21-12:00")
# (approved, declined) charges per window
OUTCOMES = {FIRST.partition_key: (3, 1), SECOND.partition_key: (1, 3)}


def _charge(charge_id: str, failed: bool, at) -> dict:
    """A Stripe Charge as the API returns it (docs.stripe.com/api/charges/object), 10.00 USD."""
    return {"id": charge_id, "object": "charge", "amount": 1000, "currency": "usd",
            "status": "failed" if failed else "succeeded", "created": int(at.timestamp()), "paid": not failed,
            "captured": not failed, "payment_intent": "pi_" + charge_id, "payment_method_details": {"type": "card"},
            **({"failure_code": "card_declined",
                "outcome": {"type": "issuer_declined", "reason": "insufficient_funds"}} if failed else {})}


@pytest.fixture
def two_window_run(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for window in (FIRST, SECOND):
            approved, declined = OUTCOMES[window.partition_key]
            at = window.start + timedelta(hours=2)
            for n in range(approved + declined):
                charge = _charge(f"ch_{window.start:%d%H}_{n}", n >= approved, at)
                conn.execute("INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, %s, %s)",
                             (uuid.uuid4(), json.dumps(charge), json.dumps({"id": "m1", "country": "US"}),
                              at + timedelta(minutes=n)))
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        PIPELINE, instance=instance,
        resources={"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)},
        tags={"dagster/asset_partition_range_start": FIRST.partition_key,
              "dagster/asset_partition_range_end": SECOND.partition_key},
    )
    assert result.success
    return instance


def _metadata(instance: dg.DagsterInstance, asset: str, partition_key: str) -> dict:
    """The metadata of the asset's materialization of one partition, as the UI reads it."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey(asset), asset_partitions=[partition_key]), limit=10).records
    assert len(records) == 1, records  # one materialization per window, even in a run of two
    return {name: value.value for name, value in records[0].asset_materialization.metadata.items()}


def test_each_window_of_a_two_window_run_records_its_own_approval_figures(two_window_run):
    for key, (approved, declined) in OUTCOMES.items():
        metadata = _metadata(two_window_run, "approval_metrics", key)
        attempts = approved + declined
        assert metadata["attempts"] == attempts
        assert metadata["approved"] == approved
        assert metadata["declined"] == declined
        assert metadata["approval_rate"] == pytest.approx(approved / attempts)
        # the window's own table, not the run's
        assert f"| stripe | {attempts} | {approved} | {approved / attempts:.2%} | ${declined * 10:.2f} |" in \
            metadata["approval_by_provider"].splitlines()
        assert f"window {key}" in metadata["approval_by_provider"]


def test_each_window_shows_its_own_top_failure_reasons(two_window_run, warehouse_url):
    for key, (_, declined) in OUTCOMES.items():
        # the canonical reason the normalizer gave the window's declines (the mapping is not under test here)
        with psycopg.connect(warehouse_url) as conn:
            conn.execute("SET search_path TO payobs")
            (reason,) = {r for (r,) in conn.execute(
                "SELECT failure_reason FROM normalized_events WHERE partition_key = %s AND failure_reason IS NOT NULL",
                (key,))}
        metadata = _metadata(two_window_run, "failure_reason_metrics", key)
        assert metadata["failures"] == declined
        lines = metadata["top_failure_reasons"].splitlines()
        assert f"window {key} ({declined} failed attempts)" in lines[0]
        assert f"| {reason} | {declined} | 100.00% | stripe | ${declined * 10:.2f} |" in lines


def test_payment_metrics_record_each_window_s_conversion(two_window_run):
    for key, (approved, declined) in OUTCOMES.items():
        metadata = _metadata(two_window_run, "payment_metrics", key)
        assert metadata["payments"] == approved + declined  # each charge its own payment intent
        assert metadata["conversion_rate"] == pytest.approx(approved / (approved + declined))


def test_the_quality_and_health_assets_record_each_window_s_own_figures(two_window_run):
    for key, (approved, declined) in OUTCOMES.items():
        quality = _metadata(two_window_run, "pipeline_quality", key)
        assert quality["lake_rows"] == approved + declined  # 4 per window, not the run's 8
        assert quality["normalized"] == approved + declined and quality["unprocessed"] == 0
        assert f"| {key} | {approved + declined:,} |" in quality["window"]
        health = _metadata(two_window_run, "provider_health", key)
        # the window's own table only: this window's attempts and approval rate
        other = next(k for k in OUTCOMES if k != key)
        assert f"**{key}**" in health["providers"] and f"**{other}**" not in health["providers"]
        stripe = next(line for line in health["providers"].splitlines() if line.startswith("| stripe "))
        assert stripe.startswith(f"| stripe | {approved + declined} | {approved / (approved + declined):.1%} |")


def test_every_stage_records_each_window_s_own_row_counts(two_window_run):
    for key, (approved, declined) in OUTCOMES.items():
        rows = approved + declined  # 4 lake rows per window; the run holds 8
        assert _metadata(two_window_run, "raw_lake_batch", key)["lake_rows"] == rows
        parsed = _metadata(two_window_run, "parsed_payloads", key)
        assert (parsed["rows"], parsed["parsed"], parsed["by_format"]) == (rows, rows, {"json": rows})
        events = _metadata(two_window_run, "normalized_events", key)
        assert (events["rows_in"], events["events"], events["unprocessed"]) == (rows, rows, 0)
        assert events["by_status"] == {"APPROVED": approved, "DECLINED": declined}
        assert _metadata(two_window_run, "payment_lifecycle", key)["attempts"] == rows
        # nothing unmapped in these windows: no shape for the LLM, no call
        learned = _metadata(two_window_run, "learned_mappings", key)
        assert (learned["shapes_without_mapping"], learned["llm_calls"]) == (0, 0)
