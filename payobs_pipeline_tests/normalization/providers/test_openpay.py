"""Openpay mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import openpay as module
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


# --- behaviour worth pinning ------------------------------------------------------------------------------


def test_a_refunded_charge_is_a_refund_of_its_attempt_with_the_refunds_amount():
    charge = {"id": "tr6cxbcefzatd10guvvw", "amount": 100.00, "method": "card", "operation_type": "in",
              "transaction_type": "charge", "status": "refunded", "currency": "MXN", "order_id": "oid-1",
              "refund": {"id": "trcbsmjkroqmjobxqhpb", "amount": 25.50, "operation_type": "out",
                         "transaction_type": "refund", "status": "completed", "currency": "MXN"}}
    event = canonical_event(charge, NORMALIZER)
    assert lifecycle_identity(event) == ("REFUND", "REFUNDED", "tr6cxbcefzatd10guvvw", "oid-1",
                                         "trcbsmjkroqmjobxqhpb", None)
    assert event.amount_minor == 2550


def test_card_codes_are_declines_other_codes_failed_requests():
    declined = canonical_event({"category": "gateway", "error_code": 3004, "http_code": 402,
                                "description": "The card was reported as stolen"}, NORMALIZER)
    assert (str(declined.status_category), str(declined.failure_reason)) == ("DECLINED", "LOST_OR_STOLEN_CARD")
    failed = canonical_event({"category": "request", "error_code": 1001, "http_code": 400,
                              "description": "Bad Request"}, NORMALIZER)
    assert (str(failed.status_category), str(failed.failure_reason)) == ("ERROR", "INVALID_REQUEST")


def test_payouts_fees_and_transfers_are_not_payments():
    from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, UnmappedPayload

    for body in ({"id": "tr1", "transaction_type": "payout", "operation_type": "out", "status": "completed",
                  "amount": 10, "currency": "MXN"},
                 {"type": "charge.succeeded",
                  "transaction": {"id": "tr2", "transaction_type": "fee", "status": "completed"}}):
        with pytest.raises(UnmappedPayload) as raised:
            MAPPING.apply(body)
        assert raised.value.reason_code == NOT_A_PAYMENT_EVENT
