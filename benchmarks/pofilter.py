"""Translate Toolkit's ``pofilter`` on entries, for the benchmarks that set l10n's checks
beside it (:mod:`benchmarks.check_quality`, :mod:`benchmarks.numbers_table`)."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def failed_tests(entries: Sequence[tuple[str, Any]],
                 options: Sequence[str] = ()) -> list[list[str]]:
    """The pofilter tests each (language, polib entry) fails, in order. Each language's
    entries go in a catalog of their own; an entry's ``msgctxt`` is replaced by its index."""
    import polib

    by_lang: dict[str, list[int]] = {}
    for i, (lang, _) in enumerate(entries):
        by_lang.setdefault(lang, []).append(i)
    failed: list[list[str]] = [[] for _ in entries]
    tool = Path(sys.executable).with_name("pofilter")
    with tempfile.TemporaryDirectory() as folder:
        for lang, indexes in by_lang.items():
            po = polib.POFile()
            po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
            for i in indexes:
                entry = entries[i][1]
                entry.msgctxt = str(i)
                po.append(entry)
            given, out = Path(folder) / f"{lang}.po", Path(folder) / f"{lang}.out.po"
            po.save(str(given))
            subprocess.run([str(tool), *options, f"--language={lang}", "--progress=none",
                            str(given), str(out)], check=True, capture_output=True)
            if not out.exists():
                continue
            for entry in polib.pofile(str(out)):
                failed[int(entry.msgctxt)] = re.findall(r"\(pofilter\) (\w+):", entry.tcomment)
    return failed
