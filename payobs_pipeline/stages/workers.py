"""Per-row work on every core: worker processes fed with chunks of COPY rows.

A stage streams its window with COPY TO, cuts it into chunks of :data:`CHUNK_ROWS` raw rows, and a worker
turns each chunk into the COPY FROM bytes of its output rows (with the chunk's counts and side records,
a :class:`ChunkResult`). The stage's own process only moves bytes between its two connections, in order, with
at most :data:`CHUNKS_IN_FLIGHT_PER_WORKER` chunks per worker in flight, so memory does not grow with the
window and the output is the same, row for row and in the same order, whatever the number of workers.

Each stage run starts its pool and stops it when the window is written (no thread or process outlives the
stage). Workers are forked by the ``forkserver`` method — from a clean server process that has already
imported the stages and compiled the provider mappings (stages/warm.py), never from the (threaded) Dagster
process — so a pool starts in milliseconds. A chunk function finds what it needs through the stage's
context (a small picklable value sent with each chunk; a worker builds its state from it once, see
:func:`cached_state`). ``PAYOBS_WORKERS=0`` runs the same
chunk functions in the stage's own process: the reference path the tests compare the pool with.
"""

from __future__ import annotations

import multiprocessing
import sys
import types
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from payobs_pipeline import settings

CHUNK_ROWS = 1000
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# Imported once by the fork server, so each worker starts with the stages loaded and the mappings compiled.
PRELOADED_MODULES = ["payobs_pipeline.stages.warm"]


@dataclass
class ChunkResult:
    """What a worker made of one chunk: COPY FROM text of its output rows, their count, counts for the
    stage's metadata, and side records (rows kept unprocessed, warnings) the stage's process handles."""

    data: bytes
    rows: int
    counts: Counter = field(default_factory=Counter)
    records: list = field(default_factory=list)


def _ready() -> bool:
    """A worker's first task: it has started (see :func:`_pool`)."""
    return True


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """While worker processes start: ``__main__`` is a bare module, so they do not import the program's main
    module again (multiprocessing's spawn preparation imports it in every new process, by name or path: the
    Dagster or payobs CLI, whose imports cost seconds per worker and per pool). A chunk function lives in a
    package module (one defined in ``__main__`` keeps the import), so a worker needs only what the fork
    server preloaded and the modules its chunk function's pickle names."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _pool(workers: int, hide_main: bool = True) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED_MODULES)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        # Each submit starts a process while fewer than ``workers`` exist and none is idle: all of them here.
        with _main_module_hidden() if hide_main else nullcontext():
            started = [pool.submit(_ready) for _ in range(workers)]
        for future in started:
            future.result()
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return pool


def chunks(lines: Iterable[bytes], size: int = CHUNK_ROWS) -> Iterator[list[bytes]]:
    """Raw COPY rows grouped into lists of ``size``."""
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(bytes(line))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_chunks(work: Callable[[Any, list[bytes]], ChunkResult], context: Any,
               lines: Iterable[bytes], workers: int | None = None) -> Iterator[ChunkResult]:
    """``work(context, chunk)`` over the rows' chunks, results in input order, on ``workers`` processes
    (default ``PAYOBS_WORKERS``; 0: in this process)."""
    workers = settings.pipeline_workers() if workers is None else workers
    if workers == 0:
        for chunk in chunks(lines):
            yield work(context, chunk)
        return
    with _pool(workers, hide_main=getattr(work, "__module__", None) != "__main__") as pool:
        pending: deque[Future] = deque()
        try:
            for chunk in chunks(lines):
                pending.append(pool.submit(work, context, chunk))
                if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


@contextmanager
def chunk_stream(work: Callable[[Any, list[bytes]], ChunkResult], context: Any, lines: Iterable[bytes],
                 counts: Counter, on_record: Callable[[Any], None] | None = None) -> Iterator[Iterator[ChunkResult]]:
    """:func:`run_chunks` as the stream a stage hands to COPY FROM: each chunk's counts added to ``counts`` and
    each of its side records given to ``on_record``. The stream and ``lines`` (the COPY TO feeding it) are closed
    when the block ends: enter it after the stage's connections, so it closes first (a COPY left open holds its
    connection's lock, and the connection could not roll back)."""
    def results() -> Iterator[ChunkResult]:
        for result in run_chunks(work, context, lines):
            counts.update(result.counts)
            if on_record is not None:
                for record in result.records:
                    on_record(record)
            yield result

    stream = results()
    try:
        yield stream
    finally:
        stream.close()
        if hasattr(lines, "close"):
            lines.close()  # a COPY TO generator: its COPY ends here even when the stream stopped early


_state: dict[str, Any] = {}


def cached_state(key: Any, build: Callable[[], Any]) -> Any:
    """The worker's state for one stage run (``key`` names it), built once per process by ``build()``."""
    if _state.get("key") != key:
        _state.clear()
        _state["value"] = build()
        _state["key"] = key
    return _state["value"]
