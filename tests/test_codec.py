"""Facts as JSON (l10n.incremental.codec): every kind of fact the state keeps goes through
one encoder and one decoder, read back from the fact's own field types; a fact of
another shape is a miss, never a crash."""

from __future__ import annotations

import json
from types import MappingProxyType

import pytest

from l10n.catalog.counts import CatalogStatus
from l10n.incremental.codec import decode, decoded, encode
from l10n.model import Term
from l10n.publish.translated import Skipped
from l10n.workflow.build import Plan


def _through_json(value: object) -> object:
    return json.loads(json.dumps(encode(value)))


def test_glossary_terms_come_back_equal_and_read_only() -> None:
    """The glossary fact: terms whose targets and readings are read-only mappings."""
    terms = (Term("PC Bang", MappingProxyType({"ko": "PC방"}), ("PC bang",), False, None,
                  "internet cafe", MappingProxyType({"ko": "피시방"}), "terms.toml", 1),
             Term("NVIDIA", keep=True, file="terms.toml", line=9))
    found: tuple[Term, ...] = decode(tuple[Term, ...], _through_json(terms))
    assert found == terms
    assert isinstance(found[0].targets, MappingProxyType)
    with pytest.raises(TypeError):
        found[0].targets["es"] = "x"  # type: ignore[index]


def test_a_build_plan_and_a_status_row_come_back_equal() -> None:
    plan = Plan("markdown", [["a", "ko", 3, 2, 1, True, 1]],
                [Skipped("a", "es", "no catalog", None, 0)], [["ko", "a\0title"]],
                [{"url": "ko/a.html", "tags": ["x"]}])
    assert decode(Plan, _through_json(plan)) == plan
    row = CatalogStatus("ko", "a", 3, 1, 1, 0, 1, 0, 12, 2, "locales/ko/a.po", True)
    assert decode(CatalogStatus, _through_json(row)) == row


def test_a_fact_of_another_shape_is_a_miss() -> None:
    row = CatalogStatus("ko", "a", 3)
    data = _through_json(row)
    assert isinstance(data, list)
    assert decoded(CatalogStatus, None) is None
    assert decoded(CatalogStatus, data[:-1]) is None  # a field fewer: an older l10n's
    assert decoded(CatalogStatus, ["ko", "a", "three", *data[3:]]) is None  # another type
    with pytest.raises(ValueError):
        decode(CatalogStatus, data[:-1])
