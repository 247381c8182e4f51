"""A real review server for tests: the seed article translated into Korean (pseudo
engine), served by uvicorn on 127.0.0.1 in a thread (any free port)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from l10n.config import load_settings
from l10n.review.server import ReviewServer, prepare
from l10n.workflow.translate import translate

SLUG = "nvidia-korea-ai-alliance"
PO = Path("locales") / "ko" / f"{SLUG}.po"


def translated(project: Path, engine: str = "pseudo") -> Path:
    translate(load_settings(cwd=project), engine_name=engine)
    return project


@contextmanager
def running(project: Path, **options: object) -> Iterator[ReviewServer]:
    """``l10n review --port 0`` on ``project``, for the duration of the block."""
    server = prepare(load_settings(cwd=project), port=0, **options)  # type: ignore[arg-type]
    with server.background():
        yield server
