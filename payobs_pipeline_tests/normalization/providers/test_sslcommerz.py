"""SSLCommerz mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import sslcommerz
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("sslcommerz")


def _data(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(sslcommerz.SPEC)
    statuses = {*sslcommerz.STATUSES.values(), *sslcommerz.SESSION_STATUSES.values(),
                *sslcommerz.REFUND_INITIATE_STATUSES.values(), *sslcommerz.REFUND_QUERY_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"]
               for r in [*sslcommerz.REASONS.values(), *sslcommerz.API_CONNECT_REASONS.values()]}
    assert reasons <= set(FailureReason.__members__)


def test_a_converted_order_is_counted_in_the_currency_charged():
    # amount / currency are what was charged; currency_type / currency_amount only the order's own currency.
    document = _data("validation_valid_usd_order")
    assert (document["currency_type"], document["currency_amount"]) == ("USD", "10.00")
    event = normalized_event(document)
    assert (event.amount_minor, event.currency) == (118000, "BDT")


def test_api_connect_failed_is_a_configuration_error_not_a_decline():
    # The same word FAILED is an issuer decline in a payment's status and an authentication failure in APIConnect.
    event = normalized_event({"provider": "sslcommerz", "payload": {"APIConnect": "FAILED", "status": "FAILED"}})
    assert (event.status_category, event.failure_reason) == (StatusCategory.ERROR, FailureReason.CONFIGURATION_ERROR)


def test_a_refund_names_the_payment_it_undoes():
    event = normalized_event(_data("refund_query_refunded"))
    assert (event.refund_id, event.payment_id, event.attempt_id) == (
        "59bd63fea5455", "59C2A4F6432F8", "1709162345070ANJdZV8LyI4cMw")


def test_a_risky_payment_is_still_approved():
    document = _data("validation_valid_usd_order")
    document["risk_level"], document["risk_title"] = "1", "Risky Transaction"
    assert normalized_event(document).status_category == StatusCategory.APPROVED
