"""The gate for text entering a catalog from outside (l10n.text.incoming), and what
engines' answers become on the way through it: ``run_batch`` for any engine, and the
LibreTranslate client against hostile servers (fake ones on 127.0.0.1: a server that
answers one byte at a time, nested JSON, translations that are not text)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n.engines.base import BaseEngine, run_batch
from l10n.engines.libretranslate import LibreTranslateEngine
from l10n.errors import EngineError, L10nWarning
from l10n.model import Hypothesis
from l10n.text.incoming import MAX_CHARS, Refused, admit
from tests.conftest import allow_loopback


# ------------------------------------------------------------------------- the gate
@pytest.mark.parametrize(("text", "expected", "removed"), [
    ("plain 텍스트\twith tab\nand newline", "plain 텍스트\twith tab\nand newline", 0),
    ("NUL\x00 inside", "NUL inside", 1),
    ("\x1b[31mred\x1b[0m text", "red text", 2),
    ("title \x1b]0;pwned\x07 set", "title  set", 1),
    ("bell\x07 back\x08space\r", "bell backspace", 3),
    ("C1 \x9b31m csi and \x85 nel", "C1  csi and  nel", 2),
])
def test_controls_are_removed_and_counted(text: str, expected: str, removed: int) -> None:
    admitted = admit(text)
    assert (admitted.text, admitted.removed) == (expected, removed)
    assert bool(admitted.note) == bool(removed)


@pytest.mark.parametrize(("value", "message"), [
    (None, "not text but NoneType"),
    ({"a": 1}, "not text but dict"),
    (b"bytes", "not text but bytes"),
    ("half \ud800 pair", r"lone surrogate U\+D800 at character 6"),
    ("x" * (MAX_CHARS + 1), "over the limit"),
])
def test_what_cannot_pass_is_refused(value: object, message: str) -> None:
    with pytest.raises(Refused, match=message):
        admit(value)


@given(st.text())
def test_what_passes_can_be_written_and_has_no_controls(text: str) -> None:
    try:
        admitted = admit(text)
    except Refused:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        return
    admitted.text.encode("utf-8")
    assert all(c in "\t\n" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F)
               for c in admitted.text)


# ------------------------------------------------------------------ any engine's answers
class _Answering(BaseEngine):
    name = "hostile"

    def __init__(self, answer: object) -> None:
        self.answer = answer

    def translate_batch(self, texts, source, target, *, n_best=1, progress=None):  # type: ignore[no-untyped-def, override]
        return [self.answer for _ in texts]


@pytest.mark.parametrize(("answer", "message"), [
    ([Hypothesis(None)], "returned an unusable translation .*not text but NoneType"),  # type: ignore[arg-type]
    ([Hypothesis({"a": 1})], "not text but dict"),  # type: ignore[arg-type]
    ([Hypothesis("a\ud800b")], "lone surrogate"),
    (["a plain string"], "returned str, not a Hypothesis"),
    (None, "returned NoneType, not a list"),
])
def test_an_unusable_answer_is_an_engine_error_naming_engine_and_segment(
    answer: object, message: str
) -> None:
    with pytest.raises(EngineError, match=message) as caught:
        run_batch(_Answering(answer), ["The deal was signed."], "en", "ko", 1)
    assert caught.value.exit_code == 3
    assert "'hostile'" in caught.value.message and "The deal was signed." in caught.value.message


def test_control_characters_in_an_answer_are_removed_with_a_warning() -> None:
    engine = _Answering([Hypothesis("계약\x00이 \x1b[2J체결됐다", -0.5)])
    with pytest.warns(L10nWarning, match="removed 2 control characters"):
        [[found]] = run_batch(engine, ["The deal was signed."], "en", "ko", 1)
    assert found == Hypothesis("계약이 체결됐다", -0.5)


# ----------------------------------------------------------------- LibreTranslate servers
@contextmanager
def _server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A one-thread HTTP server on 127.0.0.1 that reads a request and lets ``answer``
    write to the connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.1)  # so that the loop sees `stop`
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    _read_request(conn)
                    answer(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    with allow_loopback():
        thread.start()
        try:
            yield f"http://127.0.0.1:{listener.getsockname()[1]}"
        finally:
            stop.set()
            thread.join(timeout=10)
            listener.close()


def _read_request(conn: socket.socket) -> None:
    """The whole request (headers, then Content-Length bytes), so that closing the
    connection afterwards does not reset it."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536) or b"\r\n\r\n"
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        body += conn.recv(65536) or b" " * length


def _json(body: bytes) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
    return answer


def _languages_then(body: bytes) -> Callable[[socket.socket], None]:
    """GET /languages first (en, ko), then ``body`` for /translate."""
    calls = iter([json.dumps([{"code": "en", "targets": ["ko"]},
                              {"code": "ko", "targets": ["en"]}]).encode(), *[body] * 10])
    return lambda conn: _json(next(calls))(conn)


def test_a_server_answering_one_byte_a_second_times_out_within_the_timeout() -> None:
    calls = iter(range(10))

    def dribble(conn: socket.socket) -> None:
        if next(calls) == 0:  # GET /languages, at once
            _languages_then(b"")(conn)
            return
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(1000):
            conn.sendall(b" ")
            time.sleep(0.2)  # every read well within the timeout: only the whole is not

    with _server(dribble) as url:
        engine = LibreTranslateEngine([url], timeout=1.0, retries=0)
        began = time.monotonic()
        with pytest.raises(EngineError, match="did not answer within 1 s"):
            run_batch(engine, ["Hello there."], "en", "ko", 1)
        took = time.monotonic() - began
    assert took < 3.0, took  # 1000 bytes at 5 a second: 200 s without the watchdog


@pytest.mark.parametrize(("body", "message"), [
    (b"[" * 100_000 + b"]" * 100_000, "not JSON l10n can read"),
    (json.dumps({"translatedText": [None]}).encode(), "answered NoneType for the segment"),
    (json.dumps({"translatedText": [{"a": 1}]}).encode(), "answered dict for the segment"),
    (json.dumps({"translatedText": [7]}).encode(), "answered int for the segment"),
    (json.dumps({"translatedText": ["\ud800"]}).encode(), "lone surrogate"),
])
def test_hostile_libretranslate_answers_are_engine_errors(body: bytes, message: str) -> None:
    with _server(_languages_then(body)) as url:
        engine = LibreTranslateEngine([url], timeout=5, retries=0)
        with pytest.raises(EngineError, match=message) as caught:
            run_batch(engine, ["Hello there."], "en", "ko", 1)
    assert caught.value.exit_code == 3
