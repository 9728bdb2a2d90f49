"""The unprocessed reasons are one vocabulary: every reason the code stores is a member, documented once."""

from __future__ import annotations

import re
from pathlib import Path

from payobs_pipeline.normalization import currency, formats, mapping, normalize
from payobs_pipeline.normalization.unprocessed_reasons import FINAL, UnprocessedReason

ROOT = Path(__file__).resolve().parents[2]


def test_docs_list_every_reason_with_its_meaning_and_finality():
    taxonomy = (ROOT / "docs" / "taxonomy.md").read_text()
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| (.+?) \| (?:yes)? ?\|$", taxonomy, flags=re.M))
    assert set(rows) == {reason.value for reason in UnprocessedReason}
    for reason in UnprocessedReason:
        assert rows[reason.value] == reason.meaning
        assert (f"| `{reason.value}` | {reason.meaning} | yes |" in taxonomy) == (reason in FINAL)


def test_the_engines_reason_names_are_the_vocabulary_s_members():
    for module in (formats, currency, mapping):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, str) and name in UnprocessedReason.__members__:
                assert value is UnprocessedReason[name], f"{module.__name__}.{name}"
    assert normalize.FINAL_DEFERRALS is FINAL
    assert formats.REASON_CODES < set(UnprocessedReason)


def test_no_reason_literal_is_spelled_outside_the_vocabulary():
    # The synthetic generator keeps its own words on purpose (it is the ground truth the code is checked
    # against), and the analyst benchmark's rows are synthetic data; docstrings may quote a reason.
    names = "|".join(UnprocessedReason.__members__)
    pattern = re.compile(rf"[\"']({names})[\"']")
    offenders = []
    for path in (ROOT / "payobs_pipeline").rglob("*.py"):
        if (path.name in ("unprocessed_reasons.py", "analyst_benchmark.py")
                or {"providers", "heuristics", "synthetic"} & set(path.parts)):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line) and "RejectedSpec" not in line and "``" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
