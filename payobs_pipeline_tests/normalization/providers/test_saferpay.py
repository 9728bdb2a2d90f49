"""Saferpay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, saferpay
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("saferpay")


def _data(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_worldline_documents_are_not_saferpay_and_saferpay_documents_are_not_worldline():
    # Both are Worldline products with their own APIs: the slugs stay apart.
    assert other_corpora_scoring_on("saferpay").get("worldline") is None
    assert detect_provider(_data("assert_authorized_visa"), {}, builtin_mappings()).provider == "saferpay"
    worldline = next(m for m in builtin_mappings() if m.provider == "worldline")
    assert max(worldline.shape_score(_data(c["name"])) for c in CASES if not has_hint(c["data"])) < 0.5


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(saferpay.SPEC)
    statuses = {*saferpay.STATUSES.values(), *saferpay.REFUND_STATUSES.values(), *saferpay.CAPTURE_STATUSES.values(),
                *saferpay.ERROR_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in saferpay.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(saferpay.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_every_documented_error_name_has_a_status_and_a_reason_or_is_not_a_failure():
    # The spec's list of error names: each one is read to a status; each failure status has a reason.
    for name, status in saferpay.ERROR_STATUSES.items():
        assert status in {"DECLINED", "ERROR", "UNKNOWN"} or name in {"TRANSACTION_ABORTED", "TRANSACTION_NOT_STARTED"}
        if status in {"DECLINED", "ERROR", "UNKNOWN"}:
            assert name in saferpay.REASONS, name
    assert len(saferpay.ERROR_STATUSES) == 32


def test_the_processor_result_wins_over_a_generic_decline_only_when_it_is_specific():
    document = _data("error_transaction_declined_processor_51")
    document["ProcessorResult"] = "05"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("GENERIC_DECLINE", "TRANSACTION_DECLINED")
    document["ProcessorResult"] = "54"
    assert normalized_event(document).failure_reason == "EXPIRED_CARD"


def test_a_wallet_payment_is_a_wallet_even_with_a_card_brand():
    # Apple Pay through the Payment Page: PaymentMeans.Wallet names the wallet, Brand the card behind it.
    document = _data("assert_authorized_visa")
    document["PaymentMeans"]["Wallet"] = "APPLEPAY"
    event = normalized_event(document)
    assert (event.payment_method, event.card_brand) == ("WALLET", "visa")
