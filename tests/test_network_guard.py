"""The test session's network block: internet sockets fail, loopback (a test's own local
server) works, and nothing else slips through a loopback-looking name."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkBlocked


@pytest.mark.parametrize("address", [("93.184.216.34", 80), ("10.0.0.1", 8765),
                                     ("2606:4700::6810:85e5", 443)])
def test_internet_connections_are_blocked(address: tuple[str, int]) -> None:
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family) as sock, pytest.raises(NetworkBlocked):
        sock.connect(address)
    with pytest.raises(NetworkBlocked):
        socket.create_connection(address, timeout=1)


@pytest.mark.parametrize("host", ["example.com", "localhost.example.com", "127.0.0.1.nip.io"])
def test_names_are_not_resolved(host: str) -> None:
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo(host, 80)


def test_loopback_connections_work() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            peer, _ = server.accept()
            with peer:
                client.sendall(b"ping")
                assert peer.recv(4) == b"ping"
