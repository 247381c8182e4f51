"""Commands that read source articles: ``segment``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli import _common
from l10n.cli._common import Command

ArticleArgument = Annotated[
    Path,
    typer.Argument(
        metavar="ARTICLE", help="An article file (.txt news dump, or .md with front matter)."
    ),
]


def segment(
    article: ArticleArgument,
    as_json: _common.JsonOption = False,
    config: _common.ConfigOption = None,
) -> None:
    """Show how ARTICLE is split into segments (the sentences that get translated)."""
    from l10n.articles import read_article
    from l10n.text.segment import segment_article

    settings = _common.settings(config)
    parsed = read_article(article, furniture=settings.furniture, lang=settings.source,
                          content=settings.html.content, exclude=settings.html.exclude)
    with _common.progress_bars() as bars:
        told = None if bars is None else (
            lambda done, total: bars.segment(parsed.slug, done, total))
        segments = segment_article(parsed, told)
    labels = parsed.block_labels()
    if as_json:
        _common.print_json(
            [
                {
                    "text": seg.text,
                    "block": seg.block,
                    "index": seg.index,
                    "kind": seg.kind,
                    "label": labels[seg.block],
                    "line": seg.line,
                    "start": seg.start,
                }
                for seg in segments
            ]
        )
        return
    typer.echo(f"{settings.display(article)}: {parsed.slug}, {len(segments)} segments")
    for seg in segments:
        where = f"{seg.block}:{seg.index}"
        typer.echo(f"{where:>6}  {labels[seg.block]:<14} line {seg.line:<4} {seg.text}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("segment", cls=Command)(segment)
