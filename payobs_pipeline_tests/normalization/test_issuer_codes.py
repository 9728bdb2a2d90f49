"""The shared issuer/card-network code tables and the engine's reason rule (mapping.py docstring)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization import issuer_codes
from payobs_pipeline.normalization.mapping import (
    ERROR_TYPE_REASONS,
    REASON_TABLES,
    CompiledMapping,
    MappingError,
    _reason_entry,
)
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import DeclineType, FailureReason, StatusCategory

# --- the tables ----------------------------------------------------------------------------------


def test_every_iso8583_code_00_to_99_is_covered_once():
    codes = {f"{n:02d}" for n in range(100)}
    outcomes, reasons = set(issuer_codes.ISO8583_OUTCOMES), set(issuer_codes.ISO8583_REASONS)
    assert outcomes | reasons == codes
    assert not outcomes & reasons


@pytest.mark.parametrize("table", ["ISO8583_REASONS", "VISA_REASONS", "AMEX_ACTION_REASONS", "LEGACY_REASONS",
                                   "API_ERROR_TYPE_REASONS"])
def test_every_code_maps_to_a_valid_reason(table):
    for code, entry in getattr(issuer_codes, table).items():
        assert _reason_entry(entry).reason in FailureReason, code  # raises MappingError if not


def test_every_outcome_code_is_a_non_failure_status():
    for table in (issuer_codes.ISO8583_OUTCOMES, issuer_codes.VISA_OUTCOMES, issuer_codes.AMEX_ACTION_OUTCOMES):
        for code, status in table.items():
            assert StatusCategory(status) in (StatusCategory.APPROVED, StatusCategory.PENDING,
                                              StatusCategory.CANCELLED), code


def test_merchant_advice_codes_are_soft_or_hard():
    assert set(issuer_codes.MASTERCARD_ADVICE_DECLINE_TYPES.values()) <= {"SOFT", "HARD"}


# Meanings pinned to their documentation (issuer_codes.py cites the pages).
PINNED = [
    ("iso8583", "05", "GENERIC_DECLINE", None),  # do not honor
    ("iso8583", "51", "INSUFFICIENT_FUNDS", None),  # not sufficient funds
    ("iso8583", "54", "EXPIRED_CARD", None),  # expired card
    ("iso8583", "41", "LOST_OR_STOLEN_CARD", None),  # lost card, pick up
    ("iso8583", "43", "LOST_OR_STOLEN_CARD", None),  # stolen card, pick up
    ("iso8583", "59", "SUSPECTED_FRAUD", None),  # suspected fraud
    ("iso8583", "61", "LIMIT_EXCEEDED", None),  # exceeds withdrawal amount limit
    ("iso8583", "68", "TIMEOUT", None),  # response received too late
    ("iso8583", "75", "AUTHENTICATION_FAILED", "HARD"),  # allowable PIN tries exceeded
    ("iso8583", "91", "ISSUER_UNAVAILABLE", None),  # issuer or switch inoperative
    ("iso8583", "94", "DUPLICATE", None),  # duplicate transmission
    ("iso8583", "96", "PROCESSING_ERROR", None),  # system malfunction
    ("iso8583", "N7", "INCORRECT_CVC", None),  # Visa: decline for CVV2 failure
    ("iso8583", "1A", "AUTHENTICATION_REQUIRED", None),  # Visa: additional customer authentication required
    ("iso8583", "R0", "REVOKED", None),  # Visa: stop payment order
    ("iso8583", "R1", "REVOKED", None),  # Visa: revocation of authorization order
    ("iso8583", "R3", "REVOKED", None),  # Visa: revocation of all authorizations order
    ("iso8583", "65A", "AUTHENTICATION_REQUIRED", None),  # kept from the first table
    ("card_network", "100", "GENERIC_DECLINE", None),  # Amex: deny
    ("card_network", "101", "EXPIRED_CARD", None),  # Amex: expired card
    ("card_network", "116", "INSUFFICIENT_FUNDS", None),  # Amex: not sufficient funds
    ("card_network", "122", "INCORRECT_CVC", None),  # Amex: invalid card security code
    ("card_network", "187", "INVALID_CARD_DATA", "HARD"),  # Amex: deny, new card issued
    ("card_network", "200", "LOST_OR_STOLEN_CARD", None),  # Amex: deny, pick up card
    ("card_network", "912", "ISSUER_UNAVAILABLE", None),  # Amex: issuer not available
    ("card_network", "51", "INSUFFICIENT_FUNDS", None),  # card_network includes ISO 8583
]


@pytest.mark.parametrize(("table", "code", "reason", "decline_type"), PINNED)
def test_pinned_codes_keep_their_documented_meaning(table, code, reason, decline_type):
    entry = REASON_TABLES[table][code.lower()]
    assert entry.reason == reason
    if decline_type:
        assert entry.decline_type == decline_type


def test_iso8583_does_not_read_three_digit_codes_card_network_does():
    # Gateways number their own codes in three digits (NMI 200 "declined by processor"): only a spec that
    # says its codes are card-network action codes reads 200 as American Express' "pick up card".
    assert "200" not in REASON_TABLES["iso8583"] and "200" in REASON_TABLES["card_network"]
    assert set(REASON_TABLES["iso8583"]) <= set(REASON_TABLES["card_network"])


def test_mastercard_advice_codes_pinned():
    advice = issuer_codes.MASTERCARD_ADVICE_DECLINE_TYPES
    assert advice["02"] == "SOFT" and advice["03"] == "HARD" and advice["21"] == "HARD"
    assert {advice[c] for c in ("24", "25", "26", "27", "28", "29", "30")} == {"SOFT"}


def test_the_issuer_code_table_holds_iso_and_network_codes():
    assert issuer_codes.ISSUER_CODE_REASONS["51"] == "INSUFFICIENT_FUNDS"
    assert {"N7", "1A", "65A", "R0"} <= set(issuer_codes.ISSUER_CODE_REASONS)


def test_every_builtin_spec_names_known_tables():
    for mapping in builtin_mappings():  # compiling raises MappingError on an unknown table name
        for variant in mapping.variants:
            assert all(table in REASON_TABLES.values() for table in variant.reason_fallbacks)


# --- the engine's reason rule --------------------------------------------------------------------


def _mapping(**overrides) -> CompiledMapping:
    spec = {
        "provider": "acme",
        "fields": {"status": ["status"], "reason_code": ["error.code", "error.raw.issuer_code"]},
        "status_map": {"failed": "DECLINED", "error": "ERROR", "ok": "APPROVED"},
        "reason_fallback": "iso8583",
        **overrides,
    }
    return CompiledMapping(spec)


def _failed(**error):
    return {"status": "failed", "error": error}


def test_a_code_the_spec_does_not_know_does_not_hide_a_later_documented_code():
    event = _mapping().apply(_failed(code="card_declined", raw={"issuer_code": "51"}))
    assert (event.failure_reason, event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")
    assert (event.failure_source, event.decline_type) == ("ISSUER", "SOFT")


def test_a_generic_code_gives_way_to_a_later_specific_one_and_a_specific_one_wins():
    mapping = _mapping(reason_map={"card_declined": "GENERIC_DECLINE", "expired_card": "EXPIRED_CARD"})
    event = mapping.apply(_failed(code="card_declined", raw={"issuer_code": "51"}))
    assert (event.failure_reason, event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")
    event = mapping.apply(_failed(code="expired_card", raw={"issuer_code": "51"}))
    assert (event.failure_reason, event.raw_reason_code) == ("EXPIRED_CARD", "expired_card")
    event = mapping.apply(_failed(code="card_declined", raw={"issuer_code": "05"}))
    assert (event.failure_reason, event.raw_reason_code) == ("GENERIC_DECLINE", "card_declined")


def test_a_code_mapped_to_unknown_does_not_hide_a_later_code():
    mapping = _mapping(reason_map={"other": "UNKNOWN"})
    event = mapping.apply(_failed(code="other", raw={"issuer_code": "54"}))
    assert event.failure_reason == "EXPIRED_CARD"


def test_no_known_code_keeps_the_first_code_and_unknown():
    event = _mapping().apply(_failed(code="zzz_unheard_of", raw={"issuer_code": "zz"}))
    assert (event.failure_reason, event.raw_reason_code) == ("UNKNOWN", "zzz_unheard_of")


@pytest.mark.parametrize(("error_type", "reason"), [
    ("invalid_request_error", "INVALID_REQUEST"),
    ("idempotency_error", "INVALID_REQUEST"),
    ("authentication_error", "CONFIGURATION_ERROR"),
    ("api_error", "PROCESSING_ERROR"),
    ("rate_limit_error", "PROCESSING_ERROR"),
    ("card_error", "GENERIC_DECLINE"),
])
def test_an_api_error_type_gives_a_reason_when_no_code_does(error_type, reason):
    # docs.stripe.com/api/errors: type is one of api_error, card_error, idempotency_error, invalid_request_error
    # (and rate_limit_error, authentication_error in the SDKs' error types).
    event = _mapping().apply({"status": "error", "error": {"type": error_type, "code": "zzz_new_code"}})
    assert (event.failure_reason, event.raw_reason_code) == (reason, "zzz_new_code")


def test_a_code_beats_the_error_type():
    event = _mapping().apply({"status": "failed", "error": {"type": "card_error", "code": "x",
                                                            "raw": {"issuer_code": "N7"}}})
    assert event.failure_reason == "INCORRECT_CVC"


def test_an_error_type_in_a_reason_path_is_read_too():
    mapping = _mapping(fields={"status": ["status"], "reason_code": ["error.kind"]})
    event = mapping.apply({"status": "error", "error": {"kind": "rate_limit_error"}})
    assert (event.failure_reason, event.decline_type) == ("PROCESSING_ERROR", "SOFT")


def test_a_documented_code_never_ends_unknown():
    mapping = _mapping(reason_fallback="card_network")
    for code, entry in REASON_TABLES["card_network"].items():
        if entry.reason is FailureReason.UNKNOWN:
            continue
        event = mapping.apply(_failed(code="not_a_known_code", raw={"issuer_code": code.upper()}))
        assert event.failure_reason == entry.reason, code


def test_a_shared_table_reads_a_code_written_before_its_text():
    event = _mapping().apply(_failed(code="51 - SALDO INSUFICIENTE"))
    assert event.failure_reason == "INSUFFICIENT_FUNDS"


def test_reason_fallback_may_name_several_tables():
    mapping = _mapping(reason_fallback=["iso8583", "card_network"])
    assert mapping.apply(_failed(code="122")).failure_reason == "INCORRECT_CVC"
    assert _mapping().apply(_failed(code="122")).failure_reason == "UNKNOWN"  # iso8583 alone


def test_decline_type_fallback_reads_mastercard_advice_codes():
    fields = {"status": ["status"], "reason_code": ["error.code"], "decline_type": ["error.merchant_advice_code"]}
    mapping = _mapping(fields=fields, decline_type_fallback="mastercard_mac")
    assert mapping.apply(_failed(code="51", merchant_advice_code="03")).decline_type == "HARD"
    assert mapping.apply(_failed(code="54", merchant_advice_code="02")).decline_type == "SOFT"
    assert mapping.apply(_failed(code="51")).decline_type == "SOFT"


def test_unknown_table_names_are_refused_when_the_spec_compiles():
    with pytest.raises(MappingError):
        _mapping(reason_fallback="nope")
    with pytest.raises(MappingError):
        _mapping(reason_fallback=["iso8583", "nope"])
    with pytest.raises(MappingError):
        _mapping(decline_type_fallback="nope")


def test_a_rule_still_overrides_the_codes():
    mapping = _mapping(rules=[{"when": {"error.blocked": True}, "set": {"failure_reason": "RISK_REJECTED"}}])
    event = mapping.apply(_failed(code="51", blocked=True))
    assert event.failure_reason == "RISK_REJECTED"


def test_approved_documents_carry_no_reason():
    event = _mapping().apply({"status": "ok", "error": {"code": "51"}})
    assert event.failure_reason is None and event.raw_reason_code == "51"


def test_error_type_table_matches_its_source():
    assert set(ERROR_TYPE_REASONS) == set(issuer_codes.API_ERROR_TYPE_REASONS)
    assert ERROR_TYPE_REASONS["rate_limit_error"].decline_type == DeclineType.SOFT
