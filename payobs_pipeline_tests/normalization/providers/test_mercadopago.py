"""MercadoPago: payments kept with only id, status and status_detail (read under a provider hint).

Source: MercadoPago Payments API reference (GET /v1/payments/{id}): ``status`` approved, authorized, pending,
in_process, rejected, cancelled, refunded, charged_back, in_mediation; ``status_detail`` says why.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER


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
