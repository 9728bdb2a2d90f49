"""The generator's layout: apart from the pure core, one module per provider named like its spec."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import payobs_pipeline
from payobs_pipeline.synthetic.providers import CULQI, LIFECYCLES, RENDERERS
from payobs_pipeline.synthetic.traffic_mix import PROVIDER_SHARES

PACKAGE = Path(payobs_pipeline.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_generator_never_imports_the_normalization_core():
    for path in (PACKAGE / "synthetic").rglob("*.py"):
        assert not any(m.startswith("payobs_pipeline.normalization") for m in _imported_modules(path)), path
    code = ("import sys, payobs_pipeline.synthetic, payobs_pipeline.synthetic.seed; "
            "print([m for m in sys.modules if m.startswith('payobs_pipeline.normalization')])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_normalization_core_never_imports_the_generator():
    for path in (PACKAGE / "normalization").rglob("*.py"):
        imported = _imported_modules(path)
        assert not any(m.startswith("payobs_pipeline.synthetic") for m in imported), path


def test_one_generator_module_per_provider_named_like_its_spec():
    modules = {p.stem for p in (PACKAGE / "synthetic" / "providers").glob("*.py")} - {"__init__"}
    rendered = set(RENDERERS) | {CULQI.name}
    assert modules == rendered
    specs = {p.stem for p in (PACKAGE / "normalization" / "providers").glob("*.py")}
    assert modules <= specs, modules - specs
    assert set(RENDERERS) == set(PROVIDER_SHARES) == set(LIFECYCLES)
    for name, renderer in RENDERERS.items():
        assert type(renderer).__module__ == f"payobs_pipeline.synthetic.providers.{name}"
        assert type(LIFECYCLES[name]).__module__ == f"payobs_pipeline.synthetic.providers.{name}"
