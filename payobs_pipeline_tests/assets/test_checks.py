"""Every asset check can fail, and a failing blocking check stops what is downstream of it.

Each test materializes one seeded window (every check passes), then breaks one thing behind the pipeline's
back and runs the check alone (the assets are not rerun, so nothing repairs the damage), or, for the
blocking behaviour, lets a lake row arrive in the middle of a run.
"""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import datetime, timedelta, timezone

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.assets.checks import (
    MAX_SANE_AMOUNT_MINOR,
    events_are_valid,
    snapshot_matches_lake,
    window_conserves_lake_rows,
)
from payobs_pipeline.definitions import ASSETS, PIPELINE
from payobs_pipeline.normalization.currency import MAX_MINOR_UNITS
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 3, tzinfo=timezone.utc)
WINDOW = Window.containing(START)
CARD = "4111111111111111"


@pytest.fixture
def resources(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=400, start=START, windows=1, seed=11)
    return {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}


@pytest.fixture
def materialized(resources):
    result = dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources=resources)
    evaluations = result.get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} == {
        "snapshot_matches_lake", "window_conserves_lake_rows", "events_are_valid",
        "unprocessed_share_is_stable", "provider_health_has_no_alerts"}
    assert all(e.passed for e in evaluations), [(e.check_name, e.metadata) for e in evaluations if not e.passed]
    return resources


def run_check(resources, check) -> dg.AssetCheckEvaluation:
    """Run one check alone on the window (its asset is not rematerialized)."""
    # (The partition goes in as a tag: with no asset selected, materialize cannot validate a partition_key.)
    result = dg.materialize(
        PIPELINE, tags={"dagster/partition": WINDOW.partition_key}, resources=resources,
        selection=dg.AssetSelection.checks(check), raise_on_error=False,
    )
    assert not result.get_asset_materialization_events(), "only the check was to run"
    (evaluation,) = result.get_asset_check_evaluations()
    return evaluation


def warehouse_execute(warehouse_url: str, statement: str, params=()) -> int:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        return conn.execute(statement, params).rowcount


def one_event(warehouse_url: str, where: str = "TRUE") -> str:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        return str(conn.execute(f"SELECT lake_id FROM normalized_events WHERE partition_key = %s AND {where} "
                                "ORDER BY lake_id LIMIT 1", (WINDOW.partition_key,)).fetchone()[0])


def first_row(warehouse_url: str, table: str) -> str:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        return str(conn.execute(f"SELECT lake_id FROM {table} WHERE partition_key = %s ORDER BY lake_id LIMIT 1",
                                (WINDOW.partition_key,)).fetchone()[0])


# --- snapshot_matches_lake ---------------------------------------------------------------------------------


def test_snapshot_check_fails_when_a_snapshot_row_is_deleted(materialized, warehouse_url):
    assert run_check(materialized, snapshot_matches_lake).passed
    deleted = warehouse_execute(
        warehouse_url, "DELETE FROM raw_lake_batch WHERE lake_id = (SELECT lake_id FROM raw_lake_batch "
        "WHERE partition_key = %s LIMIT 1)", (WINDOW.partition_key,))
    assert deleted == 1
    evaluation = run_check(materialized, snapshot_matches_lake)
    assert not evaluation.passed
    mismatch = evaluation.metadata["mismatches"].value[WINDOW.partition_key]
    assert mismatch["lake"] == mismatch["snapshot"] + 1 == 400


def test_snapshot_check_fails_when_the_lake_gains_a_row_after_the_snapshot(materialized, lake_url):
    add_lake_row(lake_url, uuid.uuid4())
    evaluation = run_check(materialized, snapshot_matches_lake)
    assert not evaluation.passed
    assert evaluation.metadata["mismatches"].value[WINDOW.partition_key] == {"snapshot": 400, "lake": 401}


# --- window_conserves_lake_rows ----------------------------------------------------------------------------


def test_conservation_check_fails_when_a_normalized_event_is_deleted(materialized, warehouse_url):
    lake_id = one_event(warehouse_url)
    assert warehouse_execute(warehouse_url, "DELETE FROM normalized_events WHERE lake_id = %s", (lake_id,)) == 1
    evaluation = run_check(materialized, window_conserves_lake_rows)
    assert not evaluation.passed
    counts = evaluation.metadata["windows"].value[WINDOW.partition_key]
    assert counts["lake"] == counts["events"] + counts["unprocessed"] + 1


def test_conservation_check_fails_when_an_unprocessed_row_is_marked_resolved_without_an_event(
        materialized, warehouse_url):
    changed = warehouse_execute(
        warehouse_url, "UPDATE unprocessed_events SET state = 'RESOLVED' WHERE lake_id = (SELECT lake_id FROM "
        "unprocessed_events WHERE partition_key = %s AND state <> 'RESOLVED' LIMIT 1)", (WINDOW.partition_key,))
    assert changed == 1, "the seeded window holds unprocessed rows"
    assert not run_check(materialized, window_conserves_lake_rows).passed


def test_conservation_check_fails_when_an_event_is_counted_twice(materialized, warehouse_url):
    # A row both normalized and still unprocessed is one lake row counted twice.
    lake_id = one_event(warehouse_url)
    warehouse_execute(
        warehouse_url, "INSERT INTO unprocessed_events (lake_id, partition_key, stage, reason_code, attempts, state) "
        "VALUES (%s, %s, 'normalize', 'NO_MAPPING', 1, 'RETRYING') "
        "ON CONFLICT (lake_id) DO UPDATE SET state = 'RETRYING'", (lake_id, WINDOW.partition_key))
    evaluation = run_check(materialized, window_conserves_lake_rows)
    assert not evaluation.passed
    counts = evaluation.metadata["windows"].value[WINDOW.partition_key]
    assert counts["events"] + counts["unprocessed"] == counts["lake"] + 1


# --- events_are_valid --------------------------------------------------------------------------------------

# (problem reported, column, value written into one event)
CORRUPTIONS = [
    ("bad_status", "status_category", "MAYBE"),
    ("bad_reason", "failure_reason", "BAD_LUCK"),
    ("bad_source", "failure_source", "MOON"),
    ("bad_decline_type", "decline_type", "MEDIUM"),
    ("bad_payment_method", "payment_method", "SEASHELLS"),
    ("bad_currency", "currency", "XYZ"),
    ("bad_amount", "amount_minor", -1),
    ("bad_amount", "amount_minor", MAX_MINOR_UNITS + 1),
    ("bad_event_kind", "event_kind", "SETTLEMENT"),
    ("bad_country", "card_country", "us"),
    ("bad_country", "customer_country", "U1"),
    ("bad_country", "merchant_country", "Z "),
    ("card_numbers_stored", "merchant_name", f"Shop {CARD}"),
    ("card_numbers_stored", "raw_status", "declined 5555 5555 5555 4444"),
    ("card_numbers_stored", "raw_reason_code", "3782-822463-10005"),
    ("card_numbers_stored", "provider_transaction_id", "order 4111 1111 1111 1111"),
]


@pytest.mark.parametrize(("problem", "column", "value"), CORRUPTIONS,
                         ids=[f"{column}={value}" for _, column, value in CORRUPTIONS])
def test_validity_check_fails_on_each_kind_of_invalid_value(materialized, warehouse_url, problem, column, value):
    assert run_check(materialized, events_are_valid).passed
    # A failure reason belongs to a failed event (and only to one): corrupt such an event for the reason
    # columns, any event otherwise, so exactly one problem is reported.
    where = ("failure_reason IS NOT NULL" if column.startswith(("failure_", "decline_"))
             else "failure_reason IS NULL" if column == "status_category" else "TRUE")
    lake_id = one_event(warehouse_url, where)
    warehouse_execute(warehouse_url, f"UPDATE normalized_events SET {column} = %s WHERE lake_id = %s",
                      (value, lake_id))
    evaluation = run_check(materialized, events_are_valid)
    assert not evaluation.passed
    assert evaluation.metadata["problems"].value == {problem: 1}
    expected_places = ([{"table": "normalized_events", "column": column, "lake_id": lake_id,
                         "partition_key": WINDOW.partition_key}] if problem == "card_numbers_stored" else [])
    assert evaluation.metadata["card_numbers_found"].value == expected_places


def test_validity_check_fails_when_a_failure_reason_does_not_match_the_status(materialized, warehouse_url):
    lake_id = one_event(warehouse_url, "status_category = 'APPROVED'")
    warehouse_execute(warehouse_url, "UPDATE normalized_events SET failure_reason = 'GENERIC_DECLINE' "
                      "WHERE lake_id = %s", (lake_id,))
    evaluation = run_check(materialized, events_are_valid)
    assert evaluation.metadata["problems"].value == {"reason_status_mismatch": 1}


@pytest.mark.parametrize(("table", "column", "value"), [
    ("raw_lake_batch", "data", '{"status": "failed", "note": "card 4111 1111 1111 1111"}'),
    ("parsed_payloads", "body", '{"status": "failed", "pan": "5555555555554444"}'),
])
def test_validity_check_fails_when_a_stage_table_stores_a_card_number(
        materialized, warehouse_url, table, column, value):
    warehouse_execute(warehouse_url, f"UPDATE {table} SET {column} = %s WHERE lake_id = (SELECT lake_id FROM "
                      f"{table} WHERE partition_key = %s ORDER BY lake_id LIMIT 1)", (value, WINDOW.partition_key))
    lake_id = first_row(warehouse_url, table)
    evaluation = run_check(materialized, events_are_valid)
    assert evaluation.metadata["problems"].value == {"card_numbers_stored": 1}
    # the check names the row and the column it found the card number in
    assert evaluation.metadata["card_numbers_found"].value == [
        {"table": table, "column": column, "lake_id": lake_id, "partition_key": WINDOW.partition_key}]


def test_a_luhn_valid_merchant_id_is_an_identifier_not_a_card_number(materialized, warehouse_url):
    warehouse_execute(warehouse_url, "UPDATE normalized_events SET merchant_id = %s WHERE lake_id = %s",
                      (CARD, one_event(warehouse_url)))
    assert run_check(materialized, events_are_valid).passed


# A Luhn-valid numeric provider reference (about 1 in 10 numeric 16-digit Adyen pspReferences) is an id:
# masking keeps it, in the raw text and in the parsed document, and so does the check.
LUHN_VALID_REFERENCE = "8815658961765206"


@pytest.mark.parametrize(("table", "column", "value"), [
    ("raw_lake_batch", "data", f'{{"pspReference": "{LUHN_VALID_REFERENCE}", "resultCode": "Authorised"}}'),
    ("parsed_payloads", "body", f'{{"n": {{"pspReference": "{LUHN_VALID_REFERENCE}"}}}}'),
    ("normalized_events", "provider_transaction_id", LUHN_VALID_REFERENCE),
])
def test_a_luhn_valid_provider_reference_is_an_id_not_a_card_number(materialized, warehouse_url, table, column,
                                                                    value):
    warehouse_execute(warehouse_url, f"UPDATE {table} SET {column} = %s WHERE lake_id = (SELECT lake_id FROM "
                      f"{table} WHERE partition_key = %s ORDER BY lake_id LIMIT 1)", (value, WINDOW.partition_key))
    assert run_check(materialized, events_are_valid).passed


def _luhn(digits: str) -> bool:
    """The Luhn check, written out here (not the masker's): the test's own reading of the reference."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


# Adyen as it sends them: an authorisation response and a standard notification, each with a numeric
# 16-digit pspReference that passes the Luhn check (and the notification's originalReference too).
ADYEN_REFERENCES = [LUHN_VALID_REFERENCE, "8835511210681003"]


def adyen_rows() -> list[dict]:
    response = {"pspReference": ADYEN_REFERENCES[0], "resultCode": "Refused", "refusalReason": "Not enough balance",
                "refusalReasonCode": "51", "merchantReference": "ORDER-CHK-1",
                "amount": {"currency": "EUR", "value": 1250}, "paymentMethod": {"brand": "visa", "type": "scheme"}}
    notification = {"live": "false", "notificationItems": [{"NotificationRequestItem": {
        "eventCode": "AUTHORISATION", "success": "true", "pspReference": ADYEN_REFERENCES[1],
        "originalReference": ADYEN_REFERENCES[0], "merchantReference": "ORDER-CHK-2",
        "merchantAccountCode": "PayobsECOM", "amount": {"currency": "EUR", "value": 990},
        "eventDate": "2026-11-03T01:10:00+01:00", "paymentMethod": "mc", "reason": "012345:1111:03/2030"}}]}
    return [response, notification]


def test_a_window_of_adyen_events_with_luhn_valid_psp_references_passes(lake_url, warehouse_url, resources):
    assert all(len(ref) == 16 and _luhn(ref) for ref in ADYEN_REFERENCES)
    with psycopg.connect(lake_url) as conn:
        for n, data in enumerate(adyen_rows()):
            conn.execute("INSERT INTO raw_transactions (id, data, merchant, transactional_id, created_at) "
                         "VALUES (%s, %s::jsonb, NULL, %s, %s)",
                         (uuid.uuid4(), json.dumps(data), uuid.uuid4(), WINDOW.start + timedelta(minutes=7 + n)))
    result = dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources=resources)
    (valid,) = [e for e in result.get_asset_check_evaluations() if e.check_name == "events_are_valid"]
    assert valid.passed, valid.metadata
    assert valid.metadata["card_numbers_found"].value == []
    # The references were stored as they came (kept by the masker), where the check scans: it saw them.
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        key = WINDOW.partition_key
        raw = "\n".join(r for (r,) in conn.execute("SELECT data FROM raw_lake_batch WHERE partition_key = %s", (key,)))
        ids = {r for (r,) in conn.execute(
            "SELECT provider_transaction_id FROM normalized_events WHERE partition_key = %s AND provider = 'adyen'",
            (key,))}
    assert all(ref in raw for ref in ADYEN_REFERENCES)
    assert set(ADYEN_REFERENCES) & ids, ids


def test_a_real_card_number_in_a_stored_column_fails_the_check_naming_row_and_column(materialized, warehouse_url):
    lake_id = one_event(warehouse_url)
    card = "5500 0055 5555 5559"
    assert _luhn(card.replace(" ", ""))
    warehouse_execute(warehouse_url, "UPDATE normalized_events SET raw_reason_code = %s WHERE lake_id = %s",
                      (f"declined: card {card}", lake_id))
    warehouse_execute(warehouse_url, "UPDATE normalized_events SET provider_transaction_id = %s WHERE lake_id = %s",
                      (LUHN_VALID_REFERENCE, lake_id))  # an id in its place: not reported
    evaluation = run_check(materialized, events_are_valid)
    assert not evaluation.passed
    assert evaluation.metadata["problems"].value == {"card_numbers_stored": 1}
    assert evaluation.metadata["card_numbers_found"].value == [
        {"table": "normalized_events", "column": "raw_reason_code", "lake_id": lake_id,
         "partition_key": WINDOW.partition_key}]


def test_the_check_accepts_every_amount_the_normalizer_accepts(materialized, warehouse_url):
    assert MAX_SANE_AMOUNT_MINOR == MAX_MINOR_UNITS
    warehouse_execute(warehouse_url, "UPDATE normalized_events SET amount_minor = %s WHERE lake_id = %s",
                      (MAX_MINOR_UNITS, one_event(warehouse_url)))
    assert run_check(materialized, events_are_valid).passed


# --- what a failing blocking check stops --------------------------------------------------------------------

_calls = itertools.count()


def add_lake_row(lake_url: str, lake_id: uuid.UUID) -> None:
    with psycopg.connect(lake_url) as conn:
        conn.execute(
            "INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, NULL, %s) "
            "ON CONFLICT (id) DO NOTHING",
            (lake_id, '{"provider": "stripe", "status": "succeeded"}', WINDOW.start + timedelta(hours=1)))


class LateArrivalLake(LakeDatabase):
    """A lake that receives one more row of the window just before its ``arrive_on_count``-th count.

    The checks are the only callers of ``count_window`` in a run (snapshot_matches_lake first, then
    window_conserves_lake_rows), so 1 makes the row arrive after the snapshot was taken, 2 after the
    snapshot check passed but before the conservation check.
    """

    arrive_on_count: int = 1
    late_row_id: str = ""

    def count_window(self, start, end):
        if next(_calls) + 1 == self.arrive_on_count:
            add_lake_row(self.conninfo, uuid.UUID(self.late_row_id))
        return super().count_window(start, end)


def materialize_with_late_row(resources, lake_url, arrive_on_count: int, instance: dg.DagsterInstance):
    global _calls
    _calls = itertools.count()
    lake = LateArrivalLake(url=lake_url, arrive_on_count=arrive_on_count, late_row_id=str(uuid.uuid4()))
    return dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources={**resources, "lake": lake},
                          instance=instance, raise_on_error=False)


def materialized_assets(result: dg.ExecuteInProcessResult) -> set[str]:
    return {event.asset_key.to_user_string() for event in result.get_asset_materialization_events()}


def latest_materializations(instance: dg.DagsterInstance) -> set[str]:
    return {asset.key.to_user_string() for asset in ASSETS
            if instance.get_latest_materialization_event(asset.key) is not None}


def test_a_failing_snapshot_check_stops_every_stage_after_the_snapshot(resources, lake_url):
    with dg.DagsterInstance.ephemeral() as instance:
        result = materialize_with_late_row(resources, lake_url, arrive_on_count=1, instance=instance)
        assert not result.success
        evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
        assert evaluations == {"snapshot_matches_lake": False}
        assert materialized_assets(result) == {"raw_lake_batch"}
        assert latest_materializations(instance) == {"raw_lake_batch"}


def test_a_failing_conservation_check_stops_the_lifecycle_and_the_metrics(resources, lake_url, warehouse_url):
    with dg.DagsterInstance.ephemeral() as instance:
        result = materialize_with_late_row(resources, lake_url, arrive_on_count=2, instance=instance)
        assert not result.success
        evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
        assert evaluations["snapshot_matches_lake"] is True
        assert evaluations["window_conserves_lake_rows"] is False
        stopped = {"payment_lifecycle", "approval_metrics", "payment_metrics", "failure_reason_metrics"}
        assert materialized_assets(result) == {"raw_lake_batch", "parsed_payloads", "learned_mappings",
                                             "normalized_events"}
        assert not latest_materializations(instance) & stopped
    with psycopg.connect(warehouse_url) as conn:  # and nothing was published for the window
        conn.execute("SET search_path TO payobs")
        for table in ("attempts", "payments", "approval_metrics", "payment_metrics", "failure_reason_metrics"):
            rows = conn.execute(f"SELECT count(*) FROM {table} WHERE partition_key = %s",
                                (WINDOW.partition_key,)).fetchone()[0]
            assert rows == 0, table
