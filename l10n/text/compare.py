"""How similar two source texts are: the one measure the catalog merge and the
translation memory both use."""

from __future__ import annotations

import difflib


def similarity_ratio(a: str, b: str) -> float:
    """difflib's ratio ``2*M / (len(a) + len(b))``, 0..1 (1 when equal); ``autojunk`` off,
    so that long sentences are not skewed."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


__all__ = ["similarity_ratio"]
