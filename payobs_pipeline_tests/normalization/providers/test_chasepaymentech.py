"""Chase Paymentech Orbital mapping: corpus, detection without a hint and pinned behaviour.

The provider contract (../test_provider_contract.py) runs the same checks for every provider once its
``COVERED_STATUSES`` names the provider; these keep them for this one meanwhile.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, chasepaymentech
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    BODIES,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    normalized_event,
    provider_cases,
)

SLUG = "chasepaymentech"
CASES = provider_cases(SLUG)
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected_and_no_one_else_scores(case, body):
    document = BODIES[body](case["data"])
    guess = detect_provider(document, {}, builtin_mappings())
    assert guess.provider == SLUG and guess.confidence >= SHAPE_DETECTION_THRESHOLD
    for mapping in builtin_mappings():
        if mapping.provider != SLUG:
            assert mapping.shape_score(document) < SHAPE_DETECTION_THRESHOLD, mapping.provider


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(chasepaymentech.SPEC, chasepaymentech.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


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
