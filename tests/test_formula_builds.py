"""A formula in an HTML article's sentence, put back by every build."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_htmlpage import _built_in_korean

MATHML = ('<math alttext="{\\displaystyle c}"><semantics><mrow><mi>c</mi></mrow>'
          '<annotation encoding="application/x-tex">{\\displaystyle c}</annotation>'
          "</semantics></math>")
WIKI = ('<span class="mwe-math-element"><span class="mwe-math-mathml-inline" '
        f'style="display: none;">{MATHML}</span><img src="https://example.org/c.svg" '
        'class="mwe-math-fallback-image-inline" alt="{\\displaystyle c}"></span>')
PLAIN = "<math><mi>x</mi><mo>+</mo><mn>1</mn></math>"


def test_a_formula_is_put_back_unchanged_in_every_build(tmp_path: Path) -> None:
    """The sentence around a formula is translated; the formula is the source's: in the
    ``.article.html`` build byte for byte, on the templated page as MathML (the MathML
    that MediaWiki hides behind its fallback picture still hidden), in the Markdown build
    as its fallback picture or its text, never its TeX annotation beside it. A formula
    displayed on its own is shown as its picture in every build, its TeX never sent to
    be translated."""
    out = _built_in_korean(tmp_path, "eigen.html", (
        "<!DOCTYPE html><html lang=en><head><title>Eigenvectors</title></head><body>"
        f"<h1>Eigenvectors</h1><p>It holds for any non-zero real scalar {WIKI}, since "
        f"scaling keeps it.</p><p>A plain formula {PLAIN} is kept in its sentence too.</p>"
        f"<dl><dd>{WIKI.replace('c.svg', 'd.svg')}</dd></dl></body></html>"))
    page = (out / "eigen.article.html").read_text(encoding="utf-8")
    assert f"{WIKI}, " in page and f" {PLAIN} " in page
    assert "scalar" not in page and "⟦" in page  # the words around it translated
    templated = (out / "eigen.html").read_text(encoding="utf-8")
    assert '<span class="mwe-math-mathml-inline" style="display: none"><math>' in templated
    assert '<mi>c</mi>' in templated and 'class="mwe-math-fallback-image-inline"' in templated
    assert f" {PLAIN} " in templated
    markdown = (out / "eigen.md").read_text(encoding="utf-8")
    assert re.search(r"!\[\{\\\\displaystyle c\}\]\(<https://example.org/c.svg>\), ", markdown)
    assert " x+1 " in markdown and "{\\\\displaystyle c}!" not in markdown
    assert markdown.count("displaystyle") == 1  # the picture's alt, no annotation text
    assert "![](<https://example.org/d.svg>)" in markdown
    assert '<img src="https://example.org/d.svg" alt="">' in templated
    catalog = (tmp_path / "locales" / "ko" / "eigen.po").read_text(encoding="utf-8")
    assert 'msgid "{\\\\displaystyle' not in catalog  # no formula to translate
