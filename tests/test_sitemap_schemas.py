"""The sitemaps validated by lxml against the published schemas: sitemaps.org 0.9
(``urlset``, ``sitemapindex``), Google's News extension, and W3C XHTML 1.0 Strict for
the ``xhtml:link`` hreflang alternates (fetched by ``tests/sitemap_schemas.py``; without
them the tests are skipped, saying how to fetch them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from l10n.config import load_settings
from l10n.workflow.build import build
from tests.sitemap_schemas import schema_folder
from tests.test_site import NS, site_project  # noqa: F401 (the fixture)

SCHEMAS, WHY_NOT = schema_folder()
pytestmark = pytest.mark.skipif(SCHEMAS is None, reason=WHY_NOT)


class _Cached(etree.Resolver):
    """xhtml1-strict.xsd imports xml.xsd by its W3C URL: the cached copy is read instead
    (the tests never reach the network)."""

    def resolve(self, url: str, public_id: str, context: Any) -> Any:
        if url.endswith("/xml.xsd") and SCHEMAS is not None:
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


def schema(imports: dict[str, str]) -> etree.XMLSchema:
    """One schema of the cached files ``imports`` (namespace -> file)."""
    assert SCHEMAS is not None
    body = "".join(f'<xs:import namespace="{namespace}" schemaLocation="{SCHEMAS / name}"/>'
                   for namespace, name in imports.items())
    text = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{body}</xs:schema>'
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Cached())
    return etree.XMLSchema(etree.fromstring(text, parser, base_url=str(SCHEMAS / "all.xsd")))


def urlset() -> etree.XMLSchema:
    return schema({NS["s"]: "sitemap.xsd", NS["n"]: "sitemap-news.xsd",
                   NS["x"]: "xhtml1-strict.xsd"})


def valid(checker: etree.XMLSchema, path: Path) -> etree._ElementTree:
    document = etree.parse(str(path))
    assert checker.validate(document), (path.name, checker.error_log.filter_from_errors())
    return document


def test_the_sitemaps_are_valid_by_their_schemas(site_project: Path) -> None:  # noqa: F811
    out = build(load_settings(cwd=site_project), include_machine=True).out
    checker = urlset()
    sitemap = valid(checker, out / "sitemap.xml")
    assert len(sitemap.findall("s:url/x:link", NS)) == 6 * 4  # the alternates were checked
    news = valid(checker, out / "news-sitemap.xml")
    assert len(news.findall("s:url/n:news", NS)) == 6
    # and the schemas are strict: what a sitemap must not hold is refused
    wrong = etree.parse(str(out / "news-sitemap.xml"))
    wrong.find("s:url/n:news/n:publication/n:language", NS).text = "en-US"
    assert not checker.validate(wrong)
    wrong = etree.parse(str(out / "sitemap.xml"))
    link = wrong.find("s:url/x:link", NS)
    link.set("lang", "en")  # an attribute XHTML's link has not (it has xml:lang)
    link.set("hreflang", "x default")  # not a language code
    assert not checker.validate(wrong)
    wrong = etree.parse(str(out / "sitemap.xml"))
    url = wrong.find("s:url", NS)
    url.remove(url.find("s:loc", NS))
    assert not checker.validate(wrong)


def test_a_sitemap_index_and_its_parts_are_valid(
    site_project: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    import l10n.publish.sitemap as sitemaps

    monkeypatch.setattr(sitemaps, "MAX_URLS", 4)
    out = build(load_settings(cwd=site_project), include_machine=True).out
    index = valid(schema({NS["s"]: "siteindex.xsd"}), out / "sitemap.xml")
    assert len(index.findall("s:sitemap/s:loc", NS)) == 2
    checker = urlset()
    for number in (1, 2):
        valid(checker, out / f"sitemap-{number}.xml")
    assert not schema({NS["s"]: "siteindex.xsd"}).validate(etree.parse(str(out / "sitemap-1.xml")))
