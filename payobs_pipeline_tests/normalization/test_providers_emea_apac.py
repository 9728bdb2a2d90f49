"""Worldpay, Razorpay, Mollie and dLocal mappings against their labeled corpus cases.

Each corpus case is modeled on the provider's documentation and labeled from it
(TAXONOMY.md), so a mapping that reads the wrong field, maps a code to the wrong
reason or gets the amount unit wrong fails here on the case that shows it.
"""

from __future__ import annotations

import copy
import importlib
import json
from pathlib import Path

import pytest

from payobs_pipeline.normalization.evaluation import evaluate, load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, Normalizer, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

PROVIDERS = ("worldpay", "razorpay", "mollie", "dlocal")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MODULES = {name: importlib.import_module(f"payobs_pipeline.normalization.providers.{name}") for name in PROVIDERS}
OURS = [CompiledMapping(module.SPEC, getattr(module, "prepare", None)) for module in MODULES.values()]
# Built-ins already registered, plus ours (skipping any of ours the registry already holds).
MAPPINGS = [m for m in builtin_mappings() if m.provider not in PROVIDERS] + OURS
NORMALIZER = Normalizer(MAPPINGS)

CASES = [case for name in PROVIDERS for case in load_cases(CORPUS / f"{name}.json")]
# sdk_and_docs_examples/: SDK fixtures and docs examples (earlier round, training data).
DOCS_EXAMPLES_WORLDPAY_RAZORPAY_MOLLIE = ("worldpay", "razorpay", "mollie")
CASES += [case for name in DOCS_EXAMPLES_WORLDPAY_RAZORPAY_MOLLIE for case in load_cases(CORPUS / "sdk_and_docs_examples" / f"{name}.json")]
# other_event_kinds/ (earlier round, training data): other event types and wrappers; rows that are no payment outcome stay unprocessed.
OTHER_KINDS_RAZORPAY_MOLLIE = [c for name in ("razorpay", "mollie") for c in load_cases(CORPUS / "other_event_kinds" / f"{name}.json")]
CASES += [case for case in OTHER_KINDS_RAZORPAY_MOLLIE if "unprocessed" not in case["expected"]]
CASES += load_cases(CORPUS / "sdk_and_docs_examples" / "dlocal.json")
# other_event_kinds/ for dLocal (earlier round, training data): chargeback stages, wrappers, UPI/SPEI; payouts stay unprocessed.
DLOCAL_OTHER_KINDS = load_cases(CORPUS / "other_event_kinds" / "dlocal.json")
CASES += [case for case in DLOCAL_OTHER_KINDS if "unprocessed" not in case["expected"]]
# other_event_kinds/ for Worldpay (earlier round, training data) (Payments API responses, Access events); payout and token events
# are not payments and must stay unprocessed.
WORLDPAY_OTHER_KINDS = load_cases(CORPUS / "other_event_kinds" / "worldpay.json")
CASES += [case for case in WORLDPAY_OTHER_KINDS if "unprocessed" not in case["expected"]]


def _case_id(case: dict) -> str:
    return f"{case['file'].removesuffix('.json')}:{case['name']}"


def test_every_provider_has_a_broad_corpus():
    """At least 12 cases each, covering approvals, declines, refunds and chargebacks."""
    for name in PROVIDERS:
        cases = [c for c in CASES if c["file"] == f"{name}.json"]
        statuses = {c["expected"]["status_category"] for c in cases}
        reasons = {c["expected"]["failure_reason"] for c in cases if c["expected"]["status_category"] == "DECLINED"}
        assert len(cases) >= 12, name
        assert {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses, name
        assert len(reasons) >= 4, f"{name}: declines cover only {reasons}"


def _case_params(cases):
    for case in cases:
        yield pytest.param(case, id=_case_id(case))


@pytest.mark.parametrize("case", list(_case_params(CASES)))
def test_corpus_case_is_normalized_as_labeled(case):
    report = evaluate([case], NORMALIZER)
    assert report.failures == []
    assert report.correct["normalized"] == 1


@pytest.mark.parametrize("case", [c for c in OTHER_KINDS_RAZORPAY_MOLLIE if "unprocessed" in c["expected"]], ids=_case_id)
def test_row_without_a_payment_outcome_stays_unprocessed_with_its_reason(case):
    """Payouts, settlements, subscriptions and id-only webhooks are never read as payment outcomes."""
    report = evaluate([case], NORMALIZER)
    assert report.failures == []
    assert report.correct["unprocessed"] == 1


@pytest.mark.parametrize("case", [c for c in DLOCAL_OTHER_KINDS if "unprocessed" in c["expected"]], ids=_case_id)
def test_dlocal_payout_stays_unprocessed_as_not_a_payment(case):
    """A dLocal payout (v3 object or v2 cashout notification) says PAID too: it must never count as an approval."""
    report = evaluate([case], NORMALIZER)
    assert report.failures == []
    assert report.correct["unprocessed"] == 1


@pytest.mark.parametrize("case", [c for c in WORLDPAY_OTHER_KINDS if "unprocessed" in c["expected"]], ids=_case_id)
def test_worldpay_event_about_no_payment_stays_unprocessed(case):
    """An Access Worldpay payout's "refused" is not a payment decline: the row stays unprocessed."""
    report = evaluate([case], NORMALIZER)
    assert report.failures == []
    assert report.correct["unprocessed"] == 1


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_provider_is_recognized_from_the_payload_shape_alone(case):
    """Hints are often missing or wrong: the shape must name the provider by itself."""
    body = parse_lake_data(json.dumps(case["data"])).body
    guess = detect_provider(body, {}, MAPPINGS)
    assert guess.provider == case["expected"]["provider"]
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


FOREIGN_PAYLOADS = {
    "stripe_charge": {
        "id": "ch_3MmlLrLkdIwHu7ix0snN0B15", "object": "charge", "amount": 1099, "currency": "usd",
        "status": "failed", "failure_code": "card_declined", "outcome": {"type": "issuer_declined"},
        "payment_method_details": {"type": "card", "card": {"brand": "visa", "country": "US"}}, "created": 1679090539,
    },
    "stripe_refund_event": {
        "id": "evt_1", "object": "event", "type": "charge.refunded",
        "data": {"object": {"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 1000,
                            "currency": "usd", "status": "succeeded", "charge": "ch_1"}},
    },
    "adyen_notification": {
        "live": "false",
        "notificationItems": [{"NotificationRequestItem": {
            "eventCode": "AUTHORISATION", "success": "false", "pspReference": "7914073381342284",
            "merchantAccountCode": "TestMerchant", "merchantReference": "order-1", "reason": "Refused",
            "amount": {"value": 1130, "currency": "EUR"}, "paymentMethod": "visa",
            "eventDate": "2024-01-01T01:00:00+01:00",
        }}],
    },
    "adyen_payment_response": {
        "pspReference": "993617894903480A", "resultCode": "Refused", "refusalReason": "Not enough balance",
        "refusalReasonCode": "12", "amount": {"value": 1500, "currency": "EUR"}, "merchantReference": "order-2",
    },
    "checkout_com_payment": {
        "id": "pay_mbabizu24mvu3mela5njyhpit4", "action_id": "act_mbabizu24mvu3mela5njyhpit4", "amount": 6540,
        "currency": "USD", "approved": False, "status": "Declined", "response_code": "20051",
        "source": {"type": "card", "scheme": "Visa"},
    },
}


@pytest.mark.parametrize("name", sorted(FOREIGN_PAYLOADS))
def test_other_providers_payloads_do_not_look_like_ours(name):
    payload = FOREIGN_PAYLOADS[name]
    for mapping in OURS:
        assert mapping.shape_score(payload) < SHAPE_DETECTION_THRESHOLD, f"{mapping.provider} claims {name}"


def _status_maps(spec: dict) -> list[tuple[str, dict]]:
    """(variant name, the status map it applies: the top-level map with the variant's merged over it)."""
    variants = spec.get("variants") or [{"name": "default"}]
    return [(v.get("name", "default"), {**spec.get("status_map", {}), **v.get("status_map", {})}) for v in variants]


@pytest.mark.parametrize("name", PROVIDERS)
def test_every_listed_status_compiles_to_its_category(name):
    """Each raw status of the spec reaches the compiled variant unchanged, as a StatusCategory."""
    spec = MODULES[name].SPEC
    compiled = {v.name: v for v in CompiledMapping(spec).variants}
    for variant_name, status_map in _status_maps(spec):
        variant = compiled[variant_name]
        # Keys are matched without case: two spellings of one status must not disagree.
        folded: dict[str, str] = {}
        for raw, category in status_map.items():
            assert folded.setdefault(raw.lower(), category) == category, f"{name}/{variant_name}: {raw!r}"
        for raw, category in status_map.items():
            assert variant.status_map[raw.lower()] is StatusCategory(category), f"{name}/{variant_name}: {raw!r}"


@pytest.mark.parametrize("name", [n for n in PROVIDERS if hasattr(MODULES[n], "prepare")])
def test_prepare_does_not_modify_the_payload(name):
    """prepare() hooks are pure: the stored payload stays exactly as received."""
    for case in CASES:
        if case["expected"].get("provider") != name:
            continue
        body = parse_lake_data(json.dumps(case["data"])).body
        before = copy.deepcopy(body)
        prepared = MODULES[name].prepare(body)
        assert body == before
        # Whatever prepare adds, it keeps every field the provider sent.
        assert {k: prepared[k] for k in before} == before


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


def _razorpay_event(name, **entities):
    # razorpay.com/docs/webhooks/payloads/: {"entity": "event", "event": ..., "payload": {<kind>: {"entity": ...}}}
    return {"entity": "event", "account_id": "acc_BFQ7uQEaa7j2z7", "event": name, "created_at": 1718000000,
            "contains": list(entities), "payload": {k: {"entity": v} for k, v in entities.items()}}


_RZP_PAYMENT = {"id": "pay_Lc1", "entity": "payment", "amount": 50000, "currency": "INR", "order_id": "order_Lc1",
                "method": "card", "card": {"network": "Visa"}, "created_at": 1718000000}


def test_razorpay_lifecycle_rows_share_the_payment_as_attempt():
    authorized = _event(_razorpay_event("payment.authorized", payment={**_RZP_PAYMENT, "status": "authorized"}))
    captured = _event(_razorpay_event("payment.captured", payment={**_RZP_PAYMENT, "status": "captured"}))
    refund = {"id": "rfnd_Lc1", "entity": "refund", "amount": 20000, "currency": "INR", "payment_id": "pay_Lc1",
              "created_at": 1718100000}
    processed = _event(_razorpay_event("refund.processed", refund={**refund, "status": "processed"},
                                       payment={**_RZP_PAYMENT, "status": "captured"}))
    failed = _event(_razorpay_event("refund.failed", refund={**refund, "status": "failed"},
                                    payment={**_RZP_PAYMENT, "status": "captured"}))
    dispute = _event(_razorpay_event(
        "payment.dispute.created", payment={**_RZP_PAYMENT, "status": "captured"},
        dispute={"id": "disp_Lc1", "entity": "dispute", "payment_id": "pay_Lc1", "amount": 50000, "currency": "INR",
                 "status": "open", "reason_code": "chargeback", "created_at": 1718200000}))
    assert _identity(authorized) == ("AUTHORIZATION", "APPROVED", "pay_Lc1", "order_Lc1", None, None)
    assert _identity(captured) == ("CAPTURE", "APPROVED", "pay_Lc1", "order_Lc1", None, None)
    assert _identity(processed) == ("REFUND", "REFUNDED", "pay_Lc1", None, "rfnd_Lc1", None)
    assert _identity(failed) == ("REFUND", "DECLINED", "pay_Lc1", None, "rfnd_Lc1", None)
    assert _identity(dispute) == ("DISPUTE", "CHARGEBACK", "pay_Lc1", None, None, "disp_Lc1")


def test_razorpay_order_alone_is_the_payment_and_names_no_attempt():
    order = _event({"id": "order_Lc1", "entity": "order", "amount": 50000, "currency": "INR", "status": "paid",
                    "attempts": 2, "created_at": 1718000000})
    assert _identity(order) == ("PAYMENT", "APPROVED", None, "order_Lc1", None, None)


_MOLLIE_AMOUNT = {"currency": "EUR", "value": "10.00"}


def test_mollie_lifecycle_rows_share_the_payment_as_attempt():
    payment = _event({"resource": "payment", "id": "tr_Lc1", "orderId": "ord_Lc1", "status": "authorized",
                      "amount": _MOLLIE_AMOUNT, "method": "creditcard", "createdAt": "2024-06-10T10:00:00+00:00",
                      "authorizedAt": "2024-06-10T10:00:05+00:00", "countryCode": "BE",
                      "details": {"cardCountryCode": "NL", "cardLabel": "Visa"}})
    capture = _event({"resource": "capture", "id": "cpt_Lc1", "paymentId": "tr_Lc1", "status": "succeeded",
                      "amount": _MOLLIE_AMOUNT, "createdAt": "2024-06-11T10:00:00+00:00"})
    refund = {"resource": "refund", "id": "re_Lc1", "paymentId": "tr_Lc1", "orderId": "ord_Lc1",
              "amount": _MOLLIE_AMOUNT, "createdAt": "2024-06-12T10:00:00+00:00"}
    refunded = _event({**refund, "status": "refunded"})
    queued = _event({**refund, "status": "queued"})
    failed = _event({**refund, "status": "failed"})
    chargeback = _event({"resource": "chargeback", "id": "chb_Lc1", "paymentId": "tr_Lc1", "amount": _MOLLIE_AMOUNT,
                         "reason": {"code": "AC01"}, "createdAt": "2024-06-20T10:00:00+00:00"})
    assert _identity(payment) == ("AUTHORIZATION", "APPROVED", "tr_Lc1", "ord_Lc1", None, None)
    assert (payment.card_country, payment.customer_country) == ("NL", "BE")
    assert _identity(capture) == ("CAPTURE", "APPROVED", "tr_Lc1", None, None, None)
    assert _identity(refunded) == ("REFUND", "REFUNDED", "tr_Lc1", "ord_Lc1", "re_Lc1", None)
    assert _identity(queued) == ("REFUND", "PENDING", "tr_Lc1", "ord_Lc1", "re_Lc1", None)
    assert _identity(failed) == ("REFUND", "DECLINED", "tr_Lc1", "ord_Lc1", "re_Lc1", None)
    assert _identity(chargeback) == ("DISPUTE", "CHARGEBACK", "tr_Lc1", None, None, "chb_Lc1")


def test_mollie_paid_after_authorization_is_a_capture_and_an_order_is_the_payment():
    paid = _event({"resource": "payment", "id": "tr_Lc2", "status": "paid", "amount": _MOLLIE_AMOUNT,
                   "method": "klarna", "createdAt": "2024-06-10T10:00:00+00:00",
                   "authorizedAt": "2024-06-10T10:00:05+00:00", "paidAt": "2024-06-11T10:00:00+00:00"})
    one_step = _event({"resource": "payment", "id": "tr_Lc3", "status": "paid", "amount": _MOLLIE_AMOUNT,
                       "method": "ideal", "createdAt": "2024-06-10T10:00:00+00:00",
                       "paidAt": "2024-06-10T10:01:00+00:00"})
    order = _event({"resource": "order", "id": "ord_Lc1", "status": "paid", "amount": _MOLLIE_AMOUNT,
                    "method": "klarnapaylater", "createdAt": "2024-06-10T10:00:00+00:00",
                    "billingAddress": {"country": "DE"}})
    assert _identity(paid) == ("CAPTURE", "APPROVED", "tr_Lc2", None, None, None)
    assert _identity(one_step) == ("AUTHORIZATION", "APPROVED", "tr_Lc3", None, None, None)
    assert _identity(order) == ("PAYMENT", "APPROVED", None, "ord_Lc1", None, None)
    assert order.customer_country == "DE"


def test_dlocal_lifecycle_rows_share_the_payment_as_attempt():
    authorized = _event({"id": "D-4-lc1", "amount": 120, "currency": "USD", "country": "BR",
                         "payment_method_id": "CARD", "payment_method_type": "CARD", "payment_method_flow": "DIRECT",
                         "card": {"brand": "VI"}, "created_date": "2024-06-10T10:00:00.000+0000",
                         "status": "AUTHORIZED", "status_code": "600", "order_id": "merchant-order-1"})
    capture = _event({"id": "D-4-lc2", "authorization_id": "D-4-lc1", "amount": 120, "currency": "USD",
                      "country": "BR", "created_date": "2024-06-11T10:00:00.000+0000", "status": "PAID",
                      "status_code": "200", "order_id": "capture-1"})
    refund = {"id": "REF-15-lc1", "payment_id": "D-4-lc1", "amount": 40, "currency": "USD",
              "created_date": "2024-06-12T10:00:00.000+0000"}
    succeeded = _event({**refund, "status": "SUCCESS", "status_code": 200})
    rejected = _event({**refund, "status": "REJECTED", "status_code": 300})
    chargeback = _event({"id": "CHAR42-lc1", "payment_id": "D-4-lc1", "amount": 120, "currency": "USD",
                         "status": "COMPLETED", "status_code": 200, "created_date": "2024-06-20T10:00:00.000+0000"})
    assert _identity(authorized) == ("AUTHORIZATION", "APPROVED", "D-4-lc1", "merchant-order-1", None, None)
    assert authorized.customer_country == "BR"
    assert _identity(capture) == ("CAPTURE", "APPROVED", "D-4-lc1", None, None, None)
    assert _identity(succeeded) == ("REFUND", "REFUNDED", "D-4-lc1", None, "REF-15-lc1", None)
    assert _identity(rejected) == ("REFUND", "DECLINED", "D-4-lc1", None, "REF-15-lc1", None)
    assert _identity(chargeback) == ("DISPUTE", "CHARGEBACK", "D-4-lc1", None, None, "CHAR42-lc1")


def test_no_spec_of_ours_uses_the_deprecated_country_field():
    for name in ("razorpay", "mollie", "dlocal"):
        spec = MODULES[name].SPEC
        for part in (spec, *spec["variants"]):
            assert "country" not in part.get("fields", {}), (name, part.get("name"))
