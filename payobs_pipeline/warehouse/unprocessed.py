"""The unprocessed-events lifecycle (tables unprocessed_events, llm_status): the one place it is defined.

Every step of a row's life is a function here, called by the normalize and learned_mappings assets, the
retry sensor, the conservation check and the CLI (none of them holds SQL about these tables):

* record and resolve: a normalize run spools its window's unprocessed rows (:class:`WindowRecorder`) and
  :func:`reconcile_window` records them and resolves the window's rows that normalized this time;
* due for a retry: :data:`DUE_SQL`, :func:`due_windows` (the retry sensor), :func:`record_llm_status`;
* requeue: :func:`requeue`, :func:`requeue_mapping_shape` (``payobs unprocessed requeue``, a mapping approved);
* dead letters and the rest, read: :func:`counts_by_reason`, :func:`recent`, :func:`backlog`, :func:`row_of`,
  :func:`unresolved_in_window`.

A row's ``state`` is one of :data:`STATES`: ``RETRYING`` (waiting for its next attempt), ``DEAD_LETTER``
(no more automatic attempts; requeueable), ``RESOLVED`` (its lake row normalized on a later run).

A lake row that does not become a canonical event is kept in ``unprocessed_events`` with its reason. It is
retried only when something that could change its outcome changed; otherwise it waits (docs in README.md,
"Retries"). A row is *due* (``DUE_SQL``, the one definition the sensor and the normalize run share) when it
is not RESOLVED and:

* its backoff is over (``next_attempt_at <= now()``); requeueing a row, by hand or by approving a
  mapping of its shape, sets ``next_attempt_at`` to now;
* a learned or manual mapping of its shape became active after the row was last recorded;
* it waits for the LLM (``LLM_REASONS``) and the runs have seen the LLM usable since (``llm_status``);
* it was deferred by the normalize stage under another ``MAPPING_VERSION`` (the built-in provider specs).

A run of the window counts an attempt only for a row that was due (or new, or back after being resolved):
a rerun, a manual run or a backfill before then changes neither its attempts nor its backoff.
"""

from __future__ import annotations

import csv
import hashlib
import json
import tempfile
from collections.abc import Iterable
from functools import cache

import psycopg

from payobs_pipeline.normalization.formats import INTERNAL_ERROR
from payobs_pipeline.normalization.normalize import FINAL_DEFERRALS
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason

# The states of a row (unprocessed_events.state; migration 0001 constrains the column to them).
RETRYING, DEAD_LETTER, RESOLVED = "RETRYING", "DEAD_LETTER", "RESOLVED"
STATES = (RETRYING, DEAD_LETTER, RESOLVED)
UNRESOLVED_STATES = (RETRYING, DEAD_LETTER)

# Exponential backoff: RETRY_BASE_MINUTES × 2^(attempts − 1), dead letter at MAX_ATTEMPTS.
MAX_ATTEMPTS = 5
RETRY_BASE_MINUTES = 30

# Reasons that mean "the LLM could not be asked": such a row waits for the LLM (no time backoff, no
# dead letter from waiting) and is due once a run has seen the LLM usable (record_llm_status).
LLM_REASONS = (UnprocessedReason.LLM_OFF, UnprocessedReason.LLM_NOT_CONFIGURED, UnprocessedReason.LLM_BUDGET_EXHAUSTED,
               UnprocessedReason.LLM_UNAVAILABLE)

# Bump when the normalize cascade's code (not a provider spec) changes in a way that may normalize rows it
# deferred before: every deferred row is then retried once.
CASCADE_REVISION = "1"


def mapping_version(specs: Iterable[dict] | None = None) -> str:
    """A short hash of the built-in provider specs (and CASCADE_REVISION): the code's mapping version."""
    if specs is None:
        from payobs_pipeline.normalization.providers import builtin_mappings  # compiling them takes a while

        specs = (mapping.spec for mapping in builtin_mappings())
    canonical = json.dumps([CASCADE_REVISION, sorted((json.dumps(s, sort_keys=True) for s in specs))])
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


@cache
def _code_mapping_version() -> str:
    return mapping_version()


def __getattr__(name: str):
    # MAPPING_VERSION, the code's mapping version, is computed when first read (not at import: the CLI
    # imports this module for STATES, and hashing every built-in spec takes a while).
    if name == "MAPPING_VERSION":
        return _code_mapping_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _mapping_version() -> str:
    """MAPPING_VERSION (a test may set the module attribute to stand for another release)."""
    return globals().get("MAPPING_VERSION") or _code_mapping_version()


# Whether row ``u`` of unprocessed_events is due for a retry. Parameters: %(mapping_version)s, %(llm_reasons)s.
DUE_SQL = f"""
COALESCE(u.state <> '{RESOLVED}' AND (
    u.next_attempt_at <= now()
    OR (u.stage = 'normalize' AND u.mapping_version IS DISTINCT FROM %(mapping_version)s)
    OR (u.reason_code = ANY(%(llm_reasons)s)
        AND EXISTS (SELECT 1 FROM llm_status s WHERE s.available AND s.last_available_at > u.updated_at))
    OR (u.fingerprint IS NOT NULL
        AND EXISTS (SELECT 1 FROM normalization_mappings m
                    WHERE m.fingerprint = u.fingerprint AND m.state = 'active' AND m.source <> 'builtin'
                      AND COALESCE(m.reviewed_at, m.created_at) > u.updated_at))
), false)
"""


def _due_params() -> dict:
    return {"mapping_version": _mapping_version(), "llm_reasons": list(LLM_REASONS)}


# --- the normalize run ------------------------------------------------------------------------------

# What a normalize run records of each unprocessed row (the spool's CSV columns, in order).
RECORDED_COLUMNS = ("lake_id", "partition_key", "stage", "reason_code", "detail", "provider", "fingerprint")
# Unprocessed rows wait on disk past this size, so memory stays flat on a bad window.
SPOOL_BYTES = 8 * 1024 * 1024
MAX_DETAIL_CHARS = 500


class WindowRecorder:
    """A normalize run's unprocessed rows of one window, spooled (on disk past SPOOL_BYTES) until the run
    records them all at once with :meth:`reconcile`, in the transaction that replaces the window's events."""

    def __init__(self, window) -> None:
        self.window = window
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", newline="")
        self._writer = csv.writer(self._spool)

    def record(self, lake_id, stage: str, reason_code: str, detail: str | None, provider: str | None,
               fingerprint: str | None) -> None:
        """Keep one lake row as unprocessed (``stage``: parse or normalize) with its reason."""
        self._writer.writerow((lake_id, self.window.partition_key, stage, reason_code,
                               (detail or "")[:MAX_DETAIL_CHARS], provider, fingerprint))

    def reconcile(self, conn: psycopg.Connection) -> int:
        """Record the spooled rows and resolve the window's others (:func:`reconcile_window`)."""
        self._spool.seek(0)
        try:
            return reconcile_window(conn, self.window, self._spool)
        finally:
            self._spool.close()


def reconcile_window(conn: psycopg.Connection, window, spool) -> int:
    """Record a window's unprocessed rows (CSV in ``spool``: lake_id, partition_key, stage, reason_code,
    detail, provider, fingerprint) and resolve its rows that are no longer unprocessed.

    An attempt counts for a row that is new, back after being resolved, or due; any other row keeps its
    attempts, state and backoff. Returns how many rows the window left unprocessed.
    """
    columns = ", ".join(RECORDED_COLUMNS)
    conn.execute(
        "CREATE TEMP TABLE unprocessed_window (lake_id uuid, partition_key text, stage text, reason_code text, "
        "detail text, provider text, fingerprint text, prior_state text, prior_attempts integer, "
        "prior_next timestamptz, due boolean, attempts integer, state text, next_attempt_at timestamptz) "
        "ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy(f"COPY unprocessed_window ({columns}) FROM STDIN (FORMAT csv)") as copy:
        while block := spool.read(1 << 16):
            copy.write(block)
    conn.execute(
        f"""
        UPDATE unprocessed_window w
        SET prior_state = u.state, prior_attempts = u.attempts, prior_next = u.next_attempt_at, due = {DUE_SQL}
        FROM unprocessed_events u WHERE u.lake_id = w.lake_id
        """,
        _due_params(),
    )
    # Parse failures and final deferrals (bad amounts, notifications without an outcome, ...) cannot
    # succeed on a retry: they go straight to the dead letter, visible and requeueable. An INTERNAL_ERROR
    # is payobs's own defect, not the row's: it is retried, so a fixed release heals it. A row waiting for
    # the LLM has no time backoff and is never dead-lettered for waiting.
    conn.execute(
        f"""
        UPDATE unprocessed_window w SET
            attempts = c.attempts,
            state = c.state,
            next_attempt_at = CASE
                WHEN c.state = '{DEAD_LETTER}' THEN NULL
                WHEN c.llm AND (c.counts OR w.prior_next IS NULL) THEN NULL
                WHEN NOT c.counts AND w.prior_next IS NOT NULL THEN w.prior_next
                ELSE now() + make_interval(mins => %(base)s * power(2, greatest(least(c.attempts, 20), 1) - 1)::int) END
        FROM (
            SELECT lake_id, llm, counts, attempts,
                   CASE WHEN final THEN '{DEAD_LETTER}'
                        WHEN NOT counts THEN prior_state
                        WHEN llm THEN '{RETRYING}'
                        WHEN attempts >= %(max)s THEN '{DEAD_LETTER}'
                        ELSE '{RETRYING}' END AS state
            FROM (SELECT lake_id, prior_state, final, llm, counts,
                         CASE WHEN prior_state IS NULL OR prior_state = '{RESOLVED}' THEN 1
                              WHEN due THEN prior_attempts + 1 ELSE prior_attempts END AS attempts
                  FROM (SELECT lake_id, prior_state, prior_attempts, due,
                               (stage = 'parse' AND reason_code <> %(internal)s)
                                   OR reason_code = ANY(%(final)s) AS final,
                               reason_code = ANY(%(llm_reasons)s) AS llm,
                               prior_state IS NULL OR prior_state = '{RESOLVED}' OR due AS counts
                        FROM unprocessed_window) r) a
        ) c
        WHERE c.lake_id = w.lake_id
        """,
        {"base": RETRY_BASE_MINUTES, "max": MAX_ATTEMPTS, "final": sorted(FINAL_DEFERRALS),
         "internal": INTERNAL_ERROR, "llm_reasons": list(LLM_REASONS)},
    )
    conn.execute(
        """
        INSERT INTO unprocessed_events AS u
            (lake_id, partition_key, stage, reason_code, detail, provider, fingerprint,
             attempts, next_attempt_at, state, mapping_version)
        SELECT lake_id, partition_key, stage, reason_code, NULLIF(detail, ''), NULLIF(provider, ''),
               NULLIF(fingerprint, ''), attempts, next_attempt_at, state, %(mapping_version)s
        FROM unprocessed_window
        ON CONFLICT (lake_id) DO UPDATE SET
            partition_key = excluded.partition_key,
            stage = excluded.stage,
            reason_code = excluded.reason_code,
            detail = excluded.detail,
            provider = excluded.provider,
            fingerprint = excluded.fingerprint,
            attempts = excluded.attempts,
            state = excluded.state,
            next_attempt_at = excluded.next_attempt_at,
            mapping_version = excluded.mapping_version,
            updated_at = now()
        """,
        {"mapping_version": _mapping_version()},
    )
    conn.execute(
        f"""
        UPDATE unprocessed_events u SET state = '{RESOLVED}', next_attempt_at = NULL, updated_at = now()
        WHERE u.partition_key = %s AND u.state <> '{RESOLVED}'
          AND NOT EXISTS (SELECT 1 FROM unprocessed_window w WHERE w.lake_id = u.lake_id)
        """,
        (window.partition_key,),
    )
    return conn.execute("SELECT count(*) FROM unprocessed_window").fetchone()[0]


def record_llm_status(conn: psycopg.Connection, unavailable_reason: str | None) -> None:
    """What a run found about the LLM: None when it was usable, else the reason rows wait with.

    Runs that hold the LLM resource call this once per run (even with nothing to learn), so rows waiting
    for the LLM come due when it is usable again; the sensor itself never calls the LLM.
    """
    conn.execute(
        """
        INSERT INTO llm_status AS s (checked_at, available, reason_code, last_available_at)
        VALUES (now(), %(available)s, %(reason)s, CASE WHEN %(available)s THEN now() END)
        ON CONFLICT (singleton) DO UPDATE SET
            checked_at = excluded.checked_at,
            available = excluded.available,
            reason_code = excluded.reason_code,
            last_available_at = COALESCE(excluded.last_available_at, s.last_available_at)
        """,
        {"available": unavailable_reason is None, "reason": unavailable_reason},
    )


# --- the retry sensor -------------------------------------------------------------------------------


def due_windows(conn: psycopg.Connection) -> list[tuple[str, int, str]]:
    """Windows with due rows: (partition_key, due rows, a token that changes with every counted attempt)."""
    rows = conn.execute(
        f"""
        SELECT u.partition_key, count(*), sum(u.attempts), max(u.updated_at)
        FROM unprocessed_events u
        WHERE u.state <> '{RESOLVED}' AND {DUE_SQL}
        GROUP BY u.partition_key ORDER BY u.partition_key
        """,
        _due_params(),
    ).fetchall()
    return [
        (key, count, hashlib.sha256(f"{attempts}:{latest.isoformat()}".encode()).hexdigest()[:12])
        for key, count, attempts, latest in rows
    ]


# --- operators ----------------------------------------------------------------------------------------


def requeue(
    conn: psycopg.Connection, *, reason: str | None = None, fingerprint: str | None = None,
    partition: str | None = None, lake_id: str | None = None, state: str | None = None,
) -> int:
    """Make unresolved rows due now, attempts reset (a new chance); every given selector must match."""
    return conn.execute(
        f"""
        UPDATE unprocessed_events SET state = '{RETRYING}', attempts = 0, next_attempt_at = now(), updated_at = now()
        WHERE state <> '{RESOLVED}'
          AND (%(state)s::text IS NULL OR state = %(state)s)
          AND (%(reason)s::text IS NULL OR reason_code = %(reason)s)
          AND (%(fingerprint)s::text IS NULL OR fingerprint = %(fingerprint)s)
          AND (%(partition)s::text IS NULL OR partition_key = %(partition)s)
          AND (%(lake_id)s::text IS NULL OR lake_id::text = %(lake_id)s)
        """,
        {"reason": reason, "fingerprint": fingerprint, "partition": partition, "lake_id": lake_id,
         "state": state},
    ).rowcount


def requeue_mapping_shape(conn: psycopg.Connection, mapping_id: int) -> int:
    """A mapping became active: its shape's unresolved rows are due now."""
    row = conn.execute("SELECT fingerprint FROM normalization_mappings WHERE id = %s", (mapping_id,)).fetchone()
    return requeue(conn, fingerprint=row[0]) if row else 0


def counts_by_reason(conn: psycopg.Connection, state: str | None = None) -> psycopg.Cursor:
    """Rows by state, stage and reason, largest first (a cursor: rows and column names)."""
    return conn.execute(
        "SELECT state, stage, reason_code, count(*) AS rows, "
        f"count(*) FILTER (WHERE {DUE_SQL}) AS due_now "
        "FROM unprocessed_events u WHERE (%(state)s::text IS NULL OR state = %(state)s) "
        "GROUP BY 1, 2, 3 ORDER BY 4 DESC",
        {**_due_params(), "state": state},
    )


def recent(conn: psycopg.Connection, state: str | None = None, limit: int = 20) -> psycopg.Cursor:
    """The most recently recorded rows, with their attempts, when they are next due and why they wait."""
    return conn.execute(
        "SELECT lake_id, partition_key, state, reason_code, attempts, next_attempt_at, "
        f"{DUE_SQL} AS due_now, left(fingerprint, 12) AS shape, left(detail, 80) AS detail "
        "FROM unprocessed_events u WHERE (%(state)s::text IS NULL OR state = %(state)s) "
        "ORDER BY updated_at DESC LIMIT %(limit)s",
        {**_due_params(), "state": state, "limit": limit},
    )


def backlog(conn: psycopg.Connection) -> dict[str, int]:
    """Rows by state, and how many are due now ("due")."""
    counts = dict(conn.execute("SELECT state, count(*) FROM unprocessed_events GROUP BY state").fetchall())
    counts["due"] = conn.execute(
        f"SELECT count(*) FROM unprocessed_events u WHERE u.state <> '{RESOLVED}' AND {DUE_SQL}", _due_params()
    ).fetchone()[0]
    return counts


def row_of(conn: psycopg.Connection, lake_id: str) -> psycopg.Cursor:
    """One lake row's unprocessed_events row, every column (none when it is not unprocessed)."""
    return conn.execute("SELECT * FROM unprocessed_events WHERE lake_id::text = %(id)s", {"id": lake_id})


def unresolved_in_window(conn: psycopg.Connection, partition_key: str) -> int:
    """How many of a window's lake rows are unprocessed now (RETRYING or DEAD_LETTER): the conservation
    check's count."""
    return conn.execute(
        f"SELECT count(*) FROM unprocessed_events WHERE partition_key = %s AND state <> '{RESOLVED}'",
        (partition_key,),
    ).fetchone()[0]
