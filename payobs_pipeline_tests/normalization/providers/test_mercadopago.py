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
