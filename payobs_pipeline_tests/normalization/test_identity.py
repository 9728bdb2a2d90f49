"""Lifecycle identity (pure): keys of an event and payment groups that do not depend on processing order."""

import itertools
import random

from payobs_pipeline.normalization.identity import lifecycle_keys, link_payments
from payobs_pipeline.normalization.mapping import CanonicalEvent
from payobs_pipeline.normalization.taxonomy import EventKind, StatusCategory


def _event(kind=EventKind.AUTHORIZATION, attempt_id=None, payment_id=None, refund_id=None, dispute_id=None,
           provider="stripe") -> CanonicalEvent:
    return CanonicalEvent(
        provider=provider, status_category=StatusCategory.APPROVED, failure_reason=None, failure_source=None,
        decline_type=None, raw_status=None, raw_reason_code=None, amount_minor=None, currency=None,
        event_time=None, payment_method=None, card_brand=None, country=None, provider_transaction_id=None,
        merchant_id=None, merchant_name=None, variant="test", event_kind=kind, attempt_id=attempt_id,
        payment_id=payment_id, refund_id=refund_id, dispute_id=dispute_id,
    )


def test_keys_are_scoped_by_provider_and_kind():
    refund = lifecycle_keys(_event(EventKind.REFUND, attempt_id="ch_1", payment_id="pi_1", refund_id="re_1"), None)
    assert (refund.attempt_key, refund.refund_key, refund.dispute_key) == ("stripe:ch_1", "stripe:re_1", None)
    assert refund.nodes == ("a:stripe:ch_1", "p:stripe:pi_1")
    # The same id text at another provider is another object.
    other = lifecycle_keys(_event(attempt_id="ch_1", provider="adyen"), None)
    assert other.attempt_key == "adyen:ch_1" != refund.attempt_key
    # The lake's transactional_id is shared across providers (an orchestrator may retry elsewhere).
    linked = lifecycle_keys(_event(attempt_id="ch_1"), "6f1c3c1e-0000-4000-8000-000000000001")
    assert linked.nodes[-1] == "t:6f1c3c1e-0000-4000-8000-000000000001"


def test_an_event_about_nothing_has_no_payment_node():
    assert lifecycle_keys(_event(), None).payment_node is None


def test_rows_sharing_any_node_form_one_payment_named_by_its_smallest_node():
    rows = [("a:s:ch_2", "p:s:pi_1"), ("a:s:ch_1", "t:uuid-1"), ("p:s:pi_1", "t:uuid-1"), ("a:s:ch_9",)]
    links = link_payments(rows, {}).new_links
    assert {node: links[node] for node in ("a:s:ch_1", "a:s:ch_2", "p:s:pi_1", "t:uuid-1")} == dict.fromkeys(
        ("a:s:ch_1", "a:s:ch_2", "p:s:pi_1", "t:uuid-1"), "a:s:ch_1")
    assert links["a:s:ch_9"] == "a:s:ch_9"


def test_a_later_row_merging_two_stored_groups_relabels_the_larger_key():
    stored = {"a:s:ch_5": "a:s:ch_5", "t:uuid-1": "a:s:ch_1"}
    changes = link_payments([("a:s:ch_5", "t:uuid-1")], stored)
    assert changes.relabeled == {"a:s:ch_5": "a:s:ch_1"}
    assert changes.new_links == {}


def _replay(batches):
    """Link batches one after another as windows are processed, storing what each adds."""
    stored: dict[str, str] = {}
    for batch in batches:
        nodes = {n for row in batch for n in row}
        changes = link_payments(batch, {n: stored[n] for n in nodes if n in stored})
        for node, key in list(stored.items()):
            stored[node] = changes.relabeled.get(key, key)
        stored.update(changes.new_links)
    return stored


def test_payment_groups_do_not_depend_on_the_order_windows_are_processed():
    rng = random.Random(7)
    nodes = [f"{kind}:{i}" for kind in "apt" for i in range(12)]
    rows = [tuple(rng.sample(nodes, rng.randint(1, 3))) for _ in range(30)]
    windows = [rows[i:i + 6] for i in range(0, 30, 6)]
    results = {tuple(sorted(_replay(order).items())) for order in itertools.permutations(windows)}
    assert len(results) == 1
