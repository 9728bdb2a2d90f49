"""The project as `make dev` runs it, for the UI tests: `payobs dev` (Dagster's webserver and daemon, in
subprocesses) on the test session's PostgreSQL, and Dagster's GraphQL API to talk to it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
PAYOBS = str(Path(sys.executable).with_name("payobs"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def environment(lake_url: str, warehouse_url: str, dagster_url: str, home: Path, first_window: str) -> dict:
    """A clean environment for `payobs`: the test's three databases, its own PAYOBS_HOME, the LLM off."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PAYOBS_", "DAGSTER_", "OPENAI_"))},
        "PAYOBS_LAKE_URL": lake_url,
        "PAYOBS_WAREHOUSE_URL": warehouse_url,
        "PAYOBS_DAGSTER_PG_URL": dagster_url,
        "PAYOBS_HOME": str(home),
        "PAYOBS_FIRST_WINDOW": first_window,
        "PAYOBS_LLM_ENABLED": "off",
    }


def payobs(env: dict, *arguments: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([PAYOBS, *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class DevServer:
    url: str
    log: Path

    def graphql(self, query: str, variables: dict | None = None, timeout: float = 60) -> dict:
        request = urllib.request.Request(
            f"{self.url}/graphql", data=json.dumps({"query": query, "variables": variables or {}}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.load(response)
        if answer.get("errors"):
            raise AssertionError(f"GraphQL errors: {answer['errors']}")
        return answer["data"]

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


_LOCATIONS = """
query { workspaceOrError { ... on Workspace { locationEntries { name loadStatus
  locationOrLoadError { __typename ... on PythonError { message } } } } } }
"""


@contextlib.contextmanager
def dev_server(env: dict, log: Path, startup_timeout: float = 120) -> Iterator[DevServer]:
    """`payobs dev` on a free port, until its code location is loaded; stopped (the whole process tree) after."""
    port = free_port()
    server = DevServer(f"http://127.0.0.1:{port}", log)
    with open(log, "w") as out:
        process = subprocess.Popen([PAYOBS, "dev", "--port", str(port)], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise AssertionError(f"`payobs dev` exited with {process.returncode}:\n{server.log_tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the Dagster UI did not load the code location:\n{server.log_tail()}")
            with contextlib.suppress(OSError, AssertionError, ValueError):
                (entry,) = server.graphql(_LOCATIONS, timeout=5)["workspaceOrError"]["locationEntries"]
                if entry["loadStatus"] == "LOADED":
                    error = entry["locationOrLoadError"]
                    if error["__typename"] == "PythonError":
                        raise RuntimeError(f"the code location failed to load: {error['message']}")
                    break
            time.sleep(1)
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """What Ctrl-C does to `make dev` (SIGINT to its process group: `dagster dev` stops its webserver, daemon
    and code servers), then SIGKILL to whatever of that tree is still alive after 30 seconds."""
    try:
        tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        tree = []
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)
    for member in tree:  # psutil.Process.kill checks the process is still the one recorded (no reused pid)
        with contextlib.suppress(psutil.NoSuchProcess):
            member.kill()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
