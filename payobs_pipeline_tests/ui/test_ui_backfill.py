"""Issue 12, item 7: a backfill launched from the Dagster UI tells the truth per window.

The project runs as `make dev` runs it: `payobs dev` (Dagster's webserver and daemon, in subprocesses) on
three fresh databases of the test session's PostgreSQL (lake, warehouse, Dagster's storage). The lake gets
five windows of about 300 rows (`payobs lake seed`). Headless Chromium (Debian's ``chromium``, driven by
Playwright through ``executable_path``; no browser is downloaded) opens the UI's Lineage page and, from that
page, calls the UI's own GraphQL mutation ``launchPartitionBackfill`` for every asset over the last four
windows, as "Materialize all" over a range of partitions does. The backfill policy (up to
PAYOBS_BACKFILL_WINDOWS_PER_RUN windows a run) makes that one run for the four windows: the case where a
multi-window run used to record one check result without a partition and the run's totals as every window's
metadata. Its run config picks Dagster's in-process executor (as the launchpad can): the same steps, checks
and events, without starting a Python process per step, which costs 8-40 s a step on a busy 2-CPU machine.
Before the launch, the two sensors that rerun windows on their own (retries of unprocessed rows, late lake
rows) are stopped through the same API, so that only the backfill writes the windows while the test looks.

Once the backfill has finished, Dagster's GraphQL API must show, for every window of it:

* every asset check's own execution for that partition, SUCCEEDED, from the backfill's run, none without a
  partition, and the checks' partition statuses (the UI's ranges) SUCCEEDED over exactly the four windows;
* every asset's own materialization from that run, with that window's figures: the lake rows of that window
  (raw_lake_batch, parsed_payloads, normalized_events, pipeline_quality), the window's attempts, payments and
  failures as the warehouse holds them (approval_metrics, payment_metrics, failure_reason_metrics), and the
  metric assets' markdown tables (approval by provider, top failure reasons) headed by that window;

and approval_metrics' page in the browser renders a window's approval table. The window before the range is
left alone. All the problems found are reported together. About three minutes on a busy 2-CPU machine: a
minute to seed and for `payobs dev` to load its code location, a minute and a half for the backfill.

Skipped where Chromium or Playwright is absent, except in CI (``CI`` set), where the test must run (as the
report's browser tests; .ci/run installs chromium, Playwright is in the dev dependency group).

The README's screenshots are taken by the same test, after its backfill, when asked:

    .venv/bin/python -m pytest -p no:cacheprovider payobs_pipeline_tests/ui --ui-screenshots docs

writes docs/ui_metric_asset.png (approval_metrics' page: a window's metadata and approval table) and
docs/ui_asset_graph.png (Lineage, zoomed until every asset shows its latest event, checks and partitions).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import psycopg
import pytest

from payobs_pipeline_tests.ui import project

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the dev dependency group not installed
    sync_playwright = None

pytestmark = [
    pytest.mark.database,
    pytest.mark.timeout(480),
    pytest.mark.skipif(
        (project.CHROMIUM is None or sync_playwright is None) and not os.environ.get("CI"),
        reason="needs Debian's chromium (apt-get install -y chromium) and Playwright's Python package "
               "(the dev dependency group); required when CI is set",
    ),
]

SEEDED = ["2026-09-24-00:00", "2026-09-24-12:00", "2026-09-25-00:00", "2026-09-25-12:00", "2026-09-26-00:00"]
BACKFILLED = SEEDED[1:]  # four windows; the first seeded window stays untouched
ROWS = 1500
BACKFILL_TIMEOUT = 240
DONE = {"COMPLETED", "COMPLETED_SUCCESS", "COMPLETED_FAILED", "FAILED", "CANCELED"}

ASSETS_AND_CHECKS = """
{ assetNodes { assetKey { path }
  assetChecksOrError { ... on AssetChecks { checks { name
    partitionStatuses { __typename ... on AssetCheckTimePartitionStatuses { ranges { startKey endKey status } } }
  } } } } }
"""

# What the UI's "Launch backfill" sends for "Materialize all" over a range of partitions.
LAUNCH = """
mutation LaunchPartitionBackfill($backfillParams: LaunchBackfillParams!) {
  launchPartitionBackfill(backfillParams: $backfillParams) {
    __typename
    ... on LaunchBackfillSuccess { backfillId }
    ... on Error { message }
  }
}
"""

SENSORS = """
{ sensorsOrError(repositorySelector: {repositoryName: "__repository__", repositoryLocationName: "payobs"}) {
  ... on Sensors { results { name sensorState { id status } } } } }
"""

STOP_SENSOR = """
mutation StopSensor($id: String!) {
  stopSensor(id: $id) { __typename ... on StopSensorMutationResult { instigationState { status } } }
}
"""
# The sensors that rerun windows on their own (unprocessed rows due for a retry, late lake rows): stopped
# before the backfill, so that only the backfill materializes the windows while the test looks at them.
RERUNNING_SENSORS = {"unprocessed_retry_sensor", "late_arrival_sensor"}

BACKFILL = """
query Backfill($id: String!) {
  partitionBackfillOrError(backfillId: $id) {
    __typename
    ... on PartitionBackfill { status numPartitions runs(limit: 100) { id status tags { key value } } }
    ... on PythonError { message }
  }
}
"""

CHECK_EXECUTIONS = """
query Check($asset: AssetKeyInput!, $check: String!, $partition: String) {
  assetCheckExecutions(assetKey: $asset, checkName: $check, partition: $partition, limit: 5) {
    runId status partition evaluation { partition success metadataEntries { label } }
  }
}
"""

MATERIALIZATIONS = """
query Materializations($asset: AssetKeyInput!, $partitions: [String!]) {
  assetOrError(assetKey: $asset) {
    ... on Asset { assetMaterializations(partitions: $partitions) { partition runId metadataEntries {
      label
      ... on IntMetadataEntry { intValue }
      ... on FloatMetadataEntry { floatValue }
      ... on MarkdownMetadataEntry { mdStr }
    } } }
  }
}
"""

# From the page: the UI's own endpoint, same origin, as the UI's requests.
FETCH_GRAPHQL = """
async ({query, variables}) => {
  const response = await fetch('/graphql', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                            body: JSON.stringify({query, variables})});
  return await response.json();
}
"""


@pytest.fixture
def running(fresh_database, tmp_path):
    env = project.environment(
        fresh_database("lake"), fresh_database("wh"), fresh_database("dagster"), tmp_path / "home", SEEDED[0])
    seeded = project.payobs(env, "lake", "seed", "--rows", str(ROWS), "--start", "2026-09-24T00:00:00Z",
                            "--windows", str(len(SEEDED)), "--seed", "11")
    assert seeded.returncode == 0, seeded.stderr
    with project.dev_server(env, tmp_path / "payobs-dev.log") as server:
        yield env, server


def _lake_rows(lake_url: str) -> dict[str, int]:
    with psycopg.connect(lake_url) as conn:
        rows = conn.execute(
            "SELECT to_char(date_bin('12 hours', created_at, timestamptz '2000-01-01 00:00+00') AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD-HH24:MI'), count(*) FROM raw_transactions GROUP BY 1").fetchall()
    return dict(rows)


def _warehouse_figures(warehouse_url: str) -> dict[str, dict[str, int]]:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        figures = {}
        for table, column in [("approval_metrics", "attempts"), ("payment_metrics", "payments"),
                              ("failure_reason_metrics", "failures")]:
            for key, value in conn.execute(
                    f"SELECT partition_key, sum({column}) FROM {table} GROUP BY 1").fetchall():  # noqa: S608
                figures.setdefault(key, {})[f"{table}.{column}"] = int(value)
    return figures


def _dismiss_welcome(page) -> None:
    """Dagster's first-visit "Join the Dagster community" dialog: Skip, as a new user does."""
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(state="visible", timeout=5000)
    except Exception:  # noqa: BLE001 -- not shown (already seen): nothing to dismiss
        return
    skip.click()
    skip.wait_for(state="hidden", timeout=5000)


def _wait_for_backfill(server: project.DevServer, backfill_id: str) -> dict:
    deadline = time.monotonic() + BACKFILL_TIMEOUT
    while True:
        backfill = server.graphql(BACKFILL, {"id": backfill_id})["partitionBackfillOrError"]
        assert backfill["__typename"] == "PartitionBackfill", backfill
        if backfill["status"] in DONE:
            return backfill
        if time.monotonic() > deadline:
            raise AssertionError(f"backfill {backfill_id} still {backfill['status']} after {BACKFILL_TIMEOUT}s: "
                                 f"{backfill['runs']}\n{server.log_tail()}")
        time.sleep(2)


def _metadata(materialization: dict) -> dict:
    return {entry["label"]: entry.get("intValue", entry.get("floatValue", entry.get("mdStr")))
            for entry in materialization["metadataEntries"]}


def _screenshots(page, server: project.DevServer, folder: Path, window: str) -> None:
    """The README's two images: approval_metrics' page with the approval table of ``window`` (the page is
    already open), and the asset graph (Lineage) after the backfill."""
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1600, "height": 1250})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(folder / "ui_metric_asset.png"))
    show_asset_graph(page, server)
    page.screenshot(path=str(folder / "ui_asset_graph.png"))


def show_asset_graph(page, server: project.DevServer, width: int = 2300, height: int = 1000) -> None:
    """Lineage, zoomed in until each asset shows its status (latest event, checks, partitions), centred.

    Dagster fits the whole graph on load at a scale where nodes show only their names; the asset list is
    hidden (its toggle, left of the search box), then the graph is zoomed (Ctrl+wheel) and dragged to centre."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}/asset-groups")
    page.get_by_text("Materialize all").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    toggle = page.evaluate("""() => {  // the button just left of the search box, on its row
        const search = [...document.querySelectorAll('*')].find(e => e.childElementCount === 0
            && e.textContent.trim() === 'Search and filter assets').getBoundingClientRect();
        const row = [...document.querySelectorAll('button')].map(b => b.getBoundingClientRect())
            .filter(b => Math.abs(b.top + b.height / 2 - (search.top + search.height / 2)) < 12
                         && b.right <= search.left && b.width > 0);
        const b = row.sort((x, y) => y.left - x.left)[0];
        return {x: b.left + b.width / 2, y: b.top + b.height / 2};
    }""")
    page.mouse.click(toggle["x"], toggle["y"])  # hide the asset list
    page.wait_for_timeout(1000)
    canvas = page.locator("svg").filter(has=page.locator("foreignObject")).first.bounding_box()
    page.mouse.move(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -100)
    page.keyboard.up("Control")
    page.wait_for_timeout(1500)
    nodes = page.evaluate("""() => {
        const boxes = [...document.querySelectorAll('svg foreignObject')].map(e => e.getBoundingClientRect())
            .filter(b => b.width > 40 && b.height > 20);
        return {left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right)),
                top: Math.min(...boxes.map(b => b.top)), bottom: Math.max(...boxes.map(b => b.bottom))};
    }""")
    area = {"left": 250, "right": width - 60, "top": 110, "bottom": height}
    dx = (area["left"] + area["right"]) / 2 - (nodes["left"] + nodes["right"]) / 2
    dy = (area["top"] + area["bottom"]) / 2 - (nodes["top"] + nodes["bottom"]) / 2
    start = (area["left"] + 20, area["bottom"] - 20)  # empty canvas, below the graph
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + dx, start[1] + dy, steps=10)
    page.mouse.up()
    page.wait_for_timeout(2500)  # each node's status


def test_a_ui_backfill_records_each_windows_checks_and_figures(running, request):
    assert project.CHROMIUM and sync_playwright, "CI is set: chromium and Playwright must be installed"
    env, server = running
    nodes = server.graphql(ASSETS_AND_CHECKS)["assetNodes"]
    assets = [node["assetKey"]["path"] for node in nodes]
    checks = [(node["assetKey"]["path"], check["name"])
              for node in nodes for check in node["assetChecksOrError"].get("checks", [])]
    assert len(assets) >= 10 and len(checks) >= 5, (assets, checks)

    for sensor in server.graphql(SENSORS)["sensorsOrError"]["results"]:
        if sensor["name"] in RERUNNING_SENSORS:
            stopped = server.graphql(STOP_SENSOR, {"id": sensor["sensorState"]["id"]})["stopSensor"]
            assert stopped["instigationState"]["status"] == "STOPPED", stopped

    screenshots = request.config.getoption("ui_screenshots", default=None)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=project.CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"{server.url}/asset-groups")  # Lineage
            _dismiss_welcome(page)
            page.get_by_text("Materialize all").first.wait_for(timeout=30_000)
            began = time.monotonic()
            answer = page.evaluate(FETCH_GRAPHQL, {"query": LAUNCH, "variables": {"backfillParams": {
                "assetSelection": [{"path": path} for path in assets],
                "partitionNames": BACKFILLED,
                "title": "UI test: four windows",
                # One process for the run instead of one per step (Dagster's in-process executor, chosen in the
                # run config as the launchpad can): the same steps, checks and events, without a Python start
                # per step (8-40 s each on a busy 2-CPU machine; a minute or more over the run's 16 steps).
                "runConfigData": {"execution": {"config": {"in_process": {}}}},
            }}})
            launched = answer.get("data", {}).get("launchPartitionBackfill") or answer
            assert launched.get("__typename") == "LaunchBackfillSuccess", launched
            backfill = _wait_for_backfill(server, launched["backfillId"])
            took = time.monotonic() - began

            # The asset page renders a window's approval table (approval_metrics' markdown metadata).
            window = BACKFILLED[1]
            page.goto(f"{server.url}/assets/approval_metrics?view=events&partition={window}")
            page.get_by_text(f"Approval by provider, window {window}").wait_for(timeout=30_000)
            if screenshots:
                _screenshots(page, server, Path(screenshots), window)
        finally:
            browser.close()

    assert backfill["status"] in {"COMPLETED_SUCCESS", "COMPLETED"}, backfill
    runs = backfill["runs"]
    assert runs and all(run["status"] == "SUCCESS" for run in runs), runs
    run_ids = {run["id"] for run in runs}
    # Fewer runs than windows: the windows ran together (the multi-window case this test is about).
    assert len(runs) < len(BACKFILLED), runs

    problems: list[str] = []
    lake = _lake_rows(env["PAYOBS_LAKE_URL"])
    assert sorted(lake) == SEEDED and sum(lake.values()) == ROWS, lake
    warehouse = _warehouse_figures(env["PAYOBS_WAREHOUSE_URL"])

    # Checks: every window its own execution, passed, from the backfill's run.
    for asset, check in checks:
        for key in BACKFILLED:
            executions = server.graphql(CHECK_EXECUTIONS, {"asset": {"path": asset}, "check": check,
                                                           "partition": key})["assetCheckExecutions"]
            latest = executions[0] if executions else None
            if (latest is None or latest["status"] != "SUCCEEDED" or latest["runId"] not in run_ids
                    or (latest["evaluation"] or {}).get("partition") != key):
                problems.append(f"check {asset[0]}.{check} for {key}: {latest}")
        unpartitioned = server.graphql(CHECK_EXECUTIONS, {"asset": {"path": asset}, "check": check,
                                                          "partition": ""})["assetCheckExecutions"]
        if unpartitioned:
            problems.append(f"check {asset[0]}.{check} has an execution without a partition: {unpartitioned}")
        if server.graphql(CHECK_EXECUTIONS, {"asset": {"path": asset}, "check": check,
                                             "partition": SEEDED[0]})["assetCheckExecutions"]:
            problems.append(f"check {asset[0]}.{check} ran for {SEEDED[0]}, outside the backfill")
    for node in server.graphql(ASSETS_AND_CHECKS)["assetNodes"]:
        for check in node["assetChecksOrError"].get("checks", []):
            ranges = [(r["startKey"], r["endKey"], r["status"])
                      for r in (check["partitionStatuses"] or {}).get("ranges", [])]
            if ranges != [(BACKFILLED[0], BACKFILLED[-1], "SUCCEEDED")]:
                problems.append(f"check {node['assetKey']['path'][0]}.{check['name']}: the UI's partition "
                                f"statuses are {ranges}")

    # Materializations: every window its own, from the backfill's run, with that window's figures.
    lake_rows_of = {"raw_lake_batch": "lake_rows", "parsed_payloads": "rows", "normalized_events": "rows_in",
                    "pipeline_quality": "lake_rows"}
    for asset in assets:
        name = asset[0]
        found = server.graphql(MATERIALIZATIONS, {"asset": {"path": asset}, "partitions": SEEDED})
        materializations = {m["partition"]: m for m in found["assetOrError"]["assetMaterializations"]}
        if set(materializations) != set(BACKFILLED):
            problems.append(f"{name}: materialized windows {sorted(materializations)}, expected {BACKFILLED}")
        for key in BACKFILLED:
            if key not in materializations:
                continue
            materialization = materializations[key]
            metadata = _metadata(materialization)
            if materialization["runId"] not in run_ids:
                problems.append(f"{name} {key}: materialized by run {materialization['runId']}, not the backfill's")
            if name in lake_rows_of and metadata.get(lake_rows_of[name]) != lake[key]:
                problems.append(f"{name} {key}: {lake_rows_of[name]} = {metadata.get(lake_rows_of[name])}, but the "
                                f"window has {lake[key]} lake rows (the run's {sum(lake[k] for k in BACKFILLED)})")
            for label, figure in [("attempts", "approval_metrics.attempts"), ("payments", "payment_metrics.payments"),
                                  ("failures", "failure_reason_metrics.failures")]:
                if name == figure.split(".")[0] and metadata.get(label) != warehouse.get(key, {}).get(figure):
                    problems.append(f"{name} {key}: {label} = {metadata.get(label)}, the warehouse holds "
                                    f"{warehouse.get(key, {}).get(figure)} for the window")
            for table, label, heading in [("approval_metrics", "approval_by_provider", "Approval by provider"),
                                          ("failure_reason_metrics", "top_failure_reasons", "Top failure reasons")]:
                if name == table:
                    text = metadata.get(label) or ""
                    if not text.startswith(f"{heading}, window {key}") or "|---" not in text:
                        problems.append(f"{name} {key}: {label} is not the window's markdown table: {text[:120]!r}")
            if name == "approval_metrics":
                attempts = warehouse.get(key, {}).get("approval_metrics.attempts")
                if f"| **all** | {attempts:,} |" not in (metadata.get("approval_by_provider") or ""):
                    problems.append(f"approval_metrics {key}: approval_by_provider's total is not {attempts:,}")
                if not isinstance(metadata.get("approval_rate"), float):
                    problems.append(f"approval_metrics {key}: no numeric approval_rate ({metadata})")

    print(f"backfill of {len(BACKFILLED)} windows in {len(runs)} run(s): {took:.0f}s from launch to done")
    assert not problems, "\n".join(problems)
