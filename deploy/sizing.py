"""Sizing payobs on Kubernetes from the bench's figures: docs/scaling.md's sizing table is this script's output.

The table is arithmetic on three measured numbers kept in deploy/bench_figures.json (the pipeline's rows per
second on one 2-core pod, the warehouse's bytes per lake row, the run's peak memory). Keeping the numbers in
one file and the arithmetic here means that a new bench changes the JSON only, ``python deploy/sizing.py
--write`` regenerates the table, and test_deploy_k8s fails while docs/scaling.md, deploy/helm/values.yaml's run
pod resources and the JSON disagree.

    python deploy/sizing.py                  # print the table
    python deploy/sizing.py --write          # rewrite it in docs/scaling.md
    python deploy/sizing.py --bench-json OUT # take rows_per_s and peak_rss_mb from `payobs bench --rows N --json`'s
                                             # output (its last line) into bench_figures.json, then --write
    python deploy/sizing.py --measure-warehouse URL --lake-rows N [--schema payobs]
                                             # bytes_per_row of a warehouse that holds N lake rows' windows

Standard library only (``--measure-warehouse`` imports psycopg, which the project installs), so it needs no
Dagster and no cluster.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
FIGURES = DEPLOY / "bench_figures.json"
SCALING_DOC = DEPLOY.parent / "docs" / "scaling.md"
BEGIN, END = "<!-- sizing:begin (deploy/sizing.py --write) -->", "<!-- sizing:end -->"

ROWS_PER_DAY = (1_000_000, 10_000_000, 100_000_000, 1_000_000_000)
WINDOWS_PER_DAY = 2                 # 12-hour windows
BACKFILL_WINDOWS = 60               # a month of windows
BACKFILL_BUDGET_S = 3600            # the backfill should finish within an hour
POD_CPU = "2"                       # the bench ran on 2 cores: rows_per_s is per pod of this size
MEMORY_HEADROOM = 1.5               # request = peak RSS x this, rounded up to MEMORY_STEP_MI
MEMORY_STEP_MI = 256
MEMORY_LIMIT_FACTOR = 2             # limit = request x this
# A warehouse table whose size does not grow with lake rows: reference data loaded once.
NOT_PER_ROW_TABLES = ("fx_rates",)


@dataclass(frozen=True)
class Sizing:
    """One row of the table: a daily volume and what a 60-window backfill of it needs."""

    rows_per_day: int
    rows_per_window: int
    window_s: float                 # one window's run on one pod
    windows_per_run: int            # PAYOBS_BACKFILL_WINDOWS_PER_RUN that fits the hour (at least 1)
    pods: int                       # runs of the backfill, each in its own pod, all at once
    backfill_s: float               # the slowest run: windows_per_run windows one after the other
    database_rows_per_s: float      # what the databases absorb while every pod runs
    warehouse_bytes_per_day: float

    @property
    def within_budget(self) -> bool:
        return self.backfill_s <= BACKFILL_BUDGET_S


def load_figures(path: Path = FIGURES) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def size(rows_per_day: int, figures: dict) -> Sizing:
    rows_per_window = rows_per_day // WINDOWS_PER_DAY
    window_s = rows_per_window / figures["rows_per_s"]
    # As many windows per run as one pod finishes within the budget; one when a single window already exceeds it
    # (a window is the smallest unit of work: its rows are not split across pods).
    windows_per_run = min(BACKFILL_WINDOWS, max(1, math.floor(BACKFILL_BUDGET_S / window_s)))
    pods = math.ceil(BACKFILL_WINDOWS / windows_per_run)
    return Sizing(
        rows_per_day=rows_per_day,
        rows_per_window=rows_per_window,
        window_s=window_s,
        windows_per_run=windows_per_run,
        pods=pods,
        backfill_s=windows_per_run * window_s,
        database_rows_per_s=pods * figures["rows_per_s"],
        warehouse_bytes_per_day=rows_per_day * figures["bytes_per_row"],
    )


def pod_memory_mi(peak_rss_mb: float) -> tuple[int, int]:
    """A run pod's memory (request, limit) in MiB from the bench's peak RSS."""
    request = math.ceil(peak_rss_mb * MEMORY_HEADROOM / MEMORY_STEP_MI) * MEMORY_STEP_MI
    return request, request * MEMORY_LIMIT_FACTOR


def quantity(mebibytes: int) -> str:
    """A Kubernetes memory quantity: whole GiB as Gi, otherwise Mi."""
    return f"{mebibytes // 1024}Gi" if mebibytes % 1024 == 0 else f"{mebibytes}Mi"


def run_pod_resources(figures: dict) -> dict:
    """The K8sRunLauncher's resources (deploy/helm/values.yaml) that the figures call for."""
    request, limit = pod_memory_mi(figures["peak_rss_mb"])
    return {"requests": {"cpu": POD_CPU, "memory": quantity(request)},
            "limits": {"cpu": POD_CPU, "memory": quantity(limit)}}


def _count(n: float) -> str:
    for divisor, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if n >= divisor:
            value = n / divisor
            return f"{value:.0f}{suffix}" if value == int(value) else f"{value:.1f}{suffix}"
    return f"{n:.0f}"


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def _bytes(n: float) -> str:
    return f"{n / 1e12:.2f} TB" if n >= 1e12 else f"{n / 1e9:.1f} GB"


def render(figures: dict) -> str:
    """The markdown that docs/scaling.md holds between BEGIN and END."""
    request, limit = pod_memory_mi(figures["peak_rss_mb"])
    status = "**provisional**" if figures.get("provisional") else "final"
    lines = [
        BEGIN,
        f"Figures ({status}, deploy/bench_figures.json): {figures['rows_per_s']:,} rows/s per {POD_CPU}-CPU pod, "
        f"{figures['bytes_per_row']:,} warehouse bytes per lake row, peak memory {figures['peak_rss_mb']:,} MB; "
        f"measured {figures['measured']} on {figures['machine']} at commit {figures['commit']}.",
        "",
        f"| rows per day | rows per 12-hour window | windows per day | one window on one pod | "
        f"windows per run | pods for {BACKFILL_WINDOWS} windows | backfill time | database rows/s | "
        f"warehouse per day |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rows_per_day in ROWS_PER_DAY:
        s = size(rows_per_day, figures)
        backfill = _duration(s.backfill_s) + ("" if s.within_budget else " (over the hour)")
        lines.append(
            f"| {_count(s.rows_per_day)} | {_count(s.rows_per_window)} | {WINDOWS_PER_DAY} | {_duration(s.window_s)} "
            f"| {s.windows_per_run} | {s.pods} | {backfill} | {s.database_rows_per_s:,.0f} "
            f"| {_bytes(s.warehouse_bytes_per_day)} |")
    lines += [
        "",
        f"Run pods: {POD_CPU} CPU, memory request {quantity(request)} and limit {quantity(limit)} (peak RSS × "
        f"{MEMORY_HEADROOM}, rounded up to {MEMORY_STEP_MI} MiB; limit × {MEMORY_LIMIT_FACTOR}).",
        END,
    ]
    return "\n".join(lines)


def replace_block(document: str, block: str) -> str:
    start, end = document.index(BEGIN), document.index(END) + len(END)
    return document[:start] + block + document[end:]


def current_block(document: str) -> str:
    return document[document.index(BEGIN):document.index(END) + len(END)]


def figures_from_bench(figures: dict, bench_output: str, measured: str) -> dict:
    """The figures with the pipeline's rows/s and peak memory of a ``payobs bench --rows N --json`` run (its
    output's last line is one JSON object); bytes_per_row is measured apart (``--measure-warehouse``)."""
    bench = json.loads(bench_output.strip().splitlines()[-1])
    how = dict(figures.get("how", {}))
    source = f"payobs bench --rows {bench['rows']} --json ({bench['total_s']:.1f} s end to end)"
    how["rows_per_s"] = how["peak_rss_mb"] = source
    return figures | {
        "provisional": False,
        "rows_per_s": round(bench["rows_per_s"]),
        "peak_rss_mb": round(bench["peak_rss_mb"]),
        "measured": measured,
        "machine": f"{bench.get('cpu_count') or '?'} cores, Python {bench.get('python') or '?'}",
        "commit": bench.get("commit") or "not recorded",
        "how": how,
    }


def measure_bytes_per_row(warehouse_url: str, schema: str, lake_rows: int) -> dict:
    """The warehouse's size per lake row: every table and index of the schema (pg_total_relation_size) but the
    reference data that does not grow with rows, over the lake rows its windows hold."""
    import psycopg

    with psycopg.connect(warehouse_url) as connection:
        tables = connection.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'm') ORDER BY 2 DESC", (schema,)).fetchall()
    counted = {name: size for name, size in tables if name not in NOT_PER_ROW_TABLES}
    total = sum(counted.values())
    return {"lake_rows": lake_rows, "warehouse_bytes": total, "bytes_per_row": round(total / lake_rows),
            "tables": counted}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table in docs/scaling.md")
    parser.add_argument("--figures", type=Path, default=FIGURES)
    parser.add_argument("--bench-json", type=Path, metavar="OUT",
                        help="the output of `payobs bench --rows N --json`: its figures replace rows_per_s and "
                             "peak_rss_mb in --figures, and the table is rewritten")
    parser.add_argument("--measure-warehouse", metavar="URL", help="measure bytes_per_row of this warehouse")
    parser.add_argument("--lake-rows", type=int, help="lake rows whose windows the warehouse holds")
    parser.add_argument("--schema", default="payobs")
    args = parser.parse_args(argv)
    if args.measure_warehouse:
        if not args.lake_rows:
            parser.error("--measure-warehouse needs --lake-rows")
        print(json.dumps(measure_bytes_per_row(args.measure_warehouse, args.schema, args.lake_rows), indent=2))
        return 0
    if args.bench_json:
        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        figures = figures_from_bench(load_figures(args.figures), args.bench_json.read_text(encoding="utf-8"), today)
        args.figures.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        args.write = True
    block = render(load_figures(args.figures))
    if args.write:
        SCALING_DOC.write_text(replace_block(SCALING_DOC.read_text(encoding="utf-8"), block), encoding="utf-8")
    else:
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
