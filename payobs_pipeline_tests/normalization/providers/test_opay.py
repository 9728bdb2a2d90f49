"""OPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import opay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("opay")

# OPay documents no reason codes for a failed payment: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    # A hinted row wraps the document in {"provider", "payload"}; the callback's own "payload" is not that.
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_is_canonical():
    CompiledMapping(opay.SPEC)
    assert set(opay.STATUSES.values()) <= set(StatusCategory.__members__)


def test_the_cashier_callback_is_in_minor_units_and_the_opayweb_one_in_major():
    assert normalized_event(_case("callback_success_card")).amount_minor == 49160
    assert normalized_event(_case("callback_opayweb_success")).amount_minor == 1000


def test_the_status_is_read_inside_data_not_the_envelopes_code():
    document = _case("status_success_egp")
    document["data"]["status"] = "CLOSE"
    event = normalized_event(document)
    assert (event.status_category, event.payment_id) == ("CANCELLED", "1001000")


def test_an_error_answer_keeps_its_code():
    event = normalized_event({"provider": "opay", "payload": {"code": "02004", "message": "a message"}})
    assert (event.status_category, event.raw_reason_code) == ("ERROR", "02004")
