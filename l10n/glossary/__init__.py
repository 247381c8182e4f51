"""The term glossary: ``glossaries/*.toml`` loaded, validated, matched, exchanged.

- :mod:`l10n.glossary.load`: the file format and its rules; :func:`load_glossary`,
  :func:`check_glossary`.
- :mod:`l10n.glossary.match`: :class:`Glossary` and how terms are found in a text.
- :mod:`l10n.glossary.interchange` and :mod:`l10n.glossary.tbx`: TBX and CSV export/import.
"""

from l10n.glossary.load import check_glossary, load_glossary
from l10n.glossary.match import Glossary

__all__ = ["Glossary", "check_glossary", "load_glossary"]
