"""x402 facilitator settlement answers (heuristics family ``x402_settle``): read from the protocol's
SettlementResponse {success, errorReason?, payer?, transaction, network} (github.com/coinbase/x402,
specs/x402-specification-v2.md); provider UNKNOWN or the hint's word, never a mapped provider's."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization import heuristics
from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER

SETTLED = {"network": "eip155:8453", "payer": "0x857b06519E91e3A54538791bDbb0E22373e36b66", "success": True,
           "transaction": "0x89c91c789e57059b17285e7ba1716a1f5ff4c5dace0ea5a5135f26158d0421b9"}


def _event(body):
    outcome = normalize_lake_data(body, None, NORMALIZER)
    return outcome


def test_a_settled_payment_is_approved_with_its_transaction_hash():
    event = _event(SETTLED).event
    assert (event.provider, event.status_category, event.payment_method, event.variant) == (
        "UNKNOWN", StatusCategory.APPROVED, PaymentMethod.OTHER, "heuristic:x402_settle")
    assert event.provider_transaction_id == SETTLED["transaction"]
    assert (event.amount_minor, event.currency) == (None, None)


def test_the_hint_names_the_provider():
    event = _event({"provider": "x402", "payload": {**SETTLED, "network": "base"}}).event
    assert (event.provider, event.status_category) == ("x402", StatusCategory.APPROVED)


@pytest.mark.parametrize(("reason", "status", "failure"), [
    ("insufficient_funds", StatusCategory.DECLINED, FailureReason.INSUFFICIENT_FUNDS),
    ("invalid_exact_evm_payload_signature", StatusCategory.ERROR, FailureReason.INVALID_REQUEST),
    ("unsupported_scheme", StatusCategory.ERROR, FailureReason.INVALID_REQUEST),
    ("unexpected_settle_error", StatusCategory.ERROR, FailureReason.PROCESSING_ERROR),
])
def test_a_failed_settlement_reads_its_documented_error_reason(reason, status, failure):
    event = _event({"success": False, "errorReason": reason, "network": "base-sepolia", "transaction": ""}).event
    assert (event.status_category, event.failure_reason) == (status, failure)


def test_a_failure_without_a_documented_reason_is_deferred():
    outcome = _event({"success": False, "errorReason": "something_new", "network": "eip155:8453", "transaction": ""})
    assert outcome.event is None and outcome.unprocessed_reason == "LOW_CONFIDENCE"


def test_success_and_transaction_without_a_chain_network_are_not_the_family():
    fields = {"success": True, "transaction": "txn_1", "network": "visa"}
    assert heuristics.read_reply(fields) is None
