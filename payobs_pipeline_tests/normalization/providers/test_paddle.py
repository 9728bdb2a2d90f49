"""Paddle mapping (Billing and Classic): pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paddle
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("paddle")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(paddle.SPEC, paddle.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (paddle.TRANSACTION_STATUSES, paddle.PAYMENT_ATTEMPT_STATUSES, paddle.REFUND_STATUSES,
                  paddle.CLASSIC_ALERTS, paddle.HIGH_RISK_STATUSES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_documented_payment_error_code_names_a_reason():
    for code in paddle.PAYMENT_ERROR_CODES:
        if code == "unknown":
            continue
        body = _case("billing_transaction_payment_failed_declined")
        body["data"]["payments"][0]["error_code"] = code
        event = normalized_event(body)
        assert str(event.status_category) == "DECLINED", code
        assert str(event.failure_reason) not in ("UNKNOWN", "None"), code
        assert event.raw_reason_code == code


def test_a_failed_payment_names_its_attempt_and_transaction():
    event = normalized_event(_case("billing_transaction_payment_failed_declined"))
    assert (event.attempt_id, event.payment_id) == (
        "937640dd-e3dc-40df-a16c-bb75aafd8f71", "txn_01hv8wptq8987qeep44cyrewp9")


def test_a_refund_adjustment_names_the_transaction():
    event = normalized_event(_case("billing_adjustment_refund_approved"))
    assert (str(event.event_kind), event.refund_id, event.payment_id) == (
        "REFUND", "adj_01hvgf2s84dr6reszzg29zbvcm", "txn_01hv8wptq8987qeep44cyrewp9")


def test_an_unknown_request_error_code_is_an_invalid_request():
    body = _case("billing_api_error_status_must_be_ready")
    body["error"]["code"] = "some_new_validation_code"
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "INVALID_REQUEST")


def test_a_credit_adjustment_is_not_a_payment():
    body = _case("billing_adjustment_refund_approved")
    body["data"]["action"] = "credit"
    outcome = normalize_lake_data(body, None)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_an_open_transaction_whose_latest_payment_errored_is_declined():
    body = _case("billing_transaction_entity_ready_latest_payment_error_declined")
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason), event.attempt_id) == (
        "DECLINED", "GENERIC_DECLINE", "5b0c2d9e-1f3a-4b6c-8d7e-9f0a1b2c3d4e")
    body["payments"][0].update(status="captured", error_code=None)
    body["status"] = "completed"
    assert str(normalized_event(body).status_category) == "APPROVED"


def test_an_api_answer_is_read_from_its_data():
    event = normalized_event(_case("billing_get_adjustment_response_refund_approved"))
    assert (str(event.event_kind), event.refund_id, event.payment_id, event.amount_minor) == (
        "REFUND", "adj_01h8c65c2ggq5nxswnnwv78e76", "txn_01h8bxpvx398a7zbawb77y0kp5", 35700)


def test_entities_whose_paddle_id_names_no_payment_are_not_payments():
    for prefix in paddle.NON_PAYMENT_ID_PREFIXES:
        body = _case("billing_report_entity_ready_not_a_payment")
        body["id"] = prefix + "01j0gxwgyd7h1k7jw3ahc5v9sb"
        assert normalize_lake_data({"provider": "paddle", "payload": body}, None).unprocessed_reason == (
            "NOT_A_PAYMENT_EVENT"), prefix


def test_a_transaction_kept_without_its_id_is_read_by_its_shape():
    body = _case("billing_get_transaction_response_billed_manual_invoice")["data"]
    del body["id"]
    body["status"] = "canceled"
    event = normalized_event(body)
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "paddle", "CANCELLED", 178500, "EUR")


def test_a_paddlejs_checkout_closed_after_payment_stays_paid_and_reads_no_amount():
    """checkout.closed after checkout.completed: the checkout's own status (completed) says it was paid. Paddle.js
    totals have no documented unit in the stored pages, so no amount is read from any checkout event."""
    body = copy.deepcopy(_case("paddlejs_checkout_closed_draft"))
    body["data"]["status"] = "completed"
    body["data"]["totals"] = {"total": 9.99}
    event = normalized_event(body)
    assert (str(event.status_category), event.amount_minor, event.payment_id) == (
        "APPROVED", None, "txn_01k9ppmmta091s41je23hwk1ba")


def test_a_classic_refund_request_is_a_pending_refund_without_amount():
    """Paddle Classic POST /2.0/payment/refund answers a refund_request_id: the refund is reviewed before it is made."""
    event = normalize_lake_data({"success": True, "response": {"refund_request_id": 4242}}).event
    assert event.status_category == StatusCategory.PENDING
    assert event.refund_id == "4242"
    assert event.amount_minor is None
