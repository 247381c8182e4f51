"""Run the real ``l10n`` command the way a user does: a subprocess, exit code and streams."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_l10n(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python -m l10n ARGS`` in ``cwd``; output captured as text."""
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("PYTHONHASHSEED", "0")
    return subprocess.run(
        [sys.executable, "-m", "l10n", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and modification time (ns)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
