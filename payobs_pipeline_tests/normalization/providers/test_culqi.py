"""Culqi mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.providers import culqi as module
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Other detectors that reach the threshold on some of its unhinted documents (still below its own):
    # its events are shaped like Stripe's (object "event", id evt_...).
    "shared_shapes": {"stripe"},
}


# --- behaviour worth pinning ------------------------------------------------------------------------------


def test_a_declined_charge_is_the_attempt_its_error_body_names():
    body = {"object": "error", "type": "card_error", "charge_id": "chr_live_x1", "code": "card_declined",
            "decline_code": "contact_issuer", "merchant_message": "m", "user_message": "u"}
    event = canonical_event(body, NORMALIZER)
    assert lifecycle_identity(event) == ("AUTHORIZATION", "DECLINED", "chr_live_x1", None, None, None)
    # The specific decline_code wins over the generic code card_declined.
    assert (event.raw_reason_code, str(event.failure_reason)) == ("contact_issuer", "GENERIC_DECLINE")


def test_prepare_parses_event_data_and_drops_a_refund_amount_without_currency():
    prepared = module.prepare({"object": "event", "data": '{"object": "refund", "id": "ref_live_1", "amount": 10}'})
    assert prepared["data"] == {"object": "refund", "id": "ref_live_1"}
    kept = module.prepare({"object": "refund", "amount": 10, "currency_code": "PEN"})
    assert kept["amount"] == 10


def test_a_parameter_error_body_is_detected_without_a_hint():
    """Culqi's own error type (parameter_error, apidocs.culqi.com) with merchant_message is a Culqi ERROR."""
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    outcome = normalize_lake_data({"object": "error", "type": "parameter_error", "param": "amount",
                                   "merchant_message": "El campo 'amount' es inválido."})
    assert outcome.event is not None, outcome.unprocessed_reason
    assert (outcome.event.provider, str(outcome.event.status_category)) == ("culqi", "ERROR")
    assert str(outcome.event.failure_reason) == "INVALID_REQUEST"
