"""dLocal: its labeled corpus and lifecycle identity.

corpus/dlocal.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
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


# --- the legacy api_curl card API (module docstring: the result codes of libpay-dlocal's TransactionStatus) -----


def _legacy_sale(result: str, desc: str) -> dict:
    return {"status": "OK", "desc": desc, "control": "5F0C2A9B7D1E", "result": result, "x_invoice": "inv-2019-77",
            "x_iduser": "", "x_description": "order 77", "x_document": "48213377", "x_amount": "250.00",
            "x_currency": "MXN", "x_amount_paid": "250.00", "cc_token": "", "cc_descriptor": "SHOP"}


@pytest.mark.parametrize(("result", "desc", "category"), [
    ("7", "pending", "PENDING"),
    ("8", "rejected by the bank", "DECLINED"),
    ("9", "approved", "APPROVED"),
    ("11", "authorized", "APPROVED"),
])
def test_a_legacy_card_answers_result_is_its_status(result, desc, category):
    event = _event(_legacy_sale(result, desc))
    assert (event.provider, event.status_category, event.event_kind) == ("dlocal", category, "AUTHORIZATION")
    assert (event.amount_minor, event.currency, event.payment_method) == (25000, "MXN", "CARD")
    assert (event.attempt_id, event.payment_id) == ("48213377", "inv-2019-77")


def test_a_legacy_rejection_keeps_its_free_text_but_names_no_reason():
    """No reference lists the desc of a rejection: it is the raw reason, the failure reason stays unknown."""
    event = _event(_legacy_sale("8", "rejected by the bank"))
    assert (event.failure_reason, event.raw_reason_code) == ("UNKNOWN", "rejected by the bank")


def test_legacy_result_1_means_different_things_by_endpoint_and_stays_unprocessed():
    outcome = normalize_lake_data(_legacy_sale("1", "cancelled"), None, NORMALIZER)
    assert outcome.event is None


def test_a_legacy_capture_is_the_capture_of_its_authorization():
    event = _event({"status": "OK", "desc": "approved", "control": "AB12CD34", "result": "9", "x_invoice": "inv-5",
                    "x_iduser": "", "x_description": "", "x_auth_id": "70011", "x_amount": "80.00", "x_currency": "BRL",
                    "x_amount_captured": "80.00"})
    assert (event.status_category, event.event_kind, event.amount_minor, event.currency) == (
        "APPROVED", "CAPTURE", 8000, "BRL")
    assert (event.attempt_id, event.payment_id) == ("70011", "inv-5")


@pytest.mark.parametrize(("desc", "reason"), [
    ("Invalid params x_trans_key", "CONFIGURATION_ERROR"),
    ("x_login not found", "CONFIGURATION_ERROR"),
    ("Invalid params x_amount", "UNKNOWN"),
])
def test_a_legacy_error_is_an_error_and_only_a_named_credential_is_the_merchants_set_up(desc, reason):
    outcome = normalize_lake_data({"provider": "dlocal", "payload": {"status": "ERROR", "desc": desc,
                                                                     "error_code": "300"}}, None, NORMALIZER)
    assert (outcome.event.status_category, outcome.event.failure_reason) == ("ERROR", reason)


def test_a_redirect_return_is_recognized_by_its_signed_r_payment_id():
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    event = normalize_lake_data("status=REJECTED&signature=AB12&payment_id=R-2486-x", None).event
    assert (event.provider, event.status_category, event.provider_transaction_id) == ("dlocal", "DECLINED", "R-2486-x")
