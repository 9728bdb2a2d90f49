"""The generator spells the canonical values itself (synthetic/vocabulary.py): they must stay the core's."""

from __future__ import annotations

from payobs_pipeline.normalization import taxonomy
from payobs_pipeline.synthetic import vocabulary


def test_the_enums_have_the_taxonomys_values():
    for name in ("StatusCategory", "FailureReason", "PaymentMethod"):
        assert [str(m) for m in getattr(vocabulary, name)] == [str(m) for m in getattr(taxonomy, name)], name


def test_event_kinds_are_the_taxonomys():
    kinds = {k: v for k, v in vars(vocabulary.EventKind).items() if not k.startswith("_")}
    assert kinds == {m.name: str(m) for m in taxonomy.EventKind}
    assert all(type(v) is str for v in kinds.values())


def test_unknown_provider_and_customer_caused_reasons_are_the_taxonomys():
    assert vocabulary.UNKNOWN_PROVIDER == taxonomy.UNKNOWN_PROVIDER
    customer = {str(r) for r, (source, _) in taxonomy.REASON_DEFAULTS.items()
                if source is taxonomy.FailureSource.CUSTOMER}
    assert {str(r) for r in vocabulary.CUSTOMER_CAUSED_REASONS} == customer
