"""File-system faults give a Spanish message naming the path, exit 1 and the old site as it was:
unreadable folders, unwritable places (run as an unprivileged user with `setpriv`), a full disk
and a busy site folder (small tmpfs mounts). And two builds at once stay independent."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .command import GENERATOR_SECONDS, generator_command, run_generator
from .conftest import VALID_PRACTICE, MakeRepo, create_repo
from .sitebuild import build
from .sitecheck import snapshot

NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def can_drop_privileges() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe = subprocess.run(
        [*NOBODY, sys.executable, "-c", "import generator"], capture_output=True, timeout=30
    )
    return probe.returncode == 0


needs_nobody = pytest.mark.skipif(
    not can_drop_privileges(),
    reason="hace falta root y setpriv para probar permisos como un usuario sin privilegios "
    "(root lee y escribe todo)",
)


def generator(*args: str, nobody: bool = False) -> subprocess.CompletedProcess[str]:
    # A user without a home folder, and so without a cache folder (the tests' own is root's).
    without_home = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    env = {**without_home, "HOME": "/nonexistent"} if nobody else None
    return run_generator(*args, env=env, prefix=NOBODY if nobody else ())


ENGLISH_OS_ERRORS = (
    "Permission denied",
    "No such file",
    "Read-only file system",
    "No space left",
    "Device or resource busy",
)


def assert_message(result: subprocess.CompletedProcess[str], *said: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for english in ENGLISH_OS_ERRORS:  # the system's own strerror never reaches an author
        assert english not in result.stderr + result.stdout, result.stderr
    for text in said:
        assert text in result.stderr + result.stdout, result.stderr


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's own is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="red-fallas-", dir="/tmp"))
    base.chmod(0o755)
    yield base
    for path in base.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(base)


@needs_nobody
@pytest.mark.parametrize("folder", ["practices", "centers"])
def test_an_unreadable_content_folder_is_reported(shared: Path, folder: str) -> None:
    root = create_repo(shared / "repo")
    (root / folder).chmod(0o000)
    for command in ("check", "build"):
        result = generator(command, "--root", str(root), nobody=True)
        assert_message(result, folder, "No se pudo leer la carpeta")
    # `serve` starts on invalid content (its pages show the problems), but not in a
    # repository where it cannot write its pages' folder.
    result = generator("serve", "--root", str(root), nobody=True)
    assert_message(result, "docs_site", "no hay permiso")


def test_serve_on_an_address_in_use_says_so(make_repo: MakeRepo) -> None:
    root = make_repo()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        result = generator("serve", "--root", str(root), "--dev-addr", address)
    assert_message(result, f"No se pudo abrir la vista previa en {address}", "ya está en uso")
    assert "--dev-addr 127.0.0.1:8001" in result.stderr


@needs_nobody
def test_an_unreadable_file_is_reported(shared: Path) -> None:
    root = create_repo(shared / "repo")
    (root / "practices" / "diagnostico.md").chmod(0o000)
    assert_message(generator("check", "--root", str(root), nobody=True), "No se pudo leer")
    assert_message(
        generator(
            "format", "--root", str(root), str(root / "practices" / "diagnostico.md"), nobody=True
        ),
        "no hay permiso",
    )


@needs_nobody
def test_an_unwritable_site_folder_leaves_the_old_site(shared: Path) -> None:
    root = create_repo(shared / "repo")
    site = shared / "publicado" / "site"
    assert build(root, site_dir=site).returncode == 0  # as root: the folder is root's
    before = snapshot(site)
    result = generator("build", "--root", str(root), "--site-dir", str(site), nobody=True)
    assert_message(result, "no hay permiso", str(site.parent))
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


@needs_nobody
def test_an_unwritable_repository_for_new_and_synth(shared: Path) -> None:
    root = create_repo(shared / "repo")
    result = generator(
        "new", "practica", "--root", str(root), "--titulo", "Ferias", "--centro", "talca",
        "--areas", "digitalizacion", "--resumen", "Ferias de barrio.", nobody=True,
    )  # fmt: skip
    assert_message(result, "no hay permiso", "practices")
    result = generator(
        "synth", "--centers", "2", "--practices", "3", "--out", str(shared / "nuevo"), nobody=True
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (shared / "nuevo").exists()


# --- full and busy disks (small tmpfs mounts) ---------------------------------------------------


def mount_tmpfs(path: Path, size: int, *options: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs", str(path)],
        capture_output=True,
        timeout=30,
    )
    if done.returncode != 0:
        pytest.skip(f"no se puede montar un tmpfs aquí: {done.stderr.decode().strip()}")


@pytest.fixture
def mounts() -> Iterator[list[Path]]:
    mounted: list[Path] = []
    yield mounted
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)


def disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@pytest.mark.skipif(os.geteuid() != 0, reason="montar un tmpfs requiere root")
def test_a_full_disk_leaves_the_old_site(
    make_repo: MakeRepo, tmp_path: Path, mounts: list[Path]
) -> None:
    root = make_repo()
    first = tmp_path / "primero"
    assert build(root, site_dir=first).returncode == 0
    disk = tmp_path / "disco"
    # Room for the old site and a little more: the new one runs out of space half-way.
    mount_tmpfs(disk, disk_size(first) + 4 * len(list(first.rglob("*"))) * 1024 + 256 * 1024)
    mounts.append(disk)
    shutil.copytree(first, disk / "site")
    before = snapshot(disk / "site")
    result = build(root, site_dir=disk / "site")
    assert_message(result, "el disco está lleno", str(disk))
    # Our sentence first: no line of the engine's own (its «Error building page …»).
    assert result.stderr.startswith("Error: no se pudo leer o escribir"), result.stderr
    assert "Error building page" not in result.stderr and "MkDocs" not in result.stderr
    assert snapshot(disk / "site") == before
    assert sorted(p.name for p in disk.iterdir()) == ["site"]  # no half-written staging


@pytest.mark.skipif(os.geteuid() != 0, reason="montar un tmpfs requiere root")
def test_a_busy_or_read_only_site_folder_leaves_the_old_site(
    make_repo: MakeRepo, tmp_path: Path, mounts: list[Path]
) -> None:
    root = make_repo()
    built = tmp_path / "construido"
    assert build(root, site_dir=built).returncode == 0
    busy = tmp_path / "ocupado" / "site"  # a mount point cannot be renamed: EBUSY
    mount_tmpfs(busy, 64 * 1024 * 1024)
    mounts.append(busy)
    shutil.copytree(built, busy, dirs_exist_ok=True)
    before = snapshot(busy)
    assert_message(build(root, site_dir=busy), "está en uso", str(busy))
    assert snapshot(busy) == before
    read_only = tmp_path / "solo-lectura"
    mount_tmpfs(read_only, 64 * 1024 * 1024)
    mounts.append(read_only)
    shutil.copytree(built, read_only / "site")
    subprocess.run(["mount", "-o", "remount,ro", str(read_only)], check=True, timeout=30)
    before = snapshot(read_only / "site")
    assert_message(build(root, site_dir=read_only / "site"), "solo lectura", str(read_only))
    assert snapshot(read_only / "site") == before


# --- concurrent builds --------------------------------------------------------------------------


def test_two_builds_at_once_give_the_same_sites_as_one_after_the_other(
    make_repo: MakeRepo, tmp_path: Path
) -> None:
    drafts = {
        f"practices/borrador-{n}.md": VALID_PRACTICE.replace(
            "estado: ejemplo", "estado: borrador"
        ).replace("titulo: Diagnóstico", f"titulo: Borrador {n} del diagnóstico")
        for n in range(5)
    }
    root = make_repo(drafts)
    options = {"sin-borradores": [], "con-borradores": ["--drafts"]}
    for name, extra in options.items():
        assert build(root, *extra, site_dir=tmp_path / "uno-tras-otro" / name).returncode == 0
    command = generator_command("build", "--root", str(root))
    running = [
        subprocess.Popen(
            [*command, "--site-dir", str(tmp_path / "a-la-vez" / name), *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for name, extra in options.items()
    ]
    for process in running:
        assert process.wait(timeout=GENERATOR_SECONDS) == 0, (
            process.stderr.read() if process.stderr else ""
        )
        if process.stderr:
            process.stderr.close()
    for name in options:
        alone = snapshot(tmp_path / "uno-tras-otro" / name)
        together = snapshot(tmp_path / "a-la-vez" / name)
        assert alone.keys() == together.keys(), name
        assert [p for p in alone if alone[p] != together[p]] == [], name
    without = snapshot(tmp_path / "a-la-vez" / "sin-borradores")
    assert not [p for p in without if p.startswith("practicas/borrador-")]
    assert "practicas/borrador-0/index.html" in snapshot(tmp_path / "a-la-vez" / "con-borradores")


def test_a_search_indexer_that_cannot_start_is_said_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.publish.search import BackgroundIndex, SearchError

    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-existe" / "python"))
    with pytest.raises(SearchError) as raised:
        BackgroundIndex.start([("index.html", "<main>Hola</main>")], tmp_path / "site").finish()
    assert str(raised.value) == "No se pudo ejecutar Pagefind (búsqueda del sitio): no existe"
