"""epayco mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import epayco
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # ePayco's legacy error answer is {"status": false, "message": ..., "data": ...}, the envelope Paystack's
    # detector weighs at the threshold; its "ErrorException: [n]" message scores it higher as ePayco's.
    "shared_shapes": ["paystack"],
}

CASES = provider_cases("epayco")


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(epayco.SPEC)
    assert set(epayco.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {(e if isinstance(e, str) else e["reason"]) for e in epayco.REASONS.values()} <= set(FailureReason.__members__)
    assert set(epayco.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_a_cash_or_bank_franchise_is_no_card_brand():
    event = normalized_event(_case("confirmation_pendiente_pse"))
    assert (event.payment_method, event.card_brand) == ("BANK_TRANSFER", None)


def test_the_network_code_outranks_the_state_name():
    # A refused charge names its issuer's ISO code; the state "Rechazada" alone gives no reason.
    document = _case("charge_rechazada_51")
    document["data"]["cc_network_response"]["code"] = "54"
    assert normalized_event(document).failure_reason == "EXPIRED_CARD"
    document["data"]["cc_network_response"] = {}
    assert normalized_event(document).failure_reason == "UNKNOWN"
