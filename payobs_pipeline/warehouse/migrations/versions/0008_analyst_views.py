"""Views for analysts: daily and weekly rollups of the metric, health, alert and quality tables.

Every rate in a view is recomputed from the summed counts of its rows (never an average of the windows'
rates), so a day or a week weighs each attempt once. Days and weeks are UTC calendar days and ISO weeks
(Monday to Sunday) of the window's start; a window belongs to exactly one day. The columns are documented
in docs/metrics.md ("Views for analysts").

``window_day(partition_key)`` and ``window_week(partition_key)`` are immutable, so they are indexed on the
metric tables: a view filtered by day or week reads only those days' rows.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

from payobs_pipeline.normalization.taxonomy import AUTHORIZATION_OUTCOMES, FAILURE_STATUSES, StatusCategory

revision = "0008"
down_revision = "0007"


def _sql_list(values) -> str:
    return ", ".join(f"'{value}'" for value in sorted(values))


DECIDED = _sql_list(AUTHORIZATION_OUTCOMES)
FAILED = _sql_list(FAILURE_STATUSES)
APPROVED = f"'{StatusCategory.APPROVED}'"

FUNCTIONS = """
-- The UTC day and the ISO week (its Monday) of a window key 'YYYY-MM-DD-HH:MM'. Built from pg_catalog
-- functions only: an index expression is evaluated with a search_path of pg_catalog alone.
CREATE FUNCTION window_day(partition_key text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT make_date(substr($1, 1, 4)::int, substr($1, 6, 2)::int, substr($1, 9, 2)::int) $$;
CREATE FUNCTION window_week(partition_key text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_trunc('week', make_date(substr($1, 1, 4)::int, substr($1, 6, 2)::int,
                                               substr($1, 9, 2)::int)::timestamp)::date $$;

CREATE INDEX approval_metrics_day_idx ON approval_metrics (window_day(partition_key), provider);
CREATE INDEX approval_metrics_week_idx ON approval_metrics (window_week(partition_key), provider);
CREATE INDEX payment_metrics_day_idx ON payment_metrics (window_day(partition_key), provider);
CREATE INDEX payment_metrics_week_idx ON payment_metrics (window_week(partition_key), provider);
CREATE INDEX failure_reason_metrics_day_idx ON failure_reason_metrics (window_day(partition_key), provider);
CREATE INDEX failure_reason_metrics_week_idx ON failure_reason_metrics (window_week(partition_key), provider);
CREATE INDEX attempts_day_idx ON attempts (window_day(partition_key), provider);
CREATE INDEX attempts_week_idx ON attempts (window_week(partition_key), provider);
"""

# period: the view's first column; {period} is window_day or window_week.
PROVIDER_METRICS = """
CREATE VIEW {name} AS
SELECT {columns},
       provider, windows,
       attempts, approved, declined, errored, unknown, pending, cancelled,
       approved::double precision / NULLIF(attempts, 0) AS approval_rate,
       captured, voided, refunded, chargebacks,
       approved_amount_usd, declined_amount_usd, refunded_amount_usd, disputed_amount_usd, attempts_missing_usd,
       payments, payments_approved, payments_failed, payments_retried,
       payments_approved::double precision / NULLIF(payments, 0) AS conversion_rate
FROM (
    SELECT period, provider, count(DISTINCT partition_key)::integer AS windows,
           sum(attempts)::bigint AS attempts, sum(approved)::bigint AS approved, sum(declined)::bigint AS declined,
           sum(errored)::bigint AS errored, sum(unknown)::bigint AS unknown, sum(pending)::bigint AS pending, sum(cancelled)::bigint AS cancelled,
           sum(captured)::bigint AS captured, sum(voided)::bigint AS voided, sum(refunded)::bigint AS refunded,
           sum(chargebacks)::bigint AS chargebacks,
           sum(approved_amount_usd) AS approved_amount_usd, sum(declined_amount_usd) AS declined_amount_usd,
           sum(refunded_amount_usd) AS refunded_amount_usd, sum(disputed_amount_usd) AS disputed_amount_usd,
           sum(attempts_missing_usd)::bigint AS attempts_missing_usd,
           sum(payments)::bigint AS payments, sum(payments_approved)::bigint AS payments_approved,
           sum(payments_failed)::bigint AS payments_failed, sum(payments_retried)::bigint AS payments_retried
    FROM (
        SELECT {period}(partition_key) AS period, partition_key, provider,
               attempts, approved, declined, errored, unknown, pending, cancelled, captured, voided, refunded,
               chargebacks, approved_amount_usd, declined_amount_usd, refunded_amount_usd, disputed_amount_usd,
               attempts_missing_usd,
               0 AS payments, 0 AS payments_approved, 0 AS payments_failed, 0 AS payments_retried
        FROM approval_metrics
        UNION ALL
        SELECT {period}(partition_key), partition_key, provider,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0,
               payments, payments_approved, payments_failed, payments_retried
        FROM payment_metrics
    ) rows
    GROUP BY period, provider
) sums
"""

# Failure reasons per provider from failure_reason_metrics; the provider's attempts of the period come
# from approval_metrics (the same decided attempts), so share_of_attempts is failures / attempts.
FAILURE_REASONS = """
CREATE VIEW {name} AS
SELECT {columns},
       provider, status_category, failure_reason, failure_source, decline_type, failures, amount_usd,
       share_of_failures, share_of_attempts
FROM (
    SELECT period, provider, status_category, failure_reason, failure_source, decline_type, failures, amount_usd,
           failures::double precision / NULLIF(sum(failures) OVER per_provider, 0) AS share_of_failures,
           failures::double precision / NULLIF(sum(attempts) OVER per_provider, 0) AS share_of_attempts
    FROM (
        SELECT period, provider, status_category, failure_reason, failure_source, decline_type,
               sum(failures)::bigint AS failures, sum(amount_usd) AS amount_usd, sum(attempts)::bigint AS attempts
        FROM (
            SELECT {period}(partition_key) AS period, provider, status_category, failure_reason, failure_source,
                   decline_type, failures, amount_usd, 0 AS attempts
            FROM failure_reason_metrics
            UNION ALL
            SELECT {period}(partition_key), provider, NULL, NULL, NULL, NULL, 0, NULL, attempts
            FROM approval_metrics
        ) rows
        GROUP BY period, provider, status_category, failure_reason, failure_source, decline_type
    ) sums
    WINDOW per_provider AS (PARTITION BY period, provider)
) shares
WHERE status_category IS NOT NULL
"""

# Failure reasons per provider and country, from the attempts themselves (failure_reason_metrics has no
# country): shares are of the provider's failed / decided attempts in that country and period.
FAILURE_REASONS_BY_COUNTRY = """
CREATE VIEW {name} AS
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
               CASE WHEN status_category IN ({failed}) THEN status_category END AS status_category,
               CASE WHEN status_category IN ({failed}) THEN COALESCE(failure_reason, 'UNKNOWN') END
                   AS failure_reason,
               CASE WHEN status_category IN ({failed}) THEN COALESCE(failure_source, 'UNKNOWN') END
                   AS failure_source,
               CASE WHEN status_category IN ({failed}) THEN COALESCE(decline_type, 'UNKNOWN') END AS decline_type,
               count(*) FILTER (WHERE status_category IN ({failed})) AS failures,
               sum(amount_usd) FILTER (WHERE status_category IN ({failed})) AS amount_usd,
               count(*) AS attempts
        FROM attempts
        WHERE status_category IN ({decided})
        GROUP BY 1, 2, 3, 4, 5, 6, 7
    ) sums
    WINDOW per_country AS (PARTITION BY period, provider, country)
) shares
WHERE status_category IS NOT NULL
"""

DAY = {"period": "window_day", "columns": "period AS day"}
WEEK = {"period": "window_week",
        "columns": "period AS week, to_char(period::timestamp, 'IYYY-\"W\"IW') AS iso_week"}

ALERTS = """
-- One row per alert: the drop, its strongest grown reason and how many merchants it touched.
CREATE VIEW alert_list AS
SELECT alert_key, partition_key, window_day(partition_key) AS day, window_start, provider, dimension,
       dimension_value, attempts, approval_rate, baseline_approval_rate,
       baseline_approval_rate - approval_rate AS approval_drop, p_value,
       grown_reasons -> 0 ->> 'failure_reason' AS top_grown_reason,
       jsonb_array_length(COALESCE(affected_merchants, '[]'::jsonb)) AS merchants_affected,
       created_at, notified_at
FROM alerts;

-- One row per alert and affected merchant.
CREATE VIEW alert_merchants AS
SELECT a.alert_key, a.partition_key, window_day(a.partition_key) AS day, a.window_start, a.provider, a.dimension,
       a.dimension_value, m.merchant_id, m.attempts, m.failed,
       m.failed::double precision / NULLIF(m.attempts, 0) AS failure_rate
FROM alerts a
CROSS JOIN LATERAL jsonb_to_recordset(COALESCE(a.affected_merchants, '[]'::jsonb))
    AS m(merchant_id text, attempts bigint, failed bigint);

-- One row per alert and failure reason whose share of the failures grew.
CREATE VIEW alert_reasons AS
SELECT a.alert_key, a.partition_key, window_day(a.partition_key) AS day, a.window_start, a.provider, a.dimension,
       a.dimension_value, r.failure_reason, r.share, r.baseline_share, r.share - r.baseline_share AS growth
FROM alerts a
CROSS JOIN LATERAL jsonb_to_recordset(COALESCE(a.grown_reasons, '[]'::jsonb))
    AS r(failure_reason text, share double precision, baseline_share double precision);

-- The pipeline's quality by day: counts summed over the day's windows, shares recomputed from the sums.
CREATE VIEW daily_pipeline_quality AS
SELECT day, windows, lake_rows, normalized, unprocessed,
       unprocessed::double precision / NULLIF(lake_rows, 0) AS unprocessed_share,
       missing_amount, missing_currency, missing_country, missing_fx_rate,
       missing_fx_rate::double precision / NULLIF(normalized, 0) AS missing_fx_rate_share,
       restated_windows
FROM (
    SELECT window_day(partition_key) AS day, count(*) AS windows, sum(lake_rows)::bigint AS lake_rows,
           sum(normalized)::bigint AS normalized, sum(unprocessed)::bigint AS unprocessed,
           sum(missing_amount)::bigint AS missing_amount, sum(missing_currency)::bigint AS missing_currency,
           sum(missing_country)::bigint AS missing_country, sum(missing_fx_rate)::bigint AS missing_fx_rate,
           sum(restated_windows)::bigint AS restated_windows
    FROM pipeline_quality
    GROUP BY 1
) sums;
"""

VIEWS = (
    "alert_list", "alert_merchants", "alert_reasons", "daily_pipeline_quality",
    "daily_provider_metrics", "weekly_provider_metrics", "daily_failure_reasons", "weekly_failure_reasons",
    "daily_failure_reasons_by_country", "weekly_failure_reasons_by_country",
)


def upgrade_sql() -> str:
    statements = [FUNCTIONS]
    for prefix, period in (("daily", DAY), ("weekly", WEEK)):
        statements.append(PROVIDER_METRICS.format(name=f"{prefix}_provider_metrics", **period) + ";")
        statements.append(FAILURE_REASONS.format(name=f"{prefix}_failure_reasons", **period) + ";")
        statements.append(FAILURE_REASONS_BY_COUNTRY.format(
            name=f"{prefix}_failure_reasons_by_country", failed=FAILED, decided=DECIDED, **period) + ";")
    statements.append(ALERTS)
    return "\n".join(statements)


def upgrade() -> None:
    op.execute(upgrade_sql())


def downgrade() -> None:
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for index in ("approval_metrics", "payment_metrics", "failure_reason_metrics", "attempts"):
        op.execute(f"DROP INDEX IF EXISTS {index}_day_idx")
        op.execute(f"DROP INDEX IF EXISTS {index}_week_idx")
    op.execute("DROP FUNCTION IF EXISTS window_week(text)")
    op.execute("DROP FUNCTION IF EXISTS window_day(text)")
