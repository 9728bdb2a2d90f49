"""Pagar.me mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import pagarme
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # A v5 charge's id starts "ch_" as a Stripe Charge's does (Stripe's detector weighs that prefix alone at the
    # threshold), and a charge embeds its order {"status": "pending" / "canceled"}, the words PayU Europe's order
    # notification detector reads: both reach the threshold on a bare charge, below Pagar.me's own score.
    "shared_shapes": ["stripe", "payu"],
}

CASES = provider_cases("pagarme")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(pagarme.SPEC)
    assert set(pagarme.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in pagarme.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(pagarme.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_the_transaction_status_says_more_than_the_charge_status():
    # A charge "canceled" after capture is a refund: the transaction (refunded) decides, not the charge.
    document = _case("v5_charge_voided_before_capture")
    document["last_transaction"]["status"] = "refunded"
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("REFUNDED", "REFUND")


def test_an_acquirer_code_passed_through_from_another_acquirer_is_read_as_abecs():
    # Behind Pagar.me, Cielo or Rede answer with ABECS codes: 51 is insufficient funds, 57 not permitted.
    document = _case("v5_charge_1001_expired")
    document["last_transaction"]["acquirer_return_code"] = "57"
    assert normalized_event(document).failure_reason == "TRANSACTION_NOT_PERMITTED"


def test_a_stone_code_outranks_a_generic_refuse_reason():
    # v4: refuse_reason "acquirer" alone is a generic decline; the acquirer's 1016 names the reason.
    document = _case("v4_transaction_refused_1011")
    document["acquirer_response_code"] = "1016"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "1016")
    document["acquirer_response_code"] = None
    assert normalized_event(document).failure_reason == "GENERIC_DECLINE"


def test_an_order_is_the_payment_and_its_charge_the_attempt():
    event = normalized_event(_case("v5_order_card_not_authorized_1016"))
    assert (event.payment_id, event.attempt_id) == ("or_Lm3q0YbTw1sRk8Vd", "ch_pX2Vb1ALmq3rG8ne")


def test_a_boleto_refund_awaiting_confirmation_is_a_pending_refund():
    # v4 pending_refund: "Transação do tipo Boleto e que está aguardando confirmação do estorno solicitado".
    document = _case("v4_transaction_boleto_waiting_payment")
    document["status"] = "pending_refund"
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("PENDING", "REFUND")
