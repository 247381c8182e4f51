"""What l10n knows of each language.

- :mod:`l10n.lang.codes`: language codes validated with Babel (CLDR), base languages, BCP 47;
- :mod:`l10n.lang.ko`: Korean particles (josa) after terms: choose, repair, check;
- :mod:`l10n.lang.numbers` and :mod:`l10n.lang.number_rules`: numbers, money, dates and
  durations read as comparable values, with per-language tables.
"""

from l10n.lang.codes import (
    base_language,
    bcp47,
    is_language_code,
    split_languages,
    validate_language,
)

__all__ = ["base_language", "bcp47", "is_language_code", "split_languages",
           "validate_language"]
