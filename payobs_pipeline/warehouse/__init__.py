"""The warehouse's data layer: every SQL statement about payobs's own tables lives in this package.

One module per concern, each taking a connection (``WarehouseDatabase.connection()``, search_path set):

* ``batches``: the lake's rows as loaded (raw_lake_batch, window_loads);
* ``payloads``: parsed payloads (parsed_payloads);
* ``mappings``: what the LLM stage learned (normalization_mappings, llm_extractions, shape_learning);
* ``events``: normalized events (normalized_events; the keys a rerun replaces, lifecycle_touched);
* ``unprocessed``: the unprocessed-events lifecycle: record, resolve, due, requeue, dead letters
  (unprocessed_events, llm_status);
* ``lifecycle``: attempts, payments, refunds and disputes (and payment_links, window_restatements);
* ``metrics``: the metric tables; ``quality``: pipeline_quality; ``health`` (with the pure ``health_stats``):
  provider_health and alerts; ``fx``: fx_rates and USD conversion;
* ``analyst``: what analysts read (the views and metric tables) for ``payobs metrics`` and the report;
* ``migrate`` and ``migrations/``: the schema itself.

The assets, the sensors and the CLI call these functions; none of them holds SQL about these tables.
"""
