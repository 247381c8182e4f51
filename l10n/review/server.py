"""Start the review server: bind, say where it is, serve until Ctrl+C.

uvicorn serves the Starlette application. The socket is bound here, before anything is
said, so that a port in use is a clear error (and ``--port 0`` takes any free port, whose
number the URL then shows). By default the server listens on loopback only; a server on
another address (``--host 0.0.0.0``: a team on a LAN) answers only to the session token.
"""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.config import Settings
from l10n.errors import UsageError
from l10n.review.app import create_app
from l10n.review.reviewers import default_reviewer, load_tokens, tokens_path
from l10n.review.security import loopback_hosts
from l10n.review.session import ReviewSession

WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class ReviewServer:
    """A bound, ready server: ``url`` is what to open (with the token when it needs it)."""

    app: Any
    sock: socket.socket
    url: str
    token: str
    login: bool
    session: ReviewSession

    def uvicorn(self) -> Any:
        """The uvicorn server (not started): ``.run(sockets=[self.sock])`` serves,
        ``.should_exit = True`` stops it (what a test does from another thread)."""
        import uvicorn

        config = uvicorn.Config(self.app, log_level="warning", access_log=False,
                                lifespan="off", server_header=False)
        return uvicorn.Server(config)

    def run(self) -> None:
        """Serve until Ctrl+C (SIGINT) or SIGTERM; then stop cleanly."""
        threading.Thread(target=self.session.warm, daemon=True).start()
        try:
            self.uvicorn().run(sockets=[self.sock])
        finally:
            self.sock.close()

    @contextlib.contextmanager
    def background(self, timeout: float = 20.0) -> Iterator[ReviewServer]:
        """Serve from a thread for the duration of the block (tests, benchmarks)."""
        engine = self.uvicorn()
        threading.Thread(target=self.session.warm, daemon=True).start()
        thread = threading.Thread(target=engine.run, kwargs={"sockets": [self.sock]},
                                  daemon=True)
        thread.start()
        deadline = time.monotonic() + timeout
        while not engine.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the review server did not start")
            time.sleep(0.01)
        try:
            yield self
        finally:
            engine.should_exit = True
            thread.join(timeout)
            self.sock.close()


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; UsageError when the address cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            hint="is another `l10n review` running? pick another port with --port",
        ) from None
    sock.set_inheritable(True)
    return sock


def prepare(
    settings: Settings,
    articles: Sequence[Path] | None = None,
    langs: Sequence[str] | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    reviewer: str | None = None,
) -> ReviewServer:
    """Validate the project, build the application and bind its socket. ``reviewer``:
    the name on saves made with the session's token (default: :func:`default_reviewer`);
    a LAN server also answers to each reviewer's own token (``.l10n/reviewers.toml``)."""
    session = ReviewSession(settings, articles, langs, default_reviewer(settings, reviewer))
    local = is_loopback(host)
    login = not local or token is not None
    token = token or secrets.token_urlsafe(24)
    sock = bind(host, port)
    port = sock.getsockname()[1]
    hosts: set[str] | None = loopback_hosts(port) if local else None
    if local and host not in ("127.0.0.1", "localhost", "::1") and hosts is not None:
        hosts.add(f"{host}:{port}")
    reviewers = load_tokens(tokens_path(settings)) if login else {}
    app = create_app(session, token=token, hosts=hosts, login=login, reviewers=reviewers)
    shown = "127.0.0.1" if host in WILDCARDS else f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if login else "")
    return ReviewServer(app, sock, url, token, login, session)


__all__ = ["ReviewServer", "bind", "is_loopback", "prepare"]
