"""Command: build (publish localized HTML and Markdown from the catalogs)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Annotated, Any

import typer

from l10n.cli import _common
from l10n.cli._common import (
    ConfigOption,
    JsonOption,
    LangOption,
    finish,
    print_json,
    settings,
)

OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="FOLDER",
                 help="Build folder (default: `build` in l10n.toml, or build/)."),
]
MinReviewedOption = Annotated[
    float | None,
    typer.Option(
        "--min-reviewed",
        metavar="PERCENT",
        min=0.0,
        max=100.0,
        help="Skip a language whose catalog has less than this percent of the article's "
        "entries reviewed (default: `min_reviewed` in l10n.toml, or 0).",
    ),
]
MachineOption = Annotated[
    bool,
    typer.Option(
        "--include-machine",
        help="Also publish unreviewed (fuzzy) translations; the pages then say "
        "'machine-translated, not yet reviewed'.",
    ),
]
FailOnErrorsOption = Annotated[
    bool,
    typer.Option(
        "--fail-on-errors",
        help="Refuse to publish a language whose catalog has check errors in the entries "
        "it would publish (as `l10n check` finds them); exit 1 if any was refused.",
    ),
]


SiteUrlOption = Annotated[
    str | None,
    typer.Option(
        "--site-url",
        metavar="URL",
        help="Where the build folder is published (default: `site_url` in l10n.toml): "
        "absolute URLs, canonical links, sitemap.xml, news-sitemap.xml and each "
        "language's feed.xml; without one these are skipped.",
    ),
]


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="site: HTML and Markdown pages, indexes, sitemaps and feeds; hugo: a Hugo "
        "site's content tree (content/<lang>/<slug>.md), its languages configuration "
        "and a minimal theme, for `hugo -s FOLDER`.",
    ),
]


ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Build into a folder l10n refuses otherwise: a filesystem root, your home "
        "folder, the project's folder or one of its ancestors.",
    ),
]


def build(
    articles: _common.ArticlesArg = None,
    lang: LangOption = None,
    out: OutOption = None,
    min_reviewed: MinReviewedOption = None,
    include_machine: MachineOption = False,
    fail_on_errors: FailOnErrorsOption = False,
    force: ForceOption = False,
    site_url: SiteUrlOption = None,
    output: FormatOption = "site",
    config: ConfigOption = None,
    json_: JsonOption = False,
) -> None:
    """Write build/<lang>/<slug>.html and .md for each article and language, with
    indexes (and with a site URL, sitemaps and feeds), or a Hugo tree with --format
    hugo; only reviewed translations unless --include-machine."""
    from l10n.lang import split_languages
    from l10n.workflow.build import build as run

    conf = settings(config)
    result = run(
        conf,
        articles,
        langs=split_languages(lang),
        out=out,
        min_reviewed=min_reviewed,
        include_machine=include_machine,
        fail_on_errors=fail_on_errors,
        force=force,
        site_url=site_url,
        output=output,
    )
    refused = any(skip.errors for skip in result.skipped)
    if json_:
        print_json(_as_json(result, conf.display))
        finish(result.problems)
        if refused:
            raise typer.Exit(code=1)
        return
    lines = (  # a write per 1,000 lines: an archive has tens of thousands of pages
        f"{page.lang}/{page.slug}: {page.coverage.reviewed_percent:g}% reviewed"
        + (", includes machine translation" if page.used_machine else "")
        + (f", {page.translated_percent:g}% translated (the rest in the source language)"
           if page.source_shown else "")
        for page in result.each_page())
    while chunk := list(itertools.islice(lines, 1000)):
        typer.echo("\n".join(chunk))
    removed = f", {len(result.removed)} stale removed" if result.removed else ""
    typer.echo(
        f"{result.written_count} files written, {result.unchanged_count} "
        f"unchanged{removed} in {conf.display(result.out)}"
    )
    for skip in result.skipped:
        typer.echo(f"skipped {skip.lang}/{skip.slug}: {skip.reason}", err=True)
    for notice in result.notices:
        typer.echo(f"note: {notice}", err=True)
    finish(result.problems)
    if refused:
        raise typer.Exit(code=1)


def _as_json(result: Any, display: Any) -> dict[str, Any]:
    return {
        "problems": [dataclasses.asdict(problem) for problem in result.problems],
        "notices": list(result.notices),
        "out": display(result.out),
        "pages": [
            {
                "slug": p.slug,
                "lang": p.lang,
                "reviewed_percent": p.coverage.reviewed_percent,
                "machine": p.used_machine,
                "segments": p.coverage.total,
                "reviewed": p.coverage.reviewed,
                "unreviewed": p.coverage.machine,
                "untranslated": p.coverage.untranslated,
                "source_text": p.source_shown,  # segment texts shown in the source language
                "translated_percent": p.translated_percent,
            }
            for p in result.each_page()
        ],
        "written": [display(path) for path in result.written],
        "unchanged": [display(path) for path in result.unchanged],
        "removed": [display(path) for path in result.removed],
        "skipped": [
            {
                "slug": s.slug,
                "lang": s.lang,
                "reason": s.reason,
                "reviewed_percent": s.reviewed_percent,
                "check_errors": s.errors,
            }
            for s in result.skipped
        ],
    }


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("build", cls=_common.Command)(build)
