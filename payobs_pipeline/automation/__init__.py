"""Schedules and sensors: when windows are materialized and rematerialized."""
