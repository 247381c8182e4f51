"""Quality checks on catalog entries: plain functions -> :class:`~l10n.model.Finding`.

:mod:`l10n.qa.checks` holds the checks and their registry; number reading lives in
:mod:`l10n.lang.numbers`, term verification in :mod:`l10n.glossary.verify`.
"""

from l10n.qa.checks import CHECKS, Check, CheckContext, run_checks

__all__ = ["CHECKS", "Check", "CheckContext", "run_checks"]
