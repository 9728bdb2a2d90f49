"""MercadoPago, PayPal, Braintree and Checkout.com mappings against their labeled corpus cases."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from payobs_pipeline.normalization.evaluation import evaluate, load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, Normalizer, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

PROVIDERS = ("mercadopago", "paypal", "braintree", "checkout")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MODULES = {p: importlib.import_module(f"payobs_pipeline.normalization.providers.{p}") for p in PROVIDERS}
OURS = {p: CompiledMapping(m.SPEC, getattr(m, "prepare", None)) for p, m in MODULES.items()}
ALL_MAPPINGS = (*builtin_mappings(), *OURS.values())
NORMALIZER = Normalizer(ALL_MAPPINGS)

CASES = [case for p in PROVIDERS for case in load_cases(CORPUS / f"{p}.json")]
# Checkout.com docs examples, list and error bodies, Classic API (earlier round, training data).
CASES += load_cases(CORPUS / "sdk_and_docs_examples" / "checkout.json")
# Second held-out round for Checkout.com (APM vouchers, wrappers); its 3DS-session events are not payments.
CHECKOUT_OTHER_KINDS = load_cases(CORPUS / "other_event_kinds" / "checkout.json")
CASES += [case for case in CHECKOUT_OTHER_KINDS if "unprocessed" not in case["expected"]]
# Held-out payloads (SDK fixtures, other docs, lake variations) labeled apart from the mappings' authors.
DOCS_EXAMPLES_CASES = [case for p in ("mercadopago", "paypal", "braintree")
                 for case in load_cases(CORPUS / "sdk_and_docs_examples" / f"{p}.json")]
# other_event_kinds/ (earlier round, training data): other event types (orders, subscriptions, payouts, disputes) and lake wrappers.
DOCS_EXAMPLES_CASES += [case for p in ("mercadopago", "paypal", "braintree")
                  for case in load_cases(CORPUS / "other_event_kinds" / f"{p}.json")]
CASES += [case for case in DOCS_EXAMPLES_CASES if "unprocessed" not in case["expected"]]


def _id(case: dict) -> str:
    return f"{case['file'].removesuffix('.json')}:{case['name']}"


def _body(case: dict) -> tuple[dict, dict]:
    """The parsed document and hints of a case, as the pipeline sees them (masked)."""
    parsed = parse_lake_data(mask_text(json.dumps(case["data"])))
    return mask_payload(parsed.body), parsed.hints


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_case_normalizes_to_its_label(case):
    report = evaluate([case], NORMALIZER)
    assert report.failures == []
    assert report.correct["normalized"] == 1


@pytest.mark.parametrize(
    "case", [c for c in [*DOCS_EXAMPLES_CASES, *CHECKOUT_OTHER_KINDS] if "unprocessed" in c["expected"]], ids=_id)
def test_notification_without_outcome_stays_unprocessed(case):
    """A webhook that only names a payment (MercadoPago data.id, IPN resource) is never guessed."""
    report = evaluate([case], NORMALIZER)
    assert report.failures == []
    assert report.correct["unprocessed"] == 1


@pytest.mark.parametrize("provider", PROVIDERS)
def test_corpus_covers_the_lifecycle(provider):
    cases = load_cases(CORPUS / f"{provider}.json")
    assert len(cases) >= 12
    statuses = {c["expected"]["status_category"] for c in cases}
    assert {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses
    reasons = {c["expected"]["failure_reason"] for c in cases if c["expected"]["failure_reason"]}
    assert len(reasons) >= 4


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_shape_alone_names_the_provider(case):
    """Hints may be missing or wrong: each payload's shape must name its provider by itself."""
    body, _ = _body(case)
    guess = detect_provider(body, {}, ALL_MAPPINGS)
    assert guess.provider == case["expected"]["provider"]
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


# Payloads of other providers, from their API references, that our detectors must not claim.
FOREIGN_PAYLOADS = {
    "stripe_charge": {"id": "ch_3MmlLrLkdIwHu7ix0snN0B15", "object": "charge", "amount": 1099, "currency": "usd",
                      "status": "failed", "failure_code": "card_declined", "outcome": {"type": "issuer_declined"}},
    "stripe_event": {"id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event", "type": "payment_intent.succeeded",
                     "data": {"object": {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "object": "payment_intent",
                                         "amount": 2000, "currency": "usd", "status": "succeeded"}}},
    "adyen_response": {"pspReference": "993617895204576J", "resultCode": "Refused", "refusalReason": "Not enough balance",
                       "refusalReasonCode": "12", "amount": {"currency": "EUR", "value": 1000}},
    "adyen_notification": {"live": "false", "notificationItems": [{"NotificationRequestItem": {
        "eventCode": "AUTHORISATION", "success": "true", "pspReference": "7914073381342284",
        "merchantAccountCode": "YOUR_MERCHANT_ACCOUNT", "amount": {"currency": "EUR", "value": 1130}}}]},
}


@pytest.mark.parametrize("name", sorted(FOREIGN_PAYLOADS))
def test_other_providers_payloads_score_low_on_our_detectors(name):
    body = FOREIGN_PAYLOADS[name]
    for provider, mapping in OURS.items():
        assert mapping.shape_score(body) < SHAPE_DETECTION_THRESHOLD, provider
    assert detect_provider(body, {}, ALL_MAPPINGS).provider in ("stripe", "adyen")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_our_payloads_score_low_on_each_others_detectors(case):
    body, _ = _body(case)
    own = OURS[case["expected"]["provider"]].shape_score(body)
    for provider, mapping in OURS.items():
        if provider != case["expected"]["provider"]:
            assert mapping.shape_score(body) < own, provider


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_status_in_each_status_map_is_a_status_category(provider):
    spec = MODULES[provider].SPEC
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", [])]
    assert sum(len(m) for m in maps) >= 5
    for status_map in maps:
        for raw, category in status_map.items():
            assert category in StatusCategory.__members__, f"{provider}: {raw} -> {category}"
    # Every mapped raw status is reachable through the compiled variants, case-insensitively.
    compiled = OURS[provider]
    for status_map in maps:
        for raw, category in status_map.items():
            assert any(v.status_map.get(raw.lower()) == StatusCategory(category) for v in compiled.variants)


def test_paypal_ipn_refund_sign_is_dropped_by_prepare():
    prepared = MODULES["paypal"].prepare({"mc_gross": "-10.00", "payment_status": "Refunded"})
    assert prepared["mc_gross"] == "10.00"
    assert MODULES["paypal"].prepare({"mc_gross": "10.00"}) == {"mc_gross": "10.00"}


def test_braintree_prepare_flattens_typed_xml_values():
    prepared = MODULES["braintree"].prepare(
        {"transaction": {"amount": {"@type": "decimal", "#text": "10.00"}, "order-id": {"@nil": "true"},
                         "status-history": {"@type": "array"}}}
    )
    assert prepared == {"transaction": {"amount": "10.00", "order-id": None, "status-history": []}}


def test_braintree_unreadable_bt_payload_is_left_to_the_cascade():
    body = {"bt_signature": "abc|def", "bt_payload": "not base64 xml!"}
    assert MODULES["braintree"].prepare(body) == body


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_PAY = "pay_lc0aaaaaaaaaaaaaaaaaaaaaaaa"


def _checkout_webhook(event_type, **data):
    return {"id": "evt_lc0aaaaaaaaaaaaaaaaaaaaaaa", "type": event_type, "version": "1.0.33",
            "created_on": "2024-02-09T11:55:25Z",
            "data": {"id": _PAY, "action_id": data.pop("action_id", "act_lc0auth"), "reference": "ORD-1",
                     "amount": 6540, "currency": "USD", "processed_on": "2024-02-09T11:55:20Z",
                     "response_code": "10000", "response_summary": "Approved", **data}}


def test_checkout_actions_on_a_payment_are_not_new_authorizations():
    # checkout.com webhook-event-types: payment_approved authorizes, payment_captured / payment_voided /
    # payment_refunded act on the same payment (data.id), each action with its own action_id.
    approved = _event(_checkout_webhook("payment_approved", source={"type": "card", "issuer_country": "FR",
                                                                     "billing_address": {"country": "DE"}}))
    assert (approved.event_kind, approved.status_category, approved.attempt_id) == ("AUTHORIZATION", "APPROVED", _PAY)
    # reference: "a reference you can later use to identify the payment, such as an order number".
    assert (approved.card_country, approved.customer_country, approved.payment_id) == ("FR", "DE", "ORD-1")
    captured = _event(_checkout_webhook("payment_captured", action_id="act_lc0capture"))
    assert (captured.event_kind, captured.status_category, captured.attempt_id) == ("CAPTURE", "APPROVED", _PAY)
    capture_declined = _event(_checkout_webhook("payment_capture_declined", action_id="act_lc0capture",
                                                response_code="20006"))
    assert (capture_declined.event_kind, capture_declined.status_category) == ("CAPTURE", "DECLINED")
    voided = _event(_checkout_webhook("payment_voided", action_id="act_lc0void"))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", _PAY)
    void_declined = _event(_checkout_webhook("payment_void_declined", action_id="act_lc0void"))
    assert (void_declined.event_kind, void_declined.status_category) == ("VOID", "ERROR")


def test_checkout_refunds_and_disputes_name_the_payment_as_their_attempt():
    refunded = _event(_checkout_webhook("payment_refunded", action_id="act_lc0refund"))
    assert (refunded.event_kind, refunded.status_category, refunded.attempt_id, refunded.refund_id) == (
        "REFUND", "REFUNDED", _PAY, "act_lc0refund")
    pending = _event(_checkout_webhook("payment_refund_pending", action_id="act_lc0refund"))
    assert (pending.event_kind, pending.status_category, pending.refund_id) == ("REFUND", "PENDING", "act_lc0refund")
    declined = _event(_checkout_webhook("payment_refund_declined", action_id="act_lc0refund", response_code="20006"))
    assert (declined.event_kind, declined.attempt_id, declined.refund_id) == ("REFUND", _PAY, "act_lc0refund")
    # api-reference.checkout.com Disputes: the dispute (dsp_) names its payment_id.
    dispute = {"id": "evt_lc0dispute", "type": "dispute_lost", "created_on": "2024-03-09T11:55:25Z",
               "data": {"id": "dsp_lc0aaaaaaaaaaaaaaaaaaaa", "amount": 6540, "currency": "USD",
                        "reason_code": "10.4", "payment_id": _PAY}}
    disputed = _event(dispute)
    assert (disputed.event_kind, disputed.status_category, disputed.attempt_id, disputed.dispute_id) == (
        "DISPUTE", "CHARGEBACK", _PAY, "dsp_lc0aaaaaaaaaaaaaaaaaaaa")


_PP_HOST = "https://api-m.paypal.com"
_PP_ORDER, _PP_AUTH, _PP_CAPTURE = "5O190127TN364715T", "0VF52814AB7998046", "3C679366HH908993F"


def _paypal_webhook(event_type, resource_type, resource):
    return {"id": "WH-LC0000000000000000-0000000000000000", "event_version": "1.0", "resource_version": "2.0",
            "create_time": "2024-05-20T16:21:06.000Z", "event_type": event_type, "resource_type": resource_type,
            "resource": resource}


def test_paypal_authorize_intent_capture_and_refund_name_the_authorization():
    # developer.paypal.com/docs/api/payments/v2: supplementary_data.related_ids names the order, the
    # authorization a capture settles, the capture a refund returns.
    related = {"order_id": _PP_ORDER, "authorization_id": _PP_AUTH}
    amount = {"currency_code": "USD", "value": "100.00"}
    auth = _event(_paypal_webhook("PAYMENT.AUTHORIZATION.CREATED", "authorization", {
        "id": _PP_AUTH, "status": "CREATED", "amount": amount, "supplementary_data": {"related_ids": related},
        "links": [{"href": f"{_PP_HOST}/v2/payments/authorizations/{_PP_AUTH}", "rel": "self"}]}))
    assert (auth.event_kind, auth.status_category, auth.attempt_id, auth.payment_id) == (
        "AUTHORIZATION", "APPROVED", _PP_AUTH, _PP_ORDER)
    capture = _event(_paypal_webhook("PAYMENT.CAPTURE.COMPLETED", "capture", {
        "id": _PP_CAPTURE, "status": "COMPLETED", "amount": amount, "final_capture": True,
        "supplementary_data": {"related_ids": related},
        "links": [{"href": f"{_PP_HOST}/v2/payments/captures/{_PP_CAPTURE}", "rel": "self"}]}))
    assert (capture.event_kind, capture.status_category, capture.attempt_id, capture.payment_id) == (
        "CAPTURE", "APPROVED", _PP_AUTH, _PP_ORDER)
    refund = {"id": "1JU08902781691411", "status": "FAILED", "amount": amount,
              "supplementary_data": {"related_ids": {**related, "capture_id": _PP_CAPTURE}},
              "links": [{"href": f"{_PP_HOST}/v2/payments/refunds/1JU08902781691411", "rel": "self"}]}
    failed = _event(_paypal_webhook("PAYMENT.CAPTURE.REFUNDED", "refund", refund))
    assert (failed.event_kind, failed.status_category, failed.attempt_id, failed.refund_id) == (
        "REFUND", "DECLINED", _PP_AUTH, "1JU08902781691411")
    pending = _event(_paypal_webhook("PAYMENT.CAPTURE.REFUNDED", "refund", {**refund, "status": "PENDING"}))
    assert (pending.event_kind, pending.status_category) == ("REFUND", "PENDING")
    voided = _event(_paypal_webhook("PAYMENT.AUTHORIZATION.VOIDED", "authorization", {
        "id": _PP_AUTH, "status": "VOIDED", "amount": amount,
        "links": [{"href": f"{_PP_HOST}/v2/payments/authorizations/{_PP_AUTH}", "rel": "self"}]}))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", _PP_AUTH)


def test_paypal_capture_intent_order_and_its_capture_are_one_attempt():
    capture = {"id": _PP_CAPTURE, "status": "COMPLETED", "amount": {"currency_code": "USD", "value": "100.00"},
               "final_capture": True, "supplementary_data": {"related_ids": {"order_id": _PP_ORDER}}}
    order = {"id": _PP_ORDER, "intent": "CAPTURE", "status": "COMPLETED",
             "purchase_units": [{"amount": {"currency_code": "USD", "value": "100.00"},
                                 "payments": {"captures": [capture]}}]}
    from_order = _event(order)
    from_capture = _event(_paypal_webhook("PAYMENT.CAPTURE.COMPLETED", "capture", capture))
    for event in (from_order, from_capture):
        assert (event.event_kind, event.status_category, event.attempt_id, event.payment_id) == (
            "AUTHORIZATION", "APPROVED", _PP_CAPTURE, _PP_ORDER)
    approved = _event(_paypal_webhook("CHECKOUT.ORDER.APPROVED", "checkout-order", {
        "id": _PP_ORDER, "intent": "CAPTURE", "status": "APPROVED",
        "purchase_units": [{"amount": {"currency_code": "USD", "value": "100.00"}}]}))
    assert (approved.event_kind, approved.attempt_id, approved.payment_id) == ("PAYMENT", None, _PP_ORDER)


def _braintree_sale(**fields):
    sale = {"id": "bt7sale1", "type": "sale", "status": "settled", "amount": "10.00", "currency_iso_code": "USD",
            "processor_response_code": "1000", "order_id": "order-77", "refunded_transaction_id": None,
            "billing_details": {"country_code_alpha2": "US"}}
    return {**sale, **fields}


def test_braintree_refund_and_void_name_the_sale_as_their_attempt():
    # /docs/reference/response/transaction: a credit's refunded_transaction_id is the sale it refunds.
    sale = _event(_braintree_sale())
    assert (sale.event_kind, sale.status_category, sale.attempt_id, sale.payment_id) == (
        "AUTHORIZATION", "APPROVED", "bt7sale1", "order-77")
    assert (sale.customer_country, sale.country) == ("US", "US")
    refund = _event(_braintree_sale(id="bt7cred1", type="credit", status="submitted_for_settlement",
                                    refunded_transaction_id="bt7sale1", processor_response_code="1002"))
    assert (refund.event_kind, refund.status_category, refund.attempt_id, refund.refund_id) == (
        "REFUND", "REFUNDED", "bt7sale1", "bt7cred1")
    declined = _event(_braintree_sale(id="bt7cred2", type="credit", status="processor_declined",
                                      refunded_transaction_id="bt7sale1", processor_response_code="2005"))
    assert (declined.event_kind, declined.status_category, declined.attempt_id) == ("REFUND", "DECLINED", "bt7sale1")
    voided = _event(_braintree_sale(status="voided"))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", "bt7sale1")


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
