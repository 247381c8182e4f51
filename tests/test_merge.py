"""Catalog merge: each msgmerge case on a Poedit-saved catalog, a property test, and a
comparison with GNU msgmerge where it is installed."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10n.catalog import (
    FUZZY,
    MACHINE,
    OBSOLETE,
    REVIEWED,
    UNTRANSLATED,
    Catalog,
    MergeReport,
    TemplateEntry,
    merge,
)
from l10n.text.compare import similarity_ratio

DATA = Path(__file__).parent / "data" / "merge"
MSGMERGE = shutil.which("msgmerge")
MSGFMT = shutil.which("msgfmt")

TITLE = "NVIDIA Hails South Korea as Global AI Epicenter"
RELEASE_OLD = (
    "Global AI powerhouse NVIDIA released a 3-minute video titled 'South Korea's Next "
    "Industrial Revolution' on its official YouTube channel on October 31."
)
RELEASE_NEW = RELEASE_OLD[:-1] + ", local time."
TRIBUTE_OLD = (
    "The tribute coincided with the announcement of a deal to supply 260,000 Blackwell "
    "GPUs to South Korea."
)
TRIBUTE_NEW = TRIBUTE_OLD.replace("supply 260,000", "supply about 260,000")
VIDEO = (
    "The video, narrated in Korean with English subtitles, begins by celebrating the "
    "Miracle on the Han River."
)
HOMAGE = "NVIDIA paid homage to South Korea's role in global e-sports."
CEO = (
    "CEO Jensen Huang had previously acknowledged that GPU advancements like G-SYNC were "
    "indebted to Korean e-sports."
)
SAMSUNG = "Samsung, SK, Hyundai and Naver will receive most of the chips over the next three years."
MESSAGE = 'The video concludes with the solemn message: "We are honored to be with you."'
ANALYSTS = "Analysts suggest the decision underscores Korea's robust value chain."
DEAL = "The deal is valued at up to 14 trillion won, about $10.3 billion."
MIRACLE = "Right here in Korea, where the miracle continues."


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(DATA / name, target)
    return target


@pytest.fixture()
def merged(tmp_path: Path) -> tuple[Catalog, MergeReport]:
    """old.po (as Poedit saved it) merged with new.pot, written and read back."""
    catalog = Catalog.read(_copy(tmp_path, "old.po"))
    report = merge(catalog, Catalog.read(DATA / "new.pot"))
    catalog.write()
    return Catalog.read(catalog.path), report


def _entry(catalog: Catalog, msgid: str, *, obsolete: bool = False) -> polib.POEntry:
    found = [e for e in catalog.po if e.msgid == msgid and bool(e.obsolete) == obsolete]
    assert len(found) == 1, msgid
    return found[0]


# ---------------------------------------------------------------------- scenarios
def test_unchanged_reviewed_entry_keeps_translation_comments_and_state(merged):
    catalog, _ = merged
    old = Catalog.read(DATA / "old.po").get(TITLE)
    entry = catalog.get(TITLE)
    assert old is not None and entry is not None
    assert entry.state == REVIEWED
    assert entry.msgstr == old.msgstr == "엔비디아, 한국을 글로벌 AI 중심지로 치켜세워"
    assert entry.translator_comment == "Headline style: no final period."
    assert entry.comments == ("title", "term: NVIDIA -> 엔비디아 (applied)")
    assert entry.previous_msgid is None


def test_unchanged_entries_take_the_templates_references(merged):
    catalog, _ = merged
    video = catalog.get(VIDEO)
    assert video is not None and video.references == ("seeds/nvidia-korea.txt:6",)
    assert video.comments[0] == "paragraph 2"


def test_untouched_machine_output_stays_machine_and_edited_stays_edited(merged):
    catalog, _ = merged
    video, homage = catalog.get(VIDEO), catalog.get(HOMAGE)
    assert video is not None and homage is not None
    assert video.state == MACHINE and video.provenance is not None
    assert video.terms[0].target == "한강"
    assert homage.state == FUZZY and homage.edited
    assert homage.msgstr == "엔비디아는 세계 e스포츠에서 한국이 한 역할에 경의를 표했다."
    assert homage.translator_comment == "Check the e-sports spelling with the desk."


@pytest.mark.parametrize(("old", "new"), [(RELEASE_OLD, RELEASE_NEW), (TRIBUTE_OLD, TRIBUTE_NEW)])
def test_slightly_changed_sentence_gets_the_old_translation_as_fuzzy(merged, old, new):
    catalog, report = merged
    before = Catalog.read(DATA / "old.po").get(old)
    entry = catalog.get(new)
    assert before is not None and entry is not None
    assert entry.fuzzy and entry.msgstr == before.msgstr
    assert entry.previous_msgid == old
    assert catalog.get(old) is None
    assert new in report.fuzzy_msgids
    assert similarity_ratio(old, new) > 0.9


def test_rewritten_sentence_is_new_and_its_old_translation_obsolete(merged):
    catalog, report = merged
    assert catalog.get(SAMSUNG) is not None
    assert catalog.get(SAMSUNG).state == UNTRANSLATED  # type: ignore[union-attr]
    assert SAMSUNG in report.new_msgids and DEAL in report.new_msgids
    obsolete = _entry(catalog, CEO, obsolete=True)
    assert obsolete.msgstr.startswith("젠슨 황 CEO는")


def test_removed_sentence_is_kept_obsolete_after_the_live_entries(merged):
    catalog, report = merged
    views = catalog.entries(obsolete=True)
    states = [v.state for v in views]
    first_obsolete = states.index(OBSOLETE)
    assert all(s == OBSOLETE for s in states[first_obsolete:])
    assert [v.msgid for v in views[first_obsolete:]] == [CEO, MESSAGE]
    assert report.obsoleted == 2


def test_entries_follow_the_template_order(merged):
    catalog, _ = merged
    template = Catalog.read(DATA / "new.pot")
    assert [e.msgid for e in catalog.entries()] == [e.msgid for e in template.entries()]


def test_obsolete_entry_whose_source_comes_back_is_revived(merged):
    catalog, report = merged
    entry = catalog.get(MIRACLE)
    assert entry is not None and entry.state == REVIEWED
    assert entry.msgstr == "바로 이곳 한국에서, 기적은 계속됩니다."
    assert entry.references == ("seeds/nvidia-korea.txt:11",)
    assert report.revived == 1


def test_report_counts_every_case(merged):
    _, report = merged
    assert (report.kept, report.fuzzy_matched, report.new, report.obsoleted) == (4, 2, 2, 2)
    assert (report.revived, report.purged, report.dropped) == (1, 0, 0)


def test_header_is_the_catalogs_with_the_templates_dates(merged):
    catalog, _ = merged
    meta = catalog.metadata
    assert meta["POT-Creation-Date"] == "2025-11-05 08:00+0000"
    assert meta["Last-Translator"] == "Kim Jiwoo <jiwoo@example.com>"
    assert meta["X-Generator"] == "Poedit 3.4.2"
    assert meta["Language"] == "ko"
    assert "Kim Jiwoo" in catalog.po.header


def test_purge_obsolete_drops_every_obsolete_entry(tmp_path):
    catalog = Catalog.read(_copy(tmp_path, "old.po"))
    report = merge(catalog, Catalog.read(DATA / "new.pot"), purge_obsolete=True)
    assert not [e for e in catalog.po if e.obsolete]
    assert report.purged == 2 and report.obsoleted == 2


def test_second_merge_with_the_same_template_changes_nothing(merged):
    catalog, _ = merged
    before = catalog.path.read_bytes()
    merge(catalog, Catalog.read(DATA / "new.pot"))
    assert catalog.write() is False
    assert catalog.path.read_bytes() == before


def test_poedit_review_then_merge_keeps_reviews_and_revives(tmp_path):
    """The translator approved and re-wrapped entries in Poedit; the article then brings
    back a removed sentence."""
    catalog = Catalog.read(_copy(tmp_path, "after_review.po"))
    reviewed = {e.msgid: e.msgstr for e in catalog.entries() if e.state == REVIEWED}
    assert RELEASE_NEW in reviewed and SAMSUNG in reviewed
    report = merge(catalog, Catalog.read(DATA / "newer.pot"))
    catalog.write()
    again = Catalog.read(catalog.path)
    for msgid, msgstr in reviewed.items():
        entry = again.get(msgid)
        assert entry is not None and entry.state == REVIEWED and entry.msgstr == msgstr
    ceo = again.get(CEO)
    assert ceo is not None and ceo.state == REVIEWED and ceo.msgstr.startswith("젠슨 황")
    assert report.revived == 1 and report.obsoleted == 0
    assert [e.msgid for e in again.entries(obsolete=True) if e.obsolete] == [MESSAGE]


def test_similarity_threshold_decides_between_fuzzy_and_new(tmp_path):
    catalog = Catalog.read(_copy(tmp_path, "old.po"))
    report = merge(catalog, Catalog.read(DATA / "new.pot"), similarity=0.99)
    assert report.fuzzy_matched == 0 and report.new == 4
    with pytest.raises(ValueError):
        merge(catalog, Catalog.read(DATA / "new.pot"), similarity=0)


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt not installed")
def test_msgfmt_accepts_merged_catalogs(merged, tmp_path):
    catalog, _ = merged
    purged = Catalog.read(_copy(tmp_path, "after_review.po"))
    merge(purged, Catalog.read(DATA / "newer.pot"), purge_obsolete=True)
    purged.write()
    for path in (catalog.path, purged.path):
        done = subprocess.run(
            [MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------- msgmerge
@pytest.mark.slow
@pytest.mark.skipif(MSGMERGE is None, reason="msgmerge not installed")
def test_same_translations_and_fuzzy_marks_as_msgmerge(tmp_path):
    out = tmp_path / "msgmerge.po"
    subprocess.run(
        [MSGMERGE, "--quiet", "--previous", "-o", str(out), str(DATA / "old.po"),
         str(DATA / "new.pot")],
        check=True,
    )  # fmt: skip
    theirs = polib.pofile(str(out))
    ours = Catalog.read(_copy(tmp_path, "old.po"))
    merge(ours, Catalog.read(DATA / "new.pot"))
    live = [e for e in theirs if not e.obsolete]
    assert [e.msgid for e in live] == [e.msgid for e in ours.entries()]
    for their in live:
        mine = ours.get(their.msgid)
        assert mine is not None
        assert mine.msgstr == their.msgstr, their.msgid
        assert mine.fuzzy == ("fuzzy" in their.flags), their.msgid
        if their.previous_msgid:
            assert mine.previous_msgid == their.previous_msgid
    obsolete = {(e.msgid, e.msgstr) for e in theirs if e.obsolete}
    assert obsolete == {(e.msgid, e.msgstr) for e in ours.entries(obsolete=True) if e.obsolete}


# ---------------------------------------------------------------------- property
SENTENCES = [
    "The chips ship in March.",
    "Samsung builds a new fab in Pyeongtaek.",
    "The ministry welcomed the investment.",
    "Prices rose by 3 percent last quarter.",
    "Naver will train its models on the new cluster.",
    "Analysts expect more deals next year.",
    "The alliance covers robotics and digital twins.",
    "Hyundai plans smart factories in Ulsan.",
]
WORDS = ["quickly", "again", "officially", "reportedly", "today", "in Seoul"]

Step = tuple[str, int, int]
steps = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "change", "review", "merge"]),
              st.integers(0, 50), st.integers(0, 50)),
    min_size=1, max_size=25,
)  # fmt: skip


def _template(sources: list[str]) -> Catalog:
    entries = [TemplateEntry(s, (f"seeds/a.txt:{i + 1}",), (f"paragraph {i}",))
               for i, s in enumerate(sources)]  # fmt: skip
    return Catalog.template(Path("a.pot"), "a", entries)


def _edit(sources: list[str], action: str, a: int, b: int) -> None:
    if action == "add":
        text = f"{SENTENCES[a % len(SENTENCES)][:-1]} {WORDS[b % len(WORDS)]} ({a}-{b})."
        if text not in sources:
            sources.insert(b % (len(sources) + 1), text)
    elif action == "remove" and sources:
        sources.pop(a % len(sources))
    elif action == "change" and sources:
        i = a % len(sources)
        changed = sources[i][:-1] + f" {WORDS[b % len(WORDS)]}."
        if changed not in sources:
            sources[i] = changed


def _review(catalog: Catalog, a: int, b: int) -> None:
    """What Poedit does when the translator types and approves a translation."""
    live = [e for e in catalog.po if not e.obsolete and e.msgid]
    if live:
        entry = live[a % len(live)]
        entry.msgstr = entry.msgstr or f"번역 {a}-{b}"
        if b % 3:
            entry.msgstr += " (수정)"
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_merges_never_lose_a_reviewed_translation(actions: list[Step]) -> None:
    sources = SENTENCES[:4]
    catalog = Catalog.from_template(_template(sources), Path("a.po"), "ko")
    for action, a, b in actions:
        if action == "review":
            _review(catalog, a, b)
            continue
        if action != "merge":
            _edit(sources, action, a, b)
            continue
        before = {e.msgid: e.msgstr for e in catalog.entries() if e.state == REVIEWED}
        kept_text = {e.msgstr for e in catalog.entries(obsolete=True) if e.msgstr}
        merge(catalog, _template(sources))
        reread = Catalog(polib.pofile(catalog.render(), wrapwidth=78), Path("a.po"))
        assert [e.msgid for e in reread.entries()] == sources
        assert all(e.msgid for e in reread.entries(obsolete=True))
        for msgid, msgstr in before.items():
            if msgid in sources:
                entry = reread.get(msgid)
                assert entry is not None and entry.state == REVIEWED and entry.msgstr == msgstr
        after = {e.msgstr for e in reread.entries(obsolete=True) if e.msgstr}
        assert kept_text <= after
        catalog = reread


# ---------------------------------------------------------------- issue 14: integrity
def _po(tmp_path: Path, text: str, name: str = "x.po") -> Catalog:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Catalog.read(path)


HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ko\\n"\n'
    '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
)


def test_accepted_machine_output_is_carried_as_reviewed_work(tmp_path: Path) -> None:
    """Item 1 at the merge: a non-fuzzy entry whose sha still matches is reviewed; when
    its source changes it becomes fuzzy with #| and is never machine output again."""
    from l10n.catalog import Provenance

    catalog = Catalog.from_template(_template([TRIBUTE_OLD]), tmp_path / "a.po", "ko")
    catalog.set_machine(TRIBUTE_OLD, "기계 번역.", Provenance("argos", "argos m 1.0", -0.5))
    catalog.po[0].flags.remove("fuzzy")  # accepted as it is
    assert catalog.get(TRIBUTE_OLD).state == REVIEWED
    merge(catalog, _template([TRIBUTE_NEW]))
    catalog.write()
    entry = Catalog.read(catalog.path).get(TRIBUTE_NEW)
    assert entry.msgstr == "기계 번역." and entry.fuzzy
    assert entry.previous_msgid == TRIBUTE_OLD
    assert not entry.is_machine and not entry.edited and entry.state == FUZZY
    assert entry.provenance.engine == "argos" and entry.provenance.sha == ""


def test_plural_entry_added_by_hand_survives_an_article_change(tmp_path: Path) -> None:
    """Item 5: an entry with msgid_plural/msgstr[0] is kept (obsolete when it left)."""
    catalog = _po(tmp_path, HEADER + f'msgid "{HOMAGE}"\nmsgstr "경의"\n\n'
                  'msgid "one chip"\nmsgid_plural "%d chips"\nmsgstr[0] "칩 %d개"\n')
    merge(catalog, _template([HOMAGE, CEO]))
    catalog.write()
    text = catalog.path.read_text("utf-8")
    assert '#~ msgid_plural "%d chips"' in text and '#~ msgstr[0] "칩 %d개"' in text


def test_plural_entry_in_the_template_keeps_its_translation(tmp_path: Path) -> None:
    catalog = _po(tmp_path, HEADER + 'msgid "one chip"\nmsgid_plural "%d chips"\n'
                  'msgstr[0] "칩 %d개"\n')
    template = _po(tmp_path, 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                   '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                   'msgid "one chip"\nmsgid_plural "%d chips"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
                   f'msgid "{HOMAGE}"\nmsgstr ""\n', "t.pot")
    merge(catalog, template)
    catalog.write()
    text = catalog.path.read_text("utf-8")
    assert 'msgstr[0] "칩 %d개"' in text and "#~" not in text


def test_msgctxt_is_kept_when_an_entry_becomes_obsolete(tmp_path: Path) -> None:
    """Item 5: msgctxt survives obsolescence, and a context entry is not taken for the
    template's entry of the same msgid."""
    catalog = _po(tmp_path, HEADER + f'msgctxt "caption"\nmsgid "{HOMAGE}"\nmsgstr "캡션"\n\n'
                  f'msgctxt "menu"\nmsgid "{CEO}"\nmsgstr "메뉴"\n')
    merge(catalog, _template([HOMAGE]))
    catalog.write()
    text = catalog.path.read_text("utf-8")
    assert '#~ msgctxt "caption"' in text and '#~ msgctxt "menu"' in text
    assert 'msgstr "캡션"' in text and 'msgstr "메뉴"' in text
    reread = Catalog.read(catalog.path)
    assert reread.get(HOMAGE).msgstr == ""


@pytest.mark.skipif(MSGFMT is None, reason="gettext's msgfmt is not installed")
def test_catalog_without_header_gets_content_type_and_language(tmp_path: Path) -> None:
    """Item 5: a PO saved without a header is written back with one msgfmt accepts."""
    catalog = _po(tmp_path, f'msgid "{HOMAGE}"\nmsgstr "경의"\n')
    merge(catalog, _template([HOMAGE, CEO]), language="ko")
    catalog.write()
    text = catalog.path.read_text("utf-8")
    assert "Content-Type: text/plain; charset=UTF-8" in text and "Language: ko" in text
    done = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(catalog.path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert Catalog.read(catalog.path).get(HOMAGE).msgstr == "경의"


def test_provenance_wrapped_by_another_tool_is_read_whole(tmp_path: Path) -> None:
    """Item 6: polib (and Poedit) wrap long #. lines; the provenance is read across them
    and written back on one line."""
    from l10n.catalog import Provenance

    catalog = Catalog.from_template(_template([TRIBUTE_OLD]), tmp_path / "a.po", "ko")
    model = "argos translate-en_ko 1.0 + translate-ko_es 1.0 (a long model description)"
    catalog.set_machine(TRIBUTE_OLD, "번역", Provenance("argos", model, -0.4210))
    catalog.write()
    po = polib.pofile(str(catalog.path))
    po.save()  # polib wraps at 78 columns
    saved = catalog.path.read_text("utf-8")
    assert saved.count("#. ") >= 3  # the label and the wrapped mt: line
    entry = Catalog.read(catalog.path).get(TRIBUTE_OLD)
    assert entry.provenance.model == model and entry.is_machine
    reread = Catalog.read(catalog.path)
    merge(reread, _template([TRIBUTE_OLD, VIDEO]))
    reread.write()
    again = Catalog.read(catalog.path).get(TRIBUTE_OLD)
    assert again.provenance.model == model and again.is_machine
    assert f"model={model}\n" in catalog.path.read_text("utf-8")


def _edited(sentence: str, rng: random.Random) -> str:
    """A sentence as an editor changes it: a word replaced, dropped or added."""
    words = sentence.split()
    k = rng.randrange(len(words))
    roll = rng.random()
    if roll < 0.4:
        words[k] = rng.choice(["new", "42", "Seoul", "reportedly", "largest"])
    elif roll < 0.7 and len(words) > 3:
        del words[k]
    else:
        words.insert(k, rng.choice(["also", "nearly", "2025", "chip"]))
    return " ".join(words)


def test_shortlisted_fuzzy_search_finds_what_the_exhaustive_one_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past 50 candidates the merge measures only a shortlist (l10n.catalog.fuzzy): on
    edited news sentences, and on sentences with their words shuffled, it picks the very
    entry that measuring every candidate picks (or none when that finds none)."""
    from benchmarks.workload import load_sentences, spread
    from l10n.catalog import fuzzy
    from l10n.catalog.merge import _Matcher

    rng = random.Random(15)
    sentences = spread(load_sentences(), 140)
    candidates = [polib.POEntry(msgid=s, msgstr=f"t: {s}") for s in sentences]
    queries = [_edited(s, rng) for s in sentences]
    queries += [" ".join(rng.sample(s.split(), len(s.split()))) for s in sentences[:30]]
    shortlisted = _Matcher(candidates, 0.6)
    assert len(fuzzy.Shortlist(sentences)(queries[0])) == fuzzy.SHORTLIST
    monkeypatch.setattr(fuzzy, "EXHAUSTIVE", 10**9)
    exhaustive = _Matcher(candidates, 0.6)
    found = [shortlisted.best(polib.POEntry(msgid=q)) for q in queries]
    wanted = [exhaustive.best(polib.POEntry(msgid=q)) for q in queries]
    assert [f and f.msgid for f in found] == [w and w.msgid for w in wanted]
    assert sum(f is not None for f in found) >= 140  # the edited ones all found their own
