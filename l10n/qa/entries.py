"""What an entry says about how to check it: its flags, pseudo output, plural forms.

- ``#, ignore-<check>`` flags (Weblate's spelling) turn checks off for one entry
  (:func:`ignored_checks`); Weblate's own names for the same checks are accepted too.
- Untouched output of the ``pseudo`` engine is read back without its accents
  (:func:`pseudo_text`), so language-dependent checks can treat it as source text.
- A plural entry is checked form by form (:func:`plural_forms`); each form carries the
  :data:`PLURAL_FORM` flag and keeps ``msgid_plural``: gettext compares every form's
  placeholders with the plural source, and lets a form leave out the number.
- Entries that are not prose, such as ``translator-credits`` (:func:`is_credits`), are
  not checked, as Weblate and pofilter skip them.
"""

from __future__ import annotations

from dataclasses import replace

from l10n.catalog import Entry
from l10n.engines.pseudo import ACCENTS

PLURAL_FORM = "l10n-plural-form"  # on the views plural_forms() makes, never written
# msgids that hold the translators' names and addresses, not a translation (pofilter's list)
CREDITS = frozenset({
    "translator-credits", "translator_credits", "translators", "translation-credits",
    "your names", "your emails", "roles_of_translators", "credit_for_translators",
    "email of translators", "name of translators",
})  # fmt: skip
_UNACCENT = {accented: plain for plain, accented in ACCENTS.items()}
# Weblate's check names for l10n's checks, in `ignore-<name>` flags.
WEBLATE_NAMES = {
    "same": "identical", "double-space": "spaces", "begin-space": "whitespace",
    "end-space": "whitespace", "xml-tags": "markup", "url": "markup", "c-format": "placeholders",
    "python-format": "placeholders", "python-brace-format": "placeholders",
}  # fmt: skip


def ignored_checks(entry: Entry) -> set[str]:
    """The checks the entry's ``ignore-*`` flags turn off (``{"*"}``: all of them)."""
    names = {flag.strip()[len("ignore-") :] for flag in entry.flags if flag.strip().startswith(
        "ignore-")}
    if "all-checks" in names:
        return {"*"}
    return {WEBLATE_NAMES.get(name, name) for name in names}


def is_credits(entry: Entry) -> bool:
    """The entry lists translators (``translator-credits`` and the like), not prose."""
    return entry.msgid.strip().casefold() in CREDITS


def pseudo_text(entry: Entry) -> str | None:
    """Untouched output of the ``pseudo`` engine read back as source-language text (its
    accents removed), or None for any other entry."""
    if not entry.is_pseudo:  # fuzzy, or accepted by mistake: pseudo text all the same
        return None
    return entry.msgstr.translate(_UNACCENT)


def plural_forms(entry: Entry) -> list[Entry]:
    """A plural entry as one entry per translated form, each against the source it
    translates: with one form (Korean, Japanese) ``msgid_plural``; with more, the first
    against ``msgid`` and the others against ``msgid_plural``. Other entries: themselves."""
    if not entry.msgid_plural:
        return [entry]
    forms = entry.plural_forms or ("",)
    return [
        replace(entry, msgid=entry.msgid if i == 0 and len(forms) > 1 else entry.msgid_plural,
                msgstr=form, plural_forms=(), flags=(*entry.flags, PLURAL_FORM))
        for i, form in enumerate(forms)
        if form or i == 0
    ]


__all__ = ["CREDITS", "PLURAL_FORM", "WEBLATE_NAMES", "ignored_checks", "is_credits",
           "plural_forms", "pseudo_text"]
