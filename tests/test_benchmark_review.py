"""The review benchmark runs end to end on a small article and prints its figures
(the figures themselves are the benchmark's business, never asserted here)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_the_review_benchmark_prints_its_figures() -> None:
    if shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    # its own process, as it is run (Playwright's sync API allows one per thread, and the
    # browser tests hold theirs for the session)
    run = subprocess.run([sys.executable, "-m", "benchmarks.review", "--segments", "30",
                          "--runs", "1", "--saves", "2"], cwd=ROOT, capture_output=True,
                         text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "review page, 30 entries" in out  # 30 distinct sentences, one entry each
    for label in ("first paint, cold server", "first paint, reload", "findings shown, reload",
                  "seed article (13 entries)", "big article (30 entries)"):
        assert re.search(rf"{re.escape(label)}\s+\d+ ms \(best \d+\)", out), label

