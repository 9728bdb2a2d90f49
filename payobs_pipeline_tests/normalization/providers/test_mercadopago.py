"""MercadoPago: its SDK fixtures and other event kinds, shape detection
and lifecycle identity; payments kept with only id, status and status_detail (read under a provider hint), Orders API
orders and refunds, Asgard notifications, Point payment intents and chargeback searches.

corpus/mercadopago.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data).

Source of the minimal payments: MercadoPago Payments API reference (GET /v1/payments/{id}): ``status`` approved,
authorized, pending, in_process, rejected, cancelled, refunded, charged_back, in_mediation; ``status_detail`` says
why.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_case_matches_labels,
    assert_covers_the_lifecycle,
    assert_detected_by_shape,
    assert_does_not_claim,
    assert_outscores,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    foreign_payloads,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

SLUG = "mercadopago"
# sdk_and_docs_examples/ (SDK fixtures, other docs, lake variations) and other_event_kinds/ (orders,
# subscriptions, payouts, disputes, lake wrappers): earlier rounds, training data. A webhook that only names a
# payment stays unprocessed.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
# Its cases that normalize: the shape of each must name the provider by itself.
SHAPE_CASES = [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]
# The detectors its documents were first checked against (they share its envelope words: id, status, amount).
RIVALS = ("paypal", "braintree", "checkout")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A webhook that only names a payment (data.id, IPN resource) is never guessed: it stays unprocessed."""
    assert_case_matches_labels(case)


def test_corpus_covers_the_lifecycle():
    # Notifications that carry no outcome are labeled unprocessed: the lifecycle is the normalized cases'.
    assert_covers_the_lifecycle([c for c in provider_cases(SLUG) if "unprocessed" not in c["expected"]])


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_shape_alone_names_the_provider(case):
    """Hints may be missing or wrong: each payload's shape (masked, as the pipeline reads it) names its provider."""
    assert_detected_by_shape(case, "masked")


@pytest.mark.parametrize("name", foreign_payloads(SLUG))
def test_other_providers_payloads_score_low_on_our_detector(name):
    assert_does_not_claim(SLUG, name)


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_our_payloads_score_low_on_the_rivals_detectors(case):
    assert_outscores(case, RIVALS, "masked")


def test_every_status_in_each_status_map_is_a_status_category():
    assert_status_maps_compile(SLUG, minimum_entries=5, strict=False)


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


def test_mercadopago_refunds_and_chargebacks_name_the_payment_as_their_attempt():
    # mercadopago.com.br/developers reference: a refund's payment_id and a chargeback's payments[] are the payment.
    payment = {"id": 1316799001, "status": "approved", "status_detail": "accredited", "transaction_amount": 100.0,
               "currency_id": "BRL", "payment_type_id": "credit_card", "payment_method_id": "visa",
               "external_reference": "ORDER-9", "order": {"id": "29812739812", "type": "mercadopago"}}
    approved = _event(payment)
    assert (approved.event_kind, approved.attempt_id, approved.payment_id) == ("AUTHORIZATION", "1316799001", "ORDER-9")
    refund = {"id": 1009099001, "payment_id": 1316799001, "amount": 100.0, "status": "rejected",
              "refund_mode": "standard", "amount_refunded_to_payer": 100.0,
              "date_created": "2024-05-02T10:00:00.000-04:00"}
    rejected = _event(refund)
    assert (rejected.event_kind, rejected.status_category, rejected.attempt_id, rejected.refund_id) == (
        "REFUND", "DECLINED", "1316799001", "1009099001")
    pending = _event({**refund, "status": "in_process"})
    assert (pending.event_kind, pending.status_category) == ("REFUND", "PENDING")
    chargeback = {"id": "235000068119001", "payments": [1316799001], "amount": 100.0, "currency": "BRL",
                  "coverage_applied": False, "date_documentation_deadline": "2024-05-20T10:00:00.000-04:00",
                  "date_created": "2024-05-10T10:00:00.000-04:00"}
    disputed = _event(chargeback)
    # A chargeback is counted per disputed payment: the payment's charged_back rows name no chargeback id.
    assert (disputed.event_kind, disputed.attempt_id, disputed.dispute_id) == ("DISPUTE", "1316799001", "1316799001")


# --- minimal payments, Orders API, notifications, Point intents -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "status", "kind"),
    [
        ({"id": 5001, "status": "approved", "status_detail": "accredited"}, "APPROVED", "AUTHORIZATION"),
        ({"id": 5002, "status": "cancelled", "status_detail": "by_collector"}, "CANCELLED", None),
        ({"id": 5003, "status": "refunded", "status_detail": "refunded"}, "REFUNDED", "REFUND"),
        ({"id": "5004", "status": "rejected", "status_detail": "cc_rejected_insufficient_amount"}, "DECLINED", None),
    ],
)
def test_minimal_payment_is_read_under_a_hint(body, status, kind):
    outcome = normalize_lake_data({"provider": "mercado_pago", "payload": body}, None, NORMALIZER)
    assert outcome.event is not None, outcome.unprocessed_reason
    assert outcome.event.provider == "mercadopago"
    assert outcome.event.status_category.value == status
    assert outcome.event.amount_minor is None and outcome.event.currency is None
    if kind:
        assert outcome.event.event_kind.value == kind


def test_minimal_rejected_payment_keeps_its_status_detail_reason():
    body = {"id": 5005, "status": "rejected", "status_detail": "cc_rejected_insufficient_amount"}
    outcome = normalize_lake_data({"provider": "mercado_pago", "payload": body}, None, NORMALIZER)
    assert outcome.event.failure_reason.value == "INSUFFICIENT_FUNDS"


# Orders API (mercadopago.com.br/developers/en/reference/order/online-payments): an order names its site_id; each
# Mercado Libre site is one country with one currency (developers.mercadolibre glossary: MLA, MLB, MLC, MCO, MLM, MPE,
# MLU), so a site-named order without a currency field is in the site's currency; unknown sites give no amount.
@pytest.mark.parametrize("site, currency, minor", [
    ("MLA", "ARS", 1050), ("MLB", "BRL", 1050), ("MLM", "MXN", 1050), ("MCO", "COP", 1050), ("MPE", "PEN", 1050),
    ("MLU", "UYU", 1050),
])
def test_an_orders_api_order_takes_its_sites_currency(site, currency, minor):
    order = {"id": "ORD01JTEST0000000000000000001", "total_amount": "10.50", "site_id": site, "status": "processed",
             "status_detail": "accredited", "transactions": {"payments": [
                 {"id": "PAY01JTEST0000000000000000001", "amount": "10.50", "status": "processed",
                  "payment_method": {"id": "visa", "type": "credit_card"}}]}}
    event = normalize_lake_data({"provider": "mercadopago", "payload": order}, None, NORMALIZER).event
    assert (event.status_category, event.amount_minor, event.currency) == ("APPROVED", minor, currency)


def test_an_orders_api_order_of_an_unknown_site_has_no_amount():
    order = {"id": "ORD01JTEST0000000000000000002", "total_amount": "10.50", "site_id": "XYZ", "status": "processed",
             "transactions": {"payments": [{"id": "PAY01JTEST0000000000000000002", "amount": "10.50",
                                            "payment_method": {"id": "visa", "type": "credit_card"}}]}}
    event = normalize_lake_data({"provider": "mercadopago", "payload": order}, None, NORMALIZER).event
    assert (event.status_category, event.amount_minor, event.currency) == ("APPROVED", None, None)


@pytest.mark.parametrize("status, category", [("processed", "REFUNDED"), ("processing", "PENDING"),
                                               ("failed", "DECLINED")])
def test_an_orders_api_refund_reply_is_its_refunds_status(status, category):
    reply = {"id": "ORD01JTEST0000000000000000003", "status": "processed", "status_detail": "partially_refunded",
             "transactions": {"refunds": [{"id": "REF01JTEST0000000000000000003",
                                           "transaction_id": "PAY01JTEST0000000000000000003", "amount": "5.00",
                                           "status": status}]}}
    event = normalize_lake_data({"provider": "mercadopago", "payload": reply}, None, NORMALIZER).event
    assert (event.status_category, event.event_kind, event.amount_minor, event.refund_id) == (
        category, "REFUND", None, "REF01JTEST0000000000000000003")


def test_an_asgard_refund_notification_names_the_payment_and_its_refund_in_its_site_currency():
    body = {"notification_id": "P-555", "status": "refunded", "transaction_id": "555", "transaction_type": "payment",
            "external_reference": "order-9", "transaction_amount": 80.0, "total_refunded": 30.0,
            "payments_metadata": {"site_id": "MCO"},
            "payments_details": [{"id": 555, "payment_type_id": "credit_card", "payment_method_id": "visa",
                                  "status": "refunded", "status_detail": "refunded"}],
            "refunds_notifying": [{"id": 9001, "notifying": True, "amount": 30.0}]}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (event.provider, str(event.status_category), str(event.event_kind)) == ("mercadopago", "REFUNDED", "REFUND")
    # The refunds' total in the site's currency (MCO: COP, exponent 2).
    assert (event.amount_minor, event.currency) == (3000, "COP")
    assert (event.attempt_id, event.payment_id, event.refund_id) == ("555", "order-9", "9001")
    # A site outside the documented list names no currency: the status stands, no amount is guessed.
    unknown_site = normalize_lake_data({**body, "payments_metadata": {"site_id": "XXX"}}, None, NORMALIZER).event
    assert (str(unknown_site.status_category), unknown_site.amount_minor, unknown_site.currency) == ("REFUNDED", None,
                                                                                                     None)


def test_a_collection_naming_its_method_family_as_payment_type_reads_it():
    body = {"id": 135456789, "status": "rejected", "status_detail": "cc_rejected_high_risk", "transaction_amount": 159.9,
            "currency_id": "BRL", "payment_type": "credit_card", "payment_method_id": "visa", "site_id": "MLB"}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (event.provider, str(event.status_category), str(event.payment_method)) == ("mercadopago", "DECLINED",
                                                                                       "CARD")


@pytest.mark.parametrize(
    ("state", "status"),
    [("OPEN", "PENDING"), ("ON_TERMINAL", "PENDING"), ("PROCESSING", "PENDING"), ("CONFIRMATION_REQUIRED", "PENDING"),
     ("CANCELED", "CANCELLED"), ("ABANDONED", "CANCELLED"), ("ERROR", "ERROR")],
)
def test_point_payment_intent_states(state, status):
    body = {"id": "7f25f9aa-eea6-4f9c-bf16-a341f71ba2f1", "state": state, "amount": 1500,
            "device_id": "PAX_A910__SMARTPOS1234567890"}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (event.provider, str(event.status_category), event.amount_minor) == ("mercadopago", status, None)


def test_a_finished_point_intent_is_not_given_an_outcome():
    """FINISHED says the transaction ended, not how: the payment's own status tells."""
    body = {"id": "7f25f9aa-eea6-4f9c-bf16-a341f71ba2f1", "state": "FINISHED", "amount": 1500,
            "device_id": "PAX_A910__SMARTPOS1234567890", "payment": {"id": 16499678033}}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert event is None or str(event.status_category) not in ("APPROVED", "DECLINED")


def test_a_chargeback_search_of_one_result_is_a_dispute_on_its_payment():
    body = {"paging": {"total": 1, "limit": 30, "offset": 0},
            "results": [{"id": "236758745", "payment_id": 1234567890, "amount": 250.0, "status": "in_review"}]}
    event = normalize_lake_data(body, None, NORMALIZER).event
    assert (str(event.status_category), str(event.event_kind), event.dispute_id, event.attempt_id) == (
        "CHARGEBACK", "DISPUTE", "236758745", "1234567890")


@pytest.mark.parametrize(("query", "reason"), [
    ({"topic": "payment", "id": "1319016327"}, "NOTIFICATION_WITHOUT_OUTCOME"),
    ({"topic": "chargebacks", "id": "236758745"}, "NOTIFICATION_WITHOUT_OUTCOME"),
    ({"topic": "delivery", "id": "41234"}, "NOT_A_PAYMENT_EVENT"),
])
def test_an_ipn_query_string_is_never_an_outcome(query, reason):
    """notifications/ipn: topic + id name a resource; shipping topics are no payment at all."""
    outcome = normalize_lake_data({"provider": "mercadopago", "payload": query}, None, NORMALIZER)
    assert (outcome.event, str(outcome.unprocessed_reason)) == (None, reason)


def test_a_back_url_without_collection_copies_reads_the_payment_status():
    body = {"payment_id": "1319016328", "status": "rejected", "external_reference": "order-7733",
            "merchant_order_id": "16583405513", "preference_id": "202809963-920c288b", "payment_type": "credit_card"}
    event = normalize_lake_data({"provider": "mercadopago", "payload": body}, None, NORMALIZER).event
    assert (str(event.status_category), event.attempt_id, event.payment_id) == ("DECLINED", "1319016328", "order-7733")
