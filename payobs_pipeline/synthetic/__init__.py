"""The synthetic lake: realistic ``raw_transactions`` rows, each with the canonical event it should become.

What it is for: the demo's and the tests' lake (``payobs lake seed``), and the ground truth the pipeline is
measured against (per-row truth in ``ExpectedEvent``, per-window metric counts in ``expected_metrics``,
seeded incidents in ``Scenario``).

Independent of the specs, deliberately. The provider knowledge here (status words, decline codes,
payload shapes) is written separately from provider documentation, not derived from the mapping specs in
``payobs_pipeline/normalization/providers/``: it is the ground truth those specs are checked against, so a
mistake in a spec cannot hide by being copied into its test data. This package never imports
``payobs_pipeline.normalization`` (its canonical values are spelled out in ``vocabulary.py``; a test checks
they match the core's), and nothing in the normalization core imports it.

Pure and deterministic: the same ``(rows, start, windows, seed[, scenario])`` always gives the same rows,
byte for byte, whatever the number of processes generating the chunks (one ``random.Random`` per chunk,
uuids from its bits).

Where things are (the folders mirror ``normalization/``):

* ``providers/<provider>.py``: one module per provider, named like ``normalization/providers/<provider>.py``:
  its codes by canonical reason, its payload renderer and its lifecycle hooks. 14 providers in the default
  mix (Stripe, Adyen, MercadoPago, PayPal, Braintree, Checkout.com, Worldpay, Razorpay, Mollie, dLocal, PayU
  Latam, EBANX, Square, Authorize.net) and Culqi, the noisy provider of incident scenarios.
* ``provider_base.py``: what a provider module implements (``ProviderRenderer``, ``LifecycleHooks``).
* ``traffic_mix.py``: the shares (providers, outcomes, reasons, hints, PII, double-encoded JSON, missing
  merchant or transactional_id); ``merchants.py``, ``amounts.py``, ``payments.py``: who pays what.
* ``unknown_providers.py`` (shapes nobody mapped), ``malformed.py`` (rows malformed on purpose),
  ``lifecycles.py`` (a payment over several rows), ``incidents.py`` (outages, the noisy provider).
* ``rows.py``: the row assembly, in independent chunks; ``truth.py``: ``ExpectedEvent`` and ``LakeRow``;
  ``metric_truth.py``: expected per-window metrics; ``windows.py``: the 12-hour windows.
* ``seed.py``: loading a generation into the lake's table (``schema.sql``) with COPY.

Ground truth follows docs/taxonomy.md; ``event_kind`` says what the row is in its payment's lifecycle and
``attempt`` / ``payment`` / ``refund`` / ``dispute`` are the generator's own serials of the objects it belongs
to. Where the taxonomy leaves a choice, these rules are used consistently:

* ``status_category`` follows the provider's status word, refined by the provider's own error
  classification where it has one (Stripe ``processing_error``, Razorpay ``GATEWAY_ERROR``); a provider
  status such as Checkout ``Declined`` with a technical code stays DECLINED with the code's reason
  (e.g. 20068 -> DECLINED / TIMEOUT).
* ``provider_transaction_id`` is the id of the object the payload is about: the refund id for a refund
  object, the dispute id for a dispute, the capture id for PayPal, the ``orderCode`` for Worldpay, the
  payment id in Checkout.com webhooks (their ``data.id``).
* Amounts: report-style CSV lines carry major units, as the real reports do; API payloads use each
  provider's own unit (docs/taxonomy.md); the truth is always ISO 4217 minor units.
* UPI and net banking (Razorpay) are BANK_TRANSFER.
"""

from __future__ import annotations

from payobs_pipeline.synthetic.incidents import (
    NOISY_PROVIDER,
    OUTAGE_REASON_SHARES,
    Incident,
    Scenario,
    natural_approval_rate,
    outage_reasons,
)
from payobs_pipeline.synthetic.lifecycles import LIFECYCLE_SHAPES
from payobs_pipeline.synthetic.merchants import MERCHANTS
from payobs_pipeline.synthetic.metric_truth import ATTEMPT_COUNTS, PAYMENT_COUNTS, expected_metrics
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.rows import (
    GENERATION_CHUNK_ROWS,
    generate_chunk,
    generate_lake_rows,
    generate_raw_rows,
    generation_chunks,
    lake_row_counts,
    noisy_row_count,
)
from payobs_pipeline.synthetic.traffic_mix import (
    MALFORMED_SHARE,
    MALFORMED_SHARES,
    PROVIDER_SHARES,
    STATUS_SHARES,
    UNKNOWN_PROVIDER_SHARE,
)
from payobs_pipeline.synthetic.truth import ExpectedEvent, LakeRow
from payobs_pipeline.synthetic.windows import WINDOW, window_key

__all__ = [
    "ATTEMPT_COUNTS", "GENERATION_CHUNK_ROWS", "LIFECYCLE_SHAPES", "MALFORMED_SHARE", "MALFORMED_SHARES",
    "MERCHANTS", "NOISY_PROVIDER", "OUTAGE_REASON_SHARES", "PAYMENT_COUNTS", "PROVIDER_SHARES", "STATUS_SHARES",
    "TEST_CARD_NUMBERS", "UNKNOWN_PROVIDER_SHARE", "WINDOW", "ExpectedEvent", "Incident", "LakeRow", "Scenario",
    "expected_metrics", "generate_chunk", "generate_lake_rows", "generate_raw_rows", "generation_chunks",
    "lake_row_counts", "natural_approval_rate", "noisy_row_count", "outage_reasons", "window_key",
]
