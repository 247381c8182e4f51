"""polib's parser, given a PO file's strings joined onto one line each
(l10n.catalog.joined), reads the same entries at the same lines as from the file as
written: random catalogs (contexts, plurals, previous sources, obsolete entries,
quotes, backslashes, newlines) wrapped narrow so that every string has continuations."""

from __future__ import annotations

import polib
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from l10n.catalog.joined import one_line_strings

TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1,
               max_size=120)


def _fields(po: polib.POFile) -> list[tuple[object, ...]]:
    return [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, sorted(e.msgstr_plural.items()),
             e.previous_msgid, e.obsolete, e.linenum, e.comment, e.flags) for e in po]


@st.composite
def catalogs(draw: st.DrawFn) -> str:
    po = polib.POFile(wrapwidth=draw(st.sampled_from([12, 30, 78])))
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    seen = set()
    for _ in range(draw(st.integers(1, 6))):
        msgid = draw(TEXT)
        if msgid in seen:
            continue
        seen.add(msgid)
        plural = draw(st.booleans())
        entry = polib.POEntry(
            msgid=msgid, msgctxt=draw(st.none() | TEXT),
            msgid_plural=draw(TEXT) if plural else "",
            msgstr="" if plural else draw(TEXT),
            msgstr_plural={0: draw(TEXT), 1: draw(TEXT)} if plural else {},
            previous_msgid=draw(st.none() | TEXT), comment=draw(st.sampled_from(["", "note"])),
            flags=["fuzzy"] if draw(st.booleans()) else [],
            obsolete=draw(st.booleans()))
        po.append(entry)
    return str(po)


@settings(max_examples=150, deadline=None)
@given(catalogs())
def test_joined_strings_parse_to_the_same_entries_at_the_same_lines(text: str) -> None:
    try:
        expected = _fields(polib.pofile(text))
    except OSError:  # polib cannot read what it wrote (a line break inside a #| string)
        assume(False)
    joined = one_line_strings(text)
    assert len(joined.splitlines()) == len(text.splitlines())
    assert _fields(polib.pofile(joined)) == expected


def test_continuations_are_joined_and_blank_lines_keep_the_numbering() -> None:
    text = 'msgid ""\n"abc "\n"def"\nmsgstr "x"\n"y"\n\n#~ msgid "o"\n#~ "ld"\n#~ msgstr "z"\n'
    assert one_line_strings(text) == ('msgid "abc def"\n\n\nmsgstr "xy"\n\n\n'
                                      '#~ msgid "old"\n\n#~ msgstr "z"\n')
