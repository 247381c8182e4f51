"""Assemble the real articles of ``benchmarks/data/articles_real.toml`` into a cache folder.

``python -m benchmarks.assemble_articles [--mirrors DIR] [--out DIR]``

The manifest names, per source, a public GitHub repository, a commit and paths. Each file
is read from a git copy of that repository at that commit: ``DIR/<owner>+<name>/repo``
(a bare mirror, default ``DIR`` = ``/work/.mirror``), else a clone made with
``git clone --bare https://github.com/<owner>/<name>`` into ``<out>/git/``. Written (all
gitignored, never committed):

- ``<out>/pages/<id>.html``: the benchmark's pages, un-gzipped as saved from the web;
- ``<out>/pages/references.json``: ``{id: articleBody}`` from the benchmark's ground truth;
- ``<out>/posts/<file name>``: the Markdown posts, as their authors wrote them;
- ``<out>/news/<id>.html``: the L3S-GN1 news pages as crawled, and
  ``<out>/news/references.json``: ``{id: {"fulltext": ..., "supplemental": ...}}``, the
  text of the blocks the assessors marked as full text and as supplemental (captions,
  datelines) in the page's assessed copy, in page order, one block a line;
- ``<out>/news-late/``: the same for L3S-GN1's files 201-400, run once at round 6's end.
- ``<out>/news-final/``: files 401-621 (round 7's unseen set, tuned on since); they are run
  only when named (``articles_real --only news-final``).
- ``<out>/fundus/`` and ``<out>/fundus-held/``: news pages of Fundus's parser tests, each
  with ``{"fulltext": ..., "supplemental": ...}``: the body its publisher's reviewed parser
  extracts (summary, subheadings, paragraphs) and the words the page may show beside it
  (title, image captions and credits). The held half is run only when named, once.
- ``<out>/readability/`` and ``<out>/readability-held/``: pages of Readability.js's tests,
  each with ``{"fulltext": ..., "supplemental": ...}``: the text of the article its
  maintainers expect Readability to extract, and the page's title, byline and excerpt;
  and ``"fulltext_without_code"``: that text without its ``<pre>`` and ``<code>`` elements.
- ``<out>/posts-wild/`` and ``<out>/posts-held/``: Markdown posts of seven more public blogs
  (Hugo, Jekyll, Docusaurus, Next.js sites), drawn by a hash of the path and split by
  another before any was opened; a page bundle's ``index.md`` is written under its
  folder's name. The held half is run only when named, once.
- ``<out>/trafilatura-eval/`` and ``<out>/trafilatura-eval-held/``: the English pages of
  trafilatura's own evaluation set, each with ``{"url", "with", "without"}``: snippets its
  main content must hold and boilerplate it must not (:mod:`benchmarks.trafilatura_eval`).
  The held half is run only when named, by the lead, once.
- ``<out>/htmltotext-held/``: the English news stories and blog posts of leogao2's
  htmltotext-benchmark, each with ``{"fulltext": ...}``: the article's text as a person
  copied it from the page, title and byline included. Never tuned on; run by the lead.

``--only NAME`` assembles the sources of that name only (e.g. ``news-fundus``).
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import re
import subprocess
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "benchmarks" / "data" / "articles_real.toml"
CACHE = ROOT / ".cache" / "articles-real"
NEWS_FOLDERS = {"news-l3s": "news", "news-l3s-late": "news-late", "news-l3s-final": "news-final"}
FUNDUS_FOLDERS = {"news-fundus": "fundus", "news-fundus-held": "fundus-held"}
READABILITY_FOLDERS = {"readability": "readability", "readability-held": "readability-held"}
HANDCOPY_FOLDERS = {"htmltotext-held": "htmltotext-held"}
POST_FOLDERS = {"posts-wild": "posts-wild", "posts-held": "posts-held"}
TRAFILATURA_FOLDERS = {"trafilatura-eval": "trafilatura-eval",
                       "trafilatura-eval-held": "trafilatura-eval-held"}


def git_dir(repository: str, mirrors: Path, out: Path) -> Path:
    mirror = mirrors / repository.replace("/", "+") / "repo"
    if mirror.is_dir():
        return mirror
    clone = out / "git" / repository.replace("/", "+")
    if not clone.is_dir():
        subprocess.run(["git", "clone", "--bare", "--quiet",
                        f"https://github.com/{repository}", str(clone)], check=True)
    return clone


def show(git: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def assemble(mirrors: Path, out: Path, only: str | None = None) -> dict[str, int]:
    manifest = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for source in manifest["source"]:
        if only not in (None, source["name"]):
            continue
        git = git_dir(source["repository"], mirrors, out)
        commit = source["commit"]
        if source["name"] in FUNDUS_FOLDERS:
            counts[source["name"]] = fundus(git, commit, source["paths"],
                                            out / FUNDUS_FOLDERS[source["name"]])
            continue
        if source["name"] in TRAFILATURA_FOLDERS:
            from benchmarks import trafilatura_eval

            counts[source["name"]] = trafilatura_eval.assemble(
                git, commit, source, out / TRAFILATURA_FOLDERS[source["name"]])
            continue
        if source["name"] in READABILITY_FOLDERS:
            counts[source["name"]] = readability(git, commit, source["paths"],
                                                 out / READABILITY_FOLDERS[source["name"]])
            continue
        if source["name"] in HANDCOPY_FOLDERS:
            counts[source["name"]] = handcopied(git, commit, source["paths"],
                                                out / HANDCOPY_FOLDERS[source["name"]])
            continue
        if source["name"] in NEWS_FOLDERS:
            news(git, commit, source, out / NEWS_FOLDERS[source["name"]])
        elif source["name"] == "pages":
            folder = out / "pages"
            folder.mkdir(parents=True, exist_ok=True)
            truth = json.loads(show(git, commit, source["references"]))
            ids = []
            for path in source["paths"]:
                page_id = Path(path).name.split(".")[0]
                (folder / f"{page_id}.html").write_bytes(gzip.decompress(show(git, commit, path)))
                ids.append(page_id)
            refs = {i: truth[i]["articleBody"] for i in ids}
            (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                                    encoding="utf-8")
        else:
            folder = out / POST_FOLDERS.get(source["name"], "posts")
            folder.mkdir(parents=True, exist_ok=True)
            for path in source["paths"]:
                (folder / post_name(path)).write_bytes(show(git, commit, path))
        # a set may gather several repositories (a [[source]] each, one name)
        counts[source["name"]] = counts.get(source["name"], 0) + len(source["paths"])
    return counts


def post_name(path: str) -> str:
    """A post's file name in the cache: its own, or a page bundle's folder name for its
    ``index.md`` (Hugo's leaf bundles: ``2021/collector/index.md`` is ``collector.md``)."""
    name = Path(path)
    return name.parent.name + name.suffix if name.stem == "index" else name.name


_FULLTEXT, _SUPPLEMENTAL = "x-nc-sel2", "x-nc-sel3"


def assessed(html: bytes) -> dict[str, str]:
    """The full text and supplemental text an assessed L3S-GN1 copy marks. Marks nest
    (a not-content span may hold a full-text one), so each run of text belongs to its
    innermost marked ``<span>``; each such span's own text is a block."""
    import lxml.html

    root = lxml.html.fromstring(html)
    blocks: dict[object, list[str]] = {}

    def mark(element: object) -> object:
        for span in [element, *element.iterancestors()]:  # type: ignore[attr-defined]
            if span.tag == "span" and (span.get("class") or "").startswith("x-nc-sel"):
                return span
        return None

    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        owner = mark(element)
        if element.text and owner is not None:
            blocks.setdefault(owner, []).append(element.text)
        parent = element.getparent()
        if element.tail and parent is not None and (owner := mark(parent)) is not None:
            blocks.setdefault(owner, []).append(element.tail)
    found: dict[str, list[str]] = {_FULLTEXT: [], _SUPPLEMENTAL: []}
    for span, texts in blocks.items():
        kind = (span.get("class") or "").strip()  # type: ignore[attr-defined]
        text = " ".join(" ".join(texts).split())
        if kind in found and text:
            found[kind].append(text)
    return {"fulltext": "\n".join(found[_FULLTEXT]),
            "supplemental": "\n".join(found[_SUPPLEMENTAL])}


def news(git: Path, commit: str, source: dict[str, object], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    refs = {}
    for path in source["paths"]:  # type: ignore[attr-defined]
        page_id = Path(path).stem
        (folder / f"{page_id}.html").write_bytes(show(git, commit, path))
        refs[page_id] = assessed(show(git, commit, f"{source['annotations']}/{Path(path).name}"))
    (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                            encoding="utf-8")


_ENGLISH = frozenset(("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is",
                      "are", "was", "were", "be", "been", "has", "have", "had", "that", "this",
                      "it", "by", "from", "at", "as", "not", "but", "he", "she", "they", "we",
                      "said"))


def _version(key: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", key))


def fundus(git: Path, commit: str, paths: list[str], folder: Path) -> int:
    """Fundus keeps one page per parser version of a publisher (``{Publisher}_{date}.html.gz``,
    the glob its tests use) and one ``{Publisher}.json`` keyed by version (``V1``, ``V1_1``);
    a version serves the pages crawled until a date, so the pages by date and the versions in
    order pair up. A publisher whose counts differ is left out, as is a page whose reference
    is not English (under a fifth of its words English function words). Returns pages kept."""
    folder.mkdir(parents=True, exist_ok=True)
    by_publisher: dict[str, list[str]] = {}
    for path in paths:
        match = re.fullmatch(r"(.+/)?([^/_]+)_\d{4}_\d{2}_\d{2}\.html\.gz", path)
        if match:
            by_publisher.setdefault(path.rsplit("_", 3)[0], []).append(path)
    refs: dict[str, dict[str, str]] = {}
    for publisher, pages in sorted(by_publisher.items()):
        versions = json.loads(show(git, commit, f"{publisher}.json"))
        if len(versions) != len(pages):
            print(f"  left out {Path(publisher).name}: {len(pages)} pages, "
                  f"{len(versions)} parser versions")
            continue
        for path, key in zip(sorted(pages), sorted(versions, key=_version), strict=True):
            truth = versions[key]
            body = truth.get("body") or {}
            lines = list(body.get("summary", []))
            for section in body.get("sections", []):
                lines += [*section.get("headline", []), *section.get("paragraphs", [])]
            fulltext = "\n".join(lines)
            if not _english(fulltext):
                continue
            seen = [truth.get("title") or ""]
            for image in truth.get("images") or []:
                seen += [image.get("caption") or "", *(image.get("authors") or [])]
            page_id = Path(path).name.removesuffix(".html.gz")
            (folder / f"{page_id}.html").write_bytes(gzip.decompress(show(git, commit, path)))
            refs[page_id] = {"fulltext": fulltext, "supplemental": "\n".join(filter(None, seen))}
    (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                            encoding="utf-8")
    return len(refs)


def _english(text: str) -> bool:
    tokens = re.findall(r"\w+", text.casefold())
    return sum(t in _ENGLISH for t in tokens) >= 0.2 * max(1, len(tokens))


def readability(git: Path, commit: str, paths: list[str], folder: Path) -> int:
    """Readability's test pages: ``source.html`` as saved, ``expected.html`` the article
    its maintainers expect (its text, one block a line, is the reference) and
    ``expected-metadata.json`` (title, byline and excerpt: words a page may show beside
    it). A page whose reference is not English is left out. Returns pages kept.
    ``expected.html`` is UTF-8 with no ``<meta charset>`` (a fragment): decoded here, as
    lxml reads undeclared bytes as Latin-1 (every ``’`` of a reference was ``â€™``); its text
    is divided into words where blocks end, not at every tag (:func:`_block_text`)."""
    import lxml.html

    folder.mkdir(parents=True, exist_ok=True)
    refs: dict[str, dict[str, str]] = {}
    for path in paths:
        root = lxml.html.fromstring(show(git, commit, f"{path}/expected.html").decode("utf-8"))
        for element in root.iter("script", "style"):
            element.drop_tree()
        prose = _without_code(copy.deepcopy(root))
        fulltext = _block_text(root)
        if not _english(fulltext):
            continue
        meta = json.loads(show(git, commit, f"{path}/expected-metadata.json"))
        seen = [str(meta.get(key) or "") for key in ("title", "byline", "excerpt")]
        page_id = Path(path).name
        (folder / f"{page_id}.html").write_bytes(show(git, commit, f"{path}/source.html"))
        refs[page_id] = {"fulltext": fulltext, "supplemental": "\n".join(filter(None, seen)),
                         "fulltext_without_code": _block_text(prose)}
    (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                            encoding="utf-8")
    return len(refs)


def handcopied(git: Path, commit: str, paths: list[str], folder: Path) -> int:
    """htmltotext-benchmark's pages: ``html/NAME.html`` as saved, ``text/NAME.txt`` the
    article's text as a person copied it from the page (title and byline lines too; a
    caption's line starts with ``>``). The copy is the reference, whole; nothing beside it
    is allowed (``supplemental`` empty). Returns pages kept."""
    folder.mkdir(parents=True, exist_ok=True)
    refs: dict[str, dict[str, str]] = {}
    for path in paths:
        page_id = Path(path).name.removesuffix(".html")
        text_path = f"{path.rsplit('/html/', 1)[0]}/text/{page_id}.txt"
        (folder / f"{page_id}.html").write_bytes(show(git, commit, path))
        refs[page_id] = {"fulltext": show(git, commit, text_path).decode("utf-8"),
                         "supplemental": ""}
    (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                            encoding="utf-8")
    return len(refs)


# elements a browser sets apart from the text around them: their edges divide words
_BLOCKS = ("address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
           "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
           "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul")


def _without_code(root: Any) -> Any:
    """``root`` without its ``<pre>`` and ``<code>`` elements (each leaves a space: the
    words on either side stay apart). l10n keeps a page's code untranslated and makes no
    segments of it, by design; the benchmark's second recall figure leaves it out."""
    for element in list(root.iter("pre", "code")):  # (one inside a <pre>: dropped with it)
        element.tail = " " + (element.tail or "")
        element.drop_tree()
    return root


def _block_text(root: Any) -> str:
    """The words of an element as a reader sees them: an inline element's edges divide no
    word ("19<sup>th</sup>" is "19th", "<em>b</em><em>y</em>" is "by"), a block's do."""
    for element in root.iter(*_BLOCKS):
        element.tail = " " + (element.tail or "")
        if element.tag not in ("br", "hr"):
            element.text = " " + (element.text or "")
    return " ".join(root.text_content().split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=CACHE)
    parser.add_argument("--only", help="assemble the sources of this name only")
    args = parser.parse_args()
    counts = assemble(args.mirrors, args.out, args.only)
    print(", ".join(f"{name}: {n}" for name, n in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
