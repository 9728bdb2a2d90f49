"""Retries that mean something: the mapping version of each unprocessed row, and the LLM's last known status.

An unprocessed row is retried only when something that could change its outcome changed (see
payobs_pipeline/warehouse/unprocessed.py): its backoff is over, a mapping of its shape became active, the
LLM it waits for is usable again, or the built-in mappings changed since it was recorded (mapping_version;
rows recorded before this revision have none, so each is retried once after the upgrade).

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"

UPGRADE = """
ALTER TABLE unprocessed_events ADD COLUMN mapping_version text;
-- The sensor and the normalize run look at unresolved rows only, by window and by shape.
CREATE INDEX unprocessed_events_unresolved_idx ON unprocessed_events (partition_key) WHERE state <> 'RESOLVED';
CREATE INDEX unprocessed_events_shape_idx ON unprocessed_events (fingerprint) WHERE state <> 'RESOLVED';

-- One row: what the last run that holds the LLM found, and when the LLM was last usable.
CREATE TABLE llm_status (
    singleton         boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    checked_at        timestamptz NOT NULL,
    available         boolean     NOT NULL,
    reason_code       text,
    last_available_at timestamptz
);
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(
        """
        DROP TABLE IF EXISTS llm_status;
        DROP INDEX IF EXISTS unprocessed_events_shape_idx;
        DROP INDEX IF EXISTS unprocessed_events_unresolved_idx;
        ALTER TABLE unprocessed_events DROP COLUMN IF EXISTS mapping_version;
        """
    )
