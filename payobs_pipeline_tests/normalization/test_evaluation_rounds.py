"""The evaluation rounds of real provider messages stay read at least as well as they are today.

Each round was written from sources the mappings were not built from, committed before the code that reads
it, and measured once (those first figures are in the README, "Normalization quality"); the first three and the fifth to fifteenth were
then used to fix the specs, so they are training data now and these floors only guard against regressions. The labels come
from the providers' documentation (each case's ``source``), never from this code's output. A floor is the
share measured when the round's fixes landed, rounded down to the half percent.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, score_round
from payobs_pipeline_tests.normalization.corpus_checks import CORPUS, NORMALIZER

# round: {hinted: (coverage, status, failure_reason, amount, currency)}
FLOORS = {
    "heldout_sdk_fixtures": {True: (0.975, 0.98, 0.96, 1.0, 0.925), False: (0.925, 0.985, 0.96, 1.0, 0.92)},
    # Without a hint, coverage 93.8% since issue 10's detection fixes (from 89.6%).
    "heldout_integrations": {True: (0.98, 0.98, 0.945, 0.975, 0.895), False: (0.935, 0.985, 0.94, 0.98, 0.87)},
    "heldout_plugins": {True: (0.98, 1.0, 1.0, 1.0, 1.0), False: (0.95, 1.0, 1.0, 1.0, 1.0)},
    # Not used for any fix; half its payments are Omise and iyzico replies, mapped since (blind to this round).
    "heldout_packages": {True: (0.97, 1.0, 1.0, 1.0, 1.0), False: (0.97, 1.0, 1.0, 1.0, 1.0)},
    # Round 5: first measured at 69.1% / 65.4% on the Omise and iyzico specs, then fixed from.
    "heldout_killbill_payum_shops": {True: (1.0, 1.0, 0.96, 0.925, 0.96), False: (1.0, 1.0, 0.96, 0.925, 0.96)},
    # Round 6: first measured at 78.8% / 71.2% (its mapped providers 93.9% / 84.8%), then fixed from.
    "heldout_gems_and_apps": {True: (0.975, 0.985, 1.0, 0.945, 0.945), False: (0.97, 0.985, 1.0, 0.945, 0.945)},
    # Round 7: first measured at 76.2% / 70.2% (its mapped providers 80.8% / 74.0%), then fixed from; without a
    # hint 95.2% since issue 10's detection fixes (from 89.3%).
    "heldout_commerce_and_billing": {True: (0.95, 1.0, 0.965, 0.985, 0.935), False: (0.95, 1.0, 0.96, 0.985, 0.93)},
    # Round 8: first measured at 77.3% / 72.7% at its commit (80.3% / 75.8% before its own fixes), then fixed from.
    "heldout_platform_integrations": {True: (0.965, 0.95, 0.95, 0.98, 1.0), False: (0.92, 0.95, 0.94, 0.98, 1.0)},
    # Round 9: first measured at 76.2% / 61.3%, then fixed from (98.8% / 98.8%).
    "heldout_vendor_plugins": {True: (0.985, 1.0, 0.96, 1.0, 1.0), False: (0.985, 1.0, 0.96, 1.0, 1.0)},
    # Round 10: first measured at 80.0% / 76.9%, then fixed from (96.9% / 95.4%).
    "heldout_sdk_mocks_and_shops": {True: (0.965, 1.0, 1.0, 1.0, 1.0), False: (0.95, 1.0, 1.0, 1.0, 1.0)},
    # Round 11: first measured at 54.4% / 45.6%, then fixed from (87.3% / 70.9%); 96.2% / 82.3% since issue 10's
    # detection fixes.
    "heldout_oscar_medusa_saleor_plugins": {True: (0.96, 1.0, 1.0, 1.0, 1.0), False: (0.82, 1.0, 1.0, 1.0, 1.0)},
    # Round 12: first measured at 80.0% / 78.2% at its own commit, then fixed from (96.4% / 90.9%).
    "heldout_connectors_apps_sdk_tests": {True: (0.96, 0.98, 0.89, 0.97, 0.97),
                                          False: (0.905, 0.98, 0.905, 0.97, 0.97)},
    # Round 13: first measured at 72.6% / 69.0% at its own commit (its mapped providers' messages 93.4% / 88.5%),
    # then fixed from (98.8% / 98.8%).
    "heldout_go_sdks_openapi_plugins": {True: (0.985, 0.975, 1.0, 0.985, 1.0),
                                        False: (0.985, 0.975, 1.0, 0.985, 1.0)},
    # Round 14: first measured at 78.4% / 77.5% at its own commit (its mapped providers' messages 81.3% / 80.2%),
    # then fixed from (100% / 100%; the amount and currency misses left are labels disputed against the docs).
    "heldout_apps_and_client_libraries": {True: (1.0, 1.0, 1.0, 0.94, 0.97), False: (1.0, 1.0, 1.0, 0.94, 0.97)},
    # Round 15: first measured at 59.0% / 54.3% at its own commit (its mapped providers' messages 72.9% / 67.1%;
    # unchanged by 15 providers' depth work written beside it without reading it), then fixed from (96.2% / 91.4%).
    "heldout_getpaid_smashpig_and_workflows": {True: (0.96, 1.0, 0.935, 0.99, 0.99),
                                               False: (0.91, 1.0, 1.0, 0.985, 0.985)},
}
FIELDS = ("status_category", "failure_reason", "amount_minor", "currency")


@pytest.mark.parametrize("hinted", [True, False], ids=["with_hint", "without_hint"])
@pytest.mark.parametrize("round_name", sorted(FLOORS))
def test_round_is_read_at_least_as_well_as_when_its_fixes_landed(round_name, hinted):
    score = score_round(load_cases(CORPUS / round_name), hinted, NORMALIZER)
    coverage, *precisions = FLOORS[round_name][hinted]
    assert score.coverage >= coverage, "\n".join(score.misses)
    for field, floor in zip(FIELDS, precisions):
        assert score.precision(field) >= floor, (field, "\n".join(score.misses))
    # A message that is not a payment outcome (a payout, a token, an id to fetch) is never counted.
    assert score.kept == score.non_payments, "\n".join(score.misses)
    # With a hint, the provider is always the hinted one.
    if hinted:
        assert score.precision("provider") == 1.0
