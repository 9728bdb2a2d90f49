"""Money in USD and pipeline quality: rate sources, USD amounts on objects and metrics, pipeline_quality.

fx_rates gains the source of each rate and is filled with the shipped reference set
(payobs_pipeline/warehouse/fx_reference_rates.csv, docs/fx_rates.md); a rate an operator already loaded for
the same day and currency is kept. attempts, payments, refunds and disputes gain amount_usd; the metric
tables gain their USD columns; pipeline_quality holds one row per window (docs/metrics.md).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"

UPGRADE = """
ALTER TABLE fx_rates ADD COLUMN source text;
-- Rate look-ups go by currency, then the latest date at most the amount's day.
CREATE INDEX fx_rates_currency_date_idx ON fx_rates (currency, rate_date);

ALTER TABLE attempts ADD COLUMN amount_usd numeric(20, 4);
ALTER TABLE payments ADD COLUMN amount_usd numeric(20, 4);
ALTER TABLE refunds ADD COLUMN amount_usd numeric(20, 4);
ALTER TABLE disputes ADD COLUMN amount_usd numeric(20, 4);

ALTER TABLE approval_metrics
    ADD COLUMN approved_amount_usd  numeric(20, 4),
    ADD COLUMN declined_amount_usd  numeric(20, 4),
    ADD COLUMN refunded_amount_usd  numeric(20, 4),
    ADD COLUMN disputed_amount_usd  numeric(20, 4),
    ADD COLUMN attempts_missing_usd integer;
ALTER TABLE payment_metrics ADD COLUMN approved_amount_usd numeric(20, 4);
ALTER TABLE failure_reason_metrics ADD COLUMN amount_usd numeric(20, 4);

-- One row per window: is the window's data complete and trustworthy (docs/metrics.md, "pipeline_quality").
CREATE TABLE pipeline_quality (
    partition_key         text             PRIMARY KEY,
    window_start          timestamptz      NOT NULL,
    lake_rows             bigint           NOT NULL,
    normalized            bigint           NOT NULL,
    unprocessed           bigint           NOT NULL,
    unprocessed_share     double precision,
    unprocessed_by_reason jsonb            NOT NULL,
    normalized_by_method  jsonb            NOT NULL,
    missing_amount        bigint           NOT NULL,
    missing_currency      bigint           NOT NULL,
    missing_country       bigint           NOT NULL,
    missing_fx_rate       bigint           NOT NULL,
    restated_windows      integer          NOT NULL,
    computed_at           timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX pipeline_quality_window_start_idx ON pipeline_quality (window_start);
"""


def upgrade() -> None:
    op.execute(UPGRADE)
    # The reference rates, set-based (COPY), on the migration's own connection and transaction.
    from payobs_pipeline.warehouse.fx import load_reference_rates

    load_reference_rates(op.get_bind().connection.driver_connection)


def downgrade() -> None:
    op.execute(
        """
        DROP TABLE IF EXISTS pipeline_quality;
        ALTER TABLE failure_reason_metrics DROP COLUMN IF EXISTS amount_usd;
        ALTER TABLE payment_metrics DROP COLUMN IF EXISTS approved_amount_usd;
        ALTER TABLE approval_metrics
            DROP COLUMN IF EXISTS approved_amount_usd, DROP COLUMN IF EXISTS declined_amount_usd,
            DROP COLUMN IF EXISTS refunded_amount_usd, DROP COLUMN IF EXISTS disputed_amount_usd,
            DROP COLUMN IF EXISTS attempts_missing_usd;
        ALTER TABLE disputes DROP COLUMN IF EXISTS amount_usd;
        ALTER TABLE refunds DROP COLUMN IF EXISTS amount_usd;
        ALTER TABLE payments DROP COLUMN IF EXISTS amount_usd;
        ALTER TABLE attempts DROP COLUMN IF EXISTS amount_usd;
        DROP INDEX IF EXISTS fx_rates_currency_date_idx;
        ALTER TABLE fx_rates DROP COLUMN IF EXISTS source;
        """
    )
