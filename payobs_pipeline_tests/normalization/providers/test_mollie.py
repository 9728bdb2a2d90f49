"""Mollie: its labeled corpus and lifecycle identity.

corpus/mollie.json is checked by test_provider_contract.py with every provider's; this module checks its
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
    assert_prepare_keeps_the_payload,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    foreign_payloads,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

SLUG = "mollie"
# KOMOJU's detector reads "resource": "refund" beside a "payment" key as its own refund: a Mollie v1 refund, which
# embeds its payment under "payment", reaches its threshold, and still scores higher as Mollie (re_ id).
CONTRACT = {"shared_shapes": ["komoju"]}
# corpus/mollie.json, sdk_and_docs_examples/ and other_event_kinds/ (other event types and wrappers; payouts,
# settlements, subscriptions and id-only webhooks are no payment outcome and stay unprocessed): earlier rounds,
# training data.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
NORMALIZED = [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """Payouts, settlements, subscriptions and id-only webhooks stay unprocessed: never payment outcomes."""
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


def test_prepare_does_not_modify_the_payload():
    """prepare() hooks are pure: the stored payload stays exactly as received."""
    assert_prepare_keeps_the_payload(SLUG, NORMALIZED)


def test_no_spec_uses_the_deprecated_country_field():
    assert_no_deprecated_country_field(SLUG)


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


_MOLLIE_AMOUNT = {"currency": "EUR", "value": "10.00"}


def test_mollie_lifecycle_rows_share_the_payment_as_attempt():
    payment = _event({"resource": "payment", "id": "tr_Lc1", "orderId": "ord_Lc1", "status": "authorized",
                      "amount": _MOLLIE_AMOUNT, "method": "creditcard", "createdAt": "2024-06-10T10:00:00+00:00",
                      "authorizedAt": "2024-06-10T10:00:05+00:00", "countryCode": "BE",
                      "details": {"cardCountryCode": "NL", "cardLabel": "Visa"}})
    capture = _event({"resource": "capture", "id": "cpt_Lc1", "paymentId": "tr_Lc1", "status": "succeeded",
                      "amount": _MOLLIE_AMOUNT, "createdAt": "2024-06-11T10:00:00+00:00"})
    refund = {"resource": "refund", "id": "re_Lc1", "paymentId": "tr_Lc1", "orderId": "ord_Lc1",
              "amount": _MOLLIE_AMOUNT, "createdAt": "2024-06-12T10:00:00+00:00"}
    refunded = _event({**refund, "status": "refunded"})
    queued = _event({**refund, "status": "queued"})
    failed = _event({**refund, "status": "failed"})
    chargeback = _event({"resource": "chargeback", "id": "chb_Lc1", "paymentId": "tr_Lc1", "amount": _MOLLIE_AMOUNT,
                         "reason": {"code": "AC01"}, "createdAt": "2024-06-20T10:00:00+00:00"})
    assert _identity(payment) == ("AUTHORIZATION", "APPROVED", "tr_Lc1", "ord_Lc1", None, None)
    assert (payment.card_country, payment.customer_country) == ("NL", "BE")
    assert _identity(capture) == ("CAPTURE", "APPROVED", "tr_Lc1", None, None, None)
    assert _identity(refunded) == ("REFUND", "REFUNDED", "tr_Lc1", "ord_Lc1", "re_Lc1", None)
    assert _identity(queued) == ("REFUND", "PENDING", "tr_Lc1", "ord_Lc1", "re_Lc1", None)
    assert _identity(failed) == ("REFUND", "DECLINED", "tr_Lc1", "ord_Lc1", "re_Lc1", None)
    assert _identity(chargeback) == ("DISPUTE", "CHARGEBACK", "tr_Lc1", None, None, "chb_Lc1")


def test_mollie_paid_after_authorization_is_a_capture_and_an_order_is_the_payment():
    paid = _event({"resource": "payment", "id": "tr_Lc2", "status": "paid", "amount": _MOLLIE_AMOUNT,
                   "method": "klarna", "createdAt": "2024-06-10T10:00:00+00:00",
                   "authorizedAt": "2024-06-10T10:00:05+00:00", "paidAt": "2024-06-11T10:00:00+00:00"})
    one_step = _event({"resource": "payment", "id": "tr_Lc3", "status": "paid", "amount": _MOLLIE_AMOUNT,
                       "method": "ideal", "createdAt": "2024-06-10T10:00:00+00:00",
                       "paidAt": "2024-06-10T10:01:00+00:00"})
    order = _event({"resource": "order", "id": "ord_Lc1", "status": "paid", "amount": _MOLLIE_AMOUNT,
                    "method": "klarnapaylater", "createdAt": "2024-06-10T10:00:00+00:00",
                    "billingAddress": {"country": "DE"}})
    assert _identity(paid) == ("CAPTURE", "APPROVED", "tr_Lc2", None, None, None)
    assert _identity(one_step) == ("AUTHORIZATION", "APPROVED", "tr_Lc3", None, None, None)
    assert _identity(order) == ("PAYMENT", "APPROVED", None, "ord_Lc1", None, None)
    assert order.customer_country == "DE"


def test_an_error_body_whose_documentation_link_was_trimmed_is_still_mollies():
    """docs.mollie.com/overview/handling-errors: every error body links its documentation as a HAL link of type
    text/html; a log that trimmed the href keeps that link. A bare RFC 7807 body {status, title, detail} names
    no provider."""
    body = {"status": 410, "title": "Gone", "detail": "The payment link has expired",
            "_links": {"documentation": {"href": "...", "type": "text/html"}}}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (event.provider, event.status_category, event.failure_reason) == ("mollie", "ERROR", "INVALID_REQUEST")
    bare = normalize_lake_data({key: value for key, value in body.items() if key != "_links"}, None, NORMALIZER)
    assert bare.event is None or bare.event.provider != "mollie"


def test_mollie_v1_refund_and_chargeback_name_their_payment_as_attempt():
    """v1 refunds embed their payment under ``payment`` and v1 chargebacks name it there (v2: ``paymentId``);
    amounts are decimal strings in EUR."""
    refund = _event({"resource": "refund", "id": "re_V1a", "payment": {"resource": "payment", "id": "tr_V1a",
                                                                          "amount": "35.07", "status": "refunded"},
                     "amount": "5.95", "status": "processing", "refundedDatetime": "2018-03-14T17:09:02.0Z"})
    chargeback = _event({"resource": "chargeback", "id": "chb_V1a", "payment": "tr_V1a", "amount": "35.07",
                         "chargebackDatetime": "2018-03-14T17:00:52.0Z", "reversedDatetime": None})
    assert _identity(refund) == ("REFUND", "PENDING", "tr_V1a", None, "re_V1a", None)
    assert (refund.amount_minor, refund.currency) == (595, "EUR")
    assert _identity(chargeback) == ("DISPUTE", "CHARGEBACK", "tr_V1a", None, None, "chb_V1a")
    assert (chargeback.amount_minor, chargeback.currency) == (3507, "EUR")


def test_a_chargeback_kept_without_its_resource_is_still_a_chargeback():
    """activepieces-style Chargeback object: no ``resource``, a chb_ id and a tr_ paymentId (get-chargeback)."""
    event = normalize_lake_data({"id": "chb_abc", "amount": {"value": "-10.00", "currency": "EUR"},
                                 "paymentId": "tr_abc", "createdAt": "2024-01-01T12:00:00+00:00"}).event
    assert str(event.status_category) == "CHARGEBACK"
    assert event.dispute_id == "chb_abc"
    assert event.amount_minor == 1000
