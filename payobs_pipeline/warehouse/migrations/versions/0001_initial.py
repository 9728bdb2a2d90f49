"""Initial warehouse schema: the stage tables, events, mappings and failure metrics.

Revision ID: 0001
Revises:
"""

from alembic import op

revision = "0001"
down_revision = None

TABLES = """
-- Snapshot of the window's lake rows, PII already masked (stage 1).
CREATE TABLE raw_lake_batch (
    lake_id          uuid        PRIMARY KEY,
    partition_key    text        NOT NULL,
    transactional_id uuid,
    created_at       timestamptz NOT NULL,
    merchant         jsonb,
    data             text        NOT NULL
);
CREATE INDEX raw_lake_batch_partition_idx ON raw_lake_batch (partition_key);

-- Each row's parse result (stage 2): the parsed document or the reason it did not parse.
CREATE TABLE parsed_payloads (
    lake_id          uuid        PRIMARY KEY,
    partition_key    text        NOT NULL,
    transactional_id uuid,
    created_at       timestamptz NOT NULL,
    merchant         jsonb,
    format           text,
    provider_hint    text,
    fingerprint      text,
    body             jsonb,
    parse_error      text,
    parse_detail     text
);
CREATE INDEX parsed_payloads_partition_idx ON parsed_payloads (partition_key);

CREATE TABLE normalized_events (
    lake_id                 uuid        PRIMARY KEY,
    transactional_id        uuid,
    partition_key           text        NOT NULL,
    lake_created_at         timestamptz NOT NULL,
    event_time              timestamptz,
    provider                text        NOT NULL,
    provider_transaction_id text,
    merchant_id             text,
    merchant_name           text,
    country                 char(2),
    payment_method          text,
    card_brand              text,
    status_category         text        NOT NULL,
    failure_reason          text,
    failure_source          text,
    decline_type            text,
    raw_status              text,
    raw_reason_code         text,
    amount_minor            bigint,
    currency                char(3),
    amount_usd              numeric(20, 4),
    normalization_method    text        NOT NULL,
    confidence              real        NOT NULL,
    normalized_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX normalized_events_partition_idx ON normalized_events (partition_key);
CREATE INDEX normalized_events_provider_time_idx ON normalized_events (provider, event_time);

CREATE TABLE unprocessed_events (
    lake_id         uuid        PRIMARY KEY,
    partition_key   text        NOT NULL,
    stage           text        NOT NULL,
    reason_code     text        NOT NULL,
    detail          text,
    provider        text,
    fingerprint     text,
    attempts        integer     NOT NULL DEFAULT 1,
    next_attempt_at timestamptz,
    state           text        NOT NULL CHECK (state IN ('RETRYING', 'DEAD_LETTER', 'RESOLVED')),
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unprocessed_events_partition_idx ON unprocessed_events (partition_key);
CREATE INDEX unprocessed_events_due_idx ON unprocessed_events (next_attempt_at) WHERE state = 'RETRYING';

CREATE TABLE normalization_mappings (
    id           bigserial   PRIMARY KEY,
    fingerprint  text        NOT NULL,
    provider     text,
    spec         jsonb       NOT NULL,
    source       text        NOT NULL CHECK (source IN ('builtin', 'llm', 'manual')),
    state        text        NOT NULL CHECK (state IN ('proposed', 'active', 'rejected')),
    model        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    reviewed_at  timestamptz,
    usage_count  bigint      NOT NULL DEFAULT 0,
    last_used_at timestamptz
);
CREATE UNIQUE INDEX normalization_mappings_active_idx ON normalization_mappings (fingerprint) WHERE state = 'active';

-- Which windows were materialized and with how many lake rows (late-arrival detection).
CREATE TABLE window_loads (
    partition_key text        PRIMARY KEY,
    window_start  timestamptz NOT NULL,
    window_end    timestamptz NOT NULL,
    lake_rows     bigint      NOT NULL,
    loaded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fx_rates (
    rate_date date          NOT NULL,
    currency  char(3)       NOT NULL,
    usd_rate  numeric(24, 12) NOT NULL,
    PRIMARY KEY (rate_date, currency)
);

-- Each payment's last authorization-relevant state in its window (a payment seen
-- as pending then approved counts once). Refunds and chargebacks are lifecycle
-- events, kept apart. partition_key leads DISTINCT ON so a window filter is pushed down.
CREATE VIEW payment_outcomes AS
SELECT DISTINCT ON (partition_key, provider, payment_key) *
FROM (
    SELECT e.*,
           COALESCE(e.provider_transaction_id, e.transactional_id::text, e.lake_id::text) AS payment_key
    FROM normalized_events e
    WHERE e.status_category NOT IN ('REFUNDED', 'CHARGEBACK')
) events
ORDER BY partition_key, provider, payment_key,
         COALESCE(event_time, lake_created_at) DESC, lake_created_at DESC, lake_id DESC;

CREATE TABLE approval_metrics (
    partition_key  text        NOT NULL,
    window_start   timestamptz NOT NULL,
    provider       text        NOT NULL,
    merchant_id    text        NOT NULL,
    country        text        NOT NULL,
    payment_method text        NOT NULL,
    attempts       bigint      NOT NULL,
    approved       bigint      NOT NULL,
    declined       bigint      NOT NULL,
    errored        bigint      NOT NULL,
    unknown        bigint      NOT NULL,
    pending        bigint      NOT NULL,
    cancelled      bigint      NOT NULL,
    refunded       bigint      NOT NULL,
    chargebacks    bigint      NOT NULL,
    approval_rate  double precision,
    PRIMARY KEY (partition_key, provider, merchant_id, country, payment_method)
);

CREATE TABLE failure_reason_metrics (
    partition_key     text        NOT NULL,
    window_start      timestamptz NOT NULL,
    provider          text        NOT NULL,
    status_category   text        NOT NULL,
    failure_reason    text        NOT NULL,
    failure_source    text        NOT NULL,
    decline_type      text        NOT NULL,
    failures          bigint      NOT NULL,
    share_of_failures double precision NOT NULL,
    share_of_attempts double precision NOT NULL,
    PRIMARY KEY (partition_key, provider, status_category, failure_reason, failure_source, decline_type)
);
"""


def upgrade() -> None:
    op.execute(TABLES)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS payment_outcomes")
    for table in (
        "failure_reason_metrics", "approval_metrics", "fx_rates", "window_loads", "normalization_mappings",
        "unprocessed_events", "normalized_events", "parsed_payloads", "raw_lake_batch",
    ):
        op.execute(f"DROP TABLE IF EXISTS {table}")
