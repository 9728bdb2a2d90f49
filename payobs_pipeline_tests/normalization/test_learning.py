"""Learned mappings, the pure part: prompts, answer schemas, and the validation that decides what is trusted."""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization import learning
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.formats import read_lake_payload
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.mapping import CANONICAL_FIELDS, CompiledMapping
from payobs_pipeline.normalization.normalize import Normalizer
from payobs_pipeline.normalization.pii import luhn_valid
from payobs_pipeline.normalization.taxonomy import (
    DeclineType,
    EventKind,
    FailureReason,
    PaymentMethod,
    StatusCategory,
)
from payobs_pipeline.normalization.learning import RejectedSpec, validate_spec


def sample(ref: str, state: str, value: str, code: str | None = None, method: str = "card") -> dict:
    return {
        "gateway": "acmepay",
        "txn": {"ref": ref, "state": state, "money": {"value": value, "ccy": "EUR"}, "method": method,
                "when": "2024-05-01T10:00:00Z", "decline": code},
    }


SAMPLES = [sample("AC-1", "PAID", "10.50"), sample("AC-2", "REFUSED", "99.00", "NSF"),
           sample("AC-3", "paid", "1250", method="sepa")]
FINGERPRINT = shape_fingerprint(SAMPLES[0])


def fields(**paths) -> list[dict]:
    return [{"field": name, "paths": p if isinstance(p, list) else [p], "join_separator": None}
            for name, p in paths.items()]


# A correct answer in MAPPING_SPEC_SCHEMA's form (lists of pairs).
CORRECT = {
    "provider": "acmepay",
    "amount_unit": "major",
    "default_currency": None,
    "fields": fields(provider_transaction_id="txn.ref", status="txn.state", reason_code="txn.decline",
                     amount="txn.money.value", currency="txn.money.ccy", event_time="txn.when",
                     payment_method="txn.method"),
    "status_map": [{"value": "paid", "status": "APPROVED"}, {"value": "refused", "status": "DECLINED"}],
    "reason_map": [{"code": "NSF", "reason": "INSUFFICIENT_FUNDS", "decline_type": None},
                   {"code": "LOST", "reason": "LOST_OR_STOLEN_CARD", "decline_type": "HARD"}],
    "payment_method_map": [{"value": "card", "method": "CARD"}, {"value": "sepa", "method": "DIRECT_DEBIT"}],
    "variants": [{"name": "transaction", "match": [{"path": "txn.ref", "operator": "exists", "values": ["true"]}],
                  "root": None, "event_kind": None, "status": None, "not_a_payment": None, "fields": [],
                  "status_map": []}],
    "confidence": 0.9,
    "notes": "",
}


def answer(**changes) -> dict:
    wrong = copy.deepcopy(CORRECT)
    wrong.update(changes)
    return wrong


# --- the schemas ------------------------------------------------------------------------------------------


def conforms(value, schema) -> bool:
    """A small validator for the subset of JSON Schema the answer schemas use."""
    types = schema.get("type")
    types = [types] if isinstance(types, str) else (types or [])
    python = {"object": dict, "array": list, "string": str, "number": (int, float), "boolean": bool,
              "null": type(None)}
    if types and not any(isinstance(value, python[t]) and not (t == "number" and isinstance(value, bool))
                         for t in types):
        return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    if isinstance(value, dict):
        props = schema.get("properties", {})
        if set(schema.get("required", [])) - set(value) or (schema.get("additionalProperties") is False
                                                              and set(value) - set(props)):
            return False
        return all(conforms(value[k], props[k]) for k in value if k in props)
    if isinstance(value, list) and "items" in schema:
        return all(conforms(item, schema["items"]) for item in value)
    return True


def objects_of(schema):
    if schema.get("type") == "object":
        yield schema
        for sub in schema["properties"].values():
            yield from objects_of(sub)
    elif "items" in schema:
        yield from objects_of(schema["items"])


@pytest.mark.parametrize("schema", [learning.MAPPING_SPEC_SCHEMA, learning.EXTENSION_SCHEMA,
                                    learning.EXTRACTION_SCHEMA])
def test_answer_schemas_follow_openai_strict_mode_rules(schema):
    for obj in objects_of(schema):  # every property required, nothing else allowed, no free-form maps
        assert obj["additionalProperties"] is False
        assert obj["required"] == list(obj["properties"])
    json.dumps(schema)


def test_the_mapping_schema_names_exactly_the_taxonomy():
    fields_schema = learning.MAPPING_SPEC_SCHEMA["properties"]["fields"]["items"]["properties"]
    assert fields_schema["field"]["enum"] == list(CANONICAL_FIELDS)
    props = learning.MAPPING_SPEC_SCHEMA["properties"]
    assert props["status_map"]["items"]["properties"]["status"]["enum"] == [s.value for s in StatusCategory]
    assert props["reason_map"]["items"]["properties"]["reason"]["enum"] == [r.value for r in FailureReason]
    assert props["payment_method_map"]["items"]["properties"]["method"]["enum"] == [m.value for m in PaymentMethod]
    assert props["amount_unit"]["enum"] == ["minor", "major"]
    kinds = props["variants"]["items"]["properties"]["event_kind"]["enum"]
    assert kinds == [k.value for k in EventKind] + [None]
    assert conforms(CORRECT, learning.MAPPING_SPEC_SCHEMA)
    assert not conforms(answer(status_map=[{"value": "paid", "status": "SUCCESS"}]), learning.MAPPING_SPEC_SCHEMA)


# --- prompts -------------------------------------------------------------------------------------------------


def test_the_mapping_prompt_explains_the_spec_format_and_carries_the_samples():
    messages = learning.mapping_request(SAMPLES, "AcmePay")
    assert [m["role"] for m in messages] == ["system", "user"]
    system, user = messages[0]["content"], messages[1]["content"]
    for word in [*CANONICAL_FIELDS, *StatusCategory, *FailureReason, *PaymentMethod, *EventKind, *DeclineType]:
        assert word in system, word
    for phrase in ('"minor"', '"major"', "dotted", '"^"', "@name", "#text", "variant", "match", "prefix", "exists",
                   "not_a_payment", "join_separator", "root"):
        assert phrase in system, phrase
    assert "AcmePay" in user
    for body in SAMPLES:
        assert json.dumps(body, sort_keys=True) in user
    assert learning.PROMPT_VERSION


def test_at_most_five_samples_and_each_cut_to_size():
    huge = {"blob": "x" * (learning.MAX_SAMPLE_CHARS * 2)}
    user = learning.mapping_request([huge] * 9, None)[1]["content"]
    assert user.count("Sample ") == learning.MAX_SAMPLES
    assert len(user) < learning.MAX_SAMPLES * (learning.MAX_SAMPLE_CHARS + 100) + 500
    assert "No provider hint" in user


def with_check_digit(partial: str) -> str:
    return next(partial + d for d in "0123456789" if luhn_valid(partial + d))


# Card numbers (Luhn-valid, several layouts), security codes and e-mail addresses.
CARDS = ["4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", with_check_digit("601100099990001")]
CVVS = ["9173", "8264", "615"]
EMAILS = ["jane.doe.secret@example.com", "billing-owner@acme.test"]


def pii_samples() -> list[dict]:
    return [
        {"txn": {"ref": "PII-1", "state": "paid", "amount": "10.00", "ccy": "EUR",
                 "card": {"number": CARDS[0], "cvv": CVVS[0], "holder_email": EMAILS[0]},
                 "note": f"customer {EMAILS[1]} paid with {CARDS[1]} cvc={CVVS[1]}"}},
        {"txn": {"ref": "PII-2", "state": "paid", "amount": "20.00", "ccy": "EUR",
                 "card": {"number": int(CARDS[2]), "securityCode": CVVS[2], "holder_email": EMAILS[1]},
                 "note": f"pan {CARDS[3]}"}},
    ]


def assert_no_pii(text: str) -> None:
    for card in CARDS:
        for form in (card, card.replace(" ", "").replace("-", "")):
            assert form not in text, form
    for code in CVVS:
        assert code not in text, code
    for email in EMAILS:
        assert email not in text and email.split("@")[0] not in text, email


def test_prompts_hold_no_card_number_security_code_or_email_even_from_unmasked_samples():
    samples = pii_samples()
    texts = [
        json.dumps(learning.mapping_request(samples, f"acme {EMAILS[0]}")),
        json.dumps(learning.extraction_request(samples[0])),
        json.dumps(learning.extension_request({"provider": "acme", "note": CARDS[0]}, samples,
                                              {"status": [f"new {CARDS[1]}"]})),
    ]
    for text in texts:
        assert_no_pii(text)
    assert "PII-1" in texts[0] and "411111******1111" in texts[0]  # the rest of the document is still there


# --- validation of a spec -----------------------------------------------------------------------------------


def test_a_correct_answer_becomes_a_compiled_mapping_that_normalizes_the_samples():
    compiled = validate_spec(CORRECT, SAMPLES, FINGERPRINT)
    assert isinstance(compiled, CompiledMapping)
    assert compiled.spec["status_map"] == {"paid": "APPROVED", "refused": "DECLINED"}
    assert compiled.spec["reason_map"]["LOST"] == {"reason": "LOST_OR_STOLEN_CARD", "decline_type": "HARD"}
    paid, refused, sepa = (compiled.apply(s) for s in SAMPLES)
    assert (paid.status_category, paid.amount_minor, paid.currency, paid.payment_method) == (
        "APPROVED", 1050, "EUR", "CARD")
    assert (refused.status_category, refused.failure_reason, refused.amount_minor) == (
        "DECLINED", "INSUFFICIENT_FUNDS", 9900)
    assert (sepa.amount_minor, sepa.payment_method) == (125000, "DIRECT_DEBIT")
    # The stored spec (compiled.spec) is engine format: the cascade applies it by fingerprint.
    stored = json.loads(json.dumps(compiled.spec))
    normalizer = Normalizer(learned={FINGERPRINT: CompiledMapping(stored)})
    event = normalizer.normalize(read_lake_payload(json.dumps(SAMPLES[1])))
    assert isinstance(event, CanonicalEvent)
    assert (event.normalization_method, event.status_category, event.failure_reason) == (
        "learned_mapping", "DECLINED", "INSUFFICIENT_FUNDS")


def test_spec_from_answer_and_engine_format_specs_validate_alike():
    spec = learning.spec_from_answer(CORRECT)
    assert spec["fields"]["amount"] == ["txn.money.value"]
    assert spec["variants"][0]["match"] == {"txn.ref": {"exists": True}}
    assert validate_spec(spec, SAMPLES, FINGERPRINT).spec == spec


def test_conditions_and_joined_fields_convert_to_the_engine_format():
    converted = learning.spec_from_answer(answer(
        fields=[{"field": "status", "paths": ["txn.state", "txn.decline"], "join_separator": "/"}],
        variants=[{"name": "v", "root": "txn", "event_kind": "REFUND", "status": None, "not_a_payment": None,
                   "fields": [], "status_map": [],
                   "match": [{"path": "gateway", "operator": "equals", "values": ["acmepay"]},
                             {"path": "txn.ref", "operator": "prefix", "values": ["AC-", "AX-"]},
                             {"path": "txn.method", "operator": "in", "values": ["card", "sepa"]},
                             {"path": "txn.voided", "operator": "exists", "values": ["false"]}]}]))
    assert converted["fields"]["status"] == {"join": ["txn.state", "txn.decline"], "sep": "/"}
    variant = converted["variants"][0]
    assert variant["match"] == {"gateway": "acmepay", "txn.ref": {"prefix": ["AC-", "AX-"]},
                                "txn.method": ["card", "sepa"], "txn.voided": {"exists": False}}
    assert (variant["root"], variant["event_kind"]) == ("txn", "REFUND")
    CompiledMapping(converted)


@pytest.mark.parametrize("wrong, reason", [
    (answer(provider=""), "EMPTY_PROVIDER"),
    (answer(provider="   "), "EMPTY_PROVIDER"),
    (answer(status_map=[{"value": "paid", "status": "SUCCESS"}]), "OUTSIDE_TAXONOMY"),
    (answer(reason_map=[{"code": "NSF", "reason": "NO_MONEY", "decline_type": None}]), "OUTSIDE_TAXONOMY"),
    (answer(reason_map=[{"code": "NSF", "reason": "INSUFFICIENT_FUNDS", "decline_type": "MEDIUM"}]),
     "OUTSIDE_TAXONOMY"),
    (answer(payment_method_map=[{"value": "card", "method": "CREDIT_CARD"}]), "OUTSIDE_TAXONOMY"),
    (answer(variants=[{**CORRECT["variants"][0], "event_kind": "SALE"}]), "OUTSIDE_TAXONOMY"),
    (answer(variants=[{**CORRECT["variants"][0], "status": "OK"}]), "OUTSIDE_TAXONOMY"),
    (answer(fields=[*CORRECT["fields"], {"field": "amount_cents", "paths": ["txn.money.value"],
                                          "join_separator": None}]), "SPEC_DOES_NOT_COMPILE"),
    (answer(fields=[{"field": "status", "paths": ["^"], "join_separator": None}]), "SPEC_DOES_NOT_COMPILE"),
    (answer(amount_unit="cents"), "SPEC_DOES_NOT_COMPILE"),
    (answer(variants=[{**CORRECT["variants"][0],
                       "match": [{"path": "object", "operator": "equals", "values": ["charge"]}]}]),
     "NO_MATCHING_VARIANT"),
    (answer(status_map=[{"value": "paid", "status": "APPROVED"}]), "SAMPLE_NOT_NORMALIZED"),  # REFUSED unmapped
    (answer(amount_unit="minor"), "SAMPLE_NOT_NORMALIZED"),  # "10.50" is not an amount in minor units
    (answer(fields=fields(status="txn.state", amount="txn.money.value")), "SAMPLE_NOT_NORMALIZED"),  # no currency
    (answer(fields=fields(status="txn.state", amount="txn.money.value"), default_currency="USD"),
     "CURRENCY_NOT_IN_SAMPLE"),
    (answer(fields="txn.state"), "NOT_AN_ANSWER"),
    (answer(variants=[{"name": "v", "match": [{"path": "txn.ref", "operator": "near", "values": []}]}]),
     "NOT_AN_ANSWER"),
])
def test_wrong_specs_are_rejected_with_a_reason(wrong, reason):
    with pytest.raises(RejectedSpec) as rejected:
        validate_spec(wrong, SAMPLES, FINGERPRINT)
    assert rejected.value.reason_code == reason, rejected.value.detail
    assert rejected.value.detail


def test_engine_format_specs_with_values_outside_the_taxonomy_are_rejected():
    spec = learning.spec_from_answer(CORRECT)
    for path, value in (("status_map", {"paid": "approved!"}), ("payment_method_map", {"card": "PLASTIC"}),
                        ("reason_map", {"NSF": {"reason": "INSUFFICIENT_FUNDS", "source": "BANK"}}),
                        ("rules", [{"when": {"txn.state": "paid"}, "set": {"status_category": "FINE"}}])):
        with pytest.raises(RejectedSpec) as rejected:
            validate_spec({**spec, path: value}, SAMPLES, FINGERPRINT)
        assert rejected.value.reason_code == "OUTSIDE_TAXONOMY", path


def test_a_default_currency_written_in_the_sample_is_accepted():
    bodies = [{"id": "X1", "status": "ok", "total": 500, "info": "prices in JPY"},
              {"id": "X2", "status": "ok", "total": 700, "info": "JPY"}]
    spec = {"provider": "yen", "amount_unit": "minor", "default_currency": "JPY", "status_map": {"ok": "APPROVED"},
            "fields": {"status": ["status"], "amount": ["total"], "provider_transaction_id": ["id"]}}
    fingerprint = shape_fingerprint(bodies[0])
    assert validate_spec(spec, bodies[1:], fingerprint).apply(bodies[1]).amount_minor == 700
    with pytest.raises(RejectedSpec) as rejected:  # the first sample names JPY only inside a sentence
        validate_spec(spec, bodies, fingerprint)
    assert rejected.value.reason_code == "CURRENCY_NOT_IN_SAMPLE"


def test_no_samples_or_samples_of_another_shape_are_rejected():
    with pytest.raises(RejectedSpec, match="NO_SAMPLES"):
        validate_spec(CORRECT, [], FINGERPRINT)
    with pytest.raises(RejectedSpec, match="SAMPLE_SHAPE_MISMATCH"):
        validate_spec(CORRECT, [*SAMPLES, {"other": 1}], FINGERPRINT)


def test_a_variant_saying_not_a_payment_is_accepted_and_keeps_such_rows_out():
    payout = {"gateway": "acmepay", "txn": {**SAMPLES[0]["txn"], "state": "PAYOUT_SENT"}}
    spec = answer(variants=[
        {"name": "payout", "match": [{"path": "txn.state", "operator": "prefix", "values": ["payout"]}],
         "root": None, "event_kind": None, "status": None, "not_a_payment": "a payout to the merchant",
         "fields": [], "status_map": []},
        CORRECT["variants"][0]])
    compiled = validate_spec(spec, [*SAMPLES, payout], FINGERPRINT)
    assert compiled.variant_for(payout).not_a_payment


# --- extension --------------------------------------------------------------------------------------------------


def test_an_extension_adds_new_values_and_never_overwrites_known_ones():
    spec = validate_spec(CORRECT, SAMPLES, FINGERPRINT).spec
    messages = learning.extension_request(spec, SAMPLES, {"status": ["CHARGED_BACK"], "reason_code": ["R7"]})
    assert "CHARGED_BACK" in messages[1]["content"] and "R7" in messages[1]["content"]
    extension = {"status_map": [{"value": "charged_back", "status": "CHARGEBACK"},
                                {"value": "PAID", "status": "DECLINED"}],  # a known value: ignored
                 "reason_map": [{"code": "R7", "reason": "REVOKED", "decline_type": "HARD"}],
                 "payment_method_map": [], "notes": ""}
    assert conforms(extension, learning.EXTENSION_SCHEMA)
    extended = learning.extend_spec(spec, extension)
    assert extended["status_map"] == {"paid": "APPROVED", "refused": "DECLINED", "charged_back": "CHARGEBACK"}
    assert extended["reason_map"]["R7"] == {"reason": "REVOKED", "decline_type": "HARD"}
    assert spec["status_map"] == {"paid": "APPROVED", "refused": "DECLINED"}  # the stored spec is not changed
    chargeback = sample("AC-9", "CHARGED_BACK", "5.00")
    event = validate_spec(extended, [*SAMPLES, chargeback], FINGERPRINT).apply(chargeback)
    assert (event.status_category, event.event_kind) == ("CHARGEBACK", "DISPUTE")
    # An answer in the full mapping schema's form extends the same way (only its maps are read).
    assert learning.extend_spec(spec, answer(status_map=extension["status_map"]))["status_map"] == \
        extended["status_map"]


# --- per-event extraction ------------------------------------------------------------------------------------


def extraction(**changes) -> dict:
    base = {"is_payment_event": True, "provider": "acmepay", "provider_transaction_id": "AC-2",
            "raw_status": "REFUSED", "status_category": "DECLINED", "event_kind": "AUTHORIZATION",
            "raw_reason_code": "NSF", "failure_reason": "INSUFFICIENT_FUNDS", "amount": "99.00",
            "amount_unit": "major", "currency": "EUR", "event_time": "2024-05-01T10:00:00Z",
            "payment_method": "CARD", "card_brand": None, "confidence": 0.95}
    return {**base, **changes}


def test_an_extraction_becomes_an_event_with_capped_confidence():
    assert conforms(extraction(), learning.EXTRACTION_SCHEMA)
    event = learning.event_from_extraction(extraction(), SAMPLES[1])
    assert (event.normalization_method, event.variant, event.provider) == ("llm_extraction", "llm_extraction",
                                                                           "acmepay")
    assert (event.status_category, event.failure_reason, event.failure_source, event.decline_type) == (
        "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT")
    assert (event.amount_minor, event.currency, event.attempt_id) == (9900, "EUR", "AC-2")
    assert event.event_time.isoformat() == "2024-05-01T10:00:00+00:00"
    assert event.confidence == learning.MAX_EXTRACTION_CONFIDENCE == 0.8
    assert learning.event_from_extraction(extraction(confidence=0.5), SAMPLES[1]).confidence == 0.5
    assert learning.event_from_extraction(extraction(confidence="high"), SAMPLES[1]).confidence == 0.0


def test_an_approved_extraction_has_no_failure_and_an_unnamed_provider_is_unknown():
    event = learning.event_from_extraction(
        extraction(provider="stripe", raw_status="PAID", status_category="APPROVED", failure_reason="GENERIC_DECLINE",
                   raw_reason_code=None, amount="10.50", provider_transaction_id="AC-1"), SAMPLES[0])
    assert (event.status_category, event.failure_reason, event.failure_source) == ("APPROVED", None, None)
    assert event.provider == "UNKNOWN"  # "stripe" is written nowhere in the document


@pytest.mark.parametrize("changes, reason", [
    ({"amount": "98.00"}, "AMOUNT_NOT_IN_SAMPLE"),
    ({"amount": "9900", "amount_unit": "minor"}, "AMOUNT_NOT_IN_SAMPLE"),  # the document says 99.00
    ({"currency": "USD"}, "CURRENCY_NOT_IN_SAMPLE"),
    ({"currency": "EURO"}, "UNKNOWN_CURRENCY"),
    ({"currency": None}, "MISSING_CURRENCY"),
    ({"amount": "-99.00"}, "NEGATIVE_AMOUNT"),
    ({"provider_transaction_id": "AC-777"}, "VALUE_NOT_IN_SAMPLE"),
    ({"raw_status": "DECLINED_BY_BANK"}, "VALUE_NOT_IN_SAMPLE"),
    ({"status_category": "REJECTED"}, "OUTSIDE_TAXONOMY"),
    ({"failure_reason": "BROKE"}, "OUTSIDE_TAXONOMY"),
    ({"payment_method": "PLASTIC"}, "OUTSIDE_TAXONOMY"),
    ({"event_kind": "SALE"}, "OUTSIDE_TAXONOMY"),
    ({"status_category": None}, "NOT_AN_ANSWER"),
    ({"is_payment_event": False}, "NOT_A_PAYMENT_EVENT"),
])
def test_wrong_extractions_are_rejected_with_a_reason(changes, reason):
    with pytest.raises(RejectedSpec) as rejected:
        learning.event_from_extraction(extraction(**changes), SAMPLES[1])
    assert rejected.value.reason_code == reason, rejected.value.detail
