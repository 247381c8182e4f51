"""``l10n build --format hugo``: a Hugo site's content tree, built by Debian's real
``hugo`` and opened in Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import struct
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from l10n.config import load_settings
from l10n.publish.hugo import config_names
from l10n.workflow.build import build
from l10n.workflow.translate import translate
from tests.conftest import DATA, SEED, allow_loopback

SLUG = SEED.stem
CMS = DATA / "html" / "cms-article.html"


@pytest.fixture()
def hugo_project(tmp_path: Path) -> Path:
    """The seed with its reviewed Korean catalog (the golden build's), a CMS article, and
    Spanish machine output for both."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    shutil.copy(CMS, tmp_path / "seeds" / CMS.name)
    (tmp_path / "l10n.toml").write_text(
        'source = "en"\ntargets = ["ko", "es"]\nsite_url = "https://news.example.com/"\n'
        'site_name = "The Korea Desk"\n', encoding="utf-8")
    translate(load_settings(cwd=tmp_path), langs=["es"], engine_name="pseudo")
    target = tmp_path / "locales" / "ko" / f"{SLUG}.po"
    target.parent.mkdir(parents=True)
    shutil.copy(DATA / "build" / "ko.po", target)
    return tmp_path


def front(path: Path) -> tuple[dict[str, Any], str]:
    _, matter, body = path.read_text("utf-8").split("---\n", 2)
    return yaml.safe_load(matter), body


def test_the_content_tree_and_its_configuration(hugo_project: Path) -> None:
    settings = load_settings(cwd=hugo_project)
    site = hugo_project / "site"
    result = build(settings, out=site, output="hugo", include_machine=True)
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert names == sorted([
        ".l10n-build.json", ".l10n-articles.jsonl", "config/_default/hugo.yaml",
        "config/_default/languages.yaml",
        *(f"content/{lang}/{slug}.md" for lang in ("en", "es") for slug in (SLUG, "cms-article")),
        f"content/ko/{SLUG}.md",  # no Korean catalog of the CMS article
        *(f"themes/l10n/layouts/_default/{name}"
          for name in ("baseof.html", "single.html", "list.html"))])
    ko, body = front(site / "content" / "ko" / f"{SLUG}.md")
    assert ko["translationKey"] == SLUG and ko["date"] == "2025-11-02T06:24:39+00:00"
    assert ko["title"].startswith("엔비디아") and ko["description"] and ko["author"]
    assert ko["l10n"]["status"] == "machine" and ko["l10n"]["reviewed_percent"] == 61.5
    assert ko["l10n"]["notices"] == [  # 8 reviewed and 1 machine of 13 segments
        "기계 번역된 글이며 아직 검토되지 않았습니다.",
        "이 기사는 69.2%만 번역되었으며, 나머지는 원문(영어)으로 표시됩니다."]
    assert body.lstrip().startswith("글로벌 AI 강자 엔비디아는")
    es, _ = front(site / "content" / "es" / "cms-article.md")
    assert es["l10n"]["status"] == "machine" and es["translationKey"] == "cms-article"
    languages = yaml.safe_load((site / "config" / "_default" / "languages.yaml").read_text())
    assert list(languages) == ["en", "es", "ko"]
    assert languages["ko"] == {"contentDir": "content/ko", "languageCode": "ko",
                               "languageName": "한국어", "languageDirection": "ltr",
                               "weight": 3}
    config = yaml.safe_load((site / "config" / "_default" / "hugo.yaml").read_text())
    assert config["baseURL"] == "https://news.example.com/" and config["theme"] == "l10n"
    assert config["defaultContentLanguage"] == "en"
    assert result.notices == ()
    # unchanged: nothing rewritten; a gate: the Spanish pages leave, the config follows
    assert build(settings, out=site, output="hugo", include_machine=True).written == ()
    gated = build(settings, out=site, output="hugo")
    assert not (site / "content" / "es").exists()
    assert {p.relative_to(site).as_posix() for p in gated.written} == {  # its machine entry left
        "config/_default/languages.yaml", f"content/ko/{SLUG}.md", ".l10n-articles.jsonl"}
    listed = json.loads((site / ".l10n-build.json").read_text("utf-8"))["files"]
    assert not [name for name in listed if "/es/" in name]


def test_a_build_of_named_articles_keeps_the_sites_languages(hugo_project: Path) -> None:
    """``l10n build --format hugo cms-article.html``: the CMS article has no Korean page,
    yet the site keeps Korean (the seed's), and the seed's files are left alone."""
    settings = load_settings(cwd=hugo_project)
    site = hugo_project / "site"
    build(settings, out=site, output="hugo", include_machine=True)
    config = {name: (site / name).read_bytes() for name in config_names()}
    seed = {p: p.stat().st_mtime_ns for p in site.glob(f"content/*/{SLUG}.md")}
    named = build(settings, [hugo_project / "seeds" / CMS.name], out=site, output="hugo",
                  include_machine=True)
    assert named.written == () and named.removed == ()
    cms = hugo_project / "seeds" / CMS.name
    cms.write_text(cms.read_text("utf-8").replace("</h1>", " (updated)</h1>", 1), "utf-8")
    named = build(settings, [cms], out=site, output="hugo", include_machine=True)
    assert {p.relative_to(site).as_posix() for p in named.written} >= {
        "content/en/cms-article.md"}
    assert {name: (site / name).read_bytes() for name in config_names()} == config
    assert {p: p.stat().st_mtime_ns for p in site.glob(f"content/*/{SLUG}.md")} == seed
    assert build(settings, out=site, output="hugo", include_machine=True).written == ()


def test_a_site_build_and_a_hugo_build_in_one_folder_leave_nothing_behind(
    hugo_project: Path,
) -> None:
    settings = load_settings(cwd=hugo_project)
    out = hugo_project / "out"
    build(settings, out=out, output="hugo", include_machine=True)
    build(settings, out=out, include_machine=True)
    assert not (out / "content").exists() and not (out / "config" / "_default").exists()
    assert (out / "sitemap.xml").is_file()
    build(settings, out=out, output="hugo", include_machine=True)
    assert not (out / "sitemap.xml").exists() and not (out / "ko" / "feed.xml").exists()


def hugo() -> str:
    found = shutil.which("hugo")
    if found is None:
        pytest.skip("hugo is not installed (Debian: apt-get install -y hugo)")
    return found


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            pass

    with allow_loopback(), Quiet(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()


@pytest.mark.slow
def test_hugo_builds_the_tree_and_chromium_follows_its_translations(
    hugo_project: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    from tests.test_review_browser import CHROMIUM_ARGS, artifacts

    settings = load_settings(cwd=hugo_project)
    site = hugo_project / "site"
    build(settings, out=site, output="hugo", include_machine=True)
    public = tmp_path / "public"
    done = subprocess.run([hugo(), "--source", str(site), "--destination", str(public)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr + done.stdout
    ko = public / "ko" / SLUG / "index.html"
    document = lxml.html.fromstring(ko.read_bytes())
    assert document.get("lang") == "ko"
    alternates = {link.get("hreflang"): link.get("href")
                  for link in document.iterfind(".//link[@rel='alternate']")
                  if link.get("hreflang")}
    assert alternates == {lang: f"https://news.example.com/{lang}/{SLUG}/"
                          for lang in ("en", "es", "ko")}
    menu = [(a.get("hreflang"), a.get("href"))
            for a in document.xpath("//nav[@class='languages']//a")]
    assert menu == [(lang, f"/{lang}/{SLUG}/") for lang in ("en", "es", "ko")]
    notes = [p.text_content() for p in document.xpath("//p[@class='notice']")]
    assert notes == ["기계 번역된 글이며 아직 검토되지 않았습니다.",
                     "이 기사는 69.2%만 번역되었으며, 나머지는 원문(영어)으로 표시됩니다."]
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    with serving(public) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(f"{url}/ko/{SLUG}/")
            assert page.locator("h1").inner_text().startswith("엔비디아")
            shot = artifacts() / "hugo-ko.png"
            page.screenshot(path=str(shot))
            page.locator("nav.languages a[hreflang='en']").click()
            page.wait_for_url(f"{url}/en/{SLUG}/")
            assert page.locator("html").get_attribute("lang") == "en"
            assert page.locator("h1").inner_text().startswith("NVIDIA Hails")
            page.goto(f"{url}/es/")
            titles = page.locator("ul.articles a").all_inner_texts()
            assert len(titles) == 2 and all(title.startswith("⟦") for title in titles)
        finally:
            browser.close()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1100, 900) and len(data) > 30_000


POSTS = {
    "draft-post.md": "---\ntitle: A draft\ndate: 2025-03-01T10:00:00+09:00\ndraft: true\n"
                     "tags: [security, release]\n---\nThis post is a draft. It stays one.\n",
    "moved-post.md": "---\ntitle: A post that moved\ndate: 2025-02-01\ntags: [security]\n"
                     "categories: [news]\naliases: [/2019/old-address/]\nweight: 2\n---\n"
                     "This post moved. Its old links still work.\n",
    "fixed-url.md": '+++\ntitle = "A post with its own address"\ndate = 2025-01-15T08:30:00Z\n'
                    'url = "/articles/fixed-address/"\ntags = ["release"]\nweight = 1\n+++\n'
                    "This post sets its own address. Each language gets a page.\n",
}


@pytest.mark.slow
def test_hugo_renders_the_sources_front_matter_in_every_language(tmp_path: Path) -> None:
    """The source posts' ``draft``, ``tags``, ``categories``, ``aliases``, ``url`` and
    ``weight`` in the content tree, rendered by the real ``hugo``: the draft is
    published in no language, each language has its tag pages, the posts are in weight
    order (not by date), and no two pages write one path (a translation has its own
    ``url`` and none of the source page's old addresses)."""
    (tmp_path / "seeds").mkdir()
    for name, text in POSTS.items():
        (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
    (tmp_path / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', encoding="utf-8")
    settings = load_settings(cwd=tmp_path)
    translate(settings, engine_name="pseudo")
    site, public = tmp_path / "site", tmp_path / "public"
    build(settings, out=site, output="hugo", include_machine=True)
    done = subprocess.run([hugo(), "--printPathWarnings", "--source", str(site),
                           "--destination", str(public)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Duplicate target paths" not in done.stderr + done.stdout
    pages = {p.relative_to(public).as_posix() for p in public.rglob("index.html")}
    for lang in ("en", "ko"):
        assert f"{lang}/tags/security/index.html" in pages
        assert f"{lang}/tags/release/index.html" in pages
        assert f"{lang}/categories/news/index.html" in pages
        assert not [page for page in pages if "draft-post" in page]
        listed = lxml.html.fromstring((public / lang / "index.html").read_bytes())
        assert listed.xpath("//ul[@class='articles']//a/@href") == [
            "/articles/fixed-address/" if lang == "en" else "/ko/articles/fixed-address/",
            f"/{lang}/moved-post/"]  # by weight: the older post first
        assert listed.xpath("//ul[@class='articles']//time/@datetime") == [
            "2025-01-15", "2025-02-01"]  # the dates, written as YAML timestamps, read
        tagged = lxml.html.fromstring((public / lang / "tags/release/index.html").read_bytes())
        assert tagged.xpath("//ul[@class='articles']//a/@href") == [  # the tag's pages only
            "/articles/fixed-address/" if lang == "en" else "/ko/articles/fixed-address/"]
        assert tagged.xpath("string(//h1)") == "release"
    assert {"articles/fixed-address/index.html", "ko/articles/fixed-address/index.html",
            "2019/old-address/index.html"} <= pages
    assert "url=/en/moved-post/" in (public / "2019/old-address/index.html").read_text("utf-8")


def test_builds_of_other_kinds_share_the_plans(hugo_project: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain build, a site build and a Hugo build of the same archive, each in its
    folder: unchanged, none of them plans an article again (the plans do not depend on
    the site or the format; only the files do) or rewrites a file."""
    import l10n.workflow.build as workflow

    settings = load_settings(cwd=hugo_project)
    kinds: list[dict[str, Any]] = [
        {"out": hugo_project / "plain"}, {"out": hugo_project / "site", "output": "hugo"},
        {"out": hugo_project / "web", "site_url": "https://example.org/"}]
    for options in kinds:
        build(settings, include_machine=True, **options)

    def refuse(*args: object) -> None:
        raise AssertionError("an unchanged article was planned again")

    monkeypatch.setattr(workflow, "make_plan", refuse)
    for options in kinds:
        assert build(settings, include_machine=True, **options).written == ()


def test_an_unknown_format_is_refused_before_anything_is_written(hugo_project: Path) -> None:
    from l10n.errors import UsageError

    with pytest.raises(UsageError) as found:
        build(load_settings(cwd=hugo_project), out=hugo_project / "x", output="jekyll")
    assert found.value.hint == "use site or hugo" and not (hugo_project / "x").exists()


def test_a_posts_own_title_and_description_keep_their_markdown(tmp_path: Path) -> None:
    """The Hugo content file carries a Markdown post's own ``title`` and ``description``
    as the Markdown build does, with the author's Markdown (Hugo's docs show a
    description through Markdown); a title taken from the body is plain text."""
    from l10n.articles import read_article
    from l10n.errors import L10nWarning
    from l10n.publish import Translation, localize
    from l10n.publish.hugo import render_content
    from l10n.publish.site import page_facts

    path = tmp_path / "pre.md"
    path.write_text("---\ntitle: The `pre` method\ndescription: Returns the `pre` "
                    "property.\n---\n\nSome text.\n", "utf-8")
    page = localize(read_article(path), "fr", {
        "The `pre` method": Translation("La méthode `pre`"),
        "Returns the `pre` property.": Translation("Renvoie la propriété `pre`.")})
    values, _ = front_from(render_content(page, page_facts(page)))
    assert values["title"] == "La méthode `pre`"
    assert values["description"] == "Renvoie la propriété `pre`."
    path.write_text("`Type`\n: Returns the type.\n", "utf-8")
    with pytest.warns(L10nWarning, match="no 'title'"):
        page = localize(read_article(path), "fr", {})
    assert front_from(render_content(page, page_facts(page)))[0]["title"] == "Type"


def front_from(text: str) -> tuple[dict[str, Any], str]:
    _, matter, body = text.split("---\n", 2)
    return yaml.safe_load(matter), body
