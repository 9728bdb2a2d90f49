"""Learned mappings: what was asked of the LLM per shape and window, its answers, per-event extractions.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"

UPGRADE = """
ALTER TABLE normalization_mappings
    ADD COLUMN prompt_version    text,
    ADD COLUMN rejection_reason  text,
    ADD COLUMN samples           integer,
    ADD COLUMN prompt_tokens     integer,
    ADD COLUMN completion_tokens integer,
    ADD COLUMN extends_id        bigint REFERENCES normalization_mappings (id);
CREATE INDEX normalization_mappings_fingerprint_idx ON normalization_mappings (fingerprint);

-- Per window and shape no mapping described: what the learned_mappings stage did about it. The normalize
-- stage gives the shape's rows this reason when they still defer (waiting for the LLM, for a review, ...).
CREATE TABLE shape_learning (
    partition_key text        NOT NULL,
    fingerprint   text        NOT NULL,
    provider_hint text,
    rows          bigint      NOT NULL,
    outcome       text        NOT NULL,
    reason_code   text,
    detail        text,
    mapping_id    bigint REFERENCES normalization_mappings (id),
    learned_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partition_key, fingerprint)
);

-- Per-event extraction for rows of rare shapes (too few samples for a mapping): the LLM's fields, validated
-- again by the normalize stage like any other event.
CREATE TABLE llm_extractions (
    lake_id        uuid        PRIMARY KEY,
    partition_key  text        NOT NULL,
    fingerprint    text        NOT NULL,
    fields         jsonb       NOT NULL,
    model          text,
    prompt_version text,
    extracted_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_extractions_partition_idx ON llm_extractions (partition_key);
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(
        """
        DROP TABLE IF EXISTS llm_extractions, shape_learning;
        DROP INDEX IF EXISTS normalization_mappings_fingerprint_idx;
        ALTER TABLE normalization_mappings
            DROP COLUMN IF EXISTS extends_id, DROP COLUMN IF EXISTS completion_tokens,
            DROP COLUMN IF EXISTS prompt_tokens, DROP COLUMN IF EXISTS samples,
            DROP COLUMN IF EXISTS rejection_reason, DROP COLUMN IF EXISTS prompt_version;
        """
    )
