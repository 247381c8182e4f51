"""Term matching: longest first, word boundaries, case, variants, possessives, punctuation."""

from __future__ import annotations

import random
from pathlib import Path
from types import MappingProxyType

import pytest

from l10n.glossary import Glossary, load_glossary
from l10n.model import Term

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    from l10n.glossary.load import read_file

    entries, problems = read_file(DATA / "match.toml")
    assert problems == []
    return Glossary(entry.term for entry in entries)


MIRACLE = "Miracle on the Han River"

# (text, [(matched text, term source), ...])
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("NVIDIA unveils Blackwell", [("NVIDIA", "NVIDIA"), ("Blackwell", "Blackwell")]),
    ("Naver Cloud and Naver", [("Naver Cloud", "Naver Cloud"), ("Naver", "Naver")]),
    ("Samsung Electronics said", [("Samsung Electronics", "Samsung Electronics")]),
    ("Samsung said", [("Samsung", "Samsung")]),
    ("Hyundai Motor Group invests", [("Hyundai Motor Group", "Hyundai Motor Group")]),
    ("Hyundai Motor", [("Hyundai", "Hyundai")]),
    ("Naver Cloudy skies", [("Naver", "Naver")]),
    ("SK Group and SK", [("SK Group", "SK Group"), ("SK", "SK")]),
    ("South Korea and Korea", [("South Korea", "South Korea"), ("Korea", "Korea")]),
    ("ALGORITHM", []),
    ("ASK the TASK force", []),
    ("LGBT", []),
    ("Blackwells", [("Blackwells", "Blackwell")]),  # a plural needs no variant
    ("Blackwell2", []),
    ("Korean culture", []),
    ("pc bang", [("pc bang", "PC Bang")]),
    ("PC BANGS everywhere", [("PC BANGS", "PC Bang")]),
    ("PC bangs", [("PC bangs", "PC Bang")]),
    ("nvidia", [("nvidia", "NVIDIA")]),  # six letters: not an acronym, any case
    ("blackwell", [("blackwell", "Blackwell")]),
    ("ai and Ai", []),  # AI: a short acronym, as written only
    ("AI and AIs", [("AI", "AI"), ("AIs", "AI")]),
    ("foundries and batteries", [("foundries", "foundry"), ("batteries", "battery")]),
    ("GPUs, gpus, Blackwell-based", [("GPUs", "GPU"), ("Blackwell", "Blackwell")]),
    ("NVIDIA's chips", [("NVIDIA", "NVIDIA")]),
    ("NVIDIA\u2019s chips", [("NVIDIA", "NVIDIA")]),
    ("Korea\u2019s robust chain", [("Korea", "Korea")]),
    ("Samsung Electronics' chips", [("Samsung Electronics", "Samsung Electronics")]),
    ("the 'PC Bang' culture", [("PC Bang", "PC Bang")]),
    ("(Blackwell)", [("Blackwell", "Blackwell")]),
    ("Korean e-sports, and more", [("e-sports", "e-sports")]),
    ("E-Sports", [("E-Sports", "e-sports")]),
    ("e sports", []),
    ("esports", []),
    ("G-SYNC and Reflex", [("G-SYNC", "G-SYNC"), ("Reflex", "Reflex")]),
    ("G\u2011SYNC", [("G\u2011SYNC", "G-SYNC")]),
    ("G-SYNCS", [("G-SYNCS", "G-SYNC")]),  # its plural, in capitals as written
    ("NVIDIA-powered", [("NVIDIA", "NVIDIA")]),
    ("\u201cMiracle on the Han River,\u201d", [(MIRACLE, MIRACLE)]),
    ("miracle on the\nHan  River", [("miracle on the\nHan  River", MIRACLE)]),
    ("Miracle on the Han", []),
    ("C++ and .NET", [("C++", "C++"), (".NET", ".NET")]),
    ("C+ grade", []),
    ("ASP.NET", []),
    ("C++x", []),
    ("한강의 기적", [("한강", "한강")]),
    ("NVIDIA,NVIDIA;NVIDIA.", [("NVIDIA", "NVIDIA")] * 3),
    ("", []),
    ("LG, SK and Samsung.", [("LG", "LG"), ("SK", "SK"), ("Samsung", "Samsung")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] or "empty" for c in CASES])
def test_matching_table(glossary: Glossary, text: str, expected: list[tuple[str, str]]) -> None:
    matches = glossary.find(text)
    assert [(m.text, m.term.source) for m in matches] == expected
    for m in matches:
        assert text[m.start : m.end] == m.text
    starts = [m.start for m in matches]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


def test_possessive_span_covers_the_term_only(glossary: Glossary) -> None:
    (match,) = glossary.find("Korea\u2019s value chain")
    assert (match.start, match.end) == (0, 5)


def test_lang_filter_falls_back_to_a_shorter_term(glossary: Glossary) -> None:
    # Naver Cloud has no ja target, Naver has: with lang="ja" the shorter one matches.
    assert [m.term.source for m in glossary.find("Naver Cloud", "ja")] == ["Naver"]
    assert [m.term.source for m in glossary.find("Naver Cloud", "ko")] == ["Naver Cloud"]
    # keep terms count in every language; terms without a target do not.
    assert [m.term.source for m in glossary.find("LG and Samsung", "ja")] == ["LG"]
    assert [m.term.source for m in glossary.find("LG and Samsung", "ko_KR")] == ["LG", "Samsung"]


def test_glossary_container_api(glossary: Glossary) -> None:
    assert len(glossary) == len(glossary.terms) == 25
    assert glossary.languages() == {"ko", "ja", "en"}
    sk = glossary.get("SK")
    assert sk is not None and sk.target("ko") == "SK" and sk.reading("ko") == "에스케이"
    assert glossary.get("Nope") is None
    assert Glossary().find("anything") == []


def test_five_thousand_terms() -> None:
    rng = random.Random(7)
    words = [f"w{n:04d}" for n in range(2000)]
    terms = []
    for n in range(5000):
        size = 1 + n % 3
        source = " ".join(rng.sample(words, size)).capitalize() + f" T{n}"
        terms.append(Term(source=source, targets=MappingProxyType({"ko": f"용어{n}"})))
    glossary = Glossary(terms)
    assert len(glossary) == 5000
    picked = rng.sample(terms, 200)
    text = ", then ".join(t.source for t in picked) + "."
    found = glossary.find(text, "ko")
    assert [m.term for m in found] == picked
    assert all(m.text == m.term.source for m in found)
    # A longer term that contains a shorter one wins where it occurs.
    longer = Term(source=picked[0].source + " Group", targets=MappingProxyType({"ko": "그룹"}))
    bigger = Glossary([*terms, longer])
    assert bigger.find(longer.source + " and " + picked[0].source)[0].term == longer
    assert bigger.find(longer.source + " and " + picked[0].source)[1].term == picked[0]


def test_shipped_glossary_finds_the_seed_terms() -> None:
    root = Path(__file__).resolve().parent.parent
    glossary = load_glossary(root / "glossaries")
    text = ("The deal involves Samsung Electronics, SK Group, Hyundai Motor Group, and Naver "
            "Cloud. NVIDIA's Blackwell GPUs power PC bangs and e-sports in Korea\u2019s cities.")
    found = {m.term.source: m.term.target("ko") for m in glossary.find(text, "ko")}
    assert found["Samsung Electronics"] == "삼성전자"
    assert found["Hyundai Motor Group"] == "현대자동차그룹"
    assert found["Naver Cloud"] == "네이버클라우드"
    assert found["PC Bang"] == "PC방"
    assert found["NVIDIA"] == "엔비디아"
    assert "Samsung" not in found and "Naver" not in found and "Hyundai" not in found
    for lang in ("ja", "zh", "es"):
        assert all(t.target(lang) for t in glossary.terms), lang
