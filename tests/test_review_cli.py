"""``l10n review`` as a user runs it: it prints where it is, serves, and stops cleanly on
Ctrl+C; bad input is a one-line error with exit code 2."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from l10n.review.server import bind
from tests.cli_helpers import run_l10n
from tests.conftest import allow_loopback
from tests.review_helpers import SLUG, translated

pytestmark = pytest.mark.slow


def start(project: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "l10n", "review", "--port", "0", *args], cwd=project,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("Reviewing 1 article in ko at http://"), first + process.stderr.read()
    return process, first.split(" at ", 1)[1].strip()


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGINT)  # Ctrl+C
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    return out, err


def test_review_serves_until_ctrl_c(project: Path) -> None:
    translated(project)
    process, url = start(project)
    try:
        assert url.startswith("http://127.0.0.1:") and "token" not in url
        with allow_loopback(), urllib.request.urlopen(f"{url}ko/{SLUG}", timeout=30) as page:
            assert page.status == 200
            assert 'data-entry="' in page.read().decode("utf-8")
    finally:
        out, err = stop(process)
    assert "Stopped." in out and "Traceback" not in err


def test_a_lan_server_prints_its_token(project: Path) -> None:
    translated(project)
    process, url = start(project, "--host", "0.0.0.0")
    try:
        assert "?token=" in url
        port = url.split(":")[2].split("/")[0]
        with allow_loopback(), pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)
        refused.value.close()
        assert refused.value.code == 401
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with allow_loopback():
            with browser.open(url, timeout=30) as page:  # the login redirect sets a cookie
                assert page.status == 200 and page.url == f"http://127.0.0.1:{port}/"
            with browser.open(f"http://127.0.0.1:{port}/ko/{SLUG}", timeout=30) as page:
                assert page.status == 200
    finally:
        stop(process)


def test_bad_input_is_one_line_and_exit_2(project: Path) -> None:
    translated(project)
    missing = run_l10n("review", "seeds/nope.txt", "--port", "0", cwd=project, timeout=60)
    assert missing.returncode == 2 and missing.stderr.startswith("Error: ")
    wrong = run_l10n("review", "--lang", "xx-nope", "--port", "0", cwd=project, timeout=60)
    assert wrong.returncode == 2 and wrong.stderr.startswith("Error: ")
    taken = bind("127.0.0.1", 0)
    try:
        port = str(taken.getsockname()[1])
        busy = run_l10n("review", "--port", port, cwd=project, timeout=60)
    finally:
        taken.close()
    assert busy.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    assert "--port" in busy.stderr and len(busy.stderr.strip().splitlines()) == 1


def test_without_the_review_extra_it_says_what_to_install(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from typer.testing import CliRunner

    from l10n.cli import app
    from l10n.errors import UsageError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "uvicorn" else real(name, *a))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["review", "--port", "0"])
    error = result.exception  # `l10n` turns it into "Error: ..." and its exit code
    assert isinstance(error, UsageError) and error.exit_code == 2
    assert "needs uvicorn" in str(error) and "l10n[review]" in str(error)
