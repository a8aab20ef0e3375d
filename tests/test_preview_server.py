"""The preview's web server in the terminal: a reader who leaves mid-answer is not an error."""

from __future__ import annotations

import socket
import struct
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.publish.preview.server import PreviewServer, PreviewState


def test_a_reader_who_leaves_mid_answer_prints_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file far larger than the socket buffers: the server is still writing when the reader
    # resets the connection, so its write fails.
    (tmp_path / "grande.bin").write_bytes(b"x" * 32_000_000)
    handled = threading.Event()
    errors: list[BaseException | None] = []
    original = PreviewServer.handle_error

    def spy(self: PreviewServer, request: Any, client_address: Any) -> None:
        errors.append(sys.exc_info()[1])
        try:
            original(self, request, client_address)
        finally:
            handled.set()

    monkeypatch.setattr(PreviewServer, "handle_error", spy)
    server = PreviewServer(("127.0.0.1", 0), PreviewState(site_dir=tmp_path))
    server.start()
    try:
        with socket.create_connection(server.server_address[:2], timeout=10) as reader:
            reader.sendall(b"GET /grande.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            assert reader.recv(1024).startswith(b"HTTP/1.0 200")
            # Close with a reset (linger 0), as a tab that is closed does.
            reader.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        assert handled.wait(timeout=20)
    finally:
        server.stop()
    assert len(errors) == 1 and isinstance(errors[0], ConnectionError)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
