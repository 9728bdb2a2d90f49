"""Retries that mean something, on real PostgreSQL with the real sensor and assets.

An unprocessed row is retried only when its backoff is over, a mapping of its shape became active, the LLM
it waits for is usable again, the built-in mappings changed, or an operator requeued it; only such a due
retry counts an attempt (payobs_pipeline/warehouse/unprocessed.py).
"""

import io
import json
import uuid
from datetime import datetime, timedelta, timezone

import dagster as dg
import psycopg
import pytest
from click.testing import CliRunner
from psycopg.types.json import Jsonb

from payobs_pipeline import cli
from payobs_pipeline.automation.sensors import MAX_FAILED_RETRY_RUNS, unprocessed_retry_sensor
from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.warehouse import unprocessed
from payobs_pipeline.windows import Window
from payobs_pipeline_tests.llm_server import answer

START = datetime(2026, 11, 5, tzinfo=timezone.utc)
WINDOW = Window.containing(START)
OTHER = Window.containing(START + timedelta(hours=12))
# A shape nothing describes: deferred and RETRYING (a mapping may fix it); its first attempt is the first run.
UNKNOWN = {"ref": "Q-1", "flag": "OK", "cents": 1250, "ccy": "EUR"}
SHAPE = shape_fingerprint(UNKNOWN)
ACME = {"provider": "acme", "amount_unit": "minor",
        "fields": {"status": ["flag"], "amount": ["cents"], "currency": ["ccy"], "provider_transaction_id": ["ref"]},
        "status_map": {"ok": "APPROVED"}}


@pytest.fixture
def pipeline(lake_url, warehouse_url):
    """Two windows, each with one row of the unknown shape, materialized once."""
    ids = {}
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=200, start=START, windows=2, seed=21)
        for window in (WINDOW, OTHER):
            ids[window.partition_key] = uuid.uuid4()
            conn.execute("INSERT INTO raw_transactions (id, data, created_at) VALUES (%s, %s, %s)",
                         (ids[window.partition_key], Jsonb(UNKNOWN), window.start + timedelta(hours=1)))
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    instance = dg.DagsterInstance.ephemeral()
    for window in (WINDOW, OTHER):
        assert dg.materialize(PIPELINE, partition_key=window.partition_key, resources=resources,
                              instance=instance).success
    return {"resources": resources, "instance": instance, "ids": ids, "warehouse_url": warehouse_url,
            "lake_url": lake_url}


def db(p):
    conn = psycopg.connect(p["warehouse_url"], autocommit=True)
    conn.execute("SET search_path TO payobs")
    return conn


def row(p, window=WINDOW):
    with db(p) as conn:
        return conn.execute(
            "SELECT state, attempts, next_attempt_at, reason_code, mapping_version FROM unprocessed_events "
            "WHERE lake_id = %s", (p["ids"][window.partition_key],)).fetchone()


def sense(p):
    with dg.build_sensor_context(resources=p["resources"], instance=p["instance"]) as context:
        result = unprocessed_retry_sensor(context)
    return [] if isinstance(result, dg.SkipReason) else result


def run(p, request=None, partition_key=WINDOW.partition_key):
    """A run of the window as the daemon launches it for the request (tags included), or a plain rerun."""
    return dg.materialize(
        PIPELINE, partition_key=request.partition_key if request else partition_key, resources=p["resources"],
        instance=p["instance"], tags=request.tags if request else None, raise_on_error=False,
    )


def make_due(p, window=WINDOW):
    with db(p) as conn:
        conn.execute("UPDATE unprocessed_events SET next_attempt_at = now() - interval '1 minute' "
                     "WHERE lake_id = %s", (p["ids"][window.partition_key],))


def test_the_first_run_records_attempt_one_with_the_base_backoff_and_nothing_is_due(pipeline):
    state, attempts, next_at, reason, version = row(pipeline)
    assert (state, attempts, version) == ("RETRYING", 1, unprocessed.MAPPING_VERSION)
    assert timedelta(minutes=29) < next_at - datetime.now(timezone.utc) <= timedelta(minutes=30)
    assert sense(pipeline) == []


def test_a_rerun_before_the_row_is_due_counts_no_attempt_and_keeps_its_backoff(pipeline):
    before = row(pipeline)
    assert run(pipeline).success  # a manual rerun or a backfill of the window
    assert run(pipeline).success
    assert row(pipeline) == before
    assert sense(pipeline) == []


def test_a_due_retry_counts_one_attempt_and_doubles_the_backoff(pipeline):
    make_due(pipeline)
    [request] = sense(pipeline)
    assert request.partition_key == WINDOW.partition_key and request.tags["payobs/due_events"] == "1"
    assert run(pipeline, request).success
    state, attempts, next_at, _, _ = row(pipeline)
    assert (state, attempts) == ("RETRYING", 2)
    assert timedelta(minutes=59) < next_at - datetime.now(timezone.utc) <= timedelta(minutes=60)
    assert row(pipeline, OTHER)[1] == 1  # the other window's row was not due: untouched
    assert sense(pipeline) == []


def test_the_last_due_attempt_dead_letters_the_row(pipeline):
    for attempt in range(2, unprocessed.MAX_ATTEMPTS + 1):
        make_due(pipeline)
        [request] = sense(pipeline)
        assert run(pipeline, request).success
        assert row(pipeline)[1] == attempt
    state, attempts, next_at, _, _ = row(pipeline)
    assert (state, attempts, next_at) == ("DEAD_LETTER", unprocessed.MAX_ATTEMPTS, None)
    assert run(pipeline).success and row(pipeline)[:3] == (state, attempts, next_at)  # a rerun changes nothing
    assert sense(pipeline) == []


def test_approving_a_mapping_makes_its_shape_due_at_once_and_the_next_run_resolves_it(pipeline, monkeypatch):
    with db(pipeline) as conn:
        mapping_id = conn.execute(
            "INSERT INTO normalization_mappings (fingerprint, provider, spec, source, state) "
            "VALUES (%s, 'acme', %s, 'manual', 'proposed') RETURNING id", (SHAPE, json.dumps(ACME))).fetchone()[0]
    assert sense(pipeline) == []  # a proposal changes nothing
    monkeypatch.setenv("PAYOBS_WAREHOUSE_URL", pipeline["warehouse_url"])
    approved = CliRunner().invoke(cli.main, ["mappings", "approve", str(mapping_id)])
    assert approved.exit_code == 0, approved.output
    assert f"mapping {mapping_id} is active; 2 unprocessed rows of its shape are due now" in approved.output
    requests = sense(pipeline)
    assert sorted(r.partition_key for r in requests) == [WINDOW.partition_key, OTHER.partition_key]
    for request in requests:
        assert run(pipeline, request).success
    assert row(pipeline)[0] == row(pipeline, OTHER)[0] == "RESOLVED"
    with db(pipeline) as conn:
        assert conn.execute("SELECT count(*) FROM normalized_events WHERE lake_id = ANY(%s) "
                            "AND normalization_method = 'learned_mapping'",
                            (list(pipeline["ids"].values()),)).fetchone()[0] == 2
    assert sense(pipeline) == []


def test_a_mapping_activated_by_another_path_makes_its_shape_due(pipeline):
    """The learned_mappings stage may store an active mapping itself: no requeue, still due."""
    with db(pipeline) as conn:
        conn.execute("INSERT INTO normalization_mappings (fingerprint, provider, spec, source, state) "
                     "VALUES (%s, 'acme', %s, 'llm', 'active')", (SHAPE, json.dumps(ACME)))
    assert sorted(r.partition_key for r in sense(pipeline)) == [WINDOW.partition_key, OTHER.partition_key]
    assert run(pipeline, partition_key=WINDOW.partition_key).success  # any run of the window applies it
    assert row(pipeline)[0] == "RESOLVED"
    assert [r.partition_key for r in sense(pipeline)] == [OTHER.partition_key]


def test_a_changed_mapping_version_makes_rows_due_once(pipeline, monkeypatch):
    assert unprocessed.mapping_version([{"provider": "a"}]) != unprocessed.mapping_version([{"provider": "b"}])
    assert unprocessed.mapping_version() == unprocessed.MAPPING_VERSION  # stable in a process and across
    monkeypatch.setattr(unprocessed, "MAPPING_VERSION", "next-release")  # the code's built-in specs changed
    requests = sense(pipeline)
    assert sorted(r.partition_key for r in requests) == [WINDOW.partition_key, OTHER.partition_key]
    assert run(pipeline, requests[0]).success
    _, attempts, _, _, version = row(pipeline, Window.from_key(requests[0].partition_key))
    assert (attempts, version) == (2, "next-release")
    assert [r.partition_key for r in sense(pipeline)] == [requests[1].partition_key]


def test_rows_waiting_for_the_llm_become_due_when_a_run_sees_it_usable(pipeline, llm_server, monkeypatch):
    with db(pipeline) as conn:
        # As the normalize run records a row the LLM could not look at: no time backoff.
        conn.execute("UPDATE unprocessed_events SET reason_code = 'LLM_NOT_CONFIGURED', next_attempt_at = NULL "
                     "WHERE lake_id = %s", (pipeline["ids"][WINDOW.partition_key],))
        unprocessed.record_llm_status(conn, "LLM_NOT_CONFIGURED")
    assert sense(pipeline) == []
    with db(pipeline) as conn:
        unprocessed.record_llm_status(conn, None)  # a later run found the LLM usable
    [request] = sense(pipeline)
    assert request.partition_key == WINDOW.partition_key
    with db(pipeline) as conn:
        unprocessed.record_llm_status(conn, "LLM_UNAVAILABLE")  # and the next one found it down again
    assert sense(pipeline) == []
    with db(pipeline) as conn:
        unprocessed.record_llm_status(conn, None)
        assert conn.execute("SELECT available, reason_code FROM llm_status").fetchone() == (True, None)
    [request] = sense(pipeline)
    # The retry run's LLM is usable (a scripted server; its answer is garbage, so the shape stays unlearned).
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-retries")
    monkeypatch.setenv("PAYOBS_LLM_BASE_URL", llm_server.base_url)
    llm_server.script(answer("not a mapping"))
    assert run(pipeline, request).success
    assert row(pipeline)[:2] == ("RETRYING", 2)
    assert row(pipeline)[3] == "LLM_BAD_ANSWER"
    assert sense(pipeline) == []


def test_llm_reasons_wait_without_backoff_and_are_never_dead_lettered_for_waiting(pipeline):
    lake_id, window = uuid.uuid4(), type("W", (), {"partition_key": WINDOW.partition_key})()

    def record(reason):
        spool = io.StringIO(f"{lake_id},{WINDOW.partition_key},normalize,{reason},,,{SHAPE}\n")
        with db(pipeline) as conn, conn.transaction():
            unprocessed.reconcile_window(conn, window, spool)
            return conn.execute("SELECT state, attempts, next_attempt_at FROM unprocessed_events "
                                "WHERE lake_id = %s", (lake_id,)).fetchone()

    assert record("LLM_OFF") == ("RETRYING", 1, None)
    assert record("LLM_OFF") == ("RETRYING", 1, None)  # not due: no attempt
    for attempt in range(2, unprocessed.MAX_ATTEMPTS + 3):
        with db(pipeline) as conn:
            conn.execute("UPDATE unprocessed_events SET next_attempt_at = now() WHERE lake_id = %s", (lake_id,))
        assert record("LLM_BUDGET_EXHAUSTED") == ("RETRYING", attempt, None)


def test_a_failed_retry_run_leaves_its_rows_due_and_they_are_requested_again(pipeline):
    make_due(pipeline)
    [first] = sense(pipeline)
    assert [r.run_key for r in sense(pipeline)] == [first.run_key]  # same due state, same key: one run
    with psycopg.connect(pipeline["lake_url"], autocommit=True) as lake:
        lake.execute("ALTER TABLE raw_transactions RENAME TO raw_transactions_away")
        try:
            failed = run(pipeline, first)
        finally:
            lake.execute("ALTER TABLE raw_transactions_away RENAME TO raw_transactions")
    assert not failed.success
    assert row(pipeline)[:2] == ("RETRYING", 1)  # the failed run counted nothing
    [again] = sense(pipeline)
    assert again.partition_key == WINDOW.partition_key and again.run_key != first.run_key
    assert run(pipeline, again).success
    assert row(pipeline)[:2] == ("RETRYING", 2)
    assert sense(pipeline) == []


def test_a_window_whose_retry_runs_keep_failing_is_not_retried_forever(pipeline):
    make_due(pipeline)
    keys = []
    with psycopg.connect(pipeline["lake_url"], autocommit=True) as lake:
        lake.execute("ALTER TABLE raw_transactions RENAME TO raw_transactions_away")
        try:
            for _ in range(MAX_FAILED_RETRY_RUNS):
                [request] = sense(pipeline)
                keys.append(request.run_key)
                assert not run(pipeline, request).success
        finally:
            lake.execute("ALTER TABLE raw_transactions_away RENAME TO raw_transactions")
    assert len(set(keys)) == MAX_FAILED_RETRY_RUNS  # each failure was retried under a new key
    with dg.build_sensor_context(resources=pipeline["resources"], instance=pipeline["instance"]) as context:
        result = unprocessed_retry_sensor(context)
    assert isinstance(result, dg.SkipReason)
    assert WINDOW.partition_key in result.skip_message and "failed" in result.skip_message
    assert row(pipeline)[:2] == ("RETRYING", 1)  # still due, kept: nothing is dropped


@pytest.mark.parametrize("selector, column", [("reason", "reason_code"), ("fingerprint", "fingerprint"),
                                              ("partition", "partition_key"), ("lake-id", "lake_id::text")])
def test_requeue_by_each_selector_makes_matching_unresolved_rows_due_now(pipeline, monkeypatch, selector, column):
    lake_id = pipeline["ids"][WINDOW.partition_key]
    with db(pipeline) as conn:  # the row was dead-lettered (exhausted) under a reason of its own
        conn.execute("UPDATE unprocessed_events SET state = 'DEAD_LETTER', next_attempt_at = NULL, attempts = 5, "
                     "reason_code = 'EXHAUSTED_FOR_TEST' WHERE lake_id = %s", (lake_id,))
    assert sense(pipeline) == []
    value = {"reason": "EXHAUSTED_FOR_TEST", "fingerprint": SHAPE, "partition": WINDOW.partition_key,
             "lake-id": str(lake_id)}[selector]
    with db(pipeline) as conn:
        expected = conn.execute(f"SELECT count(*) FROM unprocessed_events WHERE state <> 'RESOLVED' "
                                f"AND {column} = %s", (value,)).fetchone()[0]
    assert expected == {"reason": 1, "fingerprint": 2, "lake-id": 1}.get(selector, expected)
    monkeypatch.setenv("PAYOBS_WAREHOUSE_URL", pipeline["warehouse_url"])
    outcome = CliRunner().invoke(cli.main, ["unprocessed", "requeue", f"--{selector}", value])
    assert outcome.exit_code == 0, outcome.output
    assert f"requeued {expected} rows" in outcome.output
    state, attempts, next_at, _, _ = row(pipeline)
    assert (state, attempts) == ("RETRYING", 0) and next_at <= datetime.now(timezone.utc)
    [request] = [r for r in sense(pipeline) if r.partition_key == WINDOW.partition_key]
    assert run(pipeline, request).success
    assert row(pipeline)[:2] == ("RETRYING", 1)  # a new chance: the requeued row counts from one again


def test_the_code_mapping_version_is_the_same_in_every_process():
    # A deferred row is due again when its mapping_version differs from the code's: a version that followed
    # Python's per-process string hashing (a spec built from a set) made every new process retry every row.
    import os
    import subprocess
    import sys

    code = "from payobs_pipeline.warehouse.unprocessed import mapping_version; print(mapping_version())"
    versions = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2", "3")}
    assert len(versions) == 1 and len(versions.pop()) == 16
