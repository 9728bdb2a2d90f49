"""An evaluation round is scored as the lake would hand its rows over: with a provider hint and without."""

from __future__ import annotations

from payobs_pipeline.normalization.evaluation import hinted_data, score_round

# docs.stripe.com/api/charges/object: a succeeded charge of 20.00 EUR, amounts in minor units.
_CHARGE = {"id": "ch_3Mtw00000000000000000000", "object": "charge", "amount": 2000, "currency": "eur",
           "status": "succeeded", "paid": True, "captured": True, "created": 1717200000,
           "payment_method_details": {"type": "card", "card": {"brand": "visa"}}}
# docs.stripe.com/api/payouts/object: money to the merchant's bank, not a customer's payment.
_PAYOUT = {"id": "po_1OaFDbEcg9tTZuTgNYmX0PKB", "object": "payout", "amount": 1100, "currency": "usd",
           "status": "paid"}


def _case(name, data, expected):
    return {"name": name, "source": "test", "hint": "Stripe", "data": data, "expected": expected}


def test_hinted_row_wraps_the_message_as_a_lake_with_a_provider_column_would():
    assert hinted_data(_case("c", _CHARGE, {})) == {"provider": "Stripe", "payload": _CHARGE}
    assert hinted_data(_case("x", "<reply/>", {})) == {"provider": "Stripe", "content": "<reply/>"}


def test_round_counts_coverage_kept_non_payments_and_field_precision():
    cases = [
        _case("approved", _CHARGE, {"provider": "stripe", "status_category": "APPROVED", "failure_reason": None,
                                    "amount_minor": 2000, "currency": "EUR"}),
        # A wrong label on purpose: the amount is 2000, so the amount precision must show one miss.
        _case("mislabeled", _CHARGE, {"provider": "stripe", "status_category": "APPROVED", "amount_minor": 200,
                                      "currency": "EUR"}),
        _case("payout", _PAYOUT, {"unprocessed": "NOT_A_PAYMENT_EVENT"}),
        _case("not_a_document", "hello", {"provider": "stripe", "status_category": "APPROVED"}),
    ]
    for hinted in (True, False):
        score = score_round(cases, hinted)
        assert (score.payments, score.normalized) == (3, 2)
        assert (score.non_payments, score.kept) == (1, 1)
        assert (score.correct["amount_minor"], score.checked["amount_minor"]) == (1, 2)
        assert score.precision("status_category") == 1.0
        # The reason is judged only on failures: none here.
        assert score.checked["failure_reason"] == 0
        assert any("mislabeled: amount_minor" in miss for miss in score.misses)
        assert any("not_a_document: unprocessed" in miss for miss in score.misses)
