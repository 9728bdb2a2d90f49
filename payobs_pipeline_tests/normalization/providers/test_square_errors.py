"""Square error bodies: pinned behaviour (developer.squareup.com/reference/square/objects/Error: category, code)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


@pytest.mark.parametrize("code", ["CARD_DECLINED", "CVV_FAILURE", "INVALID_EXPIRATION"])
def test_a_payment_method_error_with_its_documented_code_is_a_card_decline(code):
    event = normalized_event({"provider": "square", "payload": {"errors": [
        {"category": "PAYMENT_METHOD_ERROR", "code": code, "detail": "Card declined.", "field": "source_id"}]}})
    assert (event.provider, str(event.status_category), str(event.payment_method)) == ("square", "DECLINED", "CARD")


def test_a_request_error_names_no_payment_method():
    event = normalized_event({"provider": "square", "payload": {"errors": [
        {"category": "INVALID_REQUEST_ERROR", "code": "MISSING_REQUIRED_PARAMETER", "field": "amount_money"}]}})
    assert (str(event.status_category), event.payment_method) == ("ERROR", None)
