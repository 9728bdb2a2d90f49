"""Lifecycle identity: which attempt, payment, refund and dispute a canonical event belongs to (pure).

Keys are strings that name one object across rows, windows and runs
(docs/metrics.md):

* an **attempt key** is ``provider:attempt_id`` (the authorization decision);
* a **refund key** ``provider:refund_id`` and a **dispute key** ``provider:dispute_id``;
* a **payment** is a connected group of *nodes*: the lake's transactional_id
  (``t:<uuid>``, shared across providers: an orchestrator may retry a payment on
  another provider), the provider's payment id (``p:provider:id``) and the
  attempt (``a:<attempt key>``). Two rows that share any node belong to one
  payment, also when only some of its rows carry the transactional_id. A
  payment's key is the smallest node of its group, so it does not depend on the
  order in which windows are processed (the lifecycle stage links groups in SQL).

Ids are provider-scoped because two providers may reuse the same id text.
"""

from __future__ import annotations

from dataclasses import dataclass

from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.taxonomy import EventKind

# Ids longer than this are not ids (a provider would not send one); they are cut, never rejected.
_MAX_ID = 200


@dataclass(frozen=True, slots=True)
class LifecycleKeys:
    """The keys of one event; None where the event is not about such an object."""

    attempt_key: str | None
    refund_key: str | None
    dispute_key: str | None
    nodes: tuple[str, ...]  # the payment-group nodes this row links together (may be empty)

    @property
    def payment_node(self) -> str | None:
        """The node through which the row finds its payment (any of its nodes would do)."""
        return self.nodes[0] if self.nodes else None


def _key(provider: str, value: str | None) -> str | None:
    return f"{provider}:{value[:_MAX_ID]}" if value else None


def payment_nodes(provider: str, attempt_key: str | None, payment_id: str | None,
                  transactional_id: str | None) -> tuple[str, ...]:
    """The payment-group nodes a row links together: its attempt, its payment id, its transactional_id."""
    nodes = []
    if attempt_key:
        nodes.append(f"a:{attempt_key}")
    if payment_id:
        nodes.append(f"p:{_key(provider, payment_id)}")
    if transactional_id:
        nodes.append(f"t:{transactional_id}")
    return tuple(nodes)


def lifecycle_keys(event: CanonicalEvent, transactional_id: str | None) -> LifecycleKeys:
    """The event's attempt, refund and dispute keys and its payment nodes."""
    provider = event.provider
    attempt_key = _key(provider, event.attempt_id)
    return LifecycleKeys(
        attempt_key=attempt_key,
        refund_key=_key(provider, event.refund_id) if event.event_kind is EventKind.REFUND else None,
        dispute_key=_key(provider, event.dispute_id) if event.event_kind is EventKind.DISPUTE else None,
        nodes=payment_nodes(provider, attempt_key, event.payment_id, transactional_id),
    )
