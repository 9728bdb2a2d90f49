"""A payment's rows are grouped by the lake's transactional_id first.

The lake's transactional_id ties together every record of one payment, even
across objects that carry different provider ids (a Stripe PaymentIntent and
its Charge, an Adyen authorisation and its capture). The provider's id is the
fallback when the lake has none.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"

VIEW = """
CREATE OR REPLACE VIEW payment_outcomes AS
SELECT DISTINCT ON (partition_key, provider, payment_key) *
FROM (
    SELECT e.*,
           COALESCE(e.transactional_id::text, e.provider_transaction_id, e.lake_id::text) AS payment_key
    FROM normalized_events e
    WHERE e.status_category NOT IN ('REFUNDED', 'CHARGEBACK')
) events
ORDER BY partition_key, provider, payment_key,
         COALESCE(event_time, lake_created_at) DESC, lake_created_at DESC, lake_id DESC
"""

PREVIOUS_VIEW = VIEW.replace(
    "COALESCE(e.transactional_id::text, e.provider_transaction_id, e.lake_id::text)",
    "COALESCE(e.provider_transaction_id, e.transactional_id::text, e.lake_id::text)",
)


def upgrade() -> None:
    op.execute(VIEW)


def downgrade() -> None:
    op.execute(PREVIOUS_VIEW)
