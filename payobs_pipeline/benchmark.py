"""Pipeline benchmark (issue 14): one window of N lake rows through the whole graph, against two baselines.

Absolute speeds vary a lot between machines, so the figures that matter are ratios measured in one run, on
the same data and the same server:

* the pipeline: every asset and asset check of ``definitions.PIPELINE`` materialized for the window, as a
  run does it (Dagster's ``materialize``: an ephemeral instance, the in-process executor, the LLM off), timed
  whole and per step from the run's own STEP_START / STEP_SUCCESS events;
* the floor: PostgreSQL copying the window's raw rows from the lake into a warehouse table (COPY out, relayed
  block by block, COPY in; text and binary formats, the faster counts) -- no pipeline can beat it;
* the naive design of the original roadmap: each row read, parsed and normalized by the same pure core, then
  one SQLAlchemy ORM insert and commit per event -- on a subset of up to 20,000 rows, scaled.

Peak memory is the pipeline's alone: the summed RSS of this process and every descendant (the stages'
worker processes), sampled from /proc during the materialization; the lake is seeded in a child process
before sampling starts, and the baselines run after it stops.

The benchmark uses its own databases (``payobs_bench_lake`` / ``payobs_bench_warehouse``) on the embedded
server, or on ``PAYOBS_BENCH_POSTGRES_URL`` (a server whose user may create databases), recreated each time
so runs compare. The window is the partition set's first (``PAYOBS_FIRST_WINDOW``), which every
configuration's partition set holds.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import dagster as dg
import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from payobs_pipeline import embedded_postgres, settings
from payobs_pipeline.definitions import ASSETS, PIPELINE
from payobs_pipeline.normalization.formats import PayloadParseError, read_lake_payload
from payobs_pipeline.normalization.normalize import Deferral, Normalizer
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.warehouse import migrate
from payobs_pipeline.windows import Window

BENCH_LAKE_DATABASE = "payobs_bench_lake"
BENCH_WAREHOUSE_DATABASE = "payobs_bench_warehouse"
# Where the baselines write, in the bench warehouse database; dropped after each baseline.
BASELINE_SCHEMA = "payobs_bench_baselines"
LAKE_TABLE = "raw_transactions"
NAIVE_MAX_ROWS = 20_000
SEED = 42
RSS_SAMPLE_SECONDS = 0.05
# The whole graph with the LLM off, whatever the environment says: the resource's own switch beats
# PAYOBS_LLM_ENABLED and OPENAI_API_KEY (resources/llm.py, LLMResource.is_enabled). The console logger is
# quieted (the run's events are stored all the same, and timed from there).
RUN_CONFIG = {
    "resources": {"llm": {"config": {"enabled": False}}},
    "loggers": {"console": {"config": {"log_level": "WARNING"}}},
}


class BenchmarkFailed(RuntimeError):
    """The run or a baseline did not do what it is timed for: no figure is reported."""


# --- peak memory of a process tree --------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """The children of ``pid`` (every thread's: Dagster and the stages start processes from threads)."""
    kids: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return kids
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as listing:
                kids.extend(int(child) for child in listing.read().split())
        except OSError:  # the thread ended, or the kernel lists no children (see _descendants)
            continue
    return kids


def _parents() -> dict[int, list[int]]:
    """Every process's children, from each process's parent in /proc/<pid>/stat (kernels without
    /proc/<pid>/task/<tid>/children)."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                text = stat.read()
        except OSError:
            continue
        parent = int(text[text.rindex(")") + 2:].split()[1])  # after "pid (comm) state "
        tree.setdefault(parent, []).append(int(entry))
    return tree


_CHILDREN_LISTED = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def _descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    tree = None if _CHILDREN_LISTED else _parents()
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(_children(pid) if tree is None else tree.get(pid, ()))
    return found


_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def tree_rss_bytes(root: int) -> int:
    """The summed resident set of ``root`` and its descendants now (a process that just ended counts 0)."""
    total = 0
    for pid in _descendants(root):
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * _PAGE_BYTES
        except (OSError, IndexError, ValueError):
            continue
    return total


class TreeRssSampler:
    """The peak over time of a process tree's summed RSS, sampled by a thread every ``interval`` seconds.

    Where /proc is absent, the peak is ru_maxrss instead: this process's and its largest waited-for
    child's, added (an upper bound of neither kind: children that overlapped are not summed).
    """

    def __init__(self, root: int | None = None, interval: float = RSS_SAMPLE_SECONDS) -> None:
        self.root = os.getpid() if root is None else root
        self.interval = interval
        self.peak_bytes = 0
        self.source = "proc" if os.path.isdir(f"/proc/{self.root}") else "ru_maxrss"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-rss-sampler", daemon=True)

    def _sample(self) -> None:
        self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(self.root))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> TreeRssSampler:
        if self.source == "proc":
            self._sample()
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.source == "proc":
            self._stop.set()
            self._thread.join()
            self._sample()
        else:  # ru_maxrss is in KiB on Linux, bytes on macOS
            unit = 1 if sys.platform == "darwin" else 1024
            self.peak_bytes = unit * (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                      + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20


# --- the figures --------------------------------------------------------------------------------------


@dataclass
class PipelineBenchmark:
    """One benchmark run's figures; seconds are wall-clock."""

    rows: int
    window: str
    seed_s: float
    total_s: float
    stage_s: dict[str, float]
    floor_text_s: float
    floor_binary_s: float
    naive_rows: int
    naive_s: float
    peak_rss_mb: float
    peak_rss_source: str
    assets: list[str] = field(default_factory=list)

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.total_s

    @property
    def floor_s(self) -> float:
        return min(self.floor_text_s, self.floor_binary_s)

    @property
    def floor_format(self) -> str:
        return "binary" if self.floor_binary_s <= self.floor_text_s else "text"

    @property
    def ratio_to_floor(self) -> float:
        return self.total_s / self.floor_s

    @property
    def naive_rows_per_s(self) -> float:
        return self.naive_rows / self.naive_s

    @property
    def speedup_vs_naive(self) -> float:
        return self.rows_per_s / self.naive_rows_per_s

    def lines(self) -> list[str]:
        """The human report: each step, the total, the baselines, the ratios and peak memory."""
        width = max(len(step) for step in self.stage_s)
        out = [f"window {self.window}: {self.rows:,} lake rows seeded in {self.seed_s:.1f}s (child process, "
               f"not counted)"]
        for step, seconds in self.stage_s.items():
            kind = "asset" if step in self.assets else "check"
            out.append(f"  {step:<{width}}  {seconds:8.3f}s  {self.rows / seconds:>12,.0f} rows/s  ({kind})")
        out += [
            f"pipeline: {self.rows:,} rows in {self.total_s:.2f}s = {self.rows_per_s:,.0f} rows/s end to end "
            f"(whole graph, LLM off, one window; steps {sum(self.stage_s.values()):.2f}s, the rest is Dagster's "
            f"run overhead)",
            f"floor: COPY of the window's raw rows lake -> warehouse: text {self.floor_text_s:.3f}s, binary "
            f"{self.floor_binary_s:.3f}s; floor {self.floor_s:.3f}s ({self.floor_format})",
            f"ratio to floor: {self.ratio_to_floor:.1f}x",
            f"naive (one ORM insert + commit per event): {self.naive_rows_per_s:,.0f} rows/s, scaled from a subset "
            f"of {self.naive_rows:,} rows ({self.naive_s:.2f}s)",
            f"speedup vs naive: {self.speedup_vs_naive:.1f}x",
            f"peak RSS (this process and its descendants, during the pipeline only; {self.peak_rss_source}): "
            f"{self.peak_rss_mb:,.0f} MB",
        ]
        return out

    def record(self) -> dict:
        """The figures as one JSON-ready object (``payobs bench --json``'s last line)."""
        return {
            "rows": self.rows,
            "window": self.window,
            "total_s": round(self.total_s, 6),
            "rows_per_s": round(self.rows_per_s, 1),
            "floor_s": round(self.floor_s, 6),
            "floor_format": self.floor_format,
            "floor_text_s": round(self.floor_text_s, 6),
            "floor_binary_s": round(self.floor_binary_s, 6),
            "ratio_to_floor": round(self.ratio_to_floor, 4),
            "naive_rows": self.naive_rows,
            "naive_s": round(self.naive_s, 6),
            "naive_rows_per_s": round(self.naive_rows_per_s, 1),
            "speedup_vs_naive": round(self.speedup_vs_naive, 4),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_rss_source": self.peak_rss_source,
            "stage_s": {step: round(seconds, 6) for step, seconds in self.stage_s.items()},
            "seed_s": round(self.seed_s, 3),
            "llm": "off",
            **environment(),
        }


def environment() -> dict:
    """What the figures were measured on: the code's commit, Python, cores, the pipeline's workers setting."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parent,
                                capture_output=True, text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    workers = getattr(settings, "pipeline_workers", None)  # a setting the pipeline may have; read if present
    if callable(workers):
        workers = workers()
    return {"commit": commit, "python": platform.python_version(), "cpu_count": os.cpu_count(),
            "workers": workers}


# --- the steps ----------------------------------------------------------------------------------------


def bench_window() -> Window:
    """The partition set's first window: inside every configuration's partition set."""
    return Window.from_key(settings.first_window())


def fresh_bench_databases() -> tuple[str, str]:
    """(lake URL, warehouse URL): the bench databases, dropped and created empty."""
    server = settings.bench_postgres_url() or embedded_postgres.server_uri()
    return (settings.libpq_url(embedded_postgres.recreate_database(server, BENCH_LAKE_DATABASE)),
            settings.libpq_url(embedded_postgres.recreate_database(server, BENCH_WAREHOUSE_DATABASE)))


def seed_lake(lake_url: str, window: Window, rows: int) -> float:
    """``payobs lake seed`` of ``rows`` rows into the one window, in a child process (its memory is not the
    pipeline's); the seconds it took."""
    began = time.perf_counter()
    seeded = subprocess.run(
        [sys.executable, "-m", "payobs_pipeline.cli", "lake", "seed", "--rows", str(rows),
         "--start", window.start.isoformat(), "--windows", "1", "--seed", str(SEED)],
        env={**os.environ, "PAYOBS_LAKE_URL": lake_url}, capture_output=True, text=True,
    )
    if seeded.returncode != 0:
        raise BenchmarkFailed(f"seeding the bench lake failed:\n{settings.scrub(seeded.stderr)[-2000:]}")
    return time.perf_counter() - began


def step_seconds(instance, run_id: str) -> dict[str, float]:
    """Each step's seconds from the run's events: its first STEP_START to its STEP_SUCCESS, in run order."""
    started: dict[str, float] = {}
    finished: dict[str, float] = {}
    for entry in instance.all_logs(run_id, of_type={dg.DagsterEventType.STEP_START,
                                                     dg.DagsterEventType.STEP_SUCCESS}):
        if entry.dagster_event.event_type == dg.DagsterEventType.STEP_START:
            started.setdefault(entry.step_key, entry.timestamp)
        else:
            finished[entry.step_key] = entry.timestamp
    return {step: finished[step] - began for step, began in sorted(started.items(), key=lambda item: item[1])
            if step in finished}


def materialize_window(lake_url: str, warehouse_url: str,
                       window: Window) -> tuple[float, dict[str, float], TreeRssSampler]:
    """The whole graph for the window, as a run does it: (seconds of the call, seconds per step, the memory
    sampler that watched it). Raises BenchmarkFailed unless the run succeeded and every asset materialized."""
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    with dg.DagsterInstance.ephemeral() as instance:
        with TreeRssSampler() as memory:
            began = time.perf_counter()
            try:
                result = dg.materialize(PIPELINE, partition_key=window.partition_key, resources=resources,
                                        instance=instance, run_config=RUN_CONFIG, raise_on_error=False)
            finally:
                total = time.perf_counter() - began
        if not result.success:
            failures = [f"{event.step_key}: {event.event_specific_data.error.message.strip()}"
                        for event in result.all_events if event.is_step_failure]
            raise BenchmarkFailed("the bench run failed: " + ("; ".join(failures) or "see Dagster's events"))
        materialized = {event.asset_key for event in result.get_asset_materialization_events()}
        missing = [asset.key.to_user_string() for asset in ASSETS if not set(asset.keys) <= materialized]
        if missing:
            raise BenchmarkFailed(f"the bench run did not materialize {', '.join(missing)}")
        return total, step_seconds(instance, result.run_id), memory


def _lake_columns(lake: psycopg.Connection) -> list[tuple[str, str]]:
    """The lake table's columns and their types, as the lake declares them."""
    return lake.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum", (LAKE_TABLE,),
    ).fetchall()


def copy_floor(lake_url: str, warehouse_url: str, window: Window, binary: bool) -> float:
    """Seconds to COPY the window's raw rows out of the lake and into a warehouse table of the same column
    types, relayed block by block (no per-row work in Python), committed. The table is dropped afterwards."""
    fmt = sql.SQL(" (FORMAT binary)" if binary else "")
    with psycopg.connect(lake_url) as lake, psycopg.connect(warehouse_url) as warehouse:
        columns = _lake_columns(lake)
        names = sql.SQL(", ").join(sql.Identifier(name) for name, _ in columns)
        table = sql.Identifier(BASELINE_SCHEMA, "floor_raw_transactions")
        warehouse.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(BASELINE_SCHEMA)))
        warehouse.execute(sql.SQL("CREATE TABLE {} ({})").format(table, sql.SQL(", ").join(
            sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(kind)) for name, kind in columns)))
        warehouse.commit()
        copy_out = sql.SQL("COPY (SELECT {} FROM {} WHERE created_at >= {} AND created_at < {}) TO STDOUT{}").format(
            names, sql.Identifier(LAKE_TABLE), sql.Literal(window.start), sql.Literal(window.end), fmt)
        copy_in = sql.SQL("COPY {} ({}) FROM STDIN{}").format(table, names, fmt)
        try:
            began = time.perf_counter()
            with lake.cursor() as out_cursor, out_cursor.copy(copy_out) as source, \
                    warehouse.cursor() as in_cursor, in_cursor.copy(copy_in) as target:
                for block in source:
                    target.write(block)
            warehouse.commit()
            elapsed = time.perf_counter() - began
            copied = warehouse.execute(sql.SQL("SELECT count(*) FROM {}").format(table)).fetchone()[0]
            expected = lake.execute(sql.SQL("SELECT count(*) FROM {} WHERE created_at >= %s AND created_at < %s")
                                    .format(sql.Identifier(LAKE_TABLE)), (window.start, window.end)).fetchone()[0]
        finally:
            warehouse.rollback()
            warehouse.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(BASELINE_SCHEMA)))
            warehouse.commit()
    if copied != expected:
        raise BenchmarkFailed(f"the floor's COPY wrote {copied:,} rows of the window's {expected:,}")
    return elapsed


class _NaiveBase(DeclarativeBase):
    pass


class NaiveEvent(_NaiveBase):
    """The naive design's events table: the canonical event's columns, one ORM object per event."""

    __tablename__ = "naive_events"
    __table_args__ = {"schema": BASELINE_SCHEMA}

    lake_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    transactional_id: Mapped[uuid.UUID | None]
    partition_key: Mapped[str]
    lake_created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    event_time: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    provider: Mapped[str]
    provider_transaction_id: Mapped[str | None]
    merchant_id: Mapped[str | None]
    merchant_name: Mapped[str | None]
    country: Mapped[str | None] = mapped_column(sa.CHAR(2))
    payment_method: Mapped[str | None]
    card_brand: Mapped[str | None]
    status_category: Mapped[str]
    failure_reason: Mapped[str | None]
    failure_source: Mapped[str | None]
    decline_type: Mapped[str | None]
    raw_status: Mapped[str | None]
    raw_reason_code: Mapped[str | None]
    amount_minor: Mapped[int | None] = mapped_column(sa.BigInteger)
    currency: Mapped[str | None] = mapped_column(sa.CHAR(3))
    normalization_method: Mapped[str]
    confidence: Mapped[float] = mapped_column(sa.REAL)
    event_kind: Mapped[str]
    attempt_id: Mapped[str | None]
    payment_id: Mapped[str | None]
    refund_id: Mapped[str | None]
    dispute_id: Mapped[str | None]
    card_country: Mapped[str | None] = mapped_column(sa.CHAR(2))
    customer_country: Mapped[str | None] = mapped_column(sa.CHAR(2))
    merchant_country: Mapped[str | None] = mapped_column(sa.CHAR(2))


# The event's fields NaiveEvent stores (variant is the mapping's, not a column of the events table).
_NAIVE_EVENT_FIELDS = [column.name for column in NaiveEvent.__table__.columns
                       if column.name not in ("lake_id", "transactional_id", "partition_key", "lake_created_at")]


def naive_baseline(lake_url: str, warehouse_url: str, window: Window, limit: int) -> tuple[int, float]:
    """The original roadmap's design on the window's first ``limit`` rows: each read, parsed and normalized
    by the pure core, and each normalized event written with one ORM insert and one commit.
    (rows read, seconds); the table is dropped afterwards."""
    engine = sa.create_engine(settings.sqlalchemy_url(warehouse_url), poolclass=sa.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{BASELINE_SCHEMA}"'))
        _NaiveBase.metadata.create_all(conn)
    query = sql.SQL("SELECT id, data::text, merchant, transactional_id, created_at FROM {} "
                    "WHERE created_at >= %s AND created_at < %s ORDER BY created_at, id LIMIT %s"
                    ).format(sql.Identifier(LAKE_TABLE))
    normalizer = Normalizer()
    read = 0
    try:
        began = time.perf_counter()
        with psycopg.connect(lake_url) as lake, lake.cursor(name="naive_rows") as rows, Session(engine) as session:
            rows.execute(query, (window.start, window.end, limit))
            for lake_id, data, merchant, transactional_id, created_at in rows:
                read += 1
                try:
                    outcome = normalizer.normalize(read_lake_payload(data), merchant)
                except PayloadParseError:
                    continue
                if isinstance(outcome, Deferral):
                    continue
                session.add(NaiveEvent(
                    lake_id=lake_id, transactional_id=transactional_id, partition_key=window.partition_key,
                    lake_created_at=created_at, **{name: getattr(outcome, name) for name in _NAIVE_EVENT_FIELDS}))
                session.commit()
        elapsed = time.perf_counter() - began
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{BASELINE_SCHEMA}" CASCADE'))
        engine.dispose()
    if read != limit:
        raise BenchmarkFailed(f"the naive baseline read {read:,} rows, not {limit:,}")
    return read, elapsed


def pipeline_benchmark(rows: int, progress: Callable[[str], None] = print) -> PipelineBenchmark:
    """Seed one window of ``rows`` lake rows, materialize the whole graph for it, then measure the floor and
    the naive baseline on the same data and server."""
    if rows <= 0:
        raise ValueError("the pipeline benchmark needs at least one row")
    window = bench_window()
    lake_url, warehouse_url = fresh_bench_databases()
    migrate.upgrade(warehouse_url, settings.warehouse_schema())
    progress(f"seeding {rows:,} lake rows into window {window.partition_key} ...")
    seed_s = seed_lake(lake_url, window, rows)
    progress("materializing the whole graph (LLM off) ...")
    total_s, stage_s, memory = materialize_window(lake_url, warehouse_url, window)
    progress("floor: COPY lake -> warehouse, text then binary ...")
    floor_text_s = copy_floor(lake_url, warehouse_url, window, binary=False)
    floor_binary_s = copy_floor(lake_url, warehouse_url, window, binary=True)
    naive_limit = min(rows, NAIVE_MAX_ROWS)
    progress(f"naive baseline: one ORM insert + commit per event on {naive_limit:,} rows ...")
    naive_rows, naive_s = naive_baseline(lake_url, warehouse_url, window, naive_limit)
    return PipelineBenchmark(
        rows=rows, window=window.partition_key, seed_s=seed_s, total_s=total_s, stage_s=stage_s,
        floor_text_s=floor_text_s, floor_binary_s=floor_binary_s, naive_rows=naive_rows, naive_s=naive_s,
        peak_rss_mb=memory.peak_mb, peak_rss_source=memory.source,
        assets=[asset.key.to_python_identifier() for asset in ASSETS],
    )
