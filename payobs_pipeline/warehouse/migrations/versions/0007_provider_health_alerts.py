"""Provider health and alerts (docs/health.md, docs/metrics.md "provider_health and alerts").

provider_health: per window, one row per provider (dimension 'provider', dimension_value ''), per provider x
country and per provider x payment method: the attempt-level approval rate with customer-caused failures
left out, the pooled baseline of the same half-day slot of the previous days, and the test's verdict.
alerts: one row per flagged cell, keyed deterministically so that a rerun of the window updates it (and
keeps notified_at) instead of adding another.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"

UPGRADE = """
CREATE TABLE provider_health (
    partition_key              text             NOT NULL,
    window_start               timestamptz      NOT NULL,
    provider                   text             NOT NULL,
    dimension                  text             NOT NULL CHECK (dimension IN ('provider', 'country', 'payment_method')),
    dimension_value            text             NOT NULL,
    attempts                   bigint           NOT NULL,
    approved                   bigint           NOT NULL,
    approval_rate              double precision,
    customer_failures_excluded bigint           NOT NULL,
    baseline_windows           integer          NOT NULL,
    baseline_attempts          bigint           NOT NULL,
    baseline_approved          bigint           NOT NULL,
    baseline_approval_rate     double precision,
    delta                      double precision,
    z_score                    double precision,
    p_value                    double precision,
    flagged                    boolean          NOT NULL,
    PRIMARY KEY (partition_key, provider, dimension, dimension_value),
    CHECK ((dimension = 'provider') = (dimension_value = ''))
);
-- Analysts read a provider's history across windows; the views read by window_start.
CREATE INDEX provider_health_provider_idx ON provider_health (provider, dimension, window_start);
CREATE INDEX provider_health_window_start_idx ON provider_health (window_start);
CREATE INDEX provider_health_flagged_idx ON provider_health (window_start) WHERE flagged;

CREATE TABLE alerts (
    alert_key              text             PRIMARY KEY,  -- partition_key|provider|dimension|dimension_value
    partition_key          text             NOT NULL,
    window_start           timestamptz      NOT NULL,
    provider               text             NOT NULL,
    dimension              text             NOT NULL,
    dimension_value        text             NOT NULL,
    approval_rate          double precision,
    baseline_approval_rate double precision,
    attempts               bigint           NOT NULL,
    p_value                double precision,
    grown_reasons          jsonb            NOT NULL DEFAULT '[]',
    affected_merchants     jsonb            NOT NULL DEFAULT '[]',
    created_at             timestamptz      NOT NULL DEFAULT now(),
    notified_at            timestamptz
);
CREATE INDEX alerts_partition_idx ON alerts (partition_key);
CREATE INDEX alerts_window_start_idx ON alerts (window_start);
CREATE INDEX alerts_unnotified_idx ON alerts (created_at) WHERE notified_at IS NULL;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS alerts; DROP TABLE IF EXISTS provider_health;")
