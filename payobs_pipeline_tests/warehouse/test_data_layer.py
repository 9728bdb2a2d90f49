"""The shape the code keeps: one data layer for the warehouse, one place that reads the environment."""

import re
from pathlib import Path

from payobs_pipeline import settings

PACKAGE = Path(__file__).resolve().parents[2] / "payobs_pipeline"
WAREHOUSE = PACKAGE / "warehouse"
MIGRATIONS = WAREHOUSE / "migrations"


def _tables() -> set[str]:
    """Every table and view the migrations create."""
    names = set()
    for migration in MIGRATIONS.rglob("*.py"):
        names |= set(re.findall(r"CREATE (?:OR REPLACE )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?([a-z_]+)",
                                migration.read_text(encoding="utf-8")))
    return names


def _modules(outside: Path | None = None):
    for path in sorted(PACKAGE.rglob("*.py")):
        if outside is None or outside not in path.parents:
            yield path


def test_no_sql_about_the_warehouse_tables_outside_the_warehouse_package():
    tables = _tables()
    assert {"unprocessed_events", "normalized_events", "attempts", "approval_metrics"} <= tables
    statement = re.compile(r"\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\s+(" + "|".join(sorted(tables)) + r")\b")
    found = {f"{path.relative_to(PACKAGE)}: {match.group(0)}"
             for path in _modules(outside=WAREHOUSE) for match in statement.finditer(path.read_text(encoding="utf-8"))}
    assert found == set()


def test_the_unprocessed_states_are_spelled_in_one_module():
    spelled = [str(path.relative_to(PACKAGE)) for path in _modules(outside=MIGRATIONS)
               if "DEAD_LETTER" in path.read_text(encoding="utf-8")]
    assert spelled == ["warehouse/unprocessed.py"]


def test_only_settings_reads_the_environment():
    reads = re.compile(r"os\.environ\.get\(|os\.getenv\(|os\.environ\[[^\]]+\](?!\s*=)")
    readers = [str(path.relative_to(PACKAGE)) for path in _modules()
               if path.name != "settings.py" and reads.search(path.read_text(encoding="utf-8"))]
    assert readers == []


def test_every_variable_settings_reads_is_listed():
    text = (PACKAGE / "settings.py").read_text(encoding="utf-8")
    named = set(re.findall(r'"((?:PAYOBS|OPENAI|DAGSTER)_[A-Z_]+)"', text))
    assert named <= set(settings.VARIABLES)
    assert set(settings.DATABASE_VARIABLES.values()) <= set(settings.VARIABLES)
