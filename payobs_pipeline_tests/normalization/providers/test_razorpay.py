"""Razorpay: its labeled corpus, Payment Links and webhooks kept as their event name and payload, and lifecycle
identity.

corpus/razorpay.json is checked by test_provider_contract.py with every provider's; this module checks its
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
    normalized_event,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

SLUG = "razorpay"
# corpus/razorpay.json, sdk_and_docs_examples/ and other_event_kinds/ (other event types and wrappers; payouts,
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


def test_no_spec_uses_the_deprecated_country_field():
    assert_no_deprecated_country_field(SLUG)


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


def _razorpay_event(name, **entities):
    # razorpay.com/docs/webhooks/payloads/: {"entity": "event", "event": ..., "payload": {<kind>: {"entity": ...}}}
    return {"entity": "event", "account_id": "acc_BFQ7uQEaa7j2z7", "event": name, "created_at": 1718000000,
            "contains": list(entities), "payload": {k: {"entity": v} for k, v in entities.items()}}


_RZP_PAYMENT = {"id": "pay_Lc1", "entity": "payment", "amount": 50000, "currency": "INR", "order_id": "order_Lc1",
                "method": "card", "card": {"network": "Visa"}, "created_at": 1718000000}


def test_razorpay_lifecycle_rows_share_the_payment_as_attempt():
    authorized = _event(_razorpay_event("payment.authorized", payment={**_RZP_PAYMENT, "status": "authorized"}))
    captured = _event(_razorpay_event("payment.captured", payment={**_RZP_PAYMENT, "status": "captured"}))
    refund = {"id": "rfnd_Lc1", "entity": "refund", "amount": 20000, "currency": "INR", "payment_id": "pay_Lc1",
              "created_at": 1718100000}
    processed = _event(_razorpay_event("refund.processed", refund={**refund, "status": "processed"},
                                       payment={**_RZP_PAYMENT, "status": "captured"}))
    failed = _event(_razorpay_event("refund.failed", refund={**refund, "status": "failed"},
                                    payment={**_RZP_PAYMENT, "status": "captured"}))
    dispute = _event(_razorpay_event(
        "payment.dispute.created", payment={**_RZP_PAYMENT, "status": "captured"},
        dispute={"id": "disp_Lc1", "entity": "dispute", "payment_id": "pay_Lc1", "amount": 50000, "currency": "INR",
                 "status": "open", "reason_code": "chargeback", "created_at": 1718200000}))
    assert _identity(authorized) == ("AUTHORIZATION", "APPROVED", "pay_Lc1", "order_Lc1", None, None)
    assert _identity(captured) == ("CAPTURE", "APPROVED", "pay_Lc1", "order_Lc1", None, None)
    assert _identity(processed) == ("REFUND", "REFUNDED", "pay_Lc1", None, "rfnd_Lc1", None)
    assert _identity(failed) == ("REFUND", "DECLINED", "pay_Lc1", None, "rfnd_Lc1", None)
    assert _identity(dispute) == ("DISPUTE", "CHARGEBACK", "pay_Lc1", None, None, "disp_Lc1")


def test_razorpay_order_alone_is_the_payment_and_names_no_attempt():
    order = _event({"id": "order_Lc1", "entity": "order", "amount": 50000, "currency": "INR", "status": "paid",
                    "attempts": 2, "created_at": 1718000000})
    assert _identity(order) == ("PAYMENT", "APPROVED", None, "order_Lc1", None, None)


def test_a_payment_link_is_the_payment_as_a_whole():
    event = normalized_event({"id": "plink_1", "amount": 100, "amount_paid": 0, "currency": "INR",
                              "short_url": "https://rzp.io/i/x", "status": "cancelled"})
    assert (event.provider, str(event.status_category), str(event.event_kind), event.amount_minor) == (
        "razorpay", "CANCELLED", "PAYMENT", 100)


def test_a_webhook_kept_as_event_and_payload_is_razorpays():
    event = normalized_event({"event": "payment.captured", "payload": {"payment": {"entity": {
        "id": "pay_1", "status": "captured"}}}})
    assert (event.provider, str(event.status_category)) == ("razorpay", "APPROVED")


def test_the_callback_url_failure_post_reads_its_metadata_json():
    """error[metadata] is a JSON string naming the failed payment and its order."""
    body = {"error[code]": "BAD_REQUEST_ERROR", "error[description]": "Payment failed", "error[source]": "bank",
            "error[step]": "payment_authorization", "error[reason]": "card_declined",
            "error[metadata]": '{"payment_id":"pay_EDNBKIP31Y4jl8","order_id":"order_DBJKIP31Y4jl8"}'}
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason), event.attempt_id, event.payment_id) == (
        "DECLINED", "GENERIC_DECLINE", "pay_EDNBKIP31Y4jl8", "order_DBJKIP31Y4jl8")
