"""Provider health's test, pure: real drops flagged, noise and small volumes not (docs/health.md).

Expected z values were worked out by hand from the pooled two-proportion formula (shown per case), and the
normal tail probabilities are the textbook table values, so nothing here is computed by the code under test.
"""

from __future__ import annotations

import pytest

from payobs_pipeline import settings
from payobs_pipeline.warehouse.health_stats import (
    HealthTest, between_window_variance, compare, normal_cdf, two_proportion_z,
)

# A baseline of 7 windows of 200 attempts at 90%: 1,260 approved of 1,400.
BASE_APPROVED, BASE_ATTEMPTS = 1260, 1400


def test_a_drop_from_90_to_60_percent_on_200_attempts_is_flagged():
    # pooled p = 1380 / 1600 = 0.8625; se = sqrt(0.8625 * 0.1375 * (1/200 + 1/1400)) = sqrt(0.000677679) = 0.0260323
    # z = (0.60 - 0.90) / 0.0260323 = -11.524
    result = compare(120, 200, BASE_APPROVED, BASE_ATTEMPTS)
    assert result.approval_rate == pytest.approx(0.60)
    assert result.baseline_approval_rate == pytest.approx(0.90)
    assert result.delta == pytest.approx(-0.30)
    assert result.z_score == pytest.approx(-11.524, abs=1e-3)
    assert result.p_value < 1e-20
    assert result.flagged


def test_a_drop_from_90_to_88_percent_on_200_attempts_is_noise():
    # pooled p = 1436 / 1600 = 0.8975; se = sqrt(0.8975 * 0.1025 * 0.00571429) = 0.0229277
    # z = -0.02 / 0.0229277 = -0.8723
    # P(Z <= -0.87) = 0.1922 in the normal table (-0.8723 lies between -0.87 and -0.88: 0.1922 and 0.1894)
    result = compare(176, 200, BASE_APPROVED, BASE_ATTEMPTS)
    assert result.z_score == pytest.approx(-0.8723, abs=1e-4)
    assert 0.1894 < result.p_value < 0.1922
    assert not result.flagged


def test_a_drop_from_90_to_50_percent_on_10_attempts_is_below_the_volume_floor():
    # pooled p = 1265 / 1410 = 0.897163; se = sqrt(0.897163 * 0.102837 * (0.1 + 1/1400)) = 0.0963957
    # z = -0.40 / 0.0963957 = -4.1496: significant at 0.001 (P(Z <= -3.09) = 0.001), yet only 10 attempts
    result = compare(5, 10, BASE_APPROVED, BASE_ATTEMPTS)
    assert result.z_score == pytest.approx(-4.1496, abs=1e-3)
    assert result.p_value < 0.001
    assert not result.flagged
    assert compare(15, 30, 3 * BASE_APPROVED, 3 * BASE_ATTEMPTS).flagged  # the same drop on 30 attempts is


def test_a_small_baseline_is_not_tested():
    # 60% against 90% on 200 attempts, but the baseline holds 90 attempts (< 100)
    assert not compare(120, 200, 81, 90).flagged
    assert compare(120, 200, 90, 100).flagged


def test_a_significant_drop_smaller_than_the_practical_minimum_is_not_flagged():
    # 90% -> 87% on 20,000 attempts against 140,000: z = -0.03 / sqrt(0.89625 * 0.10375 * (1/20000 + 1/140000))
    # = -0.03 / 0.0023051 = -13.015, as significant as can be, but 3 points < 5
    result = compare(17400, 20000, 126000, 140000)
    assert result.z_score == pytest.approx(-13.02, abs=0.01)
    assert not result.flagged
    # exactly 5 points is enough: 85% on the same volumes
    assert compare(17000, 20000, 126000, 140000).flagged


def test_a_rise_is_never_flagged_and_empty_cells_have_no_statistics():
    rise = compare(198, 200, BASE_APPROVED, BASE_ATTEMPTS)
    assert rise.delta == pytest.approx(0.09) and rise.p_value > 0.5 and not rise.flagged
    empty = compare(0, 0, BASE_APPROVED, BASE_ATTEMPTS)
    assert (empty.approval_rate, empty.z_score, empty.p_value, empty.flagged) == (None, None, None, False)
    no_baseline = compare(120, 200, 0, 0)
    assert (no_baseline.baseline_approval_rate, no_baseline.delta, no_baseline.flagged) == (None, None, False)
    # everything approved in both: no variance, nothing to test
    assert two_proportion_z(200, 200, 1400, 1400) == 0.0


def test_normal_tail_matches_the_table():
    assert normal_cdf(0.0) == pytest.approx(0.5)
    assert normal_cdf(-1.959964) == pytest.approx(0.025, abs=1e-6)
    assert normal_cdf(-3.090232) == pytest.approx(0.001, abs=1e-7)
    assert normal_cdf(1.644854) == pytest.approx(0.95, abs=1e-6)


def test_the_parameters_change_the_verdict():
    # 90% -> 84% on 200 attempts: z = -0.06 / sqrt(0.8925 * 0.1075 * 0.00571429) = -0.06 / 0.0234147 = -2.5625,
    # p = 0.0052 (table: P(Z <= -2.56) = 0.0052): flagged at 0.01, not at 0.001
    strict = compare(168, 200, BASE_APPROVED, BASE_ATTEMPTS)
    assert strict.z_score == pytest.approx(-2.5625, abs=1e-3) and 0.0051 < strict.p_value < 0.0053
    assert not strict.flagged
    lenient = HealthTest(significance=0.01)
    assert compare(168, 200, BASE_APPROVED, BASE_ATTEMPTS, lenient).flagged
    assert not compare(168, 200, BASE_APPROVED, BASE_ATTEMPTS, HealthTest(significance=0.01, min_drop=0.10)).flagged
    assert not compare(168, 200, BASE_APPROVED, BASE_ATTEMPTS, HealthTest(significance=0.01, min_attempts=500)).flagged


# Six baseline windows of 500 attempts, 3,000 in all at 90% (2,700 approved): one swinging by 8 points from
# window to window (98%, 82%, ...), one steady; the window under test: 415 of 500 (83%), 7 points below.
SWINGING = [(490, 500), (410, 500)] * 3
STEADY = [(450, 500)] * 6


def test_a_7_point_drop_against_a_baseline_swinging_8_points_is_not_flagged():
    # tau2 = (sum n_i (p_i - p0)^2 - (k - 1) p0 (1 - p0)) / (n0 - sum n_i^2 / n0)
    #      = (6 * 500 * 0.08^2 - 5 * 0.9 * 0.1) / (3000 - 6 * 500^2 / 3000) = (19.2 - 0.45) / 2500 = 0.0075
    # pooled p = 3115 / 3500 = 0.89; binomial variance = 0.89 * 0.11 * (1/500 + 1/3000) = 0.000228433
    # variance = 0.000228433 + 0.0075 * (1 + 6 * 500^2 / 3000^2) = 0.000228433 + 0.00875 = 0.008978433
    # z = -0.07 / sqrt(0.008978433) = -0.07 / 0.0947546 = -0.7388; P(Z <= -0.74) = 0.2296 in the normal table
    assert between_window_variance(SWINGING) == pytest.approx(0.0075)
    result = compare(415, 500, 2700, 3000, baseline_windows=SWINGING)
    assert result.extra_variance == pytest.approx(0.0075)
    assert result.delta == pytest.approx(-0.07)
    assert result.z_score == pytest.approx(-0.7388, abs=1e-3)
    assert 0.2266 < result.p_value < 0.2327  # between P(Z <= -0.75) and P(Z <= -0.73)
    assert not result.flagged


def test_the_same_drop_against_a_steady_baseline_is_flagged():
    # every window at 90%: spread 0, below the binomial (k - 1) p0 (1 - p0) = 0.45: tau2 floored at 0
    # z = -0.07 / sqrt(0.000228433) = -0.07 / 0.0151140 = -4.6315; P(Z <= -4.63) = 1.8e-6 < 0.001
    assert between_window_variance(STEADY) == 0.0
    result = compare(415, 500, 2700, 3000, baseline_windows=STEADY)
    assert result.extra_variance == 0.0
    assert result.z_score == pytest.approx(-4.6315, abs=1e-3)
    assert result.p_value < 1e-5
    assert result.flagged


def test_fewer_than_3_baseline_windows_give_the_plain_binomial_test():
    # two windows swinging 16 points: no estimate from 2 windows, tau2 = 0. Pooled p = (415 + 900) / 1500
    # = 0.876667; z = -0.07 / sqrt(0.876667 * 0.123333 * (1/500 + 1/1000)) = -0.07 / 0.0180100 = -3.8867
    two = [(490, 500), (410, 500)]
    assert between_window_variance(two) == 0.0
    result = compare(415, 500, 900, 1000, baseline_windows=two)
    assert result.z_score == pytest.approx(-3.8867, abs=1e-3) and result.flagged
    # windows without attempts do not count as windows
    assert between_window_variance(SWINGING[:2] + [(0, 0)]) == 0.0


def test_settings_read_the_parameters_from_the_environment(monkeypatch):
    for name in ("BASELINE_DAYS", "MIN_ATTEMPTS", "MIN_BASELINE_ATTEMPTS", "MIN_DROP", "SIGNIFICANCE"):
        monkeypatch.delenv(f"PAYOBS_HEALTH_{name}", raising=False)
    assert settings.health_test() == HealthTest(
        baseline_days=7, min_attempts=30, min_baseline_attempts=100, min_drop=0.05, significance=0.001)
    monkeypatch.setenv("PAYOBS_HEALTH_BASELINE_DAYS", "14")
    monkeypatch.setenv("PAYOBS_HEALTH_MIN_DROP", "0.1")
    monkeypatch.setenv("PAYOBS_HEALTH_SIGNIFICANCE", "0.0001")
    assert settings.health_test() == HealthTest(
        baseline_days=14, min_attempts=30, min_baseline_attempts=100, min_drop=0.1, significance=0.0001)
    monkeypatch.setenv("PAYOBS_HEALTH_MIN_ATTEMPTS", "thirty")
    with pytest.raises(ValueError, match="PAYOBS_HEALTH_MIN_ATTEMPTS"):
        settings.health_test()
    monkeypatch.setenv("PAYOBS_HEALTH_MIN_ATTEMPTS", "30")
    monkeypatch.setenv("PAYOBS_HEALTH_SIGNIFICANCE", "5")
    with pytest.raises(ValueError, match="significance"):
        settings.health_test()
