"""``payobs``: the operator's and analyst's front door (Dagster's UI is the other)."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import click
import pandas as pd

from payobs_pipeline import settings
from payobs_pipeline.assets.partitions import WINDOW_LENGTH, Window

DEMO_WINDOWS = 4
DEMO_ROWS = 20_000
DEMO_SEED = 7


def _say(message: str) -> None:
    click.echo(message, err=True)


def _dagster_instance():
    """The persistent instance (Postgres storage per dagster.yaml) when run from the project, else ephemeral."""
    import dagster as dg

    settings.export_environment()
    home = Path(os.environ.get("DAGSTER_HOME") or Path.cwd())
    if (home / "dagster.yaml").exists():
        os.environ["DAGSTER_HOME"] = str(home.resolve())
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def _warehouse():
    from payobs_pipeline.resources.warehouse import WarehouseDatabase

    warehouse = WarehouseDatabase()
    warehouse.migrate()
    return warehouse


def _windows_between(first: str, last: str) -> list[Window]:
    start, end = Window.from_key(first), Window.from_key(last)
    if end.start < start.start:
        raise click.BadParameter(f"--to {last} is before --from {first}")
    windows, current = [], start
    while current.start <= end.start:
        windows.append(current)
        current = Window.containing(current.end)
    return windows


def materialize_windows(windows: list[Window]) -> None:
    """Materialize every asset for each window, in process, on the persistent instance."""
    import dagster as dg

    from payobs_pipeline.definitions import PIPELINE, default_resources

    instance = _dagster_instance()
    for number, window in enumerate(windows, 1):
        began = time.perf_counter()
        result = dg.materialize(
            PIPELINE, partition_key=window.partition_key, resources=default_resources(), instance=instance,
            raise_on_error=False,
        )
        if not result.success:
            failures = [e.message for e in result.all_events if e.is_failure]
            raise click.ClickException(settings.scrub(f"window {window.partition_key} failed: {failures[:1]}"))
        counts = {
            m.asset_key.to_user_string(): m.metadata
            for m in (e.event_specific_data.materialization for e in result.get_asset_materialization_events())
        }
        events = counts.get("normalized_events", {})
        _say(
            f"[{number}/{len(windows)}] {window.partition_key}: "
            f"{counts.get('raw_lake_batch', {}).get('lake_rows').value if 'raw_lake_batch' in counts else '?'} lake rows, "
            f"{events['events'].value if 'events' in events else '?'} events, "
            f"{events['unprocessed'].value if 'unprocessed' in events else '?'} unprocessed "
            f"({time.perf_counter() - began:.1f}s)"
        )


@click.group()
def main() -> None:
    """payobs: payment observability on Dagster."""


# --- lake ---------------------------------------------------------------------


@main.group()
def lake() -> None:
    """The raw data lake (raw_transactions)."""


def _parse_start(value: str | None, windows: int) -> datetime:
    if value is None:  # the last `windows` closed windows
        return Window.containing(datetime.now(timezone.utc)).start - windows * WINDOW_LENGTH
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return Window.containing(moment).start


def seed_lake_rows(rows: int, start: datetime, windows: int, seed: int) -> int:
    import psycopg

    from payobs_pipeline.lake.seed import ensure_lake_table, seed_lake

    began = time.perf_counter()
    with psycopg.connect(settings.lake_url()) as conn:
        ensure_lake_table(conn)

        def progress(done: int) -> None:
            if done % 50_000 == 0 or done == rows:
                _say(f"  seeded {done:,}/{rows:,} rows")

        written = seed_lake(conn, rows=rows, start=start, windows=windows, seed=seed, on_progress=progress)
    elapsed = time.perf_counter() - began
    _say(f"lake: {written:,} rows over {windows} windows from {start:%Y-%m-%d %H:%M} UTC "
         f"in {elapsed:.1f}s ({rows / max(elapsed, 1e-9):,.0f} rows/s)")
    return written


@lake.command("seed")
@click.option("--rows", default=10_000, show_default=True, help="How many lake rows to write.")
@click.option("--start", default=None, help="ISO time of the first window (aligned to 00:00/12:00 UTC). "
              "Default: so that the windows end with the last closed one.")
@click.option("--windows", default=2, show_default=True, help="How many 12-hour windows to spread them over.")
@click.option("--seed", default=1, show_default=True, help="Random seed: same seed, same rows.")
def lake_seed(rows: int, start: str | None, windows: int, seed: int) -> None:
    """Write realistic synthetic payment records into the lake (COPY)."""
    seed_lake_rows(rows, _parse_start(start, windows), windows, seed)


# --- pipeline -------------------------------------------------------------------


@main.command()
@click.option("--partition", "partition", default=None, help="One window key, e.g. 2026-11-27-00:00.")
@click.option("--from", "first", default=None, help="First window key of a range.")
@click.option("--to", "last", default=None, help="Last window key of a range (inclusive).")
def materialize(partition: str | None, first: str | None, last: str | None) -> None:
    """Materialize the pipeline for one window or a range of windows, in process."""
    if partition and (first or last):
        raise click.UsageError("give --partition or --from/--to, not both")
    if partition:
        windows = [Window.from_key(partition)]
    elif first and last:
        windows = _windows_between(first, last)
    else:
        raise click.UsageError("give --partition KEY or --from KEY --to KEY")
    materialize_windows(windows)


# --- metrics --------------------------------------------------------------------

SUMMARY_SQL = """
SELECT provider,
       sum(attempts) AS attempts, sum(approved) AS approved, sum(declined) AS declined,
       sum(errored) AS errors, sum(pending) AS pending, sum(refunded) AS refunds, sum(chargebacks) AS chargebacks,
       round(100.0 * sum(approved) / NULLIF(sum(attempts), 0), 2) AS approval_pct
FROM approval_metrics
WHERE partition_key >= %(first)s AND partition_key <= %(last)s
GROUP BY provider ORDER BY sum(attempts) DESC
"""
PAYMENTS_SUMMARY_SQL = """
SELECT provider, sum(payments) AS payments, sum(payments_approved) AS approved, sum(payments_failed) AS failed,
       sum(payments_pending) AS pending, sum(payments_retried) AS retried,
       round(100.0 * sum(payments_approved) / NULLIF(sum(payments), 0), 2) AS conversion_pct
FROM payment_metrics
WHERE partition_key >= %(first)s AND partition_key <= %(last)s
GROUP BY provider ORDER BY sum(payments) DESC
"""
TOP_REASONS_SQL = """
SELECT failure_reason, sum(failures) AS failures,
       round(100.0 * sum(failures) / NULLIF(sum(sum(failures)) OVER (), 0), 2) AS pct_of_failures
FROM failure_reason_metrics
WHERE partition_key >= %(first)s AND partition_key <= %(last)s
GROUP BY failure_reason ORDER BY sum(failures) DESC LIMIT 10
"""


def _query_frame(query: str, params: dict) -> pd.DataFrame:
    warehouse = _warehouse()
    with warehouse.connection() as conn, conn.cursor() as cur:
        cur.execute(query, params)
        return pd.DataFrame(cur.fetchall(), columns=[c.name for c in cur.description])


def print_metrics(first: str, last: str) -> None:
    params = {"first": first, "last": last}
    by_provider = _query_frame(SUMMARY_SQL, params)
    reasons = _query_frame(TOP_REASONS_SQL, params)
    click.echo(f"\nApproval by provider, windows {first} .. {last}")
    if by_provider.empty:
        click.echo("  (no metrics yet: run `payobs materialize` first)")
        return
    totals = by_provider.drop(columns=["provider", "approval_pct"]).sum()
    overall = 100.0 * float(totals["approved"]) / max(float(totals["attempts"]), 1.0)
    click.echo(by_provider.to_string(index=False))
    click.echo(f"\nOverall: {int(totals['attempts']):,} attempts, approval rate {overall:.2f}%")
    payments = _query_frame(PAYMENTS_SUMMARY_SQL, params)
    click.echo("\nPayments (each once, in the window of its first attempt) by provider")
    click.echo(payments.to_string(index=False))
    click.echo("\nTop failure reasons (attempts)")
    click.echo(reasons.to_string(index=False))


@main.group()
def metrics() -> None:
    """Failure metrics."""


@metrics.command("summary")
@click.option("--from", "first", default="0000", help="First window key (default: all).")
@click.option("--to", "last", default="9999", help="Last window key (default: all).")
def metrics_summary(first: str, last: str) -> None:
    """Approval rates per provider and the top failure reasons."""
    print_metrics(first, last)


# --- events, unprocessed events, mappings ---------------------------------------


def _print_query(query: str, params: dict | tuple = ()) -> pd.DataFrame:
    frame = _query_frame(query, params)
    click.echo(frame.to_string(index=False) if not frame.empty else "(none)")
    return frame


@main.group()
def events() -> None:
    """Normalized events."""


@events.command("show")
@click.argument("lake_id")
def events_show(lake_id: str) -> None:
    """One lake row's normalized event, or why it is unprocessed."""
    frame = _query_frame("SELECT * FROM normalized_events WHERE lake_id::text = %(id)s", {"id": lake_id})
    if frame.empty:
        frame = _query_frame("SELECT * FROM unprocessed_events WHERE lake_id::text = %(id)s", {"id": lake_id})
        if frame.empty:
            raise click.ClickException(f"no event for lake row {lake_id}")
        click.echo("unprocessed:")
    click.echo(frame.T.to_string(header=False))


@main.group()
def unprocessed() -> None:
    """Lake rows kept unprocessed, with their reason."""


def _print_cursor(cursor) -> None:
    frame = pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])
    click.echo(frame.to_string(index=False) if not frame.empty else "(none)")


@unprocessed.command("list")
@click.option("--state", type=click.Choice(["RETRYING", "DEAD_LETTER", "RESOLVED"]), default=None)
@click.option("--limit", default=20, show_default=True)
def unprocessed_list(state: str | None, limit: int) -> None:
    """Counts by state and reason (and how many are due now), then the most recent rows."""
    from payobs_pipeline.warehouse import unprocessed as lifecycle

    with _warehouse().connection() as conn:
        _print_cursor(lifecycle.counts_by_reason(conn, state))
        click.echo("")
        _print_cursor(lifecycle.recent(conn, state, limit))


@unprocessed.command("requeue")
@click.option("--reason", default=None, help="Only rows with this reason code.")
@click.option("--fingerprint", default=None, help="Only rows of this payload shape (fingerprint).")
@click.option("--partition", default=None, help="Only rows of this window.")
@click.option("--lake-id", "lake_id", default=None, help="Only this lake row.")
@click.option("--state", type=click.Choice(["RETRYING", "DEAD_LETTER"]), default=None,
              help="Only rows in this state.")
def unprocessed_requeue(reason: str | None, fingerprint: str | None, partition: str | None, lake_id: str | None,
                        state: str | None) -> None:
    """Make unresolved rows due now (attempts reset), dead letters included; selectors combine.

    Without a selector every unresolved row is requeued.
    """
    from payobs_pipeline.warehouse import unprocessed as lifecycle

    with _warehouse().connection() as conn:
        requeued = lifecycle.requeue(conn, reason=reason, fingerprint=fingerprint, partition=partition,
                                     lake_id=lake_id, state=state)
    click.echo(f"requeued {requeued} rows; the retry sensor reruns their windows")


@main.group()
def mappings() -> None:
    """Learned and manual normalization mappings (normalization_mappings)."""


@mappings.command("list")
def mappings_list() -> None:
    _print_query("SELECT id, fingerprint, provider, source, state, model, usage_count, created_at "
                 "FROM normalization_mappings ORDER BY id")


@mappings.command("show")
@click.argument("mapping_id", type=int)
def mappings_show(mapping_id: int) -> None:
    import json

    frame = _query_frame("SELECT * FROM normalization_mappings WHERE id = %(id)s", {"id": mapping_id})
    if frame.empty:
        raise click.ClickException(f"no mapping {mapping_id}")
    row = frame.iloc[0].to_dict()
    spec = row.pop("spec")
    click.echo("\n".join(f"{k}: {v}" for k, v in row.items()))
    click.echo(json.dumps(spec, indent=2))


def _review(mapping_id: int, state: str) -> None:
    from payobs_pipeline.warehouse import unprocessed as lifecycle

    requeued = 0
    with _warehouse().connection() as conn:
        if state == "active":  # one active mapping per shape
            conn.execute("UPDATE normalization_mappings SET state = 'rejected', reviewed_at = now() "
                         "WHERE state = 'active' AND id <> %(id)s AND fingerprint = "
                         "(SELECT fingerprint FROM normalization_mappings WHERE id = %(id)s)", {"id": mapping_id})
        changed = conn.execute("UPDATE normalization_mappings SET state = %s, reviewed_at = now() WHERE id = %s",
                               (state, mapping_id)).rowcount
        if changed and state == "active":  # its shape's rows are due now
            requeued = lifecycle.requeue_mapping_shape(conn, mapping_id)
    if not changed:
        raise click.ClickException(f"no mapping {mapping_id}")
    click.echo(f"mapping {mapping_id} is {state}"
               + (f"; {requeued} unprocessed rows of its shape are due now" if state == "active" else ""))


@mappings.command("approve")
@click.argument("mapping_id", type=int)
def mappings_approve(mapping_id: int) -> None:
    """Make a mapping active: the next run applies it to every payload of its shape."""
    _review(mapping_id, "active")


@mappings.command("reject")
@click.argument("mapping_id", type=int)
def mappings_reject(mapping_id: int) -> None:
    _review(mapping_id, "rejected")


# --- normalization quality and speed ------------------------------------------


@main.command("eval")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--show-failures/--no-show-failures", default=True, show_default=True)
@click.option("--round", "as_round", is_flag=True,
              help="Score an evaluation round (cases with a `hint`): coverage and precision with and without "
                   "the provider hint.")
def eval_corpus(path: Path, show_failures: bool, as_round: bool) -> None:
    """Per-field accuracy of the normalization core on a labeled corpus (a directory of JSON case files)."""
    from payobs_pipeline.normalization.evaluation import evaluate, load_cases, score_round

    cases = load_cases(path)
    if as_round:
        for hinted in (True, False):
            score = score_round(cases, hinted)
            for line in score.lines():
                click.echo(line)
            if show_failures:
                for miss in score.misses:
                    click.echo(f"    {miss}")
        return
    report = evaluate(cases)
    for line in report.lines():
        click.echo(line)
    if show_failures and report.failures:
        click.echo(f"\n{len(report.failures)} mismatches:")
        for failure in report.failures:
            click.echo(f"  {failure}")


@main.command()
@click.option("--payloads", default=50_000, show_default=True,
              help="Payloads for the pure-core benchmark (0: skip it).")
@click.option("--pipeline-rows", default=0, show_default=True,
              help="Also run the whole pipeline on one window of this many lake rows (bench databases).")
def bench(payloads: int, pipeline_rows: int) -> None:
    """Benchmark the pure core (one core) and, optionally, the pipeline's stages with peak memory."""
    from payobs_pipeline.normalization.benchmark import core_throughput

    if payloads:
        result = core_throughput(payloads)
        click.echo(
            f"pure core: {result.payloads:,} JSON payloads of known providers in {result.seconds:.2f}s "
            f"= {result.per_second:,.0f} payloads/s on one core ({result.normalized:,} normalized, "
            f"{result.deferred:,} deferred)"
        )
    if pipeline_rows:
        from payobs_pipeline.benchmark import pipeline_throughput

        for line in pipeline_throughput(pipeline_rows, progress=_say):
            click.echo(line)


# --- demo, dev, doctor ------------------------------------------------------------


@main.command()
@click.option("--rows", default=DEMO_ROWS, show_default=True)
@click.option("--windows", default=DEMO_WINDOWS, show_default=True)
def demo(rows: int, windows: int) -> None:
    """Seed the last few windows, materialize them and print the metrics."""
    began = time.perf_counter()
    start = _parse_start(None, windows)
    _say(f"payobs demo: {rows:,} rows over the last {windows} closed windows")
    seed_lake_rows(rows, start, windows, DEMO_SEED)
    demo_windows = [Window.containing(start + i * WINDOW_LENGTH) for i in range(windows)]
    materialize_windows(demo_windows)
    print_metrics(demo_windows[0].partition_key, demo_windows[-1].partition_key)
    _say(f"\ndemo done in {time.perf_counter() - began:.1f}s — explore it with `make dev` (Dagster UI)")


def _exec_dagster(arguments: list[str]) -> None:
    """Replace this process by Dagster's CLI, with payobs's databases and instance in its environment."""
    settings.export_environment()
    _warehouse()
    os.environ["DAGSTER_HOME"] = str(Path.cwd().resolve())
    dagster = str(Path(sys.executable).with_name("dagster"))
    os.execv(dagster, [dagster, *arguments])


@main.command()
@click.option("--port", default=3000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def dev(port: int, host: str) -> None:
    """The Dagster UI and daemon on the same storage and databases as the CLI."""
    _say(f"Dagster UI on http://{host}:{port} (Ctrl-C to stop)")
    _exec_dagster(["dev", "-w", "workspace.yaml", "-h", host, "-p", str(port)])


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("arguments", nargs=-1, type=click.UNPROCESSED)
def dagster(arguments: tuple[str, ...]) -> None:
    """Run Dagster's own CLI on payobs's instance, e.g. `payobs dagster definitions validate -w workspace.yaml`."""
    _exec_dagster(list(arguments))


@main.command()
def doctor() -> None:
    """Check databases, migrations, the LLM configuration and the unprocessed backlog."""
    import psycopg

    from payobs_pipeline.warehouse import migrate

    problems = 0

    def check(name: str, action) -> None:
        nonlocal problems
        # Every line is scrubbed: an error may quote a URL whole (libpq does, for a malformed one).
        try:
            click.echo(settings.scrub(f"  ok    {name}: {action()}"))
        except Exception as exc:  # doctor reports every failure instead of stopping at the first
            problems += 1
            click.echo(settings.scrub(f"  FAIL  {name}: {type(exc).__name__}: {exc}"))

    def ping(url: str) -> str:
        with psycopg.connect(settings.libpq_url(url), connect_timeout=5) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
        return f"PostgreSQL {version} at {settings.redact(url)}"

    def migrations() -> str:
        url, schema = settings.warehouse_url(), settings.warehouse_schema()
        current, head = migrate.current_revision(url, schema), migrate.head_revision()
        if current != head:
            migrate.upgrade(url, schema)
            return f"schema {schema} upgraded from {current or 'empty'} to head {head}"
        return f"schema {schema} at head {head}"

    def lake_table() -> str:
        with psycopg.connect(settings.lake_url(), connect_timeout=5) as conn:
            count = conn.execute("SELECT count(*) FROM raw_transactions").fetchone()[0]
        return f"raw_transactions has {count:,} rows"

    def backlog() -> str:
        from payobs_pipeline.warehouse import unprocessed as lifecycle

        with _warehouse().connection() as conn:
            rows = lifecycle.backlog(conn)
        return ", ".join(f"{state} {rows.get(state, 0):,}" for state in ("RETRYING", "DEAD_LETTER", "RESOLVED")) \
            + f" ({rows['due']:,} due now)"

    def llm() -> str:
        # The LLM is optional: a server that does not answer is reported (rows of new shapes wait with
        # LLM_UNAVAILABLE), not counted as a failure. ping() never raises and its text holds no secret.
        from payobs_pipeline.resources.llm import LLMResource

        resource = LLMResource()
        try:
            return resource.ping()
        finally:
            resource.close()

    click.echo("payobs doctor")
    check("lake database", lambda: ping(settings.lake_url()))
    check("lake table", lake_table)
    check("warehouse database", lambda: ping(settings.warehouse_url()))
    check("warehouse migrations", migrations)
    check("dagster storage", lambda: ping(settings.dagster_storage_url()))
    check("unprocessed backlog", backlog)
    check("LLM", llm)
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
