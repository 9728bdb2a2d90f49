"""Square: its labeled corpus, error bodies, Terminal checkouts and lifecycle identity.

corpus/square.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data).

Error bodies: developer.squareup.com/reference/square/objects/Error (category, code).
developer.squareup.com/reference/square/objects/TerminalCheckout: status PENDING / IN_PROGRESS / CANCEL_REQUESTED /
CANCELED / COMPLETED; payment_ids names the Payments a completed checkout took. The checkout is the payment's state
on the device (event_kind PAYMENT); it names its Payment as attempt, so it joins that payment's rows."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import square as module
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
    normalized_event,
    other_event_kinds,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

SLUG = "square"
# corpus/square.json, sdk_and_docs_examples/ and other_event_kinds/ (webhooks about payouts, Terminal checkouts
# and invoices are not payments): earlier rounds, training data.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
UNHINTED = [case for case in CORPUS_CASES if not has_hint(case["data"]) and "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A payout or invoice webhook is never counted as a payment outcome (a payout.paid is no approval)."""
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


_SQUARE_PAYMENT = {"id": "sq-pay-1", "order_id": "sq-order-1", "location_id": "L1", "source_type": "CARD",
                   "created_at": "2024-03-02T10:00:00.000Z", "amount_money": {"amount": 4250, "currency": "USD"},
                   "billing_address": {"country": "US"}}


def _square_webhook(kind, obj):
    return {"merchant_id": "M1", "type": f"{kind}.updated", "event_id": "e1", "created_at": "2024-03-02T10:00:02Z",
            "data": {"type": kind, "id": obj["id"], "object": {kind: obj}}}


def test_square_lifecycle_rows_share_the_payment_as_attempt():
    approved = _event(_square_webhook("payment", {**_SQUARE_PAYMENT, "status": "APPROVED",
                                                  "card_details": {"status": "AUTHORIZED"}}))
    canceled = _event(_square_webhook("payment", {**_SQUARE_PAYMENT, "status": "CANCELED",
                                                  "card_details": {"status": "VOIDED"}}))
    refund = {"id": "sq-refund-1", "payment_id": "sq-pay-1", "order_id": "sq-order-1", "location_id": "L1",
              "amount_money": {"amount": 1000, "currency": "USD"}, "created_at": "2024-03-03T10:00:00Z"}
    completed = _event(_square_webhook("refund", {**refund, "status": "COMPLETED"}))
    failed = _event(_square_webhook("refund", {**refund, "status": "FAILED"}))
    rejected = _event(_square_webhook("refund", {**refund, "status": "REJECTED"}))
    pending = _event(_square_webhook("refund", {**refund, "status": "PENDING"}))
    dispute = _event(_square_webhook("dispute", {
        "id": "sq-dispute-1", "state": "EVIDENCE_REQUIRED", "reason": "NOT_AS_DESCRIBED",
        "amount_money": {"amount": 4250, "currency": "USD"}, "disputed_payment": {"payment_id": "sq-pay-1"},
        "card_brand": "VISA", "created_at": "2024-03-10T10:00:00Z"}))
    assert _identity(approved) == ("AUTHORIZATION", "APPROVED", "sq-pay-1", "sq-order-1", None, None)
    assert approved.customer_country == "US"
    assert _identity(canceled) == ("VOID", "CANCELLED", "sq-pay-1", "sq-order-1", None, None)
    assert _identity(completed) == ("REFUND", "REFUNDED", "sq-pay-1", "sq-order-1", "sq-refund-1", None)
    assert _identity(failed)[:2] == _identity(rejected)[:2] == ("REFUND", "DECLINED")
    assert _identity(pending)[:3] == ("REFUND", "PENDING", "sq-pay-1")
    assert _identity(dispute) == ("DISPUTE", "CHARGEBACK", "sq-pay-1", None, None, "sq-dispute-1")


@pytest.mark.parametrize("code", ["CARD_DECLINED", "CVV_FAILURE", "INVALID_EXPIRATION"])
def test_a_payment_method_error_with_its_documented_code_is_a_card_decline(code):
    event = normalized_event({"provider": "square", "payload": {"errors": [
        {"category": "PAYMENT_METHOD_ERROR", "code": code, "detail": "Card declined.", "field": "source_id"}]}})
    assert (event.provider, str(event.status_category), str(event.payment_method)) == ("square", "DECLINED", "CARD")


def test_a_request_error_names_no_payment_method():
    event = normalized_event({"provider": "square", "payload": {"errors": [
        {"category": "INVALID_REQUEST_ERROR", "code": "MISSING_REQUIRED_PARAMETER", "field": "amount_money"}]}})
    assert (str(event.status_category), event.payment_method) == ("ERROR", None)


MAPPING = CompiledMapping(module.SPEC, module.prepare)


def _checkout_event(checkout):
    return {"merchant_id": "M1", "type": "terminal.checkout.updated", "event_id": "e1",
            "created_at": "2024-06-01T17:01:15Z",
            "data": {"type": "checkout.event", "id": checkout["id"], "object": {"checkout": checkout}}}


def _checkout(status, **extra):
    return {"id": "chk_1", "amount_money": {"amount": 1000, "currency": "USD"},
            "device_options": {"device_id": "dev_1"}, "status": status, **extra}


@pytest.mark.parametrize(("status", "category"), [
    ("PENDING", "PENDING"), ("IN_PROGRESS", "PENDING"), ("CANCEL_REQUESTED", "PENDING"),
    ("CANCELED", "CANCELLED"), ("COMPLETED", "APPROVED"),
])
def test_every_checkout_status_is_a_payment_state(status, category):
    event = MAPPING.apply(_checkout_event(_checkout(status)))
    assert (str(event.status_category), str(event.event_kind)) == (category, "PAYMENT")
    assert (event.amount_minor, event.currency, str(event.payment_method)) == (1000, "USD", "CARD")


def test_a_completed_checkout_joins_its_payment():
    event = MAPPING.apply(_checkout_event(_checkout("COMPLETED", payment_ids=["pay_1"])))
    assert (event.attempt_id, event.payment_id) == ("pay_1", "chk_1")


def test_the_create_response_is_read_too():
    event = MAPPING.apply({"checkout": _checkout("PENDING", payment_type="PAYPAY")})
    assert (str(event.status_category), str(event.payment_method)) == ("PENDING", "WALLET")


def test_a_payout_event_is_still_not_a_payment():
    from payobs_pipeline.normalization.mapping import UnmappedPayload
    with pytest.raises(UnmappedPayload) as caught:
        MAPPING.apply({"merchant_id": "M1", "type": "payout.paid", "event_id": "e2",
                       "data": {"type": "payout", "id": "po_1",
                                "object": {"payout": {"amount_money": {"amount": 1, "currency": "USD"}}}}})
    assert caught.value.reason_code == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize("event_type, data_type, document", [
    # developer.squareup.com/docs/webhooks/v2webhook-events-tech-ref: events about objects that are not payments.
    ("invoice.payment_made", "invoice", {"invoice": {"id": "inv:0-ChCHu2mZEabLeeHahQnXDjZQECY", "status": "PAID"}}),
    ("order.updated", "order_updated", {"order_updated": {"order_id": "eA3vssLHKJrv9H0IdJCM3gNqfdcZY",
                                                          "state": "COMPLETED", "version": 2}}),
    ("customer.created", "customer", {"customer": {"id": "A0AP3CQ3PZ8NKE1FBPZC9H7SAA"}}),
    ("card.created", "card", {"card": {"id": "ccof:uIbfJXhXETSP197M3GB", "card_brand": "VISA"}}),
    ("gift_card.activity.created", "gift_card_activity", {"gift_card_activity": {"id": "gcact_1", "type": "REDEEM"}}),
    ("oauth.authorization.revoked", "revocation", {"revocation": {"revoked_at": "2024-05-01T10:00:00Z"}}),
])
def test_webhook_events_about_other_objects_are_square_s_and_no_payment(event_type, data_type, document):
    body = {"merchant_id": "6SSW7HV8K2ST5", "type": event_type, "event_id": "13b867cf-db3d-4b1c-90b6-2f32a9d78124",
            "created_at": "2024-05-01T10:00:00.000Z", "data": {"type": data_type, "id": "x1", "object": document}}
    assert MAPPING.shape_score(body) >= 0.5
    outcome = normalize_lake_data(body, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize(("body", "reason"), [
    # Connect v1 webhooks (docs.connect.squareup.com/api/connect/v1#setupwebhooks): PAYMENT_UPDATED names the payment
    # to fetch; the other v1 event types are not payments.
    ({"merchant_id": "18YC4JBH91E1H", "location_id": "JGHJ0343", "event_type": "PAYMENT_UPDATED",
      "entity_id": "Jq74mCczmFXk1tC10GB"}, "NOTIFICATION_WITHOUT_OUTCOME"),
    ({"merchant_id": "18YC4JBH91E1H", "location_id": "JGHJ0343", "event_type": "INVENTORY_UPDATED",
      "entity_id": "5e8f2a4c-1b2d-4c8e-9f00-6a7b8c9d0e1f"}, "NOT_A_PAYMENT_EVENT"),
    # square/connect-javascript-sdk docs/Checkout.md: redirect_url gets checkoutId, orderId, transactionId, referenceId.
    ({"checkoutId": "CAISEHGimXh-C3RIT3JrMDwkWvQgAQ", "orderId": "KnL67ZIwXCPtzOrqj0HrkxMF",
      "transactionId": "KnL67ZIwXCPtzOrqj0HrkxMF", "referenceId": "order-123"}, "NOTIFICATION_WITHOUT_OUTCOME"),
    # CreatePaymentLink's response: a link to pay.
    ({"payment_link": {"id": "PV7ZJLNHCJ7PQMQQ", "version": 1, "order_id": "o4dGvwZPvPMmqbMy4SUWSAlPaJjZY",
                       "url": "https://square.link/u/8Aj2rk0z", "created_at": "2022-04-26T00:10:29Z"}},
     "NOT_A_PAYMENT_EVENT"),
])
def test_returns_that_name_a_payment_and_links_stay_unprocessed(body, reason):
    for data in (body, {"provider": "square", "payload": body}):
        outcome = normalize_lake_data(data, None, NORMALIZER)
        assert outcome.event is None
        assert outcome.unprocessed_reason == reason
