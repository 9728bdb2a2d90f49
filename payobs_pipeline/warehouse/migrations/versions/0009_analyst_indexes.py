"""Speed of the analyst queries: a per-country failure summary and the indexes the documented questions use.

The documented questions must answer in under 100 ms over a year of windows for 20 providers and 200
merchants (docs/metrics.md, "Speed of the analyst queries"; ``payobs bench --analyst`` measures it).

* ``failure_reason_country_metrics``: per window, provider and country, the decided attempts grouped by
  failure (status, reason, source, decline type; ``''`` for the attempts that did not fail), with their
  counts and the failed ones' USD. The ``*_failure_reasons_by_country`` views read it instead of summing
  the ``attempts`` table itself (a week of attempts is millions of rows; a week of this table is a few
  thousand). It is a metric table like the others: the metric asset ``failure_reason_country_metrics``
  (payobs_pipeline/assets/metrics.py) replaces a window's rows set-based under the window's lock, and
  republishes the windows a run restated. This migration fills it once from the attempts already in the
  warehouse, so the views keep their history on upgrade.
* ``provider_health.baseline_extra_variance``: the variance of the cell's approval rate between its baseline
  windows beyond binomial sampling, which the health test adds to its variance (docs/health.md).
* Indexes for the documented questions' filters: ``failure_reason_metrics (window_start, status_category)``
  (declined volume of the last 7 days), ``pipeline_quality`` by day, ``alerts`` by day.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

from payobs_pipeline.normalization.taxonomy import AUTHORIZATION_OUTCOMES, FAILURE_STATUSES

revision = "0009"
down_revision = "0008"


def _sql_list(values) -> str:
    return ", ".join(f"'{value}'" for value in sorted(values))


DECIDED = _sql_list(AUTHORIZATION_OUTCOMES)
FAILED = _sql_list(FAILURE_STATUSES)

# The summary of the attempts, as the views count them (a failed attempt without a reason,
# source or decline type counts under UNKNOWN).
SUMMARY_OF_WINDOWS = f"""
    INSERT INTO failure_reason_country_metrics (partition_key, provider, country, status_category, failure_reason,
        failure_source, decline_type, attempts, failures, amount_usd)
    SELECT partition_key, provider, country,
           CASE WHEN failed THEN status_category ELSE '' END,
           CASE WHEN failed THEN COALESCE(failure_reason, 'UNKNOWN') ELSE '' END,
           CASE WHEN failed THEN COALESCE(failure_source, 'UNKNOWN') ELSE '' END,
           CASE WHEN failed THEN COALESCE(decline_type, 'UNKNOWN') ELSE '' END,
           count(*), count(*) FILTER (WHERE failed), sum(amount_usd) FILTER (WHERE failed)
    FROM (SELECT *, status_category IN ({FAILED}) AS failed FROM attempts
          WHERE status_category IN ({DECIDED})) a
    GROUP BY 1, 2, 3, 4, 5, 6, 7
"""

UPGRADE = f"""
CREATE TABLE failure_reason_country_metrics (
    partition_key   text          NOT NULL,
    provider        text          NOT NULL,
    country         text          NOT NULL,
    status_category text          NOT NULL,  -- '' for the decided attempts that did not fail
    failure_reason  text          NOT NULL,
    failure_source  text          NOT NULL,
    decline_type    text          NOT NULL,
    attempts        bigint        NOT NULL,  -- decided attempts of the group
    failures        bigint        NOT NULL,  -- of those, failed (DECLINED, ERROR, UNKNOWN)
    amount_usd      numeric(20, 4),          -- USD of the failed ones (NULL when none has a USD amount)
    PRIMARY KEY (partition_key, provider, country, status_category, failure_reason, failure_source, decline_type)
);
CREATE INDEX failure_reason_country_metrics_day_idx
    ON failure_reason_country_metrics (window_day(partition_key), provider);
CREATE INDEX failure_reason_country_metrics_week_idx
    ON failure_reason_country_metrics (window_week(partition_key), provider);

-- The attempts already in the warehouse (afterwards the metric asset publishes it window by window).
{SUMMARY_OF_WINDOWS};

-- The health test's between-window variance of the baseline (0 below 3 baseline windows; NULL on rows
-- written before this migration).
ALTER TABLE provider_health ADD COLUMN baseline_extra_variance double precision;

-- Filters of the documented questions.
CREATE INDEX failure_reason_metrics_window_start_idx ON failure_reason_metrics (window_start, status_category);
CREATE INDEX pipeline_quality_day_idx ON pipeline_quality (window_day(partition_key));
CREATE INDEX alerts_day_idx ON alerts (window_day(partition_key));
"""

# Same columns, same types, same meaning as migration 0008's views; read from the summary.
BY_COUNTRY = """
CREATE OR REPLACE VIEW {name} AS
SELECT {columns},
       provider, country, status_category, failure_reason, failure_source, decline_type, failures, amount_usd,
       share_of_failures, share_of_attempts
FROM (
    SELECT period, provider, country, status_category, failure_reason, failure_source, decline_type,
           failures, amount_usd,
           failures::double precision / NULLIF(sum(failures) OVER per_country, 0) AS share_of_failures,
           failures::double precision / NULLIF(sum(attempts) OVER per_country, 0) AS share_of_attempts
    FROM (
        SELECT {period}(partition_key) AS period, provider, country,
               NULLIF(status_category, '') AS status_category, NULLIF(failure_reason, '') AS failure_reason,
               NULLIF(failure_source, '') AS failure_source, NULLIF(decline_type, '') AS decline_type,
               sum(failures)::bigint AS failures, sum(amount_usd) AS amount_usd, sum(attempts)::bigint AS attempts
        FROM failure_reason_country_metrics
        GROUP BY 1, 2, 3, 4, 5, 6, 7
    ) sums
    WINDOW per_country AS (PARTITION BY period, provider, country)
) shares
WHERE status_category IS NOT NULL
"""

DAY = {"period": "window_day", "columns": "period AS day"}
WEEK = {"period": "window_week",
        "columns": "period AS week, to_char(period::timestamp, 'IYYY-\"W\"IW') AS iso_week"}


def upgrade() -> None:
    op.execute(UPGRADE)
    for prefix, period in (("daily", DAY), ("weekly", WEEK)):
        op.execute(BY_COUNTRY.format(name=f"{prefix}_failure_reasons_by_country", **period))


def downgrade() -> None:
    # Back to 0008's views over the attempts themselves.
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("views_0008", Path(__file__).with_name("0008_analyst_views.py"))
    views_0008 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(views_0008)
    for prefix, period in (("daily", views_0008.DAY), ("weekly", views_0008.WEEK)):
        op.execute(views_0008.FAILURE_REASONS_BY_COUNTRY.replace("CREATE VIEW", "CREATE OR REPLACE VIEW").format(
            name=f"{prefix}_failure_reasons_by_country", failed=views_0008.FAILED, decided=views_0008.DECIDED,
            **period))
    op.execute(
        """
        DROP INDEX IF EXISTS alerts_day_idx;
        DROP INDEX IF EXISTS pipeline_quality_day_idx;
        DROP INDEX IF EXISTS failure_reason_metrics_window_start_idx;
        DROP TABLE IF EXISTS failure_reason_country_metrics;
        ALTER TABLE provider_health DROP COLUMN IF EXISTS baseline_extra_variance;
        """
    )
