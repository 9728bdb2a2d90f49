"""PayU: its labeled corpus, order notifications kept as the order's status only, and lifecycle identity.

corpus/payu.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_broad_corpus,
    assert_case_matches_labels,
    assert_no_deprecated_country_field,
    assert_own_shape_wins,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    has_hint,
    normalized_event,
    other_event_kinds,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

SLUG = "payu"
# corpus/payu.json, sdk_and_docs_examples/ (SDK fixtures and docs examples) and other_event_kinds/ (other event
# types, wallets, wrappers; rows that are no payment outcome stay unprocessed): earlier rounds, training data.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
UNHINTED = [case for case in CORPUS_CASES if not has_hint(case["data"]) and "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """Customer and subscription webhooks and refused voids stay unprocessed with their reason: never payment
    outcomes."""
    assert_case_matches_labels(case)


def test_corpus_covers_the_required_ground():
    assert_broad_corpus(SLUG)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_payload_is_recognised_by_shape(case):
    assert_own_shape_wins(case)


def test_every_status_in_the_spec_maps_to_a_status_category():
    assert_status_maps_compile(SLUG)


def test_no_spec_uses_the_deprecated_country_field():
    assert_no_deprecated_country_field(SLUG)


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


def _payu_response(state, transaction_id, request=None):
    # payments-api: SUBMIT_TRANSACTION answer; lake writers keep the request beside it.
    body = {"code": "SUCCESS", "error": None,
            "transactionResponse": {"orderId": 1400437001, "transactionId": transaction_id, "state": state,
                                    "responseCode": "APPROVED" if state == "APPROVED" else None,
                                    "operationDate": 1716305400000}}
    if request:
        body["request"] = {"command": "SUBMIT_TRANSACTION",
                           "transaction": {"order": {"id": "1400437001"}, "parentTransactionId": "tx-auth-1",
                                           **request}}
    return body


def test_payu_capture_void_and_refund_requests_name_their_authorization():
    authorization = _event(_payu_response("APPROVED", "tx-auth-1"))
    capture = _event(_payu_response("APPROVED", "tx-capture-1", {"type": "CAPTURE"}))
    void = _event(_payu_response("APPROVED", "tx-void-1", {"type": "VOID"}))
    refund = _event(_payu_response("APPROVED", "tx-refund-1", {"type": "REFUND"}))
    refund_declined = _event(_payu_response("DECLINED", "tx-refund-2", {"type": "REFUND"}))
    assert _identity(authorization) == ("AUTHORIZATION", "APPROVED", "tx-auth-1", "1400437001", None, None)
    assert _identity(capture) == ("CAPTURE", "APPROVED", "tx-auth-1", "1400437001", None, None)
    assert _identity(void) == ("VOID", "CANCELLED", "tx-auth-1", "1400437001", None, None)
    assert _identity(refund) == ("REFUND", "REFUNDED", "tx-auth-1", "1400437001", "tx-refund-1", None)
    assert _identity(refund_declined)[:3] == ("REFUND", "DECLINED", "tx-auth-1")


def test_payu_order_detail_is_the_payment():
    order = _event({"code": "SUCCESS", "result": {"payload": {
        "id": 1400449660, "accountId": 512321, "status": "CAPTURED", "referenceCode": "ORDER-9120",
        "transactions": [{"id": "tx-auth-1", "type": "AUTHORIZATION_AND_CAPTURE", "paymentMethod": "VISA",
                          "paymentCountry": "CO", "transactionResponse": {"state": "APPROVED"},
                          "additionalValues": {"TX_VALUE": {"value": 100, "currency": "COP"}}}]}}})
    assert _identity(order) == ("PAYMENT", "APPROVED", None, "1400449660", None, None)
    assert order.customer_country == "CO"


def test_a_minimal_order_notification_is_payus():
    completed = normalized_event({"order": {"status": "COMPLETED"}})
    assert (completed.provider, str(completed.status_category)) == ("payu", "APPROVED")
    canceled = normalized_event({"order": {"status": "CANCELED"}})
    assert (canceled.provider, str(canceled.status_category)) == ("payu", "CANCELLED")
