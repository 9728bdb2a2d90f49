"""M-Pesa (Safaricom Daraja) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import mpesa
from payobs_pipeline.normalization.taxonomy import FailureReason
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("mpesa")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_mpesa(case):
    assert normalized_event(case["data"]).provider == "mpesa"


def test_every_code_names_a_reason():
    for code, entry in mpesa.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_callback_metadata_items_are_read_by_name_in_any_order():
    body = _case("stk_callback_success")
    body["Body"]["stkCallback"]["CallbackMetadata"]["Item"].reverse()
    event = normalized_event(body)
    assert (event.amount_minor, event.provider_transaction_id) == (100, "NLJ7RT61SV")


def test_an_undocumented_non_zero_result_code_is_a_failure():
    body = _case("stk_callback_insufficient_balance")
    body["Body"]["stkCallback"]["ResultCode"] = 2029
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")


def test_prepare_keeps_the_payload_unchanged():
    body = _case("stk_callback_success")
    before = copy.deepcopy(body)
    mpesa.prepare(body)
    assert body == before
