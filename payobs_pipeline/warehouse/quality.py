"""Pipeline quality per window (table ``pipeline_quality``): can the window's numbers be trusted?

One row per window, replaced whole by each run of it (docs/metrics.md, "pipeline_quality"): the lake rows of
its snapshot, how many normalized (by which method) and how many are unprocessed (by reason), the normalized
events missing an amount, a currency, a country or a USD rate, and how many other windows its run restated.
The asset, its check and the command line read it through this module.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

import psycopg

from payobs_pipeline.resources.warehouse import lock_window
from payobs_pipeline.warehouse import unprocessed

# The values of normalized_events.normalization_method (set by normalization.mapping, normalize, heuristics
# and learning), each a key of normalized_by_method (0 when unused; another value would appear as its own key).
METHODS = ("provider_mapping", "learned_mapping", "heuristic", "llm_extraction")

QUALITY_SQL = """
INSERT INTO pipeline_quality (partition_key, window_start, lake_rows, normalized, unprocessed, unprocessed_share,
    unprocessed_by_reason, normalized_by_method, missing_amount, missing_currency, missing_country,
    missing_fx_rate, restated_windows, computed_at)
SELECT %(key)s, %(start)s, lake.n, ev.n, un.n, un.n::double precision / NULLIF(lake.n, 0),
       un.by_reason, ev.by_method, ev.missing_amount, ev.missing_currency, ev.missing_country, ev.missing_fx_rate,
       re.n, now()
FROM (SELECT count(*) AS n FROM raw_lake_batch WHERE partition_key = %(key)s) lake,
     (SELECT count(*) AS n,
             (SELECT jsonb_object_agg(m, 0) FROM unnest(%(methods)s::text[]) AS m)
                 || COALESCE((SELECT jsonb_object_agg(normalization_method, c) FROM (
                     SELECT normalization_method, count(*) AS c FROM normalized_events
                     WHERE partition_key = %(key)s GROUP BY 1) x), '{}'::jsonb) AS by_method,
             count(*) FILTER (WHERE amount_minor IS NULL) AS missing_amount,
             count(*) FILTER (WHERE currency IS NULL) AS missing_currency,
             count(*) FILTER (WHERE COALESCE(card_country, customer_country, merchant_country, country) IS NULL)
                 AS missing_country,
             count(*) FILTER (WHERE amount_minor IS NOT NULL AND currency IS NOT NULL AND amount_usd IS NULL)
                 AS missing_fx_rate
      FROM normalized_events WHERE partition_key = %(key)s) ev,
     (SELECT COALESCE(sum(c), 0) AS n, COALESCE(jsonb_object_agg(reason_code, c), '{}'::jsonb) AS by_reason
      FROM (SELECT reason_code, count(*) AS c FROM unprocessed_events
            WHERE partition_key = %(key)s AND state <> %(resolved)s GROUP BY 1) x) un,
     (SELECT count(*) AS n FROM window_restatements WHERE partition_key = %(key)s) re
"""


def publish_quality(conn: psycopg.Connection, partition_key: str, window_start) -> dict:
    """Replace the window's pipeline_quality row; returns it as a dict."""
    lock_window(conn, "pipeline_quality", partition_key)
    conn.execute("DELETE FROM pipeline_quality WHERE partition_key = %s", (partition_key,))
    conn.execute(QUALITY_SQL, {"key": partition_key, "start": window_start, "methods": list(METHODS),
                               "resolved": unprocessed.RESOLVED})
    return window_quality(conn, partition_key)


def window_quality(conn: psycopg.Connection, partition_key: str) -> dict | None:
    """The window's pipeline_quality row, or None."""
    cur = conn.execute("SELECT * FROM pipeline_quality WHERE partition_key = %s", (partition_key,))
    row = cur.fetchone()
    return dict(zip([c.name for c in cur.description], row)) if row else None


def quality_between(conn: psycopg.Connection, first_start, last_start) -> list[dict]:
    """The pipeline_quality rows of the windows starting in [first_start, last_start], oldest first."""
    cur = conn.execute(
        "SELECT * FROM pipeline_quality WHERE window_start BETWEEN %s AND %s ORDER BY window_start",
        (first_start, last_start),
    )
    names = [c.name for c in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


# --- the unprocessed-share check (docs/metrics.md, "pipeline_quality") ---------------------------------

# A window's unprocessed share "jumps" when it exceeds the median of the previous BASELINE_WINDOWS windows
# that have a share by more than JUMP_POINTS (absolute) AND is more than JUMP_FACTOR times that median.
BASELINE_WINDOWS = 14
MIN_BASELINE_WINDOWS = 4
JUMP_POINTS = 0.05
JUMP_FACTOR = 2.0


@dataclass(frozen=True)
class ShareJudgement:
    partition_key: str
    share: float | None
    baseline_median: float | None
    baseline_windows: int
    jumped: bool

    def as_metadata(self) -> dict:
        return {
            "unprocessed_share": self.share, "baseline_median": self.baseline_median,
            "baseline_windows": self.baseline_windows, "jumped": self.jumped,
        }


def judge_unprocessed_share(conn: psycopg.Connection, partition_key: str) -> ShareJudgement:
    """Compare the window's unprocessed share with the median of the previous windows' (a jump or not)."""
    current = conn.execute(
        "SELECT window_start, unprocessed_share FROM pipeline_quality WHERE partition_key = %s", (partition_key,)
    ).fetchone()
    if current is None:
        return ShareJudgement(partition_key, None, None, 0, False)
    window_start, share = current
    previous = [value for (value,) in conn.execute(
        "SELECT unprocessed_share FROM pipeline_quality WHERE window_start < %s AND unprocessed_share IS NOT NULL "
        "ORDER BY window_start DESC LIMIT %s", (window_start, BASELINE_WINDOWS),
    )]
    if share is None or len(previous) < MIN_BASELINE_WINDOWS:
        return ShareJudgement(partition_key, share, statistics.median(previous) if previous else None,
                              len(previous), False)
    median = statistics.median(previous)
    jumped = share > median + JUMP_POINTS and share > JUMP_FACTOR * median
    return ShareJudgement(partition_key, share, median, len(previous), jumped)


def as_json(row: dict) -> str:
    """A pipeline_quality row as JSON (dates and numbers as text where JSON has no type for them)."""
    return json.dumps(row, default=str, sort_keys=True)
