"""Tap Payments mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import tap
from payobs_pipeline.normalization.taxonomy import FailureReason
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("tap")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_tap(case):
    assert normalized_event(case["data"]).provider == "tap"


def test_every_code_names_a_reason():
    for table in (tap.CHARGE_REASONS, tap.REFUND_REASONS):
        for code, entry in table.items():
            reason = entry if isinstance(entry, str) else entry["reason"]
            assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_its_charge():
    event = normalized_event(_case("refund_refunded"))
    assert (event.refund_id, event.attempt_id) == ("re_TS07A4820231551Xa2k0809486", "chg_TS02A5720231433Qs1w0809820")


def test_the_acquirers_code_wins_over_taps_generic_decline():
    event = normalized_event(_case("charge_declined_card_issuer_acquirer_stolen"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("LOST_OR_STOLEN_CARD", "43")


def test_taps_specific_code_wins_over_the_acquirers():
    body = _case("charge_declined_card_issuer_acquirer_stolen")
    body["response"] = {"code": "502", "message": "Declined, Incorrect CSC/CVV"}
    event = normalized_event(body)
    assert (str(event.failure_reason), event.raw_reason_code) == ("INCORRECT_CVC", "502")


def test_an_unhinted_tap_refund_is_taps_not_stripes():
    # Shaped like a Stripe refund (object "refund", id re_): Stripe's detector scores it too, below Tap's.
    body = _case("refund_refunded")["payload"]
    event = normalized_event(body)
    assert (event.provider, str(event.status_category)) == ("tap", "REFUNDED")
