"""`make editar` checks both of its ports before it starts anything: a port another program
holds is said in Spanish with the `make editar` that would work, and nothing is left running
(decap-server on a taken port used to print Node's English stack trace while the preview ran
on, and /admin/ then said «Failed to fetch»)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.authoring import editor_ports

from .conftest import REPO, create_repo


@pytest.fixture
def held_port() -> Iterator[int]:
    """A port another program listens on, as a server does (SO_REUSEADDR)."""
    with socket.socket() as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listens(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def make_editar(root: Path, port: int, cms_port: int) -> tuple[int, str, int]:
    """`make editar` with those ports, the tools already set up (-o keeps make from installing
    them again): its exit code, what it printed and its process group."""
    venv = Path(sys.executable).parent.parent
    command = [
        "make",
        "--no-print-directory",
        "-s",
        "-C",
        str(REPO),
        "-o",
        "node_modules/.installed",
    ]
    command += ["-o", str(venv / "bin" / ".installed"), f"VENV={venv}", "editar"]
    command += [f"REPO_DIR={root}", f"PORT={port}", f"CMS_PORT={cms_port}"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        output = process.communicate(timeout=60)[0].decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    return process.returncode, output, process.pid


def nothing_left(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("taken", ["PORT", "CMS_PORT"])
def test_a_taken_port_is_said_in_spanish_and_nothing_starts(
    tmp_path: Path, held_port: int, taken: str
) -> None:
    root = create_repo(tmp_path / "repo")
    other = free_port()
    ports = {"PORT": other, "CMS_PORT": other}
    ports[taken] = held_port
    code, output, group = make_editar(root, ports["PORT"], ports["CMS_PORT"])
    assert code != 0, output
    lines = output.splitlines()
    assert lines[0].startswith(f"No se puede usar el puerto {held_port}, "), output
    assert "ya lo ocupa otro programa" in lines[0]
    fix = lines[1]
    assert fix.startswith("Elige otro puerto libre, por ejemplo: make editar "), output
    suggested = dict(word.split("=") for word in fix.split("make editar ")[1].split())
    assert suggested[taken] != str(held_port) and not listens(int(suggested[taken]))
    assert "EADDRINUSE" not in output and "Error: listen" not in output
    assert "Abre http" not in output  # nothing started
    assert nothing_left(group) and not listens(other)


def test_both_ports_taken_are_both_said_with_one_fix(held_port: int) -> None:
    with socket.socket() as second:
        second.bind(("127.0.0.1", 0))
        second.listen()
        cms_port = int(second.getsockname()[1])
        lines = editor_ports.problems({"PORT": held_port, "CMS_PORT": cms_port})
    assert [line.split(",")[0] for line in lines[:2]] == [
        f"No se puede usar el puerto {held_port}",
        f"No se puede usar el puerto {cms_port}",
    ]
    assert "vista previa" in lines[0] and "decap-server" in lines[1]
    assert lines[2].startswith("Elige otro puerto libre, por ejemplo: make editar PORT=")
    assert " CMS_PORT=" in lines[2] and len(lines) == 3


def test_the_fix_names_only_what_changes_from_the_defaults(held_port: int) -> None:
    """With the default preview port, a taken CMS_PORT is fixed by CMS_PORT alone (as the
    issue's person would type it); the same port for both is refused."""
    free = editor_ports.problems({"PORT": free_port(), "CMS_PORT": free_port()})
    assert free == []
    assert editor_ports.problems({"PORT": 8100, "CMS_PORT": 8100})[0].startswith(
        "PORT y CMS_PORT son el mismo puerto (8100)"
    )
    default_port = editor_ports.DEFAULT_PORTS["PORT"]
    if editor_ports.refusal(default_port) is None:
        [_, fix] = editor_ports.problems({"PORT": default_port, "CMS_PORT": held_port})
        assert fix.split("make editar ")[1].startswith("CMS_PORT=") and "PORT=8000" not in fix
