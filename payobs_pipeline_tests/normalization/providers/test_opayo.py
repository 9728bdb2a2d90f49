"""Opayo (Sage Pay) mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import opayo
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("opayo")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(opayo.SPEC, opayo.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (opayo.PROTOCOL_STATUSES, opayo.PI_STATUSES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def _case(name: str) -> object:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_banks_decline_code_refines_opayos_generic_2000():
    event = normalized_event(_case("direct_notauthed_2000_bank_decline_51_hinted"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")


def test_a_national_use_decline_code_says_no_reason():
    body = "VPSProtocol=3.00\r\nStatus=NOTAUTHED\r\nStatusDetail=Not authorized.\r\nVPSTxId={1}\r\nDeclineCode=99\r\n"
    event = normalized_event(body)
    assert str(event.failure_reason) == "GENERIC_DECLINE"


def test_an_ok_that_does_not_say_what_it_answers_is_not_guessed():
    # A REFUND and a REPEAT reply both answer OK with a TxAuthNo and no card checks.
    body = ("VPSProtocol=3.00\r\nStatus=OK\r\nStatusDetail=0000 : The Authorisation was Successful.\r\n"
            "VPSTxId={5A1BC414-5409-48DD-9B8B-000000000009}\r\nTxAuthNo=1234\r\n")
    assert opayo.prepare({"Status": "OK", "TxAuthNo": "1234"})[opayo.STATUS_KEY] is None
    assert normalize_lake_data(body, None).unprocessed_reason == "LOW_CONFIDENCE"


def test_a_refund_is_its_own_object_and_names_no_attempt():
    event = normalized_event(_case("pi_refund_ok"))
    assert (event.refund_id, event.attempt_id) == ("56A59178-EA46-5731-BBAF-B08415CCE499", None)


def test_prepare_keeps_the_payload_unchanged():
    body = {"Status": "OK", "StatusDetail": "2005 : The Void was Successful."}
    before = copy.deepcopy(body)
    prepared = opayo.prepare(body)
    assert body == before
    assert prepared[opayo.STATUS_KEY] == "OK_VOID"


def test_a_reply_with_its_vpstxid_braces_on_lines_of_their_own_reads_as_the_one_line_reply():
    # The documented reply (corpus direct_payment_ok_all_match) with VPSTxId={...} split over three lines.
    one_line = _case("direct_payment_ok_all_match")
    guid = "{E1F2A3B4-C5D6-47E8-9F0A-1B2C3D4E5F60}"
    split = one_line.replace(f"VPSTxId={guid}", "VPSTxId={\r\n E1F2A3B4-C5D6-47E8-9F0A-1B2C3D4E5F60\r\n}")
    assert split != one_line
    event = normalized_event(split)
    assert (event.provider, str(event.status_category), event.provider_transaction_id, event.attempt_id) == (
        "opayo", "APPROVED", guid, guid)
    assert event == normalized_event(one_line)
