"""Kushki mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from decimal import Decimal

from payobs_pipeline.normalization.providers import kushki as module
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/kushki.json has no case of yet.
    "uncovered_statuses": {
        "REFUNDED": "a rule of card, a rule of card_status, a rule of card_webhook",
    },
}


# --- behaviour worth pinning ------------------------------------------------------------------------------


def test_prepare_adds_up_the_amount_breakdown_exactly():
    prepared = module.prepare({"amount": {"subtotalIva": 10.1, "subtotalIva0": 0.2, "iva": 1.21, "ice": 0}})
    assert Decimal(prepared[module.TOTAL_AMOUNT_KEY]) == Decimal("11.51")
    assert module.prepare({"amount": 5}) == {"amount": 5}
    assert module.TOTAL_AMOUNT_KEY not in module.prepare({"amount": {"subtotalIva": "x"}})


def test_the_processor_code_wins_over_kushkis_generic_response_code():
    event = canonical_event({"ticket_number": "1", "transaction_status": "DECLINED", "currency_code": "USD",
                             "request_amount": 10, "response_code": "005", "processor": {"code": "54"}}, NORMALIZER)
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")
