"""The test session's network block: internet sockets always fail; loopback (a test's own
local server) only inside ``allow_loopback()``, and nothing else slips through with it."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkBlocked, allow_loopback


@pytest.mark.parametrize("address", [("93.184.216.34", 80), ("10.0.0.1", 8765),
                                     ("2606:4700::6810:85e5", 443)])
def test_internet_connections_are_blocked_even_with_loopback_allowed(
    address: tuple[str, int],
) -> None:
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with allow_loopback():
        with socket.socket(family) as sock, pytest.raises(NetworkBlocked):
            sock.connect(address)
        with pytest.raises(NetworkBlocked):
            socket.create_connection(address, timeout=1)


@pytest.mark.parametrize("host", ["example.com", "localhost.example.com", "127.0.0.1.nip.io"])
def test_names_are_not_resolved(host: str) -> None:
    with allow_loopback(), pytest.raises(NetworkBlocked):
        socket.getaddrinfo(host, 80)


def test_loopback_only_where_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(2)
        with pytest.raises(NetworkBlocked):
            socket.create_connection(server.getsockname(), timeout=5)
        with allow_loopback(), socket.create_connection(server.getsockname(), timeout=5) as c:
            peer, _ = server.accept()
            with peer:
                c.sendall(b"ping")
                assert peer.recv(4) == b"ping"
