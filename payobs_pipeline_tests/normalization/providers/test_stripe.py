"""Stripe: its labeled corpus, lifecycle identity, API error bodies, refunded Charges and bare Events.

corpus/stripe.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data).

docs.stripe.com/api/errors: a card_error is the decline itself, its payment_intent names the payment; an intent
logged without its currency gives no amount (docs/taxonomy.md: amount_minor is in the currency's minor units).
docs.stripe.com/api/charges/object: ``refunded`` is true only once the charge is fully refunded, ``amount_refunded``
says how much was refunded (less than ``amount`` for a partial refund); docs.stripe.com/api/events/types:
charge.refunded "occurs whenever a charge is refunded, including partial refunds". A refunded Charge is a REFUND
row of its attempt, with the refund's amount; an uncaptured charge marked refunded is a void.
An Event may be kept as its type and data.object only."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, stripe as module
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    FOREIGN_PAYLOADS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    docs_examples,
    has_hint,
    normalized_event,
    other_event_kinds,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/stripe.json has no case of yet.
    "uncovered_statuses": {
        "UNKNOWN": "status api_connection_error",
    },
}

# sdk_and_docs_examples/ (SDK fixtures, docs examples, older API versions) and
# other_event_kinds/ (payouts, reports, fraud warnings, in-person cards, vouchers, lake wrappers; events that are
# not payments stay unprocessed): earlier rounds, training data since they landed with their fixes.
CORPUS_CASES = docs_examples("stripe") + other_event_kinds("stripe")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_corpus_covers_the_required_ground():
    cases = load_cases(CORPUS / "stripe.json")
    statuses = {c["expected"]["status_category"] for c in cases}
    reasons = {c["expected"]["failure_reason"] for c in cases} - {None}
    methods = {c["expected"].get("payment_method") for c in cases} - {None}
    assert len(cases) >= 20
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses
    assert len(reasons) >= 6, "declines and errors with several different reason codes"
    assert {"CARD", "PIX", "BOLETO", "BNPL"} <= methods
    assert any(has_hint(c["data"]) for c in cases) and any(not has_hint(c["data"]) for c in cases)
    assert all(c["expected"]["provider"] == "stripe" for c in cases)
    for case in cases:
        for field in ("status_category", "failure_reason", "amount_minor", "currency"):
            assert field in case["expected"], f"{case['name']} does not label {field}"


@pytest.mark.parametrize("name", ["stripe_charge", "stripe_event"])
def test_its_api_reference_documents_are_detected_as_stripe(name):
    assert detect_provider(FOREIGN_PAYLOADS[name][1], {}, builtin_mappings()).provider == "stripe"


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


def _stripe_event(event_type, document):
    return {"id": "evt_1Lc00000000000000000000", "object": "event", "api_version": "2024-06-20",
            "created": 1717300000, "type": event_type, "data": {"object": document}}


_CH = "ch_3Lc0aB2eZvKYlo2C0lIfE001"
_PI = "pi_3Lc0aB2eZvKYlo2C0lIfE001"


def _stripe_charge(**overrides):
    charge = {"id": _CH, "object": "charge", "amount": 5000, "currency": "eur", "created": 1717200000,
              "status": "succeeded", "paid": True, "captured": True, "refunded": False, "amount_refunded": 0,
              "payment_intent": _PI, "outcome": {"type": "authorized", "network_status": "approved_by_network"},
              "billing_details": {"address": {"country": "FR"}},
              "payment_method_details": {"type": "card", "card": {"brand": "visa", "country": "DE"}}}
    return {**charge, **overrides}


def test_stripe_payment_intent_and_its_charge_are_one_attempt_of_one_payment():
    # docs.stripe.com/api/payment_intents/object: latest_charge is the intent's latest Charge;
    # docs.stripe.com/api/charges/object: payment_intent is the intent the charge belongs to.
    intent = {"id": _PI, "object": "payment_intent", "amount": 5000, "currency": "eur", "created": 1717200000,
              "status": "succeeded", "latest_charge": _CH, "last_payment_error": None}
    from_intent = _event(_stripe_event("payment_intent.succeeded", intent))
    from_charge = _event(_stripe_event("charge.succeeded", _stripe_charge()))
    for event in (from_intent, from_charge):
        assert (event.event_kind, event.status_category) == ("AUTHORIZATION", "APPROVED")
        assert (event.attempt_id, event.payment_id) == (_CH, _PI)
    # The card's issuing country and the billing country stay apart; the card's wins for the metrics.
    assert (from_charge.card_country, from_charge.customer_country, from_charge.country) == ("DE", "FR", "DE")


def test_stripe_intent_before_any_charge_is_the_payment_not_an_attempt():
    for status in ("requires_payment_method", "requires_action", "processing", "canceled"):
        intent = {"id": _PI, "object": "payment_intent", "amount": 5000, "currency": "eur", "status": status,
                  "latest_charge": None, "last_payment_error": None}
        event = _event(intent)
        assert (event.event_kind, event.attempt_id, event.payment_id) == ("PAYMENT", None, _PI), status
    session = {"id": "cs_test_a1Lc0", "object": "checkout.session", "status": "complete", "payment_status": "paid",
               "amount_total": 5000, "currency": "eur", "payment_intent": _PI}
    event = _event(_stripe_event("checkout.session.completed", session))
    assert (event.event_kind, event.attempt_id, event.payment_id) == ("PAYMENT", None, _PI)


def test_stripe_failed_confirmation_names_its_charge_as_the_attempt():
    intent = {"id": _PI, "object": "payment_intent", "amount": 5000, "currency": "eur",
              "status": "requires_payment_method", "latest_charge": _CH,
              "last_payment_error": {"type": "card_error", "code": "card_declined", "charge": _CH,
                                     "decline_code": "insufficient_funds"}}
    event = _event(_stripe_event("payment_intent.payment_failed", intent))
    assert (event.event_kind, event.status_category, event.attempt_id, event.payment_id) == (
        "AUTHORIZATION", "DECLINED", _CH, _PI)


def test_stripe_capture_and_expiry_of_an_uncaptured_charge_are_not_new_authorizations():
    captured = _event(_stripe_event("charge.captured", _stripe_charge()))
    assert (captured.event_kind, captured.status_category, captured.attempt_id) == ("CAPTURE", "APPROVED", _CH)
    expired = _event(_stripe_event("charge.expired", _stripe_charge(captured=False)))
    assert (expired.event_kind, expired.status_category, expired.attempt_id) == ("VOID", "CANCELLED", _CH)
    # Canceling an intent whose charge was authorized releases the authorization (a void).
    intent = {"id": _PI, "object": "payment_intent", "amount": 5000, "currency": "eur", "status": "canceled",
              "cancellation_reason": "requested_by_customer", "latest_charge": _CH, "last_payment_error": None}
    canceled = _event(_stripe_event("payment_intent.canceled", intent))
    assert (canceled.event_kind, canceled.status_category, canceled.attempt_id) == ("VOID", "CANCELLED", _CH)


def test_stripe_refunds_and_disputes_point_at_the_charge_they_follow():
    refund = {"id": "re_3Lc0aB2eZvKYlo2C0lIfE001", "object": "refund", "amount": 5000, "currency": "eur",
              "charge": _CH, "payment_intent": _PI, "status": "pending"}
    pending = _event(_stripe_event("refund.created", refund))
    assert (pending.event_kind, pending.status_category) == ("REFUND", "PENDING")
    assert (pending.attempt_id, pending.payment_id, pending.refund_id) == (_CH, _PI, refund["id"])
    failed = _event(_stripe_event("refund.failed", {**refund, "status": "failed",
                                                    "failure_reason": "expired_or_canceled_card"}))
    assert (failed.event_kind, failed.attempt_id, failed.refund_id) == ("REFUND", _CH, refund["id"])
    refunded_charge = _event(_stripe_event("charge.refunded", _stripe_charge(refunded=True, amount_refunded=5000)))
    assert (refunded_charge.event_kind, refunded_charge.attempt_id, refunded_charge.payment_id) == ("REFUND", _CH, _PI)
    dispute = {"id": "du_1Lc0aB2eZvKYlo2C0lIfE001", "object": "dispute", "amount": 5000, "currency": "eur",
               "charge": _CH, "payment_intent": _PI, "reason": "fraudulent", "status": "lost"}
    disputed = _event(_stripe_event("charge.dispute.closed", dispute))
    assert (disputed.event_kind, disputed.status_category) == ("DISPUTE", "CHARGEBACK")
    assert (disputed.attempt_id, disputed.payment_id, disputed.dispute_id) == (_CH, _PI, dispute["id"])


MAPPING = CompiledMapping(module.SPEC, module.prepare)


def _card_error(intent):
    return {"error": {"type": "card_error", "code": "card_declined", "decline_code": "lost_card",
                      "charge": "ch_1", "payment_intent": intent}}


def test_a_card_error_whose_intent_has_no_currency_is_a_decline_without_an_amount():
    event = MAPPING.apply(_card_error({"id": "pi_1", "object": "payment_intent", "amount": 900}))
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "LOST_OR_STOLEN_CARD")
    assert (event.amount_minor, event.currency, event.payment_id) == (None, None, "pi_1")
    assert str(event.payment_method) == "CARD"


def test_a_card_error_whose_intent_has_its_currency_keeps_the_amount():
    event = MAPPING.apply(_card_error({"id": "pi_1", "object": "payment_intent", "amount": 900, "currency": "jpy"}))
    assert (event.amount_minor, event.currency) == (900, "JPY")


def test_prepare_does_not_touch_its_input():
    body = _card_error({"id": "pi_1", "object": "payment_intent", "amount": 900})
    before = copy.deepcopy(body)
    module.prepare(body)
    assert body == before


def test_a_card_error_naming_another_method_keeps_it():
    body = _card_error({"id": "pi_1", "object": "payment_intent", "amount": 900, "currency": "usd",
                        "payment_method_types": ["us_bank_account"]})
    assert str(MAPPING.apply(body).payment_method) != "CARD"


def test_a_bare_dispute_without_id_is_stripe_without_a_hint():
    dispute = {"object": "dispute", "charge": "ch_9", "amount": 100, "currency": "usd", "status": "under_review",
               "is_charge_refundable": False, "evidence_details": {"due_by": 1, "submission_count": 1}}
    guess = detect_provider(dispute, {}, list(builtin_mappings()))
    assert guess.provider == "stripe"
    assert str(guess.mapping.apply(dispute).status_category) == "CHARGEBACK"


def test_a_card_error_whose_intent_names_no_iso_currency_is_a_decline_without_an_amount():
    # "gpb" is no ISO 4217 code: the error is still the decline, read without the intent's amount and currency.
    event = MAPPING.apply(_card_error({"id": "pi_1", "object": "payment_intent", "amount": 900, "currency": "gpb"}))
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "LOST_OR_STOLEN_CARD")
    assert (event.amount_minor, event.currency, event.payment_id) == (None, None, "pi_1")


def test_a_failed_attempt_error_code_is_a_decline_whatever_its_error_type():
    # docs.stripe.com/error-codes: payment_intent_payment_attempt_failed, "the latest payment attempt ... has failed".
    event = MAPPING.apply({"id": "pi_1", "object": "payment_intent", "amount": 500, "currency": "eur",
                           "status": "requires_payment_method",
                           "last_payment_error": {"code": "payment_intent_payment_attempt_failed",
                                                  "type": "invalid_request_error"}})
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "UNKNOWN")
    # Any other invalid_request_error on the intent stays a request error.
    event = MAPPING.apply({"id": "pi_1", "object": "payment_intent", "amount": 500, "currency": "eur",
                           "status": "requires_payment_method",
                           "last_payment_error": {"code": "parameter_invalid_empty", "type": "invalid_request_error"}})
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "INVALID_REQUEST")


def test_payment_intents_and_refunds_without_stripe_ids_are_told_by_their_members():
    mappings = builtin_mappings()
    intent = {"id": "order-42-intent", "object": "payment_intent", "amount": 100, "currency": "usd",
              "amount_capturable": 0, "status": "processing"}
    refund = {"id": "refund-7", "object": "refund", "amount": 100, "currency": "usd", "charge": "charge-7",
              "payment_intent": "intent-7", "status": "succeeded"}
    assert detect_provider(intent, {}, mappings).provider == "stripe"
    assert detect_provider(refund, {}, mappings).provider == "stripe"
    # object "refund" alone (Culqi, Conekta and Omise name theirs so too) names nobody.
    assert detect_provider({"object": "refund", "amount": 100, "status": "succeeded"}, {}, mappings).provider is None


def test_a_failed_attempt_names_its_charge_as_the_attempt_else_the_row_is_the_payment_s():
    # docs/taxonomy.md: PAYMENT "the payment as a whole when no attempt is named"; a charge named by the intent is
    # the attempt (module docstring).
    intent = {"id": "pi_1", "object": "payment_intent", "amount": 500, "currency": "eur",
              "status": "requires_payment_method",
              "last_payment_error": {"code": "card_declined", "decline_code": "insufficient_funds", "type": "card_error"}}
    event = MAPPING.apply(intent)
    assert (str(event.status_category), str(event.event_kind), event.attempt_id) == ("DECLINED", "PAYMENT", None)
    named = {**intent, "last_payment_error": {**intent["last_payment_error"], "charge": "ch_9"}}
    event = MAPPING.apply(named)
    assert (str(event.status_category), str(event.event_kind), event.attempt_id) == ("DECLINED", "AUTHORIZATION",
                                                                                     "ch_9")


def test_a_charge_without_its_method_whose_failure_code_only_a_card_has_is_a_card_payment():
    charge = {"id": "ch_1", "object": "charge", "amount": 2000, "currency": "usd", "status": "failed",
              "failure_code": "card_declined", "outcome": {"type": "blocked", "reason": "highest_risk_level"}}
    assert str(MAPPING.apply(charge).payment_method) == "CARD"
    # A code bank debits share (insufficient_funds) names no method.
    assert MAPPING.apply({**charge, "failure_code": "insufficient_funds"}).payment_method is None


def _charge(**changes):
    charge = {"id": "ch_1", "object": "charge", "amount": 5000, "amount_captured": 5000, "amount_refunded": 0,
              "captured": True, "refunded": False, "status": "succeeded", "currency": "usd",
              "payment_intent": "pi_1"}
    return {**charge, **changes}


def test_a_charge_without_refunds_is_its_authorization():
    event = MAPPING.apply(_charge())
    assert (str(event.status_category), str(event.event_kind), event.amount_minor) == ("APPROVED", "AUTHORIZATION", 5000)


def test_a_partially_refunded_charge_is_a_refund_of_the_refunded_amount():
    event = MAPPING.apply(_charge(amount_refunded=1200))
    assert (str(event.status_category), str(event.event_kind), event.amount_minor) == ("REFUNDED", "REFUND", 1200)
    assert (event.attempt_id, event.payment_id) == ("ch_1", "pi_1")


def test_the_newest_listed_refund_names_the_row_and_its_amount():
    refunds = {"object": "list", "data": [{"id": "re_2", "object": "refund", "amount": 700},
                                          {"id": "re_1", "object": "refund", "amount": 500}]}
    event = MAPPING.apply(_charge(amount_refunded=1200, refunds=refunds))
    assert (event.refund_id, event.amount_minor) == ("re_2", 700)


def test_a_fully_refunded_charge_is_a_refund():
    event = MAPPING.apply(_charge(amount_refunded=5000, refunded=True))
    assert (str(event.status_category), event.amount_minor) == ("REFUNDED", 5000)


def test_an_uncaptured_charge_marked_refunded_is_a_void():
    event = MAPPING.apply(_charge(captured=False, amount_captured=0, amount_refunded=5000, refunded=True))
    assert (str(event.status_category), str(event.event_kind)) == ("CANCELLED", "VOID")


def test_a_charge_refunded_event_reads_its_charge_as_the_refund():
    event = MAPPING.apply({"id": "evt_1", "object": "event", "type": "charge.refunded",
                           "data": {"object": _charge(amount_refunded=300)}})
    assert (str(event.status_category), event.amount_minor) == ("REFUNDED", 300)


def test_a_dispute_event_about_a_partially_refunded_charge_stays_a_chargeback():
    event = MAPPING.apply({"id": "evt_2", "object": "event", "type": "charge.dispute.created",
                           "data": {"object": _charge(amount_refunded=300)}})
    assert str(event.status_category) == "CHARGEBACK"


def test_a_charge_stored_without_its_object_key_is_read_by_its_id():
    body = _charge(amount_refunded=300)
    del body["object"]
    event = MAPPING.apply(body)
    assert (str(event.status_category), event.amount_minor, event.variant) == ("REFUNDED", 300, "charge.refunded")


def test_an_event_without_object_and_id_is_read_as_the_event():
    event = normalized_event({"type": "payment_intent.succeeded", "data": {"object": {
        "id": "pi_1", "status": "succeeded", "amount": 500, "currency": "eur"}}})
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "stripe", "APPROVED", 500, "EUR")


def test_a_refund_update_event_without_envelope_is_a_refund():
    event = normalized_event({"type": "charge.refund.updated", "data": {"object": {
        "id": "re_1", "object": "refund", "charge": "ch_1", "status": "failed", "amount": 700, "currency": "usd"}}})
    assert (str(event.status_category), str(event.event_kind)) == ("DECLINED", "REFUND")


def test_a_charge_id_prefix_alone_does_not_name_stripe():
    # Pagar.me v5 charge ids start "ch_" as Stripe's do (docs.pagar.me/reference/cobrancas-1); the prefix is no
    # evidence alone, Stripe's own fields are.
    mapping = CompiledMapping(module.SPEC)
    assert mapping.shape_score({"id": "ch_7kQ2", "status": "paid", "amount": 1000}) < 0.5
    assert mapping.shape_score({"id": "ch_7kQ2", "object": "charge", "status": "succeeded", "amount": 1000}) >= 0.5


def test_a_legacy_order_is_the_payment_and_its_charge_the_attempt():
    case = next(c for c in load_cases(CORPUS / "stripe.json") if c["name"] == "legacy_order_paid_event")
    order = case["data"]["data"]["object"]
    for status, category in module._ORDER_STATUSES.items():
        event = _event({**copy.deepcopy(order), "status": status})
        assert str(event.status_category) == category, status
    event = _event(copy.deepcopy(order))
    assert (str(event.event_kind), event.payment_id, event.attempt_id) == (
        "PAYMENT", "or_1FZ8kQ2eZvKYlo2C0Bq9ZtmL", "ch_1FZ8kx2eZvKYlo2CgZ0n1e4x")


# docs.stripe.com/api/events/types: events about objects around a payment (a card source, an invoice's payment
# record, a cash balance, a Terminal reader, a legacy order return) carry no payment outcome of their own; the
# Charge / PaymentIntent / Refund they concern has its own events.
@pytest.mark.parametrize("event_type, document", [
    ("customer.source.created", {"id": "card_1QxLu42eZvKYlo2Cc4rd0006", "object": "card", "brand": "Visa",
                                 "customer": "cus_RqLu4Cust0006", "last4": "4242"}),
    ("invoice_payment.paid", {"id": "inpay_1QxLt32eZvKYlo2CcH3p0005", "object": "invoice_payment",
                              "amount_paid": 2000, "currency": "usd", "status": "paid",
                              "payment": {"payment_intent": "pi_3QxLt12eZvKYlo2C1Pay0005", "type": "payment_intent"}}),
    ("cash_balance.funds_available", {"object": "cash_balance", "customer": "cus_1", "available": {"usd": 100}}),
    ("terminal.reader.action_failed", {"id": "tmr_1", "object": "terminal.reader",
                                       "action": {"status": "failed", "failure_code": "card_declined"}}),
    ("order_return.created", {"id": "orret_1", "object": "order_return", "amount": 1500, "currency": "usd",
                              "order": "or_1", "refund": "re_1"}),
])
def test_events_about_other_objects_are_not_payments(event_type, document):
    body = {"id": "evt_1QxLu52eZvKYlo2CSrcCr006", "object": "event", "type": event_type, "data": {"object": document}}
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"
    assert normalize_lake_data(document | {"provider": "stripe"}, None, NORMALIZER).unprocessed_reason == (
        "NOT_A_PAYMENT_EVENT")


@pytest.mark.parametrize("code, reason", [
    ("authentication_not_handled", "AUTHENTICATION_REQUIRED"), ("partner_generic_decline", "GENERIC_DECLINE"),
    ("payment_limit_exceeded", "LIMIT_EXCEEDED"), ("invalid_authorization", "REVOKED"),
    ("expired_payment_information", "EXPIRED_CARD"), ("partner_duplicate_transaction", "DUPLICATE"),
])
def test_local_payment_method_decline_codes_give_their_reason(code, reason):
    # docs.stripe.com/declines/codes, "Local payment method decline codes": the charge's outcome.reason.
    event = MAPPING.apply(_charge(status="failed", paid=False, failure_code="card_declined",
                                  outcome={"type": "issuer_declined", "reason": code}))
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", reason)


def test_a_setup_mode_checkout_session_is_not_a_payment():
    # docs.stripe.com/api/checkout/sessions/object: mode setup "accept payment details and save them for future use",
    # payment_status no_payment_required; a payment-mode session completed and paid stays the payment's state.
    session = {"id": "cs_test_c1Setup0Mode", "object": "checkout.session", "mode": "setup", "status": "complete",
               "payment_status": "no_payment_required", "amount_total": None, "currency": None,
               "setup_intent": "seti_1QxLv62eZvKYlo2CSet00007"}
    body = {"id": "evt_1QxLv72eZvKYlo2CSetUp007", "object": "event", "type": "checkout.session.completed",
            "data": {"object": session}}
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"
    paid = {**session, "mode": "payment", "payment_status": "paid", "amount_total": 2000, "currency": "usd",
            "setup_intent": None, "payment_intent": "pi_3QxLv82eZvKYlo2C1Pay0008"}
    event = normalized_event({**body, "data": {"object": paid}})
    assert (str(event.status_category), str(event.event_kind), event.amount_minor) == ("APPROVED", "PAYMENT", 2000)


@pytest.mark.parametrize("related_type, url, reason", [
    ("payment_intent", "/v1/payment_intents/pi_3Q0Ab2eZvKYlo2C1Thin0009", "NOTIFICATION_WITHOUT_OUTCOME"),
    ("billing.meter", "/v1/billing/meters/mtr_test_61R9Ijk8c3bR0ZmIGy", "NOT_A_PAYMENT_EVENT"),
])
def test_a_thin_event_names_its_object_without_its_state(related_type, url, reason):
    # docs.stripe.com/event-destinations: a thin event (object v2.core.event) carries related_object {id, type, url}
    # and no data; about a payment it says nothing of the outcome, about anything else it is no payment.
    body = {"id": "evt_test_65R9Ijk8c3bR0ZmIGyd16SBaSZ9X5hfCRZ8bPtJ6Z1u", "object": "v2.core.event",
            "type": f"v1.{related_type}.updated", "livemode": False, "created": "2024-09-17T06:20:52.246Z",
            "related_object": {"id": url.rsplit("/", 1)[1], "type": related_type, "url": url}}
    assert detect_provider(body, {}, builtin_mappings()).provider == "stripe"
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == reason


def test_a_list_of_objects_that_are_not_payments_is_no_payment():
    # docs.stripe.com/api/pagination: {"object": "list", "data": [...]}; a page of payouts moves no customer's money.
    body = {"object": "list", "url": "/v1/payouts", "has_more": False, "provider": "stripe",
            "data": [{"id": "po_1QxLw92eZvKYlo2CPay00010", "object": "payout", "amount": 1100, "currency": "usd",
                      "status": "paid"}]}
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize(("status", "category"), [("Succeeded", "APPROVED"), ("RequiresCapture", "APPROVED"),
                                                  ("RequiresAction", "PENDING"), ("Processing", "PENDING"),
                                                  ("Canceled", "CANCELLED"), ("Unknown", "UNKNOWN")])
def test_a_react_native_payment_intent_reads_the_sdk_status_enum(status, category):
    # stripe/stripe-react-native src/types/PaymentIntent.ts: Status enum, camelCase fields, no "object".
    body = {"id": "pi_3N9kPqLkdIwHu7ix0000aaaa", "amount": 1099, "currency": "usd", "status": status,
            "clientSecret": "pi_3N9kPqLkdIwHu7ix0000aaaa_secret_x", "captureMethod": "Automatic",
            "lastPaymentError": None}
    event = normalize_lake_data({"paymentIntent": body}, None, NORMALIZER).event
    assert (event.provider, event.status_category, event.amount_minor) == ("stripe", category, 1099)


def test_a_react_native_error_reads_the_decline_code_before_stripes_generic_one():
    # src/types/Errors.ts: declineCode is the card's, stripeErrorCode Stripe's (card_declined, generic).
    body = {"error": {"code": "Failed", "message": "Your card was declined.", "declineCode": "incorrect_cvc",
                      "stripeErrorCode": "card_declined", "type": "card_error"}}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "INCORRECT_CVC", "incorrect_cvc")



# Objects an integration receives that are not payments, unhinted (each from the page its comment names).
_NOT_PAYMENTS = {
    # docs.stripe.com/js/setup_intents/confirm_card_setup (result.setupIntent); docs.stripe.com/api/setup_intents
    "stripejs_confirm_setup_result": {"setupIntent": {
        "id": "seti_1Mm8s8LkdIwHu7ix0OXBfTRG", "object": "setup_intent", "status": "succeeded",
        "payment_method": "pm_1Mm8s8LkdIwHu7ixqlw4Qb4S", "usage": "off_session"}},
    # docs.stripe.com/api/transfers/object
    "transfer_object": {
        "id": "tr_1MiN3gLkdIwHu7ixNCZvFdgA", "object": "transfer", "amount": 400, "amount_reversed": 0,
        "balance_transaction": "txn_1MiN3gLkdIwHu7ixxapQrznl", "created": 1678043844, "currency": "usd",
        "destination": "acct_1MTfjCQ9PRzxEwkZ", "livemode": False, "reversed": False, "source_type": "card"},
    # docs.stripe.com/api/payment-link/object
    "payment_link_object": {
        "id": "plink_1MoC3ULkdIwHu7ixZjtGpVl2", "object": "payment_link", "active": True, "currency": "usd",
        "livemode": False, "url": "https://buy.stripe.com/test_cN25nr0iZ7bUa7meUY"},
    # docs.stripe.com/api/sources/object; docs.stripe.com/api/events/types (source.chargeable)
    "source_chargeable_event": {
        "id": "evt_1CiPtv2eZvKYlo2CcUZsDcO6", "object": "event", "api_version": "2018-05-21",
        "created": 1530291411, "type": "source.chargeable",
        "data": {"object": {"id": "src_1CiPsl2eZvKYlo2CVVyt3LKy", "object": "source", "amount": 1099,
                            "currency": "eur", "flow": "redirect", "status": "chargeable", "type": "sofort",
                            "usage": "single_use", "redirect": {"status": "succeeded"}}}},
    # docs.stripe.com/api/events/types (invoice.payment_failed); docs.stripe.com/api/invoices/object
    "invoice_payment_failed_event": {
        "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event", "type": "invoice.payment_failed",
        "data": {"object": {"id": "in_1MtHbELkdIwHu7ixl4OzzPMv", "object": "invoice", "amount_due": 999,
                            "amount_paid": 0, "attempt_count": 1, "attempted": True, "currency": "usd",
                            "status": "open", "payment_intent": "pi_3MtHbELkdIwHu7ix0Q3dNN3R"}}},
}


@pytest.mark.parametrize("name", sorted(_NOT_PAYMENTS))
def test_received_objects_that_are_not_payments_are_detected_and_kept_unprocessed(name):
    body = _NOT_PAYMENTS[name]
    assert detect_provider(body, {}, builtin_mappings()).provider == "stripe"
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"
