"""Orange Money mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import orangemoney
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("orangemoney")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(orangemoney.SPEC)
    assert set(orangemoney.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(orangemoney.REASONS.values()) <= set(FailureReason.__members__)


def test_the_cameroon_failure_code_is_read_from_inittxnstatus():
    event = normalized_event(_case("cm_mp_notification_failed_insufficient"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "INSUFFICIENT_FUNDS", "60019")


def test_a_cameroon_payment_is_in_francs_cfa_on_its_pay_token():
    event = normalized_event(_case("cm_mp_pay_pending"))
    assert (event.amount_minor, event.currency, event.payment_id, event.attempt_id) == (
        1, "XAF", "MP22122828061160596F8A461518", "MP221228.1536.A13810")


def test_the_web_payment_status_names_the_merchants_order():
    event = normalized_event(_case("webpay_status_success"))
    assert (event.payment_id, event.attempt_id, event.currency) == (
        "MY_ORDER_ID_08082105_0023457", "MP150709.1341.A00073", None)
