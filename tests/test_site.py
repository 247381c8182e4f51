"""A build for a site, read by real consumers: feeds by feedparser, sitemaps by
ultimate-sitemap-parser and lxml, JSON-LD and Open Graph by extruct and pyld; the
outputs follow change like the pages, and leave with the site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import polib
import pytest
from lxml import etree
from usp.tree import sitemap_from_str

from l10n.config import load_settings
from l10n.errors import ConfigError, UsageError
from l10n.workflow.build import build
from l10n.workflow.translate import translate
from tests.cli_helpers import run_l10n
from tests.conftest import DATA, SEED

SITE = "https://news.example.com/world/"
CMS = DATA / "html" / "cms-article.html"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml",
      "n": "http://www.google.com/schemas/sitemap-news/0.9"}


@pytest.fixture()
def site_project(tmp_path: Path) -> Path:
    """Two articles (a news dump, a CMS page), machine-translated into Korean and Spanish."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    shutil.copy(CMS, tmp_path / "seeds" / CMS.name)
    (tmp_path / "l10n.toml").write_text(
        f'source = "en"\ntargets = ["ko", "es"]\nsite_url = "{SITE}"\n'
        'site_name = "The Korea Desk"\n', encoding="utf-8")
    translate(load_settings(cwd=tmp_path), engine_name="pseudo")
    return tmp_path


def test_feeds_read_by_feedparser(site_project: Path) -> None:
    out = build(load_settings(cwd=site_project), include_machine=True).out
    for lang in ("en", "ko", "es"):
        feed = feedparser.parse((out / lang / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == "atom10" and feed.feed.language == lang
        assert feed.feed.title.startswith("The Korea Desk · ")
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == f"{SITE}{lang}/feed.xml"
        entries = feed.entries
        assert [e.link for e in entries] == [
            f"{SITE}{lang}/nvidia-korea-ai-alliance.html",  # 06:24 UTC, newest first
            f"{SITE}{lang}/cms-article.article.html",  # 06:24 in Seoul: 21:24 UTC the day before
        ]
        assert [e.published_parsed[:4] for e in entries] == [(2025, 11, 2, 6), (2025, 11, 1, 21)]
        assert all(e.title_detail.language == lang and e.summary and e.author for e in entries)
        if lang == "ko":
            assert entries[0].title.startswith("⟦")  # the page's own (translated) title
    # each language's pages and index link their feed
    page = (out / "ko" / "nvidia-korea-ai-alliance.html").read_text("utf-8")
    index = (out / "ko" / "index.html").read_text("utf-8")
    link = f'<link rel="alternate" type="application/atom+xml" href="{SITE}ko/feed.xml"'
    assert link in page and link in index


def test_sitemaps_read_by_a_sitemap_parser_and_lxml(site_project: Path) -> None:
    out = build(load_settings(cwd=site_project), include_machine=True).out
    text = (out / "sitemap.xml").read_text("utf-8")
    pages = list(sitemap_from_str(text).all_pages())
    expected = {f"{SITE}{lang}/{name}" for lang in ("en", "ko", "es")
                for name in ("nvidia-korea-ai-alliance.html", "cms-article.article.html")}
    assert {page.url for page in pages} == expected and len(pages) == 6
    ko = next(p for p in pages if p.url == f"{SITE}ko/cms-article.article.html")
    assert dict(ko.alternates) == {
        "en": f"{SITE}en/cms-article.article.html", "ko": f"{SITE}ko/cms-article.article.html",
        "es": f"{SITE}es/cms-article.article.html",
        "x-default": f"{SITE}en/cms-article.article.html"}
    assert ko.last_modified is not None and ko.last_modified.isoformat() == (
        "2025-11-02T06:24:39+09:00")
    tree = etree.fromstring(text.encode("utf-8"))
    assert tree.tag == f"{{{NS['s']}}}urlset"
    for url in tree.iterfind("s:url", NS):  # what the 0.9 schema asks: loc first, absolute
        assert etree.QName(url[0]).localname == "loc" and url[0].text.startswith(SITE)
        links = url.findall("x:link", NS)
        assert [link.get("rel") for link in links] == ["alternate"] * 4
    news = etree.fromstring((out / "news-sitemap.xml").read_bytes())
    stories = list(sitemap_from_str((out / "news-sitemap.xml").read_text("utf-8")).all_pages())
    assert len(stories) == 6 == len(news.findall("s:url", NS))
    assert {(s.news_story.publication_name, s.news_story.publication_language)
            for s in stories} == {("The Korea Desk", lang) for lang in ("en", "ko", "es")}
    first = stories[0]
    assert first.url.endswith("/nvidia-korea-ai-alliance.html")
    assert first.news_story.publish_date.isoformat() == "2025-11-02T06:24:39+00:00"


def test_json_ld_and_open_graph_read_by_extruct_and_pyld(site_project: Path) -> None:
    import extruct
    from pyld import jsonld

    out = build(load_settings(cwd=site_project), include_machine=True).out

    def read(name: str) -> dict[str, object]:
        return extruct.extract((out / name).read_text("utf-8"), base_url=SITE + name,
                               syntaxes=["json-ld", "opengraph"], uniform=True)

    for name in ("ko/nvidia-korea-ai-alliance.html", "ko/cms-article.article.html",
                 "ko/cms-article.html"):
        found = read(name)
        (article,) = found["json-ld"]
        assert article["@type"] == "NewsArticle" and article["inLanguage"] == "ko"
        assert {"headline", "description", "datePublished", "dateModified", "author"} <= set(
            article)
        public = name.replace("cms-article.html", "cms-article.article.html")
        assert article["url"] == SITE + public  # the templated page of an HTML article
        assert article["translationOfWork"]["@id"] == SITE + public.replace("ko/", "en/")
        (graph,) = found["opengraph"]
        assert graph["og:locale"] == "ko_KR" and graph["og:locale:alternate"] in (
            "en_US", ["en_US", "es_ES"])
    source = read("en/nvidia-korea-ai-alliance.html")["json-ld"][0]
    assert [(t["inLanguage"], t["@id"]) for t in source["workTranslation"]] == [
        ("ko", f"{SITE}ko/nvidia-korea-ai-alliance.html"),
        ("es", f"{SITE}es/nvidia-korea-ai-alliance.html")]
    assert source["author"] == {"@type": "Person", "name": "Pedro Espinola Special Correspondent"}

    def offline(url: str, options: object = None) -> dict[str, object]:  # schema.org's terms
        assert url == "https://schema.org"
        return {"contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": "https://schema.org/"}}}

    expanded = jsonld.expand(source, {"documentLoader": offline})
    (node,) = expanded
    assert node["@type"] == ["https://schema.org/NewsArticle"]
    works = node["https://schema.org/workTranslation"]
    assert [w["@id"] for w in works] == [f"{SITE}ko/nvidia-korea-ai-alliance.html",
                                         f"{SITE}es/nvidia-korea-ai-alliance.html"]


def test_canonical_links_name_the_public_page(site_project: Path) -> None:
    out = build(load_settings(cwd=site_project), include_machine=True).out
    for name, target in [("ko/nvidia-korea-ai-alliance.html", "ko/nvidia-korea-ai-alliance.html"),
                         ("ko/cms-article.html", "ko/cms-article.article.html"),
                         ("ko/cms-article.article.html", "ko/cms-article.article.html")]:
        page = (out / name).read_text("utf-8")
        assert page.count('rel="canonical"') == 1
        assert f'<link rel="canonical" href="{SITE}{target}">' in page
    # the source's own page keeps the CMS's canonical address
    original = (out / "en" / "cms-article.article.html").read_text("utf-8")
    assert original.count('rel="canonical"') == 1 and SITE not in original.split(
        'rel="canonical"')[1][:80]


def test_site_outputs_follow_change_and_leave_with_the_site(site_project: Path) -> None:
    settings = load_settings(cwd=site_project)
    first = build(settings, include_machine=True)
    names = {p.relative_to(first.out).as_posix() for p in first.written}
    assert {"sitemap.xml", "news-sitemap.xml", "ko/feed.xml", "es/feed.xml"} <= names
    assert first.notices == ()
    again = build(settings, include_machine=True)
    assert again.written == () and again.removed == ()  # nothing rewritten
    # a reviewed title changes the Korean pages, the Korean feed and the sitemaps' news
    catalog = polib.pofile(str(site_project / "locales" / "ko" / "nvidia-korea-ai-alliance.po"))
    for entry in catalog:
        if entry.msgid.startswith("NVIDIA Hails South Korea"):
            entry.msgstr, entry.flags = "엔비디아, 한국을 AI 중심지로", []
    catalog.save()
    changed = build(settings, include_machine=True)
    rewritten = {p.relative_to(changed.out).as_posix() for p in changed.written}
    assert {"ko/feed.xml", "news-sitemap.xml", "ko/nvidia-korea-ai-alliance.html"} <= rewritten
    assert not {"es/feed.xml", "en/feed.xml", "es/nvidia-korea-ai-alliance.html"} & rewritten
    feed = feedparser.parse((changed.out / "ko" / "feed.xml").read_bytes())
    assert feed.entries[0].title == "엔비디아, 한국을 AI 중심지로"
    # without a site: one notice, and the site's files are removed
    (site_project / "l10n.toml").write_text('source = "en"\ntargets = ["ko", "es"]\n', "utf-8")
    bare = build(load_settings(cwd=site_project), include_machine=True)
    assert len(bare.notices) == 1 and "site_url" in bare.notices[0]
    assert not (bare.out / "sitemap.xml").exists() and not (bare.out / "ko" / "feed.xml").exists()
    listed = json.loads((bare.out / ".l10n-build.json").read_text("utf-8"))["files"]
    assert not [name for name in listed if name.endswith(".xml")]
    page = (bare.out / "ko" / "nvidia-korea-ai-alliance.html").read_text("utf-8")
    assert "canonical" not in page and "application/ld+json" in page and SITE not in page


def test_site_url_is_checked(tmp_path: Path) -> None:
    (tmp_path / "l10n.toml").write_text('site_url = "news.example.com"\n', "utf-8")
    with pytest.raises(ConfigError) as found:
        load_settings(cwd=tmp_path)
    assert found.value.line == 1 and "not a site URL" in found.value.message
    (tmp_path / "l10n.toml").write_text('site_url = "https://example.org/news"\n', "utf-8")
    assert load_settings(cwd=tmp_path).site_url == "https://example.org/news/"
    with pytest.raises(UsageError):
        build(load_settings(cwd=tmp_path), site_url="ftp://example.org/")


@pytest.mark.slow
def test_cli_site_url_option_and_notice(site_project: Path) -> None:
    (site_project / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', "utf-8")
    bare = run_l10n("build", "--include-machine", cwd=site_project)
    assert bare.returncode == 0, bare.stderr
    assert bare.stderr.count("note: no site_url") == 1
    done = run_l10n("build", "--include-machine", "--site-url", "https://example.org",
                    "--json", cwd=site_project)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["notices"] == [] and "build/sitemap.xml" in data["written"]
    assert "https://example.org/ko/feed.xml" in (site_project / "build" / "ko" / "feed.xml"
                                                  ).read_text("utf-8")


def test_json_ld_cannot_close_its_script(tmp_path: Path) -> None:
    """An article whose title and text carry markup: the JSON-LD holds it as text, and the
    page has no script but its JSON-LD."""
    import html5lib

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "wire.txt").write_text(
        "Deal </script><script>alert(1)</script> <!-- closes\n"
        "Jane Doe\ndesk@example.com | 2025-11-02 06:24:39\n"
        "A chip deal was announced today </script><img src=x onerror=alert(2)>.\n",
        encoding="utf-8")
    (tmp_path / "l10n.toml").write_text(f'source = "en"\ntargets = ["ko"]\nsite_url = "{SITE}"\n',
                                        encoding="utf-8")
    out = build(load_settings(cwd=tmp_path)).out
    page = (out / "en" / "wire.html").read_text("utf-8")
    document = html5lib.parse(page, namespaceHTMLElements=False)
    scripts = document.findall(".//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert not document.findall(".//img")
    data = json.loads(scripts[0].text)
    assert data["headline"] == "Deal </script><script>alert(1)</script> <!-- closes"
    assert data["description"].endswith("</script><img src=x onerror=alert(2)>.")


def test_a_build_larger_than_a_sitemap_gets_a_sitemap_index(
    site_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More pages than one sitemap may list (50,000; 4 here): sitemap.xml is the index of
    parts of whole articles, each read by the parser; the parts leave when they are not
    needed any more."""
    import l10n.publish.sitemap as sitemaps

    settings = load_settings(cwd=site_project)
    monkeypatch.setattr(sitemaps, "MAX_URLS", 4)
    out = build(settings, include_machine=True).out
    tree = sitemap_from_str((out / "sitemap.xml").read_text("utf-8"))
    assert [s.url for s in tree.sub_sitemaps] == [f"{SITE}sitemap-1.xml", f"{SITE}sitemap-2.xml"]
    parts = [list(sitemap_from_str((out / f"sitemap-{n}.xml").read_text("utf-8")).all_pages())
             for n in (1, 2)]
    assert [len(part) for part in parts] == [3, 3]  # an article's three languages together
    assert {p.url.rsplit("/", 1)[1] for p in parts[0]} == {"cms-article.article.html"}
    monkeypatch.setattr(sitemaps, "MAX_URLS", 50_000)
    again = build(settings, include_machine=True)
    assert {p.relative_to(out).as_posix() for p in again.removed} == {
        "sitemap-1.xml", "sitemap-2.xml"}
    assert len(list(sitemap_from_str((out / "sitemap.xml").read_text("utf-8")).all_pages())) == 6


SITE_FILES = ("sitemap.xml", "news-sitemap.xml", "en/feed.xml", "ko/feed.xml", "es/feed.xml",
              "index.html", "en/index.html", "ko/index.html", "es/index.html")


def _site_files(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text("utf-8") for name in SITE_FILES}


def test_a_build_of_named_articles_keeps_the_others_in_the_site_files(
    site_project: Path,
) -> None:
    """``l10n build ARTICLE``: the sitemaps, feeds and indexes still list every article
    of the folder (those are a full build's, byte for byte), and the other article's
    pages are left as they were."""
    settings = load_settings(cwd=site_project)
    out = build(settings, include_machine=True).out
    before = _site_files(out)
    cms = {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
           for p in out.glob("*/cms-article*")}
    assert len(cms) == 9  # .html, .md, .article.html in three languages
    # the news dump is updated: a new date (its sitemap lastmod, feed dates change)
    seed = site_project / "seeds" / SEED.name
    seed.write_text(seed.read_text("utf-8").replace("2025-11-02 06:24:39", "2025-11-03 08:00:00"),
                    encoding="utf-8")
    named = build(settings, [seed], include_machine=True)
    written = {p.relative_to(out).as_posix() for p in named.written}
    assert {"sitemap.xml", "news-sitemap.xml", "ko/nvidia-korea-ai-alliance.html"} <= written
    assert not [name for name in written if "cms-article" in name] and named.removed == ()
    assert {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.glob("*/cms-article*")} == cms
    after = _site_files(out)
    full = _site_files(build(settings, include_machine=True, out=site_project / "full").out)
    # the same files as a full build's (its site URL is the same, so is every byte)
    assert after == full
    # and those of the first build, but for the updated article's dates
    def undated(text: str) -> str:
        return text.replace("2025-11-03T08:00:00", "2025-11-02T06:24:39")

    xml = [name for name in SITE_FILES if name.endswith(".xml")]
    assert {name: undated(after[name]) for name in xml} == {name: before[name] for name in xml}
    assert all(after[name] != before[name] for name in xml)
    assert all(after[name].count("cms-article") == before[name].count("cms-article") > 0
               for name in SITE_FILES if name != "index.html")
    assert build(settings, include_machine=True).written == ()  # a full build: no change
    urls = {p.url for p in sitemap_from_str(after["sitemap.xml"]).all_pages()}
    assert len(urls) == 6 and sum("cms-article" in url for url in urls) == 3
    ko = feedparser.parse(after["ko/feed.xml"].encode("utf-8"))
    assert [e.link.rsplit("/", 1)[1] for e in ko.entries] == [
        "nvidia-korea-ai-alliance.html", "cms-article.article.html"]
    assert ko.entries[0].published_parsed[:4] == (2025, 11, 3, 8)
    # a named build of a new article adds it to the others
    shutil.copy(site_project / "seeds" / SEED.name, site_project / "seeds" / "second-story.txt")
    translate(settings, engine_name="pseudo")
    build(settings, [site_project / "seeds" / "second-story.txt"], include_machine=True)
    urls = {p.url for p in sitemap_from_str((out / "sitemap.xml").read_text("utf-8"))
            .all_pages()}
    assert len(urls) == 9 and sum("second-story" in url for url in urls) == 3
    assert len(feedparser.parse((out / "es" / "feed.xml").read_bytes()).entries) == 3


def test_a_build_of_some_languages_keeps_the_others_in_the_site_files(
    site_project: Path,
) -> None:
    """``l10n build --lang ko`` (of every article, or of one): the Spanish pages it leaves
    in place stay in the sitemaps, feeds and indexes, which are a full build's."""
    settings = load_settings(cwd=site_project)
    out = build(settings, include_machine=True).out
    before = _site_files(out)
    catalog = polib.pofile(str(site_project / "locales" / "ko" / "nvidia-korea-ai-alliance.po"))
    for entry in catalog:
        if entry.msgid.startswith("NVIDIA Hails South Korea"):
            entry.msgstr, entry.flags = "엔비디아, 한국을 AI 중심지로", []
    catalog.save()
    korean = build(settings, langs=["ko"], include_machine=True)
    assert korean.removed == () and (out / "es" / "cms-article.article.html").is_file()
    after = _site_files(out)
    assert after == _site_files(build(settings, include_machine=True,
                                      out=site_project / "full").out)
    assert after["es/feed.xml"] == before["es/feed.xml"] and after != before
    urls = {p.url for p in sitemap_from_str(after["sitemap.xml"]).all_pages()}
    assert len(urls) == 6 and sum("/es/" in url for url in urls) == 2
    # one article, one language: the same
    seed = site_project / "seeds" / SEED.name
    seed.write_text(seed.read_text("utf-8").replace("2025-11-02 06:24:39", "2025-11-03 08:00:00"),
                    encoding="utf-8")
    build(settings, [seed], langs=["ko"], include_machine=True)
    es = feedparser.parse((out / "es" / "feed.xml").read_bytes())
    assert [e.link.rsplit("/", 1)[1] for e in es.entries] == [
        "nvidia-korea-ai-alliance.html", "cms-article.article.html"]
    assert len(list(sitemap_from_str((out / "sitemap.xml").read_text("utf-8")).all_pages())) == 6
