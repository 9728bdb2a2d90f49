"""The `payobs` command as an operator runs it, on real PostgreSQL databases."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from payobs_pipeline import settings

ROOT = Path(__file__).resolve().parents[1]
PAYOBS = str(Path(sys.executable).with_name("payobs"))


@pytest.fixture
def environment(fresh_database, tmp_path) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PAYOBS_", "DAGSTER_", "OPENAI_"))},
        "PAYOBS_LAKE_URL": fresh_database("lake"),
        "PAYOBS_WAREHOUSE_URL": fresh_database("wh"),
        "PAYOBS_DAGSTER_PG_URL": fresh_database("dagster"),
        "PAYOBS_HOME": str(tmp_path),
    }


def payobs(environment: dict, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([PAYOBS, *arguments], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=600)


def test_seed_materialize_and_summarize_a_window(environment):
    seeded = payobs(environment, "lake", "seed", "--rows", "3000", "--start", "2026-11-01T00:00:00Z",
                    "--windows", "2", "--seed", "3")
    assert seeded.returncode == 0, seeded.stderr
    assert "3,000 rows" in seeded.stderr

    run = payobs(environment, "materialize", "--from", "2026-11-01-00:00", "--to", "2026-11-01-12:00")
    assert run.returncode == 0, run.stderr
    assert "[2/2] 2026-11-01-12:00" in run.stderr  # progress per window

    summary = payobs(environment, "metrics", "summary")
    assert summary.returncode == 0, summary.stderr
    assert "stripe" in summary.stdout and "Top failure reasons" in summary.stdout

    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        attempts = conn.execute("SELECT sum(attempts) FROM approval_metrics").fetchone()[0]
    overall = next(line for line in summary.stdout.splitlines() if line.startswith("Overall:"))
    assert f"{attempts:,} attempts" in overall

    # The runs went to Dagster's Postgres storage configured by dagster.yaml.
    with psycopg.connect(settings.libpq_url(environment["PAYOBS_DAGSTER_PG_URL"])) as conn:
        runs = conn.execute("SELECT count(*) FROM runs WHERE status = 'SUCCESS'").fetchone()[0]
    assert runs == 2


def test_materialize_rejects_a_key_that_is_not_a_window(environment):
    run = payobs(environment, "materialize", "--partition", "2026-11-01-06:00")
    assert run.returncode != 0
    assert "not a window key" in run.stderr


def test_doctor_reports_every_check_and_fails_on_a_dead_database(environment):
    healthy = payobs(environment, "lake", "seed", "--rows", "10", "--start", "2026-11-01T00:00:00Z")
    assert healthy.returncode == 0, healthy.stderr
    doctor = payobs(environment, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    for check in ("lake database", "warehouse migrations", "dagster storage", "unprocessed backlog", "LLM"):
        assert f"ok    {check}" in doctor.stdout
    assert "not configured" in doctor.stdout  # no OPENAI_API_KEY here

    broken = {**environment, "PAYOBS_LAKE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    doctor = payobs(broken, "doctor")
    assert doctor.returncode == 1
    assert "FAIL  lake database" in doctor.stdout


def test_dagster_storage_url_always_names_psycopg2(monkeypatch):
    for given in ("postgresql://u:p@h/db", "postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"):
        monkeypatch.setenv("PAYOBS_DAGSTER_PG_URL", given)
        assert settings.dagster_storage_url() == "postgresql+psycopg2://u:p@h/db"
    assert settings.libpq_url("postgresql+psycopg2://u:p@h/db") == "postgresql://u:p@h/db"
    assert settings.redact("postgresql://user:secret@h/db") == "postgresql://user:***@h/db"


def test_unprocessed_rows_are_listed_and_dead_letters_requeued(environment):
    assert payobs(environment, "lake", "seed", "--rows", "1500", "--start", "2026-11-01T00:00:00Z",
                  "--windows", "1", "--seed", "4").returncode == 0
    assert payobs(environment, "materialize", "--partition", "2026-11-01-00:00").returncode == 0
    listed = payobs(environment, "unprocessed", "list", "--state", "DEAD_LETTER")
    assert listed.returncode == 0 and "DEAD_LETTER" in listed.stdout
    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        dead, lake_id = conn.execute("SELECT count(*), min(lake_id::text) FROM unprocessed_events "
                                     "WHERE state = 'DEAD_LETTER'").fetchone()
    shown = payobs(environment, "events", "show", lake_id)
    assert shown.returncode == 0 and "unprocessed" in shown.stdout
    requeued = payobs(environment, "unprocessed", "requeue", "--state", "DEAD_LETTER")  # bare: every unresolved row
    assert f"requeued {dead} rows" in requeued.stdout
    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        left = conn.execute("SELECT count(*) FROM unprocessed_events WHERE state = 'DEAD_LETTER'").fetchone()[0]
    assert dead > 0 and left == 0


def test_an_approved_manual_mapping_normalizes_its_shape_on_the_next_run(environment):
    import json
    import uuid

    from psycopg.types.json import Jsonb

    from payobs_pipeline.normalization.fingerprint import shape_fingerprint

    body = {"ref": "Q-1", "flag": "OK", "cents": 1250, "ccy": "EUR"}
    assert payobs(environment, "lake", "seed", "--rows", "10", "--start", "2026-11-01T00:00:00Z",
                  "--windows", "1").returncode == 0
    lake_id = uuid.uuid4()
    with psycopg.connect(environment["PAYOBS_LAKE_URL"]) as conn:
        conn.execute("INSERT INTO raw_transactions (id, data, created_at) VALUES (%s, %s, '2026-11-01T03:00Z')",
                     (lake_id, Jsonb(body)))
    assert payobs(environment, "materialize", "--partition", "2026-11-01-00:00").returncode == 0
    spec = {"provider": "acme", "amount_unit": "minor",
            "fields": {"status": ["flag"], "amount": ["cents"], "currency": ["ccy"],
                       "provider_transaction_id": ["ref"]},
            "status_map": {"ok": "APPROVED"}}
    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        assert conn.execute("SELECT state FROM unprocessed_events WHERE lake_id = %s",
                            (lake_id,)).fetchone()[0] == "RETRYING"
        mapping_id = conn.execute(
            "INSERT INTO normalization_mappings (fingerprint, provider, spec, source, state) "
            "VALUES (%s, 'acme', %s, 'manual', 'proposed') RETURNING id",
            (shape_fingerprint(body), json.dumps(spec))).fetchone()[0]
    approved = payobs(environment, "mappings", "approve", str(mapping_id))
    assert f"mapping {mapping_id} is active" in approved.stdout
    assert payobs(environment, "materialize", "--partition", "2026-11-01-00:00").returncode == 0
    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        event = conn.execute("SELECT provider, status_category, amount_minor, normalization_method "
                             "FROM normalized_events WHERE lake_id = %s", (lake_id,)).fetchone()
        state = conn.execute("SELECT state FROM unprocessed_events WHERE lake_id = %s", (lake_id,)).fetchone()[0]
    assert event == ("acme", "APPROVED", 1250, "learned_mapping")
    assert state == "RESOLVED"


def test_eval_round_scores_with_and_without_the_provider_hint(tmp_path):
    # docs.stripe.com/api/charges/object: a succeeded charge of 20.00 EUR.
    charge = {"id": "ch_3Mtw00000000000000000000", "object": "charge", "amount": 2000, "currency": "eur",
              "status": "succeeded", "paid": True, "captured": True}
    case = {"name": "charge_succeeded", "source": "docs.stripe.com/api/charges/object", "hint": "Stripe",
            "data": charge, "expected": {"provider": "stripe", "status_category": "APPROVED",
                                         "amount_minor": 2000, "currency": "EUR"}}
    (tmp_path / "stripe.json").write_text(json.dumps([case]))
    result = subprocess.run([PAYOBS, "eval", "--round", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "with a provider hint: 1/1 payment payloads normalized" in result.stdout
    assert "without a provider hint: 1/1 payment payloads normalized" in result.stdout
