"""Articles from the real world: ``python -m benchmarks.articles_real [--cache DIR]``.

Run ``python -m benchmarks.assemble_articles`` first: it puts the pages and posts that
``benchmarks/data/articles_real.toml`` names into the gitignored cache folder.

Prints:

- **pages**: the 181 HTML pages of scrapinghub's article-extraction-benchmark (real news
  and blog sites, saved as served): how many l10n refuses, and the article text l10n
  reads (every translatable block but the title, byline, description, image alt and link
  titles) against the benchmark's reference ``articleBody``, as multisets of words
  (``\\w+``, casefolded; in scripts written without spaces, Chinese and Japanese among
  them, each character): recall = shared words / reference words, precision = shared
  words / words read. Mean, minimum, and pages under a recall of 0.97; the worst pages;
  on all pages, on the two thirds the rules were tuned on, and on the third held out
  (:func:`held_out`).
- **posts**: 30 Markdown posts of two public blogs (Rust's, TOML front matter; Ruby's
  news, YAML): how many are refused, and stray markup characters in their builds: each
  post is extracted, translated with the ``pseudo`` engine (it keeps markup), every
  other entry's translation removed (so that translated and source sentences
  alternate, each rendered as a piece of its own) and built with machine text;
  in the built Markdown (rendered by markdown-it) and the built HTML page, the visible
  text outside code holds ``*``, ``_``, `` ` `` and ``~`` characters; those beyond the
  ones the source post itself shows when rendered are stray. Three more counts on the
  same builds: links and images lost (``<a>`` and ``<img>`` elements of the source,
  rendered, outside HTML comments, missing from the built Markdown, rendered); markup
  shown as text (an HTML tag's ``<x``, ``</x``, ``<!`` or a reference link's ``][`` in
  the visible text of the built Markdown and of the HTML page, beyond the source's);
  template tags changed (Hugo shortcodes ``{{< >}}``, ``{{% %}}`` and Liquid ``{% %}``,
  ``{{ }}`` of the source that the built Markdown does not hold byte for byte);
  front-matter keys lost (keys of the source post's front matter that the Hugo content
  file of ``--format hugo`` and the Markdown build's front matter do not hold: ``tags``,
  ``draft``, ``weight``...) and, of those they hold, the ones typed otherwise (a date or
  a boolean written as a string, a list or a table changed in shape). And, on
  a build made before any translation is removed (every entry pseudo-translated), the
  visible words left untranslated (:mod:`benchmarks.untranslated`: ASCII words of the
  rendered Markdown and of the HTML page's article that the engine should have changed,
  those in raw HTML blocks apart; the words of shortcodes' ``caption``, ``alt`` and
  ``title`` parameters, which the tags keep, counted apart).
- **posts-wild**: the same figures on 64 posts of seven more blogs (Node.js, Let's
  Encrypt, Jekyll, OpenTelemetry, Redox, Gitea, Helm; YAML and TOML front matter, Hugo
  shortcodes, Liquid tags, MDX), the tuning two thirds of a draw made before any was
  opened. ``--only posts-held``: the other third, never opened or tuned on, run only
  when named.
- **news**: 200 pages of another benchmark, L3S-GN1 (news linked from Google News in
  2008, assessed by people), on which no rule was tuned: the same figures, and
  trafilatura's alone (:mod:`benchmarks.articles_news`).
- **readability**: the pages of Readability.js's tests saved from real sites (news,
  blogs, docs), against the article its maintainers expect Readability to extract: the
  same figures, a second recall against the reference with its code (``<pre>``,
  ``<code>``) left out, which l10n keeps untranslated and never makes segments of, and
  trafilatura's (``--only readability-held``: the held-out half, never
  in a default run).
- **trafilatura-eval**: the English pages of trafilatura's own evaluation set (snippets
  each page's main content must hold, "with", and boilerplate it must not, "without";
  :mod:`benchmarks.trafilatura_eval`), the tuning half: pages refused, "with" snippets
  missed and "without" snippets read, per page and in all, and trafilatura's alone
  (``--only trafilatura-eval-held``: the held-out half, never in a default run).
- **sentences**: wrong sentence splits per 100 sentences, on the hand-labelled sample of
  ``benchmarks/data/split_labels.toml`` (segments of the posts and pages, each judged by
  a person: ``ok``, or ``wrong`` with a note); segments that no label names any more are
  counted as unlabelled. ``--only sentences-held``: the same on
  ``benchmarks/data/split_labels_held.toml`` (200 segments of the held-out Fundus half,
  drawn and judged on frozen code, never tuned on; needs ``--only news-fundus-held``
  assembled), and on ``split_labels_readability_held.toml`` (200 segments of Readability's
  held-out half, round 10; needs ``--only readability-held`` assembled).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import tempfile
import time
import tomllib
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from l10n.articles import read_article
from l10n.articles.frontmatter import read_front_matter
from l10n.articles.htmldom import markup_text
from l10n.articles.shortcodes import CODE_SHORTCODES
from l10n.errors import ArticleError
from l10n.model import ATTRIBUTE_KINDS, BYLINE, TITLE, Article
from l10n.text.segment import segment_article

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "articles-real"
LABELS = ROOT / "benchmarks" / "data" / "split_labels.toml"
# the held-out Fundus half's labels (judged on frozen code, never tuned on): `sentences-held`
HELD_LABELS = ROOT / "benchmarks" / "data" / "split_labels_held.toml"
# ... and of Readability's held-out half (round 10; needs `readability-held` assembled)
READABILITY_HELD_LABELS = ROOT / "benchmarks" / "data" / "split_labels_readability_held.toml"
# a word: a run of letters and digits, except in scripts written without spaces between
# words (Han, kana; Thai, Lao, Khmer, Myanmar), where each character counts as a word,
# as character-level scores do for them (no tokenizer's dictionary decides the figures)
_UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
             "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f")
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")
_MARKS = "*_`~"


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def read(path: Path) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # fallback titles of posts without one: warned
        return read_article(path)


def article_text(article: Article) -> str:
    return "\n".join(markup_text(b.text) for b in article.blocks if b.translatable
                     and b.kind not in (TITLE, BYLINE, *ATTRIBUTE_KINDS))


def seen_text(article: Article) -> str:
    """The title and byline lines, then the story (:func:`article_text`): the article's
    text as a reader copying it from the page would have it."""
    heads = [markup_text(b.text) for b in article.blocks if b.kind in (TITLE, BYLINE)]
    return "\n".join([*heads, article_text(article)])


def snippet_texts(path: Path) -> tuple[str, str]:
    """What a trafilatura-eval page's snippets are looked for in: "with" ones in the title,
    byline and story (:func:`article_text`), "without" ones in the story."""
    article = read(path)
    return seen_text(article), article_text(article)


def pages(folder: Path) -> None:
    refs: dict[str, str] = json.loads((folder / "references.json").read_text("utf-8"))
    refused: list[str] = []
    scores: list[tuple[float, float, str]] = []
    started = time.perf_counter()
    for page_id, reference in sorted(refs.items()):
        try:
            article = read(folder / f"{page_id}.html")
        except ArticleError as exc:
            refused.append(f"{page_id[:12]}: {exc.format_message()}")
            continue
        want, got = words(reference), words(article_text(article))
        shared = sum((want & got).values())
        scores.append((shared / max(1, sum(want.values())), shared / max(1, sum(got.values())),
                       page_id))
    seconds = time.perf_counter() - started
    print(f"pages: {len(refs)}, refused {len(refused)}, read in {seconds:.1f} s")
    for line in refused:
        print("  refused", line)
    _scores("all pages", scores)
    _scores("tuned on", [s for s in scores if not held_out(s[2])])
    _scores("held out", [s for s in scores if held_out(s[2])])


def held_out(page_id: str) -> bool:
    """The pages kept out of tuning (a third, chosen by a hash of the name before any
    page was looked at): their figures say how the rules do on pages not tuned on."""
    return hashlib.sha256(f"held-out:{page_id}".encode()).digest()[0] % 3 == 0


def _scores(name: str, scores: list[tuple[float, float, str]]) -> None:
    recall = [r for r, _, _ in scores]
    precision = [p for _, p, _ in scores]
    print(f"  {name} ({len(scores)}):")
    print(f"    recall    mean {sum(recall) / len(recall):.3f}  min {min(recall):.3f}  "
          f"pages under 0.97: {sum(r < 0.97 for r in recall)}")
    print(f"    precision mean {sum(precision) / len(precision):.3f}  "
          f"min {min(precision):.3f}  pages under 0.95: {sum(p < 0.95 for p in precision)}")
    print("    lowest recall:", ", ".join(f"{p[:8]} {r:.2f}" for r, _, p in sorted(scores)[:5]))
    print("    lowest precision:", ", ".join(
        f"{p[:8]} {q:.2f}" for _, q, p in sorted(scores, key=lambda s: s[1])[:5]))


def _visible(html: str) -> str:
    """The text of rendered HTML outside code, tags dropped, references decoded."""
    import html as html_module

    html = re.sub(r"<(pre|code|script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r"<head\b.*?</head>", " ", html, flags=re.S | re.I)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", html))


def _marks(text: str) -> Counter[str]:
    text = _PADDING.sub("", text)  # the pseudo engine's own growth: "~~~⟧"
    return Counter(c for c in text if c in _MARKS)


_SHOWN_MARKUP = re.compile(r"<[A-Za-z/!]|\]\[")
_TEMPLATE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_ELEMENT = re.compile(r"<(?:a|img)\b")


def _lost(source: str, built: str) -> int:
    """Links and pictures of the rendered source missing from the rendered build; those
    in an HTML comment (a draft's commented-out picture) or in a ``<noscript>`` (builds
    leave it out, as a reader with scripts on sees it) are not shown, so not counted."""
    def shown(html: str) -> int:
        return len(_ELEMENT.findall(re.sub(r"<!--.*?-->|<noscript\b.*?</noscript>", "", html,
                                           flags=re.S | re.I)))

    return max(0, shown(source) - shown(built))


_FRONT = re.compile(r"\A(?:---\n.*?\n---|\+\+\+\n.*?\n\+\+\+)\n", re.S)
_PADDING = re.compile(r"~+(?=\s*⟧)")


def _show(md: object, source: Path, built: Path) -> None:
    """With --debug: the built Markdown blocks whose rendering shows a marker."""
    for line in built.read_text("utf-8").split("\n\n"):
        if _marks(_visible(md.render(line))):  # type: ignore[attr-defined]
            print("   ", built.name, repr(line[:160]))


def _front(path: Path) -> dict[str, object]:
    """The front matter of ``path`` (a source post or a build's Markdown), as l10n reads it."""
    return read_front_matter(path, path.read_text("utf-8").split("\n")).values


def _shape(value: object) -> object:
    """A value's types, all the way down (a date stays a date, a table a table)."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


def _keys_lost(source: dict[str, object], built: dict[str, object]) -> tuple[int, int]:
    """Keys of the source's front matter that the build's front matter does not hold,
    and of those it holds, the ones whose value is typed otherwise (a date as a string)."""
    kept = [key for key in source if key in built]
    return (len(source) - len(kept),
            sum(_shape(source[key]) != _shape(built[key]) for key in kept))


def _untranslate_every_other(folder: Path) -> None:
    """A half-done translation: every other entry's machine text removed, so that a build
    (with machine text) shows translated and source sentences side by side, each piece
    on its own. (Accepting pseudo text as reviewed no longer works: the builds never
    count pseudo text as reviewed.)"""
    import polib

    for path in sorted(folder.glob("*.po")):
        catalog = polib.pofile(str(path))
        for n, entry in enumerate(catalog):
            if n % 2 == 0:
                entry.msgstr = ""
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        catalog.save()


_CODE_SHORTCODE = re.compile(
    r"^([ \t]*)\{\{[<%]\s*(" + "|".join(map(re.escape, CODE_SHORTCODES))
    + r")\b(?:[^\n]*?)(?<!/)\s*[>%]\}\}\n(.*?)\n[ \t]*\{\{[<%]\s*/\s*\2\s*[>%]\}\}", re.M | re.S)


def _verbatim(spans: bool = False) -> Any:
    """CommonMark (tables, strikethrough) reading what the Markdown reader keeps verbatim
    (a code shortcode, a Liquid code tag, a template tag over lines:
    :mod:`l10n.articles.shortcodes`) as one block,
    and (``spans``: for the words left in English, as l10n's HTML page shows these as
    text) a template tag in a sentence that holds backtick strings as one span, shown as
    code: its site shows the template's output there, never its text."""
    import html as html_module

    from markdown_it import MarkdownIt

    from l10n.articles.shortcodes import shortcode_block, tag_end

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.block.ruler.before("paragraph", "shortcode_block", shortcode_block,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.add_render_rule("shortcode_block", lambda _self, tokens, idx, *_: (
        f"<pre><code>{html_module.escape(tokens[idx].content)}</code></pre>\n"))

    def template(state: Any, silent: bool) -> bool:
        """A template tag in a sentence, whole (``{{code "x.go" `/START/`}}``: not the
        code spans of its backtick strings), shown as code: the site shows its output."""
        if not state.src.startswith(("{{", "{%"), state.pos):
            return False
        end = tag_end(state.src, state.pos)
        if end < 0 or end > state.posMax or "`" not in state.src[state.pos:end]:
            return False  # without backticks, the count's mask sees the tag whole
        if not silent:
            state.push("code_inline", "code", 0).content = state.src[state.pos:end]
        state.pos = end
        return True

    if spans:
        md.inline.ruler.before("backticks", "template", template)
    return md


def _fenced(markdown: str) -> str:
    """``markdown`` with its code shortcodes as fenced code, as Hugo shows them (a
    CommonMark renderer shows them as text)."""
    return _CODE_SHORTCODE.sub(lambda m: f"{m[1]}````\n{m[3]}\n{m[1]}````", markdown)


def _authored(built: dict[str, object], source: dict[str, object]) -> dict[str, object]:
    """The keys of a build's front matter that the source's front matter has too (Hugo's
    keys have no case): what its author wrote. A title or description the build took
    from the body (a post without them: its first heading, its lead paragraph) is plain
    text whose code words no count can tell apart; the body's count has its words."""
    keys = {key.casefold() for key in source}
    return {key: value for key, value in built.items() if key.casefold() in keys}


def _left_untranslated(md: object, out: Path, files: list[Path], hugo: Path) -> dict[str, Any]:
    """Visible words left untranslated in the builds of ``files`` with every entry
    translated (:mod:`benchmarks.untranslated`): per post, in the rendered Markdown and in
    the HTML page's article, by where they are; shortcode parameters apart; and in the
    front matter a theme shows, of the Hugo content file (``hugo``: the tree) and of the
    Markdown build, by key (the keys the source has: :func:`_authored`)."""
    from benchmarks.untranslated import (
        examples,
        front_matter_left,
        shortcode_parameters,
        untranslated,
    )

    totals: dict[str, Any] = {"md": Counter(), "html": Counter(), "params": 0, "posts": [],
                              "front": {"Hugo": Counter(), "Markdown": Counter()}}
    for path in files:
        built = out / "ko" / f"{read(path).slug}.md"
        if not built.exists():
            continue
        body = _FRONT.sub("", built.read_text("utf-8"), count=1)
        rendered = md.render(_fenced(body))  # type: ignore[attr-defined]
        page = (out / "ko" / f"{read(path).slug}.html").read_text("utf-8")
        in_md, in_html = untranslated(rendered), untranslated(page, "article")
        totals["md"] += in_md
        totals["html"] += in_html
        totals["params"] += shortcode_parameters(body)
        for name, file in (("Hugo", hugo / "content" / "ko" / built.name), ("Markdown", built)):
            totals["front"][name] += front_matter_left(_authored(_front(file), _front(path)))
        totals["posts"].append((sum(in_md.values()), sum(in_html.values()), path.name,
                                examples(page, "article") or examples(rendered)))
    return totals


def _print_left(left: dict[str, Any]) -> None:
    md, html = left["md"], left["html"]
    print(f"  visible words left untranslated (every entry translated): Markdown "
          f"{sum(md.values())}, HTML {sum(html.values())} {dict(sorted(html.items()))}; "
          f"in shortcode parameters (caption, alt, title: kept) {left['params']}")
    front = left["front"]
    print(f"  front-matter text a theme shows left untranslated: Hugo "
          f"{sum(front['Hugo'].values())} {dict(sorted(front['Hugo'].items()))}, Markdown "
          f"{sum(front['Markdown'].values())} {dict(sorted(front['Markdown'].items()))}")
    worst = sorted((p for p in left["posts"] if p[0] or p[1]), reverse=True)
    print(f"  posts with words left: {len(worst)}; worst:",
          ", ".join(f"{name} {a}/{b}" for a, b, name, _ in worst[:8]))
    for _, _, name, shown in worst[:5]:
        for line in shown[:2]:
            print(f"    {name}: {line}")


def posts(folder: Path, debug: bool = False, title: str = "posts") -> None:
    from l10n.config import load_settings
    from l10n.workflow.build import build
    from l10n.workflow.translate import translate

    md = _verbatim()
    files = sorted([*folder.glob("*.md"), *folder.glob("*.markdown")])
    refused, stray_md, stray_html = [], Counter[str](), Counter[str]()
    worst: list[tuple[int, str]] = []
    lost, shown_markup, templates = 0, Counter[str](), 0
    keys, typed = Counter[str](), Counter[str]()  # front-matter keys lost, retyped
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "seeds").mkdir()
        for path in files:
            try:
                read(path)
            except ArticleError as exc:
                refused.append(exc.format_message())
                continue
            shutil.copy(path, project / "seeds" / path.name)
        (project / "l10n.toml").write_text('source = "en"\ntargets = ["ko"]\n', "utf-8")
        settings = load_settings(cwd=project)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            translate(settings, engine_name="pseudo")
            # the Hugo tree with every entry translated too: its front matter is counted
            # (keys lost depend on no translation)
            hugo = build(settings, include_machine=True, out=project / "hugo",
                         output="hugo").out
            read_ones = [p for p in files if (project / "seeds" / p.name).exists()]
            left = _left_untranslated(_verbatim(spans=True),
                                      build(settings, include_machine=True).out, read_ones, hugo)
            _untranslate_every_other(project / "locales" / "ko")
            out = build(settings, include_machine=True).out
        for path in files:
            if not (project / "seeds" / path.name).exists():
                continue
            article = read(project / "seeds" / path.name)
            source = md.render(_FRONT.sub("", path.read_text("utf-8"), count=1))
            # the title, from front matter too, is shown as written (``io_uring``)
            titles = " ".join(b.text for b in article.blocks if b.kind == TITLE)
            shown = _marks(_visible(source)) + _marks(titles)
            built_md = out / "ko" / f"{article.slug}.md"
            built_html = out / "ko" / f"{article.slug}.html"
            body = _FRONT.sub("", built_md.read_text("utf-8"), count=1)  # the build's keys
            rendered, page = md.render(body), built_html.read_text("utf-8")
            extra_md = _marks(_visible(rendered)) - shown
            extra_html = _marks(_visible(page)) - shown
            lost += _lost(source, rendered)
            markup = len(_SHOWN_MARKUP.findall(_visible(source)))
            shown_markup["Markdown"] += max(0, len(_SHOWN_MARKUP.findall(_visible(rendered)))
                                            - markup)
            shown_markup["HTML"] += max(0, len(_SHOWN_MARKUP.findall(_visible(page))) - markup)
            built_text = built_md.read_text("utf-8")
            templates += sum(t not in built_text for t in _TEMPLATE.findall(
                _FRONT.sub("", path.read_text("utf-8"), count=1)))
            front = _front(path)
            for name, built_file in (("Hugo", hugo / "content" / "ko" / f"{article.slug}.md"),
                                     ("Markdown", built_md)):
                missing, retyped = _keys_lost(front, _front(built_file))
                keys[name] += missing
                typed[name] += retyped
            stray_md += extra_md
            stray_html += extra_html
            worst.append((sum(extra_md.values()) + sum(extra_html.values()), path.name))
            if debug and extra_md:
                _show(md, path, built_md)
    print(f"{title}: {len(files)}, refused {len(refused)}")
    for line in refused:
        print("  refused", line)
    print(f"  stray markup characters in builds: Markdown {sum(stray_md.values())} "
          f"{dict(stray_md)}, HTML {sum(stray_html.values())} {dict(stray_html)}")
    print(f"  links and images lost in builds: {lost}; markup shown as text: Markdown "
          f"{shown_markup['Markdown']}, HTML {shown_markup['HTML']}; template tags changed: "
          f"{templates}")
    print(f"  front-matter keys lost: Hugo {keys['Hugo']}, Markdown {keys['Markdown']}; "
          f"kept but typed otherwise: Hugo {typed['Hugo']}, Markdown {typed['Markdown']}")
    bad = [f"{name} {n}" for n, name in sorted(worst, reverse=True) if n]
    if bad:
        print("  posts with stray marks:", ", ".join(bad[:8]))
    _print_left(left)


def sentences(cache: Path, file: Path = LABELS, title: str = "sentences") -> None:
    labels = tomllib.loads(file.read_text("utf-8")) if file.exists() else {"split": []}
    judged = labels["split"]
    current: set[tuple[str, str]] = set()
    for file in {item["file"] for item in judged}:
        path = cache / file
        if path.exists():
            current |= {(file, s.text) for s in segment_article(read(path))}
    found = [item for item in judged if (item["file"], item["segment"]) in current]
    wrong = [item for item in found if item["verdict"] == "wrong"]
    rate = 100 * len(wrong) / max(1, len(found))
    print(f"{title}: {len(found)} labelled segments still produced "
          f"({len(judged) - len(found)} labels no longer match a segment), "
          f"wrong splits {len(wrong)}: {rate:.2f} per 100 sentences")
    for item in wrong:
        print(f"  wrong: {item['file']}: {item['segment'][:70]!r} ({item.get('note', '')})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--only", choices=("pages", "posts", "posts-wild", "posts-held", "news",
                                           "news-late", "news-final", "fundus", "fundus-held",
                                           "readability", "readability-held",
                                           "trafilatura-eval", "trafilatura-eval-held",
                                           "htmltotext-held",
                                           "sentences", "sentences-held"))
    parser.add_argument("--debug", action="store_true", help="show where stray marks are")
    args = parser.parse_args()
    if not (args.cache / "pages" / "references.json").exists():
        raise SystemExit(f"no data in {args.cache}: run python -m benchmarks.assemble_articles")
    if args.only in (None, "pages"):
        pages(args.cache / "pages")
    if args.only in (None, "posts"):
        posts(args.cache / "posts", args.debug)
    if args.only == "posts-wild" and (args.cache / "posts-wild").is_dir():
        # not part of a default run (yet): the new blogs' tuning two thirds
        posts(args.cache / "posts-wild", args.debug, "posts (seven more blogs, tuning part)")
    if args.only == "posts-held" and (args.cache / "posts-held").is_dir():
        # never part of a default run: the held-out third, run once on frozen code
        posts(args.cache / "posts-held", args.debug, "posts (seven more blogs, held-out part)")
    if args.only in (None, "news") and (args.cache / "news").is_dir():
        from benchmarks.articles_news import news

        news(args.cache / "news", words, lambda path: article_text(read(path)), _scores)
    if args.only in (None, "news-late") and (args.cache / "news-late").is_dir():
        from benchmarks.articles_news import news

        news(args.cache / "news-late", words, lambda path: article_text(read(path)), _scores,
             title="news pages (L3S-GN1 files 201-400: run once unseen in round 6, tuned on since)",
             opened_count=0)
    if args.only == "news-final" and (args.cache / "news-final").is_dir():
        from benchmarks.articles_news import news

        # not part of a default run: the set the next unseen run will replace
        news(args.cache / "news-final", words, lambda path: article_text(read(path)), _scores,
             title="news pages (L3S-GN1 files 401-621: run once unseen in round 7, tuned on since)",
             opened_count=0)
    if args.only in (None, "fundus") and (args.cache / "fundus").is_dir():
        from benchmarks.articles_news import news

        news(args.cache / "fundus", words, lambda path: article_text(read(path)), _scores,
             title="news pages (Fundus parser tests, the tuning half)", opened_count=0)
    if args.only == "fundus-held" and (args.cache / "fundus-held").is_dir():
        from benchmarks.articles_news import news

        # never part of a default run: the held-out half, run once on frozen code
        news(args.cache / "fundus-held", words, lambda path: article_text(read(path)), _scores,
             title="news pages (Fundus parser tests, the held-out half)", opened_count=0)
    if args.only in (None, "readability") and (args.cache / "readability").is_dir():
        from benchmarks.articles_news import news

        news(args.cache / "readability", words, lambda path: article_text(read(path)), _scores,
             title="pages (Readability.js's test pages, the tuning half)", opened_count=0)
    if args.only == "readability-held" and (args.cache / "readability-held").is_dir():
        from benchmarks.articles_news import news

        # never part of a default run: the held-out half, run by the lead on frozen code
        news(args.cache / "readability-held", words, lambda path: article_text(read(path)),
             _scores, title="pages (Readability.js's test pages, the held-out half)",
             opened_count=0)
    if args.only in (None, "trafilatura-eval") and (args.cache / "trafilatura-eval").is_dir():
        from benchmarks.trafilatura_eval import report

        report(args.cache / "trafilatura-eval", snippet_texts,
               "pages (trafilatura's evaluation set, English, the tuning half)")
    if args.only == "trafilatura-eval-held" and (args.cache / "trafilatura-eval-held").is_dir():
        from benchmarks.trafilatura_eval import report

        # never part of a default run: the held-out half, run by the lead on frozen code
        report(args.cache / "trafilatura-eval-held", snippet_texts,
               "pages (trafilatura's evaluation set, English, the held-out half)")
    if args.only == "htmltotext-held" and (args.cache / "htmltotext-held").is_dir():
        from benchmarks.articles_news import news

        # never part of a default run: hand-copied articles, run by the lead. The copies
        # hold the title and byline lines, so l10n's are counted with its story here.
        news(args.cache / "htmltotext-held", words, lambda path: seen_text(read(path)),
             _scores, title="pages (htmltotext-benchmark's hand copies, never tuned on)",
             opened_count=0)
    if args.only in (None, "sentences"):
        sentences(args.cache)
    if args.only == "sentences-held":
        # never part of a default run: the held-out half's hand labels (needs fundus-held)
        sentences(args.cache, HELD_LABELS, "sentences (held-out Fundus half)")
        sentences(args.cache, READABILITY_HELD_LABELS, "sentences (held-out Readability half)")


if __name__ == "__main__":
    main()
