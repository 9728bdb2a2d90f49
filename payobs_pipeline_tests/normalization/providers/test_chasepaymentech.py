"""Chase Paymentech Orbital mapping: pinned behaviour.

The checks every provider passes (its corpus, detection without a hint, its statuses) are in
../test_provider_contract.py; this module pins what is particular to this one.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers import chasepaymentech
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

SLUG = "chasepaymentech"
CASES = provider_cases(SLUG)


def _order(proc="0", approval="1", resp="00", host="100", msg_type="A"):
    return (f"<Response><NewOrderResp><MessageType>{msg_type}</MessageType><CardBrand>VI</CardBrand>"
            f"<OrderID>1</OrderID><TxRefNum>ABC</TxRefNum><ProcStatus>{proc}</ProcStatus>"
            f"<ApprovalStatus>{approval}</ApprovalStatus><RespCode>{resp}</RespCode>"
            f"<HostRespCode>{host}</HostRespCode></NewOrderResp></Response>")


def test_a_gateway_error_code_wins_over_approval_status():
    event = normalized_event(_order(proc="9717", approval="1"))
    assert (event.status_category, event.failure_reason) == ("ERROR", "CONFIGURATION_ERROR")


def test_the_host_code_is_more_specific_than_do_not_honor():
    event = normalized_event(_order(approval="0", resp="05", host="302"))
    assert (event.failure_reason, event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "302")


def test_every_documented_decline_code_names_a_reason():
    for code in chasepaymentech.RESP_CODES:
        event = normalized_event(_order(approval="0", resp=code, host=""))
        assert str(event.failure_reason) != "UNKNOWN", code
    for code in chasepaymentech.HOST_CODES:
        event = normalized_event(_order(approval="0", resp="05", host=code))
        assert event.raw_reason_code in (code, "05"), code


def test_a_bare_new_order_element_is_read():
    event = normalized_event(_order().removeprefix("<Response>").removesuffix("</Response>"))
    assert (event.provider, event.status_category) == (SLUG, "APPROVED")


def test_a_declined_refund_stays_a_refund():
    event = normalized_event(_order(msg_type="R", approval="0", resp="05", host="530"))
    assert (event.event_kind, event.status_category, event.refund_id) == ("REFUND", "DECLINED", "ABC")
