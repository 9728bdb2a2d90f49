"""dLocal: its labeled corpus and lifecycle identity.

corpus/dlocal.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_case_matches_labels,
    assert_covers_the_lifecycle,
    assert_detected_by_shape,
    assert_does_not_claim,
    assert_no_deprecated_country_field,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    foreign_payloads,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

SLUG = "dlocal"
# corpus/dlocal.json, sdk_and_docs_examples/ and other_event_kinds/ (chargeback stages, wrappers, UPI/SPEI; a payout
# (v3 object or v2 cashout notification) says PAID too and stays unprocessed): earlier rounds, training data.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
NORMALIZED = [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A dLocal payout stays unprocessed as not a payment: it must never count as an approval."""
    assert_case_matches_labels(case)


def test_corpus_is_broad():
    """At least 12 cases (its corpus file, docs examples and other event kinds), covering approvals, declines,
    refunds and chargebacks."""
    own = [case for case in provider_cases(SLUG) if "unprocessed" not in case["expected"]]
    assert_covers_the_lifecycle(own + NORMALIZED, declines_only=True)


@pytest.mark.parametrize("case", NORMALIZED, ids=case_ids(NORMALIZED))
def test_provider_is_recognized_from_the_payload_shape_alone(case):
    """Hints are often missing or wrong: the shape must name the provider by itself."""
    assert_detected_by_shape(case)


@pytest.mark.parametrize("name", foreign_payloads(SLUG))
def test_other_providers_payloads_do_not_look_like_ours(name):
    assert_does_not_claim(SLUG, name)


def test_every_listed_status_compiles_to_its_category():
    assert_status_maps_compile(SLUG)


def test_no_spec_uses_the_deprecated_country_field():
    assert_no_deprecated_country_field(SLUG)


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


def test_dlocal_lifecycle_rows_share_the_payment_as_attempt():
    authorized = _event({"id": "D-4-lc1", "amount": 120, "currency": "USD", "country": "BR",
                         "payment_method_id": "CARD", "payment_method_type": "CARD", "payment_method_flow": "DIRECT",
                         "card": {"brand": "VI"}, "created_date": "2024-06-10T10:00:00.000+0000",
                         "status": "AUTHORIZED", "status_code": "600", "order_id": "merchant-order-1"})
    capture = _event({"id": "D-4-lc2", "authorization_id": "D-4-lc1", "amount": 120, "currency": "USD",
                      "country": "BR", "created_date": "2024-06-11T10:00:00.000+0000", "status": "PAID",
                      "status_code": "200", "order_id": "capture-1"})
    refund = {"id": "REF-15-lc1", "payment_id": "D-4-lc1", "amount": 40, "currency": "USD",
              "created_date": "2024-06-12T10:00:00.000+0000"}
    succeeded = _event({**refund, "status": "SUCCESS", "status_code": 200})
    rejected = _event({**refund, "status": "REJECTED", "status_code": 300})
    chargeback = _event({"id": "CHAR42-lc1", "payment_id": "D-4-lc1", "amount": 120, "currency": "USD",
                         "status": "COMPLETED", "status_code": 200, "created_date": "2024-06-20T10:00:00.000+0000"})
    assert _identity(authorized) == ("AUTHORIZATION", "APPROVED", "D-4-lc1", "merchant-order-1", None, None)
    assert authorized.customer_country == "BR"
    assert _identity(capture) == ("CAPTURE", "APPROVED", "D-4-lc1", None, None, None)
    assert _identity(succeeded) == ("REFUND", "REFUNDED", "D-4-lc1", None, "REF-15-lc1", None)
    assert _identity(rejected) == ("REFUND", "DECLINED", "D-4-lc1", None, "REF-15-lc1", None)
    assert _identity(chargeback) == ("DISPUTE", "CHARGEBACK", "D-4-lc1", None, None, "CHAR42-lc1")
