"""MercadoPago's labeled corpus (corpus/mercadopago.json, its SDK fixtures and other event kinds), shape detection and
lifecycle identity.

MercadoPago is not under test_provider_contract.py (NOT_UNDER_CONTRACT): this module checks its corpus. Kept apart
from test_mercadopago.py while another engineer edits that module; fold it in there afterwards."""

from __future__ import annotations

import pytest

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

SLUG = "mercadopago"
# corpus/mercadopago.json (test_provider_contract.py does not run it: NOT_UNDER_CONTRACT), then
# sdk_and_docs_examples/ (SDK fixtures, other docs, lake variations) and other_event_kinds/ (orders,
# subscriptions, payouts, disputes, lake wrappers): earlier rounds, training data. A webhook that only names a
# payment stays unprocessed.
CORPUS_CASES = provider_cases(SLUG) + docs_examples(SLUG) + other_event_kinds(SLUG)
# Its cases that normalize: the shape of each must name the provider by itself.
SHAPE_CASES = provider_cases(SLUG) + [case for case in docs_examples(SLUG) + other_event_kinds(SLUG)
                                    if "unprocessed" not in case["expected"]]
# The detectors its documents were first checked against (they share its envelope words: id, status, amount).
RIVALS = ("paypal", "braintree", "checkout")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A webhook that only names a payment (data.id, IPN resource) is never guessed: it stays unprocessed."""
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


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


def test_mercadopago_refunds_and_chargebacks_name_the_payment_as_their_attempt():
    # mercadopago.com.br/developers reference: a refund's payment_id and a chargeback's payments[] are the payment.
    payment = {"id": 1316799001, "status": "approved", "status_detail": "accredited", "transaction_amount": 100.0,
               "currency_id": "BRL", "payment_type_id": "credit_card", "payment_method_id": "visa",
               "external_reference": "ORDER-9", "order": {"id": "29812739812", "type": "mercadopago"}}
    approved = _event(payment)
    assert (approved.event_kind, approved.attempt_id, approved.payment_id) == ("AUTHORIZATION", "1316799001", "ORDER-9")
    refund = {"id": 1009099001, "payment_id": 1316799001, "amount": 100.0, "status": "rejected",
              "refund_mode": "standard", "amount_refunded_to_payer": 100.0,
              "date_created": "2024-05-02T10:00:00.000-04:00"}
    rejected = _event(refund)
    assert (rejected.event_kind, rejected.status_category, rejected.attempt_id, rejected.refund_id) == (
        "REFUND", "DECLINED", "1316799001", "1009099001")
    pending = _event({**refund, "status": "in_process"})
    assert (pending.event_kind, pending.status_category) == ("REFUND", "PENDING")
    chargeback = {"id": "235000068119001", "payments": [1316799001], "amount": 100.0, "currency": "BRL",
                  "coverage_applied": False, "date_documentation_deadline": "2024-05-20T10:00:00.000-04:00",
                  "date_created": "2024-05-10T10:00:00.000-04:00"}
    disputed = _event(chargeback)
    # A chargeback is counted per disputed payment: the payment's charged_back rows name no chargeback id.
    assert (disputed.event_kind, disputed.attempt_id, disputed.dispute_id) == ("DISPUTE", "1316799001", "1316799001")
