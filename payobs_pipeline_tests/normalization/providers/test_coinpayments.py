"""CoinPayments mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import coinpayments
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # CoinPayments documents no declined payment: a payment completes, stays pending, or is cancelled / timed out.
    "decline_reasons": 0,
}

CASES = provider_cases("coinpayments")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(coinpayments.SPEC)
    assert set(coinpayments.PAYMENT_STATUSES.values()) <= set(StatusCategory.__members__)


def test_a_fiat_price_is_read_and_a_coin_never():
    event = normalized_event(_case("ipn_api_complete_usd"))
    assert (event.amount_minor, event.currency, event.attempt_id, event.payment_id) == (
        2500, "USD", "CPHB4XJQLZ9M2N8P7R6S5T4U3V", "INV-10441")
    event = normalized_event(_case("ipn_api_complete_priced_in_btc"))
    assert (event.status_category, event.amount_minor, event.currency) == ("APPROVED", None, None)


def test_queued_for_nightly_payout_is_paid_and_coins_received_still_pending():
    document = _case("ipn_button_coins_received")
    assert normalized_event(document).status_category == "PENDING"
    document["status"] = "2"
    assert normalized_event(document).status_category == "APPROVED"


def test_prepare_leaves_the_ipn_unchanged():
    document = _case("ipn_api_complete_usd")
    before = copy.deepcopy(document)
    coinpayments.prepare(document)
    assert document == before
