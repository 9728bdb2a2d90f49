"""Sensors on real PostgreSQL: due retries and late lake rows request runs of their windows."""

import uuid
from datetime import datetime, timedelta, timezone

import dagster as dg
import psycopg
import pytest
from psycopg.types.json import Jsonb

from payobs_pipeline.automation.sensors import late_arrival_sensor, unprocessed_retry_sensor
from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 3, tzinfo=timezone.utc)
WINDOW = Window.containing(START)


@pytest.fixture
def materialized(lake_url, warehouse_url):
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=800, start=START, windows=1, seed=13)
        # A shape nothing can describe yet: deferred, so retried later (a new mapping may fix it).
        conn.execute("INSERT INTO raw_transactions (id, data, created_at) VALUES (%s, %s, %s)",
                     (uuid.uuid4(), Jsonb({"ref": "Q-1", "flag": "zz"}), START + timedelta(hours=1)))
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    assert dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources=resources).success
    return resources


def evaluate(sensor, resources):
    with dg.build_sensor_context(resources=resources) as context:
        return sensor(context)


def test_retry_sensor_requests_a_window_only_when_its_unprocessed_events_are_due(materialized, warehouse_url):
    assert isinstance(evaluate(unprocessed_retry_sensor, materialized), dg.SkipReason)  # backoff not over
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        due = conn.execute("UPDATE unprocessed_events SET next_attempt_at = now() - interval '1 minute' "
                           "WHERE state = 'RETRYING'").rowcount
    assert due > 0
    requests = evaluate(unprocessed_retry_sensor, materialized)
    assert [r.partition_key for r in requests] == [WINDOW.partition_key]
    assert requests[0].tags["payobs/due_events"] == str(due)


def test_late_arrival_sensor_requests_a_window_that_got_new_lake_rows(materialized, lake_url):
    assert isinstance(evaluate(late_arrival_sensor, materialized), dg.SkipReason)
    with psycopg.connect(lake_url) as conn:
        conn.execute(
            "INSERT INTO raw_transactions (id, data, created_at) VALUES (%s, %s, %s)",
            (uuid.uuid4(), Jsonb({"status": "approved"}), WINDOW.start + timedelta(hours=3)),
        )
    requests = evaluate(late_arrival_sensor, materialized)
    assert [r.partition_key for r in requests] == [WINDOW.partition_key]
    assert requests[0].tags["payobs/late_rows"] == "1"
