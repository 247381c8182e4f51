"""Translation memory: reviewed and machine translations reused across articles and runs.

:class:`Memory` (``store.py``) keeps units in an SQLite file (default
``.l10n/memory.sqlite``) with exact and fuzzy lookup; ``tmx.py`` reads and writes TMX 1.4b
for CAT tools. Use it as::

    with Memory.open(settings.path(settings.memory)) as memory:
        memory.harvest(catalog.entries(), "en", "ko", origin="locales/ko/article.po")
        unit = memory.exact(text, "en", "ko")
        matches = memory.fuzzy(text, "en", "ko", settings.fuzzy_threshold)
"""

from l10n.memory.store import MACHINE, REVIEWED, Match, Memory, Unit, lang_code, similarity_ratio

__all__ = ["MACHINE", "REVIEWED", "Match", "Memory", "Unit", "lang_code", "similarity_ratio"]
