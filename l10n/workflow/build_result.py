"""What a build did (:func:`l10n.workflow.build.build`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import Problem
from l10n.fsutil import Rows
from l10n.publish.page import Coverage
from l10n.publish.translated import PageSummary, Skipped


@dataclass(frozen=True)
class BuildResult:
    """What a build did. Its pages and file names wait in temporary files (an archive's
    first build makes tens of thousands): :meth:`each_page` and the counts read none of
    them into memory; ``pages``, ``written`` and ``unchanged`` are made on demand."""

    out: Path
    page_rows: Rows  # every page built, originals included (see page_row)
    written_rows: Rows  # names of files whose bytes changed (in ``out``)
    unchanged_rows: Rows  # names of files already up to date, not touched (in ``out``)
    skipped: tuple[Skipped, ...]
    removed: tuple[Path, ...] = ()  # pages an earlier build made, no longer made
    problems: tuple[Problem, ...] = ()  # articles that could not be read (left out)
    notices: tuple[str, ...] = ()  # what the build left out, and why (no site_url)

    def each_page(self) -> Iterator[PageSummary]:
        for slug, lang, total, reviewed, machine, used_machine, shown in self.page_rows:
            yield PageSummary(slug, lang, Coverage(total, reviewed, machine), used_machine,
                              shown)

    @property
    def pages(self) -> tuple[PageSummary, ...]:
        return tuple(self.each_page())

    @property
    def written_count(self) -> int:
        return len(self.written_rows)

    @property
    def unchanged_count(self) -> int:
        return len(self.unchanged_rows)

    @property
    def written_names(self) -> tuple[str, ...]:
        return tuple(self.written_rows)

    @property
    def unchanged_names(self) -> tuple[str, ...]:
        return tuple(self.unchanged_rows)

    @property
    def written(self) -> tuple[Path, ...]:
        """The paths of the files written."""
        root = self.out.resolve()
        return tuple(root / name for name in self.written_rows)

    @property
    def unchanged(self) -> tuple[Path, ...]:
        """The paths of the files already up to date."""
        root = self.out.resolve()
        return tuple(root / name for name in self.unchanged_rows)


def page_row(page: PageSummary) -> list[object]:
    coverage = page.coverage
    return [page.slug, page.lang, coverage.total, coverage.reviewed, coverage.machine,
            page.used_machine, page.source_shown]


__all__ = ["BuildResult", "page_row"]
