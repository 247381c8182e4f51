"""Imported at start-up by the test LibreTranslate server (its PYTHONPATH): every
connection or name lookup that does not stay on this machine is refused and written to
$OFFLINE_LOG, so a test run shows that the server works offline."""

import os
import socket
import sys

_LOCAL = {"127.0.0.1", "::1", "localhost", None, ""}


def _refuse(what: str) -> None:
    with open(os.environ.get("OFFLINE_LOG", os.devnull), "a", encoding="utf-8") as log:
        log.write(what + "\n")
    raise OSError(f"offline test server: {what} refused")


def _audit(event: str, args: tuple) -> None:
    if event == "socket.connect":
        sock, address = args
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOCAL:
            _refuse(f"connect {address!r}")
    elif event == "socket.getaddrinfo" and args[0] not in _LOCAL:
        _refuse(f"getaddrinfo {args[0]!r}")


sys.addaudithook(_audit)
