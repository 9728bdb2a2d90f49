"""maib mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import maib
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("maib")

# maib documents no reason code for a failed or declined payment (the e-commerce statusCode table is not in
# the stored pages): every decline is UNKNOWN.
CONTRACT = {
    "decline_reasons": 1,
    "uncovered_statuses": {"REFUNDED": "Refunded/PartiallyRefunded are payment statuses of the SDK's payment list; "
                                       "the Checkout callback is documented after a successful payment only"},
}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(maib.SPEC)
    maps = (maib.ECOMM_STATUSES, maib.QR_STATUSES, maib.RTP_STATUSES, maib.CHECKOUT_PAYMENT_STATUSES,
            maib.CHECKOUT_STATUSES)
    assert {status for m in maps for status in m.values()} <= set(StatusCategory.__members__)
    assert set(maib.ERROR_REASONS.values()) <= set(FailureReason.__members__)


def test_the_checkout_callback_reads_the_payments_amount_not_the_checkouts():
    document = _case("checkout_callback_executed_unhinted")
    document.update(amount=193.54, paymentAmount=64.76)
    event = normalized_event(document)
    assert (event.status_category, event.amount_minor, event.payment_method) == ("APPROVED", 6476, "BANK_TRANSFER")


def test_a_refunded_checkout_payment_is_a_refund():
    document = _case("checkout_callback_executed_unhinted")
    document["paymentStatus"] = "Refunded"
    event = normalized_event({"provider": "maib", "payload": document})
    assert (event.status_category, event.event_kind, event.amount_minor) == ("REFUNDED", "REFUND", 18000)


def test_a_card_callback_is_read_inside_result():
    event = normalized_event(_case("ecomm_callback_ok_unhinted"))
    assert (event.provider_transaction_id, event.payment_id, event.payment_method) == (
        "f16a9006-128a-46bc-8e2a-77a6ee99df75", "123", "CARD")


def test_a_checkout_api_error_names_its_reason():
    event = normalized_event({"provider": "maib", "payload": {"ok": False, "errors": [
        {"errorCode": "maib.merchant.payments-42006", "errorMessage": "A required field is missing."}]}})
    assert (event.status_category, event.failure_reason) == ("ERROR", "INVALID_REQUEST")
