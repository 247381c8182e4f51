"""The review benchmark runs end to end on a small article and prints its figures
(the figures themselves are the benchmark's business, never asserted here)."""

from __future__ import annotations

import re
import shutil

import pytest

from benchmarks import review

pytestmark = pytest.mark.slow


def test_the_review_benchmark_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    review.main(["--segments", "30", "--runs", "1", "--saves", "2"])
    out = capsys.readouterr().out
    assert "review page, 30 entries" in out  # 30 distinct sentences, one entry each
    for label in ("first paint, cold server", "first paint, reload", "findings shown, reload",
                  "seed article (13 entries)", "big article (30 entries)"):
        assert re.search(rf"{re.escape(label)}\s+\d+ ms \(best \d+\)", out), label

