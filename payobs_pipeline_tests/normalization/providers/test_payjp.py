"""PAY.JP mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, payjp
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("payjp")
# PAY.JP's v1 API copies Stripe's (object "charge", ch_ ids, card_error): Stripe's detector reaches the threshold on
# its charges, events and card errors, below PAY.JP's own (car_ cards, fee_rate, three_d_secure_status).
CONTRACT = {"shared_shapes": {"stripe"}}


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_a_payjp_charge_is_told_from_a_stripe_charge_by_its_own_members():
    charge = _data("charge_captured")
    assert detect_provider(charge, {}, builtin_mappings()).provider == "payjp"
    for member in ("fee_rate", "three_d_secure_status", "refund_reason", "expired_at"):
        charge.pop(member)
    charge["card"]["id"] = "card_1Abc"
    assert detect_provider(charge, {}, builtin_mappings()).provider != "payjp"


def test_every_card_error_code_is_a_decline_with_its_reason():
    for code in payjp.DECLINE_CODES:
        body = {"error": {"code": code, "message": "x", "status": 402, "type": "card_error"}}
        event = normalized_event({"provider": "payjp", "payload": body})
        assert (str(event.status_category), event.raw_reason_code) == ("DECLINED", code)
        assert str(event.failure_reason) != "UNKNOWN"


def test_a_charge_without_status_is_read_from_its_members():
    charge = _data("charge_captured")
    assert payjp._derived_status(charge) == "captured"
    assert payjp._derived_status({**charge, "captured": False}) == "authorized"
    assert payjp._derived_status({**charge, "refunded": True}) == "refunded"
    assert payjp._derived_status({**charge, "failure_code": "card_declined"}) == "failed"


def test_prepare_leaves_its_input_unchanged():
    body = _data("event_charge_captured")
    before = copy.deepcopy(body)
    assert payjp.prepare(body) is not body and body == before
