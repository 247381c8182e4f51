"""trafilatura's own evaluation set as a source of real pages (round 11).

``tests/evaldata.json`` of adbar/trafilatura maps each page's URL to ``{"file": ...,
"with": [...], "without": [...]}``: snippets the page's main content must hold and
boilerplate snippets it must not (the file is read from ``tests/cache/``, else
``tests/eval/``, as trafilatura's ``eval_common.resolve`` does). Most pages are German;
the English ones are chosen by :func:`english`, from metadata only, and split by
``int(sha1(file name)) % 2``: 0 -> ``trafilatura-eval`` (tuning), 1 ->
``trafilatura-eval-held`` (held out: run only when named, by the lead, on frozen code).

**The rule for an English page** (fixed and committed before any page's text or any
snippet was read; :func:`english`):

1. The page's declared language: the first of ``<html lang>`` (or ``xml:lang``),
   ``<meta http-equiv="content-language" content>``, ``<meta property="og:locale"
   content>`` that is present and not empty; its primary subtag (``en-US`` -> ``en``).
2. The page's host: the URL's; for the set's keys that are no URL
   (``hard::jamaicaobserver.com-attacks.html``) the domain that begins the name after
   ``::``. Its top-level domain is *English* (a country whose main language of news is
   English: :data:`ENGLISH_TLDS`, and ``gov``, ``edu``, ``mil``), *foreign* (any other
   two-letter country code, but those used worldwide as generic names:
   :data:`GENERIC_CCTLDS`) or *generic* (``com``, ``org``, ``net``, ``io``, ...).
3. English iff the declared language is ``en`` and the domain is not foreign (a German
   ``.de`` blog whose theme left WordPress's ``en-US`` declares a language it does not
   write), or nothing is declared and the domain is English. A page on a generic domain
   that declares nothing is left out (its language is unknown from metadata).

Known limit, accepted with the rule: a page on a generic domain whose template declares
``en`` but whose text is another language is counted as English.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# countries whose main language of news is English (ccTLDs), and the US's own gTLDs
ENGLISH_TLDS = frozenset((
    "uk", "us", "au", "nz", "ie", "ca", "za", "in", "sg", "ph", "ng", "gh", "ke", "ug", "tz",
    "zm", "zw", "bw", "na", "mw", "ls", "jm", "bz", "gy", "tt", "bs", "bb", "ag", "lc", "gd",
    "vc", "dm", "kn", "ky", "bm", "gi", "im", "je", "gg", "fj", "pg", "mt", "pk", "lk", "gov",
    "edu", "mil"))
# two-letter codes sold worldwide as generic names: they say nothing of a language
GENERIC_CCTLDS = frozenset(("io", "co", "me", "tv", "fm", "ly", "ai", "to", "cc", "ws", "am"))

_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.I)
_LANG_ATTR = re.compile(rb"""(?<![\w-])(?:xml:)?lang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)
_META = re.compile(rb"<meta\b[^>]*>", re.I)
_CONTENT = re.compile(rb"""\bcontent\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)


def declared_language(html: bytes) -> str | None:
    """The primary subtag of the language a page declares, or None (step 1 above)."""
    tag = _HTML_TAG.search(html)
    if tag and (lang := _LANG_ATTR.search(tag.group())):
        return lang.group(1).decode("ascii").casefold()
    metas = _META.findall(html)
    for name in (rb"http-equiv\s*=\s*[\"']?content-language", rb"property\s*=\s*[\"']?og:locale"):
        for meta in metas:
            if re.search(name, meta, re.I) and (content := _CONTENT.search(meta)):
                return content.group(1).decode("ascii").casefold()
    return None


def host(key: str) -> str:
    """The page's host: its URL's, or the domain beginning a ``hard::`` key's name."""
    if "://" in key:
        return (urlsplit(key).hostname or "").casefold()
    match = re.match(r"[^:]*::([A-Za-z0-9.-]+?\.[A-Za-z]{2,})(?:-|$)", key)
    return match.group(1).casefold() if match else ""


def domain_class(hostname: str) -> str:
    tld = hostname.rsplit(".", 1)[-1]
    if tld in ENGLISH_TLDS:
        return "english"
    if len(tld) == 2 and tld not in GENERIC_CCTLDS:
        return "foreign"
    return "generic"


def english(key: str, html: bytes) -> bool:
    """Whether a page counts as English (the rule in the module's docstring)."""
    declared, kind = declared_language(html), domain_class(host(key))
    if declared is not None:
        return declared == "en" and kind != "foreign"
    return kind == "english"


def half(file_name: str) -> int:
    """0: the tuning half, 1: the held-out half (sha1 of the file's name, as evaldata names it)."""
    return int(hashlib.sha1(file_name.encode("utf-8")).hexdigest(), 16) % 2


def _show(git: Path, commit: str, path: str) -> bytes:
    import subprocess

    return subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def _tree(git: Path, commit: str) -> set[str]:
    import subprocess

    out = subprocess.run(["git", "--git-dir", str(git), "ls-tree", "-r", "-z", "--name-only",
                          commit, "tests/cache/", "tests/eval/"],
                         check=True, capture_output=True).stdout
    return {p.decode("utf-8") for p in out.split(b"\0") if p}


def resolve(tree: set[str], file_name: str) -> str | None:
    """Where trafilatura's evaluation reads a file: ``tests/cache/``, else ``tests/eval/``."""
    for folder in ("tests/cache", "tests/eval"):
        if f"{folder}/{file_name}" in tree:
            return f"{folder}/{file_name}"
    return None


def pick(git: Path, commit: str, references: str) -> tuple[list[str], list[str]]:
    """The English pages' paths, by half: what the manifest lists (``--pick`` prints it).
    Reads each page's bytes for its declared language only."""
    evaldata: dict[str, dict[str, Any]] = json.loads(_show(git, commit, references))
    tree = _tree(git, commit)
    halves: tuple[list[str], list[str]] = ([], [])
    for key, item in sorted(evaldata.items()):
        path = resolve(tree, item["file"])
        if path is not None and english(key, _show(git, commit, path)):
            halves[half(item["file"])].append(path)
    return sorted(halves[0]), sorted(halves[1])


def page_id(path: str) -> str:
    """A page's name in the cache: its file name without ``.html`` (some have none)."""
    return Path(path).name.removesuffix(".html")


def assemble(git: Path, commit: str, source: dict[str, Any], folder: Path) -> int:
    """Each page as ``<id>.html`` and ``references.json``: ``{id: {"url", "with",
    "without"}}`` from the evaluation file at the manifest's commit. Returns pages written."""
    evaldata: dict[str, dict[str, Any]] = json.loads(_show(git, commit, source["references"]))
    by_file = {item["file"]: (key, item) for key, item in evaldata.items()}
    folder.mkdir(parents=True, exist_ok=True)
    refs: dict[str, dict[str, Any]] = {}
    for path in source["paths"]:
        key, item = by_file[Path(path).name]
        (folder / f"{page_id(path)}.html").write_bytes(_show(git, commit, path))
        refs[page_id(path)] = {"url": key, "with": item["with"], "without": item["without"]}
    (folder / "references.json").write_text(json.dumps(refs, ensure_ascii=False, indent=1),
                                            encoding="utf-8")
    return len(refs)


# the printout (``python -m benchmarks.articles_real --only trafilatura-eval``)

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u2032": "'", "\u00b4": "'", "`": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2033": '"', "\u00ad": None, "\u200b": None})
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Text as snippets are compared: canonically composed (Unicode NFC: a page may write
    Bengali's ``য়`` as two code points, the snippets, cut from trafilatura's NFC output, as
    one), curly and straight quotes alike, soft hyphens and zero-width spaces dropped,
    whitespace runs as one space, case folded."""
    import unicodedata

    text = unicodedata.normalize("NFC", text.translate(_QUOTES))
    return _SPACES.sub(" ", text).strip().casefold()


Texts = tuple[str, str]  # (where "with" snippets are looked for, where "without" ones are)
PageScore = tuple[int, int, int, int, str]  # with found, with total, without read, total, id


def _count(ref: dict[str, Any], texts: Texts, page: str) -> PageScore:
    found_in, read_in = normalize(texts[0]), normalize(texts[1])
    found = sum(normalize(w) in found_in for w in ref["with"])
    read = sum(normalize(w) in read_in for w in ref["without"])
    return found, len(ref["with"]), read, len(ref["without"]), page


def _summary(name: str, scores: list[PageScore], worst: int = 8) -> None:
    found, total = sum(s[0] for s in scores), sum(s[1] for s in scores)
    read, boiler = sum(s[2] for s in scores), sum(s[3] for s in scores)
    missing = sum(s[0] < s[1] for s in scores)
    reading = sum(s[2] > 0 for s in scores)
    print(f"  {name} ({len(scores)} pages):")
    print(f"    \"with\" snippets missed {total - found} of {total} "
          f"(found {found / max(1, total):.3f}); pages missing any: {missing}")
    print(f"    \"without\" snippets read {read} of {boiler} "
          f"({read / max(1, boiler):.3f}); pages reading any: {reading}")
    bad = sorted(scores, key=lambda s: -((s[1] - s[0]) / max(1, s[1]) + s[2] / max(1, s[3])))
    shown = [f"{s[4][:28]} -{s[1] - s[0]}/{s[1]} +{s[2]}/{s[3]}" for s in bad[:worst]
             if s[0] < s[1] or s[2]]
    if shown:
        print("    worst (with missed / without read):", ", ".join(shown))


def report(folder: Path, read_texts: Any, title: str) -> None:
    """Pages refused; per page, "with" snippets missed and "without" snippets read; totals,
    the worst pages; the same for trafilatura alone (``extract`` with its defaults, as the
    other sets compare, and with its evaluation's own settings: no comments, tables).

    l10n's texts (``read_texts(path) -> (with_text, without_text)``): a "with" snippet is
    looked for in the title, the byline and the story's blocks (a snippet in the headline
    is found), a "without" one in the story's blocks only (a date or an author's name the
    annotators call boilerplate is read as the byline, a block of its own, not as story;
    those in the title or byline are counted apart). Description, alt text and link titles
    count for neither."""
    import time

    from l10n.errors import ArticleError

    refs: dict[str, dict[str, Any]] = json.loads((folder / "references.json").read_text("utf-8"))
    refused: list[str] = []
    ours: list[PageScore] = []
    headed = 0
    started = time.perf_counter()
    for page in sorted(refs):
        try:
            with_text, body = read_texts(folder / f"{page}.html")
        except ArticleError as exc:
            refused.append(f"{page[:28]}: {exc.format_message()}")
            continue
        ours.append(_count(refs[page], (with_text, body), page))
        headed += _count(refs[page], (with_text, with_text), page)[2] - ours[-1][2]
    seconds = time.perf_counter() - started
    print(f"{title}: {len(refs)}, refused {len(refused)}, read in {seconds:.1f} s")
    for line in refused:
        print("  refused", line)
    _summary("l10n", ours)
    print(f"    \"without\" snippets in the title or byline only (not counted above): {headed}")
    read = {s[4] for s in ours}
    for name, options in (("defaults", {}), ("its evaluation's settings",
                                              {"include_comments": False,
                                               "include_tables": True})):
        theirs = []
        for page in sorted(refs):
            text = _trafilatura(folder / f"{page}.html", options)
            theirs.append(_count(refs[page], (text, text), page))
        _summary(f"trafilatura alone, {name}", theirs)
        if len(read) < len(theirs):
            _summary(f"trafilatura alone, {name}, the pages l10n read",
                     [s for s in theirs if s[4] in read])


def _trafilatura(path: Path, options: dict[str, bool]) -> str:
    import trafilatura

    from l10n.articles.source import decode_html

    return trafilatura.extract(decode_html(path.read_bytes()), **options) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pick", action="store_true",
                        help="print the English pages' paths by half (the manifest's lists)")
    parser.add_argument("--git", type=Path, default=Path("/work/.mirror/adbar+trafilatura/repo"))
    parser.add_argument("--commit", default="e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5")
    args = parser.parse_args()
    if args.pick:
        tuning, held = pick(args.git, args.commit, "tests/evaldata.json")
        for name, paths in (("trafilatura-eval", tuning), ("trafilatura-eval-held", held)):
            print(f"# {name}: {len(paths)}")
            print("paths = [")
            for path in paths:
                print(f"    {json.dumps(path, ensure_ascii=False)},")
            print("]")


if __name__ == "__main__":
    main()
