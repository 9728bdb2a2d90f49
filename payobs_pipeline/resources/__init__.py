"""Dagster resources: every external system (lake, warehouse, LLM) behind one."""
