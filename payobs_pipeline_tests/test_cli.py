"""The `payobs` command as an operator runs it, on real PostgreSQL databases."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psutil
import psycopg
import pytest

from payobs_pipeline import settings
from payobs_pipeline_tests.test_views import MONDAY, W1, W3, W4, seed_analyst_warehouse

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

    summary = payobs(environment, "metrics", "summary", "--format", "table")
    assert summary.returncode == 0, summary.stderr
    assert "stripe" in summary.stdout and "Top failure reasons" in summary.stdout

    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        attempts = conn.execute("SELECT sum(attempts) FROM approval_metrics").fetchone()[0]
    overall = next(line for line in summary.stdout.splitlines() if line.startswith("Overall:"))
    assert f"{attempts:,} attempts" in overall

    piped = payobs(environment, "metrics", "summary")  # stdout is a pipe: CSV, the total in an ALL row
    assert piped.returncode == 0, piped.stderr
    rows = list(csv.DictReader(io.StringIO(piped.stdout)))
    assert rows[-1]["provider"] == "ALL" and int(rows[-1]["attempts"]) == attempts
    assert sum(int(r["attempts"]) for r in rows[:-1]) == attempts

    # The runs went to Dagster's Postgres storage configured by dagster.yaml, as runs of the pipeline's own job
    # (not __ephemeral_asset_job__), each tagged with its window and its trigger like a schedule's run.
    with psycopg.connect(settings.libpq_url(environment["PAYOBS_DAGSTER_PG_URL"])) as conn:
        runs = conn.execute(
            "SELECT r.pipeline_name, r.status, p.value, t.value FROM runs r "
            "JOIN run_tags p ON p.run_id = r.run_id AND p.key = 'dagster/partition' "
            "JOIN run_tags t ON t.run_id = r.run_id AND t.key = 'payobs/trigger' ORDER BY p.value").fetchall()
        total = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    assert runs == [("payobs_window_job", "SUCCESS", "2026-11-01-00:00", "cli"),
                    ("payobs_window_job", "SUCCESS", "2026-11-01-12:00", "cli")]
    assert total == 2


def test_materialize_rejects_a_key_that_is_not_a_window(environment):
    run = payobs(environment, "materialize", "--partition", "2026-11-01-06:00")
    assert run.returncode != 0
    assert "not a window key" in run.stderr


def test_materialize_refuses_a_window_before_the_first_one_and_names_the_setting(environment):
    early = payobs({**environment, "PAYOBS_FIRST_WINDOW": "2026-11-01-12:00"}, "materialize", "--partition",
                   "2026-11-01-00:00")
    assert early.returncode == 2  # a usage error, before any database is touched
    assert ("window 2026-11-01-00:00 is before the partition set's first window 2026-11-01-12:00: set "
            "PAYOBS_FIRST_WINDOW to an earlier window") in early.stderr
    with psycopg.connect(settings.libpq_url(environment["PAYOBS_DAGSTER_PG_URL"])) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'runs'").fetchone()[0]
    assert tables == 0


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
    from payobs_pipeline import cli

    monkeypatch.setenv("PAYOBS_LAKE_URL", "postgresql://u:p@h/lake")
    monkeypatch.setenv("PAYOBS_WAREHOUSE_URL", "postgresql://u:p@h/wh")
    monkeypatch.setenv("PAYOBS_WAREHOUSE_SCHEMA", "payobs")
    for exported in ("PAYOBS_DAGSTER_ARTIFACTS", "PAYOBS_DAGSTER_COMPUTE_LOGS"):
        monkeypatch.setenv(exported, "")  # export_environment sets them: restored after the test
    for given in ("postgresql://u:p@h/db", "postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"):
        monkeypatch.setenv("PAYOBS_DAGSTER_PG_URL", given)
        assert settings.psycopg2_url(given) == "postgresql+psycopg2://u:p@h/db"
        assert cli.export_environment()["PAYOBS_DAGSTER_PG_URL"] == "postgresql+psycopg2://u:p@h/db"
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


# --- the analyst's commands on a hand-seeded warehouse (test_views.py: figures worked out there) ---------


def test_metrics_commands_answer_in_csv_json_and_tables(environment, tmp_path):
    seed_analyst_warehouse(environment["PAYOBS_WAREHOUSE_URL"])

    def run(*arguments: str) -> str:
        result = payobs(environment, *arguments)
        assert result.returncode == 0, result.stderr
        return result.stdout

    # Monday's two windows, by key and by date: stripe 150 / 200 approved (0.75), adyen 20 / 40.
    for bounds in (("--from", W3, "--to", W4), ("--from", str(MONDAY), "--to", str(MONDAY))):
        by_provider = {r["provider"]: r for r in json.loads(run("metrics", "providers", *bounds, "--format", "json"))}
        assert by_provider["stripe"]["attempts"] == 200 and by_provider["stripe"]["approval_rate"] == 0.75
        assert by_provider["adyen"]["approval_rate"] == 0.5
        assert by_provider["ALL"]["attempts"] == 240 and by_provider["ALL"]["declined_amount_usd"] == 1610.0
    only = json.loads(run("metrics", "providers", "--from", W3, "--to", W4, "--provider", "adyen",
                          "--format", "json"))
    assert [r["provider"] for r in only] == ["adyen", "ALL"]

    weekly = list(csv.DictReader(io.StringIO(run("metrics", "providers", "--by", "week", "--provider", "stripe"))))
    assert [(r["attempts"], r["approval_rate"]) for r in weekly] == [("100", "0.81"), ("200", "0.75")]
    assert all(re.fullmatch(r"\d{4}-W\d{2}", r["iso_week"]) for r in weekly)

    reasons = json.loads(run("metrics", "reasons", "--from", W3, "--to", W4, "--provider", "stripe",
                             "--format", "json"))
    funds = next(r for r in reasons if r["failure_reason"] == "INSUFFICIENT_FUNDS")
    assert (funds["failures"], funds["amount_usd"]) == (25, 250.0)
    assert funds["share_of_failures"] == 0.5 and funds["share_of_attempts"] == 0.125  # 25 of 50; of 200
    by_country = list(csv.DictReader(io.StringIO(run("metrics", "reasons", "--by-country", "--from", W3,
                                                     "--to", W3))))
    assert (by_country[0]["provider"], by_country[0]["country"], by_country[0]["failure_reason"],
            by_country[0]["failures"]) == ("stripe", "US", "INSUFFICIENT_FUNDS", "3")

    health = json.loads(run("metrics", "health", "--format", "json"))
    assert [(a["provider"], a["window"], a["top_grown_reason"]) for a in health["alerts"]] == \
        [("adyen", W3, "SUSPECTED_FRAUD")]
    assert {(h["provider"], h["flagged"]) for h in health["health"]} == {("adyen", True), ("stripe", False)}
    flagged = list(csv.DictReader(io.StringIO(run("metrics", "health", "--flagged"))))
    assert [r["provider"] for r in flagged] == ["adyen"]

    table = run("metrics", "summary", "--from", W3, "--to", W4, "--format", "table")
    stripe_line = next(line for line in table.splitlines() if line.startswith("stripe"))
    assert "200" in stripe_line and "75.00%" in stripe_line  # an aligned rich table, rates in percent
    assert "Overall: 240 attempts, approval rate 70.83%" in table  # 170 / 240

    bad = payobs(environment, "metrics", "providers", "--from", "last tuesday")
    assert bad.returncode != 0 and "window key" in bad.stderr
    backwards = payobs(environment, "metrics", "reasons", "--from", W4, "--to", W3)
    assert backwards.returncode != 0 and "is before --from" in backwards.stderr

    out = tmp_path / "out" / "report.html"
    written = run("report", "--from", str(W1[:10]), "--to", W4, "--out", str(out))
    assert str(out) in written and out.read_text().count("class='series'") == 2


def test_fx_load_replaces_and_extends_rates_all_or_nothing(environment, tmp_path):
    good = tmp_path / "rates.csv"
    good.write_text("rate_date,currency,usd_rate,source\n2026-11-02,EUR,1.2345,test\n2026-11-02,XYZ,1,test\n")
    refused = payobs(environment, "fx", "load", str(good))
    assert refused.returncode != 0 and "line 3" in refused.stderr  # XYZ is no currency: nothing loaded
    good.write_text("rate_date,currency,usd_rate,source\n2026-11-02,EUR,1.2345,test\n2031-01-05,BRL,0.2,test\n")
    loaded = payobs(environment, "fx", "load", str(good))
    assert loaded.returncode == 0, loaded.stderr
    assert "2 rates loaded" in loaded.stdout
    with psycopg.connect(environment["PAYOBS_WAREHOUSE_URL"]) as conn:
        conn.execute("SET search_path TO payobs")
        rates = dict(conn.execute("SELECT currency || ' ' || rate_date, usd_rate::text || ' ' || source "
                                  "FROM fx_rates WHERE source = 'test'").fetchall())
    assert rates == {"EUR 2026-11-02": "1.234500000000 test", "BRL 2031-01-05": "0.200000000000 test"}


def test_demo_shows_progress_bars_and_keeps_dagsters_log_in_a_file(environment):
    demo = payobs(environment, "demo", "--rows", "1500", "--windows", "2")
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "STEP_SUCCESS" not in demo.stderr and "dagster - DEBUG" not in demo.stderr  # no event log
    assert re.search(r"lake: 1,500 new rows seeded .*1500/1500", demo.stderr)
    assert len(re.findall(r"lake rows, \d+ events, \d+ unprocessed .*━", demo.stderr)) == 2  # a bar per window
    assert "Top failure reasons" in demo.stdout and "Health:" in demo.stdout
    # the windows end with the last day the shipped exchange rates cover for every currency the lake produces
    # (the earliest of those currencies' newest rate_date), so all attempts get USD amounts: the 2 windows are
    # that day's 00:00 and 12:00
    rates = Path(__file__).resolve().parents[1] / "payobs_pipeline" / "warehouse" / "fx_reference_rates.csv"
    newest: dict[str, str] = {}
    for line in rates.read_text().splitlines()[1:]:
        day, currency = line.split(",")[:2]
        if currency in {"EUR", "GBP", "CAD", "AUD", "BRL", "MXN", "ARS", "COP", "CLP", "PEN", "JPY", "INR",
                        "KWD", "IDR"}:
            newest[currency] = max(newest.get(currency, day), day)
    last_day = min(newest.values())
    assert f"demo windows end on {last_day} (24:00 UTC), the last day the shipped exchange rates cover for " \
        "every currency" in demo.stderr
    assert f"({last_day}-00:00 .. {last_day}-12:00)" in demo.stderr
    converted, with_amount = (int(n.replace(",", "")) for n in re.search(
        r"USD amounts: ([\d,]+) of ([\d,]+) attempts with an amount", demo.stdout).groups())
    assert 0 < converted == with_amount
    log = Path(re.search(r"Dagster's event log of these runs: (\S+)", demo.stdout).group(1))
    assert log.parent == Path(environment["PAYOBS_HOME"]) / "logs"
    assert log.read_text().count("STEP_SUCCESS") >= 2 * 8
    report = Path(re.search(r"Report: (\S+)", demo.stdout).group(1))
    assert report.exists() and "<svg" in report.read_text()


def test_db_status_and_stop_follow_the_embedded_server(tmp_path_factory):
    """`payobs db status|stop` on a fresh PAYOBS_HOME: not running; started (by embedded_postgres) running;
    stopped. Reading the settings starts nothing."""
    home = tmp_path_factory.mktemp("db")  # short: the server's Unix socket lives in pgdata
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("PAYOBS_", "DAGSTER_", "OPENAI_"))},
           "PAYOBS_HOME": str(home)}
    pgdata = home / "pgdata"
    fresh = payobs(env, "db", "status")
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout.splitlines() == [f"embedded PostgreSQL in {pgdata}: not running"]
    assert not pgdata.exists()  # status never starts a server (nor creates its directory)

    read = subprocess.run([sys.executable, "-c", "from payobs_pipeline import settings; "
                           "print(settings.database_url(settings.LAKE), settings.warehouse_schema())"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert read.returncode == 0, read.stderr
    assert read.stdout.split() == ["None", "payobs"]
    assert not pgdata.exists()  # reading the configuration started nothing

    started = subprocess.run([sys.executable, "-c", "from payobs_pipeline import embedded_postgres, settings; "
                              "print(embedded_postgres.resolve_url(settings.LAKE))"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    try:
        assert started.returncode == 0, started.stderr
        pid = int((pgdata / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, 0)  # alive
        running = payobs(env, "db", "status")
        assert running.returncode == 0, running.stderr
        lines = running.stdout.splitlines()
        assert lines[0] == f"embedded PostgreSQL in {pgdata}: running"
        assert f"  pid       {pid}" in lines
        uri = next(line.split()[1] for line in lines if line.startswith("  uri "))
        assert uri == f"postgresql://postgres:@/postgres?host={pgdata}"
        with psycopg.connect(uri) as conn:  # the URI shown reaches the server, which holds what was listed
            names = [r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE NOT datistemplate "
                                                "ORDER BY datname")]
        assert "payobs_lake" in names
        assert f"  databases {', '.join(names)}" in lines
        port = next(line.split()[1] for line in lines if line.startswith("  port "))
        assert port == (pgdata / "postmaster.pid").read_text().splitlines()[3].strip()
    finally:
        stopped = payobs(env, "db", "stop")
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.splitlines() == [f"embedded PostgreSQL in {pgdata}: stopped (was pid {pid})"]
    # Gone (or a zombie waiting for its reaper: the server was a daemon, its parent exited long ago).
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert not (pgdata / "postmaster.pid").exists()
    after = payobs(env, "db", "status")
    assert after.stdout.splitlines() == [f"embedded PostgreSQL in {pgdata}: not running"]
    again = payobs(env, "db", "stop")
    assert again.returncode == 0 and again.stdout.splitlines() == [
        f"embedded PostgreSQL in {pgdata}: not running, nothing to stop"]
