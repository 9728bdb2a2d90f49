"""FedaPay mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import fedapay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {}

CASES = provider_cases("fedapay")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(fedapay.SPEC)
    assert set(fedapay.TRANSACTION_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(fedapay.REASONS.values()) <= set(FailureReason.__members__)


def test_a_canceled_transaction_with_an_error_failed_and_one_without_was_cancelled():
    document = _case("transaction_canceled_insufficient_funds")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INSUFFICIENT_FUNDS")
    document["last_error_code"] = None
    assert normalized_event(document).status_category == "CANCELLED"


def test_currency_id_one_is_xof_and_the_payload_is_not_changed():
    document = _case("transaction_approved_currency_id")
    before = copy.deepcopy(document)
    assert normalized_event(document).currency == "XOF"
    assert document == before
    document["currency_id"] = 99
    assert fedapay.prepare(document) is document


def test_the_transaction_is_the_attempt_and_the_merchant_reference_the_payment():
    event = normalized_event(_case("transaction_approved_currency_id"))
    assert (event.attempt_id, event.payment_id) == ("250902", "CMD-2024-0502-17")
