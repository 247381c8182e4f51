"""The ``libretranslate`` engine: a LibreTranslate server (https://libretranslate.com),
through its HTTP API.

Options (``[engines.libretranslate]`` in l10n.toml)::

    url = "http://localhost:5000"     # or a list: a pool of servers
    api_key = "..."                   # else $LIBRETRANSLATE_API_KEY (see api_key_env)
    api_key_env = "LIBRETRANSLATE_API_KEY"
    timeout = 60                      # seconds per request, the whole of it
    retries = 2                       # more attempts for a request that failed
    batch_size = 16                   # texts per request
    alternatives = true               # ask for n-best (LibreTranslate >= 1.5)

Rules:

* texts go in batches of ``batch_size`` as one ``POST /translate`` each, with ``q`` a list,
  ``format: "text"`` (l10n has already protected the markup), and ``alternatives``
  n-best - 1 when more than one hypothesis is wanted; the server's alternatives follow its
  translation, duplicates dropped, scores unknown (None);
* with several URLs the batches are spread over the servers, one request in flight per
  server (LibreTranslate translates the texts of a request one after another, so a pool
  is how a run goes faster); results come back in input order;
* language codes are the server's own (``GET /languages``, read once): ``ko_KR`` is sent
  as ``ko``, ``zh_Hant`` as ``zh-Hant`` where the server has it; a pair it lacks is an
  EngineError naming what it has, before any text is sent;
* a request that fails with a network error, a timeout, 429 (slow down) or a 5xx answer
  is tried again, up to ``retries`` times, on the next server of the pool, after a pause
  (0.5 s, then 1 s, 2 s...); a 400 (the server's ``{"error": ...}``, e.g. an unsupported
  pair or a text over its limit) or 403 (API key) is not;
* ``timeout`` bounds a whole request, from connecting to the answer's last byte: a
  server that answers one byte a second is cut off when it runs out, like one that
  never answers (a watchdog shuts the connection's socket down);
* an answer is at most 64 MiB and must be JSON a parser can take: one nested ten
  thousand levels deep is an engine error, like one that is not JSON; each translation
  must be a string (``null``, a number or an object for one is an engine error naming
  the segment); what passes then goes through :func:`l10n.engines.base.run_batch`'s
  gate like any engine's answer;
* every failure is an :class:`~l10n.errors.EngineError` (exit 3) in one line saying which
  server, what happened and what to do.

HTTP client: the standard library's ``urllib.request``: one JSON POST and two GETs need
no third-party client, and it honours proxies and the system's certificates; each
request opens its own connection, which costs nothing next to translating a batch, and
which the watchdog can cut.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from l10n.engines.base import Advance
from l10n.errors import EngineError
from l10n.lang import base_language, bcp47
from l10n.model import Hypothesis

DEFAULT_URL = "http://localhost:5000"
DEFAULT_KEY_ENV = "LIBRETRANSLATE_API_KEY"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_ANSWER = 64 * 1024 * 1024  # bytes
_HINT_URL = ("start the server (e.g. `libretranslate --host 127.0.0.1 --port 5000`) or set "
             "url in [engines.libretranslate]")


class _Retry(Exception):
    """A failure worth another attempt (network, timeout, 429, 5xx)."""


class LibreTranslateEngine:
    """A pool of LibreTranslate servers (see the module docstring)."""

    name = "libretranslate"

    def __init__(
        self,
        urls: Sequence[str],
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 2,
        batch_size: int = 16,
        alternatives: bool = True,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        self.urls = [u.rstrip("/") for u in urls]
        self.api_key = api_key
        self.timeout, self.retries, self.batch_size = timeout, retries, batch_size
        self.alternatives = alternatives
        self.pause = pause
        self._languages: dict[str, set[str]] | None = None
        self._version: str | None = None

    # ---------------------------------------------------------------- the Engine API
    def supports(self, source: str, target: str) -> bool:
        languages = self.languages()
        src, tgt = self._code(source), self._code(target)
        return src in languages and tgt in languages[src]

    def describe(self, source: str, target: str) -> str:
        if self._version is None:
            try:
                spec = self._request(self.urls[0], "/spec", None)
                info = spec.get("info", {}) if isinstance(spec, dict) else {}
                self._version = str(info.get("version", "")) if isinstance(info, dict) else ""
            except (EngineError, _Retry):  # no version: the provenance names the server
                self._version = ""
        return " ".join(p for p in ("libretranslate", self._version, self.urls[0]) if p)

    def translate_batch(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        n_best: int = 1,
        progress: Advance | None = None,
    ) -> list[list[Hypothesis]]:
        if not texts:
            return []
        if not self.supports(source, target):
            have = ", ".join(f"{s}->{'/'.join(sorted(t - {s}))}" for s, t in
                             sorted(self.languages().items()) if t - {s}) or "none"
            raise EngineError(
                f"the LibreTranslate server at {self.urls[0]} cannot translate "
                f"{source} -> {target} (it has {have})",
                hint="install the language models on the server, or choose another engine",
            )
        src, tgt = self._code(source), self._code(target)
        batches = [list(texts[i : i + self.batch_size])
                   for i in range(0, len(texts), self.batch_size)]

        def run(number: int) -> list[list[Hypothesis]]:
            found = self._translate(batches[number], src, tgt, n_best, number)
            if progress:
                progress(len(batches[number]))
            return found

        with ThreadPoolExecutor(max_workers=min(len(self.urls), len(batches))) as pool:
            results = list(pool.map(run, range(len(batches))))
        return [hyps for batch in results for hyps in batch]

    # ---------------------------------------------------------------- the server
    def languages(self) -> dict[str, set[str]]:
        """Source code -> target codes the server has (``GET /languages``, read once)."""
        if self._languages is None:
            answer = self._with_retries(0, "/languages", None)
            found: dict[str, set[str]] = {}
            for item in answer if isinstance(answer, list) else []:
                if isinstance(item, dict) and isinstance(item.get("code"), str):
                    found[item["code"]] = {str(t) for t in item.get("targets") or []}
            self._languages = found
        return self._languages

    def _code(self, lang: str) -> str:
        """The server's code for a gettext language code."""
        have = self._languages or {}
        for code in (bcp47(lang), base_language(lang)):
            if code in have:
                return code
        return base_language(lang)

    def _translate(self, batch: list[str], src: str, tgt: str, n_best: int,
                   number: int) -> list[list[Hypothesis]]:
        body: dict[str, Any] = {"q": batch, "source": src, "target": tgt, "format": "text"}
        if n_best > 1 and self.alternatives:
            body["alternatives"] = n_best - 1
        if self.api_key:
            body["api_key"] = self.api_key
        answer = self._with_retries(number, "/translate", body)
        texts = answer.get("translatedText") if isinstance(answer, dict) else None
        others = answer.get("alternatives") if isinstance(answer, dict) else None
        if not isinstance(texts, list) or len(texts) != len(batch):
            raise EngineError(f"unexpected answer from LibreTranslate at {self.urls[0]}: "
                              f"{str(answer)[:200]}", hint="is this a LibreTranslate server?")
        result = []
        for n, text in enumerate(texts):
            extra = others[n] if isinstance(others, list) and n < len(others) else []
            if not isinstance(text, str) or not isinstance(extra or [], list):
                raise EngineError(f"LibreTranslate at {self.urls[0]} answered "
                                  f"{type(text).__name__} for the segment {batch[n][:60]!r}, "
                                  "not text", hint="is this a LibreTranslate server?")
            unique = list(dict.fromkeys([text, *(a for a in extra or [] if isinstance(a, str))]))
            result.append([Hypothesis(t) for t in unique[: max(n_best, 1)]])
        return result

    def _with_retries(self, start: int, path: str, body: dict[str, Any] | None) -> Any:
        problem = ""
        for attempt in range(self.retries + 1):
            url = self.urls[(start + attempt) % len(self.urls)]
            try:
                return self._request(url, path, body)
            except _Retry as exc:
                problem = str(exc)
                if attempt < self.retries:
                    self.pause(min(0.5 * 2**attempt, 8.0))
        tries = f" (after {self.retries + 1} attempts)" if self.retries else ""
        raise EngineError(f"{problem}{tries}", hint=_HINT_URL)

    def _request(self, url: str, path: str, body: dict[str, Any] | None) -> Any:
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(
            url + path, data=data, method="POST" if data is not None else "GET",
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        late = f"the LibreTranslate server at {url} did not answer within {self.timeout:g} s"
        watchdog = _Watchdog(self.timeout)
        try:
            with watchdog.opener().open(request, timeout=self.timeout) as response:
                raw = response.read(MAX_ANSWER + 1)
        except urllib.error.HTTPError as exc:
            raise self._http_error(url, exc) from None
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if watchdog.expired or isinstance(reason, TimeoutError) or \
                    isinstance(exc, TimeoutError):
                raise _Retry(late) from None
            raise _Retry(f"cannot reach the LibreTranslate server at {url}: {reason}") from None
        finally:
            watchdog.cancel()
        if watchdog.expired:
            raise _Retry(late)
        if len(raw) > MAX_ANSWER:
            raise EngineError(f"LibreTranslate at {url} answered {path} with more than "
                              f"{MAX_ANSWER // 2**20} MiB", hint="is this a LibreTranslate server?")
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            raise EngineError(f"LibreTranslate at {url} answered {path} with something that "
                              "is not JSON l10n can read", hint="is this a LibreTranslate server?"
                              ) from None

    def _http_error(self, url: str, exc: urllib.error.HTTPError) -> Exception:
        try:
            detail = str(json.loads(exc.read()).get("error", ""))
        except (ValueError, AttributeError, OSError):
            detail = ""
        what = f"HTTP {exc.code}" + (f": {detail}" if detail else "")
        if exc.code in _RETRY_STATUS:
            return _Retry(f"the LibreTranslate server at {url} failed ({what})")
        if exc.code == 403:
            return EngineError(f"the LibreTranslate server at {url} refused the request "
                               f"({what})", hint=f"set api_key in [engines.libretranslate] or "
                               f"${DEFAULT_KEY_ENV}")
        return EngineError(f"the LibreTranslate server at {url} refused the request ({what})",
                           hint="check the languages it has (GET /languages) and its limits; "
                           "a smaller batch_size helps with a text limit")


class _Watchdog:
    """Cuts a request's connection when ``seconds`` have passed since it was made: the
    socket's own timeout bounds each read, this bounds them all. (The socket is kept as
    it connects: urllib lets go of the connection object once the headers are read.)"""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True
        self._timer.start()

    def opener(self) -> urllib.request.OpenerDirector:
        keep = self._keep

        class Http(urllib.request.HTTPHandler):
            def http_open(self, req: urllib.request.Request) -> Any:
                class Kept(http.client.HTTPConnection):
                    def connect(self) -> None:
                        super().connect()
                        keep(self.sock)

                return self.do_open(Kept, req)

        class Https(urllib.request.HTTPSHandler):
            def https_open(self, req: urllib.request.Request) -> Any:
                class Kept(http.client.HTTPSConnection):
                    def connect(self) -> None:
                        super().connect()
                        keep(self.sock)

                return self.do_open(Kept, req,
                                    context=self._context)  # type: ignore[attr-defined]

        return urllib.request.build_opener(Http(), Https())

    def _keep(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _cut(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)  # a blocked read returns at once


def create(
    url: str | list[str] = DEFAULT_URL,
    api_key: str | None = None,
    api_key_env: str = DEFAULT_KEY_ENV,
    timeout: float = 60.0,
    retries: int = 2,
    batch_size: int = 16,
    alternatives: bool = True,
) -> LibreTranslateEngine:
    """Entry point ``libretranslate``: the options of ``[engines.libretranslate]``."""
    urls = [url] if isinstance(url, str) else url
    if not isinstance(urls, list) or not urls or not all(
        isinstance(u, str) and u.startswith(("http://", "https://")) for u in urls
    ):
        raise EngineError("[engines.libretranslate] url must be an http(s) URL or a list of "
                          "them", hint=f'e.g. url = "{DEFAULT_URL}"')
    for option, value, low in (("timeout", timeout, 0.0), ("retries", retries, -1),
                               ("batch_size", batch_size, 0)):
        wrong = isinstance(value, bool) or not isinstance(value, int | float)
        if wrong or value <= low or (option != "timeout" and not isinstance(value, int)):
            raise EngineError(f"[engines.libretranslate] {option} must be a "
                              f"{'positive number' if option == 'timeout' else 'whole number'}"
                              f"{' of at least 0' if option == 'retries' else ''}")
    key = api_key or os.environ.get(api_key_env) or None
    return LibreTranslateEngine(urls, api_key=key, timeout=float(timeout), retries=retries,
                                batch_size=batch_size, alternatives=bool(alternatives))
