"""What the first `make serve` and `make editar` print: Spanish lines, and no English block
from setuptools (installing the generator) or from decap-server (the editor's local server).
Each test runs the Makefile's own command."""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import venv
from pathlib import Path

import pytest

from .conftest import REPO, copy_repository

DECAP_SERVER = REPO / "node_modules" / ".bin" / "decap-server"
# A Python warning («BuildBackendWarning: Editable installation.») or setuptools' banner.
SETUPTOOLS_BLOCK = re.compile(r"\w+Warning: |\*{20}|setuptools")


def make_dry_run(*arguments: str) -> list[str]:
    """The shell lines `make` would run for `arguments`, without running them."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "-C", str(REPO), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


def test_installing_the_generator_prints_no_setuptools_block(tmp_path: Path) -> None:
    """The Makefile's `pip install -e`, into a new environment (without the dependencies,
    which are this environment's already: the build backend too, as the lock installs it)."""
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = f"{target}/bin/python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "dependencias.pth").write_text(sysconfig.get_path("purelib") + "\n")
    recipe = make_dry_run(f"VENV={target}", f"{target}/bin/.installed")
    [line] = [line for line in recipe if " -e " in line]
    assert f"{python} -m pip install" in line
    command = line.replace(
        f"{python} -m pip", f"{shlex.quote(sys.executable)} -m pip --python {python}"
    )
    result = subprocess.run(
        ["bash", "-c", command + " --no-deps"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not SETUPTOOLS_BLOCK.search(result.stdout + result.stderr), result.stderr
    # The filter is that one warning's: the same install without it shows the block.
    words = shlex.split(command)
    bare = [word for word in words if not word.startswith("PYTHONWARNINGS=")]
    assert bare != words
    shown = subprocess.run(
        [*bare, "--no-deps", "--force-reinstall"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert SETUPTOOLS_BLOCK.search(shown.stdout + shown.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def listens(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_make_editar_prints_no_english_log_lines(tmp_path: Path) -> None:
    if not DECAP_SERVER.exists():
        message = f"Falta {DECAP_SERVER}: ejecuta «npm ci» en la raíz."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    root = copy_repository(tmp_path / "repo")
    port, cms_port = free_port(), free_port()
    command = ["make", "--no-print-directory", "-s", "-C", str(REPO), "editar"]
    command += [f"REPO_DIR={root}", f"PORT={port}", f"CMS_PORT={cms_port}"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 45
        while not (answers(f"http://127.0.0.1:{port}/admin/") and listens(cms_port)):
            assert process.poll() is None and time.monotonic() < deadline, "make editar"
            time.sleep(0.5)
        time.sleep(1)  # anything decap-server says once it listens
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0].decode()
    assert f"Abre http://127.0.0.1:{port}/admin/ en tu navegador" in output
    assert "Vista previa en" in output
    assert "\x1b[" not in output, output  # no colour codes
    assert not re.search(r"^\s*(info|debug):|Decap CMS|Proxy Server", output, re.M), output
