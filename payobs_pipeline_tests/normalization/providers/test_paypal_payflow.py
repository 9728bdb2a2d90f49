"""PayPal Payflow Gateway (providers/paypal_payflow.py): RESULT values, transaction types, hints, amounts.

Sources are the module's: the Payflow integration guide's transaction responses and the RESULT table of the PayPal
Manager help / Payflow Link User's Guide. Corpus cases (corpus/paypal.json, ``payflow_*``) carry the documented
examples; these tests check the table and the rules for every value.
"""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import builtin_mappings, paypal_payflow
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory

MAPPING = CompiledMapping(paypal_payflow.SPEC, paypal_payflow.prepare)


def _event(content: str, hint: str | None = "payflow"):
    data = {"provider": hint, "content": content} if hint else content
    outcome = normalize_lake_data(data)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


def test_payflow_is_a_paypal_generation():
    assert MAPPING.provider == "paypal"
    assert any(m.spec is paypal_payflow.SPEC for m in builtin_mappings())


@pytest.mark.parametrize("hint", ["PayPal Payflow", "payflow", "payflow_link", "Payflow Pro", "PayPal Payflow Link",
                                  "PayPal"])
def test_every_payflow_hint_names_paypal(hint):
    event = _event("RESULT=0&PNREF=V19A0A1B2C3E&RESPMSG=Approved", hint)
    assert event.provider == "paypal" and event.status_category is StatusCategory.APPROVED


@pytest.mark.parametrize(("result", "status"), sorted(paypal_payflow.STATUSES.items()))
def test_every_documented_result_has_a_status_and_failures_a_reason(result, status):
    if not result.isdigit():
        return
    event = _event(f"RESULT={result}&PNREF=V19A0A1B2C3F&RESPMSG=x")
    assert event.status_category is StatusCategory(status)
    if event.status_category in (StatusCategory.DECLINED, StatusCategory.ERROR, StatusCategory.UNKNOWN):
        assert event.failure_reason is not None and event.failure_reason is not FailureReason.UNKNOWN
    else:
        assert event.failure_reason is None


def test_user_authentication_failure_is_the_merchant_configuration():
    event = _event("RESULT=1&RESPMSG=User authentication failed")
    assert (event.status_category, event.failure_reason) == (StatusCategory.ERROR, FailureReason.CONFIGURATION_ERROR)


def test_negative_result_is_a_communication_error():
    event = _event("RESULT=-31&RESPMSG=The certificate chain did not validate")
    assert (event.status_category, event.failure_reason) == (StatusCategory.ERROR, FailureReason.PROCESSING_ERROR)


def test_an_undocumented_positive_result_is_a_decline_without_reason():
    """"Any other value for RESULT indicates a decline or error" (transaction responses page)."""
    event = _event("RESULT=9999&PNREF=V19A0A1B2C3G&RESPMSG=Something new")
    assert (event.status_category, event.failure_reason) == (StatusCategory.DECLINED, FailureReason.UNKNOWN)


def test_126_is_held_for_review_and_127_went_through():
    assert _event("RESULT=126&PNREF=V1&RESPMSG=Under review").status_category is StatusCategory.PENDING
    assert _event("RESULT=127&PNREF=V2&RESPMSG=Approved").status_category is StatusCategory.APPROVED


@pytest.mark.parametrize(("key", "kind"), [("TRXTYPE", "CAPTURE"), ("TYPE", "CAPTURE")])
def test_delayed_capture_is_a_capture(key, kind):
    event = _event(f"RESULT=0&PNREF=V3&RESPMSG=Approved&{key}=D")
    assert str(event.event_kind) == kind and event.status_category is StatusCategory.APPROVED


def test_a_failed_credit_is_a_refund_that_failed():
    event = _event("RESULT=105&PNREF=V4&RESPMSG=Credit error&TRXTYPE=C")
    assert str(event.event_kind) == "REFUND" and event.status_category is StatusCategory.ERROR


def test_amount_only_with_its_currency():
    with_currency = _event("RESULT=0&PNREF=V5&RESPMSG=Approved&AMT=21.30&CURRENCY=USD")
    assert (with_currency.amount_minor, with_currency.currency) == (2130, "USD")
    without = _event("RESULT=0&PNREF=V6&RESPMSG=Approved&AMT=21.30")
    assert (without.amount_minor, without.currency) == (None, None)


def test_tender_names_the_payment_method():
    assert str(_event("RESULT=0&PNREF=V7&RESPMSG=Approved&TENDER=A").payment_method) == "DIRECT_DEBIT"
    assert str(_event("RESULT=0&PNREF=V8&RESPMSG=Approved&TENDER=P").payment_method) == "WALLET"
    assert str(_event("RESULT=0&PNREF=V9&RESPMSG=Approved&AUTHCODE=123456").payment_method) == "CARD"


def test_prepare_is_pure_and_keeps_every_field():
    body = {"RESULT": "0", "PNREF": "V10", "RESPMSG": "Approved", "AMT": "1.00", "CURRENCY": "EUR"}
    before = copy.deepcopy(body)
    prepared = paypal_payflow.prepare(body)
    assert body == before and {k: prepared[k] for k in before} == before
    assert paypal_payflow.prepare({"RESULT": "n/a"}) == {"RESULT": "n/a"}
