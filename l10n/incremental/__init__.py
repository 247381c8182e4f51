"""What l10n remembers between runs, so that a run's cost follows what changed.

:mod:`~l10n.incremental.stamps`: a file's cheap facts (inode, size, mtime, ctime) and
when they can be trusted; :mod:`~l10n.incremental.store`: the state file (SQLite) of
files, their digests and facts derived from them; :mod:`~l10n.incremental.keys`: what
else a fact depends on (l10n's code, the settings, the glossary, a command's parameters:
:class:`RunKey`); :mod:`~l10n.incremental.spans`: one fact for a run of articles,
replayed while none of the files it names changed, recorded from a pass that only
asked the state. The state is a cache: deleting it
changes no command's output, only how long it takes.
"""

from l10n.incremental.keys import RunKey, code_key, glossary_key, key, settings_key
from l10n.incremental.stamps import Stamp, digest_bytes, stamp_of
from l10n.incremental.store import STATE_FILE, Known, State

__all__ = [
    "STATE_FILE",
    "Known",
    "RunKey",
    "Stamp",
    "State",
    "code_key",
    "digest_bytes",
    "glossary_key",
    "key",
    "settings_key",
    "stamp_of",
]
