"""The cascade: provider detection, the heuristic threshold, learned mappings, merchant fallback."""

import json

import pytest

from payobs_pipeline.normalization.formats import read_lake_payload
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import Deferral, Normalizer, ProviderDetector
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.evaluation import load_cases

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
UNKNOWN_SHAPE = {"txn_ref": "TX-1", "estado": "aprobado", "monto": "150.00", "moneda": "MXN"}


def parsed(body):
    return read_lake_payload(json.dumps(body))


def test_heuristic_threshold_decides_between_guessing_and_deferring():
    lenient = Normalizer(heuristic_threshold=0.5).normalize(parsed(UNKNOWN_SHAPE))
    assert isinstance(lenient, CanonicalEvent)
    assert (lenient.status_category, lenient.amount_minor, lenient.currency) == ("APPROVED", 15000, "MXN")
    assert lenient.normalization_method == "heuristic"
    strict = Normalizer(heuristic_threshold=lenient.confidence + 0.01).normalize(parsed(UNKNOWN_SHAPE))
    assert isinstance(strict, Deferral) and strict.reason_code == "LOW_CONFIDENCE"


def test_a_learned_mapping_applies_to_its_shape_before_heuristics():
    spec = {"provider": "acme", "amount_unit": "minor",
            "fields": {"status": ["estado"], "amount": ["monto"], "currency": ["moneda"],
                       "provider_transaction_id": ["txn_ref"]},
            "status_map": {"aprobado": "APPROVED"}}
    body = {**UNKNOWN_SHAPE, "monto": "15000"}
    normalizer = Normalizer(learned={shape_fingerprint(body): CompiledMapping(spec)})
    event = normalizer.normalize(parsed(body))
    assert (event.provider, event.normalization_method, event.amount_minor) == ("acme", "learned_mapping", 15000)


def test_indexed_detection_scores_equal_each_mappings_own_score():
    mappings = builtin_mappings()
    detector = ProviderDetector(mappings)
    for case in load_cases(CORPUS):
        try:
            body = read_lake_payload(json.dumps(case["data"])).body
        except ValueError:
            continue
        scores = detector.scores(body)
        assert [scores.get(n, 0.0) for n in range(len(mappings))] == pytest.approx(
            [m.shape_score(body) for m in mappings]), case["name"]
        assert all(score > 0 for score in scores.values())  # sparse: only mappings some signal spoke for


def test_a_hint_the_shape_contradicts_is_overruled():
    charge = {"id": "ch_1", "object": "charge", "amount": 100, "currency": "usd", "status": "succeeded",
              "created": 1764201600}
    event = Normalizer().normalize(parsed({**charge, "provider": "adyen"}))
    assert event.provider == "stripe"


def test_the_lake_merchant_fills_merchant_and_a_missing_country():
    charge = {"id": "ch_1", "object": "charge", "amount": 100, "currency": "usd", "status": "succeeded",
              "created": 1764201600}
    event = Normalizer().normalize(parsed(charge), {"id": "m_7", "name": "Shop", "country": "br"})
    assert (event.merchant_id, event.merchant_name, event.country) == ("m_7", "Shop", "BR")


def test_an_integer_amount_in_a_currency_with_cents_is_not_guessed():
    body = {"id": "x1", "status": "captured", "amount": 50000, "currency": "INR", "created_at": 1764201600}
    outcome = Normalizer().normalize(parsed(body))
    assert isinstance(outcome, Deferral) and outcome.reason_code == "LOW_CONFIDENCE"
    # A decimal or text amount, or a zero-decimal currency, is unambiguous.
    for unambiguous in ({**body, "amount": 500.5}, {**body, "amount": "500"}, {**body, "currency": "JPY"}):
        assert isinstance(Normalizer().normalize(parsed(unambiguous)), CanonicalEvent)


@pytest.mark.parametrize(("amount_unit", "amount_minor"), [("minor", 3200), ("major", 320000)])
def test_a_known_providers_unmapped_shape_is_read_in_that_providers_amount_unit(amount_unit, amount_minor):
    # A hinted provider's object no variant describes: the fallback reader takes the provider's amount unit, so
    # 3200 usd is 32.00 from a minor-unit provider and 3,200.00 from a major-unit one.
    spec = {"provider": "acme", "aliases": ["acme"], "amount_unit": amount_unit,
            "fields": {"status": "status"}, "status_map": {"paid": "APPROVED"},
            "variants": [{"name": "charge", "match": {"object": "charge"}}]}
    body = {"id": "ch_9", "object": "charge_summary", "status": "succeeded", "amount": 3200, "currency": "usd",
            "created": 1764201600, "provider": "acme"}
    event = Normalizer([*builtin_mappings(), CompiledMapping(spec)]).normalize(parsed(body))
    assert (event.provider, event.normalization_method, event.amount_minor, event.currency) == (
        "acme", "heuristic", amount_minor, "USD")


def test_a_variant_marked_not_a_payment_is_kept_unprocessed_and_never_guessed():
    spec = {"provider": "acme", "aliases": ["acme"],
            "variants": [{"name": "payout", "match": {"object": "payout"}, "not_a_payment": "payouts move balance"}]}
    # It has status/amount/currency fields the heuristics would happily read.
    body = {"object": "payout", "status": "paid", "amount": "10.00", "currency": "USD", "provider": "acme"}
    outcome = Normalizer([*builtin_mappings(), CompiledMapping(spec)]).normalize(parsed(body))
    assert isinstance(outcome, Deferral) and outcome.reason_code == "NOT_A_PAYMENT_EVENT"


# --- heuristic lifecycle kinds and ids (unknown providers) ------------------------------------------------


def _heuristic(body):
    from payobs_pipeline.normalization import heuristics

    event = heuristics.normalize(body)
    assert isinstance(event, CanonicalEvent)
    return (str(event.event_kind), str(event.status_category), event.attempt_id, event.refund_id, event.dispute_id)


def test_heuristic_reads_the_kind_and_ids_a_document_names():
    assert _heuristic({"id": "r1", "payment_id": "p1", "type": "refund", "status": "approved",
                       "amount": "10.00", "currency": "USD"}) == ("REFUND", "REFUNDED", "p1", "r1", None)
    assert _heuristic({"id_estorno": "e1", "id_transacao": "t1", "id_pagamento": "p1", "tipo": "estorno",
                       "status": "recusado", "valor": "10,00", "moeda": "BRL"})[:4] == ("REFUND", "DECLINED", "p1", "e1")
    assert _heuristic({"chargeback_id": "c1", "original_transaction_id": "t1", "event": "chargeback.created",
                       "status": "pending"}) == ("DISPUTE", "CHARGEBACK", "t1", None, "c1")
    assert _heuristic({"transaction_id": "t1", "operation_type": "auth_and_capture", "status": "approved"}) == (
        "AUTHORIZATION", "APPROVED", "t1", None, None)
    assert _heuristic({"transaction_id": "t2", "parent_transaction_id": "t1", "transaction_type": "capture",
                       "status": "approved"}) == ("CAPTURE", "APPROVED", "t1", None, None)
    assert _heuristic({"transaction_id": "t3", "tipo": "anulacion", "estado": "aprobado"})[:2] == ("VOID", "CANCELLED")
    # A refunded status without ids that say whose they are: no refund or attempt id is guessed.
    assert _heuristic({"transaction_id": "t4", "status": "refunded"}) == ("REFUND", "REFUNDED", None, None, None)


def test_a_card_brand_map_names_the_scheme_of_a_providers_card_code():
    # A spec's card_brand_map turns the provider's code into the scheme (dLocal VI, Moneris AX); None names no
    # scheme (Converge PAYPAL); a code the map leaves out is kept, in card_brand's spelling.
    spec = {"provider": "p", "amount_unit": "major",
            "fields": {"status": ["status"], "card_brand": ["brand"], "amount": ["amount"], "currency": ["cur"]},
            "status_map": {"ok": "APPROVED"}, "default_payment_method": "CARD",
            "card_brand_map": {"VI": "visa", "Diners Club": "diners", "PAYPAL": None}}
    mapping = CompiledMapping(spec)

    def brand(raw):
        return mapping.apply({"status": "ok", "brand": raw, "amount": "1.00", "cur": "USD"}).card_brand

    assert (brand("vi"), brand("DINERSCLUB"), brand("PayPal"), brand("Elo"), brand(None)) == (
        "visa", "diners", None, "elo", None)


def test_a_forms_dotted_names_are_scored_at_their_nested_place():
    """A signal on ``result.code`` holds on a form's ``result.code=...`` field as on ``{"result": {"code"}}``."""
    spec = {"provider": "acme", "detect": [{"path": "result.code", "exists": True, "weight": 0.6}],
            "fields": {"status": "result.code"}, "status_map": {"ok": "APPROVED"}}
    mapping = CompiledMapping(spec)
    detector = ProviderDetector([mapping])
    flat = {"result.code": "ok", "id": "1"}
    assert mapping.shape_score(flat) == pytest.approx(0.6)
    assert detector.scores(flat) == {0: pytest.approx(0.6)}
    assert flat == {"result.code": "ok", "id": "1"}  # the body itself is not changed


def test_a_dotted_name_never_hides_the_field_its_first_segment_names():
    """A webhook's ``event`` stays the value it is beside its ``event.type`` (no nesting over it)."""
    spec = {"provider": "acme", "detect": [{"path": "event.type", "exists": True, "weight": 0.6},
                                           {"path": "event", "in": ["charge.completed"], "weight": 0.3}],
            "fields": {"status": "event"}, "status_map": {"charge.completed": "APPROVED"}}
    mapping = CompiledMapping(spec)
    body = {"event": "charge.completed", "event.type": "CARD_TRANSACTION"}
    assert mapping.shape_score(body) == pytest.approx(0.3)
    assert ProviderDetector([mapping]).scores(body) == {0: pytest.approx(0.3)}


def test_a_negative_index_reads_a_list_from_its_end():
    """``events.-1.status`` is the last event's status (the newest, where a provider appends its history)."""
    spec = {"provider": "acme", "amount_unit": "major",
            "fields": {"status": "events.-1.status", "amount": "amount", "currency": "currency"},
            "status_map": {"authorized": "APPROVED", "created": "PENDING", "refused": "DECLINED"}}
    mapping = CompiledMapping(spec)
    body = {"amount": "5.00", "currency": "EUR",
            "events": [{"status": "created"}, {"status": "refused"}]}
    assert str(mapping.apply(body).status_category) == "DECLINED"
    assert str(mapping.apply({**body, "events": [{"status": "authorized"}]}).status_category) == "APPROVED"
    # On an object the segment is a key, as any other name.
    spec_keyed = {**spec, "fields": {**spec["fields"], "status": "codes.-1"}}
    assert str(CompiledMapping(spec_keyed).apply({**body, "codes": {"-1": "created"}}).status_category) == "PENDING"


def test_a_not_in_condition_holds_on_every_other_value_and_on_an_absent_one():
    spec = {"provider": "acme", "amount_unit": "major",
            "fields": {"status": "state", "amount": "amount", "currency": "currency"},
            "status_map": {"done": "APPROVED", "failed": "DECLINED"},
            "variants": [{"name": "test_mode", "match": {"mode": {"not_in": ["live", "production"]}},
                          "not_a_payment": "test-mode traffic"},
                         {"name": "live", "match": {"mode": {"exists": True}}}]}
    mapping = CompiledMapping(spec)
    live = {"state": "done", "amount": "1.00", "currency": "USD", "mode": "LIVE"}
    assert mapping.variant_for(live).name == "live"  # case folded like every comparison
    assert mapping.variant_for({**live, "mode": "sandbox"}).name == "test_mode"
    assert mapping.variant_for({"state": "done", "amount": "1.00", "currency": "USD"}).name == "test_mode"


@pytest.mark.parametrize(("body", "expected"), [
    ({"event": "payment.succeeded", "data": {"id": "p1", "amount": "10.00", "currency": "USD"}},
     ("AUTHORIZATION", "APPROVED", "p1", None, None)),
    ({"type": "PAYMENT_FAILED", "data": {"object": {"id": "p2", "amount": "10.00", "currency": "USD",
                                                    "failure_code": "insufficient_funds"}}},
     ("AUTHORIZATION", "DECLINED", "p2", None, None)),
    ({"event_type": "charge.refunded", "payload": {"id": "p3", "amount": "10.00", "currency": "USD"}},
     ("REFUND", "REFUNDED", None, None, None)),
])
def test_heuristic_reads_the_outcome_a_payment_events_name_states(body, expected):
    assert _heuristic(body) == expected


@pytest.mark.parametrize("body", [
    {"event": "payment.created", "data": {"id": "p1", "amount": "10.00", "currency": "USD"}},  # no outcome yet
    {"event": "charge.completed", "data": {"id": "p1", "amount": "10.00", "currency": "USD"}},  # sent on failures too
    {"event": "payout.paid", "data": {"id": "po1", "amount": "10.00", "currency": "USD"}},  # no payment attempt
    {"event": "subscription.canceled", "data": {"id": "s1", "amount": "10.00", "currency": "USD"}},
])
def test_an_event_name_that_states_no_payment_outcome_gives_no_status(body):
    from payobs_pipeline.normalization import heuristics

    assert heuristics.normalize(body) is None


def test_a_condition_with_two_operators_is_refused_when_the_spec_compiles():
    # {"exists": true, "not_in": [...]} would silently test only one of them.
    from payobs_pipeline.normalization.mapping import MappingError

    spec = {"provider": "acme", "fields": {"status": "state"}, "status_map": {"done": "APPROVED"},
            "variants": [{"name": "v", "match": {"state": {"exists": True, "not_in": ["x"]}}}]}
    with pytest.raises(MappingError):
        CompiledMapping(spec)
