"""Translation memory: reviewed and machine translations reused across articles and runs.

:class:`Memory` (``store.py``) keeps units in an SQLite file (default
``.l10n/memory.sqlite``, schema in ``schema.py``) with exact and fuzzy lookup; ``tmx.py``
reads and writes TMX 1.4b for CAT tools. Use it as::

    with Memory.open(settings.memory_path) as memory:
        memory.harvest(catalog.entries(), "en", "ko", origin="locales/ko/article.po")
        unit = memory.exact(text, "en", "ko")
        matches = memory.fuzzy(text, "en", "ko", settings.fuzzy_threshold)
"""

from l10n.memory.store import Memory
from l10n.memory.units import MACHINE, REVIEWED, Match, Unit, lang_code

__all__ = ["MACHINE", "REVIEWED", "Match", "Memory", "Unit", "lang_code"]
