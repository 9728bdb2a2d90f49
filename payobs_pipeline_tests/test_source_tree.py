"""Dagster's own files stay out of the source tree: a `payobs` run writes only under PAYOBS_HOME.

dagster.yaml lives in the repository, but `payobs` makes ``$PAYOBS_HOME/dagster`` Dagster's home (with a copy
of it): Dagster writes its own files under its home (``.nux/`` when the UI's welcome is dismissed, telemetry's
``logs/`` and ``.logs_queue/``, and with its defaults compute logs and artifacts in ``storage/``), and
dagster.yaml sends compute logs and artifacts under PAYOBS_HOME too. The commands run from a copy of the
source tree (other work goes on in the repository itself, so its listing is not stable), with ``python -m``
so the copy's code is what runs; every file of the copy is compared before and after, ignoring what is meant
to change (.venv, .tools, .payobs, __pycache__, .pytest_cache).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORED = {".venv", ".tools", ".payobs", "__pycache__", ".pytest_cache", ".git", ".hypothesis"}


def listing(tree: Path) -> dict[str, tuple[int, int]]:
    """Every file and directory under ``tree`` (but the ignored ones), with its size and modification time."""
    found = {}
    for directory, subdirectories, files in os.walk(tree):
        subdirectories[:] = sorted(d for d in subdirectories if d not in IGNORED)
        for name in [*subdirectories, *files]:
            path = Path(directory, name)
            stat = path.lstat()
            found[str(path.relative_to(tree))] = (stat.st_size if path.is_file() else 0, stat.st_mtime_ns)
    return found


def without_compute_log_setting(source: Path) -> None:
    """dagster.yaml as it was before compute logs were sent under PAYOBS_HOME (Dagster's default then)."""
    config = source / "dagster.yaml"
    text = config.read_text()
    start = text.index("compute_logs:")
    end = text.index("\n\n", start)
    config.write_text(text[:start] + text[end + 2:])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def run_the_ui(source: Path, environment: dict) -> dict:
    """`payobs dev` as a user runs it: wait for the UI, dismiss its welcome (Dagster writes .nux/), stop it.

    Returns the schedule's state as the UI shows it (on by default, like the sensors).
    """
    port = free_port()
    dev = subprocess.Popen([sys.executable, "-m", "payobs_pipeline.cli", "dev", "--port", str(port)], cwd=source,
                           env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)  # its own process group: stopped whole below, like Ctrl-C
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5).close()
                break
            except OSError:
                assert dev.poll() is None and time.monotonic() < deadline, "payobs dev did not start"
                time.sleep(1)
        assert graphql(port, "mutation { setNuxSeen }") == {"data": {"setNuxSeen": True}}
        return graphql(port, '{ schedulesOrError(repositorySelector: {repositoryName: "__repository__", '
                             'repositoryLocationName: "payobs"}) { ... on Schedules { results { name '
                             'scheduleState { status } } } } }')
    finally:
        os.killpg(dev.pid, signal.SIGINT)
        try:
            dev.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(dev.pid, signal.SIGKILL)
            dev.wait(30)


@pytest.mark.parametrize("dagster_yaml", ["as_committed", "without_compute_logs_setting"])
def test_a_payobs_run_writes_nothing_inside_the_source_tree(fresh_database, tmp_path, dagster_yaml):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*IGNORED), symlinks=True)
    if dagster_yaml == "without_compute_logs_setting":  # the check can fail: without the setting it does
        without_compute_log_setting(source)
    home = tmp_path / "payobs_home"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PAYOBS_", "DAGSTER_", "OPENAI_"))},
        "PAYOBS_LAKE_URL": fresh_database("lake"),
        "PAYOBS_WAREHOUSE_URL": fresh_database("wh"),
        "PAYOBS_DAGSTER_PG_URL": fresh_database("dagster"),
        "PAYOBS_HOME": str(home),
    }

    def payobs(*arguments: str) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "payobs_pipeline.cli", *arguments], cwd=source,
                              env=environment, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    before = listing(source)
    assert "dagster.yaml" in before and "payobs_pipeline/cli.py" in before
    payobs("lake", "seed", "--rows", "300", "--start", "2026-11-01T00:00:00Z", "--windows", "1", "--seed", "2")
    payobs("materialize", "--partition", "2026-11-01-00:00")
    payobs("doctor")
    if dagster_yaml == "as_committed":
        schedules = run_the_ui(source, environment)
        assert schedules == {"data": {"schedulesOrError": {"results": [
            {"name": "payobs_every_12_hours", "scheduleState": {"status": "RUNNING"}}]}}}
    after = listing(source)

    created = sorted(set(after) - set(before))
    changed = sorted(path for path in set(before) & set(after) if before[path] != after[path])
    removed = sorted(set(before) - set(after))
    assert not created and not changed and not removed, f"created {created}, changed {changed}, removed {removed}"
    # It ran from the copy, and Dagster wrote its files where they belong: under PAYOBS_HOME.
    files = [str(path.relative_to(home)) for path in home.rglob("*") if path.is_file()]
    assert "dagster/dagster.yaml" in files
    if dagster_yaml == "without_compute_logs_setting":  # Dagster's default, $DAGSTER_HOME/storage, is there too
        assert any(path.startswith("dagster/storage/") for path in files), files
        return
    assert any(path.startswith("dagster/compute_logs/") for path in files), files
    assert "dagster/.nux/nux.yaml" in files  # the UI's welcome, dismissed
