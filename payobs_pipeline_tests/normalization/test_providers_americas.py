"""PayU, EBANX, Square and Authorize.net mappings against their labeled corpus cases.

Each case is a lake row modeled on the provider's documentation; its labels were
decided from that documentation and TAXONOMY.md, so a mapping change that
misreads a status, a reason code, an amount unit or a payment method fails here.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from payobs_pipeline.normalization.evaluation import _value, load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, Normalizer
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

PROVIDERS = ("payu", "ebanx", "square", "authorizenet")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HINT_KEYS = ("provider", "psp", "gateway", "p_id")

MODULES = {name: importlib.import_module(f"payobs_pipeline.normalization.providers.{name}") for name in PROVIDERS}
MAPPINGS = {name: CompiledMapping(module.SPEC, getattr(module, "prepare", None)) for name, module in MODULES.items()}
# The registered mappings plus ours, whether or not ours are registered yet.
NORMALIZER = Normalizer(
    [m for m in builtin_mappings() if m.provider not in MAPPINGS] + list(MAPPINGS.values())
)
CASES = [case for name in PROVIDERS for case in load_cases(CORPUS / f"{name}.json")]
# sdk_and_docs_examples/: SDK fixtures and docs examples (earlier round, training data).
DOCS_EXAMPLES_PAYU_AUTHORIZENET = ("payu", "authorizenet")
CASES += [case for name in DOCS_EXAMPLES_PAYU_AUTHORIZENET for case in load_cases(CORPUS / "sdk_and_docs_examples" / f"{name}.json")]
# other_event_kinds/ (earlier round, training data): other event types, wallets, wrappers; rows that are no payment outcome stay unprocessed.
OTHER_KINDS_PAYU_AUTHORIZENET = [c for name in DOCS_EXAMPLES_PAYU_AUTHORIZENET for c in load_cases(CORPUS / "other_event_kinds" / f"{name}.json")]
CASES += [case for case in OTHER_KINDS_PAYU_AUTHORIZENET if "unprocessed" not in case["expected"]]
EBANX_DOCS_EXAMPLES = load_cases(CORPUS / "sdk_and_docs_examples" / "ebanx.json")
# other_event_kinds/ (earlier round, training data): payouts, chargeback notifications, wrappers and more payment methods.
EBANX_DOCS_EXAMPLES += load_cases(CORPUS / "other_event_kinds" / "ebanx.json")
CASES += [case for case in EBANX_DOCS_EXAMPLES if "unprocessed" not in case["expected"]]
CASES += load_cases(CORPUS / "sdk_and_docs_examples" / "square.json")
# other_event_kinds/ for Square (earlier round, training data): webhooks about payouts, Terminal checkouts and invoices are not payments.
SQUARE_OTHER_KINDS = load_cases(CORPUS / "other_event_kinds" / "square.json")
CASES += [case for case in SQUARE_OTHER_KINDS if "unprocessed" not in case["expected"]]


def _has_hint(data: object) -> bool:
    return isinstance(data, dict) and any(key in data for key in HINT_KEYS)


def _case_params(cases):
    for case in cases:
        yield pytest.param(case, id=f"{case['file'][:-5]}:{case['name']}")


@pytest.mark.parametrize("case", list(_case_params(CASES)))
def test_corpus_case_normalizes_to_its_labels(case):
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is not None, f"unprocessed: {outcome.unprocessed_reason}"
    got = {name: _value(outcome.event, name) for name in case["expected"]}
    assert got == case["expected"]


@pytest.mark.parametrize("case", [c for c in EBANX_DOCS_EXAMPLES if "unprocessed" in c["expected"]],
                         ids=[c["name"] for c in EBANX_DOCS_EXAMPLES if "unprocessed" in c["expected"]])
def test_ebanx_notification_without_outcome_stays_unprocessed(case):
    """A notification names payment hashes only, a payout is no payment: each stays unprocessed with its reason."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == case["expected"]["unprocessed"]


@pytest.mark.parametrize("case", [c for c in OTHER_KINDS_PAYU_AUTHORIZENET if "unprocessed" in c["expected"]],
                         ids=[c["name"] for c in OTHER_KINDS_PAYU_AUTHORIZENET if "unprocessed" in c["expected"]])
def test_payu_authorizenet_row_without_a_payment_outcome_stays_unprocessed(case):
    """Customer/subscription webhooks and refused voids are never read as payment outcomes."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == case["expected"]["unprocessed"]


@pytest.mark.parametrize("case", [c for c in SQUARE_OTHER_KINDS if "unprocessed" in c["expected"]],
                         ids=[c["name"] for c in SQUARE_OTHER_KINDS if "unprocessed" in c["expected"]])
def test_square_event_about_no_payment_stays_unprocessed(case):
    """A payout or invoice webhook is never counted as a payment outcome (a payout.paid is no approval)."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == case["expected"]["unprocessed"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_corpus_covers_the_required_ground(provider):
    cases = load_cases(CORPUS / f"{provider}.json")
    statuses = {c["expected"]["status_category"] for c in cases}
    reasons = {c["expected"]["failure_reason"] for c in cases} - {None}
    assert len(cases) >= 12
    assert {"APPROVED", "DECLINED", "PENDING"} <= statuses or {"APPROVED", "DECLINED", "CANCELLED"} <= statuses
    assert len(reasons) >= 4, "declines and errors with several different reason codes"
    assert any(_has_hint(c["data"]) for c in cases) and any(not _has_hint(c["data"]) for c in cases)
    for case in cases:
        for field in ("provider", "status_category", "failure_reason", "amount_minor", "currency"):
            assert field in case["expected"], f"{case['name']} does not label {field}"


@pytest.mark.parametrize("case", [c for c in CASES if not _has_hint(c["data"])],
                         ids=[f"{c['file'][:-5]}:{c['name']}" for c in CASES if not _has_hint(c["data"])])
def test_unhinted_payload_is_recognised_by_shape(case):
    body = parse_lake_data(json.dumps(case["data"])).body
    own = MAPPINGS[case["expected"]["provider"]]
    assert own.shape_score(body) >= SHAPE_DETECTION_THRESHOLD
    rivals = {m.provider: m.shape_score(body) for m in NORMALIZER.mappings if m is not own}
    assert max(rivals.values()) < own.shape_score(body), rivals


def _other_corpus_bodies():
    for file in sorted(CORPUS.glob("*.json")):
        if file.stem in PROVIDERS:
            continue
        for case in json.loads(file.read_text()):
            try:
                yield f"{file.stem}:{case.get('name')}", parse_lake_data(json.dumps(case["data"])).body
            except PayloadParseError:
                continue


@pytest.mark.parametrize("provider", PROVIDERS)
def test_other_providers_payloads_do_not_look_like_ours(provider):
    mapping = MAPPINGS[provider]
    misread = {label: score for label, body in _other_corpus_bodies()
               if (score := mapping.shape_score(body)) >= SHAPE_DETECTION_THRESHOLD}
    assert not misread


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_status_in_the_spec_maps_to_a_status_category(provider):
    spec = MODULES[provider].SPEC
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", ())]
    values = [value for status_map in maps for value in status_map.values()]
    fixed = [v["status"] for v in spec.get("variants", ()) if v.get("status")]
    assert values
    for value in values + fixed:
        assert StatusCategory(value)  # raises on a value outside the taxonomy
    # Compiled, every variant holds the same statuses, lower-cased for lookup.
    for variant in MAPPINGS[provider].variants:
        merged = {**spec.get("status_map", {}),
                  **next((v.get("status_map", {}) for v in spec["variants"] if v.get("name") == variant.name), {})}
        assert variant.status_map == {k.lower(): StatusCategory(v) for k, v in merged.items()}


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


_EBANX_PAYMENT = {"hash": "5925f3653b2c75e9ce7b2a8b2a8b4fe2a8fff3f33c8ed7f5", "merchant_payment_code": "order-lc1",
                  "country": "br", "status": "CO", "status_date": "2024-05-24 17:15:33", "amount_ext": "100.00",
                  "currency_ext": "BRL", "payment_type_code": "visa", "pre_approved": True,
                  "transaction_status": {"acquirer": "EBANX", "code": "OK", "description": "Accepted"}}


def test_ebanx_refund_and_void_name_the_payment_hash():
    hash_ = _EBANX_PAYMENT["hash"]
    payment = _event({"payment": _EBANX_PAYMENT, "status": "SUCCESS"})
    refund = {"id": "59482", "merchant_refund_code": "refund-1", "amount_ext": "40.00",
              "request_date": "2024-05-25 10:00:00"}
    confirmed = _event({"payment": _EBANX_PAYMENT, "refund": {**refund, "status": "CO"}, "status": "SUCCESS"})
    cancelled = _event({"payment": _EBANX_PAYMENT, "refund": {**refund, "status": "CA"}, "status": "SUCCESS"})
    voided = _event({"payment": {**_EBANX_PAYMENT, "status": "CA"}, "status": "SUCCESS"})
    assert _identity(payment) == ("AUTHORIZATION", "APPROVED", hash_, "order-lc1", None, None)
    assert payment.customer_country == "BR"
    assert _identity(confirmed) == ("REFUND", "REFUNDED", hash_, "order-lc1", "59482", None)
    assert _identity(cancelled) == ("REFUND", "CANCELLED", hash_, "order-lc1", "59482", None)
    assert _identity(voided) == ("VOID", "CANCELLED", hash_, "order-lc1", None, None)


_SQUARE_PAYMENT = {"id": "sq-pay-1", "order_id": "sq-order-1", "location_id": "L1", "source_type": "CARD",
                   "created_at": "2024-03-02T10:00:00.000Z", "amount_money": {"amount": 4250, "currency": "USD"},
                   "billing_address": {"country": "US"}}


def _square_webhook(kind, obj):
    return {"merchant_id": "M1", "type": f"{kind}.updated", "event_id": "e1", "created_at": "2024-03-02T10:00:02Z",
            "data": {"type": kind, "id": obj["id"], "object": {kind: obj}}}


def test_square_lifecycle_rows_share_the_payment_as_attempt():
    approved = _event(_square_webhook("payment", {**_SQUARE_PAYMENT, "status": "APPROVED",
                                                  "card_details": {"status": "AUTHORIZED"}}))
    canceled = _event(_square_webhook("payment", {**_SQUARE_PAYMENT, "status": "CANCELED",
                                                  "card_details": {"status": "VOIDED"}}))
    refund = {"id": "sq-refund-1", "payment_id": "sq-pay-1", "order_id": "sq-order-1", "location_id": "L1",
              "amount_money": {"amount": 1000, "currency": "USD"}, "created_at": "2024-03-03T10:00:00Z"}
    completed = _event(_square_webhook("refund", {**refund, "status": "COMPLETED"}))
    failed = _event(_square_webhook("refund", {**refund, "status": "FAILED"}))
    rejected = _event(_square_webhook("refund", {**refund, "status": "REJECTED"}))
    pending = _event(_square_webhook("refund", {**refund, "status": "PENDING"}))
    dispute = _event(_square_webhook("dispute", {
        "id": "sq-dispute-1", "state": "EVIDENCE_REQUIRED", "reason": "NOT_AS_DESCRIBED",
        "amount_money": {"amount": 4250, "currency": "USD"}, "disputed_payment": {"payment_id": "sq-pay-1"},
        "card_brand": "VISA", "created_at": "2024-03-10T10:00:00Z"}))
    assert _identity(approved) == ("AUTHORIZATION", "APPROVED", "sq-pay-1", "sq-order-1", None, None)
    assert approved.customer_country == "US"
    assert _identity(canceled) == ("VOID", "CANCELLED", "sq-pay-1", "sq-order-1", None, None)
    assert _identity(completed) == ("REFUND", "REFUNDED", "sq-pay-1", "sq-order-1", "sq-refund-1", None)
    assert _identity(failed)[:2] == _identity(rejected)[:2] == ("REFUND", "DECLINED")
    assert _identity(pending)[:3] == ("REFUND", "PENDING", "sq-pay-1")
    assert _identity(dispute) == ("DISPUTE", "CHARGEBACK", "sq-pay-1", None, None, "sq-dispute-1")


def _anet_response(response_code, trans_id, request):
    # createTransactionResponse with the createTransactionRequest's transactionRequest kept beside it.
    return {"transactionRequest": {"amount": "25.00", **request},
            "transactionResponse": {"responseCode": response_code, "transId": trans_id, "accountType": "Visa"},
            "messages": {"resultCode": "Ok", "message": [{"code": "I00001", "text": "Successful."}]}}


def test_authorizenet_follow_on_transactions_name_the_authorization():
    auth = _event(_anet_response("1", "60001", {"transactionType": "authOnlyTransaction",
                                                "billTo": {"country": "US"}}))
    capture = _event(_anet_response("1", "60001", {"transactionType": "priorAuthCaptureTransaction",
                                                   "refTransId": "60001"}))
    refund = _event(_anet_response("1", "60002", {"transactionType": "refundTransaction", "refTransId": "60001"}))
    refund_declined = _event(_anet_response("2", "0", {"transactionType": "refundTransaction",
                                                       "refTransId": "60001"}))
    void = _event(_anet_response("1", "60001", {"transactionType": "voidTransaction", "refTransId": "60001"}))
    void_failed = _event(_anet_response("3", "0", {"transactionType": "voidTransaction", "refTransId": "60001"}))
    assert _identity(auth) == ("AUTHORIZATION", "APPROVED", "60001", None, None, None)
    assert auth.customer_country == "US"
    assert _identity(capture) == ("CAPTURE", "APPROVED", "60001", None, None, None)
    assert _identity(refund) == ("REFUND", "REFUNDED", "60001", None, "60002", None)
    assert _identity(refund_declined)[:3] == ("REFUND", "DECLINED", "60001")
    assert _identity(void) == ("VOID", "CANCELLED", "60001", None, None, None)
    assert _identity(void_failed)[:3] == ("VOID", "ERROR", "60001")


def test_authorizenet_webhooks_and_details_give_kinds():
    def webhook(event_type, trans_id, code=1):
        return {"notificationId": "n1", "eventType": event_type, "eventDate": "2024-06-10T10:00:00Z",
                "webhookId": "w1", "payload": {"responseCode": code, "authAmount": 25.0, "entityName": "transaction",
                                               "id": trans_id}}

    voided = _event(webhook("net.authorize.payment.void.created", "60001"))
    refunded = _event(webhook("net.authorize.payment.refund.created", "60002"))
    captured = _event(webhook("net.authorize.payment.priorAuthCapture.created", "60001"))
    assert _identity(voided) == ("VOID", "CANCELLED", "60001", None, None, None)
    # The refund webhook does not name the refunded transaction: no attempt_id rather than a wrong one.
    assert _identity(refunded) == ("REFUND", "REFUNDED", None, None, "60002", None)
    assert _identity(captured) == ("CAPTURE", "APPROVED", "60001", None, None, None)
    details = _event({"transaction": {"transId": "60002", "refTransId": "60001", "transactionType": "refundTransaction",
                                      "transactionStatus": "refundSettledSuccessfully", "settleAmount": "10.00",
                                      "submitTimeUTC": "2024-06-11T10:00:00Z"},
                      "messages": {"resultCode": "Ok"}})
    assert _identity(details) == ("REFUND", "REFUNDED", "60001", None, "60002", None)


def test_no_spec_of_ours_uses_the_deprecated_country_field():
    for name in PROVIDERS:
        spec = MODULES[name].SPEC
        for part in (spec, *spec["variants"]):
            assert "country" not in part.get("fields", {}), (name, part.get("name"))
