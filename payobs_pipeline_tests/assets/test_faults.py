"""Faults that really happen, on real connections: a lake, a warehouse or Dagster's storage cut mid-run.

Each database is reached through a ``FaultProxy`` (payobs_pipeline_tests/faults.py)
that resets connections, refuses new ones or stalls. Whatever happens, a window
is never visible half-written (a watcher polls the warehouse during the run), no
lake row is lost, and a rerun heals to exactly what an undisturbed run writes.
"""

import threading
from pathlib import Path
import time
from datetime import datetime, timezone

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.assets.checks import conservation
from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources import connection as connection_module
from payobs_pipeline.resources import warehouse as warehouse_module
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import seed_lake
from payobs_pipeline.windows import Window
from payobs_pipeline_tests.faults import FaultProxy

START = datetime(2026, 11, 2, tzinfo=timezone.utc)
WINDOW = Window.containing(START)
LAKE_COPY = b"COPY (SELECT id, data"  # LakeDatabase.stream_window
EVENTS_COPY = b'COPY "normalized_events"'  # normalized_events' write


@pytest.fixture
def proxies():
    """Make proxies to a database URL; all are closed, and their threads gone, after the test."""
    made: list[FaultProxy] = []

    def make(url: str) -> FaultProxy:
        made.append(FaultProxy(url))
        return made[-1]

    yield make
    for proxy in made:
        proxy.close()
    assert FaultProxy.live() == []


@pytest.fixture(autouse=True)
def fast_retries(monkeypatch):
    """The assets' transient-error backoff (5 s, 10 s, 20 s) shortened to 0.2 s, 0.4 s, 0.8 s."""
    monkeypatch.setattr(warehouse_module, "TRANSIENT_RETRY_BASE_SECONDS", 0.2)


@pytest.fixture(autouse=True)
def no_leftover_threads():
    before = {t.ident for t in threading.enumerate()}
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        extra = [t for t in threading.enumerate() if t.ident not in before and t.is_alive()]
        if not extra:
            return
        time.sleep(0.1)
    assert extra == [], f"threads left behind: {[t.name for t in extra]}"


def seed(lake_url: str, rows: int, seed: int) -> None:
    with psycopg.connect(lake_url) as conn:
        seed_lake(conn, rows=rows, start=START, windows=1, seed=seed)


def lake_ids(lake_url: str) -> list:
    with psycopg.connect(lake_url) as conn:
        return [row[0] for row in conn.execute(
            "SELECT id FROM raw_transactions WHERE created_at >= %s AND created_at < %s ORDER BY id",
            (WINDOW.start, WINDOW.end))]


def query(warehouse_url: str, statement: str, *args):
    with psycopg.connect(warehouse_url) as conn:
        exists = conn.execute("SELECT to_regclass('payobs.window_loads') IS NOT NULL").fetchone()[0]
        if not exists:
            return None
        conn.execute("SET search_path TO payobs")
        return conn.execute(statement, args).fetchall()


def window_counts(warehouse_url: str) -> dict[str, int]:
    """Rows of the window in every table a run writes (all 0 when the schema does not exist yet)."""
    tables = ["raw_lake_batch", "parsed_payloads", "normalized_events", "approval_metrics", "window_loads"]
    rows = query(warehouse_url, " UNION ALL ".join(
        f"SELECT '{t}', count(*) FROM {t} WHERE partition_key = %s" for t in tables
    ) + " UNION ALL SELECT 'unprocessed_events', count(*) FROM unprocessed_events "
        "WHERE partition_key = %s AND state <> 'RESOLVED'", *[WINDOW.partition_key] * (len(tables) + 1))
    return {t: 0 for t in [*tables, "unprocessed_events"]} if rows is None else dict(rows)


def window_rows(warehouse_url: str) -> dict:
    """The window's rows in every table, without the columns that record when they were written."""
    statements = {
        "raw_lake_batch": "SELECT * FROM raw_lake_batch WHERE partition_key = %s ORDER BY lake_id",
        "normalized_events": "SELECT * FROM normalized_events WHERE partition_key = %s ORDER BY lake_id",
        "unprocessed_events": "SELECT lake_id, stage, reason_code, detail, provider, fingerprint, state "
                              "FROM unprocessed_events WHERE partition_key = %s ORDER BY lake_id",
        "approval_metrics": "SELECT * FROM approval_metrics WHERE partition_key = %s "
                            "ORDER BY provider, merchant_id, country, payment_method",
        "failure_reason_metrics": "SELECT * FROM failure_reason_metrics WHERE partition_key = %s ORDER BY "
                                  "provider, status_category, failure_reason, failure_source, decline_type",
    }
    rows = {}
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        for table, statement in statements.items():
            cur = conn.execute(statement, (WINDOW.partition_key,))
            names = [c.name for c in cur.description]
            rows[table] = [{k: v for k, v in zip(names, row) if k not in ("normalized_at", "loaded_at")}
                           for row in cur.fetchall()]
    return rows


class Watcher:
    """Polls the window's counts on its own connection while a run goes on: what a reader could see."""

    def __init__(self, warehouse_url: str, statement: str) -> None:
        self.seen: set = set()
        self._url, self._statement = warehouse_url, statement
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, name="window-watcher")

    def _poll(self) -> None:
        with psycopg.connect(self._url, autocommit=True) as conn:
            conn.execute("SET search_path TO payobs")
            while not self._stop.is_set():
                self.seen.add(conn.execute(self._statement, (WINDOW.partition_key,)).fetchone())
                time.sleep(0.01)

    def __enter__(self) -> "Watcher":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def run(resources, selection=None, **kwargs) -> dg.ExecuteInProcessResult:
    return dg.materialize(PIPELINE, partition_key=WINDOW.partition_key, resources=resources, selection=selection,
                          raise_on_error=False, **kwargs)


def step_events(result, node: str, event_type: dg.DagsterEventType) -> list:
    return [e for e in result.all_node_events if e.node_name == node and e.event_type == event_type]


def failure_text(result, node: str) -> str:
    failure = result.failure_data_for_node(node)
    assert failure is not None, f"{node} did not fail"
    return failure.error.to_string()


def conserved(resources) -> bool:
    counts = conservation(resources["lake"], resources["warehouse"], [WINDOW])[WINDOW.partition_key]
    return counts["lake"] == counts["events"] + counts["unprocessed"] > 0


# --- the proxy itself ---------------------------------------------------------------------------


def test_the_proxy_forwards_cuts_refuses_and_stalls(postgres_server_url, proxies):
    proxy = proxies(postgres_server_url)
    with psycopg.connect(proxy.url()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
        assert proxy.drop() == 1
        with pytest.raises(psycopg.OperationalError):
            conn.execute("SELECT 1")
    proxy.refuse()
    with pytest.raises(psycopg.OperationalError, match="refused"):
        psycopg.connect(proxy.url(), connect_timeout=2)
    proxy.accept()
    proxy.stall()
    began = time.monotonic()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(proxy.url(), connect_timeout=1)
    assert time.monotonic() - began < 20  # bounded by connect_timeout, not a speed claim
    proxy.resume()
    with psycopg.connect(proxy.url()) as conn:
        proxy.drop_after(b"SELECT 'cut me'", then_bytes=0, direction="up")
        assert conn.execute("SELECT 'not me'").fetchone() == ("not me",)
        with pytest.raises(psycopg.OperationalError):
            conn.execute("SELECT 'cut me'")
    assert proxy.fired.wait(10)  # the proxy thread sets it just after cutting


# --- the lake -----------------------------------------------------------------------------------


def test_lake_down_at_start_fails_the_run_clearly_and_writes_nothing_then_a_rerun_heals(
    lake_url, warehouse_url, proxies
):
    seed(lake_url, rows=2_000, seed=3)
    proxy = proxies(lake_url)
    proxy.refuse()
    resources = {"lake": LakeDatabase(url=proxy.url()), "warehouse": WarehouseDatabase(url=warehouse_url)}

    began = time.monotonic()
    result = run(resources)
    assert not result.success
    assert time.monotonic() - began < 30
    # Retried as a transient error (3 times), then failed with the connection error as its cause.
    assert len(step_events(result, "raw_lake_batch", dg.DagsterEventType.STEP_UP_FOR_RETRY)) == 3
    assert "Connection refused" in failure_text(result, "raw_lake_batch")
    assert not result.get_asset_materialization_events()
    assert set(window_counts(warehouse_url).values()) == {0}

    proxy.accept()
    result = run(resources)
    assert result.success
    assert all(e.passed for e in result.get_asset_check_evaluations())
    assert conserved(resources)
    assert [r["lake_id"] for r in window_rows(warehouse_url)["raw_lake_batch"]] == lake_ids(lake_url)


@pytest.mark.parametrize("stalled", ["lake", "warehouse"])
def test_a_server_that_accepts_but_never_answers_fails_the_run_in_bounded_time_then_a_rerun_heals(
    lake_url, warehouse_url, proxies, monkeypatch, stalled
):
    # Before connect_timeout was set on every connection this run waited forever (libpq's default).
    monkeypatch.setattr(connection_module, "CONNECT_TIMEOUT_SECONDS", 2)
    seed(lake_url, rows=1_000, seed=10)
    proxy = proxies(lake_url if stalled == "lake" else warehouse_url)
    urls = {"lake": lake_url, "warehouse": warehouse_url, stalled: proxy.url()}
    resources = {"lake": LakeDatabase(url=urls["lake"]), "warehouse": WarehouseDatabase(url=urls["warehouse"])}
    proxy.stall()

    began = time.monotonic()
    result = run(resources)
    assert not result.success
    assert time.monotonic() - began < 30
    if stalled == "lake":  # a transient error of the step: retried 3 times, each connect timing out
        assert len(step_events(result, "raw_lake_batch", dg.DagsterEventType.STEP_UP_FOR_RETRY)) == 3
        assert "timeout" in failure_text(result, "raw_lake_batch").lower()
    else:  # the warehouse resource cannot start (its migration check times out): no step runs
        assert not step_events(result, "raw_lake_batch", dg.DagsterEventType.STEP_START)
    assert set(window_counts(warehouse_url).values()) == {0}

    proxy.resume()
    result = run(resources)
    assert result.success
    assert conserved(resources)


def _snapshot_after_a_first_run(lake_url, warehouse_url, proxy) -> tuple[dict, int]:
    seed(lake_url, rows=20_000, seed=4)
    resources = {"lake": LakeDatabase(url=proxy.url()), "warehouse": WarehouseDatabase(url=warehouse_url)}
    assert run(resources, selection=[raw_lake_batch]).success
    previous = len(lake_ids(lake_url))
    seed(lake_url, rows=10_000, seed=5)  # late rows: the next run's snapshot is bigger
    return resources, previous


SNAPSHOT = dg.AssetSelection.assets(raw_lake_batch)  # with its check, snapshot_matches_lake
SNAPSHOT_COUNT = "SELECT count(*), count(DISTINCT lake_id) FROM raw_lake_batch WHERE partition_key = %s"


def test_lake_dropped_mid_stream_is_retried_and_never_leaves_a_partial_snapshot(lake_url, warehouse_url, proxies):
    proxy = proxies(lake_url)
    resources, previous = _snapshot_after_a_first_run(lake_url, warehouse_url, proxy)
    total = len(lake_ids(lake_url))
    proxy.drop_after(LAKE_COPY, then_bytes=1 << 20, direction="down")  # 1 MB into the window's rows

    with Watcher(warehouse_url, SNAPSHOT_COUNT) as watcher:
        result = run(resources, selection=[raw_lake_batch])
    assert proxy.fired.wait(10)  # the proxy thread sets it just after cutting
    assert result.success
    assert len(step_events(result, "raw_lake_batch", dg.DagsterEventType.STEP_UP_FOR_RETRY)) == 1
    assert watcher.seen <= {(previous, previous), (total, total)}, "a partial snapshot was visible"
    assert [r["lake_id"] for r in window_rows(warehouse_url)["raw_lake_batch"]] == lake_ids(lake_url)


def test_lake_lost_mid_stream_for_good_fails_cleanly_keeps_the_previous_snapshot_and_a_rerun_heals(
    lake_url, warehouse_url, proxies
):
    proxy = proxies(lake_url)
    resources, previous = _snapshot_after_a_first_run(lake_url, warehouse_url, proxy)
    before = window_rows(warehouse_url)["raw_lake_batch"]
    loads_before = query(warehouse_url, "SELECT lake_rows FROM window_loads WHERE partition_key = %s",
                         WINDOW.partition_key)
    proxy.drop_after(LAKE_COPY, then_bytes=1 << 20, direction="down", refuse=True)  # cut, and stays down

    with Watcher(warehouse_url, SNAPSHOT_COUNT) as watcher:
        result = run(resources)
    assert proxy.fired.wait(10)  # the proxy thread sets it just after cutting
    assert not result.success
    assert len(step_events(result, "raw_lake_batch", dg.DagsterEventType.STEP_UP_FOR_RETRY)) == 3
    assert watcher.seen == {(previous, previous)}, "a partial snapshot was visible"
    assert window_rows(warehouse_url)["raw_lake_batch"] == before
    assert query(warehouse_url, "SELECT lake_rows FROM window_loads WHERE partition_key = %s",
                 WINDOW.partition_key) == loads_before

    proxy.accept()
    result = run(resources, selection=SNAPSHOT)
    assert result.success
    assert all(e.passed for e in result.get_asset_check_evaluations())  # snapshot_matches_lake
    assert [r["lake_id"] for r in window_rows(warehouse_url)["raw_lake_batch"]] == lake_ids(lake_url)


# --- the warehouse ------------------------------------------------------------------------------

EVENT_COUNTS = (
    "SELECT (SELECT count(*) FROM normalized_events WHERE partition_key = w.k), "
    "(SELECT count(*) FROM unprocessed_events WHERE partition_key = w.k AND state <> 'RESOLVED') "
    "FROM (SELECT %s::text AS k) w"
)


def _undisturbed(lake_url, fresh_database) -> dict:
    """What a run without faults writes for the window, in a warehouse of its own."""
    reference_url = fresh_database("reference")
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=reference_url)}
    assert run(resources).success
    return window_rows(reference_url)


@pytest.mark.parametrize("stays_down", [False, True], ids=["dropped-once", "down-for-good"])
def test_warehouse_dropped_mid_write_keeps_the_previous_window_and_heals(
    lake_url, warehouse_url, fresh_database, proxies, stays_down
):
    seed(lake_url, rows=4_000, seed=6)
    proxy = proxies(warehouse_url)
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=proxy.url())}
    assert run(resources).success
    previous = window_rows(warehouse_url)
    seed(lake_url, rows=2_000, seed=7)  # late rows: the rerun writes a different window
    expected = _undisturbed(lake_url, fresh_database)
    assert len(expected["normalized_events"]) > len(previous["normalized_events"])

    proxy.drop_after(EVENTS_COPY, then_bytes=64 * 1024, direction="up", refuse=stays_down)
    with Watcher(warehouse_url, EVENT_COUNTS) as watcher:
        result = run(resources)
    assert proxy.fired.wait(10)  # the proxy thread sets it just after cutting
    retries = step_events(result, "normalized_events", dg.DagsterEventType.STEP_UP_FOR_RETRY)
    new = (len(expected["normalized_events"]), sum(r["state"] != "RESOLVED" for r in expected["unprocessed_events"]))
    old = (len(previous["normalized_events"]), sum(r["state"] != "RESOLVED" for r in previous["unprocessed_events"]))
    if stays_down:
        assert not result.success and len(retries) == 3
        assert "OperationalError" in failure_text(result, "normalized_events")
        assert watcher.seen == {old}, "a half-written window was visible"
        now = window_rows(warehouse_url)
        assert now["normalized_events"] == previous["normalized_events"]
        assert now["unprocessed_events"] == previous["unprocessed_events"]
        proxy.accept()
        assert run(resources).success
    else:
        assert result.success and len(retries) == 1
        assert watcher.seen <= {old, new}, "a half-written window was visible"
    healed = window_rows(warehouse_url)
    assert healed == expected
    assert conserved(resources)


# --- Dagster's storage --------------------------------------------------------------------------


def _storage_url(proxy: FaultProxy) -> str:
    """Dagster's storage through the proxy: the psycopg2 driver dagster-postgres needs, a bounded connect."""
    url = proxy.url(driver="psycopg2")
    return url + ("&" if "?" in url else "?") + "connect_timeout=5"


def test_dagster_storage_refusing_makes_payobs_materialize_fail_fast_and_write_nothing(
    lake_url, warehouse_url, fresh_database, proxies, tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from payobs_pipeline import cli

    seed(lake_url, rows=1_000, seed=8)
    proxy = proxies(fresh_database("dagster"))
    environment = {
        "PAYOBS_LAKE_URL": lake_url, "PAYOBS_WAREHOUSE_URL": warehouse_url, "PAYOBS_DAGSTER_PG_URL": _storage_url(proxy),
        "PAYOBS_WAREHOUSE_SCHEMA": "payobs", "PAYOBS_HOME": str(tmp_path),
        "PAYOBS_DAGSTER_ARTIFACTS": str(tmp_path / "dagster"),
        "PAYOBS_DAGSTER_COMPUTE_LOGS": str(tmp_path / "dagster" / "compute_logs"),
        "DAGSTER_HOME": str(Path(cli.__file__).resolve().parents[1]),  # the repository's dagster.yaml
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)  # restored after the test (the CLI exports them again)
    proxy.refuse()

    began = time.monotonic()
    outcome = CliRunner().invoke(cli.main, ["materialize", "--partition", WINDOW.partition_key])
    elapsed = time.monotonic() - began
    print(f"payobs materialize with Dagster's storage refused: exit {outcome.exit_code} after {elapsed:.1f}s: "
          f"{type(outcome.exception).__name__}: {str(outcome.exception)[:300]}")
    assert outcome.exit_code != 0
    assert elapsed < 30  # dagster-postgres retries a failed connection with backoff, then gives up
    assert "too many retries for DB connection" in str(outcome.exception)
    assert "Connection refused" in repr(outcome.exception.__cause__) + str(outcome.exception.__cause__)
    assert set(window_counts(warehouse_url).values()) == {0}


def test_dagster_storage_lost_mid_run_fails_the_run_without_a_partial_window_and_a_rerun_heals(
    lake_url, warehouse_url, fresh_database, proxies, tmp_path
):
    seed(lake_url, rows=3_000, seed=9)
    proxy = proxies(fresh_database("dagster"))
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    overrides = {"storage": {"postgres": {"postgres_url": _storage_url(proxy)}}}
    with dg.instance_for_test(overrides=overrides, temp_dir=str(tmp_path)) as instance:
        # Storage goes away when the first materialization (raw_lake_batch's) is being recorded.
        proxy.drop_after(b"'ASSET_MATERIALIZATION'", then_bytes=0, direction="up", refuse=True)
        began = time.monotonic()
        try:  # dagster-postgres retries each storage write with backoff (about 12 s) before it gives up
            result = run(resources, instance=instance)
            outcome = f"returned success={result.success}"
        except Exception as error:  # noqa: BLE001 - what happens is what this test reports
            result, outcome = None, f"raised {type(error).__name__}: {str(error)[:300]}"
        elapsed = time.monotonic() - began
        print(f"Dagster's storage lost mid-run: {outcome} after {elapsed:.1f}s")
        assert proxy.fired.wait(10)  # the proxy thread sets it just after cutting
        assert elapsed < 60
        assert result is None or not result.success
        counts = window_counts(warehouse_url)
        print(f"warehouse after the storage loss: {counts}")
        # raw_lake_batch committed before its event was recorded; nothing after it ran: each table holds
        # the whole window or nothing of it.
        assert counts["raw_lake_batch"] in (0, len(lake_ids(lake_url)))
        assert counts["normalized_events"] == counts["unprocessed_events"] == 0

        proxy.accept()
        result = run(resources, instance=instance)
        assert result.success
        assert conserved(resources)
        runs = instance.get_runs()
        print(f"runs recorded: {[(r.run_id[:8], r.status.value) for r in runs]}")
