"""Shape fingerprints: payloads with the same key paths share one learned mapping."""

from __future__ import annotations

import hashlib
from typing import Any

MAX_DEPTH = 6


def key_paths(body: Any, max_depth: int = MAX_DEPTH) -> list[str]:
    """Sorted key paths of a document; list items collapse to ``[]`` (first item only)."""
    paths: set[str] = set()
    if max_depth > 0:
        _walk(paths.add, "", body, 1, max_depth)
    return sorted(paths)


def _walk(add, prefix: str, node: Any, depth: int, max_depth: int) -> None:
    """Add the key paths under ``node`` (at ``depth - 1``, which is below ``max_depth``); recursive, at most
    ``max_depth`` calls deep. Every parsed row's shape is walked once in the parse stage: no tuple per node."""
    if isinstance(node, dict):
        deeper = depth < max_depth
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            add(path)
            if deeper and isinstance(value, (dict, list)):
                _walk(add, path, value, depth + 1, max_depth)
    elif isinstance(node, list) and node and depth < max_depth:
        _walk(add, f"{prefix}[]", node[0], depth + 1, max_depth)


def shape_fingerprint(body: Any) -> str:
    """A short stable hash of the document's key paths (values do not matter)."""
    digest = hashlib.sha1("\n".join(key_paths(body)).encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]
