"""The taxonomy's status sets as SQL lists for the warehouse's statements (their one source: normalization/taxonomy)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from payobs_pipeline.normalization.taxonomy import AUTHORIZATION_OUTCOMES, FAILURE_STATUSES


def sql_list(values: Iterable[StrEnum]) -> str:
    """'A', 'B', ... of the members' values, sorted (the values are the taxonomy's own words, never input)."""
    return ", ".join(f"'{value.value}'" for value in sorted(values))


# An attempt's decided outcomes, and the ones that are failures.
DECIDED = sql_list(AUTHORIZATION_OUTCOMES)
FAILED = sql_list(FAILURE_STATUSES)
