"""Unzer (heidelpay) mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import unzer
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("unzer")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


@pytest.mark.parametrize("code", sorted(unzer.API_CODES))
def test_every_unzer_api_and_risk_code_has_its_category(code):
    body = _case("error_invalid_key")
    body["errors"][0]["code"] = code
    event = normalized_event(body)
    assert str(event.status_category) == unzer.API_CODES[code][0]
    assert str(event.failure_reason) != "UNKNOWN" and event.raw_reason_code == code


@pytest.mark.parametrize("suffix", unzer.DO_NOT_RETRY + unzer.RETRY)
def test_merchant_advice_codes_say_whether_to_retry(suffix):
    body = _case("charge_declined_invalid_cvv")
    body["errors"][0]["code"] = f"COR.800.100.{suffix}"
    event = normalized_event(body)
    assert str(event.decline_type) == ("HARD" if suffix in unzer.DO_NOT_RETRY else "SOFT")


def test_a_cor_code_outside_the_specific_list_takes_its_documented_family():
    # 800.100.199 is no listed code; its family (800.1xx bank declines) says declined by the bank.
    body = _case("charge_declined_invalid_cvv")
    body["errors"][0]["code"] = "COR.800.100.199"
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")


def test_a_refund_names_the_charge_and_the_payment():
    event = normalized_event(_case("refund_cancel_of_charge"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == ("s-cnl-1", "s-chg-1", "s-pay-42")


def test_a_charge_is_its_own_attempt_of_the_payment():
    event = normalized_event(_case("charge_success_card"))
    assert (event.attempt_id, event.payment_id) == ("s-chg-1", "s-pay-42")


def test_prepare_leaves_the_payload_untouched():
    body = _case("charge_success_card")
    before = copy.deepcopy(body)
    prepared = unzer.prepare(body)
    assert body == before and prepared[unzer.RESULT_KEY] == "success"
