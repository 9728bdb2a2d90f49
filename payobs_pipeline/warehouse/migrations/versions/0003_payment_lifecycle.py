"""Payment lifecycle: event kinds and ids, attempts, payments, refunds and disputes, restated windows.

The view payment_outcomes (one row per window and "payment key" by last state)
let every lifecycle event compete with the authorization for the last state and
counted a payment once per window it was seen in. It is replaced by entity
tables maintained by the payment_lifecycle asset (docs/metrics.md).

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"

UPGRADE = """
DROP VIEW IF EXISTS payment_outcomes;

ALTER TABLE normalized_events
    ADD COLUMN event_kind       text NOT NULL DEFAULT 'AUTHORIZATION',
    ADD COLUMN attempt_id       text,
    ADD COLUMN payment_id       text,
    ADD COLUMN refund_id        text,
    ADD COLUMN dispute_id       text,
    ADD COLUMN card_country     char(2),
    ADD COLUMN customer_country char(2),
    ADD COLUMN merchant_country char(2),
    ADD COLUMN attempt_key      text,
    ADD COLUMN refund_key       text,
    ADD COLUMN dispute_key      text,
    ADD COLUMN payment_node     text,
    ADD COLUMN payment_nodes    text[];
ALTER TABLE normalized_events ALTER COLUMN event_kind DROP DEFAULT;
CREATE INDEX normalized_events_attempt_idx ON normalized_events (attempt_key) WHERE attempt_key IS NOT NULL;
CREATE INDEX normalized_events_refund_idx ON normalized_events (refund_key) WHERE refund_key IS NOT NULL;
CREATE INDEX normalized_events_dispute_idx ON normalized_events (dispute_key) WHERE dispute_key IS NOT NULL;
CREATE INDEX normalized_events_payment_node_idx ON normalized_events (payment_node) WHERE payment_node IS NOT NULL;

-- Payment groups: every node (t:transactional_id, p:provider:payment_id, a:attempt key) and its group's key.
CREATE TABLE payment_links (
    node        text PRIMARY KEY,
    payment_key text NOT NULL
);
CREATE INDEX payment_links_payment_idx ON payment_links (payment_key);

-- Keys a window's events had before its last normalize run replaced them: the lifecycle stage
-- recomputes them too, so an event that disappeared on a rerun leaves no stale object behind.
CREATE TABLE lifecycle_touched (
    partition_key text NOT NULL,
    entity        text NOT NULL CHECK (entity IN ('attempt', 'refund', 'dispute', 'node')),
    key           text NOT NULL,
    PRIMARY KEY (partition_key, entity, key)
);

-- One row per authorization attempt, in the window of its authorization, with its final outcome.
CREATE TABLE attempts (
    attempt_key     text        PRIMARY KEY,
    partition_key   text        NOT NULL,
    provider        text        NOT NULL,
    payment_key     text        NOT NULL,
    authorized_at   timestamptz,
    merchant_id     text        NOT NULL,
    country         text        NOT NULL,
    payment_method  text        NOT NULL,
    card_brand      text,
    status_category text        NOT NULL,
    failure_reason  text,
    failure_source  text,
    decline_type    text,
    raw_status      text,
    raw_reason_code text,
    amount_minor    bigint,
    currency        char(3),
    captured        boolean     NOT NULL,
    voided          boolean     NOT NULL,
    events          integer     NOT NULL
);
CREATE INDEX attempts_partition_idx ON attempts (partition_key);
CREATE INDEX attempts_payment_idx ON attempts (payment_key);

-- One row per payment, in the window of its first attempt (its cohort), with its latest known outcome.
CREATE TABLE payments (
    payment_key     text        PRIMARY KEY,
    partition_key   text        NOT NULL,
    provider        text        NOT NULL,
    merchant_id     text        NOT NULL,
    country         text        NOT NULL,
    payment_method  text        NOT NULL,
    status_category text        NOT NULL,
    attempts        integer     NOT NULL,
    first_seen_at   timestamptz,
    amount_minor    bigint,
    currency        char(3)
);
CREATE INDEX payments_partition_idx ON payments (partition_key);

-- One row per refund object, in the window of its first event, with its latest state.
CREATE TABLE refunds (
    refund_key      text        PRIMARY KEY,
    partition_key   text        NOT NULL,
    provider        text        NOT NULL,
    attempt_key     text,
    payment_key     text,
    merchant_id     text        NOT NULL,
    country         text        NOT NULL,
    payment_method  text        NOT NULL,
    status_category text        NOT NULL,
    raw_status      text,
    amount_minor    bigint,
    currency        char(3),
    first_seen_at   timestamptz,
    events          integer     NOT NULL
);
CREATE INDEX refunds_partition_idx ON refunds (partition_key);

-- One row per dispute object, in the window of its first event, with its latest stage.
CREATE TABLE disputes (
    dispute_key     text        PRIMARY KEY,
    partition_key   text        NOT NULL,
    provider        text        NOT NULL,
    attempt_key     text,
    payment_key     text,
    merchant_id     text        NOT NULL,
    country         text        NOT NULL,
    payment_method  text        NOT NULL,
    raw_status      text,
    reason          text,
    amount_minor    bigint,
    currency        char(3),
    first_seen_at   timestamptz,
    events          integer     NOT NULL
);
CREATE INDEX disputes_partition_idx ON disputes (partition_key);

-- Which earlier (or, in an out-of-order backfill, later) windows a window's lifecycle run changed.
CREATE TABLE window_restatements (
    partition_key          text        NOT NULL,
    restated_partition_key text        NOT NULL,
    restated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partition_key, restated_partition_key)
);

ALTER TABLE approval_metrics
    ADD COLUMN captured bigint NOT NULL DEFAULT 0,
    ADD COLUMN voided   bigint NOT NULL DEFAULT 0;

CREATE TABLE payment_metrics (
    partition_key      text        NOT NULL,
    window_start       timestamptz NOT NULL,
    provider           text        NOT NULL,
    merchant_id        text        NOT NULL,
    country            text        NOT NULL,
    payment_method     text        NOT NULL,
    payments           bigint      NOT NULL,
    payments_approved  bigint      NOT NULL,
    payments_failed    bigint      NOT NULL,
    payments_pending   bigint      NOT NULL,
    payments_cancelled bigint      NOT NULL,
    payments_retried   bigint      NOT NULL,
    attempts           bigint      NOT NULL,
    conversion_rate    double precision,
    PRIMARY KEY (partition_key, provider, merchant_id, country, payment_method)
);
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(
        """
        DROP TABLE IF EXISTS payment_metrics, window_restatements, disputes, refunds, payments, attempts,
            lifecycle_touched, payment_links;
        ALTER TABLE approval_metrics DROP COLUMN IF EXISTS captured, DROP COLUMN IF EXISTS voided;
        ALTER TABLE normalized_events
            DROP COLUMN IF EXISTS event_kind, DROP COLUMN IF EXISTS attempt_id, DROP COLUMN IF EXISTS payment_id,
            DROP COLUMN IF EXISTS refund_id, DROP COLUMN IF EXISTS dispute_id, DROP COLUMN IF EXISTS card_country,
            DROP COLUMN IF EXISTS customer_country, DROP COLUMN IF EXISTS merchant_country,
            DROP COLUMN IF EXISTS attempt_key, DROP COLUMN IF EXISTS refund_key, DROP COLUMN IF EXISTS dispute_key,
            DROP COLUMN IF EXISTS payment_node, DROP COLUMN IF EXISTS payment_nodes;
        """
    )
