"""Computop Paygate mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

# Its declines have no documented reason table (the spec's docstring): UNKNOWN is the only decline reason.
CONTRACT = {"decline_reasons": 1}

_BASE = "mid=shoptest&PayID=a1b2c3d4e5f6&XID=f0e1d2c3b4a5&TransID=ORD-1&Status=FAILED&Code={code}"


@pytest.mark.parametrize("module", [f"01{digit}" for digit in range(10)])
def test_every_parameter_module_is_a_request_error(module):
    # A4 Error codes: modules 010..019 say a parameter of the request is missing, malformed or not allowed.
    event = normalized_event(_BASE.format(code=f"2{module}0003"))
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "INVALID_REQUEST")
    assert event.raw_reason_code == f"2{module}0003"


def test_an_operation_is_the_xid_of_the_payments_payid():
    event = normalized_event(_BASE.format(code="21000057"))
    assert (event.provider_transaction_id, event.attempt_id, event.payment_id) == ("f0e1d2c3b4a5", "a1b2c3d4e5f6",
                                                                                   "ORD-1")
