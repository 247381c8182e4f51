"""What a build did (:func:`l10n.workflow.build.build`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import Problem
from l10n.fsutil import Rows
from l10n.publish import Page
from l10n.publish.files import file_names
from l10n.publish.page import Coverage
from l10n.publish.translated import PageSummary, Skipped


@dataclass(frozen=True)
class BuildResult:
    """What a build did. Its articles wait in a temporary file (an archive has tens of
    thousands of pages): :meth:`each_page` and the counts read none of them into
    memory; ``pages``, ``written`` and ``unchanged`` are made on demand."""

    out: Path
    output: str  # the build's format: the names of an article's files
    articles: Rows  # [format, page rows, names written] of each article (see page_row)
    files: tuple[tuple[str, bool], ...]  # (name, written) of each other file made
    written_count: int  # files whose bytes changed (in ``out``)
    unchanged_count: int  # files already up to date, not touched
    skipped: tuple[Skipped, ...]
    removed: tuple[Path, ...] = ()  # pages an earlier build made, no longer made
    problems: tuple[Problem, ...] = ()  # articles that could not be read (left out)
    notices: tuple[str, ...] = ()  # what the build left out, and why (no site_url)

    def each_page(self) -> Iterator[PageSummary]:
        for _, rows, _ in self.articles:
            for slug, lang, total, reviewed, machine, used_machine, shown in rows:
                yield PageSummary(slug, lang, Coverage(total, reviewed, machine),
                                  used_machine, shown)

    @property
    def pages(self) -> tuple[PageSummary, ...]:
        return tuple(self.each_page())

    def names(self) -> Iterator[tuple[str, bool]]:
        """(name, written) of each file made, in the order they were made."""
        for article_format, rows, written in self.articles:
            for row in rows:
                for name in file_names(self.output, article_format, row[0], row[1]):
                    yield name, name in written
        yield from self.files

    @property
    def written(self) -> tuple[Path, ...]:
        """The paths of the files written."""
        root = self.out.resolve()
        return tuple(root / name for name, written in self.names() if written)

    @property
    def unchanged(self) -> tuple[Path, ...]:
        """The paths of the files already up to date."""
        root = self.out.resolve()
        return tuple(root / name for name, written in self.names() if not written)


def page_row(page: PageSummary | Page) -> list[object]:
    coverage = page.coverage
    return [page.slug, page.lang, coverage.total, coverage.reviewed, coverage.machine,
            page.used_machine, page.source_shown]
