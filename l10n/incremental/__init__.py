"""What l10n remembers between runs, so that a run's cost follows what changed. The state
is a cache: deleting it changes no command's output, only how long it takes. What each
module holds is in CONTRIBUTING.md's module map, and how a command's inputs reach the
keys of what it records, in its "Adding an input to a command".
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
