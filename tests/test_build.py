"""The build workflow and command: golden Korean build of the seed, gating, fallback,
path safety, XSS, determinism, all-or-nothing writes, and the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from markdown_it import MarkdownIt

from l10n.articles import read_article
from l10n.config import load_settings
from l10n.errors import CatalogError, UsageError
from l10n.publish.folder import check_build_folder, safe_path
from l10n.workflow.build import build
from l10n.workflow.build_result import BuildResult
from l10n.workflow.extract import extract

DATA = Path(__file__).resolve().parent / "data" / "build"
GOLDEN = DATA / "golden"
SLUG = "nvidia-korea-ai-alliance"
UPDATE = os.environ.get("L10N_UPDATE_GOLDEN") == "1"

XSS_ARTICLE = """\
Breaking: <script>document.title='pwned'</script> Chip Deal
Jane Doe <img src=x onerror="document.title='pwned'">
desk@example.com | 2025-11-02 06:24:39
A chip deal was announced today. <img src=x onerror="document.title='pwned'"> was in the wire copy.
Markets rose after the news.
"""


def with_catalog(project: Path, source: Path = DATA / "ko.po", lang: str = "ko") -> Path:
    target = project / "locales" / lang / f"{SLUG}.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    return target


def run(project: Path, paths: list[Path] | None = None, **options: object) -> BuildResult:
    return build(load_settings(cwd=project), paths, **options)  # type: ignore[arg-type]


def write_po(path: Path, lang: str, entries: list[tuple[str, str, bool]]) -> None:
    """A catalog with (msgid, msgstr, fuzzy) entries, as a translator's tool writes it."""
    po = polib.POFile()
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr, fuzzy in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


def xss_project(project: Path) -> Path:
    """The project with an article carrying script payloads, and a Korean catalog whose
    (machine) translations carry them too."""
    (project / "seeds" / "xss-wire.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    write_po(
        project / "locales" / "ko" / "xss-wire.po",
        "ko",
        [
            (
                "Breaking: <script>document.title='pwned'</script> Chip Deal",
                "속보: <script>document.title='pwned'</script> 반도체 계약",
                False,
            ),
            (
                "A chip deal was announced today.",
                "오늘 반도체 계약이 발표됐다. <img src=x onerror=\"document.title='pwned'\">",
                True,
            ),
        ],
    )
    return project / "seeds" / "xss-wire.txt"


# ------------------------------------------------------------------ golden


@pytest.mark.parametrize(
    "name", [f"ko/{SLUG}.html", f"ko/{SLUG}.md", "ko/index.html", "index.html"]
)
def test_golden_korean_build(project: Path, name: str) -> None:
    with_catalog(project)
    result = run(project, langs=["ko"])
    built = (result.out / name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(built, encoding="utf-8")
    assert built == golden.read_text(encoding="utf-8")


def test_korean_page_uses_reviewed_translations_and_locale(project: Path) -> None:
    with_catalog(project)
    result = run(project, langs=["ko"])
    html = (result.out / "ko" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert '<html lang="ko" dir="ltr">' in html
    assert "<title>엔비디아, 한국을 글로벌 AI 중심지로" in html
    assert "페드로 에스피놀라 특파원" in html
    assert '<time datetime="2025-11-02T06:24:39">2025년 11월 2일</time>' in html
    assert "word-break: keep-all" in html
    assert f'<link rel="alternate" hreflang="x-default" href="../en/{SLUG}.html">' in html
    assert f'<link rel="alternate" hreflang="ko" href="../ko/{SLUG}.html">' in html
    assert '<meta name="translation-status" content="reviewed">' in html
    root = (result.out / "index.html").read_text(encoding="utf-8")
    assert ">한국어</a>" in root and ">English</a>" in root


# ------------------------------------------------------------------ gating


def test_min_reviewed_skips_with_reason(project: Path) -> None:
    with_catalog(project)
    result = run(project, langs=["ko"], min_reviewed=70)
    assert [p.lang for p in result.pages] == ["en"]
    (skip,) = result.skipped
    assert (skip.slug, skip.lang, skip.reviewed_percent) == (SLUG, "ko", 61.5)
    assert "61.5%" in skip.reason and "--min-reviewed 70%" in skip.reason
    assert "8 reviewed, 1 unreviewed, 4 untranslated" in skip.reason
    assert not (result.out / "ko").exists()
    passed = run(project, langs=["ko"], min_reviewed=61.5)
    assert [p.lang for p in passed.pages] == ["en", "ko"] and not passed.skipped


def test_min_reviewed_from_config(project: Path) -> None:
    with_catalog(project)
    (project / "l10n.toml").write_text('targets = ["ko"]\nmin_reviewed = 90\n', encoding="utf-8")
    assert run(project).skipped[0].lang == "ko"
    with pytest.raises(UsageError, match="between 0 and 100"):
        run(project, min_reviewed=101)


def test_machine_output_only_with_include_machine(project: Path) -> None:
    with_catalog(project)
    machine = "문화로 대표되는 한국인의 열정"
    plain = run(project, langs=["ko"])
    html = (plain.out / "ko" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert machine not in html and "기계 번역" not in html
    assert '<span lang="en">Furthermore, NVIDIA paid homage' in html

    result = run(project, langs=["ko"], include_machine=True)
    html = (result.out / "ko" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert '<span class="mt">또한 엔비디아는 글로벌 e스포츠에서' in html and machine in html
    assert '<meta name="translation-status" content="machine">' in html
    assert (
        '<p class="notice" role="note" lang="ko">기계 번역된 글이며 아직 검토되지 않았습니다.</p>'
        in html
    )
    md = (result.out / "ko" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "  machine: true\n" in md and machine in md


def test_untranslated_segments_fall_back_to_source_marked(project: Path) -> None:
    with_catalog(project)
    result = run(project, langs=["ko"])
    html = (result.out / "ko" / f"{SLUG}.html").read_text(encoding="utf-8")
    # 4 untranslated entries + the machine one (not used): five English sentences
    assert html.count('<span lang="en">') == 5
    assert '<span lang="en">Looking forward, the video pivots' in html
    md = (result.out / "ko" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert "Looking forward, the video pivots" in md and "untranslated: 4" in md


def test_nothing_reviewed_is_skipped_and_missing_catalog_named(project: Path) -> None:
    write_po(
        project / "locales" / "ja" / f"{SLUG}.po",
        "ja",
        [("Pedro Espinola Special Correspondent", "ペドロ・エスピノラ特派員", True)],
    )
    result = run(project, langs=["ja", "es"])
    reasons = {s.lang: s.reason for s in result.skipped}
    assert "no reviewed translation" in reasons["ja"]
    assert "--include-machine would use its 1 unreviewed" in reasons["ja"]
    assert f"no catalog locales/es/{SLUG}.po" in reasons["es"]
    assert [p.lang for p in run(project, langs=["ja"], include_machine=True).pages] == ["en", "ja"]


# ------------------------------------------------------------------ safety


@pytest.mark.parametrize("code", ["../../etc", "ko/../..", "..", "ko/x", "xx-not-a-language"])
def test_language_codes_that_are_paths_are_refused(project: Path, code: str) -> None:
    with pytest.raises(UsageError):
        run(project, langs=[code])
    assert not (project / "build").exists()


def test_a_slug_that_is_a_path_writes_nothing_outside_the_build(
    project: Path, tmp_path: Path
) -> None:
    """A front-matter slug is normalised as a file name is (``../../etc`` is ``etc``):
    no '/' or '..' reaches a path, and the build writes inside its folder only."""
    evil = project / "seeds" / "evil.md"
    evil.write_text("---\ntitle: T\nslug: ../../etc\n---\n\nText.\n", encoding="utf-8")
    assert read_article(evil).slug == "etc"
    run(project, langs=["ko"])
    outside = {p.name for folder in (project.parent, tmp_path.parent) for p in folder.iterdir()}
    assert "etc" not in outside and "etc.html" not in outside
    built = [p.resolve() for p in (project / "build").rglob("*")]
    assert all(p.is_relative_to((project / "build").resolve()) for p in built)
    with pytest.raises(UsageError, match="outside the build folder"):
        safe_path(tmp_path / "out", "../../etc/passwd")
    assert (
        safe_path(tmp_path / "out", "ko/a.html") == (tmp_path / "out" / "ko" / "a.html").resolve()
    )


def test_script_payloads_come_out_as_text(project: Path) -> None:
    article = xss_project(project)
    result = run(project, [article], langs=["ko"], include_machine=True)
    for lang in ("en", "ko"):
        html = (result.out / lang / "xss-wire.html").read_text(encoding="utf-8")
        assert "<script>document" not in html and "<img" not in html
        assert "&lt;img src=x onerror=" in html
    ko = (result.out / "ko" / "xss-wire.html").read_text(encoding="utf-8")
    assert (
        "<title>속보: &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; "
        "반도체 계약</title>" in ko
    )
    md = (result.out / "ko" / "xss-wire.md").read_text(encoding="utf-8")
    body = md.split("---\n", 2)[2]
    # a site's Markdown renderer that passes raw HTML through still gets only text
    rendered = MarkdownIt("commonmark", {"html": True}).render(body)
    assert "<img" not in rendered and "&lt;img src=x onerror=" in rendered


# ------------------------------------------------------------------ writes


def test_same_inputs_give_the_same_bytes_and_untouched_files(project: Path) -> None:
    with_catalog(project)
    first = run(project, langs=["ko"])
    files = sorted(p for p in first.out.rglob("*") if p.is_file())
    assert len(first.written) == len(files) - 1 == 8  # the record written, and the manifest
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    second = run(project, langs=["ko"])
    assert second.written == () and len(second.unchanged) == 8
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before


def test_a_failed_build_leaves_the_previous_build(project: Path) -> None:
    po = with_catalog(project)
    first = run(project, langs=["ko"])
    before = {p: p.read_bytes() for p in first.out.rglob("*") if p.is_file()}
    # the seed's pages would change (a translation removed), but the next article's
    # catalog is broken: the build stops before writing anything
    po.write_text(
        po.read_text(encoding="utf-8").replace("페드로 에스피놀라 특파원", ""), encoding="utf-8"
    )
    (project / "seeds" / "second.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    broken = project / "locales" / "ko" / "second.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nthis is not a catalog\n', encoding="utf-8")
    with pytest.raises(CatalogError, match="syntax error"):
        run(project, langs=["ko"])
    assert {p: p.read_bytes() for p in first.out.rglob("*") if p.is_file()} == before
    broken.unlink()
    assert "페드로" not in (run(project, langs=["ko"]).out / "ko" / f"{SLUG}.html").read_text(
        encoding="utf-8"
    )


def test_output_folder_option(project: Path, tmp_path: Path) -> None:
    with_catalog(project)
    out = tmp_path / "site"
    result = run(project, langs=["ko"], out=out)
    assert result.out == out and (out / "ko" / f"{SLUG}.md").is_file()
    assert not (project / "build").exists()


def test_catalog_from_extract_round_trip(project: Path) -> None:
    """The template the extract step writes and the build agree on the segments."""
    settings = load_settings(cwd=project)
    (extracted,) = extract(settings)
    catalog = polib.pofile(str(DATA / "ko.po"))
    template = polib.pofile(str(extracted.path))
    assert {e.msgid for e in catalog} == {e.msgid for e in template}


# ------------------------------------------------------------------ command line


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "l10n", "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_cli_summary_json_and_errors(project: Path) -> None:
    with_catalog(project)
    done = cli(project, "--lang", "ko,ja")
    assert done.returncode == 0, done.stderr
    assert ("ko/nvidia-korea-ai-alliance: 61.5% reviewed, 61.5% translated (the rest in the "
            "source language)") in done.stdout
    assert "8 files written" in done.stdout  # pages, indexes, the record
    assert "skipped ja/nvidia-korea-ai-alliance: no catalog" in done.stderr

    done = cli(project, "--lang", "ko", "--json")
    ko = json.loads(done.stdout)["pages"][1]
    assert (ko["lang"], ko["source_text"], ko["translated_percent"]) == ("ko", 5, 61.5)

    done = cli(project, "--lang", "ko", "--min-reviewed", "80", "--json")
    data = json.loads(done.stdout)
    assert [p["lang"] for p in data["pages"]] == ["en"]
    assert data["skipped"][0]["reviewed_percent"] == 61.5
    assert "below --min-reviewed 80%" in data["skipped"][0]["reason"]

    done = cli(project, "--lang", "../../etc")
    assert done.returncode == 2 and done.stderr.startswith("Error: '../../etc' is not")


# ------------------------------------------------------------------ issue 14: publishing
def test_pages_a_build_no_longer_makes_are_removed(project: Path) -> None:
    """Item 8: --include-machine, then --min-reviewed 80: the Korean pages of the first
    build are gone, and a file l10n did not write stays."""
    with_catalog(project)
    first = run(project, langs=["ko"], include_machine=True)
    ko = first.out / "ko"
    assert (ko / f"{SLUG}.html").is_file() and (ko / "index.html").is_file()
    (ko / "robots.txt").write_text("User-agent: *\n", "utf-8")
    (ko / "about.html").write_text("<p>mine</p>", "utf-8")
    second = run(project, langs=["ko"], min_reviewed=80)
    assert [s.lang for s in second.skipped] == ["ko"]
    assert not (ko / f"{SLUG}.html").exists() and not (ko / f"{SLUG}.md").exists()
    assert not (ko / "index.html").exists()
    assert (ko / "robots.txt").is_file() and (ko / "about.html").is_file()
    assert (first.out / "en" / f"{SLUG}.html").is_file()
    assert "ko/index.html" not in (first.out / "index.html").read_text("utf-8")
    assert {p.relative_to(first.out).as_posix() for p in second.removed} == {
        f"ko/{SLUG}.html", f"ko/{SLUG}.md", "ko/index.html"}


def test_a_tampered_manifest_never_deletes_outside_or_unknown_files(project: Path) -> None:
    with_catalog(project)
    result = run(project, langs=["ko"])
    victim = project / "victim.txt"
    victim.write_text("keep me", "utf-8")
    manifest = result.out / ".l10n-build.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["files"] += ["../victim.txt", "ko/notes.txt", "/etc/hostname"]
    manifest.write_text(json.dumps(data), "utf-8")
    (result.out / "ko" / "notes.txt").write_text("mine", "utf-8")
    run(project, langs=["ko"], min_reviewed=99)
    assert victim.read_text("utf-8") == "keep me"
    assert (result.out / "ko" / "notes.txt").is_file()


def test_stale_temporaries_are_removed_at_the_start_of_a_build(project: Path) -> None:
    """Item 9: a run killed between fsync and rename leaves .NAME.XXXXXXXX.tmp."""
    with_catalog(project)
    result = run(project, langs=["ko"])
    stale = result.out / "ko" / f".{SLUG}.html.k3j_9x2a.tmp"
    stale.write_text("half a page", "utf-8")
    other = result.out / "ko" / ".notes.tmp"
    other.write_text("someone else's", "utf-8")
    run(project, langs=["ko"])
    assert not stale.exists() and other.exists()


MD_XSS = """\
---
title: "Deal <script>alert(1)</script>"
author: "Jane: \\"the\\" Doe"
---

Click [here](javascript:alert(1)) or [there](JaVaScRiPt&#58;alert(2)) or
[x]( <javascript:alert(3)> ) or <javascript:alert(4)> or ![i](javascript:alert(5)).
Data [d](data:text/html;base64,PHNjcmlwdD4=) and [esc](javascript\\:alert(6)).
Safe [site](https://example.com/a?b=c) and <https://example.com> and [rel](../x.html).

[ref]: javascript:alert(7)
"""


def test_markdown_builds_defuse_script_links_and_quote_yaml(project: Path) -> None:
    """Item 10: javascript:/data: links are defused; front matter values are quoted so
    that no markup reaches a consumer that renders them raw."""
    import yaml

    for old in (project / "seeds").iterdir():
        old.unlink()
    (project / "seeds" / "xss.md").write_text(MD_XSS, "utf-8")
    result = run(project, langs=["ko"])
    md = (result.out / "en" / "xss.md").read_text("utf-8")
    front, body = md.split("\n---\n", 1)
    assert "<script>" not in front
    assert yaml.safe_load(front.removeprefix("---\n"))["title"] == "Deal <script>alert(1)</script>"
    html = MarkdownIt("commonmark").render(body)
    import re

    targets = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert targets == ["#"] * 6 + ["https://example.com/a?b=c", "https://example.com",
                                   "../x.html"], html
    assert 'href="https://example.com/a?b=c"' in html and 'href="../x.html"' in html
    assert 'href="https://example.com"' in html


def test_a_filesystem_root_is_never_a_build_folder(project: Path) -> None:
    """Item 11: `build --out /` wrote into the filesystem root. Checked on the folder
    rule itself: a build test that failed would write into / (tests may run as root)."""
    settings = load_settings(cwd=project)
    with pytest.raises(UsageError, match="filesystem root.*--force"):
        check_build_folder(settings.root, Path("/"))
    with pytest.raises(UsageError, match="filesystem root"):
        check_build_folder(settings.root, Path("/../"))
    check_build_folder(settings.root, project / "build")  # the default is fine


@pytest.mark.parametrize("where", ["home", "project", "parent"])
def test_build_out_refuses_home_and_the_project_unless_forced(
    project: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(project.parent if where == "home" else project / "h"))
    out = {"home": project.parent, "project": project, "parent": project.parent}[where]
    with_catalog(project)
    with pytest.raises(UsageError, match="--force"):
        run(project, langs=["ko"], out=out)
    done = cli(project, "--lang", "ko", "--out", str(out))
    assert done.returncode == 2 and "--force" in done.stderr
    assert not (out / "index.html").exists() and not (out / "ko").exists()


def test_build_out_into_the_project_with_force(project: Path) -> None:
    with_catalog(project)
    result = run(project, langs=["ko"], out=project, force=True)
    assert result.out == project and (project / "ko" / f"{SLUG}.html").is_file()


# ------------------------------------------------------------------ --fail-on-errors
def _with_number_error(project: Path) -> Path:
    """The Korean catalog with '26만' (260,000 GPUs) written '25만' in a reviewed entry."""
    catalog = with_catalog(project)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("GPU 26만 장을", "GPU 25만 장을"), encoding="utf-8")
    return catalog


def test_fail_on_errors_refuses_a_language_with_check_errors(project: Path) -> None:
    catalog = _with_number_error(project)
    assert [p.lang for p in run(project, langs=["ko"]).pages] == ["en", "ko"]  # no gate
    result = run(project, langs=["ko"], fail_on_errors=True)
    assert [p.lang for p in result.pages] == ["en"]
    [skip] = result.skipped
    assert (skip.lang, skip.errors) == ("ko", 1)
    assert skip.reason.startswith("1 check error in locales/ko/")

    # a deliberate difference, flagged as Weblate flags it, is published
    text = catalog.read_text(encoding="utf-8").replace(
        'msgid ""\n"The tribute coincided', '#, ignore-numbers\nmsgid ""\n"The tribute coincided')
    assert "ignore-numbers" in text
    catalog.write_text(text, encoding="utf-8")
    assert [p.lang for p in run(project, langs=["ko"], fail_on_errors=True).pages] == ["en", "ko"]


@pytest.mark.slow
def test_cli_fail_on_errors_exits_1_naming_the_catalog(project: Path) -> None:
    _with_number_error(project)
    done = cli(project, "--lang", "ko", "--fail-on-errors")
    assert done.returncode == 1
    assert "skipped ko/nvidia-korea-ai-alliance: 1 check error" in done.stderr
    assert cli(project, "--lang", "ko").returncode == 0
