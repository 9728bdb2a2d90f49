"""Adyen API error bodies and lone result codes: pinned behaviour.

docs.adyen.com/development-resources/error-codes (status, errorCode, message, errorType) and
docs.adyen.com/development-resources/response-handling (HTTP 4xx / 401-403 / 5xx); docs.adyen.com/online-payments/
payment-result-codes (resultCode).
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER


def _event(body):
    outcome = normalize_lake_data(body, None, NORMALIZER)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


@pytest.mark.parametrize(("status", "reason"), [(500, "PROCESSING_ERROR"), (503, "PROCESSING_ERROR"),
                                                (422, "INVALID_REQUEST"), (401, "CONFIGURATION_ERROR")])
def test_an_error_body_with_an_undocumented_error_type_reads_its_http_status(status, reason):
    event = _event({"status": status, "errorCode": "999", "message": "sample error", "errorType": "authorise"})
    assert (event.provider, str(event.status_category), str(event.failure_reason)) == ("adyen", "ERROR", reason)


def test_a_documented_error_type_and_code_win_over_the_http_status():
    # 422 with errorType security: the type's reason; a documented errorCode beats both.
    assert str(_event({"status": 422, "errorCode": "999", "message": "x", "errorType": "security"}).failure_reason) == (
        "CONFIGURATION_ERROR")
    assert str(_event({"status": 500, "errorCode": "101", "message": "Invalid card number",
                       "errorType": "validation"}).failure_reason) == "INVALID_CARD_DATA"


@pytest.mark.parametrize("code", ["RedirectShopper", "IdentifyShopper", "ChallengeShopper", "PresentToShopper"])
def test_a_shopper_action_result_code_alone_names_adyen_and_is_pending(code):
    event = _event({"resultCode": code})
    assert (event.provider, str(event.status_category)) == ("adyen", "PENDING")


def test_a_generic_result_code_alone_does_not_name_adyen():
    # "Error" / "Ok" are Authorize.net's resultCode words too: alone, below the detection threshold.
    for code in ("Error", "Ok"):
        assert detect_provider({"resultCode": code}, {}, builtin_mappings()).provider != "adyen"


def test_a_result_carrying_the_boleto_s_members_is_a_boleto_payment():
    # docs.adyen.com/payment-methods/boleto-bancario: additionalData boletobancario.url / .dueDate / .expirationDate.
    nested = {"pspReference": "8813760397300101", "resultCode": "Received",
              "additionalData": {"boletobancario.url": "https://test.adyen.com/hpp/generationBoleto.shtml",
                                 "boletobancario.dueDate": "2024-08-12"}}
    flattened = {"pspReference": "8813760397300101", "resultCode": "Received",
                 "additionalData.boletobancario.url": "https://test.adyen.com/hpp/generationBoleto.shtml",
                 "additionalData.boletobancario.dueDate": "2024-08-12"}
    for body in (nested, flattened):
        event = _event(body)
        assert (event.provider, str(event.status_category), str(event.payment_method)) == ("adyen", "PENDING",
                                                                                           "BOLETO")
