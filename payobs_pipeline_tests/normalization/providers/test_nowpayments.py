"""NOWPayments mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import nowpayments
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # NOWPayments documents no decline: a payment is paid, pending, failed (an error), expired or refunded.
    "decline_reasons": 0,
    # The API error body {status: false, statusCode, code, message} is Paystack's {status: false, message}
    # envelope too, and INVALID_API_KEY is a Toss Payments code as well: their detectors reach the threshold on
    # NOWPayments' error bodies, below NOWPayments' own score (its error codes beside statusCode).
    "shared_shapes": ["paystack", "tosspayments"],
}

CASES = provider_cases("nowpayments")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(nowpayments.SPEC)
    assert set(nowpayments.PAYMENT_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(nowpayments.ERROR_CODES.values()) <= set(FailureReason.__members__)


def test_the_price_not_the_crypto_amount_is_read():
    event = normalized_event(_case("ipn_partially_paid"))
    assert (event.status_category, event.amount_minor, event.currency) == ("APPROVED", 5000, "USD")


def test_an_order_priced_in_crypto_has_no_iso_currency():
    document = _case("ipn_finished")
    document["price_currency"] = "btc"
    assert normalize_lake_data(document, None).unprocessed_reason == "UNKNOWN_CURRENCY"


def test_the_purchase_ties_the_payments_of_one_order():
    event = normalized_event(_case("ipn_finished"))
    assert (event.attempt_id, event.payment_id) == ("5077125051", "5837122679")
