"""EBANX: its labeled corpus and lifecycle identity (refunds and voids name the payment hash).

corpus/ebanx.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_broad_corpus,
    assert_case_matches_labels,
    assert_no_deprecated_country_field,
    assert_own_shape_wins,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    has_hint,
    other_event_kinds,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/ebanx.json has no case of yet.
    "uncovered_statuses": {
        "REFUNDED": "a rule of payment, a rule of payment.bare, status CO",
    },
}

SLUG = "ebanx"
# corpus/ebanx.json, sdk_and_docs_examples/ and other_event_kinds/ (payouts, chargeback notifications, wrappers
# and more payment methods): earlier rounds, training data.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
UNHINTED = [case for case in CORPUS_CASES if not has_hint(case["data"]) and "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A notification names payment hashes only, a payout is no payment: each stays unprocessed with its reason."""
    assert_case_matches_labels(case)


def test_corpus_covers_the_required_ground():
    assert_broad_corpus(SLUG)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_payload_is_recognised_by_shape(case):
    assert_own_shape_wins(case)


def test_every_status_in_the_spec_maps_to_a_status_category():
    assert_status_maps_compile(SLUG)


def test_no_spec_uses_the_deprecated_country_field():
    assert_no_deprecated_country_field(SLUG)


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


_EBANX_PAYMENT = {"hash": "5925f3653b2c75e9ce7b2a8b2a8b4fe2a8fff3f33c8ed7f5", "merchant_payment_code": "order-lc1",
                  "country": "br", "status": "CO", "status_date": "2024-05-24 17:15:33", "amount_ext": "100.00",
                  "currency_ext": "BRL", "payment_type_code": "visa", "pre_approved": True,
                  "transaction_status": {"acquirer": "EBANX", "code": "OK", "description": "Accepted"}}


def test_ebanx_refund_and_void_name_the_payment_hash():
    hash_ = _EBANX_PAYMENT["hash"]
    payment = _event({"payment": _EBANX_PAYMENT, "status": "SUCCESS"})
    refund = {"id": "59482", "merchant_refund_code": "refund-1", "amount_ext": "40.00",
              "request_date": "2024-05-25 10:00:00"}
    confirmed = _event({"payment": _EBANX_PAYMENT, "refund": {**refund, "status": "CO"}, "status": "SUCCESS"})
    cancelled = _event({"payment": _EBANX_PAYMENT, "refund": {**refund, "status": "CA"}, "status": "SUCCESS"})
    voided = _event({"payment": {**_EBANX_PAYMENT, "status": "CA"}, "status": "SUCCESS"})
    assert _identity(payment) == ("AUTHORIZATION", "APPROVED", hash_, "order-lc1", None, None)
    assert payment.customer_country == "BR"
    assert _identity(confirmed) == ("REFUND", "REFUNDED", hash_, "order-lc1", "59482", None)
    assert _identity(cancelled) == ("REFUND", "CANCELLED", hash_, "order-lc1", "59482", None)
    assert _identity(voided) == ("VOID", "CANCELLED", hash_, "order-lc1", None, None)
