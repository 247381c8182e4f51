"""Who reviews: the name on every save, and the tokens of a team's reviewers.

On this computer (the default, loopback) one person reviews: ``--reviewer NAME``, else
``reviewer`` in the config, else git's ``user.name``, else the login name. A server open
to a LAN (``--host 0.0.0.0``) may give each reviewer their own token instead of one
shared token: ``l10n review --add-reviewer NAME`` makes one, prints it once and keeps only
its SHA-256 in ``.l10n/reviewers.toml`` (a token is 32 random bytes, so a plain hash is
as strong as a slow one, and a stolen file gives no token away). The server then knows
who sent each request from its token alone; names are never taken from the request.
"""

from __future__ import annotations

import getpass
import hashlib
import re
import secrets
import subprocess
from pathlib import Path

from l10n.config import Settings
from l10n.errors import ConfigError, UsageError
from l10n.fsutil import write_atomic
from l10n.tomlfile import load_toml

TOKENS_FILE = "reviewers.toml"
_NAME = re.compile(r"^[^\x00-\x1f<>\"\\]{1,80}$")


def tokens_path(settings: Settings) -> Path:
    return settings.state_dir / TOKENS_FILE


def default_reviewer(settings: Settings, given: str | None = None) -> str:
    """``given``, else the config's ``reviewer``, else git's ``user.name``, else the login."""
    name = given or settings.reviewer or _git_name(settings.root)
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "reviewer"
    return check_name(name)


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise UsageError(f"'{name}' cannot be a reviewer's name",
                         hint="use letters, digits, spaces and punctuation (no <, >, quotes)")
    return name


def _git_name(root: Path) -> str:
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=root, capture_output=True,
                              text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def load_tokens(path: Path) -> dict[str, str]:
    """Token digest -> reviewer, from the tokens file (empty when there is none)."""
    if not path.is_file():
        return {}
    data, _ = load_toml(path, ConfigError)
    table = data.get("reviewers", {})
    found: dict[str, str] = {}
    for name, value in table.items() if isinstance(table, dict) else ():
        if not isinstance(value, str) or not re.fullmatch(r"sha256:[0-9a-f]{64}", value):
            raise ConfigError(f"reviewer '{name}' needs a token digest (sha256:<64 hex>)",
                              path=path, hint="make one with `l10n review --add-reviewer NAME`")
        found[value.removeprefix("sha256:")] = check_name(name)
    return found


def add_reviewer(path: Path, name: str) -> str:
    """Give ``name`` a new token (replacing theirs); returns the token, which is not kept."""
    name = check_name(name)
    known = {reviewer: d for d, reviewer in load_tokens(path).items()}
    token = secrets.token_urlsafe(32)
    known[name] = digest(token)
    lines = ["# l10n review: reviewers and the SHA-256 of their tokens (never the tokens)",
             "[reviewers]"]
    lines += [f'"{n}" = "sha256:{d}"' for n, d in sorted(known.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, "\n".join(lines) + "\n")
    return token


__all__ = ["TOKENS_FILE", "add_reviewer", "check_name", "default_reviewer", "digest",
           "load_tokens", "tokens_path"]
