"""First Data Payeezy mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import firstdata
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("firstdata")


def _purchase(**kw):
    reply = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "purchase_approved_visa_usd"))
    reply.update(kw)
    return reply


def test_amount_is_in_minor_units():
    # developer.payeezy.com: amount in the lowest denomination of the currency.
    assert normalized_event(_purchase(amount="1", currency="USD")).amount_minor == 1


@pytest.mark.parametrize("code", sorted(c for c in firstdata.BANK_CODES))
def test_every_bank_code_names_a_reason(code):
    event = normalized_event(_purchase(transaction_status="declined", bank_resp_code=code, bank_message="x"))
    assert str(event.status_category) == "DECLINED"
    assert str(event.failure_reason) not in ("UNKNOWN", "None"), code
    assert event.raw_reason_code == code


def test_gateway_error_code_wins_over_the_bank_code():
    event = normalized_event(_purchase(transaction_status="Not Processed", bank_resp_code="000",
                                       gateway_resp_code="44", gateway_message="Invalid Logon"))
    assert str(event.status_category) == "ERROR"
    assert str(event.failure_reason) == "CONFIGURATION_ERROR"


def test_refund_is_its_own_id_and_no_attempt():
    case = next(c for c in CASES if c["name"] == "refund_approved_cad")
    event = normalized_event(case["data"])
    assert event.refund_id == "ET100009"
    assert event.attempt_id is None


# --- GGE4 / E-xact Transaction API (providers/firstdata_gge4.py, the same slug) -------------------------------


def test_gge4_statuses_are_categories():
    from payobs_pipeline.normalization.providers import firstdata_gge4

    compiled = CompiledMapping(firstdata_gge4.SPEC, firstdata_gge4.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_a_gge4_reply_without_currency_code_keeps_no_amount():
    reply = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "gge4_purchase_approved"))
    reply.pop("currency_code")
    event = normalized_event(reply)
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "firstdata", "APPROVED", None, None)


def test_a_processor_message_names_the_reason_when_the_bank_code_is_the_processors_own():
    reply = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "gge4_purchase_declined_302_credit_floor"))
    reply["payload"].update(bank_resp_code="205", bank_message="Invalid Exp. Date")
    assert str(normalized_event(reply).failure_reason) == "INVALID_CARD_DATA"
