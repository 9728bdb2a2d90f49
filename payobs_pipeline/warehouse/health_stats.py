"""Provider health's statistics: is a cell's approval rate a real drop below its baseline, or noise?

Pure functions, no database (docs/health.md). A *cell* is a provider, or a provider x country, or a
provider x payment method, in one window. Its approval rate (customer-caused failures left out of the
denominator) is compared with the same cell's pooled rate over the same half-day slot of the previous
days (the baseline) by a one-sided two-proportion z-test with the pooled standard error, widened by the
baseline's own variation between windows:

    p1 = approved / attempts                       (the window: x1 / n1)
    p0 = baseline_approved / baseline_attempts     (the baseline: x0 / n0, the k baseline windows pooled,
                                                    window i having x_i approved of n_i)
    p  = (approved + baseline_approved) / (attempts + baseline_attempts)
    tau2 = max(0, (sum_i n_i (x_i/n_i - p0)^2 - (k - 1) p0 (1 - p0)) / (n0 - sum_i n_i^2 / n0))
                                                   (0 when k < 3)
    var = p (1 - p) (1 / n1 + 1 / n0) + tau2 (1 + sum_i n_i^2 / n0^2)
    z  = (p1 - p0) / sqrt(var)
    p_value = P(Z <= z) = erfc(-z / sqrt(2)) / 2    (small when the window is far below the baseline)

``tau2`` (``baseline_extra_variance``) is the between-window variance of the cell's true approval rate
beyond binomial sampling (merchant mix, time of day, issuer behaviour), estimated by the method of moments
(DerSimonian-Laird) from the baseline windows' rates: their observed weighted spread around the pooled
rate minus what binomial sampling alone would give, floored at 0. With fewer than 3 baseline windows the
spread says too little and ``tau2`` is 0 (the plain binomial test). The window's true rate varies by
``tau2`` around the cell's mean, and the pooled baseline's by ``tau2 sum_i n_i^2 / n0^2`` (``tau2 / k`` for
equal windows): both are added to the binomial variance. A steady baseline keeps ``tau2`` at 0 and the
test as sharp as the binomial one; a baseline that swings by 8 points from window to window needs a
drop well beyond 8 points to be flagged.

A cell is flagged when all four hold: ``attempts >= min_attempts``, ``baseline_attempts >=
min_baseline_attempts``, the drop ``p0 - p1 >= min_drop`` and ``p_value < significance``. Volume keeps
small cells (where a few declines swing the rate) quiet, the practical drop keeps large cells from
alerting on statistically real but negligible changes, and the significance level, applied per cell,
bounds the false alarms among the many cells a window tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_BASELINE_DAYS = 7
DEFAULT_MIN_ATTEMPTS = 30
DEFAULT_MIN_BASELINE_ATTEMPTS = 100
DEFAULT_MIN_DROP = 0.05
DEFAULT_SIGNIFICANCE = 0.001
# Fewer baseline windows than this: no estimate of the between-window variance (it is taken as 0).
MIN_WINDOWS_FOR_EXTRA_VARIANCE = 3


@dataclass(frozen=True, slots=True)
class HealthTest:
    """The test's parameters (read from the environment by ``settings.health_test()``)."""

    baseline_days: int = DEFAULT_BASELINE_DAYS  # previous days whose same-slot window forms the baseline
    min_attempts: int = DEFAULT_MIN_ATTEMPTS  # window attempts (customer failures excluded) to be tested
    min_baseline_attempts: int = DEFAULT_MIN_BASELINE_ATTEMPTS  # baseline attempts to be tested
    min_drop: float = DEFAULT_MIN_DROP  # smallest drop of the approval rate worth an alert (0.05 = 5 points)
    significance: float = DEFAULT_SIGNIFICANCE  # one-sided p-value below which a drop is not noise

    def __post_init__(self) -> None:
        if self.baseline_days < 1:
            raise ValueError(f"baseline_days must be at least 1, got {self.baseline_days}")
        if self.min_attempts < 1 or self.min_baseline_attempts < 1:
            raise ValueError("min_attempts and min_baseline_attempts must be at least 1")
        if not 0 <= self.min_drop < 1:
            raise ValueError(f"min_drop is a share of attempts in [0, 1), got {self.min_drop}")
        if not 0 < self.significance < 1:
            raise ValueError(f"significance must be in (0, 1), got {self.significance}")


@dataclass(frozen=True, slots=True)
class Comparison:
    """A window's approval rate against its baseline; rates and statistics are None when undefined."""

    approval_rate: float | None
    baseline_approval_rate: float | None
    delta: float | None  # approval_rate - baseline_approval_rate (negative: a drop)
    z_score: float | None
    p_value: float | None
    flagged: bool
    extra_variance: float = 0.0  # tau2: the baseline's between-window variance beyond binomial


def rate(approved: int, attempts: int) -> float | None:
    return approved / attempts if attempts else None


def normal_cdf(z: float) -> float:
    """P(Z <= z) for a standard normal Z."""
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def between_window_variance(baseline_windows: Sequence[tuple[int, int]]) -> float:
    """tau2, the variance of the true approval rate between windows beyond binomial sampling, by the method of
    moments (DerSimonian-Laird) from the baseline windows' ``(approved, attempts)``; 0 below
    MIN_WINDOWS_FOR_EXTRA_VARIANCE windows with attempts, and never negative."""
    windows = [(approved, attempts) for approved, attempts in baseline_windows if attempts > 0]
    if len(windows) < MIN_WINDOWS_FOR_EXTRA_VARIANCE:
        return 0.0
    n0 = sum(attempts for _, attempts in windows)
    p0 = sum(approved for approved, _ in windows) / n0
    spread = sum(attempts * (approved / attempts - p0) ** 2 for approved, attempts in windows)
    expected = (len(windows) - 1) * p0 * (1.0 - p0)  # what binomial sampling alone gives
    scale = n0 - sum(attempts * attempts for _, attempts in windows) / n0
    if scale <= 0.0:
        return 0.0
    return max(0.0, (spread - expected) / scale)


def _baseline_mean_factor(baseline_windows: Sequence[tuple[int, int]]) -> float:
    """sum n_i^2 / n0^2: how much of tau2 is left in the pooled baseline rate (1 / k for k equal windows)."""
    sizes = [attempts for _, attempts in baseline_windows if attempts > 0]
    total = sum(sizes)
    return sum(n * n for n in sizes) / (total * total) if total else 0.0


def two_proportion_z(approved: int, attempts: int, baseline_approved: int, baseline_attempts: int,
                     extra_variance: float = 0.0) -> float | None:
    """z of the window's rate minus the baseline's, with the pooled standard error widened by
    ``extra_variance`` (already scaled: tau2 (1 + sum n_i^2 / n0^2)); None without attempts."""
    if attempts <= 0 or baseline_attempts <= 0:
        return None
    p1, p0 = approved / attempts, baseline_approved / baseline_attempts
    pooled = (approved + baseline_approved) / (attempts + baseline_attempts)
    variance = pooled * (1.0 - pooled) * (1.0 / attempts + 1.0 / baseline_attempts) + extra_variance
    if variance <= 0.0:  # every attempt approved, or none, in both: no difference to test
        return 0.0
    return (p1 - p0) / math.sqrt(variance)


def compare(approved: int, attempts: int, baseline_approved: int, baseline_attempts: int,
            test: HealthTest = HealthTest(), baseline_windows: Sequence[tuple[int, int]] = ()) -> Comparison:
    """The cell's rates, z, one-sided p-value (a drop) and whether it is flagged under ``test``.

    ``baseline_windows``: the baseline's ``(approved, attempts)`` per window, for the between-window variance
    (none given: the plain binomial test)."""
    p1, p0 = rate(approved, attempts), rate(baseline_approved, baseline_attempts)
    tau2 = between_window_variance(baseline_windows)
    z = two_proportion_z(approved, attempts, baseline_approved, baseline_attempts,
                         tau2 * (1.0 + _baseline_mean_factor(baseline_windows)))
    p_value = normal_cdf(z) if z is not None else None
    delta = p1 - p0 if p1 is not None and p0 is not None else None
    flagged = (
        delta is not None and p_value is not None
        and attempts >= test.min_attempts
        and baseline_attempts >= test.min_baseline_attempts
        and -delta >= test.min_drop - 1e-12  # a drop of exactly min_drop counts, whatever the rounding
        and p_value < test.significance
    )
    return Comparison(p1, p0, delta, z, p_value, bool(flagged), tau2)
