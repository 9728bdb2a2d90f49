"""Imported by the stages' fork server only (workers.PRELOADED_MODULES): the stage modules loaded and the
built-in provider mappings compiled once, so every worker forked from it starts ready."""

from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.stages import card_scan, normalize, parse, snapshot

LOADED = (card_scan, normalize, parse, snapshot)
builtin_mappings()
