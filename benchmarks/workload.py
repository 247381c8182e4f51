"""What the benchmark translates, and with which model.

* ``sentences.txt``: 300+ news-style English sentences (5-60 words), one per line, each
  a single segment for ``l10n.text.segment``.
* The benchmark model: a copy model (``benchmarks/copy_model.py``) whose tokenizer is
  trained on ``corpus.txt`` plus the sentences, so a sentence is about 1.7 pieces per
  word, close to a real Argos model. Built once into a cache folder and reused while the
  build parameters (size, vocabulary, seed, corpus, builder source) stay the same.
* Projects: a temporary ``l10n`` project whose Markdown articles hold the sentences, one
  paragraph each (the first one is the article's title), so every sentence becomes one
  catalog entry.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from benchmarks import copy_model

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "sentences.txt"
SOURCE, TARGET = "en", "ko"


def load_sentences(path: Path = SENTENCES) -> list[str]:
    """The non-empty lines of ``path``, stripped."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def spread(items: list[str], count: int) -> list[str]:
    """``count`` items taken evenly over ``items`` (a fixed, representative subset)."""
    if count >= len(items):
        return list(items)
    return [items[i * len(items) // count] for i in range(count)]


def model_key(size: str, seed: int, corpus: str) -> str:
    """A digest of everything the model build depends on."""
    builder = Path(copy_model.__file__).read_bytes()
    parts = {
        "size": size, "seed": seed,
        "corpus": hashlib.sha256(corpus.encode()).hexdigest(),
        "builder": hashlib.sha256(builder).hexdigest(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def benchmark_model(cache: Path, size: str = "base", seed: int = 20240) -> tuple[Path, bool]:
    """The ``.argosmodel`` of ``size`` in ``cache/<key>/``; (path, built now)."""
    corpus = copy_model.CORPUS.read_text(encoding="utf-8") + "\n" + SENTENCES.read_text("utf-8")
    folder = cache / f"{size}-{model_key(size, seed, corpus)}"
    found = sorted(folder.glob("*.argosmodel"))
    if found:
        return found[0], False
    if folder.exists():
        shutil.rmtree(folder)
    tmp = cache / f".building-{folder.name}"
    shutil.rmtree(tmp, ignore_errors=True)
    path = copy_model.build_copy_model(tmp, SOURCE, TARGET, corpus, size=size, seed=seed)
    tmp.rename(folder)
    return folder / path.name, True


def install(model_file: Path, models_dir: Path) -> Path:
    """Install ``model_file`` into ``models_dir`` with l10n's own installer; its folder."""
    from l10n.engines.packages import install_model_file

    return install_model_file(model_file, models_dir).path


def article_text(slug: str, sentences: list[str]) -> str:
    """A Markdown article: the first sentence is the title, each other one a paragraph."""
    title = json.dumps(sentences[0], ensure_ascii=False)  # JSON strings are YAML strings
    body = "\n\n".join(sentences[1:])
    return f"---\ntitle: {title}\nslug: {slug}\n---\n\n{body}\n"


def make_project(
    root: Path, articles: list[list[str]], models_dir: Path, engine_options: str = ""
) -> Path:
    """A fresh project in ``root``: one Markdown article per sentence list; returns root."""
    if root.exists():
        shutil.rmtree(root)
    (root / "articles").mkdir(parents=True)
    for number, sentences in enumerate(articles, start=1):
        slug = f"article-{number:03d}"
        (root / "articles" / f"{slug}.md").write_text(
            article_text(slug, sentences), encoding="utf-8"
        )
    config = (
        f'source = "{SOURCE}"\ntargets = ["{TARGET}"]\narticles = "articles"\n'
        f"models = {json.dumps(str(models_dir))}\n{engine_options}"
    )
    (root / "l10n.toml").write_text(config, encoding="utf-8")
    return root


def split_articles(sentences: list[str], count: int) -> list[list[str]]:
    """``sentences`` cut into ``count`` articles of (nearly) equal length, in order."""
    bounds = [round(i * len(sentences) / count) for i in range(count + 1)]
    return [sentences[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def rotating_articles(sentences: list[str], count: int, per_article: int) -> list[list[str]]:
    """``count`` articles of ``per_article`` consecutive sentences, wrapping around."""
    n = len(sentences)
    return [[sentences[(i * per_article + k) % n] for k in range(per_article)]
            for i in range(count)]


def large_article(segments: int, sentences: list[str] | None = None) -> str:
    """One Markdown article of ``segments`` distinct segments: the benchmark's sentences,
    each numbered so that none repeats, four to a paragraph, with a heading every ten
    paragraphs and a short list now and then (what a long live blog or report looks like)."""
    pool = sentences or load_sentences()
    parts = ['---\ntitle: "A very long article"\nslug: long-article\n---\n']
    made = 1  # the title is a segment
    n = 0
    while made < segments:
        if n % 40 == 0:
            parts.append(f"## Part {n // 40 + 1}")
            made += 1
            n += 1
            continue
        count = min(4, segments - made)
        chosen = [f"Item {n}.{k}: {pool[(n * 4 + k) % len(pool)]}" for k in range(count)]
        if n % 17 == 5:
            parts.append("\n".join(f"- {s}" for s in chosen))
        else:
            parts.append(" ".join(chosen))
        made += count
        n += 1
    return "\n\n".join(parts) + "\n"


def large_glossary(terms: int) -> str:
    """A glossary file of ``terms`` distinct terms, shaped like a news agency's: targets
    in four languages, variants, notes, keep terms and readings now and then."""
    out = []
    for n in range(terms):
        name = f"Company{n} Holdings" if n % 3 else f"Term{n}"
        lines = ["[[term]]", f'source = "{name}"']
        if n % 5 == 0:
            lines.append(f'variants = ["{name}s"]')
        if n % 7 == 0:
            lines.append("case_sensitive = false")
        if n % 11 == 0:
            lines += ["keep = true", ""]
            out.append("\n".join(lines))
            continue
        if n % 4 == 0:
            lines.append(f'note = "entry {n}"')
        lines += ["", "[term.targets]", f'ko = "회사{n}"', f'ja = "会社{n}"',
                  f'zh = "公司{n}"', f'es = "Compañía {n}"']
        if n % 13 == 0:
            lines += ["", "[term.readings]", f'ko = "회사{n}"']
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)
