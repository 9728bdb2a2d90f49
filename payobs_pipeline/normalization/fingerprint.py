"""Shape fingerprints: payloads with the same key paths share one learned mapping."""

from __future__ import annotations

import hashlib
from typing import Any

MAX_DEPTH = 6


def key_paths(body: Any, max_depth: int = MAX_DEPTH) -> list[str]:
    """Sorted key paths of a document; list items collapse to ``[]`` (first item only)."""
    paths: set[str] = set()
    stack: list[tuple[str, Any, int]] = [("", body, 0)]
    while stack:
        prefix, node, depth = stack.pop()
        if depth >= max_depth:
            continue
        if isinstance(node, dict):
            for key, value in node.items():
                path = f"{prefix}.{key}" if prefix else str(key)
                paths.add(path)
                if isinstance(value, (dict, list)):
                    stack.append((path, value, depth + 1))
        elif isinstance(node, list) and node:
            stack.append((f"{prefix}[]", node[0], depth + 1))
    return sorted(paths)


def shape_fingerprint(body: Any) -> str:
    """A short stable hash of the document's key paths (values do not matter)."""
    digest = hashlib.sha1("\n".join(key_paths(body)).encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]
