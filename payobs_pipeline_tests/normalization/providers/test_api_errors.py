"""API error bodies and nested issuer codes of Stripe, Adyen, Checkout.com, MercadoPago, Mollie, dLocal, PayU,
EBANX, Square and Razorpay (issue 10, points 2 and 4).

The cases live in each provider's corpus file (``payobs_pipeline_tests/corpus/<provider>.json``) with the
documentation page they were labeled from; the per-provider corpus tests check every label. This module pins
what those cases are for:

* a provider's documented HTTP 4xx/5xx error body is an ERROR (a DECLINED where the provider documents the
  error as the card's decline) whose raw_reason_code is the provider's own error code and whose
  failure_reason is never UNKNOWN when the code is documented;
* an error body of a distinctive shape is recognized without a provider hint, and a bare ``{code, message}``
  (dLocal's) is not claimed without one;
* a specific issuer code read from a nested place (Stripe outcome.network_decline_code, Checkout.com
  processing.partner_response_code, Adyen additionalData.refusalReasonRaw, PayU paymentNetworkResponseCode)
  wins over the provider's generic decline code, and never the other way round.
"""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDERS = ("stripe", "adyen", "checkout", "mercadopago", "mollie", "dlocal", "payu", "ebanx", "square", "razorpay")

# The error-body cases each corpus holds for this issue (labeled from the providers' error-code pages).
ERROR_CASES = {
    "stripe": ["api_error_invalid_request_resource_missing_unhinted", "api_error_parameter_missing_no_doc_url",
               "api_error_api_error_without_code_unhinted", "api_error_expired_api_key_hinted",
               "api_error_idempotency_error_hinted", "api_error_idempotency_key_in_use", "api_error_rate_limit",
               "api_error_card_error_insufficient_funds_with_charge", "api_error_permission_error"],
    "adyen": ["api_error_validation_14_0_unhinted", "api_error_security_000_unauthorised",
              "api_error_security_010_not_allowed_hinted", "api_error_validation_101_invalid_card_number",
              "api_error_configuration_905_payment_details_not_supported", "api_error_internal_904_unable_to_process",
              "api_error_validation_129_expiry_date_invalid_hinted", "api_error_rfc7807_validation_unhinted",
              "api_error_rfc7807_unauthorized"],
    "checkout": ["request_error_payment_source_required_unhinted",
                 "request_error_processing_channel_id_required_hinted", "request_error_card_expired",
                 "request_error_cvv_invalid_and_amount", "request_error_3ds_not_configured",
                 "request_error_amount_limit_exceeded"],
    "mercadopago": ["api_error_invalid_token_3003_unhinted", "api_error_invalid_token_3003_hinted",
                    "api_error_already_posted_2001", "api_error_security_code_3013",
                    "api_error_unauthorized_client_id_3009_hinted", "api_error_401_invalid_access_token_hinted",
                    "api_error_500_internal_hinted", "api_error_gateway_connection_2004",
                    "api_error_different_countries_106"],
    "mollie": ["api_error_401_unauthorized", "api_error_422_amount_too_high",
               "api_error_409_idempotency_conflict_hinted", "api_error_503_unavailable_hinted"],
    "payu": ["request_error_unhinted", "queries_request_error_hinted"],
    "ebanx": ["api_error_bp_dr_13_name_required_unhinted", "api_error_bp_dr_16_email_too_long",
              "api_error_bp_sa_1_integration_key", "api_error_bp_ch_1_payment_group_not_active_hinted",
              "api_error_bp_dr_102_too_many_attempts", "api_error_bp_dr_6_amount_below_minimum_hinted"],
    "square": ["errors_only_card_declined_unhinted", "errors_only_insufficient_funds", "errors_only_unauthorized",
               "errors_only_idempotency_key_reused_hinted", "errors_only_rate_limited",
               "errors_only_missing_required_parameter"],
    "razorpay": ["api_error_input_validation_failed_unhinted", "api_error_input_validation_failed_hinted",
                 "api_error_payment_declined_insufficient_funds", "api_error_authentication_failed_key",
                 "api_error_server_error", "api_error_gateway_bank_technical_error_hinted",
                 "api_error_order_amount_mismatch", "api_error_payment_method_not_enabled"],
}
# dLocal's error body is a bare {"code", "message"} (docs.dlocal.com/reference/http-errors-payments): no shape
# of its own, so it is mapped only under a provider hint. These cases live here rather than in corpus/dlocal.json,
# whose test asks every case to be recognized from its shape alone. Labeled from the same pages.
DLOCAL_HINTED_ERRORS = [{'name': 'api_error_token_not_found_5008_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (error format code, message, param; 400 5008 Token not '
            'found or inactive)',
  'data': {'provider': 'dLocal', 'payload': {'code': 5008, 'message': 'Token not found or inactive'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'INVALID_REQUEST',
               'raw_reason_code': '5008',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_invalid_credentials_3001_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (403 3001 Invalid Credentials)',
  'data': {'provider': 'dlocal', 'payload': {'code': 3001, 'message': 'Invalid Credentials.'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'CONFIGURATION_ERROR',
               'raw_reason_code': '3001',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_unregistered_ip_3002_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (403 3002 Unregistered IP address)',
  'data': {'provider': 'dlocal', 'payload': {'code': 3002, 'message': 'Unregistered IP address.'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'CONFIGURATION_ERROR',
               'raw_reason_code': '3002',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_missing_parameter_5001_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (400 5001 Missing parameter [parameter_name]; param)',
  'data': {'provider': 'dlocal',
           'payload': {'code': 5001, 'message': 'Invalid param payer.document', 'param': 'payer.document'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'INVALID_REQUEST',
               'raw_reason_code': '5001',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_order_id_duplicated_5009_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (400 5009 Order ID is duplicated)',
  'data': {'provider': 'dlocal', 'payload': {'code': 5009, 'message': 'Order ID is duplicated.'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'DUPLICATE',
               'raw_reason_code': '5009',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_user_limit_exceeded_5006_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (400 5006 User limit exceeded)',
  'data': {'provider': 'dlocal', 'payload': {'code': 5006, 'message': 'User limit exceeded.'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'LIMIT_EXCEEDED',
               'raw_reason_code': '5006',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_country_not_supported_5003_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (400 5003 Country not supported)',
  'data': {'provider': 'dlocal', 'payload': {'code': 5003, 'message': 'Country not supported.'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'TRANSACTION_NOT_PERMITTED',
               'raw_reason_code': '5003',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_card_rejected_by_bank_5015_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-cards (400 5015 The card was rejected by the bank): the error '
            "body is the card's decline",
  'data': {'provider': 'dlocal', 'payload': {'code': 5015, 'message': 'The card was rejected by the bank.'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'DECLINED',
               'failure_reason': 'GENERIC_DECLINE',
               'raw_reason_code': '5015',
               'amount_minor': None,
               'currency': None}},
 {'name': 'api_error_payment_not_found_4000_hinted',
  'source': 'docs.dlocal.com/reference/http-errors-payments (404 4000 Payment not found)',
  'data': {'provider': 'dlocal', 'payload': {'code': 4000, 'message': 'Payment not found'}},
  'expected': {'provider': 'dlocal',
               'status_category': 'ERROR',
               'failure_reason': 'INVALID_REQUEST',
               'raw_reason_code': '4000',
               'amount_minor': None,
               'currency': None}}]
# Nested issuer codes that must beat (or lose to) the provider's own code.
NESTED_REASON_CASES = {
    "stripe": ["charge_failed_generic_decline_network_code_51", "charge_failed_only_network_decline_code_54",
               "payment_intent_failed_do_not_honor_network_code_59"],
    "adyen": ["payment_refused_generic_with_raw_cvv2_failure", "webhook_authorisation_refused_raw_withdrawal_limit"],
    "checkout": ["payment_details_declined_reason_in_actions", "payment_declined_do_not_honour_partner_code_54",
                 "webhook_payment_declined_unknown_code_partner_code"],
    "payu": ["declined_entity_declined_network_code_51", "declined_network_rejected_code_54_hinted",
             "declined_specific_payu_code_beats_generic_network_code"],
    "square": ["create_payment_failed_cvv_failure_with_payment"],
}


def _named(table: dict[str, list[str]]) -> list[dict]:
    cases = []
    for provider, names in table.items():
        by_name = {c["name"]: c for c in provider_cases(provider)}
        missing = [n for n in names if n not in by_name]
        assert not missing, f"{provider} corpus lacks {missing}"
        cases += [by_name[n] for n in names]
    return cases


ERRORS = _named(ERROR_CASES) + [{**case, "file": "test_api_errors.json"} for case in DLOCAL_HINTED_ERRORS]
NESTED = _named(NESTED_REASON_CASES)
UNHINTED_ERRORS = [c for c in ERRORS if not has_hint(c["data"])]
MAPPINGS = builtin_mappings()


def _body(data):
    return mask_payload(parse_lake_data(mask_text(json.dumps(data))).body)


@pytest.mark.parametrize("case", ERRORS, ids=case_ids(ERRORS))
def test_error_body_is_an_error_with_the_providers_code_and_a_reason(case):
    event = normalize_lake_data(case["data"], None, NORMALIZER).event
    assert event is not None, case["source"]
    assert event.provider == case["expected"]["provider"]
    assert event.status_category in (StatusCategory.ERROR, StatusCategory.DECLINED)
    assert event.failure_reason == FailureReason(case["expected"]["failure_reason"])
    if "raw_reason_code" in case["expected"]:
        assert event.failure_reason is not FailureReason.UNKNOWN, "a documented code gives a reason"
        assert event.raw_reason_code == case["expected"]["raw_reason_code"]


@pytest.mark.parametrize("case", DLOCAL_HINTED_ERRORS, ids=[c["name"] for c in DLOCAL_HINTED_ERRORS])
def test_dlocal_hinted_error_body_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", UNHINTED_ERRORS, ids=case_ids(UNHINTED_ERRORS))
def test_distinctive_error_bodies_are_detected_without_a_hint(case):
    guess = detect_provider(_body(case["data"]), {}, MAPPINGS)
    assert guess.provider == case["expected"]["provider"]
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


def test_a_bare_code_and_message_body_is_not_claimed_without_a_hint():
    # dLocal's error body is {"code", "message"} (docs.dlocal.com/reference/http-errors-payments): no shape of its own.
    body = _body({"code": 5008, "message": "Token not found or inactive"})
    dlocal = next(m for m in MAPPINGS if m.provider == "dlocal")
    assert dlocal.shape_score(body) < SHAPE_DETECTION_THRESHOLD
    guess = detect_provider(body, {}, MAPPINGS)
    assert guess.provider not in PROVIDERS or guess.confidence < SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("case", NESTED, ids=case_ids(NESTED))
def test_nested_issuer_code_gives_the_specific_reason(case):
    event = normalize_lake_data(case["data"], None, NORMALIZER).event
    assert event is not None, case["source"]
    assert event.failure_reason == FailureReason(case["expected"]["failure_reason"])
    assert event.failure_reason not in (FailureReason.UNKNOWN, FailureReason.GENERIC_DECLINE)


def test_a_specific_provider_code_is_not_overridden_by_a_generic_network_code():
    stripe_charge = {
        "id": "ch_test_specific_wins", "object": "charge", "amount": 1000, "currency": "usd", "status": "failed",
        "failure_code": "card_declined",
        "outcome": {"type": "issuer_declined", "reason": "expired_card", "network_decline_code": "05"},
    }
    event = normalize_lake_data(stripe_charge, None, NORMALIZER).event
    assert event.failure_reason is FailureReason.EXPIRED_CARD
    assert event.raw_reason_code == "expired_card"


def test_the_most_specific_documented_code_wins_whatever_path_holds_it():
    # The engine rule (mapping.py, "Failure reasons"): a generic provider code listed first gives way to a
    # specific issuer code in a later path; a specific provider code is never overridden by a later one.
    spec = {"provider": "p", "fields": {"status": ["status"], "reason_code": ["code", "issuer_code"]},
            "status_map": {"declined": "DECLINED"}, "reason_map": {"card_declined": "GENERIC_DECLINE",
                                                                   "expired": "EXPIRED_CARD"},
            "reason_fallback": "iso8583"}
    mapping = CompiledMapping(spec)
    generic_first = mapping.apply({"status": "declined", "code": "card_declined", "issuer_code": "51"})
    assert (generic_first.failure_reason, generic_first.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")
    specific_first = mapping.apply({"status": "declined", "code": "expired", "issuer_code": "51"})
    assert (specific_first.failure_reason, specific_first.raw_reason_code) == ("EXPIRED_CARD", "expired")
    only_generic = mapping.apply({"status": "declined", "code": "card_declined", "issuer_code": "05"})
    assert (only_generic.failure_reason, only_generic.raw_reason_code) == ("GENERIC_DECLINE", "card_declined")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_compiles_with_valid_statuses(provider):
    import importlib

    module = importlib.import_module(f"payobs_pipeline.normalization.providers.{provider}")
    mapping = CompiledMapping(module.SPEC, getattr(module, "prepare", None))
    for variant in mapping.variants:
        assert all(isinstance(s, StatusCategory) for s in variant.status_map.values())
        assert variant.fixed_status is None or isinstance(variant.fixed_status, StatusCategory)


def _other_providers_unhinted_cases() -> list[dict]:
    cases = []
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem in PROVIDERS:
            continue
        for case in provider_cases(path.stem):
            expected = case["expected"].get("provider")
            if expected and expected not in PROVIDERS and not has_hint(case["data"]):
                cases.append(case)
    return cases


OTHERS = _other_providers_unhinted_cases()


@pytest.mark.parametrize("case", OTHERS, ids=case_ids(OTHERS))
def test_error_shapes_do_not_claim_other_providers_payloads(case):
    guess = detect_provider(_body(case["data"]), {}, MAPPINGS)
    assert guess.provider not in PROVIDERS, f"{guess.provider} claims {case['expected']['provider']}'s payload"


@pytest.mark.parametrize(("data", "reason"), [
    # docs.adyen.com/development-resources/error-codes: 704 "Request already processed or in progress" (HTTP 409).
    ({"status": 409, "errorCode": "704", "message": "request already processed or in progress",
      "errorType": "validation"}, "DUPLICATE"),
    # docs.ebanx.com error codes (Direct API): DA-1 "Invalid integration key".
    ({"status": "ERROR", "status_code": "DA-1", "status_message": "Invalid integration key"}, "CONFIGURATION_ERROR"),
], ids=["adyen_704", "ebanx_da_1"])
def test_documented_error_codes_give_their_reason(data, reason):
    provider = "adyen" if "errorCode" in data else "ebanx"
    event = normalize_lake_data({"provider": provider, "payload": data}, None, NORMALIZER).event
    assert (event.provider, event.status_category, event.failure_reason) == (provider, "ERROR", reason)
