"""Masking protected spans as tokens, restoring them, and catching what engines did to them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.model import Term, TermMatch
from l10n.text.protect import (
    Slot,
    choose_prefix,
    mask,
    missing_tokens,
    restore,
    restore_spans,
    stray_tokens,
    tokens_ok,
)

NVIDIA = Term("NVIDIA", {"ko": "엔비디아"})
BLACKWELL = Term("Blackwell", {"ko": "블랙웰"})


def match(text: str, term: Term, needle: str | None = None) -> TermMatch:
    needle = needle or term.source
    start = text.index(needle)
    return TermMatch(term, start, start + len(needle), needle)


@pytest.mark.parametrize(
    ("text", "original", "kind"),
    [
        ("Run `nvidia-smi` now.", "`nvidia-smi`", "code"),
        ("Run ``a ` b`` now.", "``a ` b``", "code"),
        ("See [the blog](https://nvidia.com/x) today.", "](https://nvidia.com/x)", "link"),
        ('See [it](https://w.org/Foo_(bar) "T") too.', '](https://w.org/Foo_(bar) "T")', "link"),
        ("Visit https://nvidia.com/ko-kr.", "https://nvidia.com/ko-kr", "url"),
        ("Visit www.nvidia.com, then.", "www.nvidia.com", "url"),
        ("Visit <https://nvidia.com> now.", "<https://nvidia.com>", "url"),
        ("Write to press@nvidia.com today.", "press@nvidia.com", "email"),
        ("It is <strong>fast</strong>.", "<strong>", "html"),
        ('A <a href="x">link</a>.', '<a href="x">', "html"),
        ("Hidden <!-- note --> text.", "<!-- note -->", "html"),
        ("Hello {name}, welcome.", "{name}", "placeholder"),
        ("Item {0} of {1}.", "{0}", "placeholder"),
        ("Saved %s files.", "%s", "placeholder"),
        ("Saved %(count)d files.", "%(count)d", "placeholder"),
        ("Saved %1$s files.", "%1$s", "placeholder"),
        ("[!NOTE]\nYou can also set it here.", "[!NOTE]", "placeholder"),  # an alert
        ("So $$e^{i\\pi} + 1 = 0$$ holds.", "$$e^{i\\pi} + 1 = 0$$", "code"),  # TeX
        ("where \\(x_1. y\\) is.", "\\(x_1. y\\)", "code"),
        ("\\[\n\\frac{a}{b}\n\\]", "\\[\n\\frac{a}{b}\n\\]", "code"),
        ("[!warning]- Folded away.", "[!warning]-", "placeholder"),
        # a Go template action holding raw strings: the whole action, not its `...` parts
        ('See {{code "m/list.go" `/START/` `/END/`}} here.',
         '{{code "m/list.go" `/START/` `/END/`}}', "placeholder"),
        ("Type `{{` then `}}` here.", "`{{`", "code"),  # code that holds braces
        # kramdown's attribute lists, Pandoc's and goldmark's attributes, footnote markers
        ("Cats sleep.\n{: .lead #intro}", "{: .lead #intro}", "placeholder"),
        ('A wide cat{: width="50%"} here', '{: width="50%"}', "placeholder"),
        ("## Heading {#custom-id .wide}", "{#custom-id .wide}", "placeholder"),
        ("Cats sleep.[^long] Dogs bark.", "[^long]", "placeholder"),
        ("[^note-2]: Some dogs, anyway.", "[^note-2]", "placeholder"),
    ],
)
def test_markup_is_masked_and_restored(text: str, original: str, kind: str) -> None:
    masked = mask(text)
    assert original not in masked.text
    assert (masked.slots[0].original, masked.slots[0].kind) == (original, kind)
    assert masked.slots[0].token in masked.text
    assert restore(masked.text, masked) == text


@pytest.mark.parametrize(
    "text", ["Sales grew 50% of the time.", "A 100% rise", "Mail at noon", "a {b c} d", "x < y > z",
             "See [!NOTE] below.", "[!Hot] tips", "It costs $$ and more $$ today"]
)
def test_ordinary_text_is_not_masked(text: str) -> None:
    assert mask(text).slots == ()
    assert mask(text).text == text


def test_link_text_stays_translatable() -> None:
    masked = mask("Read [the NVIDIA blog](https://blogs.nvidia.com) now.")
    assert "[the NVIDIA blog" in masked.text
    assert [s.kind for s in masked.slots] == ["link"]


def test_terms_are_masked_left_to_right_and_markup_wins_overlaps() -> None:
    text = "NVIDIA built Blackwell; see `NVIDIA` docs."
    matches = [match(text, BLACKWELL), match(text, NVIDIA), TermMatch(NVIDIA, 29, 35, "NVIDIA")]
    masked = mask(text, matches)
    assert [(s.kind, s.original) for s in masked.slots] == [
        ("term", "NVIDIA"),
        ("term", "Blackwell"),
        ("code", "`NVIDIA`"),
    ]
    assert masked.text == "ZQX1X built ZQX2X; see ZQX3X docs."
    assert masked.slots[1].term is BLACKWELL
    assert (masked.slots[1].start, masked.slots[1].end) == (13, 22)


def test_longer_overlapping_term_wins() -> None:
    cloud = Term("Naver Cloud", {"ko": "네이버클라우드"})
    naver = Term("Naver", {"ko": "네이버"})
    text = "Naver Cloud grows."
    masked = mask(text, [TermMatch(naver, 0, 5, "Naver"), TermMatch(cloud, 0, 11, "Naver Cloud")])
    assert [s.term for s in masked.slots] == [cloud]


def test_a_match_that_does_not_describe_the_text_is_a_bug() -> None:
    with pytest.raises(ValueError, match="does not match"):
        mask("NVIDIA", [TermMatch(NVIDIA, 1, 6, "NVIDIA")])


@pytest.mark.parametrize("text", ["ZQX1X is here", "zqx", "Z-Q X marks", "ZQX ZQJ zqk"])
def test_prefix_never_collides_with_the_text(text: str) -> None:
    prefix = choose_prefix(text)
    squeezed = "".join(ch for ch in text.casefold() if ch.isalnum())
    assert prefix.casefold() not in squeezed
    masked = mask(text + " `x`")
    assert masked.slots[0].token.startswith(prefix)
    assert restore(masked.text, masked) == text + " `x`"


@pytest.mark.parametrize(
    ("text", "masked_text", "engine_dropped_the_spaces"),
    [
        ("See [docs](https://x.org) now.", "See [docs ZQX1X now.", "See [docsZQX1X now."),
        ("NVIDIA는 좋다", "ZQX1X 는 좋다", "ZQX1X는 좋다"),
        ("<b>bold</b>", "ZQX1X bold ZQX2X", "ZQX1XboldZQX2X"),
        ("<b>`x`</b>", "ZQX1X ZQX2X ZQX3X", "ZQX1XZQX2XZQX3X"),
        ("a `x`, b", "a ZQX1X, b", "a ZQX1X, b"),
    ],
)
def test_tokens_touching_letters_are_set_off_by_a_space(
    text: str, masked_text: str, engine_dropped_the_spaces: str
) -> None:
    terms = [match(text, NVIDIA)] if "NVIDIA" in text else []
    masked = mask(text, terms)
    assert masked.text == masked_text
    assert restore(masked.text, masked) == text
    assert restore(engine_dropped_the_spaces, masked) == text


def test_token_followed_by_digits_stays_unambiguous() -> None:
    text = "`a`1 `b`2 `c`3 `d`4 `e`5 `f`6 `g`7 `h`8 `i`9 `j`10 `k`11"
    masked = mask(text)
    assert len(masked.slots) == 11
    assert tokens_ok(masked.text, masked)
    assert restore(masked.text, masked) == text


@pytest.mark.parametrize(
    ("output", "lost"),
    [
        ("ZQX2X 를 만들었다.", ["ZQX1X"]),  # dropped
        ("ZQX 1X가 ZQX2X를", ["ZQX1X"]),  # space inside
        ("zqx1x가 ZQX2X를", ["ZQX1X"]),  # case
        ("Z Q X 1 X가 ZQX2X를", ["ZQX1X"]),  # spelled out
        ("엔비디아가 ZQX2X를", ["ZQX1X"]),  # translated
        ("ZQX1X가 ZQX1X와 ZQX2X를", ["ZQX1X"]),  # repeated
        ("ZQX1X가 ZQX2X를", []),
    ],
)
def test_missing_tokens(output: str, lost: list[str]) -> None:
    text = "NVIDIA built Blackwell."
    masked = mask(text, [match(text, NVIDIA), match(text, BLACKWELL)])
    assert [s.token for s in missing_tokens(output, masked)] == lost
    assert tokens_ok(output, masked) is not lost


def test_stray_tokens_are_reported() -> None:
    text = "NVIDIA built Blackwell."
    masked = mask(text, [match(text, NVIDIA), match(text, BLACKWELL)])
    merged = "ZQX12X 만들었다."
    assert stray_tokens(merged, masked) == ["ZQX12X"]
    assert not tokens_ok(merged, masked)
    assert stray_tokens("ZQX1X ZQX2X", masked) == []


def test_restore_with_replacement_reports_spans() -> None:
    text = "NVIDIA built Blackwell."
    masked = mask(text, [match(text, NVIDIA), match(text, BLACKWELL)])

    def korean(slot: Slot) -> str:
        assert slot.term is not None
        return slot.term.targets["ko"]

    out, placed = restore_spans("ZQX1X가 ZQX2X를 만들었다.", masked, korean)
    assert out == "엔비디아가 블랙웰를 만들었다."
    assert [(out[p.start : p.end], p.slot.original) for p in placed] == [
        ("엔비디아", "NVIDIA"),
        ("블랙웰", "Blackwell"),
    ]


@pytest.mark.parametrize("garbled", ["zqx1x", "ZQX 1X", "Z Q X 1 X", "ZQX1", "ZQX 1"])
def test_lenient_restore_recovers_garbled_tokens(garbled: str) -> None:
    text = "NVIDIA built Blackwell."
    masked = mask(text, [match(text, NVIDIA), match(text, BLACKWELL)])
    output = f"{garbled}가 ZQX2X를 만들었다."
    assert restore(output, masked) == f"{garbled}가 Blackwell를 만들었다."
    assert restore(output, masked, lenient=True) == "NVIDIA가 Blackwell를 만들었다."


def test_unknown_tokens_are_left_alone() -> None:
    masked = mask("`a` b")
    assert restore("ZQX7X ZQX1X", masked) == "ZQX7X `a`"


_ALPHABET = "ab ZQXzqxJK1209`[]()<>{}%@.:/-_s한글\n"


@st.composite
def text_and_matches(draw: st.DrawFn) -> tuple[str, list[TermMatch]]:
    text = draw(st.text(alphabet=_ALPHABET, max_size=60))
    matches = []
    for _ in range(draw(st.integers(0, 4))):
        if len(text) < 1:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        matches.append(TermMatch(Term(text[start:end]), start, end, text[start:end]))
    return text, matches


@settings(max_examples=300, deadline=None)
@given(text_and_matches())
def test_mask_then_identity_restore_is_the_identity(case: tuple[str, list[TermMatch]]) -> None:
    text, matches = case
    masked = mask(text, matches)
    assert tokens_ok(masked.text, masked)
    assert restore(masked.text, masked) == text
    assert restore(masked.text, masked, lenient=True) == text
    assert "".join(s.original for s in masked.slots) == "".join(
        text[s.start : s.end] for s in masked.slots
    )
