"""Stripe API error bodies and bare disputes: pinned behaviour.

docs.stripe.com/api/errors: a card_error is the decline itself, its payment_intent names the payment; an intent
logged without its currency gives no amount (docs/taxonomy.md: amount_minor is in the currency's minor units).
"""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, stripe as module

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
