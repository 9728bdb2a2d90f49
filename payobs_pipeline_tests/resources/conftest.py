"""The scripted OpenAI-compatible server (payobs_pipeline_tests/llm_server.py) as the ``llm_server`` fixture."""

from payobs_pipeline_tests.llm_server import llm_server  # noqa: F401 -- a fixture, used by name
