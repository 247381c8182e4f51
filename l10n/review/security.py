"""What keeps a review server on a laptop safe from the web pages its user visits.

Any page in the translator's browser can send requests to ``http://127.0.0.1:8765``; a
DNS-rebinding page can even read the answers under its own name. :class:`Guard` (an ASGI
middleware in front of every route) refuses:

* a request whose ``Host`` is not one of the server's own names (DNS rebinding: the
  attacker's name resolves to 127.0.0.1, but the browser sends the attacker's name);
* a request whose ``Origin`` is not the server's own, or that the browser marks as
  coming from another site (``Sec-Fetch-Site``): a cross-site POST, ``fetch`` or image;
  only following a link to a page (a GET navigation) is allowed from elsewhere;
* a state-changing request (anything but GET and HEAD) without the session's token in
  the ``X-L10n-Token`` header. Pages carry the token in a ``<meta>`` tag that only a
  same-origin page can read; a cross-site form cannot set a header at all;
* with ``login`` (a server on a LAN, ``--host 0.0.0.0``): any request without the token,
  given once as ``?token=`` (which sets a same-site cookie and redirects) or as the header.

Besides the session's token, each reviewer may have their own (``reviewers``: the SHA-256
of each token -> the reviewer's name, :mod:`l10n.review.reviewers`). The routes find who
sent a request in ``scope["l10n.reviewer"]`` (None: the session's own token, the person
at this computer) and the token the page must carry in ``scope["l10n.token"]``.

Every response forbids framing and inline scripts (``Content-Security-Policy``): even a
payload that escaped escaping would not run. Tokens are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_HEADER = "x-l10n-token"
COOKIE = "l10n_review"
SAFE_METHODS = ("GET", "HEAD")

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The build's own page (its styles are inline): no script at all.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
PREVIEW_PREFIX = "/preview/"


def loopback_hosts(port: int) -> set[str]:
    """The ``Host`` values a browser sends to a loopback server on ``port``."""
    return {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")}


class Guard:
    """The middleware (see the module's rules). ``hosts``: the accepted ``Host`` values,
    or None to accept any (only with ``login``: a LAN server cannot know its names)."""

    def __init__(self, app: ASGIApp, *, token: str, hosts: Iterable[str] | None,
                 login: bool = False, reviewers: dict[str, str] | None = None) -> None:
        if hosts is None and not login:
            raise ValueError("a server that accepts any Host must require its token")
        self.app = app
        self.token = token
        self.reviewers = dict(reviewers or {})
        self.hosts = None if hosts is None else {h.lower() for h in hosts}
        self.login = login

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, message = refusal
            await _plain(send, status, message)
            return
        given = self._given(headers, cookie=True)
        who = self._identify(given)
        if self.login and who is None:
            await self._login(scope, send)
            return
        scope["l10n.token"] = given if who is not None else self.token
        scope["l10n.reviewer"] = who or None
        policy = PREVIEW_POLICY if scope["path"].startswith(PREVIEW_PREFIX) else PAGE_POLICY

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_security_headers(policy)]
            await send(message)

        await self.app(scope, receive, secured)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "").lower()
        if self.hosts is not None and host not in self.hosts:
            return 421, "this review server does not answer to that host name"
        origin = headers.get("origin")
        if origin is not None and origin.lower() != f"http://{host}":
            return 403, "cross-origin requests are refused"
        site = headers.get("sec-fetch-site", "same-origin")
        navigation = scope["method"] in SAFE_METHODS and headers.get("sec-fetch-mode") == "navigate"
        if site not in ("same-origin", "none") and not navigation:
            return 403, "cross-site requests are refused"
        if scope["method"] not in SAFE_METHODS and self._identify(
            self._given(headers, cookie=False)
        ) is None:
            return 403, "missing or wrong session token: reload the page"
        return None

    @staticmethod
    def _given(headers: dict[str, str], *, cookie: bool) -> str:
        given = headers.get(TOKEN_HEADER, "")
        if not given and cookie and "cookie" in headers:
            jar: SimpleCookie = SimpleCookie()
            jar.load(headers["cookie"])
            given = jar[COOKIE].value if COOKIE in jar else ""
        return given

    def _identify(self, given: str) -> str | None:
        """"" for the session's token, a reviewer's name for theirs, None for neither."""
        if not given:
            return None
        if hmac.compare_digest(given.encode(), self.token.encode()):
            return ""
        digest = hashlib.sha256(given.encode()).hexdigest()
        for known, name in self.reviewers.items():
            if hmac.compare_digest(digest, known):
                return name
        return None

    async def _login(self, scope: Scope, send: Send) -> None:
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.pop("token", "")
        if scope["method"] in SAFE_METHODS and self._identify(given) is not None:
            target = scope["path"] + (f"?{urlencode(query)}" if query else "")
            cookie = f"{COOKIE}={given}; Path=/; HttpOnly; SameSite=Strict"
            await send({"type": "http.response.start", "status": 303, "headers": [
                (b"location", target.encode("latin-1")), (b"set-cookie", cookie.encode()),
                *_security_headers(PAGE_POLICY)]})
            await send({"type": "http.response.body", "body": b""})
            return
        await _plain(send, 401, "this review server needs its token: open the address that "
                     "`l10n review` printed (it ends with ?token=...)")


def _security_headers(policy: str) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cache-control", b"no-store"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]


async def _plain(send: Send, status: int, message: str) -> None:
    body = (message + "\n").encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()), *_security_headers(PAGE_POLICY)]})
    await send({"type": "http.response.body", "body": body})


__all__ = ["COOKIE", "TOKEN_HEADER", "Guard", "loopback_hosts"]
