"""Paystack mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def _tx(**kw):
    data = {"id": 1, "status": "failed", "reference": "r1", "amount": 1000, "currency": "NGN",
            "gateway_response": "Declined", "channel": "card", "domain": "live",
            "authorization": {"authorization_code": "AUTH_x", "brand": "visa", "channel": "card"}}
    data.update(kw)
    return {"status": True, "message": "Verification successful", "data": data}


def test_the_gateway_response_code_wins_over_the_text():
    event = normalized_event(_tx(gateway_response="Declined", gateway_response_code="expired_card", response_code="54"))
    assert (event.raw_reason_code, str(event.failure_reason)) == ("expired_card", "EXPIRED_CARD")


def test_an_iso_response_code_falls_back_to_the_shared_table():
    event = normalized_event(_tx(gateway_response=None, response_code="62"))
    assert str(event.failure_reason) == "RESTRICTED_CARD"


def test_a_reversed_transaction_names_no_refund_object():
    event = normalized_event(_tx(status="reversed"))
    assert (str(event.status_category), event.refund_id, event.attempt_id) == ("REFUNDED", None, "1")


def test_a_brand_is_a_card_brand_only_on_card_transactions():
    event = normalized_event(_tx(status="success", channel="mobile_money",
                       authorization={"authorization_code": "AUTH_x", "brand": "mtn", "channel": "mobile_money"}))
    assert event.card_brand is None
    assert normalized_event(_tx(status="success")).card_brand == "visa"


def test_the_api_envelope_is_recognised_without_a_hint():
    # paystack.com/docs/api: {"status": <boolean>, "message", "data"?}; Charge API next steps such as send_pin.
    pending = normalized_event({"status": True, "message": "Charge attempted",
                                "data": {"reference": "r1", "status": "send_pin"}})
    assert (pending.provider, str(pending.status_category)) == ("paystack", "PENDING")
    failed = normalized_event({"status": True, "message": "Reference check successful",
                               "data": {"reference": "r2", "status": "failed", "message": "Insufficient funds"}})
    assert (failed.provider, str(failed.failure_reason)) == ("paystack", "INSUFFICIENT_FUNDS")
    error = normalized_event({"status": False, "message": "Invalid key"})
    assert (error.provider, str(error.status_category), str(error.failure_reason)) == (
        "paystack", "ERROR", "CONFIGURATION_ERROR")


def test_a_queued_refund_is_a_refund():
    event = normalized_event({"status": True, "message": "Refund has been queued for processing",
                              "data": {"transaction": {}, "currency": "NGN", "amount": 1000, "status": "pending"}})
    assert (str(event.status_category), str(event.event_kind), event.amount_minor) == ("PENDING", "REFUND", 1000)


def test_a_callback_naming_the_reference_has_no_outcome():
    # developers.paystack.co/docs/paystack-standard: the callback URL gets the reference; verify before giving value.
    from payobs_pipeline.normalization.mapping import UnmappedPayload
    from payobs_pipeline.normalization.providers.paystack import prepare

    for body in ({"trxref": "T1", "reference": "T1"},
                 {"reference": "T1", "trans": "1", "status": "success", "message": "Approved", "trxref": "T1"}):
        try:
            prepare(body)
        except UnmappedPayload as refused:
            assert refused.reason_code == "NOTIFICATION_WITHOUT_OUTCOME"
        else:
            raise AssertionError(body)
    # An error body {"status": false, "message"} is not a callback.
    assert prepare({"status": False, "message": "Invalid key"})["_payobs_error_reason"] == "CONFIGURATION_ERROR"
