"""Braintree's labeled SDK fixtures and other event kinds, shape detection, prepare and lifecycle identity.

Kept apart from test_braintree.py while another engineer edits that module; fold it in there afterwards. The checks
every provider passes, corpus/braintree.json's labels among them, are in ../test_provider_contract.py."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.providers import braintree
from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_case_matches_labels,
    assert_covers_the_lifecycle,
    assert_detected_by_shape,
    assert_does_not_claim,
    assert_outscores,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    foreign_payloads,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

SLUG = "braintree"
# sdk_and_docs_examples/ (SDK fixtures, other docs, lake variations) and other_event_kinds/ (orders,
# subscriptions, payouts, disputes, lake wrappers): earlier rounds, training data. A webhook that only names a
# payment stays unprocessed.
# corpus/braintree.json's labels are checked by test_provider_contract.py.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
# Its cases that normalize: the shape of each must name the provider by itself.
SHAPE_CASES = provider_cases(SLUG) + [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]
# The detectors its documents were first checked against (they share its envelope words: id, status, amount).
RIVALS = ("mercadopago", "paypal", "checkout")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A webhook that only names a payment is never guessed: it stays unprocessed."""
    assert_case_matches_labels(case)


def test_corpus_covers_the_lifecycle():
    assert_covers_the_lifecycle(provider_cases(SLUG))


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_shape_alone_names_the_provider(case):
    """Hints may be missing or wrong: each payload's shape (masked, as the pipeline reads it) names its provider."""
    assert_detected_by_shape(case, "masked")


@pytest.mark.parametrize("name", foreign_payloads(SLUG))
def test_other_providers_payloads_score_low_on_our_detector(name):
    assert_does_not_claim(SLUG, name)


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_our_payloads_score_low_on_the_rivals_detectors(case):
    assert_outscores(case, RIVALS, "masked")


def test_every_status_in_each_status_map_is_a_status_category():
    assert_status_maps_compile(SLUG, minimum_entries=5, strict=False)


def test_braintree_prepare_flattens_typed_xml_values():
    prepared = braintree.prepare(
        {"transaction": {"amount": {"@type": "decimal", "#text": "10.00"}, "order-id": {"@nil": "true"},
                         "status-history": {"@type": "array"}}}
    )
    assert prepared == {"transaction": {"amount": "10.00", "order-id": None, "status-history": []}}


def test_braintree_unreadable_bt_payload_is_left_to_the_cascade():
    body = {"bt_signature": "abc|def", "bt_payload": "not base64 xml!"}
    assert braintree.prepare(body) == body


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


def _braintree_sale(**fields):
    sale = {"id": "bt7sale1", "type": "sale", "status": "settled", "amount": "10.00", "currency_iso_code": "USD",
            "processor_response_code": "1000", "order_id": "order-77", "refunded_transaction_id": None,
            "billing_details": {"country_code_alpha2": "US"}}
    return {**sale, **fields}


def test_braintree_refund_and_void_name_the_sale_as_their_attempt():
    # /docs/reference/response/transaction: a credit's refunded_transaction_id is the sale it refunds.
    sale = _event(_braintree_sale())
    assert (sale.event_kind, sale.status_category, sale.attempt_id, sale.payment_id) == (
        "AUTHORIZATION", "APPROVED", "bt7sale1", "order-77")
    assert (sale.customer_country, sale.country) == ("US", "US")
    refund = _event(_braintree_sale(id="bt7cred1", type="credit", status="submitted_for_settlement",
                                    refunded_transaction_id="bt7sale1", processor_response_code="1002"))
    assert (refund.event_kind, refund.status_category, refund.attempt_id, refund.refund_id) == (
        "REFUND", "REFUNDED", "bt7sale1", "bt7cred1")
    declined = _event(_braintree_sale(id="bt7cred2", type="credit", status="processor_declined",
                                      refunded_transaction_id="bt7sale1", processor_response_code="2005"))
    assert (declined.event_kind, declined.status_category, declined.attempt_id) == ("REFUND", "DECLINED", "bt7sale1")
    voided = _event(_braintree_sale(status="voided"))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", "bt7sale1")
