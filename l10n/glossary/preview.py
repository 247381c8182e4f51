"""The translator's preview: which glossary terms occur in which segments of an article."""

from __future__ import annotations

from dataclasses import dataclass

from l10n.glossary.match import Glossary
from l10n.model import Article, Segment, TermMatch
from l10n.text.segment import segment_article


@dataclass(frozen=True, slots=True)
class SegmentTerms:
    """The terms found in one segment; spans are offsets in ``segment.text``."""

    segment: Segment
    label: str  # the block's label: "title", "paragraph 3"
    matches: tuple[TermMatch, ...]


def find_in_article(glossary: Glossary, article: Article,
                    lang: str | None = None) -> list[SegmentTerms]:
    """Every translatable segment of ``article`` with at least one term, in order.

    ``lang`` as in :meth:`Glossary.find`: only terms with a target in that language.
    """
    labels = article.block_labels()
    found: list[SegmentTerms] = []
    for segment in segment_article(article):
        matches = glossary.find(segment.text, lang)
        if matches:
            found.append(SegmentTerms(segment, labels[segment.block], tuple(matches)))
    return found
