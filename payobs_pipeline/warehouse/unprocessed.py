"""The unprocessed-events lifecycle (table unprocessed_events): one module for assets, sensors and the CLI.

A lake row that does not become a canonical event is kept here with its reason, and retried
with exponential backoff until it resolves or goes to the dead letter.
"""

from __future__ import annotations

import psycopg

from payobs_pipeline.normalization.formats import INTERNAL_ERROR
from payobs_pipeline.normalization.normalize import FINAL_DEFERRALS

# Retries of unprocessed events: exponential backoff from RETRY_BASE_MINUTES, then dead letter.
MAX_ATTEMPTS = 5
RETRY_BASE_MINUTES = 30


def reconcile_window(conn: psycopg.Connection, window, spool) -> int:
    """Upsert this run's unprocessed rows (attempts count up, backoff grows) and resolve the rest."""
    conn.execute(
        "CREATE TEMP TABLE unprocessed_window (lake_id uuid, partition_key text, stage text, reason_code text, "
        "detail text, provider text, fingerprint text) ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy(
        "COPY unprocessed_window FROM STDIN (FORMAT csv)"
    ) as copy:
        while block := spool.read(1 << 16):
            copy.write(block)
    # Parse failures and final deferrals (bad amounts, notifications without an outcome, ...) cannot
    # succeed on a retry: they go straight to the dead letter, visible and requeueable. An INTERNAL_ERROR
    # is payobs's own defect, not the row's: it is retried, so a fixed release heals it.
    conn.execute(
        """
        INSERT INTO unprocessed_events AS u
            (lake_id, partition_key, stage, reason_code, detail, provider, fingerprint,
             attempts, next_attempt_at, state)
        SELECT lake_id, partition_key, stage, reason_code, NULLIF(detail, ''), NULLIF(provider, ''),
               NULLIF(fingerprint, ''), 1,
               CASE WHEN final THEN NULL ELSE now() + make_interval(mins => %(base)s) END,
               CASE WHEN final THEN 'DEAD_LETTER' ELSE 'RETRYING' END
        FROM (SELECT w.*, ((w.stage = 'parse' AND w.reason_code <> %(internal)s) OR w.reason_code = ANY(%(final)s))
                     AS final
              FROM unprocessed_window w) incoming
        ON CONFLICT (lake_id) DO UPDATE SET
            partition_key = excluded.partition_key,
            stage = excluded.stage,
            reason_code = excluded.reason_code,
            detail = excluded.detail,
            provider = excluded.provider,
            fingerprint = excluded.fingerprint,
            attempts = CASE WHEN u.state = 'RESOLVED' THEN 1 ELSE u.attempts + 1 END,
            state = CASE WHEN excluded.state = 'DEAD_LETTER'
                           OR (u.state <> 'RESOLVED' AND u.attempts + 1 >= %(max)s) THEN 'DEAD_LETTER'
                         ELSE 'RETRYING' END,
            next_attempt_at = CASE
                WHEN excluded.state = 'DEAD_LETTER' OR (u.state <> 'RESOLVED' AND u.attempts + 1 >= %(max)s)
                    THEN NULL
                WHEN u.state = 'RESOLVED' THEN now() + make_interval(mins => %(base)s)
                ELSE now() + make_interval(mins => %(base)s * power(2, u.attempts)::int) END,
            updated_at = now()
        """,
        {"base": RETRY_BASE_MINUTES, "max": MAX_ATTEMPTS, "final": sorted(FINAL_DEFERRALS), "internal": INTERNAL_ERROR},
    )
    conn.execute(
        """
        UPDATE unprocessed_events u SET state = 'RESOLVED', next_attempt_at = NULL, updated_at = now()
        WHERE u.partition_key = %s AND u.state <> 'RESOLVED'
          AND NOT EXISTS (SELECT 1 FROM unprocessed_window w WHERE w.lake_id = u.lake_id)
        """,
        (window.partition_key,),
    )
    return conn.execute("SELECT count(*) FROM unprocessed_window").fetchone()[0]
