"""Checkout.com: its labeled corpus, Classic API charges, card payouts and lifecycle identity.

corpus/checkout.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data).

The Classic API's card charge answers with the charge (id charge_..., value in minor units, status, responseCode)
and the card charged (card: id card_..., last4, bin, paymentMethod the scheme).
api-reference.checkout.com/#operation/requestAPaymentOrPayout: "To accept payments ... specify the source.type field
... To pay out to a card, specify the destination of your payout using the destination.type field". A payout (the
reply, GET /payments/{id}, or a payment_* webhook whose data carries the destination) moves money to the cardholder:
it is kept unprocessed as NOT_A_PAYMENT_EVENT, never counted as a customer payment."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
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
    normalized_event,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

SLUG = "checkout"
# sdk_and_docs_examples/ (docs examples, list and error bodies, Classic API) and
# other_event_kinds/ (APM vouchers, wrappers; its 3DS-session events are not payments and stay unprocessed):
# earlier rounds, training data.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
# Its cases that normalize: the shape of each must name the provider by itself.
SHAPE_CASES = [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]
# The detectors its documents were first checked against (they share its envelope words: id, status, amount).
RIVALS = ("mercadopago", "paypal", "braintree")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A 3DS-session event is not a payment: it stays unprocessed."""
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


_PAY = "pay_lc0aaaaaaaaaaaaaaaaaaaaaaaa"


def _checkout_webhook(event_type, **data):
    return {"id": "evt_lc0aaaaaaaaaaaaaaaaaaaaaaa", "type": event_type, "version": "1.0.33",
            "created_on": "2024-02-09T11:55:25Z",
            "data": {"id": _PAY, "action_id": data.pop("action_id", "act_lc0auth"), "reference": "ORD-1",
                     "amount": 6540, "currency": "USD", "processed_on": "2024-02-09T11:55:20Z",
                     "response_code": "10000", "response_summary": "Approved", **data}}


def test_checkout_actions_on_a_payment_are_not_new_authorizations():
    # checkout.com webhook-event-types: payment_approved authorizes, payment_captured / payment_voided /
    # payment_refunded act on the same payment (data.id), each action with its own action_id.
    approved = _event(_checkout_webhook("payment_approved", source={"type": "card", "issuer_country": "FR",
                                                                     "billing_address": {"country": "DE"}}))
    assert (approved.event_kind, approved.status_category, approved.attempt_id) == ("AUTHORIZATION", "APPROVED", _PAY)
    # reference: "a reference you can later use to identify the payment, such as an order number".
    assert (approved.card_country, approved.customer_country, approved.payment_id) == ("FR", "DE", "ORD-1")
    captured = _event(_checkout_webhook("payment_captured", action_id="act_lc0capture"))
    assert (captured.event_kind, captured.status_category, captured.attempt_id) == ("CAPTURE", "APPROVED", _PAY)
    capture_declined = _event(_checkout_webhook("payment_capture_declined", action_id="act_lc0capture",
                                                response_code="20006"))
    assert (capture_declined.event_kind, capture_declined.status_category) == ("CAPTURE", "DECLINED")
    voided = _event(_checkout_webhook("payment_voided", action_id="act_lc0void"))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", _PAY)
    void_declined = _event(_checkout_webhook("payment_void_declined", action_id="act_lc0void"))
    assert (void_declined.event_kind, void_declined.status_category) == ("VOID", "ERROR")


def test_checkout_refunds_and_disputes_name_the_payment_as_their_attempt():
    refunded = _event(_checkout_webhook("payment_refunded", action_id="act_lc0refund"))
    assert (refunded.event_kind, refunded.status_category, refunded.attempt_id, refunded.refund_id) == (
        "REFUND", "REFUNDED", _PAY, "act_lc0refund")
    pending = _event(_checkout_webhook("payment_refund_pending", action_id="act_lc0refund"))
    assert (pending.event_kind, pending.status_category, pending.refund_id) == ("REFUND", "PENDING", "act_lc0refund")
    declined = _event(_checkout_webhook("payment_refund_declined", action_id="act_lc0refund", response_code="20006"))
    assert (declined.event_kind, declined.attempt_id, declined.refund_id) == ("REFUND", _PAY, "act_lc0refund")
    # api-reference.checkout.com Disputes: the dispute (dsp_) names its payment_id.
    dispute = {"id": "evt_lc0dispute", "type": "dispute_lost", "created_on": "2024-03-09T11:55:25Z",
               "data": {"id": "dsp_lc0aaaaaaaaaaaaaaaaaaaa", "amount": 6540, "currency": "USD",
                        "reason_code": "10.4", "payment_id": _PAY}}
    disputed = _event(dispute)
    assert (disputed.event_kind, disputed.status_category, disputed.attempt_id, disputed.dispute_id) == (
        "DISPUTE", "CHARGEBACK", _PAY, "dsp_lc0aaaaaaaaaaaaaaaaaaaa")


def test_a_classic_card_charge_is_a_card_payment_of_its_scheme():
    event = normalized_event({"id": "charge_test_1A2B3C4D5E6F7G8H9I0J", "created": "2018-03-01T10:00:00Z", "value": 1250,
                              "currency": "GBP", "status": "Declined", "responseCode": "20051",
                              "responseMessage": "Insufficient Funds",
                              "card": {"id": "card_5A2B", "last4": "4242", "bin": "424242",
                                       "paymentMethod": "Visa"}})
    assert (event.provider, str(event.status_category), str(event.payment_method), event.card_brand) == (
        "checkout", "DECLINED", "CARD", "visa")
    assert (event.amount_minor, event.currency) == (1250, "GBP")


_PAYOUT = {"id": "pay_k4r7dzxhl4bexbu5ayxrdbuzyq", "action_id": "act_k4r7dzxhl4bexbu5ayxrdbuzyq", "amount": 25000,
           "currency": "GBP", "status": "Pending", "reference": "payout-8812",
           "destination": {"type": "card", "last4": "4242", "scheme": "Visa"},
           "_links": {"self": {"href": "https://api.checkout.com/payments/pay_k4r7dzxhl4bexbu5ayxrdbuzyq"}}}
_PAYOUT_WEBHOOK = {"id": "evt_5ajxu3ph2wnu7pbkhxfzkbqxmq", "type": "payment_paid", "created_on": "2025-01-02T10:00:00Z",
                   "data": {"id": "pay_k4r7dzxhl4bexbu5ayxrdbuzyq", "action_id": "act_2pw3mc3jzdxxkr2ysbbyo6jmsy",
                            "amount": 25000, "currency": "GBP", "destination": {"type": "card"}}}


@pytest.mark.parametrize("data", [
    {"provider": "checkout", "payload": _PAYOUT},
    _PAYOUT,
    {"provider": "checkout", "payload": _PAYOUT_WEBHOOK},
])
def test_a_card_payout_is_not_a_payment(data):
    outcome = normalize_lake_data(data, None, NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_payment_with_a_source_is_still_a_payment():
    payment = {k: v for k, v in _PAYOUT.items() if k != "destination"}
    outcome = normalize_lake_data({"provider": "checkout", "payload": {**payment, "status": "Authorized",
                                                                        "source": {"type": "card"}}}, None, NORMALIZER)
    assert outcome.event is not None and outcome.event.status_category == "APPROVED"


def test_a_redirect_return_naming_the_session_is_no_outcome():
    # api-reference.checkout.com getPaymentDetails: the redirect back carries cko-session-id, the payment session
    # "that can be used to obtain the details of the payment": the return names the payment, not its outcome.
    body = {"cko-session-id": "sid_ubfj2q76miwundwlk72vxt2i7q"}
    for data in (body, {"provider": "checkout", "payload": body}):
        outcome = normalize_lake_data(data, None, NORMALIZER)
        assert outcome.event is None
        assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"


@pytest.mark.parametrize("event_type", ["card.updated", "invoice.cancelled"])
def test_a_classic_event_about_a_card_or_an_invoice_is_not_a_payment(event_type):
    # checkout-sdk-node test/events: version 1.0 types beside the charge.* ones.
    body = {"eventType": event_type, "message": {"id": "card_D4E0F5C9-F1F9-4A76-9F9E-CA3A6F6C0A86"}}
    outcome = normalize_lake_data({"provider": "checkout", "payload": body}, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize(("event_type", "category", "kind"), [
    ("charge.captured", "APPROVED", "CAPTURE"), ("charge.captured.failed", "DECLINED", "CAPTURE"),
    ("charge.pending", "PENDING", "AUTHORIZATION"), ("charge.refunded.failed", "DECLINED", "REFUND"),
    ("charge.voided.failed", "ERROR", "VOID"), ("charge.retrieval", "CHARGEBACK", "DISPUTE")])
def test_a_classic_event_type_says_what_happened_to_the_charge(event_type, category, kind):
    body = {"eventType": event_type, "message": {"id": "charge_test_941CB7CE756G7A2FEAC6", "value": 100,
                                                 "currency": "GBP", "status": "Authorised", "responseCode": "10000"}}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (event.provider, event.status_category, event.event_kind) == ("checkout", category, kind)
